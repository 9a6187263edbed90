//! Lengths: the distance a header, a distance name or a file name speaks of.

use super::numbers::parse_decimal;

/// A length in km for names and ids: "42.195", "10", "3.5" (at most 3 decimals),
/// without std's float formatting.
pub fn km_text(km: f64) -> String {
    let m = (km * 1000.0).round().max(0.0) as u64;
    let (whole, frac) = (m / 1000, m % 1000);
    if frac == 0 {
        whole.to_string()
    } else {
        let f = format!("{frac:03}");
        format!("{whole}.{}", f.trim_end_matches('0'))
    }
}

pub const MARATHON_KM: f64 = 42.195;
pub const HALF_KM: f64 = 21.0975;
const MILE_KM: f64 = 1.609344;

/// The distance a header, a distance name or a file name speaks of: "5K", "21.1 km",
/// "13.1 mi", "km 30", "Half", "Marathon", "Полумарафон". `bare` also reads a plain
/// number ("10", "42.195") as kilometres.
pub fn km_in(text: &str, bare: bool) -> Option<f64> {
    let lower = text.to_lowercase().replace(['_', '-'], " ");
    const HALF: &[&str] = &["half", "semi", "halb", "полу", "жартылай", "medio", "media"];
    const FULL: &[&str] = &["marathon", "marat", "марафон", "maratón"];
    if HALF.iter().any(|w| lower.contains(w)) && !lower.contains("ultra") {
        return Some(HALF_KM);
    }
    if FULL.iter().any(|w| lower.contains(w)) && !lower.contains("ultra") {
        return Some(MARATHON_KM);
    }
    let words = number_words(&lower);
    for (i, (word, number)) in words.iter().enumerate() {
        let Some(n) = number else { continue };
        let unit_after = word_unit(word).or_else(|| words.get(i + 1).and_then(|(w, _)| unit(w)));
        let unit_before = i.checked_sub(1).and_then(|j| unit(&words[j].0));
        if let Some(factor) = unit_after.or(unit_before) {
            return Some(n * factor).filter(|k| *k > 0.0);
        }
    }
    if bare {
        if let [(_, Some(n))] = words.as_slice() {
            return Some(*n).filter(|k| *k > 0.0 && *k <= 1000.0);
        }
    }
    None
}

/// Splits "21.1km split" into ("21.1km", Some(21.1)), ("split", None): each word with
/// the number it starts with.
fn number_words(lower: &str) -> Vec<(String, Option<f64>)> {
    lower
        .split_whitespace()
        .map(|w| {
            let digits: String = w
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect();
            let n = parse_decimal(digits.trim_end_matches(['.', ',']));
            (w.to_string(), n)
        })
        .collect()
}

fn unit(word: &str) -> Option<f64> {
    match word.trim_end_matches(['.', ':']) {
        "k"
        | "km"
        | "км"
        | "kilometer"
        | "kilometre"
        | "kilometers"
        | "kilometres"
        | "километр"
        | "километров"
        | "шақырым" => Some(1.0),
        "mi" | "mile" | "miles" | "миль" | "миля" => Some(MILE_KM),
        _ => None,
    }
}

/// The unit glued to a number: "5k", "21.1km", "10км".
fn word_unit(word: &str) -> Option<f64> {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if rest.is_empty() {
        None
    } else {
        unit(rest)
    }
}
