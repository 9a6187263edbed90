//! What a column's values say: checking a header's field against them, settling
//! duplicate fields, and guessing columns whose header says nothing.

use super::headers::normalize;
use super::Field;
use crate::import::read::Table;
use crate::import::values::{read_age, read_sex, read_time, TimeCell};

/// What a column's cells look like, from up to 200 of its filled cells.
#[derive(Default)]
pub(super) struct Profile {
    filled: usize,
    times: usize,
    statuses: usize,
    ints: usize,
    years: usize,
    ages: usize,
    sexes: usize,
    /// Whole numbers starting at 1 and never going down: places in finish order.
    place_run: bool,
    letters: usize,
    distinct_text: usize,
}

impl Profile {
    pub(super) fn of(table: &Table, col: usize) -> Profile {
        let mut p = Profile {
            place_run: true,
            ..Profile::default()
        };
        let mut last_int = 0u64;
        let mut seen: Vec<&str> = Vec::new();
        for row in &table.rows {
            let Some(cell) = row.get(col) else { continue };
            let v = cell.trim();
            if read_time(v) == TimeCell::Missing && !v.chars().any(|c| c.is_alphanumeric()) {
                continue;
            }
            p.filled += 1;
            match read_time(v) {
                TimeCell::Time(_) if v.contains(':') || v.contains('h') => p.times += 1,
                TimeCell::Status(_) => p.statuses += 1,
                _ => {}
            }
            if let Ok(n) = v.parse::<u64>() {
                p.ints += 1;
                if (1900..=2100).contains(&n) && v.len() == 4 {
                    p.years += 1;
                }
                if p.ints == 1 && n != 1 || n < last_int {
                    p.place_run = false;
                }
                last_int = n;
            } else {
                p.place_run = false;
            }
            if age_like(v) {
                p.ages += 1;
            }
            if read_sex(v).is_some() {
                p.sexes += 1;
            }
            if v.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                p.letters += 1;
                if seen.len() < 200 && !seen.contains(&v) {
                    seen.push(v);
                }
            }
            if p.filled >= 200 {
                break;
            }
        }
        p.distinct_text = seen.len();
        p.place_run &= p.ints == p.filled && p.filled > 0;
        p
    }

    fn most(&self, n: usize) -> bool {
        self.filled > 0 && n * 2 > self.filled
    }
}

/// One number, not glued to letters ("28", " Âge 28", "28 ans"; not "M40", "18-29").
fn age_like(v: &str) -> bool {
    let runs: Vec<&str> = v
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    if runs.len() != 1 || read_age(v).is_none() {
        return false;
    }
    let start = v.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let end = start + runs[0].len();
    let glued = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    !glued(v[..start].chars().last()) && !glued(v[end..].chars().next())
}

pub(super) fn check_with_values(field: Field, p: &Profile) -> Field {
    match field {
        // Numbers under "Gender" or "Division" are places within those groups.
        Field::Sex | Field::Category if p.most(p.ints) => Field::Ignore,
        Field::Place if p.most(p.times) => Field::ChipTime,
        Field::Age if p.most(p.years) => Field::BirthYear,
        Field::Age if p.filled > 0 && !p.most(p.ages) => Field::Category,
        Field::BirthYear if !p.most(p.years) && p.most(p.ages) => Field::Age,
        Field::ChipTime | Field::GunTime | Field::Split(_)
            if p.filled > 0 && !p.most(p.times + p.statuses) =>
        {
            Field::Ignore
        }
        f => f,
    }
}

/// Words of a team (not club) header.
const TEAM_WORDS: &[&str] = &["team", "команд", "équipe", "equipe", "equipo", "mannschaft"];

const NET_WORDS: &[&str] = &[
    "chip",
    "net",
    "чист",
    "нетто",
    "netto",
    "neto",
    "réel",
    "real",
    "таза",
];

