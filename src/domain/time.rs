//! Race times: reading the forms the format allows, and showing them.
use super::model::RaceTime;

/// Why a time string could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeError {
    Empty,
    Malformed,
    /// Minutes or seconds of 60 or more in a H:MM:SS form.
    OutOfRange,
    Negative,
    /// More than the 49 days a RaceTime can hold.
    TooLong,
}

/// Reads "H:MM:SS", "HH:MM:SS.f", "MM:SS" (with optional fraction), or plain seconds
/// ("5025", "5025.4"). Hours may exceed 24 for ultras.
pub fn parse_time(text: &str) -> Result<RaceTime, TimeError> {
    let s = text.trim();
    if s.is_empty() {
        return Err(TimeError::Empty);
    }
    if let Some(rest) = s.strip_prefix('-') {
        // Negative only when a time follows the minus: "--" or "-x" is no time at all.
        // Recursion is one level deep: the rest never starts with '-'.
        let rest = rest.trim_start();
        if rest.starts_with('-') {
            return Err(TimeError::Malformed);
        }
        return match parse_time(rest) {
            Err(TimeError::Empty | TimeError::Malformed) => Err(TimeError::Malformed),
            _ => Err(TimeError::Negative),
        };
    }
    let (whole, frac_ms) = split_fraction(s)?;
    // Up to three fields, read byte by byte without allocating: files hold tens of
    // thousands of times. Overflow is noted, not fatal, so a malformed text still
    // reports Malformed.
    let mut nums = [0u64; 3];
    let (mut count, mut digits, mut overflow) = (0usize, 0usize, false);
    for &b in whole.as_bytes() {
        match b {
            b'0'..=b'9' => {
                if let Some(n) = nums.get_mut(count) {
                    let digit = u64::from(b - b'0');
                    match n.checked_mul(10).and_then(|v| v.checked_add(digit)) {
                        Some(v) => *n = v,
                        None => overflow = true,
                    }
                }
                digits += 1;
            }
            b':' if digits > 0 => {
                count += 1;
                digits = 0;
            }
            _ => return Err(TimeError::Malformed),
        }
    }
    if digits == 0 || count >= nums.len() {
        return Err(TimeError::Malformed);
    }
    if overflow {
        return Err(TimeError::TooLong);
    }
    let secs = match &nums[..=count] {
        [s] => Some(*s),
        [m, s] => {
            if *s >= 60 {
                return Err(TimeError::OutOfRange);
            }
            m.checked_mul(60).and_then(|v| v.checked_add(*s))
        }
        [h, m, s] => {
            if *m >= 60 || *s >= 60 {
                return Err(TimeError::OutOfRange);
            }
            h.checked_mul(3600).and_then(|v| v.checked_add(m * 60 + s))
        }
        _ => return Err(TimeError::Malformed),
    };
    let secs = secs.ok_or(TimeError::TooLong)?;
    to_race_time(secs, frac_ms)
}

/// Reads a time given as a JSON number of seconds.
pub fn from_seconds(secs: f64) -> Result<RaceTime, TimeError> {
    if !secs.is_finite() {
        return Err(TimeError::Malformed);
    }
    if secs < 0.0 {
        return Err(TimeError::Negative);
    }
    let ms = (secs * 1000.0).round();
    if ms > u32::MAX as f64 {
        return Err(TimeError::TooLong);
    }
    Ok(RaceTime(ms as u32))
}

fn split_fraction(s: &str) -> Result<(&str, u64), TimeError> {
    let Some(dot) = s.bytes().position(|b| b == b'.' || b == b',') else {
        return Ok((s, 0));
    };
    let (whole, frac) = (&s[..dot], &s[dot + 1..]);
    if frac.is_empty() || frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimeError::Malformed);
    }
    // Keep milliseconds; further digits are rounded away.
    let tenth_ms = frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(4)
        .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
    Ok((whole, (tenth_ms + 5) / 10))
}

fn to_race_time(secs: u64, frac_ms: u64) -> Result<RaceTime, TimeError> {
    let ms = secs
        .checked_mul(1000)
        .and_then(|v| v.checked_add(frac_ms))
        .ok_or(TimeError::TooLong)?;
    u32::try_from(ms)
        .map(RaceTime)
        .map_err(|_| TimeError::TooLong)
}

impl RaceTime {
    pub fn from_hms(h: u32, m: u32, s: u32) -> RaceTime {
        RaceTime((h * 3600 + m * 60 + s) * 1000)
    }
    pub fn whole_seconds(self) -> u32 {
        self.0 / 1000
    }
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }
}

