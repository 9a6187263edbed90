//! Which parts the viewer fetches to answer a search before the whole file is in
//! (docs/parts.md): the name parts of the typed word that needs the fewest runners
//! (every typed word must match, so any one word's parts hold every hit) and the bib
//! parts that can hold the query as the start of a bib.

use super::{Head, PartRef};
use crate::search::keys::{bib_key, may_hold, may_hold_bib, typed_spellings};

/// A query needing parts with more runners than this waits for the whole file.
pub const MAX_PICKED_RUNNERS: u32 = 3000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A blank query: nothing to search.
    Nothing,
    /// These parts (file names, each once) hold every runner the query can find
    /// (none when nothing can match).
    Parts(Vec<String>),
    /// Too many runners to fetch by parts (one or two letters): wait for the whole file.
    TooBroad,
}

/// The parts to fetch for `query`.
pub fn pick(query: &str, head: &Head) -> Pick {
    pick_having(query, head, |_| false)
}

/// The parts to fetch for `query` when the parts `have` says are already fetched: a
/// word whose parts are all at hand costs nothing (typing "Nurlan K" after "Nurlan"
/// fetches no "K" parts), else the word whose parts still to fetch hold the fewest
/// runners.
pub fn pick_having(query: &str, head: &Head, have: impl Fn(&str) -> bool) -> Pick {
    let query = query.trim();
    if query.is_empty() {
        return Pick::Nothing;
    }
    let mut files: Vec<String> = Vec::new();
    let mut runners = 0u32;
    for part in bib_parts(query, head).chain(name_parts(query, head, &have)) {
        if !files.contains(&part.file) {
            files.push(part.file.clone());
            if !have(&part.file) {
                runners = runners.saturating_add(part.runners);
            }
        }
    }
    if runners > MAX_PICKED_RUNNERS {
        Pick::TooBroad
    } else {
        Pick::Parts(files)
    }
}

/// The bib part holding exactly `bib` (for opening a link to one runner).
pub fn part_for_bib(bib: &str, head: &Head) -> Option<String> {
    let key = bib_key(bib);
    if key.is_empty() {
        return None;
    }
    head.bibs
        .iter()
        .filter(|p| p.files(&key))
        .max_by_key(|p| (p.key.len(), p.exact))
        .map(|p| p.file.clone())
}

/// Bib parts that may hold a bib starting with the query, read as the search reads a
/// bib ("#101" and "№101" are bib 101; a query with a space is no bib).
fn bib_parts<'h>(query: &str, head: &'h Head) -> impl Iterator<Item = &'h PartRef> {
    let bib = query.trim_start_matches(['#', '№']).trim_start();
    let typed = if bib.contains(char::is_whitespace) {
        Vec::new()
    } else {
        bib_key(bib)
    };
    head.bibs
        .iter()
        .filter(move |p| !typed.is_empty() && may_hold_bib(&p.key, p.exact, &typed))
}

/// The name parts of the typed word whose parts not yet fetched hold the fewest
/// runners (then the fewest in all).
fn name_parts<'h>(
    query: &str,
    head: &'h Head,
    have: &impl Fn(&str) -> bool,
) -> impl Iterator<Item = &'h PartRef> {
    typed_spellings(query)
        .iter()
        .map(|forms| {
            let parts: Vec<&PartRef> = head
                .names
                .iter()
                .filter(|p| forms.iter().any(|t| may_hold(&p.key, p.exact, t)))
                .collect();
            let count = |fetch_only: bool| -> u64 {
                parts
                    .iter()
                    .filter(|p| !fetch_only || !have(&p.file))
                    .map(|p| u64::from(p.runners))
                    .sum()
            };
            ((count(true), count(false)), parts)
        })
        .min_by_key(|(cost, _)| *cost)
        .map(|(_, parts)| parts)
        .unwrap_or_default()
        .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(prefix: &str, key: &str, exact: bool, runners: u32) -> PartRef {
        let x = if exact { "-x" } else { "" };
        PartRef {
            key: key.as_bytes().to_vec(),
            exact,
            file: format!("{prefix}-{key}{x}.json"),
            runners,
        }
    }

    fn head() -> Head {
        Head {
            names: vec![
                part("n", "a", true, 2),
                part("n", "al", false, 700),
                part("n", "ar", false, 2900),
                part("n", "iv", false, 40),
                part("n", "p", false, 90),
            ],
            bibs: vec![
                part("b", "1", true, 1),
                part("b", "10", false, 11),
                part("b", "11", false, 11),
                part("b", "2", false, 500),
            ],
            ..Head::default()
        }
    }

    fn files(p: Pick) -> Vec<String> {
        match p {
            Pick::Parts(f) => f,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn picks_the_narrowest_word() {
        let h = head();
        assert_eq!(pick("  ", &h), Pick::Nothing);
        assert_eq!(files(pick("Ivan", &h)), ["n-iv.json"]);
        // "ar" alone would need 2,900 runners; "p" needs 90.
        assert_eq!(files(pick("ar p", &h)), ["n-p.json"]);
        assert_eq!(pick("a", &h), Pick::TooBroad);
        assert_eq!(files(pick("al", &h)), ["n-al.json"]);
        assert_eq!(files(pick("a p", &h)), ["n-p.json"]);
        assert_eq!(files(pick("zz", &h)), Vec::<String>::new());
        assert_eq!(files(pick("x", &Head::default())), Vec::<String>::new());
    }

    #[test]
    fn bibs_reach_their_parts() {
        let h = head();
        assert_eq!(
            files(pick("1", &h)),
            ["b-1-x.json", "b-10.json", "b-11.json"]
        );
        assert_eq!(files(pick("#105", &h)), ["b-10.json"]);
        assert_eq!(files(pick("2", &h)), ["b-2.json"]);
        assert_eq!(part_for_bib("1", &h).as_deref(), Some("b-1-x.json"));
        assert_eq!(part_for_bib(" 117 ", &h).as_deref(), Some("b-11.json"));
        assert_eq!(part_for_bib("250", &h).as_deref(), Some("b-2.json"));
        assert_eq!(part_for_bib("3", &h), None);
        assert_eq!(part_for_bib("", &h), None);
    }

    #[test]
    fn parts_at_hand_cost_nothing() {
        let h = head();
        // "al" needs 700 runners, "p" 90; with "al" fetched, "al p" fetches nothing new.
        assert_eq!(files(pick("al p", &h)), ["n-p.json"]);
        let have = |f: &str| f == "n-al.json";
        assert_eq!(files(pick_having("al p", &h, have)), ["n-al.json"]);
        // "a" is too broad, but not once most of its parts are at hand.
        assert_eq!(pick("a", &h), Pick::TooBroad);
        let most = |f: &str| f == "n-al.json" || f == "n-ar.json";
        assert_eq!(
            files(pick_having("a", &h, most)),
            ["n-a-x.json", "n-al.json", "n-ar.json"]
        );
    }
}
