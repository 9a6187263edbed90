//! What the fuzz targets check beyond "no panic", shared between them: a loaded file
//! keeps every row, every selection is a duplicate-free subset of the runners, a
//! runner is found by their own bib and name, and a written file reads back the same.
use race_results::dataset::{Dataset, Selection, SortBy, StatusFilter};
use race_results::domain::{Sex, Status};
use race_results::format::{parse_results, to_json};
use race_results::search::fold_name;

/// Choices steered by the input's own bytes, so libFuzzer can reach each of them.
pub struct Dice<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Dice<'a> {
    pub fn new(bytes: &'a [u8]) -> Dice<'a> {
        Dice { bytes, at: 0 }
    }

    /// The next byte of the input, from its end backwards (the start is the file's
    /// structure; the end is free to mutate), or 0 once they run out.
    pub fn byte(&mut self) -> u8 {
        let b = self
            .bytes
            .len()
            .checked_sub(self.at + 1)
            .map_or(0, |i| self.bytes[i]);
        self.at += 1;
        b
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (usize::from(self.byte()) << 8 | usize::from(self.byte())) % n
    }
}

/// A selection with filters chosen by the dice and this query.
pub fn selection(d: &Dataset, dice: &mut Dice, query: String) -> Selection {
    let categories = d.categories(None);
    Selection {
        query,
        distance: match dice.below(4) {
            0 => Some(dice.below(d.results.distances.len() + 1)),
            _ => None,
        },
        sex: [None, None, Some(Sex::M), Some(Sex::F), Some(Sex::X)][dice.below(5)],
        category: match dice.below(4) {
            0 if !categories.is_empty() => Some(categories[dice.below(categories.len())].clone()),
            _ => None,
        },
        status: [
            StatusFilter::All,
            StatusFilter::All,
            StatusFilter::Only(Status::Finished),
            StatusFilter::Only(Status::Dnf),
            StatusFilter::Only(Status::Dns),
            StatusFilter::Only(Status::Dsq),
            StatusFilter::OnCourse,
        ][dice.below(7)],
        sort: [SortBy::Place, SortBy::Time, SortBy::Name][dice.below(3)],
    }
}

/// Rows a selection lists: each a runner, none twice, each accepted by the filters;
/// without a query, every runner the filters accept; the same rows in every sort.
pub fn check_selection(d: &Dataset, sel: &Selection) -> Vec<u32> {
    let runners = &d.results.runners;
    let accepts = |i: usize| {
        let r = &runners[i];
        sel.distance.is_none_or(|k| r.distance == Some(k))
            && sel.sex.is_none_or(|s| r.sex == Some(s))
            && sel
                .category
                .as_deref()
                .is_none_or(|c| r.category.as_deref() == Some(c))
            && match sel.status {
                StatusFilter::All => true,
                // A runner on the course is not a DNS, whatever the status says.
                StatusFilter::Only(s) => r.status == s && !r.on_course,
                StatusFilter::OnCourse => r.on_course,
            }
    };
    let rows = d.select(sel);
    let mut seen = vec![false; runners.len()];
    for &i in &rows {
        let i = i as usize;
        assert!(i < runners.len(), "row {i} of {}", runners.len());
        assert!(!seen[i], "row {i} listed twice for {sel:?}");
        seen[i] = true;
        assert!(accepts(i), "row {i} is not what {sel:?} asks for");
    }
    if sel.query.trim().is_empty() {
        let want = (0..runners.len()).filter(|&i| accepts(i)).count();
        assert_eq!(rows.len(), want, "{sel:?}");
    }
    let mut set = rows.clone();
    set.sort_unstable();
    for sort in [SortBy::Place, SortBy::Time, SortBy::Name] {
        let mut other = d.select(&Selection {
            sort,
            ..sel.clone()
        });
        other.sort_unstable();
        assert_eq!(other, set, "sorting by {sort:?} changed the rows");
    }
    rows
}

/// Everything a loaded dataset promises, with choices from the dice; `text` is a piece
/// of the input to search for.
pub fn check_dataset(d: &Dataset, dice: &mut Dice, text: &str) {
    let n = d.results.runners.len();
    // rows in = rows shown + rows flagged; each runner listed once.
    let all = check_selection(d, &Selection::default());
    assert_eq!(d.rows_in, all.len() + d.rows_skipped);
    assert_eq!(all.len(), n);
    let flagged = d
        .warnings
        .iter()
        .filter(|w| matches!(w.problem, race_results::format::Problem::RowNotObject(_)))
        .count();
    assert_eq!(flagged, d.rows_skipped, "a warning per skipped row");

    let sel = selection(d, dice, text.to_string());
    check_selection(d, &sel);
    if n == 0 {
        return;
    }
    // A runner is found by their bib and by their whole name.
    let k = dice.below(n);
    let r = &d.results.runners[k];
    let bib = r.bib.as_str();
    if !bib.is_empty() && !bib.contains(char::is_whitespace) && !bib.starts_with(['#', '№']) {
        let rows = check_selection(
            d,
            &Selection {
                query: bib.to_string(),
                ..Selection::default()
            },
        );
        assert!(
            rows.contains(&(k as u32)),
            "bib {bib:?} does not find row {k}"
        );
    }
    if r.name.chars().any(char::is_alphanumeric) && !fold_name(&r.name).is_empty() {
        let rows = check_selection(
            d,
            &Selection {
                query: r.name.clone(),
                ..Selection::default()
            },
        );
        assert!(
            rows.contains(&(k as u32)),
            "name {:?} does not find row {k}",
            r.name
        );
    }
}

/// Writing the results back as JSON and reading that gives the same results.
///
/// Except the last bit of an absurd km (1e96): serde_json, without its
/// `float_roundtrip` feature, may read a long number one step off, so a km written
/// back can come back one rounding step away (tests/hostile_corpus.rs shows it).
pub fn check_round_trip(d: &Dataset) {
    let text = to_json(&d.results).to_string();
    let mut again = match parse_results(text.as_bytes()) {
        Ok(again) => again.results,
        Err(e) => panic!("written file does not load: {e:?}"),
    };
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= y.abs() * 1e-15,
        _ => a == b,
    };
    for (a, b) in again.distances.iter_mut().zip(&d.results.distances) {
        if close(a.km, b.km) {
            a.km = b.km;
        }
        for (sa, sb) in a.splits.iter_mut().zip(&b.splits) {
            if close(sa.km, sb.km) {
                sa.km = sb.km;
            }
        }
    }
    assert!(again == d.results, "round trip changed the results");
}

/// A short piece of the input as text, for a search query.
pub fn piece(bytes: &[u8], dice: &mut Dice) -> String {
    if bytes.is_empty() {
        return String::new();
    }
    let start = dice.below(bytes.len());
    let len = dice.below(24);
    String::from_utf8_lossy(&bytes[start..bytes.len().min(start + len)]).into_owned()
}