/// Each field but Ignore and Split belongs to one column. Of two chip-time columns the
/// one named net/chip stays, the other is taken for the gun time.
pub(super) fn settle_duplicates(columns: &mut [Option<Field>], headers: &[String]) {
    let chips: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i] == Some(Field::ChipTime))
        .collect();
    let has_gun = columns.contains(&Some(Field::GunTime));
    if chips.len() >= 2 && !has_gun {
        let named_net = |i: &&usize| {
            NET_WORDS
                .iter()
                .any(|w| normalize(&headers[**i]).contains(w))
        };
        let keep = chips.iter().find(named_net).copied().unwrap_or(chips[0]);
        if let Some(&gun) = chips.iter().find(|&&i| i != keep) {
            columns[gun] = Some(Field::GunTime);
        }
    }
    // "Club" and "Team" side by side: the team column names the team that scores.
    let clubs: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i] == Some(Field::Club))
        .collect();
    if clubs.len() >= 2 {
        let named_team = |i: &&usize| {
            TEAM_WORDS
                .iter()
                .any(|w| normalize(&headers[**i]).contains(w))
        };
        if let Some(&team) = clubs.iter().find(named_team) {
            columns[team] = Some(Field::Team);
        }
    }
    for i in 0..columns.len() {
        let Some(f) = columns[i].clone() else {
            continue;
        };
        if f.single() && columns[..i].contains(&Some(f)) {
            columns[i] = Some(Field::Ignore);
        }
    }
    // "Nom" + "Prénom", "Имя" + "Фамилия", "Name" + "Vorname": the lone Name is the
    // other half.
    let has = |f: Field| columns.contains(&Some(f));
    let other_half = match (has(Field::FirstName), has(Field::LastName)) {
        (true, false) => Some(Field::LastName),
        (false, true) => Some(Field::FirstName),
        _ => None,
    };
    if let Some(half) = other_half {
        if let Some(c) = columns.iter_mut().find(|c| **c == Some(Field::Name)) {
            *c = Some(half);
        }
    }
    // A relay row names its team: with leg runner columns and no name column, the team
    // (or club) column is the result's name.
    let has = |f: Field| columns.contains(&Some(f));
    let named = has(Field::Name) || has(Field::FirstName) || has(Field::LastName);
    if has(Field::LegName) && !named {
        let team = columns
            .iter()
            .position(|c| *c == Some(Field::Team))
            .or_else(|| columns.iter().position(|c| *c == Some(Field::Club)));
        if let Some(i) = team {
            columns[i] = Some(Field::Name);
        }
    }
}

/// Columns whose header says nothing get a meaning from their values when a field is
/// still free: times (the last one is the finish), sexes, places, names.
pub(super) fn guess_unnamed(
    columns: &mut [Option<Field>],
    profiles: &[Profile],
    headers: &[String],
) {
    let free = |columns: &[Option<Field>], f: &Field| !columns.contains(&Some(f.clone()));
    let timed: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].is_none() && profiles[i].most(profiles[i].times))
        .collect();
    let no_time = free(columns, &Field::ChipTime) && free(columns, &Field::GunTime);
    for (k, &i) in timed.iter().enumerate() {
        columns[i] = Some(if no_time && k + 1 == timed.len() {
            Field::ChipTime
        } else if headers[i].trim().is_empty() {
            Field::Split(format!("Split {}", k + 1))
        } else {
            Field::Split(headers[i].trim().to_string())
        });
    }
    for i in 0..columns.len() {
        if columns[i].is_some() {
            continue;
        }
        let p = &profiles[i];
        let guess = if p.most(p.sexes) && free(columns, &Field::Sex) {
            Field::Sex
        } else if p.place_run && free(columns, &Field::Place) {
            Field::Place
        } else {
            continue;
        };
        columns[i] = Some(guess);
    }
    // A file without a name column: the text column with the most different values.
    let named = [Field::Name, Field::FirstName, Field::LastName];
    if named.iter().all(|f| free(columns, f)) {
        let best = (0..columns.len())
            .filter(|&i| columns[i].is_none() && profiles[i].most(profiles[i].letters))
            .max_by_key(|&i| profiles[i].distinct_text);
        if let Some(i) = best {
            columns[i] = Some(Field::Name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_not_categories() {
        let table = [
            ("28", true),
            (" Âge 28", true),
            ("28 ans", true),
            ("M40", false),
            ("18-29", false),
            ("V1", false),
            ("1990", false),
        ];
        for (text, want) in table {
            assert_eq!(age_like(text), want, "{text:?}");
        }
    }
}
