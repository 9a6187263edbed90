//! The `results` rows: every object becomes a Runner, problems and all, so nothing in
//! the file disappears; what is wrong is noted for the warnings panel.
use super::problems::{Kind, Problem};
use super::raw::{Entry, RawRow, Scalar, SplitTimes};
use super::values::{self, Notes};
use super::{legs, STARTED};
use crate::domain::{Distance, RaceTime, Ranking, Runner, Sex, Status};
use crate::parts::Given;
use std::collections::HashMap;

/// Birth years outside this range are typos (a bib, a time, "95").
const BIRTH_YEARS: std::ops::RangeInclusive<u64> = 1900..=2100;
const AGES: std::ops::RangeInclusive<u64> = 1..=130;

/// The runners, in file order, and how many rows could not become one.
pub(crate) fn read_rows(
    rows: Vec<Entry<'_, RawRow<'_>>>,
    distances: &[Distance],
    notes: &mut Notes,
) -> (Vec<Runner>, usize, Vec<(usize, Given)>) {
    let mut runners = Vec::with_capacity(rows.len());
    let mut given = Vec::new();
    let mut skipped = 0;
    let mut first_row_of_bib: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for (i, entry) in rows.into_iter().enumerate() {
        notes.at_row(Some(i), None);
        let (mut raw, repeated) = match entry {
            Entry::Object { fields, repeated } => (fields, repeated),
            Entry::Other(v) => {
                notes.add(&format!("results[{i}]"), Problem::RowNotObject(v.shown()));
                skipped += 1;
                continue;
            }
        };
        // Rows of a published head or part carry their standing in the whole file.
        if let Some(standing) = values::object(raw.standing.take().map(|b| *b), "standing", notes) {
            if let Some(g) = super::parts::read_standing(standing, notes) {
                given.push((runners.len(), g));
            }
        }
        let runner = read_row(raw, repeated, i, distances, &mut first_row_of_bib, notes);
        runners.push(runner);
    }
    notes.at_row(None, None);
    check_official_places(&runners, distances, notes);
    (runners, skipped, given)
}

fn given(v: &Option<Scalar<'_>>) -> bool {
    v.as_ref().is_some_and(|v| !v.is_blank())
}

