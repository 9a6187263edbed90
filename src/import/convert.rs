//! Turning a mapped table into a results/v1 document. Every row that has any text
//! becomes one result: what the converter cannot read is passed on as written (the
//! viewer's format check then flags it on that runner) or left out with a note.

use super::csv::{is_blank, Table};
use super::mapping::{distance_id, unique_id, DistanceSpec, Field, Mapping};
use super::notes::{ImportNote, NoteLog};
use super::values::{
    self, clean_text, km_in, read_age, read_birth_year, read_place, read_sex_in, read_time,
    runner_name, slug, status_word, TimeCell,
};
use crate::domain::Status;
use serde_json::{Map, Value};

/// A results/v1 document and what was noticed making it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    pub json: Value,
    pub notes: Vec<ImportNote>,
    /// Rows read: table rows under the header, or PersonResults in IOF XML.
    pub rows_in: usize,
    /// Empty rows left out; every other row is one entry of `results`.
    pub rows_skipped: usize,
}

impl Conversion {
    /// How many results the document holds (rows_in - rows_skipped).
    pub fn results(&self) -> usize {
        self.json
            .get("results")
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }
}

struct SplitColumn {
    col: usize,
    id: String,
    name: String,
    km: Option<f64>,
}

/// Converts the table as the mapping says. Never fails: a mapping that makes no sense
/// gives results the viewer will flag.
pub fn convert(table: &Table, mapping: &Mapping) -> Conversion {
    let mut log = NoteLog::default();
    log.extend(table.notes.iter().cloned());
    let find = |f: &Field| mapping.columns.iter().position(|c| c == f);
    let header = |i: usize| table.headers.get(i).cloned().unwrap_or_default();
    let splits = split_columns(&mapping.columns);
    let dist_col = find(&Field::Distance);

    let mut specs: Vec<DistanceSpec> = if dist_col.is_some() {
        mapping.distances.clone()
    } else {
        let name = if mapping.distance_name.trim().is_empty() {
            "Race".to_string()
        } else {
            mapping.distance_name.trim().to_string()
        };
        let id = distance_id(&name, mapping.distance_km);
        vec![DistanceSpec {
            value: String::new(),
            id,
            name,
            km: mapping.distance_km,
        }]
    };
    // Per distance: used at all, and which splits have a time.
    let mut used: Vec<(bool, Vec<bool>)> = vec![(false, vec![false; splits.len()]); specs.len()];

    let bib_col = find(&Field::Bib);
    let real_bibs: std::collections::HashSet<&str> = match bib_col {
        Some(i) => table
            .rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|b| b.trim())
            .collect(),
        None => Default::default(),
    };
    let sex_col = find(&Field::Sex);
    let m_is_woman = sex_col.is_some_and(|c| {
        values::m_is_woman(
            table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(String::as_str),
        )
    });
    let only_gun = find(&Field::ChipTime).is_none() && find(&Field::GunTime).is_some();

    let mut results = Vec::with_capacity(table.rows.len());
    let (mut skipped, mut generated, mut first_generated) = (0usize, 0usize, 0usize);
    for (i, row) in table.rows.iter().enumerate() {
        let n = i + 1;
        if is_blank(row) {
            skipped += 1;
            continue;
        }
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", |v| v.trim());
        let mut out = Map::new();

        let mut bib = cell(bib_col).to_string();
        if bib.is_empty() {
            bib = n.to_string();
            if real_bibs.contains(bib.as_str()) {
                bib = format!("r{n}");
            }
            generated += 1;
            if first_generated == 0 {
                first_generated = n;
            }
        }
        out.insert("bib".into(), bib.into());
        let name = full_name(row, mapping, &find, n, &mut log);
        out.insert("name".into(), name.into());

        for (field, key) in [
            (Field::Category, "category"),
            (Field::Club, "club"),
            (Field::City, "city"),
            (Field::Country, "country"),
        ] {
            let raw = cell(find(&field));
            let (text, damaged) = clean_text(raw);
            if damaged {
                log.push(ImportNote::MojibakeSuspected {
                    row: n,
                    text: raw.to_string(),
                });
            }
            if !text.is_empty() {
                out.insert(key.into(), text.into());
            }
        }
        let unreadable = |log: &mut NoteLog, col: Option<usize>, text: &str| {
            log.push(ImportNote::UnreadableValue {
                row: n,
                column: col.map(header).unwrap_or_default(),
                text: text.to_string(),
            })
        };

        let sex = cell(sex_col);
        match read_sex_in(sex, m_is_woman) {
            Some(s) => drop(out.insert("sex".into(), s.code().into())),
            None if !sex.is_empty() => {
                unreadable(&mut log, sex_col, sex);
                out.insert("sex".into(), sex.into());
            }
            None => {}
        }
        let age_col = find(&Field::Age);
        let age = cell(age_col);
        match read_age(age) {
            Some(a) => drop(out.insert("age".into(), a.into())),
            None if !age.is_empty() => unreadable(&mut log, age_col, age),
            None => {}
        }
        let year_col = find(&Field::BirthYear);
        let year = cell(year_col);
        match read_birth_year(year) {
            Some(y) => drop(out.insert("birth_year".into(), y.into())),
            None if !year.is_empty() => unreadable(&mut log, year_col, year),
            None => {}
        }

        // Status: the status column, else a word in a time column, else a word in the
        // place column, else finished when there is a time.
        let mut status: Option<Status> = None;
        let mut status_as_written: Option<&str> = None;
        let status_text = cell(find(&Field::Status));
        if !status_text.is_empty() {
            match status_word(status_text) {
                Some(s) => status = Some(s),
                None => {
                    log.push(ImportNote::UnknownStatus {
                        row: n,
                        text: status_text.to_string(),
                        status: "as written",
                    });
                    status_as_written = Some(status_text);
                }
            }
        }
        let mut has_time = false;
        for (field, key) in [(Field::ChipTime, "chip_time"), (Field::GunTime, "gun_time")] {
            let col = find(&field);
            match read_time(cell(col)) {
                TimeCell::Time(t) => {
                    has_time = true;
                    out.insert(key.into(), t.into());
                }
                TimeCell::Status(s) => {
                    status.get_or_insert(s);
                }
                TimeCell::Bad(t) => {
                    unreadable(&mut log, col, &t);
                    out.insert(key.into(), t.into());
                }
                TimeCell::Missing => {}
            }
        }
        let place_col = find(&Field::Place);
        let place_text = cell(place_col);
        let place = read_place(place_text);
        if place.is_none() && !place_text.is_empty() {
            match status_word(place_text) {
                Some(s) => drop(status.get_or_insert(s)),
                None => unreadable(&mut log, place_col, place_text),
            }
        }
        let status = status.unwrap_or(if has_time {
            Status::Finished
        } else {
            Status::Dns
        });
        match status_as_written {
            Some(text) => out.insert("status".into(), text.into()),
            None => out.insert("status".into(), status.code().into()),
        };
        if let (Some(p), Status::Finished, None) = (place, status, status_as_written) {
            out.insert("place".into(), p.into());
        }

        let d = match dist_col {
            Some(c) => {
                let value = cell(Some(c));
                if value.is_empty() {
                    unreadable(&mut log, Some(c), value);
                    None
                } else {
                    Some(spec_for(&mut specs, &mut used, value, splits.len()))
                }
            }
            None => Some(0),
        };
        let mut times = Map::new();
        for (k, s) in splits.iter().enumerate() {
            let value = match read_time(cell(Some(s.col))) {
                TimeCell::Time(t) => t,
                TimeCell::Bad(t) => {
                    unreadable(&mut log, Some(s.col), &t);
                    t
                }
                _ => continue,
            };
            times.insert(s.id.clone(), value.into());
            if let Some(d) = d {
                used[d].1[k] = true;
            }
        }
        let distance_id = match d {
            Some(d) => {
                used[d].0 = true;
                specs[d].id.clone()
            }
            None => String::new(),
        };
        out.insert("distance".into(), distance_id.into());
        if !times.is_empty() {
            out.insert("splits".into(), times.into());
        }
        results.push(Value::Object(out));
    }
    if skipped > 0 {
        log.push(ImportNote::EmptyRowsSkipped { count: skipped });
    }
    if generated > 0 {
        log.push(ImportNote::BibsGenerated {
            count: generated,
            first_row: first_generated,
        });
    }

    let distances: Vec<Value> = specs
        .iter()
        .zip(&used)
        .filter(|(_, (was_used, _))| *was_used || dist_col.is_none())
        .map(|(spec, (_, has_split))| {
            let mut d = Map::new();
            d.insert("id".into(), spec.id.clone().into());
            d.insert("name".into(), spec.name.clone().into());
            if let Some(km) = spec.km {
                d.insert("km".into(), km.into());
            }
            if only_gun {
                d.insert("ranking".into(), "gun".into());
            }
            let split_defs: Vec<Value> = splits
                .iter()
                .zip(has_split)
                .filter(|(_, has)| **has)
                .map(|(s, _)| {
                    let mut o = Map::new();
                    o.insert("id".into(), s.id.clone().into());
                    o.insert("name".into(), s.name.clone().into());
                    if let Some(km) = s.km {
                        o.insert("km".into(), km.into());
                    }
                    Value::Object(o)
                })
                .collect();
            if !split_defs.is_empty() {
                d.insert("splits".into(), split_defs.into());
            }
            Value::Object(d)
        })
        .collect();

    Conversion {
        json: document(
            &mapping.event_name,
            mapping.event_date.as_deref(),
            distances,
            results,
        ),
        notes: log.finish(),
        rows_in: table.rows.len(),
        rows_skipped: skipped,
    }
}

