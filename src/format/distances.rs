//! The `distances` section: ids, names, ranking time, splits and awards.
use super::event::{is_time_of_day, is_timestamp};
use super::problems::{Kind, Problem};
use super::raw::{Entry, ListOf, RawDistance, RawSplitDef, Scalar};
use super::values::{self, Notes};
use super::{awards, teams};
use crate::domain::{Distance, Ranking, SplitDef};

pub(crate) fn read_distances(
    raw: Vec<Entry<'_, RawDistance<'_>>>,
    notes: &mut Notes,
) -> Vec<Distance> {
    let mut distances: Vec<Distance> = Vec::with_capacity(raw.len());
    for (i, entry) in raw.into_iter().enumerate() {
        let at = format!("distances[{i}]");
        let Some(fields) = values::list_entry(entry, &at, notes) else {
            continue;
        };
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
    let awards = values::object(raw.awards, &format!("{at}.awards"), notes)
        .map(|fields| awards::read_awards(fields, &format!("{at}.awards"), notes));
    let teams = values::object(raw.teams, &format!("{at}.teams"), notes)
        .map(|fields| teams::read_teams(fields, &format!("{at}.teams"), notes));
    let relay = values::flag(raw.relay, &format!("{at}.relay"), notes).unwrap_or(false);
    Some(Distance {
        id,
        name,
        km,
        start,
        ranking,
        splits,
        awards,
        teams,
        relay,
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
        let Some(raw) = values::list_entry(entry, &at, notes) else {
            continue;
        };
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
