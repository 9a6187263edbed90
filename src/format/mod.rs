//! The results file, format v1: bytes in, `Results` plus warnings out (or a `LoadError`
//! when the file cannot be shown at all), and `Results` back out as JSON.
//!
//! Reading is lenient by design: a row with a problem is kept and the problem is
//! listed, because a race director would rather see 4,999 good rows and one flagged row
//! than an error page. Only problems that make the whole file unusable are errors.
mod age_grading;
mod awards;
mod distances;
mod event;
mod legs;
mod load;
mod parts;
mod problems;
mod raw;
mod rows;
mod teams;
mod values;
mod write;

pub use event::{is_date, parse_date};
pub use load::MAX_FILE_BYTES;
pub use problems::{JsonSyntax, Kind, LoadError, Problem, Warning};
pub use teams::{TEAMS_BY, TEAM_GROUPS, TEAM_SCORES, TIE_BREAKS};
pub use write::to_json;

use crate::domain::Results;
use raw::{Entry, ListOf, Scalar};
use values::Notes;

/// The only format version this viewer reads.
pub const FORMAT_V1: &str = "results/v1";

/// Values the format defines for enumerated fields, as written in files (the parser
/// also accepts other letter cases, and "W" for F).
pub const SEXES: [&str; 3] = ["M", "F", "X"];
pub const STATUSES: [&str; 4] = ["finished", "dnf", "dns", "dsq"];
/// The status of a runner still on the course (live results); read as `Runner::on_course`.
pub const STARTED: &str = "started";
pub const RANKINGS: [&str; 2] = ["chip", "gun"];
pub const EVENT_STATUSES: [&str; 2] = ["official", "provisional"];
pub const AWARDS_BY: [&str; 2] = ["sex", "overall"];

/// A file that loaded, with everything the organizer should fix.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub results: Results,
    /// In file order: the format field, event, distances, then rows by row.
    pub warnings: Vec<Warning>,
    /// Entries in the file's `results` array.
    pub rows_in: usize,
    /// Entries that could not become a runner (not an object); each has a
    /// `RowNotObject` warning. `rows_in == results.runners.len() + rows_skipped`.
    pub rows_skipped: usize,
    /// The `parts` object of a head of results published in parts (docs/parts.md).
    pub parts: Option<crate::parts::Head>,
    /// Runners (by index) whose row carries its standing in the whole file (a head's or
    /// a part's rows); empty for a whole file.
    pub given: Vec<(usize, crate::parts::Given)>,
}

/// Reads a results file. Never panics, whatever the bytes.
pub fn parse_results(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let (text, _bom) = load::text_of(bytes)?;
    let (root, repeated) = match load::parse_root(text)? {
        Entry::Object { fields, repeated } => (fields, repeated),
        Entry::Other(_) => return Err(LoadError::RootNotObject),
    };
    let mut notes = Notes::new();
    for key in repeated {
        notes.add(&key, Problem::DuplicateKey);
    }
    match root.format {
        Some(Scalar::Text(f)) if f.trim() == FORMAT_V1 => {}
        // Absent, null and blank all mean "not given", as for every other field.
        Some(other) if !other.is_blank() => return Err(LoadError::UnknownFormat(other.shown())),
        _ => notes.add("format", Problem::NoFormatField),
    }
    let Some(Entry::Object {
        fields: event,
        repeated,
    }) = root.event
    else {
        return Err(LoadError::MissingSection("event"));
    };
    for key in repeated {
        notes.add(&format!("event.{key}"), Problem::DuplicateKey);
    }
    let Some(ListOf::List(distances)) = root.distances else {
        return Err(LoadError::MissingSection("distances"));
    };
    let Some(ListOf::List(rows)) = root.results else {
        return Err(LoadError::MissingSection("results"));
    };
    let event = event::read_event(event, &mut notes)?;
    let distances = distances::read_distances(distances, &mut notes);
    let rows_in = rows.len();
    let (runners, rows_skipped, given) = rows::read_rows(rows, &distances, &mut notes);
    let age_grading = values::object(root.age_grading, "age_grading", &mut notes)
        .map(|raw| age_grading::read_age_grading(raw, &mut notes));
    let parts = values::object(root.parts, "parts", &mut notes)
        .and_then(|raw| parts::read_parts(raw, &mut notes));
    Ok(Loaded {
        results: Results {
            event,
            distances,
            runners,
            age_grading,
        },
        warnings: notes.list,
        rows_in,
        rows_skipped,
        parts,
        given,
    })
}

#[cfg(test)]
mod tests;
