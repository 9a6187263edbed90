//! Cutting a name or a query into words and folding each one to its skeleton.
//!
//! Spaces and punctuation ("Last, First", "J. Smith") separate words. A hyphen
//! separates words too (Jean-Pierre is "jean" + "pierre"), and the first part also
//! answers to the joined form ("jeanpierre"), for those who type it in one piece.
//! An apostrophe between letters joins them: Uzbek oʻ gʻ (Oʻtkir = "otkir"), O'Brien
//! = "obrien"; when one or two letters stand before it and a capital after it
//! (O'Brien, D'Angelo), the word also answers to the part after ("brien").

use super::letters::{fold_char, is_mark};
use super::skeleton::{show, skeleton, spellings};

/// One word of a name.
pub(crate) struct NameWord {
    /// The word's own skeleton.
    pub(crate) skeleton: Vec<u8>,
    /// Every plain spelling it answers to (its own first, then joined and
    /// after-apostrophe forms).
    pub(crate) forms: Vec<Vec<u8>>,
}

/// One typed word.
pub(crate) struct QueryWord {
    pub(crate) skeleton: Vec<u8>,
    /// The plain spellings of the skeleton.
    pub(crate) spellings: Vec<Vec<u8>>,
    /// For the last word, spellings of the digraphs it may be the start of (typing
    /// "Zh" passes through "Z"; see `COMPLETIONS`): they match only as a start.
    pub(crate) completions: Vec<Vec<u8>>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{00B4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201B}'
            | '\u{2032}'
            | '\u{02B9}'
            | '\u{02BB}'
            | '\u{02BC}'
            | '\u{02BD}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric() && !is_apostrophe(c)
}

/// A word as plain Latin, before the skeleton step.
#[derive(Default)]
struct RawWord {
    raw: Vec<u8>,
    /// Words joined by hyphens share a group number.
    group: usize,
    /// Where the part after an O'Brien-like apostrophe starts in `raw`.
    after_apostrophe: Option<usize>,
    letters: usize,
    has_lower: bool,
}

fn raw_words(text: &str) -> Vec<RawWord> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut cur = RawWord::default();
    let mut group = 0;
    let finish = |cur: &mut RawWord, words: &mut Vec<RawWord>, group: usize| {
        let mut done = std::mem::take(cur);
        if done.raw.iter().any(|&b| b != b'|') {
            done.group = group;
            words.push(done);
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let next_is_letter = next.is_some_and(is_letter);
        if is_apostrophe(c) {
            if cur.letters > 0 && next_is_letter {
                if cur.after_apostrophe.is_none()
                    && cur.letters <= 2
                    && next.is_some_and(char::is_uppercase)
                {
                    cur.after_apostrophe = Some(cur.raw.len());
                }
                cur.raw.push(b'|');
            } else {
                finish(&mut cur, &mut words, group);
                group += 1;
            }
        } else if is_hyphen(c) {
            let joins = cur.letters > 0 && next_is_letter;
            finish(&mut cur, &mut words, group);
            if !joins {
                group += 1;
            }
        } else if is_mark(c) {
            continue;
        } else if c.is_alphanumeric() {
            fold_char(c, &mut cur.raw);
            cur.letters += 1;
            cur.has_lower |= c.is_lowercase();
        } else {
            finish(&mut cur, &mut words, group);
            group += 1;
        }
    }
    finish(&mut cur, &mut words, group);
    words
}

fn skeleton_of(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    skeleton(raw, &mut out);
    out
}

/// The words of a runner's name, in order, with the extra forms described above.
pub(crate) fn name_words(name: &str) -> Vec<NameWord> {
    let raws = raw_words(name);
    let mut words = Vec::with_capacity(raws.len());
    for (i, w) in raws.iter().enumerate() {
        let own = skeleton_of(&w.raw);
        let mut forms = vec![own.clone()];
        let starts_group = i == 0 || raws[i - 1].group != w.group;
        let group_len = raws[i..].iter().take_while(|r| r.group == w.group).count();
        if starts_group && group_len > 1 {
            let joined: Vec<u8> = raws[i..i + group_len]
                .iter()
                .flat_map(|r| r.raw.iter().copied())
                .collect();
            forms.push(skeleton_of(&joined));
        }
        // An all-capitals name (O'BRIEN) gives no hint, so only mixed case counts.
        if let (Some(at), true) = (w.after_apostrophe, w.has_lower) {
            forms.push(skeleton_of(&w.raw[at..]));
        }
        let mut spelled: Vec<Vec<u8>> = Vec::new();
        for form in forms.iter().filter(|f| !f.is_empty()) {
            for s in spellings(form) {
                if !spelled.contains(&s) {
                    spelled.push(s);
                }
            }
        }
        if !own.is_empty() {
            words.push(NameWord {
                skeleton: own,
                forms: spelled,
            });
        }
    }
    words
}

