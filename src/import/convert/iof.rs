//! IOF XML 3.0 ResultList (orienteering, also written by some running timing software):
//! each ClassResult becomes a distance, each PersonResult a result (a class of
//! TeamResults is a relay: iof_relay.rs). IOF 2.0.3 files are
//! read where their element names differ only a little.

use super::bibs::RowBibs;
use super::iof_relay;
use super::record::{document, Checkpoint, Course, Runner};
use super::Conversion;
use crate::domain::time::{format_time, parse_time};
use crate::domain::Status;
use crate::import::notes::{ImportNote, NoteLog};
use crate::import::read::text;
use crate::import::read::xml::{self, Element};
use crate::import::recognise::unique_id;
use crate::import::values::{age_on, parse_decimal, read_birth_year, read_date, slug};
use crate::import::ImportError;
use chrono::NaiveDate;

/// Converts an IOF XML ResultList to a results/v1 document.
pub fn read_iof_xml(bytes: &[u8]) -> Result<Conversion, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let (src, _) = text::decode(bytes, xml::declared_encoding(bytes));
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

    let race_day = date.and_then(read_date);

    let people = || {
        root.children_named("ClassResult")
            .flat_map(|c| c.children_named("PersonResult"))
    };
    let teams = || {
        root.children_named("ClassResult")
            .flat_map(|c| c.children_named("TeamResult"))
    };
    let bibs = people()
        .filter_map(|p| p.child("Result").and_then(|r| r.text_at(&["BibNumber"])))
        .chain(teams().filter_map(|t| t.text_at(&["BibNumber"])));
    let mut row_bibs = RowBibs::new(bibs, people().count() + teams().count());
    let mut classes: Vec<Course> = Vec::new();
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
        let mut class = Course {
            id: unique_id(&base, &taken),
            name: class_name.to_string(),
            km: course_km(class_result),
            ..Course::default()
        };
        for person_result in class_result.children_named("PersonResult") {
            let n = results.len() + 1;
            let entry = person(
                person_result,
                n,
                race_day,
                &mut row_bibs,
                &mut class,
                &mut log,
            );
            results.push(entry);
        }
        for team_result in class_result.children_named("TeamResult") {
            class.relay = true;
            let n = results.len() + 1;
            results.push(iof_relay::team(
                team_result,
                n,
                &mut row_bibs,
                &class.id,
                &mut log,
            ));
        }
        classes.push(class);
    }
    log.extend(row_bibs.note());

    let rows_in = results.len();
    Conversion {
        json: document(event_name, date, &classes, &results),
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

pub(super) fn get<'a>(e: Option<&'a Element>, path: &[&str]) -> Option<&'a str> {
    e.and_then(|e| e.text_at(path))
}

fn person(
    pr: &Element,
    n: usize,
    race_day: Option<NaiveDate>,
    row_bibs: &mut RowBibs,
    class: &mut Course,
    log: &mut NoteLog,
) -> Runner {
    let mut out = Runner::default();
    let person = pr.child("Person");
    let result = pr.child("Result");

    let bib = match get(result, &["BibNumber"]) {
        Some(b) => b.to_string(),
        None => row_bibs.make(n),
    };
    out.bib = bib;
    out.name = person_name(person);
    if let Some(sex) = person
        .and_then(|p| p.attr("sex"))
        .and_then(crate::domain::Sex::from_code)
    {
        out.sex = Some(sex.code().into());
    }
    let birth = get(person, &["BirthDate"]).or_else(|| get(person, &["BirthDate", "Date"]));
    if let Some(year) = birth.and_then(read_birth_year) {
        out.birth_year = Some(year);
    }
    // The age on race day, as the CSV importer gives it from a birth date.
    out.age = birth
        .and_then(read_date)
        .zip(race_day)
        .and_then(|(born, day)| age_on(born, day));
    let club = pr.child("Organisation").or_else(|| pr.child("Club"));
    if let Some(club) = get(club, &["Name"]).or_else(|| get(club, &["ShortName"])) {
        out.club = Some(club.into());
    }
    let nationality = person.and_then(|p| p.child("Nationality"));
    let country = nationality.and_then(|n| {
        n.attr("code")
            .or_else(|| n.child("CountryId").and_then(|c| c.attr("value")))
    });
    if let Some(code) = country.map(str::trim).filter(|c| !c.is_empty()) {
        out.country = Some(code.into());
    }

    let time_text = get(result, &["Time"]);
    let time = noted_seconds(time_text, "Time", n, log);
    if let (Some(raw), None) = (time_text, &time) {
        out.chip_time = Some(raw.into());
    }
    if let Some(t) = &time {
        out.chip_time = Some(t.clone());
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
    out.status = status.code().into();
    let position = get(result, &["Position"]).or_else(|| get(result, &["ResultPosition"]));
    if let (Some(p), Status::Finished) = (position.and_then(|p| p.parse::<u32>().ok()), status) {
        if p > 0 {
            out.place = Some(p);
        }
    }

    // Split ids are control codes; a control visited twice gets "-2" on the second.
    let mut splits: Vec<(String, String)> = Vec::new();
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
            Some(t) if status != "Missing" => splits.push((id, t)),
            _ => log.push(ImportNote::MissingSplit {
                row: n,
                control: code.into(),
            }),
        }
    }
    out.distance = class.id.clone();
    out.splits = splits;
    out
}

/// Adds a control to the class's course order right after the one before it.
/// "Given Family", from IOF 3.0 `Name` or 2.0.3 `PersonName`.
pub(super) fn person_name(person: Option<&Element>) -> String {
    let names = ["Name", "PersonName"];
    let part = |p: &str| names.iter().find_map(|name| get(person, &[name, p]));
    [part("Given"), part("Family")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

fn place_in_course(course: &mut Vec<Checkpoint>, after: Option<&str>, id: &str, code: &str) {
    if course.iter().any(|c| c.id == id) {
        return;
    }
    let at = after
        .and_then(|a| course.iter().position(|c| c.id == a))
        .map_or(0, |i| i + 1);
    let point = Checkpoint {
        id: id.to_string(),
        name: code.to_string(),
        km: None,
    };
    course.insert(at, point);
}

/// IOF 3.0 times are seconds ("2301", "2301.4"); 2.0.3 wrote "38:21" or "0:38:21".
/// `read_seconds` of a result's time; one that cannot be read is noted with its row
/// and the element it came from.
pub(super) fn noted_seconds(
    text: Option<&str>,
    column: &str,
    n: usize,
    log: &mut NoteLog,
) -> Option<String> {
    let raw = text?;
    let time = read_seconds(raw);
    if time.is_none() {
        log.push(ImportNote::UnreadableValue {
            row: n,
            column: column.into(),
            text: raw.into(),
        });
    }
    time
}

pub(super) fn read_seconds(text: &str) -> Option<String> {
    parse_time(text).ok().map(format_time)
}

/// IOF result statuses with a clear meaning for a road race. OverTime and
/// SportingWithdrawal count as did not finish; MissingPunch is a disqualification.
pub(super) fn iof_status(text: &str) -> Option<Status> {
    Some(match text {
        "OK" | "Finished" => Status::Finished,
        "DidNotFinish" | "OverTime" | "SportingWithdrawal" => Status::Dnf,
        "DidNotStart" => Status::Dns,
        "Disqualified" | "MissingPunch" | "MisPunch" => Status::Dsq,
        _ => return None,
    })
}
