//! Age categories as the filter lists them, and the natural order used for categories and bibs.
use std::cmp::Ordering;
use std::collections::HashSet;

use super::model::Results;

/// The categories present among the runners of one distance (or of all distances with
/// `None`), each once, in natural order: "F35" < "M20" < "M35" < "M40" < "M100".
/// Names are compared as written, after trimming; blank names are left out.
pub fn categories(results: &Results, distance: Option<usize>) -> Vec<String> {
    // Distinct names first: sorting a handful of names beats sorting 50k rows' worth.
    let distinct: HashSet<&str> = results
        .runners
        .iter()
        .filter(|r| distance.is_none() || r.distance == distance)
        .filter_map(|r| r.category.as_deref().map(str::trim))
        .filter(|c| !c.is_empty())
        .collect();
    let mut names: Vec<&str> = distinct.into_iter().collect();
    crate::order::sort_by(&mut names, |a, b| natural_cmp(a, b));
    names.into_iter().map(str::to_owned).collect()
}

/// Compares text the way people read it: runs of digits by their number ("M9" < "M10",
/// "99" < "101"), other characters without regard to case. Ties fall back to the raw
/// bytes so the order is total and sorting is deterministic.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    // Fast path for the common all-digit bibs ("99" < "101").
    if is_digits(a) && is_digits(b) {
        return cmp_digit_runs(a, b).then_with(|| a.cmp(b));
    }
    let (mut x, mut y) = (a, b);
    loop {
        match (x.chars().next(), y.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(cx), Some(cy)) => {
                if cx.is_ascii_digit() && cy.is_ascii_digit() {
                    let (nx, rx) = split_digits(x);
                    let (ny, ry) = split_digits(y);
                    let ord = cmp_digit_runs(nx, ny);
                    if ord != Ordering::Equal {
                        return ord;
                    }
                    (x, y) = (rx, ry);
                } else {
                    let ord = crate::search::lower(cx).cmp(&crate::search::lower(cy));
                    if ord != Ordering::Equal {
                        return ord;
                    }
                    (x, y) = (&x[cx.len_utf8()..], &y[cy.len_utf8()..]);
                }
            }
        }
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(s.len());
    s.split_at(end)
}

/// Numeric comparison of two digit runs of any length (no overflow): "007" == "7".
fn cmp_digit_runs(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_table() {
        let table = [
            ("M20", "M35", Ordering::Less),
            ("M35", "M40", Ordering::Less),
            ("M9", "M10", Ordering::Less),
            ("M100", "M40", Ordering::Greater),
            ("F35", "M20", Ordering::Less),
            ("m20", "M35", Ordering::Less),
            ("99", "101", Ordering::Less),
            ("101", "101a", Ordering::Less),
            ("007", "7", Ordering::Less), // equal numbers: raw bytes decide, still total
            ("", "M", Ordering::Less),
            ("M", "M", Ordering::Equal),
            (
                "99999999999999999999999",
                "100000000000000000000000",
                Ordering::Less,
            ),
            ("Ж40", "Ж35", Ordering::Greater),
        ];
        for (a, b, want) in table {
            assert_eq!(natural_cmp(a, b), want, "{a} vs {b}");
            assert_eq!(natural_cmp(b, a), want.reverse(), "{b} vs {a}");
        }
    }
}
