//! The rows at hand of results published in parts: the head's and those of the parts
//! fetched so far, each runner once, in the whole file's row order.
use crate::domain::Runner;
use crate::format::Loaded;

/// One file of the head's rows and the parts' rows. A part's rows are matched to the
/// head's distances by id; the head's event, distances and warnings are kept.
pub fn merged<'a>(head: &'a Loaded, parts: impl IntoIterator<Item = &'a Loaded>) -> Loaded {
    let files: Vec<&Loaded> = std::iter::once(head).chain(parts).collect();
    // (row in the whole file, file, entry of its `given`); the first file holding a
    // row wins.
    let mut rows: Vec<(u32, u32, u32)> = Vec::new();
    for (f, file) in files.iter().enumerate() {
        rows.extend(
            file.given
                .iter()
                .enumerate()
                .map(|(k, (_, g))| (g.row, f as u32, k as u32)),
        );
    }
    rows.sort_unstable();
    rows.dedup_by_key(|r| r.0);
    let mut out = Loaded {
        results: crate::domain::Results {
            event: head.results.event.clone(),
            distances: head.results.distances.clone(),
            runners: Vec::with_capacity(rows.len()),
            age_grading: head.results.age_grading.clone(),
        },
        warnings: head.warnings.clone(),
        rows_in: rows.len(),
        rows_skipped: 0,
        parts: head.parts.clone(),
        given: Vec::with_capacity(rows.len()),
    };
    for (_, f, k) in rows {
        let file = files[f as usize];
        let (i, g) = &file.given[k as usize];
        let Some(r) = file.results.runners.get(*i) else {
            continue;
        };
        let mut r: Runner = r.clone();
        // A part's distances are the head's, but match them by id all the same.
        r.distance = head
            .results
            .distances
            .iter()
            .position(|d| d.id == r.distance_id);
        out.given.push((out.results.runners.len(), g.clone()));
        out.results.runners.push(r);
    }
    out
}