pub(crate) fn document(
    event_name: &str,
    date: Option<&str>,
    distances: Vec<Value>,
    results: Vec<Value>,
) -> Value {
    let mut event = Map::new();
    let name = event_name.trim();
    event.insert(
        "name".into(),
        if name.is_empty() { "Results" } else { name }.into(),
    );
    if let Some(date) = date.map(str::trim).filter(|d| !d.is_empty()) {
        event.insert("date".into(), date.into());
    }
    let mut doc = Map::new();
    doc.insert("format".into(), "results/v1".into());
    doc.insert("event".into(), Value::Object(event));
    doc.insert("distances".into(), distances.into());
    doc.insert("results".into(), results.into());
    Value::Object(doc)
}

/// Split columns in course order: column order, or by distance when every split
/// names one.
fn split_columns(columns: &[Field]) -> Vec<SplitColumn> {
    let mut splits: Vec<SplitColumn> = Vec::new();
    for (col, f) in columns.iter().enumerate() {
        if let Field::Split(name) = f {
            let base = match slug(name) {
                s if s.is_empty() => format!("split-{}", splits.len() + 1),
                s => s,
            };
            let taken: Vec<&str> = splits.iter().map(|s| s.id.as_str()).collect();
            let id = unique_id(&base, &taken);
            splits.push(SplitColumn {
                col,
                id,
                name: name.clone(),
                km: km_in(name, false),
            });
        }
    }
    if splits.iter().all(|s| s.km.is_some()) {
        splits.sort_by(|a, b| a.km.partial_cmp(&b.km).unwrap_or(std::cmp::Ordering::Equal));
    }
    splits
}

