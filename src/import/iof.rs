//! IOF XML 3.0 ResultList (orienteering, also written by some running timing software):
//! each ClassResult becomes a distance, each PersonResult a result. IOF 2.0.3 files are
//! read where their element names differ only a little.

use super::convert::{document, put, Conversion, RowBibs};
use super::mapping::unique_id;
use super::notes::{ImportNote, NoteLog};
use super::values::{parse_decimal, slug};
use super::xml::{self, Element};
use super::{text, Encoding, ImportError};
use crate::domain::time::{format_time, parse_time};
use crate::domain::Status;
use serde_json::{Map, Value};

/// Converts an IOF XML ResultList to a results/v1 document.
pub fn read_iof_xml(bytes: &[u8]) -> Result<Conversion, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let (src, _) = text::decode(bytes, declared_encoding(bytes));
    let root = xml::parse(&src).map_err(|e| ImportError::Xml {
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    if root.name != "ResultList" {
        return Err(ImportError::NotResultList(root.name));
    }
    Ok(convert_result_list(&root))
}

/// The encoding an `<?xml ... encoding="..."?>` declaration names, if we read it.
fn declared_encoding(bytes: &[u8]) -> Option<Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_lowercase();
    let decl = head.split("?>").next().filter(|d| d.contains("<?xml"))?;
    let name = decl
        .split("encoding=")
        .nth(1)?
        .trim_start_matches(['"', '\'']);
    Encoding::from_label(name.split(['"', '\'']).next()?)
}

struct Class {
    id: String,
    name: String,
    km: Option<f64>,
    /// Split ids in course order, with the control code each stands for.
    splits: Vec<(String, String)>,
}

fn convert_result_list(root: &Element) -> Conversion {
    let mut log = NoteLog::default();
    let event = root.child("Event");
    let event_name = event
        .and_then(|e| e.text_at(&["Name"]))
        .unwrap_or("Results");
    let date = event.and_then(|e| {
        e.text_at(&["StartTime", "Date"])
            .or_else(|| e.text_at(&["StartDate", "Date"]))
    });

    let people = || {
        root.children_named("ClassResult")
            .flat_map(|c| c.children_named("PersonResult"))
    };
    let bibs = people().filter_map(|p| p.child("Result").and_then(|r| r.text_at(&["BibNumber"])));
    let mut row_bibs = RowBibs::new(bibs, people().count());
    let mut classes: Vec<Class> = Vec::new();
    let mut results = Vec::new();
    for class_result in root.children_named("ClassResult") {
        let class_name = class_result
            .text_at(&["Class", "Name"])
            .or_else(|| class_result.text_at(&["ClassShortName"]))
            .or_else(|| class_result.text_at(&["Class", "ClassShortName"]))
            .unwrap_or("Class");
        let taken: Vec<&str> = classes.iter().map(|c| c.id.as_str()).collect();
        let base = match slug(class_name) {
            s if s.is_empty() => format!("class-{}", classes.len() + 1),
            s => s,
        };
        let mut class = Class {
            id: unique_id(&base, &taken),
            name: class_name.to_string(),
            km: course_km(class_result),
            splits: Vec::new(),
        };
        for person_result in class_result.children_named("PersonResult") {
            let n = results.len() + 1;
            let entry = person(person_result, n, &mut row_bibs, &mut class, &mut log);
            results.push(Value::Object(entry));
        }
        classes.push(class);
    }
    log.extend(row_bibs.note());

    let distances = classes
        .iter()
        .map(|c| {
            let mut d = Map::new();
            put(&mut d, "id", c.id.clone().into());
            put(&mut d, "name", c.name.clone().into());
            if let Some(km) = c.km {
                put(&mut d, "km", km.into());
            }
            if !c.splits.is_empty() {
                let splits: Vec<Value> = c
                    .splits
                    .iter()
                    .map(|(id, code)| {
                        let mut s = Map::new();
                        put(&mut s, "id", id.clone().into());
                        put(&mut s, "name", code.clone().into());
                        Value::Object(s)
                    })
                    .collect();
                put(&mut d, "splits", splits.into());
            }
            Value::Object(d)
        })
        .collect();
    let rows_in = results.len();
    Conversion {
        json: document(event_name, date, distances, results),
        notes: log.finish(),
        rows_in,
        rows_skipped: 0,
    }
}

/// Course length in metres, on the class or on the first result that gives one.
fn course_km(class_result: &Element) -> Option<f64> {
    let metres = class_result.text_at(&["Course", "Length"]).or_else(|| {
        class_result
            .children_named("PersonResult")
            .find_map(|p| p.text_at(&["Result", "Course", "Length"]))
    })?;
    parse_decimal(metres)
        .filter(|m| *m > 0.0)
        .map(|m| m / 1000.0)
}

fn get<'a>(e: Option<&'a Element>, path: &[&str]) -> Option<&'a str> {
    e.and_then(|e| e.text_at(path))
}

