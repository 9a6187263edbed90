//! A relay team's `legs`: who ran each leg and the leg's own time.
use super::problems::{Kind, Problem};
use super::raw::{Entry, ListOf, RawLeg};
use super::rows::sex_of;
use super::values::{self, Notes};
use super::write::time_text;
use crate::domain::{Distance, Leg, RaceTime};

/// The legs of a row on distance `def`. Outside a relay they are ignored with a warning;
/// for a row whose distance is unknown, silently, as its splits are (the distance
/// warning already points at the row).
pub(crate) fn read_legs(
    raw: Option<ListOf<'_, Entry<'_, RawLeg<'_>>>>,
    def: Option<&Distance>,
    notes: &mut Notes,
) -> Vec<Leg> {
    let list = match raw {
        None => return Vec::new(),
        Some(ListOf::List(list)) => list,
        Some(ListOf::Other(v)) => {
            if !v.is_blank() {
                notes.add("legs", values::wrong(Kind::List, &v));
            }
            return Vec::new();
        }
    };
    match def {
        None => return Vec::new(),
        Some(d) if !d.relay => {
            if !list.is_empty() {
                notes.add("legs", Problem::LegsOutsideRelay);
            }
            return Vec::new();
        }
        Some(_) => {}
    }
    let mut legs = Vec::with_capacity(list.len());
    for (j, entry) in list.into_iter().enumerate() {
        let at = format!("legs[{j}]");
        // A leg that is not an object is kept empty: dropping it would renumber the rest.
        let Some(raw) = values::list_entry(entry, &at, notes) else {
            legs.push(Leg::default());
            continue;
        };
        let name_field = format!("{at}.name");
        let name = values::text(raw.name, &name_field, false, notes).unwrap_or_else(|| {
            notes.add(&name_field, Problem::MissingName);
            String::new()
        });
        let sex_field = format!("{at}.sex");
        let sex = values::word(raw.sex, &sex_field, notes).and_then(|s| {
            let sex = sex_of(&s);
            if sex.is_none() {
                notes.add(&sex_field, Problem::UnknownSex(values::quoted(&s)));
            }
            sex
        });
        legs.push(Leg {
            name,
            bib: values::text(raw.bib, &format!("{at}.bib"), true, notes),
            sex,
            time: values::time(raw.time, &format!("{at}.time"), notes),
        });
    }
    legs
}

/// The team's time from its legs, when every leg has one.
pub(crate) fn legs_total(legs: &[Leg]) -> Option<RaceTime> {
    if legs.is_empty() {
        return None;
    }
    legs.iter().try_fold(RaceTime(0), |sum, leg| {
        Some(RaceTime(sum.0.saturating_add(leg.time?.0)))
    })
}

/// Leg times are often rounded to the second while the team's time is not, so up to a
/// second per leg apart is still the same time.
pub(crate) fn check_total(legs: &[Leg], team_time: Option<RaceTime>, notes: &mut Notes) {
    let (Some(sum), Some(team)) = (legs_total(legs), team_time) else {
        return;
    };
    let slack = 1000u32.saturating_mul(legs.len() as u32);
    if sum.0.abs_diff(team.0) > slack {
        notes.add("legs", Problem::LegTimesDisagree(time_text(sum)));
    }
}