/// "H:MM:SS" (hours unbounded); tenths are shown only when the time has them.
pub fn format_time(t: RaceTime) -> String {
    let total = t.0 / 1000;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let tenths = (t.0 % 1000) / 100;
    if t.0.is_multiple_of(1000) {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{h}:{m:02}:{s:02}.{tenths}")
    }
}

/// Pace per km as "M:SS", or None without a positive distance.
pub fn format_pace(t: RaceTime, km: f64) -> Option<String> {
    let secs = pace_seconds(t, km)?;
    let whole = secs.round() as u64;
    Some(format!("{}:{:02}", whole / 60, whole % 60))
}

/// Seconds per km, or None without a positive distance.
pub fn pace_seconds(t: RaceTime, km: f64) -> Option<f64> {
    if !(km.is_finite() && km > 0.0) {
        return None;
    }
    Some(t.as_secs_f64() / km)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_contract_form() {
        let table = [
            ("2:25:31", 8_731_000),
            ("02:25:31", 8_731_000),
            ("02:25:31.4", 8_731_400),
            ("2:25:31.45", 8_731_450),
            ("45:07", 2_707_000),
            ("45:07.5", 2_707_500),
            ("5025", 5_025_000),
            ("5025.25", 5_025_250),
            ("26:03:10", 93_790_000),
            ("100:00:00", 360_000_000),
            (" 1:02:03 ", 3_723_000),
        ];
        for (text, ms) in table {
            assert_eq!(parse_time(text), Ok(RaceTime(ms)), "{text}");
        }
    }

    #[test]
    fn rejects_bad_forms() {
        let table = [
            ("", TimeError::Empty),
            ("abc", TimeError::Malformed),
            ("1:2:3:4", TimeError::Malformed),
            ("1::03", TimeError::Malformed),
            ("1:61:00", TimeError::OutOfRange),
            ("1:00:60", TimeError::OutOfRange),
            ("-1:00:00", TimeError::Negative),
            ("-0:00:00.5", TimeError::Negative),
            ("-1:61:00", TimeError::Negative),
            ("-", TimeError::Malformed),
            ("--", TimeError::Malformed),
            ("---1:00", TimeError::Malformed),
            ("-abc", TimeError::Malformed),
            ("- ", TimeError::Malformed),
            ("- - -5", TimeError::Malformed),
            ("- 5", TimeError::Negative),
            ("2:25:31.", TimeError::Malformed),
            ("99999999:00:00", TimeError::TooLong),
            ("9999999999999999999:00:00", TimeError::TooLong),
            ("99999999999999999999999:00:00", TimeError::TooLong),
            ("99999999999999999999999:xx", TimeError::Malformed),
            (":05", TimeError::Malformed),
            ("5:", TimeError::Malformed),
            (".5", TimeError::Malformed),
            ("1:2:3.4.5", TimeError::Malformed),
            ("DNF", TimeError::Malformed),
        ];
        for (text, err) in table {
            assert_eq!(parse_time(text), Err(err), "{text:?}");
        }
    }

    #[test]
    fn seconds_numbers() {
        assert_eq!(from_seconds(5025.4), Ok(RaceTime(5_025_400)));
        assert_eq!(from_seconds(-1.0), Err(TimeError::Negative));
        assert_eq!(from_seconds(f64::NAN), Err(TimeError::Malformed));
        assert_eq!(from_seconds(1e12), Err(TimeError::TooLong));
    }

    #[test]
    fn formats_times_and_pace() {
        assert_eq!(format_time(RaceTime(8_731_000)), "2:25:31");
        assert_eq!(format_time(RaceTime(93_790_000)), "26:03:10");
        assert_eq!(format_time(RaceTime(2_707_500)), "0:45:07.5");
        assert_eq!(
            format_pace(RaceTime::from_hms(2, 25, 31), 42.195).as_deref(),
            Some("3:27")
        );
        assert_eq!(
            format_pace(RaceTime::from_hms(0, 50, 0), 10.0).as_deref(),
            Some("5:00")
        );
        assert_eq!(format_pace(RaceTime(1000), 0.0), None);
    }

    #[test]
    fn round_trips_whole_seconds() {
        for secs in [0u32, 59, 60, 3599, 3600, 86_399, 86_400, 400_000] {
            let t = RaceTime(secs * 1000);
            assert_eq!(parse_time(&format_time(t)), Ok(t));
        }
    }
}
