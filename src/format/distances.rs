//! The `distances` section: ids, names, ranking time, splits and awards.
use super::event::{is_time_of_day, is_timestamp};
use super::problems::{Kind, Problem};
use super::raw::{Entry, ListOf, RawAwards, RawDistance, RawSplitDef, Scalar};
use super::values::{self, Notes};
use crate::domain::{Awards, AwardsBy, Distance, Ranking, SplitDef};

/// Podium sizes above this are surely a typo (a prize list, a year...). Zero means no
/// podium for the distance.
const AWARD_PLACES: std::ops::RangeInclusive<u64> = 0..=1000;

pub(crate) fn read_distances(
    raw: Vec<Entry<'_, RawDistance<'_>>>,
    notes: &mut Notes,
) -> Vec<Distance> {
    let mut distances: Vec<Distance> = Vec::with_capacity(raw.len());
    for (i, entry) in raw.into_iter().enumerate() {
        let at = format!("distances[{i}]");
        let (fields, repeated) = match entry {
            Entry::Object { fields, repeated } => (fields, repeated),
            Entry::Other(v) => {
                notes.add(&at, Problem::EntryNotObject(v.shown()));
                continue;
            }
        };
        for key in repeated {
            notes.add(&format!("{at}.{key}"), Problem::DuplicateKey);
        }
        if let Some(d) = read_distance(fields, &at, &distances, notes) {
            distances.push(d);
        }
    }
    distances
}

fn read_distance(
    raw: RawDistance<'_>,
    at: &str,
    earlier: &[Distance],
    notes: &mut Notes,
) -> Option<Distance> {
    let id_field = format!("{at}.id");
    let Some(id) = values::text(raw.id, &id_field, false, notes) else {
        notes.add(&id_field, Problem::MissingDistanceId);
        return None;
    };
    if earlier.iter().any(|d| d.id == id) {
        notes.add(&id_field, Problem::DuplicateDistanceId(values::quoted(&id)));
        return None;
    }
    let name_field = format!("{at}.name");
    let name = values::text(raw.name, &name_field, false, notes).unwrap_or_else(|| {
        notes.add(&name_field, Problem::MissingDistanceName);
        id.clone()
    });
    let km = km(raw.km, &format!("{at}.km"), notes);
    let start_field = format!("{at}.start");
    let start = values::word(raw.start, &start_field, notes).and_then(|s| {
        if is_time_of_day(&s) || is_timestamp(&s) {
            Some(s.into_owned())
        } else {
            notes.add(&start_field, Problem::BadStart(values::quoted(&s)));
            None
        }
    });
    let ranking_field = format!("{at}.ranking");
    let ranking = match values::word(raw.ranking, &ranking_field, notes) {
        None => Ranking::Chip,
        Some(r) if r.eq_ignore_ascii_case("chip") => Ranking::Chip,
        Some(r) if r.eq_ignore_ascii_case("gun") => Ranking::Gun,
        Some(r) => {
            notes.add(&ranking_field, Problem::UnknownRanking(values::quoted(&r)));
            Ranking::Chip
        }
    };
    let splits = match raw.splits {
        None => Vec::new(),
        Some(ListOf::List(list)) => read_splits(list, &format!("{at}.splits"), km, notes),
        Some(ListOf::Other(v)) => {
            if !v.is_blank() {
                notes.add(&format!("{at}.splits"), values::wrong(Kind::List, &v));
            }
            Vec::new()
        }
    };
    let awards = match raw.awards {
        None => None,
        Some(Entry::Object { fields, repeated }) => {
            for key in repeated {
                notes.add(&format!("{at}.awards.{key}"), Problem::DuplicateKey);
            }
            Some(read_awards(fields, &format!("{at}.awards"), notes))
        }
        Some(Entry::Other(v)) => {
            if !v.is_blank() {
                notes.add(&format!("{at}.awards"), values::wrong(Kind::Object, &v));
            }
            None
        }
    };
    Some(Distance {
        id,
        name,
        km,
        start,
        ranking,
        splits,
        awards,
    })
}

