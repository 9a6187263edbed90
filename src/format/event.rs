//! The `event` section: its name is required, everything else is optional and checked.
use super::problems::{LoadError, Problem};
use super::raw::RawEvent;
use super::values::{self, Notes};
use crate::domain::{Event, EventStatus};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

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

/// A real calendar date written YYYY-MM-DD (chrono knows the calendar; the spelling
/// is checked here because chrono's parser also takes "2021-9-26" or "+2021-09-26").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape_ok {
        return None;
    }
    let (y, m, d) = (digits(&s[..4])?, digits(&s[5..7])?, digits(&s[8..])?);
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
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

/// An RFC 3339 timestamp such as 2021-09-26T16:00:00+06:00 or 2021-09-26T10:00:00.5Z.
pub(crate) fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

pub(crate) fn is_timestamp(s: &str) -> bool {
    parse_timestamp(s).is_some()
}

/// A local time of day: HH:MM or HH:MM:SS, optionally with a fraction.
pub(crate) fn parse_time_of_day(s: &str) -> Option<NaiveTime> {
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let two = |p: &str| if p.len() == 2 { digits(p) } else { None };
    let parts: Vec<Option<u32>> = whole.split(':').map(two).collect();
    let (h, m, sec) = match parts.as_slice() {
        [Some(h), Some(m)] if frac.is_none() => (*h, *m, 0),
        [Some(h), Some(m), Some(sec)] if *sec < 60 => (*h, *m, *sec),
        _ => return None,
    };
    let nanos = match frac {
        None => 0,
        // Nanoseconds: the first nine digits, padded.
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            let nine: String = f.chars().chain(std::iter::repeat('0')).take(9).collect();
            digits(&nine)?
        }
        Some(_) => return None,
    };
    NaiveTime::from_hms_nano_opt(h, m, sec, nanos)
}

pub(crate) fn is_time_of_day(s: &str) -> bool {
    parse_time_of_day(s).is_some()
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
            ("+2021-09-26", false),
            ("2021-09-2x", false),
            ("1900-02-29", false),
            ("2000-02-29", true),
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
            ("07:30:00.1234567891", true),
            ("07:30:60", false),
            ("07:3a", false),
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
    }
}
