//! A distance's `awards`: podium depth, prizes, category podiums, and the per-podium
//! settings format v1 grew later (`groups`, `exclude_winners`, `min_finishers`).
use super::problems::{Kind, Problem};
use super::raw::{Entry, ListOf, RawAwardGroup, RawAwards, Scalar};
use super::values::{self, Notes};
use crate::domain::{Awards, AwardsBy, GroupAwards};

/// Podium sizes above this are surely a typo (a prize list, a year...). Zero means no
/// podium for the distance.
const AWARD_PLACES: std::ops::RangeInclusive<u64> = 0..=1000;
/// A category smaller than this many finishers is small; above it, surely a typo.
const MIN_FINISHERS: std::ops::RangeInclusive<u64> = 0..=1000;

pub(crate) fn read_awards(raw: RawAwards<'_>, at: &str, notes: &mut Notes) -> Awards {
    let mut awards = Awards::default();
    if let Some(p) = places(raw.places, &format!("{at}.places"), notes) {
        awards.places = p;
    }
    let by_field = format!("{at}.by");
    match values::word(raw.by, &by_field, notes) {
        None => {}
        Some(b) if b.eq_ignore_ascii_case("sex") => awards.by = AwardsBy::Sex,
        Some(b) if b.eq_ignore_ascii_case("overall") => awards.by = AwardsBy::Overall,
        Some(b) => notes.add(&by_field, Problem::BadAwards(values::quoted(&b))),
    }
    let flag = |v, key: &str, notes: &mut Notes| {
        values::flag(v, &format!("{at}.{key}"), notes).unwrap_or(false)
    };
    awards.categories = flag(raw.categories, "categories", notes);
    awards.exclude_winners = flag(raw.exclude_winners, "exclude_winners", notes);
    if let Some(list) = prize_list(raw.prizes, &format!("{at}.prizes"), notes) {
        awards.prizes = list;
    }
    if let Some(n) = values::whole(
        raw.min_finishers,
        &format!("{at}.min_finishers"),
        MIN_FINISHERS,
        Problem::BadAwards,
        notes,
    ) {
        awards.min_finishers = n as u32;
    }
    match raw.groups {
        Some(ListOf::List(list)) => {
            awards.groups = groups(list, &format!("{at}.groups"), awards.min_finishers, notes);
        }
        Some(ListOf::Other(v)) if !v.is_blank() => {
            notes.add(&format!("{at}.groups"), values::wrong(Kind::List, &v));
        }
        _ => {}
    }
    awards
}

fn places(v: Option<Scalar<'_>>, field: &str, notes: &mut Notes) -> Option<u32> {
    values::whole(v, field, AWARD_PLACES, Problem::BadAwards, notes).map(|p| p as u32)
}

/// A prize list, or None when absent or unusable.
fn prize_list(
    v: Option<ListOf<'_, Scalar<'_>>>,
    field: &str,
    notes: &mut Notes,
) -> Option<Vec<u64>> {
    match v? {
        ListOf::List(list) => prizes(list, field, notes),
        ListOf::Other(v) => {
            if !v.is_blank() {
                notes.add(field, values::wrong(Kind::List, &v));
            }
            None
        }
    }
}

/// Prize amounts for places 1..n. One bad amount drops the list: skipping it would
/// shift every later prize to the wrong place.
fn prizes(list: Vec<Scalar<'_>>, at: &str, notes: &mut Notes) -> Option<Vec<u64>> {
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
                return None;
            }
        }
    }
    Some(amounts)
}

/// Per-podium settings. An entry without an id, or with an id already listed, is
/// skipped: it could apply to no podium, or to one twice.
fn groups(
    list: Vec<Entry<'_, RawAwardGroup<'_>>>,
    at: &str,
    min_finishers: u32,
    notes: &mut Notes,
) -> Vec<GroupAwards> {
    let mut out: Vec<GroupAwards> = Vec::with_capacity(list.len());
    for (j, entry) in list.into_iter().enumerate() {
        let at = format!("{at}[{j}]");
        let Some(raw) = values::list_entry(entry, &at, notes) else {
            continue;
        };
        let id_field = format!("{at}.id");
        let Some(id) = values::text(raw.id, &id_field, false, notes) else {
            notes.add(&id_field, Problem::BadAwards("id".into()));
            continue;
        };
        if out.iter().any(|g| g.id == id) {
            notes.add(&id_field, Problem::BadAwards(values::quoted(&id)));
            continue;
        }
        let merge_field = format!("{at}.merge_into");
        let mut merge_into = values::text(raw.merge_into, &merge_field, false, notes);
        // Only small categories merge; without a size limit the setting would do nothing.
        if merge_into.is_some() && min_finishers == 0 {
            notes.add(&merge_field, Problem::BadAwards("merge_into".into()));
            merge_into = None;
        }
        if merge_into.as_deref() == Some(id.as_str()) {
            notes.add(&merge_field, Problem::BadAwards(values::quoted(&id)));
            merge_into = None;
        }
        out.push(GroupAwards {
            places: places(raw.places, &format!("{at}.places"), notes),
            prizes: prize_list(raw.prizes, &format!("{at}.prizes"), notes),
            merge_into,
            id,
        });
    }
    out
}
