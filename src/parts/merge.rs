//! The rows at hand of results published in parts: the head's and those of the parts
//! fetched so far, each runner once, in the whole file's row order.
use std::collections::BTreeMap;

use crate::domain::Runner;
use crate::format::Loaded;

use super::Given;

/// One file of the head's rows and the parts' rows. A part's rows are matched to the
/// head's distances by id; the head's event, distances and warnings are kept.
pub fn merged<'a>(head: &Loaded, parts: impl IntoIterator<Item = &'a Loaded>) -> Loaded {
    let mut rows: BTreeMap<u32, (Runner, Given)> = BTreeMap::new();
    let mut add = |file: &Loaded| {
        for (i, g) in &file.given {
            let Some(r) = file.results.runners.get(*i) else {
                continue;
            };
            rows.entry(g.row).or_insert_with(|| {
                let mut r = r.clone();
                r.distance = head
                    .results
                    .distances
                    .iter()
                    .position(|d| d.id == r.distance_id);
                (r, g.clone())
            });
        }
    };
    add(head);
    for part in parts {
        add(part);
    }
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
    for (i, (_, (runner, given))) in rows.into_iter().enumerate() {
        out.results.runners.push(runner);
        out.given.push((i, given));
    }
    out
}