/// A positive distance in km, or None (with a warning when something else was written).
fn km(v: Option<Scalar<'_>>, field: &str, notes: &mut Notes) -> Option<f64> {
    let v = v?;
    match values::number(&v, field, Kind::Number, notes) {
        values::Number::Value(x) if x > 0.0 && x.is_finite() => Some(x),
        values::Number::Absent => None,
        values::Number::Value(_) | values::Number::Unreadable => {
            notes.add(field, Problem::BadKm(v.shown()));
            None
        }
    }
}

fn read_splits(
    list: Vec<Entry<'_, RawSplitDef<'_>>>,
    at: &str,
    distance_km: Option<f64>,
    notes: &mut Notes,
) -> Vec<SplitDef> {
    let mut splits: Vec<SplitDef> = Vec::with_capacity(list.len());
    let mut last_km = 0.0;
    for (j, entry) in list.into_iter().enumerate() {
        let at = format!("{at}[{j}]");
        let (raw, repeated) = match entry {
            Entry::Object { fields, repeated } => (fields, repeated),
            Entry::Other(v) => {
                notes.add(&at, Problem::EntryNotObject(v.shown()));
                continue;
            }
        };
        for key in repeated {
            notes.add(&format!("{at}.{key}"), Problem::DuplicateKey);
        }
        let id_field = format!("{at}.id");
        let Some(id) = values::text(raw.id, &id_field, false, notes) else {
            notes.add(&id_field, Problem::MissingSplitId);
            continue;
        };
        if splits.iter().any(|s| s.id == id) {
            notes.add(&id_field, Problem::DuplicateSplitId(values::quoted(&id)));
            continue;
        }
        let name = values::text(raw.name, &format!("{at}.name"), false, notes)
            .unwrap_or_else(|| id.clone());
        let km_field = format!("{at}.km");
        let km = km(raw.km, &km_field, notes);
        if let Some(k) = km {
            // Splits are listed in course order, so their km grow and stay within the race.
            if k < last_km || distance_km.is_some_and(|total| k > total) {
                notes.add(&km_field, Problem::SplitsOutOfOrder);
            }
            last_km = last_km.max(k);
        }
        splits.push(SplitDef { id, name, km });
    }
    splits
}

fn read_awards(raw: RawAwards<'_>, at: &str, notes: &mut Notes) -> Awards {
    let mut awards = Awards::default();
    let places_field = format!("{at}.places");
    if let Some(p) = values::whole(
        raw.places,
        &places_field,
        AWARD_PLACES,
        Problem::BadAwards,
        notes,
    ) {
        awards.places = p as u32;
    }
    let by_field = format!("{at}.by");
    match values::word(raw.by, &by_field, notes) {
        None => {}
        Some(b) if b.eq_ignore_ascii_case("sex") => awards.by = AwardsBy::Sex,
        Some(b) if b.eq_ignore_ascii_case("overall") => awards.by = AwardsBy::Overall,
        Some(b) => notes.add(&by_field, Problem::BadAwards(values::quoted(&b))),
    }
    let categories_field = format!("{at}.categories");
    match raw.categories {
        None | Some(Scalar::Null) => {}
        Some(Scalar::Bool(b)) => awards.categories = b,
        Some(other) => notes.add(&categories_field, values::wrong(Kind::TrueFalse, &other)),
    }
    match raw.prizes {
        Some(ListOf::List(list)) => awards.prizes = prizes(list, &format!("{at}.prizes"), notes),
        Some(ListOf::Other(v)) if !v.is_blank() => {
            notes.add(&format!("{at}.prizes"), values::wrong(Kind::List, &v));
        }
        _ => {}
    }
    awards
}

/// Prize amounts for places 1..n. One bad amount drops the list: skipping it would
/// shift every later prize to the wrong place.
fn prizes(list: Vec<Scalar<'_>>, at: &str, notes: &mut Notes) -> Vec<u64> {
    let mut amounts = Vec::with_capacity(list.len());
    for (j, v) in list.into_iter().enumerate() {
        let amount = match &v {
            Scalar::UInt(n) => Some(*n),
            Scalar::Int(n) => u64::try_from(*n).ok(),
            Scalar::Float(x) if x.fract() == 0.0 && *x >= 0.0 && *x < 1e18 => Some(*x as u64),
            _ => None,
        };
        match amount {
            Some(a) => amounts.push(a),
            None => {
                notes.add(&format!("{at}[{j}]"), Problem::BadAwards(v.shown()));
                return Vec::new();
            }
        }
    }
    amounts
}
