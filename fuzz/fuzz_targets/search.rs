//! Any text as runners' names and a query: the first line is the query, each further
//! line a runner ("bib<TAB>name" or a name). Never a panic; hits best first, each
//! runner at most once, the caller's filter obeyed, and a name finds its runner.
#![no_main]
use libfuzzer_sys::fuzz_target;
use race_results::search::{fold_name, SearchIndex};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let query = lines.next().unwrap_or("");
    let runners: Vec<(&str, &str)> = lines
        .take(200)
        .map(|l| l.split_once('\t').unwrap_or(("", l)))
        .collect();
    let index = SearchIndex::build(runners.iter().copied());
    assert_eq!(index.len(), runners.len());
    for odd_only in [false, true] {
        let hits = index.search(query, |i| !odd_only || i % 2 == 1);
        let mut seen = vec![false; runners.len()];
        for w in hits.windows(2) {
            assert!(
                w[0].score > w[1].score || (w[0].score == w[1].score && w[0].index < w[1].index),
                "hits out of order"
            );
        }
        for h in &hits {
            let i = h.index as usize;
            assert!(i < runners.len() && !seen[i], "runner {i} twice or unknown");
            seen[i] = true;
            assert!(!odd_only || i % 2 == 1, "filter ignored");
        }
    }
    // Each name finds its runner (a name with a letter or digit that folds to something).
    for (i, (_, name)) in runners.iter().enumerate().take(8) {
        if name.chars().any(char::is_alphanumeric) && !fold_name(name).is_empty() {
            let hits = index.search(name, |_| true);
            assert!(
                hits.iter().any(|h| h.index as usize == i),
                "{name:?} does not find itself"
            );
        }
    }
});
