//! The file's `age_grading`: which tables, and per distance and sex the open standard
//! and the age factors. A table that cannot be used is a `BadAgeGrading` warning and is
//! left out (its runners get no grade, and the card says why); nothing else changes.
use super::problems::{Kind, Problem};
use super::raw::{ListOf, RawAgeGrading, RawAgeTable, Scalar};
use super::rows::sex_of;
use super::values::{self, Notes};
use crate::domain::{AgeGrading, AgeTable};

/// Youngest and oldest first age a table may give.
const FIRST_AGE: std::ops::RangeInclusive<u64> = 0..=120;

pub(crate) fn read_age_grading(raw: RawAgeGrading<'_>, notes: &mut Notes) -> AgeGrading {
    let at = "age_grading";
    let source = values::word(raw.source, &format!("{at}.source"), notes)
        .map(|s| s.into_owned())
        .unwrap_or_default();
    let mut tables = Vec::new();
    match raw.tables {
        Some(ListOf::List(list)) => {
            for (j, entry) in list.into_iter().enumerate() {
                let at = format!("{at}.tables[{j}]");
                if let Some(t) = values::list_entry(entry, &at, notes)
                    .and_then(|raw| table(raw, &at, &tables, notes))
                {
                    tables.push(t);
                }
            }
        }
        Some(ListOf::Other(v)) if !v.is_blank() => {
            notes.add(&format!("{at}.tables"), values::wrong(Kind::List, &v));
        }
        _ => {}
    }
    AgeGrading { source, tables }
}

/// One table, or None with a warning naming the first thing wrong with it.
fn table(
    raw: RawAgeTable<'_>,
    at: &str,
    earlier: &[AgeTable],
    notes: &mut Notes,
) -> Option<AgeTable> {
    let bad = |notes: &mut Notes, key: &str, shown: String| {
        notes.add(&format!("{at}.{key}"), Problem::BadAgeGrading(shown));
        None
    };
    let km = match raw
        .km
        .as_ref()
        .map(|v| values::number(v, &format!("{at}.km"), Kind::Number, notes))
    {
        Some(values::Number::Value(x)) if x > 0.0 && x.is_finite() => x,
        _ => return bad(notes, "km", shown(raw.km.as_ref())),
    };
    let Some(sex) = values::word(raw.sex.clone(), &format!("{at}.sex"), notes)
        .and_then(|w| sex_of(&w))
        .filter(|s| *s != crate::domain::Sex::X)
    else {
        return bad(notes, "sex", shown(raw.sex.as_ref()));
    };
    let Some(open) =
        values::time(raw.open.clone(), &format!("{at}.open"), notes).filter(|t| t.0 > 0)
    else {
        return bad(notes, "open", shown(raw.open.as_ref()));
    };
    let first_age = values::whole(
        raw.first_age,
        &format!("{at}.first_age"),
        FIRST_AGE,
        Problem::BadAgeGrading,
        notes,
    )? as u16;
    let factors = factors(raw.factors, &format!("{at}.factors"), notes)?;
    if earlier.iter().any(|t| t.sex == sex && t.km == km) {
        return bad(notes, "km", format!("{km} {}", sex.code()));
    }
    Some(AgeTable {
        km,
        sex,
        open,
        first_age,
        factors,
    })
}

/// Factors in (0, 1]; one bad value spoils the table (a shifted list would grade every
/// age after it wrongly).
fn factors(v: Option<ListOf<'_, Scalar<'_>>>, field: &str, notes: &mut Notes) -> Option<Vec<f64>> {
    let list = match v {
        Some(ListOf::List(list)) if !list.is_empty() => list,
        other => {
            let shown = match other {
                Some(ListOf::Other(v)) => v.shown(),
                _ => "[]".into(),
            };
            notes.add(field, Problem::BadAgeGrading(shown));
            return None;
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for (k, v) in list.into_iter().enumerate() {
        let at = format!("{field}[{k}]");
        match values::number(&v, &at, Kind::Number, notes) {
            values::Number::Value(x) if x > 0.0 && x <= 1.0 => out.push(x),
            _ => {
                notes.add(&at, Problem::BadAgeGrading(v.shown()));
                return None;
            }
        }
    }
    Some(out)
}

fn shown(v: Option<&Scalar<'_>>) -> String {
    v.map_or_else(|| "—".into(), |v| v.shown())
}
