//! The `event` section: its name is required, everything else is optional and checked.
use super::problems::{LoadError, Problem};
use super::raw::RawEvent;
use super::values::{self, Notes};
use crate::domain::{Event, EventStatus};

pub(crate) fn read_event(raw: RawEvent<'_>, notes: &mut Notes) -> Result<Event, LoadError> {
    let name =
        values::text(raw.name, "event.name", false, notes).ok_or(LoadError::MissingEventName)?;
    let date = checked(raw.date, "event.date", is_date, Problem::BadDate, notes);
    let utc_offset = checked(
        raw.utc_offset,
        "event.utc_offset",
        is_utc_offset,
        Problem::BadUtcOffset,
        notes,
    );
    let updated = checked(
        raw.updated,
        "event.updated",
        is_timestamp,
        Problem::BadTimestamp,
        notes,
    );
    let status = match values::word(raw.status, "event.status", notes) {
        None => EventStatus::Official,
        Some(s) if s.eq_ignore_ascii_case("official") => EventStatus::Official,
        Some(s) if s.eq_ignore_ascii_case("provisional") => EventStatus::Provisional,
        // Never call results official by mistake: "preliminary", "unofficial"... are not.
        Some(s) => {
            notes.add(
                "event.status",
                Problem::UnknownEventStatus(values::quoted(&s)),
            );
            EventStatus::Provisional
        }
    };
    Ok(Event {
        name,
        date,
        place: values::text(raw.place, "event.place", false, notes),
        utc_offset,
        currency: values::text(raw.currency, "event.currency", false, notes),
        status,
        updated,
    })
}

/// Text that must pass `valid`; an invalid value is dropped with a warning.
fn checked(
    v: Option<super::raw::Scalar<'_>>,
    field: &str,
    valid: fn(&str) -> bool,
    bad: fn(String) -> Problem,
    notes: &mut Notes,
) -> Option<String> {
    let s = values::word(v, field, notes)?;
    if valid(&s) {
        Some(s.into_owned())
    } else {
        notes.add(field, bad(values::quoted(&s)));
        None
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A real calendar date written YYYY-MM-DD.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    match (digits(y), digits(m), digits(d)) {
        (Some(y), Some(m), Some(d)) => {
            (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
        }
        _ => false,
    }
}

/// Days in month `m` (1-12) of year `y`, Gregorian leap years.
pub(crate) fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "+06:00", "-03:30", "+00:00".
pub(crate) fn is_utc_offset(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 6 || !(b[0] == b'+' || b[0] == b'-') || b[3] != b':' {
        return false;
    }
    match (digits(&s[1..3]), digits(&s[4..6])) {
        (Some(h), Some(m)) => h <= 14 && m < 60,
        _ => false,
    }
}

/// An RFC 3339 timestamp such as 2021-09-26T16:00:00+06:00 or 2021-09-26T10:00:00.5Z
/// (checked by hand: a date library would cost the app more than this).
pub(crate) fn is_timestamp(s: &str) -> bool {
    let (Some(date), Some(sep), Some(rest)) = (s.get(..10), s.get(10..11), s.get(11..)) else {
        return false;
    };
    if !is_date(date) || !matches!(sep, "T" | "t" | " ") {
        return false;
    }
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let (hms, frac) = match clock.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (clock, None),
    };
    let hms_ok = match hms
        .split(':')
        .map(two_digits)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [Some(h), Some(m), Some(s)] => *h < 24 && *m < 60 && *s <= 60,
        _ => false,
    };
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let zone_ok = match zone {
        "Z" | "z" => true,
        z => {
            let b = z.as_bytes();
            b.len() == 6
                && matches!(b[0], b'+' | b'-')
                && b[3] == b':'
                && matches!((two_digits(&z[1..3]), two_digits(&z[4..6])), (Some(h), Some(m)) if h < 24 && m < 60)
        }
    };
    hms_ok && frac_ok && zone_ok
}

fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2).then(|| digits(s)).flatten()
}

/// A local time of day: HH:MM or HH:MM:SS, optionally with a fraction.
pub(crate) fn is_time_of_day(s: &str) -> bool {
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let parts: Vec<&str> = whole.split(':').collect();
    let nums: Vec<Option<u32>> = parts
        .iter()
        .map(|p| if p.len() == 2 { digits(p) } else { None })
        .collect();
    match nums.as_slice() {
        [Some(h), Some(m)] => frac.is_none() && *h < 24 && *m < 60,
        [Some(h), Some(m), Some(s)] => *h < 24 && *m < 60 && *s < 60,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_offsets_and_clock_times() {
        let dates = [
            ("2021-09-26", true),
            ("2024-02-29", true),
            ("2021-02-29", false),
            ("2021-9-26", false),
            ("26.09.2021", false),
            ("2021-09-26T07:00", false),
        ];
        for (s, ok) in dates {
            assert_eq!(is_date(s), ok, "{s}");
        }
        let offsets = [
            ("+06:00", true),
            ("-03:30", true),
            ("+6:00", false),
            ("UTC+6", false),
            ("+25:00", false),
        ];
        for (s, ok) in offsets {
            assert_eq!(is_utc_offset(s), ok, "{s}");
        }
        let clocks = [
            ("07:30:00", true),
            ("07:30", true),
            ("07:30:00.5", true),
            ("7:30", false),
            ("24:00:00", false),
            ("07:30:00.", false),
            ("07:30.5", false),
        ];
        for (s, ok) in clocks {
            assert_eq!(is_time_of_day(s), ok, "{s}");
        }
        let stamps = [
            ("2021-09-26T16:00:00+06:00", true),
            ("2021-09-26T10:00:00Z", true),
            ("2021-09-26t10:00:00z", true),
            ("2021-09-26 10:00:00-03:30", true),
            ("2021-09-26T10:00:00.125Z", true),
            ("2016-12-31T23:59:60Z", true),
            ("2021-09-26 16:00", false),
            ("2021-09-26T16:00:00", false),
            ("2021-09-26T16:00Z", false),
            ("2021-09-26T24:00:00Z", false),
            ("2021-09-26T16:00:00.Z", false),
            ("2021-09-26T16:00:00+6:00", false),
            ("2021-09-26T16:00:00+24:00", false),
            ("2021-02-30T16:00:00Z", false),
            ("2021-09-26T16:00:00Zjunk", false),
            ("2021-09-26Tкк:00:00Z", false),
            ("2021-09-2", false),
            ("", false),
        ];
        for (s, ok) in stamps {
            assert_eq!(is_timestamp(s), ok, "{s}");
        }
        for (y, m, days) in [
            (2024, 2, 29),
            (1900, 2, 28),
            (2000, 2, 29),
            (2021, 4, 30),
            (2021, 12, 31),
        ] {
            assert_eq!(days_in_month(y, m), days, "{y}-{m}");
        }
    }
}