/// Raw-Latin letters that may be the first letter of a longer spelling, and what may
/// follow: a query typed up to "Z" should already show Zhanna, "Ak" Akhmetov.
const COMPLETIONS: &[(u8, &[&[u8]])] = &[
    (b's', &[b"h", b"ch"]),
    (b'c', &[b"h"]),
    (b'z', &[b"h"]),
    (b'k', &[b"h"]),
    (b't', &[b"s", b"ch"]),
    (b'p', &[b"h"]),
    (b'd', &[b"j"]),
    (b'y', &[b"e"]),
];

/// The typed words of a query; only the last one gets digraph completions, being the
/// one still under the user's thumb.
pub(crate) fn query_words(query: &str) -> Vec<QueryWord> {
    let raws = raw_words(query);
    let last = raws.len().saturating_sub(1);
    let mut words = Vec::with_capacity(raws.len());
    for (i, w) in raws.iter().enumerate() {
        let sk = skeleton_of(&w.raw);
        if sk.is_empty() {
            continue;
        }
        let mut completions: Vec<Vec<u8>> = Vec::new();
        if i == last {
            let end = w.raw.iter().rposition(|&b| b != b'|').map(|p| w.raw[p]);
            if let Some((_, tails)) = COMPLETIONS.iter().find(|(c, _)| Some(*c) == end) {
                for tail in tails.iter() {
                    let mut longer = w.raw.clone();
                    longer.extend_from_slice(tail);
                    let c = skeleton_of(&longer);
                    if c == sk {
                        continue;
                    }
                    for s in spellings(&c) {
                        if !completions.contains(&s) {
                            completions.push(s);
                        }
                    }
                }
            }
        }
        words.push(QueryWord {
            spellings: spellings(&sk),
            skeleton: sk,
            completions,
        });
    }
    words
}

fn show_words<'a>(words: impl Iterator<Item = &'a [u8]>) -> String {
    let mut out = Vec::new();
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        show(w, &mut out);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The skeleton of each word of a name, space-separated (extra forms left out):
/// what the index compares. Capitals are sound classes (`S` ш, `C` ч, `K` c, `X` x...),
/// "(e)" and "(g)" letters that may be left out, "(e|io)" ё (е or yo).
pub fn fold_name(name: &str) -> String {
    let words = name_words(name);
    show_words(words.iter().map(|w| w.skeleton.as_slice()))
}

/// The skeleton of each typed word of a query, space-separated, in the same form as
/// [`fold_name`].
pub fn fold_query(query: &str) -> String {
    let words = query_words(query);
    show_words(words.iter().map(|w| w.skeleton.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(name: &str) -> Vec<Vec<String>> {
        name_words(name)
            .iter()
            .map(|w| {
                w.forms
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn splits_names_into_words() {
        assert_eq!(
            forms("Jean-Pierre Dupont"),
            [vec!["jean", "jeanpiere"], vec!["piere"], vec!["dupont"]]
        );
        assert_eq!(
            forms("O'Brien, Sean"),
            [vec!["obrien", "brien"], vec!["sean"]]
        );
        assert_eq!(forms("O'BRIEN"), [vec!["obrien"]]);
        assert_eq!(forms("Oʻtkir Gʻulomov"), [vec!["otkir"], vec!["gulomov"]]);
        assert_eq!(forms("  -- , "), Vec::<Vec<String>>::new());
        assert_eq!(forms("Ivanov I."), [vec!["ivanov"], vec!["i"]]);
    }

    #[test]
    fn last_query_word_gets_completions() {
        let words = query_words("islam Ak");
        assert_eq!(words.len(), 2);
        assert!(words[0].completions.is_empty());
        assert_eq!(words[1].completions, vec![b"ah".to_vec()]);
        let z = query_words("Z");
        assert_eq!(z[0].completions, vec![b"j".to_vec()]);
    }
}
