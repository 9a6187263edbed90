//! The keys a search index published in parts is filed under (see docs/parts.md).
//!
//! A runner is filed under the start of every spelling of every word of their name, as
//! the index compares them, and under their bib. A typed word can only match a name word
//! it is the start of (letter for letter, with sound classes), so the parts a search
//! needs are those whose key agrees with the typed word as far as both go. A typo in
//! the first letters of a word is the one thing this misses; the whole file, loaded in
//! the background, finds it.

use super::index::{MAX_SLOTS, MAX_TYPED};
use super::matching::same;
use super::words::{name_words, query_words};

/// Every spelling of every word of a name (the index's `forms`), for filing the runner.
pub fn name_spellings(name: &str) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    for word in name_words(name).into_iter().take(MAX_SLOTS) {
        for form in word.forms {
            if !form.is_empty() && !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// Per typed word, every spelling the search tries for it (completions included).
pub fn typed_spellings(query: &str) -> Vec<Vec<Vec<u8>>> {
    query_words(query)
        .into_iter()
        .take(MAX_TYPED)
        .map(|w| {
            w.spellings
                .into_iter()
                .chain(w.completions)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|forms| !forms.is_empty())
        .collect()
}

/// Whether a part filed under `key` may hold a name word that typed spelling `typed`
/// is the start of. An `exact` part holds only words that are `key` itself (the
/// shorter words left at a key whose longer words were split further).
pub fn may_hold(key: &[u8], exact: bool, typed: &[u8]) -> bool {
    if exact && typed.len() > key.len() {
        return false;
    }
    typed.iter().zip(key).all(|(&t, &k)| same(t, k))
}

/// The form a bib is filed and searched by (trimmed, lowercase), as the index has it.
pub fn bib_key(bib: &str) -> Vec<u8> {
    super::lower_str(bib.trim()).into_bytes()
}

/// Whether a bib part filed under `key` may hold a bib that `typed` is the start of.
pub fn may_hold_bib(key: &[u8], exact: bool, typed: &[u8]) -> bool {
    if exact && typed.len() > key.len() {
        return false;
    }
    typed.iter().zip(key).all(|(t, k)| t == k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_holds(key: &str, typed: &str) -> bool {
        let key = name_spellings(key).remove(0);
        let cut = &key[..key.len().min(3)];
        typed_spellings(typed)[0]
            .iter()
            .any(|t| may_hold(cut, false, t))
    }

    #[test]
    fn both_scripts_reach_the_same_part() {
        assert!(any_holds("Иванов", "ivan"));
        assert!(any_holds("Ivanov", "Иван"));
        assert!(any_holds("Жанна", "zhan"));
        assert!(any_holds("Zhanna", "Жан"));
        assert!(any_holds("Ёлкина", "елк"));
        assert!(any_holds("Shukhrat", "Шух"));
        assert!(!any_holds("Petrov", "ivan"));
    }

    #[test]
    fn exact_parts_hold_only_their_key() {
        assert!(may_hold(b"al", true, b"a"));
        assert!(may_hold(b"al", true, b"al"));
        assert!(!may_hold(b"al", true, b"ali"));
        assert!(may_hold(b"al", false, b"alibek"));
        assert!(may_hold(b"alib", false, b"al"));
        assert!(!may_hold(b"alib", false, b"alm"));
    }

    #[test]
    fn bibs_compare_as_typed() {
        assert_eq!(bib_key(" A12 "), b"a12");
        assert!(may_hold_bib(b"12", false, b"1"));
        assert!(may_hold_bib(b"12", false, b"1234"));
        assert!(!may_hold_bib(b"12", true, b"123"));
        assert!(!may_hold_bib(b"13", false, b"12"));
    }
}
