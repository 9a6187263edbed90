//! Reading one field's value leniently: the value if it can be used, a warning if the
//! file should be fixed. Shared by the event, distance and row readers.
use super::problems::{Kind, Problem, Warning};
use super::raw::{clip, float_text, Entry, Scalar};
use crate::domain::time::{from_seconds, parse_time, TimeError};
use crate::domain::RaceTime;
use std::borrow::Cow;

/// The warnings collected so far, and where the reader is in the file.
pub(crate) struct Notes {
    pub list: Vec<Warning>,
    row: Option<usize>,
    /// The current row's bib ("" for none); reused so that clean rows allocate nothing.
    bib: String,
}

impl Notes {
    pub fn new() -> Notes {
        Notes {
            list: Vec::new(),
            row: None,
            bib: String::new(),
        }
    }

    /// Following warnings belong to this row of `results` (and this bib, once known).
    pub fn at_row(&mut self, row: Option<usize>, bib: Option<&str>) {
        self.row = row;
        self.bib.clear();
        self.bib.push_str(bib.unwrap_or(""));
    }

    pub fn add(&mut self, field: &str, problem: Problem) {
        self.list.push(Warning {
            row: self.row,
            bib: (!self.bib.is_empty()).then(|| self.bib.clone()),
            field: field.to_owned(),
            problem,
        });
    }
}

/// A number as written in JSON, for conversions to text ("101", not "101.0").
fn number_text(v: &Scalar<'_>) -> Option<String> {
    match v {
        Scalar::Int(n) => Some(n.to_string()),
        Scalar::UInt(n) => Some(n.to_string()),
        Scalar::Float(x) => Some(float_text(*x)),
        _ => None,
    }
}

/// Text, trimmed; None when absent or blank. A number is converted: silently when
/// `number_ok` (bibs), with a warning otherwise. Other types are ignored with a warning.
pub(crate) fn text(
    v: Option<Scalar<'_>>,
    field: &str,
    number_ok: bool,
    notes: &mut Notes,
) -> Option<String> {
    let v = v?;
    match v {
        Scalar::Text(s) => {
            let t = s.trim();
            if t.is_empty() {
                None
            } else if t.len() == s.len() {
                Some(s.into_owned())
            } else {
                Some(t.to_owned())
            }
        }
        Scalar::Null => None,
        Scalar::Int(_) | Scalar::UInt(_) | Scalar::Float(_) => {
            if !number_ok || digits_may_be_lost(&v) {
                notes.add(field, converted(Kind::Text, &v));
            }
            number_text(&v)
        }
        Scalar::Bool(_) | Scalar::Object | Scalar::List => {
            notes.add(field, wrong(Kind::Text, &v));
            None
        }
    }
}

/// A number too big for a float to keep every digit (2^53 and up, or written with an
/// exponent): as text it may not be what the file says, so even a bib is flagged.
fn digits_may_be_lost(v: &Scalar<'_>) -> bool {
    matches!(v, Scalar::Float(x) if x.abs() >= 9_007_199_254_740_992.0)
}

pub(crate) fn wrong(expected: Kind, v: &Scalar<'_>) -> Problem {
    Problem::WrongType {
        expected,
        found: v.shown(),
    }
}

pub(crate) fn converted(expected: Kind, v: &Scalar<'_>) -> Problem {
    Problem::ConvertedType {
        expected,
        found: v.shown(),
    }
}

/// What a numeric field held.
pub(crate) enum Number {
    /// Absent, null or blank.
    Absent,
    Value(f64),
    /// Text that is no number, e.g. "old"; the caller names the problem.
    Unreadable,
}

/// A number from a JSON number, or from text holding one (with a warning). Values of
/// other types are reported here as `WrongType` and read as absent.
pub(crate) fn number(v: &Scalar<'_>, field: &str, expected: Kind, notes: &mut Notes) -> Number {
    match v {
        Scalar::Int(n) => Number::Value(*n as f64),
        Scalar::UInt(n) => Number::Value(*n as f64),
        Scalar::Float(x) => Number::Value(*x),
        Scalar::Null => Number::Absent,
        Scalar::Text(s) if s.trim().is_empty() => Number::Absent,
        Scalar::Text(s) => match s.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => {
                notes.add(field, converted(expected, v));
                Number::Value(x)
            }
            _ => Number::Unreadable,
        },
        Scalar::Bool(_) | Scalar::Object | Scalar::List => {
            notes.add(field, wrong(expected, v));
            Number::Absent
        }
    }
}

