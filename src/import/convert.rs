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
    // The first column of each field, looked up once rather than per row.
    let mut first_column = [None; Field::CHOICES.len()];
    for (i, f) in mapping.columns.iter().enumerate().rev() {
        if let Some(slot) = f.slot() {
            first_column[slot] = Some(i);
        }
    }
    let find = |f: &Field| f.slot().and_then(|s| first_column[s]);
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
    let mut row_bibs = match bib_col {
        Some(i) => RowBibs::new(table.rows.iter().filter_map(|r| r.get(i)), table.rows.len()),
        None => RowBibs::new(std::iter::empty::<&String>(), 0),
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
    let mut skipped = 0usize;
    for (i, row) in table.rows.iter().enumerate() {
        let n = i + 1;
        if is_blank(row) {
            skipped += 1;
            continue;
        }
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", |v| v.trim());
        let mut out = Map::new();

        let bib = match cell(bib_col) {
            "" => row_bibs.make(n),
            b => b.to_string(),
        };
        put(&mut out, "bib", bib.into());
        let name = full_name(row, mapping, &find);
        put(&mut out, "name", name.into());

        for (field, key) in [
            (Field::Category, "category"),
            (Field::Club, "club"),
            (Field::City, "city"),
            (Field::Country, "country"),
        ] {
            let text = clean_text(cell(find(&field)));
            if !text.is_empty() {
                put(&mut out, key, text.into());
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
            Some(s) => put(&mut out, "sex", s.code().into()),
            None if !sex.is_empty() => {
                unreadable(&mut log, sex_col, sex);
                put(&mut out, "sex", sex.into());
            }
            None => {}
        }
        let age_col = find(&Field::Age);
        let age = cell(age_col);
        match read_age(age) {
            Some(a) => put(&mut out, "age", a.into()),
            None if !age.is_empty() => unreadable(&mut log, age_col, age),
            None => {}
        }
        let year_col = find(&Field::BirthYear);
        let year = cell(year_col);
        match read_birth_year(year) {
            Some(y) => put(&mut out, "birth_year", y.into()),
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
                    put(&mut out, key, t.into());
                }
                TimeCell::Status(s) => {
                    status.get_or_insert(s);
                }
                TimeCell::Bad(t) => {
                    unreadable(&mut log, col, &t);
                    put(&mut out, key, t.into());
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
            Some(text) => put(&mut out, "status", text.into()),
            None => put(&mut out, "status", status.code().into()),
        };
        if let (Some(p), Status::Finished, None) = (place, status, status_as_written) {
            put(&mut out, "place", p.into());
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
        put(&mut out, "distance", distance_id.into());
        if !times.is_empty() {
            put(&mut out, "splits", times.into());
        }
        results.push(Value::Object(out));
    }
    if skipped > 0 {
        log.push(ImportNote::EmptyRowsSkipped { count: skipped });
    }
    log.extend(row_bibs.note());

    let distances: Vec<Value> = specs
        .iter()
        .zip(&used)
        .filter(|(_, (was_used, _))| *was_used || dist_col.is_none())
        .map(|(spec, (_, has_split))| {
            let mut d = Map::new();
            put(&mut d, "id", spec.id.clone().into());
            put(&mut d, "name", spec.name.clone().into());
            if let Some(km) = spec.km {
                put(&mut d, "km", km.into());
            }
            if only_gun {
                put(&mut d, "ranking", "gun".into());
            }
            let split_defs: Vec<Value> = splits
                .iter()
                .zip(has_split)
                .filter(|(_, has)| **has)
                .map(|(s, _)| {
                    let mut o = Map::new();
                    put(&mut o, "id", s.id.clone().into());
                    put(&mut o, "name", s.name.clone().into());
                    if let Some(km) = s.km {
                        put(&mut o, "km", km.into());
                    }
                    Value::Object(o)
                })
                .collect();
            if !split_defs.is_empty() {
                put(&mut d, "splits", split_defs.into());
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

/// Bibs for rows without one: the row number, or "r" and the row number when a runner
/// in the file already wears that number.
pub(crate) struct RowBibs {
    taken: Vec<bool>,
    count: usize,
    first_row: usize,
}

impl RowBibs {
    pub fn new<S: AsRef<str>>(bibs: impl Iterator<Item = S>, rows: usize) -> RowBibs {
        let mut taken = vec![false; rows + 1];
        for b in bibs {
            if let Some(t) = b
                .as_ref()
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|v| taken.get_mut(v))
            {
                *t = true;
            }
        }
        RowBibs {
            taken,
            count: 0,
            first_row: 0,
        }
    }

    pub fn make(&mut self, row: usize) -> String {
        self.count += 1;
        if self.first_row == 0 {
            self.first_row = row;
        }
        if self.taken.get(row) == Some(&true) {
            format!("r{row}")
        } else {
            row.to_string()
        }
    }

    pub fn note(&self) -> Option<ImportNote> {
        (self.count > 0).then_some(ImportNote::BibsGenerated {
            count: self.count,
            first_row: self.first_row,
        })
    }
}

/// One field of a JSON object. Not inlined: each inlined insert costs wasm bytes.
#[inline(never)]
pub(crate) fn put(object: &mut Map<String, Value>, key: &str, value: Value) {
    object.insert(key.to_string(), value);
}

pub(crate) fn document(
    event_name: &str,
    date: Option<&str>,
    distances: Vec<Value>,
    results: Vec<Value>,
) -> Value {
    let mut event = Map::new();
    let name = event_name.trim();
    put(
        &mut event,
        "name",
        if name.is_empty() { "Results" } else { name }.into(),
    );
    if let Some(date) = date.map(str::trim).filter(|d| !d.is_empty()) {
        put(&mut event, "date", date.into());
    }
    let mut doc = Map::new();
    put(&mut doc, "format", "results/v1".into());
    put(&mut doc, "event", Value::Object(event));
    put(&mut doc, "distances", distances.into());
    put(&mut doc, "results", results.into());
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
        // An insertion sort: a few dozen splits at most, and no sort code in the wasm.
        for i in 1..splits.len() {
            let mut j = i;
            while j > 0 && splits[j - 1].km > splits[j].km {
                splits.swap(j - 1, j);
                j -= 1;
            }
        }
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

fn full_name(row: &[String], mapping: &Mapping, find: &dyn Fn(&Field) -> Option<usize>) -> String {
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
    let clean = clean_text(&raw);
    if whole.is_empty() {
        clean
    } else {
        runner_name(&clean, mapping.name_order)
    }
}
