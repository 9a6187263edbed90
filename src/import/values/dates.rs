//! Birth dates and race days, read with chrono: the age on race day is whole years with
//! chrono's calendar (leap days included), not a year subtraction that is one off for
//! everyone whose birthday comes after the race.

use chrono::NaiveDate;

/// A full date as exports write it: "1990-05-01", "01.05.1990", "01/05/1990" (day
/// first, as timing systems in Europe and Central Asia write it), or "05/31/1990" when
/// the first number cannot be a month. None for a year alone or anything else.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    // A time of day after the date ("1990-05-01T00:00:00", "01.05.1990 0:00") is no
    // part of a birth date.
    let s = s.split(['T', ' ']).next().unwrap_or(s);
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['.', '/', '-']).collect();
    let [a, b, y] = parts[..] else { return None };
    if y.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    NaiveDate::from_ymd_opt(y, b, a).or_else(|| NaiveDate::from_ymd_opt(y, a, b))
}

/// Whole years from a birth date to race day; None when race day is before the birth
/// or the age is past any runner's.
pub fn age_on(birth: NaiveDate, race_day: NaiveDate) -> Option<u16> {
    let years = race_day.years_since(birth)?;
    (1..=120).contains(&years).then_some(years as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_the_forms_exports_write() {
        let table = [
            ("1990-05-01", Some(day(1990, 5, 1))),
            ("1990-05-01T00:00:00", Some(day(1990, 5, 1))),
            ("01.05.1990", Some(day(1990, 5, 1))),
            ("1.5.1990 0:00", Some(day(1990, 5, 1))),
            ("01/05/1990", Some(day(1990, 5, 1))),
            ("05/31/1990", Some(day(1990, 5, 31))),
            ("29.02.1992", Some(day(1992, 2, 29))),
            ("29.02.1991", None),
            ("1990", None),
            ("31.31.1990", None),
            ("", None),
        ];
        for (text, want) in table {
            assert_eq!(read_date(text), want, "{text:?}");
        }
    }

    #[test]
    fn age_on_race_day_counts_whole_years() {
        let race = day(2021, 9, 26);
        assert_eq!(age_on(day(1981, 9, 26), race), Some(40));
        assert_eq!(age_on(day(1981, 9, 27), race), Some(39));
        // Born on a leap day: a year older on 1 March of a common year, not before.
        assert_eq!(age_on(day(2000, 2, 29), day(2021, 2, 28)), Some(20));
        assert_eq!(age_on(day(2000, 2, 29), day(2021, 3, 1)), Some(21));
        assert_eq!(age_on(day(2022, 1, 1), race), None);
        assert_eq!(age_on(day(1800, 1, 1), race), None);
    }
}