fn read_row(
    raw: RawRow<'_>,
    repeated: Vec<String>,
    row: usize,
    distances: &[Distance],
    first_row_of_bib: &mut HashMap<String, usize>,
    notes: &mut Notes,
) -> Runner {
    let bib_given = given(&raw.bib);
    let bib = values::text(raw.bib, "bib", true, notes).unwrap_or_default();
    notes.at_row(Some(row), Some(&bib));
    if bib.is_empty() {
        if !bib_given {
            notes.add("bib", Problem::MissingBib);
        }
    } else if let Some(&first_row) = first_row_of_bib.get(&bib) {
        notes.add("bib", Problem::DuplicateBib { first_row });
    } else {
        first_row_of_bib.insert(bib.clone(), row);
    }
    for key in repeated {
        notes.add(&key, Problem::DuplicateKey);
    }

    let name_given = given(&raw.name);
    let name = values::text(raw.name, "name", false, notes).unwrap_or_default();
    if name.is_empty() && !name_given {
        notes.add("name", Problem::MissingName);
    }

    let sex = values::word(raw.sex, "sex", notes).and_then(|s| {
        let sex = sex_of(&s);
        if sex.is_none() {
            notes.add("sex", Problem::UnknownSex(values::quoted(&s)));
        }
        sex
    });
    let birth_year = values::whole(
        raw.birth_year,
        "birth_year",
        BIRTH_YEARS,
        Problem::BadBirthYear,
        notes,
    )
    .map(|y| y as u16);
    let age = values::whole(raw.age, "age", AGES, Problem::BadAge, notes).map(|a| a as u16);
    let category = values::text(raw.category, "category", false, notes);
    let club = values::text(raw.club, "club", false, notes);
    let city = values::text(raw.city, "city", false, notes);
    let country = values::text(raw.country, "country", false, notes);
    let team = values::text(raw.team, "team", false, notes);

    let distance_given = given(&raw.distance);
    let distance_id = values::text(raw.distance, "distance", false, notes).unwrap_or_default();
    let distance = if distance_id.is_empty() {
        if !distance_given {
            notes.add("distance", Problem::MissingDistance);
        }
        None
    } else {
        let found = distances.iter().position(|d| d.id == distance_id);
        if found.is_none() {
            notes.add(
                "distance",
                Problem::UnknownDistance(values::quoted(&distance_id)),
            );
        }
        found
    };

    let mut chip_time = values::time(raw.chip_time, "chip_time", notes);
    let mut gun_time = values::time(raw.gun_time, "gun_time", notes);
    let def = distance.and_then(|d| distances.get(d));
    let legs = legs::read_legs(raw.legs, def, notes);
    if let (None, None, Some(def)) = (chip_time, gun_time, def) {
        // A relay file may give only the legs; the team's time is then their sum.
        let total = legs::legs_total(&legs);
        match def.ranking {
            Ranking::Chip => chip_time = total,
            Ranking::Gun => gun_time = total,
        }
    }
    let has_time = chip_time.is_some() || gun_time.is_some();
    let inferred = if has_time {
        Status::Finished
    } else {
        Status::Dns
    };
    // "started": on the course, not finished yet (a time says otherwise).
    let mut started = false;
    let mut status_given = true;
    let status = match values::word(raw.status, "status", notes) {
        None => {
            status_given = false;
            inferred
        }
        Some(s) if s.eq_ignore_ascii_case(STARTED) => {
            started = true;
            inferred
        }
        Some(s) => match status_of(&s) {
            Some(Status::Finished) => {
                if !has_time {
                    notes.add("status", Problem::FinishedWithoutTime);
                }
                Status::Finished
            }
            Some(status) => status,
            None => {
                notes.add("status", Problem::UnknownStatus(values::quoted(&s)));
                status_given = false;
                inferred
            }
        },
    };
    if let (Some(chip), Some(gun)) = (chip_time, gun_time) {
        if gun < chip {
            notes.add("gun_time", Problem::GunFasterThanChip);
        }
    }
    if let (Status::Finished, Some(def)) = (status, def) {
        ranking_time_check(def.ranking, chip_time, gun_time, notes);
    }
    if let Some(def) = def {
        let time = match def.ranking {
            Ranking::Chip => chip_time.or(gun_time),
            Ranking::Gun => gun_time.or(chip_time),
        };
        legs::check_total(&legs, time, notes);
    }

    let mut official_place = values::whole(
        raw.place,
        "place",
        1..=u64::from(u32::MAX),
        Problem::BadPlace,
        notes,
    )
    .map(|p| p as u32);
    if official_place.is_some() && status != Status::Finished {
        notes.add("place", Problem::PlaceWithoutFinish);
        official_place = None;
    }

    let splits = match def {
        Some(def) => read_split_times(raw.splits, def, chip_time.or(gun_time), notes),
        // Without a distance there is no course to align split times with; the
        // distance warning already points at the row.
        None => {
            if let Some(SplitTimes::Other(v)) = &raw.splits {
                if !v.is_blank() {
                    notes.add("splits", values::wrong(Kind::Object, v));
                }
            }
            Vec::new()
        }
    };

    let on_course = !has_time
        && status == Status::Dns
        && (started || (!status_given && splits.iter().any(Option::is_some)));

    Runner {
        bib,
        name,
        sex,
        birth_year,
        age,
        category,
        club,
        city,
        country,
        distance,
        distance_id,
        status,
        chip_time,
        gun_time,
        splits,
        official_place,
        team,
        on_course,
        legs,
    }
}