fn person(
    pr: &Element,
    n: usize,
    row_bibs: &mut RowBibs,
    class: &mut Class,
    log: &mut NoteLog,
) -> Map<String, Value> {
    let mut out = Map::new();
    let person = pr.child("Person");
    let result = pr.child("Result");

    let bib = match get(result, &["BibNumber"]) {
        Some(b) => b.to_string(),
        None => row_bibs.make(n),
    };
    put(&mut out, "bib", bib.into());
    let names = ["Name", "PersonName"];
    let part = |p: &str| names.iter().find_map(|name| get(person, &[name, p]));
    let name = [part("Given"), part("Family")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    put(&mut out, "name", name.into());
    if let Some(sex) = person
        .and_then(|p| p.attr("sex"))
        .and_then(crate::domain::Sex::from_code)
    {
        put(&mut out, "sex", sex.code().into());
    }
    let birth = get(person, &["BirthDate"]).or_else(|| get(person, &["BirthDate", "Date"]));
    if let Some(year) = birth.and_then(super::values::read_birth_year) {
        put(&mut out, "birth_year", year.into());
    }
    let club = pr.child("Organisation").or_else(|| pr.child("Club"));
    if let Some(club) = get(club, &["Name"]).or_else(|| get(club, &["ShortName"])) {
        put(&mut out, "club", club.into());
    }
    let nationality = person.and_then(|p| p.child("Nationality"));
    let country = nationality.and_then(|n| {
        n.attr("code")
            .or_else(|| n.child("CountryId").and_then(|c| c.attr("value")))
    });
    if let Some(code) = country.map(str::trim).filter(|c| !c.is_empty()) {
        put(&mut out, "country", code.into());
    }

    let time_text = get(result, &["Time"]);
    let time = time_text.and_then(read_seconds);
    if let (Some(raw), None) = (time_text, &time) {
        log.push(ImportNote::UnreadableValue {
            row: n,
            column: "Time".into(),
            text: raw.into(),
        });
        put(&mut out, "chip_time", raw.into());
    }
    if let Some(t) = &time {
        put(&mut out, "chip_time", t.clone().into());
    }
    let status_text = get(result, &["Status"]).or_else(|| {
        result
            .and_then(|r| r.child("CompetitorStatus"))
            .and_then(|s| s.attr("value"))
    });
    let status = match status_text {
        Some(s) => iof_status(s).unwrap_or_else(|| {
            let guess = if matches!(s, "Inactive" | "DidNotEnter" | "Cancelled") {
                Status::Dns
            } else {
                Status::Dnf
            };
            log.push(ImportNote::UnknownStatus {
                row: n,
                text: s.into(),
                status: guess.code(),
            });
            guess
        }),
        None if time.is_some() => Status::Finished,
        None => Status::Dns,
    };
    put(&mut out, "status", status.code().into());
    let position = get(result, &["Position"]).or_else(|| get(result, &["ResultPosition"]));
    if let (Some(p), Status::Finished) = (position.and_then(|p| p.parse::<u32>().ok()), status) {
        if p > 0 {
            put(&mut out, "place", p.into());
        }
    }

    // Split ids are control codes; a control visited twice gets "-2" on the second.
    let mut splits = Map::new();
    let mut seen: Vec<String> = Vec::new();
    let mut previous: Option<String> = None;
    for split in result
        .into_iter()
        .flat_map(|r| r.children_named("SplitTime"))
    {
        let status = split.attr("status").unwrap_or("");
        if status == "Additional" {
            continue;
        }
        let Some(code) = split.text_at(&["ControlCode"]) else {
            continue;
        };
        let visits = seen.iter().filter(|c| *c == code).count();
        seen.push(code.to_string());
        let id = if visits == 0 {
            slug(code)
        } else {
            format!("{}-{}", slug(code), visits + 1)
        };
        let id = if id.is_empty() {
            format!("c{}", seen.len())
        } else {
            id
        };
        place_in_course(&mut class.splits, previous.as_deref(), &id, code);
        previous = Some(id.clone());
        match split.text_at(&["Time"]).and_then(read_seconds) {
            Some(t) if status != "Missing" => drop(splits.insert(id, t.into())),
            _ => log.push(ImportNote::MissingSplit {
                row: n,
                control: code.into(),
            }),
        }
    }
    put(&mut out, "distance", class.id.clone().into());
    if !splits.is_empty() {
        put(&mut out, "splits", splits.into());
    }
    out
}

/// Adds a control to the class's course order right after the one before it.
fn place_in_course(course: &mut Vec<(String, String)>, after: Option<&str>, id: &str, code: &str) {
    if course.iter().any(|(c, _)| c == id) {
        return;
    }
    let at = after
        .and_then(|a| course.iter().position(|(c, _)| c == a))
        .map_or(0, |i| i + 1);
    course.insert(at, (id.to_string(), code.to_string()));
}

/// IOF 3.0 times are seconds ("2301", "2301.4"); 2.0.3 wrote "38:21" or "0:38:21".
fn read_seconds(text: &str) -> Option<String> {
    parse_time(text).ok().map(format_time)
}

/// IOF result statuses with a clear meaning for a road race. OverTime and
/// SportingWithdrawal count as did not finish; MissingPunch is a disqualification.
fn iof_status(text: &str) -> Option<Status> {
    Some(match text {
        "OK" | "Finished" => Status::Finished,
        "DidNotFinish" | "OverTime" | "SportingWithdrawal" => Status::Dnf,
        "DidNotStart" => Status::Dns,
        "Disqualified" | "MissingPunch" | "MisPunch" => Status::Dsq,
        _ => return None,
    })
}