/// A whole number within `range`; `bad` builds the problem for any other value.
pub(crate) fn whole(
    v: Option<Scalar<'_>>,
    field: &str,
    range: std::ops::RangeInclusive<u64>,
    bad: fn(String) -> Problem,
    notes: &mut Notes,
) -> Option<u64> {
    let v = v?;
    if let Scalar::UInt(n) = v {
        // The common case, without a detour through f64.
        if range.contains(&n) {
            return Some(n);
        }
    }
    match number(&v, field, Kind::WholeNumber, notes) {
        Number::Absent => None,
        Number::Value(x) if x.fract() == 0.0 && x >= 0.0 && range.contains(&(x as u64)) => {
            Some(x as u64)
        }
        Number::Value(_) | Number::Unreadable => {
            notes.add(field, bad(v.shown()));
            None
        }
    }
}

/// A race time from text ("2:25:31") or a number of seconds. Blank means not given.
pub(crate) fn time(v: Option<Scalar<'_>>, field: &str, notes: &mut Notes) -> Option<RaceTime> {
    read_time(v).unwrap_or_else(|problem| {
        notes.add(field, problem);
        None
    })
}

/// `time` without the note, for callers that build the field name only when needed.
pub(crate) fn read_time(v: Option<Scalar<'_>>) -> Result<Option<RaceTime>, Problem> {
    let Some(v) = v else { return Ok(None) };
    let read = match &v {
        Scalar::Null => return Ok(None),
        Scalar::Text(s) if s.trim().is_empty() => return Ok(None),
        Scalar::Text(s) => parse_time(s),
        Scalar::Int(n) => from_seconds(*n as f64),
        Scalar::UInt(n) => from_seconds(*n as f64),
        Scalar::Float(x) => from_seconds(*x),
        Scalar::Bool(_) | Scalar::Object | Scalar::List => return Err(wrong(Kind::Time, &v)),
    };
    match read {
        Ok(t) => Ok(Some(t)),
        Err(TimeError::Negative) => Err(Problem::NegativeTime(v.shown())),
        Err(_) => Err(Problem::BadTime(v.shown())),
    }
}

/// A keyword such as a status or a sex: trimmed text, or None when absent or blank.
/// Non-text values are reported as `WrongType` and yield None.
pub(crate) fn word<'a>(
    v: Option<Scalar<'a>>,
    field: &str,
    notes: &mut Notes,
) -> Option<Cow<'a, str>> {
    match v? {
        Scalar::Text(s) if s.trim().is_empty() => None,
        Scalar::Text(Cow::Borrowed(s)) => Some(Cow::Borrowed(s.trim())),
        Scalar::Text(Cow::Owned(s)) => Some(Cow::Owned(s.trim().to_owned())),
        Scalar::Null => None,
        other => {
            notes.add(field, wrong(Kind::Text, &other));
            None
        }
    }
}

/// A keyword as quoted in a warning.
pub(crate) fn quoted(s: &str) -> String {
    clip(s)
}

/// An object's fields, with its repeated keys noted; None (with a warning unless blank)
/// when something else was written.
pub(crate) fn object<T>(v: Option<Entry<'_, T>>, field: &str, notes: &mut Notes) -> Option<T> {
    match v? {
        Entry::Object { fields, repeated } => {
            for key in repeated {
                notes.add(&format!("{field}.{key}"), Problem::DuplicateKey);
            }
            Some(fields)
        }
        Entry::Other(v) => {
            if !v.is_blank() {
                notes.add(field, wrong(Kind::Object, &v));
            }
            None
        }
    }
}

/// One entry of a list of objects: its fields, with repeated keys noted; None (with a
/// warning) when the entry is not an object, so the caller skips or fills it.
pub(crate) fn list_entry<T>(entry: Entry<'_, T>, at: &str, notes: &mut Notes) -> Option<T> {
    match entry {
        Entry::Object { fields, repeated } => {
            for key in repeated {
                notes.add(&format!("{at}.{key}"), Problem::DuplicateKey);
            }
            Some(fields)
        }
        Entry::Other(v) => {
            notes.add(at, Problem::EntryNotObject(v.shown()));
            None
        }
    }
}

/// `true` or `false`; None when absent or null, or (with a warning) of another type.
pub(crate) fn flag(v: Option<Scalar<'_>>, field: &str, notes: &mut Notes) -> Option<bool> {
    match v? {
        Scalar::Null => None,
        Scalar::Bool(b) => Some(b),
        other => {
            notes.add(field, wrong(Kind::TrueFalse, &other));
            None
        }
    }
}
