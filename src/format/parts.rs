//! Reading the head and the standings of results published in parts (docs/parts.md).
//! They are written by our own publisher, so a field that is not what it should be is
//! noted as a warning and the part of the index it belongs to is left out: the search
//! then waits for the whole file, which has every runner.
use super::problems::Kind;
use super::raw::{Entry, ListOf, RawPartRef, RawParts, RawStanding, Scalar, SplitTimes};
use super::values::{self, Notes};
use crate::parts::{is_plain_file_name, DistanceCounts, Given, Head, PartRef, PARTS_V1};

fn count(v: Option<Scalar<'_>>, field: &str, notes: &mut Notes) -> Option<u32> {
    match v? {
        Scalar::UInt(n) => u32::try_from(n).ok(),
        Scalar::Float(x) if x.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&x) => {
            Some(x as u32)
        }
        Scalar::Null => None,
        other => {
            notes.add(field, values::wrong(Kind::WholeNumber, &other));
            None
        }
    }
}

fn text(v: Option<Scalar<'_>>, field: &str, notes: &mut Notes) -> Option<String> {
    values::text(v, field, false, notes).filter(|s| !s.is_empty())
}

fn hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || s.is_empty() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn map_counts(v: Option<SplitTimes<'_>>) -> Vec<(String, u32)> {
    let Some(SplitTimes::Map(entries)) = v else {
        return Vec::new();
    };
    entries
        .into_iter()
        .filter_map(|(k, v)| match v {
            Scalar::UInt(n) => Some((k.trim().to_string(), u32::try_from(n).ok()?)),
            _ => None,
        })
        .collect()
}

fn part_refs(
    list: Option<ListOf<'_, Entry<'_, RawPartRef<'_>>>>,
    at: &str,
    notes: &mut Notes,
) -> Vec<PartRef> {
    let Some(ListOf::List(items)) = list else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, entry) in items.into_iter().enumerate() {
        let at = format!("{at}[{i}]");
        let Some(raw) = values::list_entry(entry, &at, notes) else {
            continue;
        };
        let key_field = format!("{at}.key");
        let key = match raw.key {
            Some(Scalar::Text(s)) if hex(&s).is_some() => hex(&s),
            Some(other) => {
                notes.add(&key_field, values::wrong(Kind::Text, &other));
                None
            }
            None => None,
        };
        let file_field = format!("{at}.file");
        let file = text(raw.file, &file_field, notes);
        if let Some(f) = file.as_deref().filter(|f| !is_plain_file_name(f)) {
            notes.add(
                &file_field,
                values::wrong(Kind::Text, &Scalar::Text(f.into())),
            );
            continue;
        }
        let exact = values::flag(raw.exact, &format!("{at}.exact"), notes).unwrap_or(false);
        let runners = count(raw.runners, &format!("{at}.runners"), notes).unwrap_or(0);
        if let (Some(key), Some(file)) = (key, file) {
            out.push(PartRef {
                key,
                exact,
                file,
                runners,
            });
        }
    }
    out
}

/// The head's `parts` object; None (with a warning) when it names no whole file or a
/// version this viewer does not read, and the file is then shown as it is.
pub(crate) fn read_parts(raw: RawParts<'_>, notes: &mut Notes) -> Option<Head> {
    let version = count(raw.version, "parts.version", notes);
    if version != Some(PARTS_V1) {
        let shown = version.map_or_else(|| "?".to_string(), |v| v.to_string());
        notes.add(
            "parts.version",
            values::wrong(Kind::WholeNumber, &Scalar::Text(shown.into())),
        );
        return None;
    }
    let whole = text(raw.whole, "parts.whole", notes)?;
    let runners = count(raw.runners, "parts.runners", notes).unwrap_or(0);
    let mut distances = Vec::new();
    if let Some(ListOf::List(items)) = raw.distances {
        for (i, entry) in items.into_iter().enumerate() {
            let at = format!("parts.distances[{i}]");
            let Some(d) = values::list_entry(entry, &at, notes) else {
                continue;
            };
            let mut by_sex = [0u32; 3];
            for (sex, n) in map_counts(d.sex) {
                if let Some(k) = ["M", "F", "X"].iter().position(|s| *s == sex) {
                    by_sex[k] = n;
                }
            }
            distances.push(DistanceCounts {
                id: text(d.id, &format!("{at}.id"), notes).unwrap_or_default(),
                runners: count(d.runners, &format!("{at}.runners"), notes).unwrap_or(0),
                finishers: count(d.finishers, &format!("{at}.finishers"), notes).unwrap_or(0),
                by_sex,
                categories: map_counts(d.categories),
            });
        }
    }
    Some(Head {
        whole,
        runners,
        names: part_refs(raw.names, "parts.names", notes),
        bibs: part_refs(raw.bibs, "parts.bibs", notes),
        distances,
    })
}

/// A row's `standing`; None when it has no row number (the row is then placed as usual).
pub(crate) fn read_standing(raw: RawStanding<'_>, notes: &mut Notes) -> Option<Given> {
    let splits = match raw.splits {
        Some(ListOf::List(items)) => items
            .into_iter()
            .map(|v| count(Some(v), "standing.splits", notes))
            .collect(),
        _ => Vec::new(),
    };
    Some(Given {
        row: count(raw.row, "standing.row", notes)?,
        overall: count(raw.overall, "standing.overall", notes),
        sex: count(raw.sex, "standing.sex", notes),
        category: count(raw.category, "standing.category", notes),
        splits,
    })
}

#[cfg(test)]
mod tests {
    use super::hex;

    #[test]
    fn keys_are_hex() {
        assert_eq!(hex("6b61"), Some(b"ka".to_vec()));
        assert_eq!(hex("6B"), Some(vec![0x6b]));
        assert_eq!(hex("6"), None);
        assert_eq!(hex(""), None);
        assert_eq!(hex("zz"), None);
    }
}