/// The distance a Distance cell names; values the mapping did not list get added.
fn spec_for(
    specs: &mut Vec<DistanceSpec>,
    used: &mut Vec<(bool, Vec<bool>)>,
    value: &str,
    split_count: usize,
) -> usize {
    if let Some(i) = specs.iter().position(|s| s.value == value) {
        return i;
    }
    let km = km_in(value, true);
    let taken: Vec<&str> = specs.iter().map(|s| s.id.as_str()).collect();
    let id = unique_id(&distance_id(value, km), &taken);
    specs.push(DistanceSpec {
        value: value.to_string(),
        id,
        name: value.to_string(),
        km,
    });
    used.push((false, vec![false; split_count]));
    specs.len() - 1
}

fn full_name(
    row: &[String],
    mapping: &Mapping,
    find: &dyn Fn(&Field) -> Option<usize>,
    n: usize,
    log: &mut NoteLog,
) -> String {
    let cell = |f: Field| find(&f).and_then(|c| row.get(c)).map_or("", |v| v.trim());
    let whole = cell(Field::Name);
    let raw = if whole.is_empty() {
        let (first, last) = (cell(Field::FirstName), cell(Field::LastName));
        if !first.is_empty() && !last.is_empty() {
            format!("{first} {last}")
        } else {
            format!("{first}{last}")
        }
    } else {
        whole.to_string()
    };
    let (clean, damaged) = clean_text(&raw);
    if damaged {
        log.push(ImportNote::MojibakeSuspected { row: n, text: raw });
    }
    if whole.is_empty() {
        clean
    } else {
        runner_name(&clean, mapping.name_order)
    }
}
