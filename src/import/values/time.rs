//! Time cells: race times as exports write them, with "no time" and status words
//! written where the time would be.

use super::words::status_word;
use crate::domain::time::{format_time, parse_time};
use crate::domain::Status;

/// What a time cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum TimeCell {
    Missing,
    /// A time the results format accepts, as written or rewritten to H:MM:SS.
    Time(String),
    /// "DNF" and friends written where the time would be.
    Status(Status),
    /// Something else, trimmed.
    Bad(String),
}

const MISSING: &[&str] = &["n/a", "na", "null", "none"];

pub fn read_time(text: &str) -> TimeCell {
    let s = text.trim();
    // Most cells are plain times: read those before trying the word lists.
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        if let Ok(t) = parse_time(s) {
            // A zero time is how some systems write "no time".
            return if t.0 == 0 {
                TimeCell::Missing
            } else {
                TimeCell::Time(s.to_string())
            };
        }
    } else if s.chars().all(|c| matches!(c, '-' | ':' | '—' | '–'))
        || MISSING.contains(&s.to_lowercase().as_str())
    {
        return TimeCell::Missing;
    } else if let Some(status) = status_word(s) {
        return TimeCell::Status(status);
    }
    match rewrite_time(s).and_then(|r| parse_time(&r).ok()) {
        Some(t) if t.0 > 0 => TimeCell::Time(format_time(t)),
        _ => TimeCell::Bad(s.to_string()),
    }
}

/// "1h02'03", "2h09m37s", "45'07\"", "1.02.03" -> "1:02:03" style, or None.
fn rewrite_time(s: &str) -> Option<String> {
    if !s.contains(':') && s.matches('.').count() == 2 {
        return Some(s.replace('.', ":"));
    }
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' | '.' | ',' => out.push(c),
            'h' | 'H' | 'ч' | 'm' | 'M' | 'м' | '\'' | '′' | '’' | ':' => out.push(':'),
            's' | 'S' | 'с' | '"' | '″' | ' ' => {}
            _ => return None,
        }
    }
    // "1h" alone is not a time we can trust.
    (out.contains(':') && !out.ends_with(':')).then_some(out)
}
