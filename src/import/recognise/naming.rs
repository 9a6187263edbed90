//! Names and ids the file itself suggests: the event from the file name, the
//! distance from its length, ids that stay unique.

use super::Field;
use crate::import::values::{km_in, km_text, slug, HALF_KM, MARATHON_KM};

/// "42k", "21k", "10k", "3-5k" from the length, else a slug of the name.
pub(crate) fn distance_id(name: &str, km: Option<f64>) -> String {
    match km {
        Some(k) if (k - MARATHON_KM).abs() < 0.01 => "42k".into(),
        Some(k) if (k - HALF_KM).abs() < 0.01 => "21k".into(),
        Some(k) if k.fract() == 0.0 => format!("{}k", k as u64),
        Some(k) => slug(&format!("{}k", km_text(k))),
        None => match slug(name) {
            s if s.is_empty() => "race".into(),
            s => s,
        },
    }
}

pub(crate) fn unique_id(base: &str, taken: &[&str]) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The name a distance of that length gets: "Marathon", "Half marathon", "10 km",
/// or "Race" when the length is unknown.
pub fn distance_name(km: Option<f64>) -> String {
    match km {
        Some(k) if (k - MARATHON_KM).abs() < 0.01 => "Marathon".into(),
        Some(k) if (k - HALF_KM).abs() < 0.01 => "Half marathon".into(),
        Some(k) => format!("{} km", km_text(k)),
        None => "Race".into(),
    }
}

/// The file name without folders and extension.
pub(super) fn file_stem(file_name: &str) -> &str {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or("");
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// "boston_marathon_2017.csv" -> "Boston Marathon 2017".
pub(super) fn event_name_from_file(file_name: &str) -> String {
    let stem = file_stem(file_name);
    let all_lower = stem.to_lowercase() == stem;
    let words: Vec<String> = stem
        .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) if all_lower => first.to_uppercase().chain(chars).collect(),
                _ => w.to_string(),
            }
        })
        .collect();
    if words.is_empty() {
        "Results".into()
    } else {
        words.join(" ")
    }
}

/// A marathon's splits reach 40 km; shorter races are left for the organizer to say.
pub(super) fn km_from_splits(columns: &[Field]) -> Option<f64> {
    let longest = columns
        .iter()
        .filter_map(|f| match f {
            Field::Split(name) => km_in(name, false),
            _ => None,
        })
        .fold(0.0, f64::max);
    (40.0..MARATHON_KM)
        .contains(&longest)
        .then_some(MARATHON_KM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_events_and_distances() {
        assert_eq!(
            event_name_from_file("boston_marathon_2017.csv"),
            "Boston Marathon 2017"
        );
        assert_eq!(
            event_name_from_file("C:\\exports\\Almaty-10K.csv"),
            "Almaty 10K"
        );
        assert_eq!(event_name_from_file(".csv"), "Results");
        assert_eq!(distance_id("Marathon", Some(42.195)), "42k");
        assert_eq!(distance_id("x", Some(3.5)), "3-5k");
        assert_eq!(distance_id("Кросс", None), "kross");
        assert_eq!(distance_id("!!", None), "race");
        assert_eq!(unique_id("10k", &["10k", "10k-2"]), "10k-3");
        assert_eq!(distance_name(Some(10.0)), "10 km");
        assert_eq!(distance_name(None), "Race");
    }
}