/// Sex codes as `Sex::from_code` reads them (any case, "W" for F), without its
/// allocation: this runs once per row.
pub(crate) fn sex_of(code: &str) -> Option<Sex> {
    match code.as_bytes() {
        [b'M' | b'm'] => Some(Sex::M),
        [b'F' | b'f' | b'W' | b'w'] => Some(Sex::F),
        [b'X' | b'x'] => Some(Sex::X),
        _ => None,
    }
}

/// A status code in any letter case.
fn status_of(code: &str) -> Option<Status> {
    [Status::Finished, Status::Dnf, Status::Dns, Status::Dsq]
        .into_iter()
        .find(|s| s.code().eq_ignore_ascii_case(code))
}

/// A finisher is placed by the distance's ranking time; without it the other time is
/// used, and the organizer should know.
fn ranking_time_check(
    ranking: Ranking,
    chip: Option<RaceTime>,
    gun: Option<RaceTime>,
    notes: &mut Notes,
) {
    match (ranking, chip, gun) {
        (Ranking::Chip, None, Some(_)) => notes.add(
            "chip_time",
            Problem::RankingTimeMissing { used: Ranking::Gun },
        ),
        (Ranking::Gun, Some(_), None) => notes.add(
            "gun_time",
            Problem::RankingTimeMissing {
                used: Ranking::Chip,
            },
        ),
        _ => {}
    }
}

/// Split times aligned with the distance's splits (None where not given).
fn read_split_times(
    raw: Option<SplitTimes<'_>>,
    def: &Distance,
    finish: Option<RaceTime>,
    notes: &mut Notes,
) -> Vec<Option<RaceTime>> {
    let mut times = vec![None; def.splits.len()];
    let map = match raw {
        None => return times,
        Some(SplitTimes::Map(map)) => map,
        Some(SplitTimes::Other(v)) => {
            if !v.is_blank() {
                notes.add("splits", values::wrong(Kind::Object, &v));
            }
            return times;
        }
    };
    let field = |id: &str| format!("splits.{}", values::quoted(id));
    // Split ids already given in this row (the first 64 splits; more is unheard of).
    let mut seen = 0u64;
    for (id, value) in map {
        let Some(k) = def.splits.iter().position(|s| s.id == id) else {
            notes.add(&field(&id), Problem::UnknownSplit(values::quoted(&id)));
            continue;
        };
        let bit = 1u64.checked_shl(k as u32).unwrap_or(0);
        if seen & bit != 0 {
            notes.add(&field(&id), Problem::DuplicateKey);
        }
        seen |= bit;
        times[k] = values::read_time(Some(value)).unwrap_or_else(|problem| {
            notes.add(&field(&id), problem);
            None
        });
    }
    // Split times are cumulative, so they grow along the course and end before the finish.
    let mut latest = RaceTime(0);
    for (k, t) in times.iter().enumerate() {
        let Some(t) = *t else { continue };
        if t < latest || finish.is_some_and(|f| t > f) {
            notes.add(&field(&def.splits[k].id), Problem::SplitsOutOfOrder);
        }
        latest = latest.max(t);
    }
    times
}

/// Official places are shown only when every finisher of a distance has one; a
/// distance where some are missing is reported once.
fn check_official_places(runners: &[Runner], distances: &[Distance], notes: &mut Notes) {
    let mut with = vec![0usize; distances.len()];
    let mut without = vec![0usize; distances.len()];
    for r in runners {
        if let (Status::Finished, Some(d)) = (r.status, r.distance) {
            if r.official_place.is_some() {
                with[d] += 1;
            } else {
                without[d] += 1;
            }
        }
    }
    for (d, def) in distances.iter().enumerate() {
        if with[d] > 0 && without[d] > 0 {
            notes.add(
                "place",
                Problem::OfficialPlacesIncomplete {
                    distance: values::quoted(&def.id),
                    missing: without[d],
                },
            );
        }
    }
}
