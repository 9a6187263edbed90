//! The index built once when a results file loads, and the search run on each keystroke.
//!
//! All skeletons live in one byte arena; each word is a small fixed record pointing into
//! it, so a search walks flat arrays and allocates nothing per runner.

use super::matching::{
    letter_table, may_match_with_typo, quality, EXACT, PREFIX, TYPO_EXACT, TYPO_MIN_LETTERS,
    TYPO_PREFIX,
};
use super::skeleton::{letter_count, sound_bits};
use super::words::{name_words, query_words};

/// Name words past this many are not searched (no runner's name has that many).
pub(crate) const MAX_SLOTS: usize = 16;
/// Typed words past this many are ignored.
pub(crate) const MAX_TYPED: usize = 8;

/// Score bands: an exact bib is what the user wants, a bib prefix next, then names.
const BIB_EXACT: u32 = 3_000_000;
const BIB_PREFIX: u32 = 2_000_000;
const NAME: u32 = 1_000_000;
/// Within names: quality of the typed words first, then typed in the name's order,
/// then shorter names (fewer letters left unmatched).
const PER_QUALITY: u32 = 4096;
const IN_ORDER: u32 = 2048;
const MAX_LENGTH_PENALTY: u32 = 2047;

/// One runner found by a search. Higher `score` is a better match; scores compare
/// only within one search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The runner's position in the entries given to [`SearchIndex::build`].
    pub index: u32,
    pub score: u32,
}

/// One spelling of one name word: 8 bytes, so the scan stays in cache.
#[derive(Clone, Copy, Debug)]
struct WordRef {
    start: u32,
    len: u8,
    /// Which word of the name this is a spelling of.
    slot: u8,
    /// The first two letters (0 when the word has one), for the prefilter.
    head: [u8; 2],
}

/// Bibs and name skeletons of every runner of a file, ready for searching.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    skeletons: Vec<u8>,
    words: Vec<WordRef>,
    /// Runner i's words are `words[word_starts[i]..word_starts[i + 1]]`.
    word_starts: Vec<u32>,
    name_lens: Vec<u16>,
    /// Per runner, the `sound_bits` of its words' first letters, and of their first two
    /// letters: a runner none of whose words can start a typed word is skipped whole.
    head_sounds: Vec<[u32; 2]>,
    /// Lowercased, trimmed bibs; runner i's is `bibs[bib_starts[i]..bib_starts[i + 1]]`.
    bibs: Vec<u8>,
    bib_starts: Vec<u32>,
}

/// One spelling of a typed word.
struct TypedForm {
    letters: Vec<u8>,
    /// `letter_table` of `letters`, for the typo prefilter.
    table: [u8; 256],
    /// A completed digraph ("Z" read as "Zh"): never an exact word.
    prefix_only: bool,
}

struct Typed {
    forms: Vec<TypedForm>,
    typo: bool,
    /// Name-word first letters that may match (no typo), or first-or-second letters
    /// that may line up with the typed word's first two (typo): one lookup rejects
    /// most name words.
    heads: [bool; 256],
    /// Name words shorter than this cannot match: a start must hold every typed letter
    /// but the one a typo may add.
    min_len: u8,
    /// `sound_bits` a runner's `head_sounds` must share (first letters, or first two
    /// with a typo).
    sounds: u32,
}

impl SearchIndex {
    /// Builds the index; entry i (bib, name) is runner i. Call once per loaded file.
    pub fn build<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchIndex {
        let mut index = SearchIndex {
            word_starts: vec![0],
            bib_starts: vec![0],
            ..SearchIndex::default()
        };
        for (bib, name) in entries {
            index
                .bibs
                .extend_from_slice(super::lower_str(bib.trim()).as_bytes());
            index.bib_starts.push(arena_offset(index.bibs.len()));
            let mut name_len = 0usize;
            let mut sounds = [0u32; 2];
            for (slot, word) in name_words(name).iter().take(MAX_SLOTS).enumerate() {
                name_len += word.skeleton.len();
                for form in &word.forms {
                    let first = sound_bits(form.first().copied().unwrap_or(0));
                    let second = sound_bits(form.get(1).copied().unwrap_or(0));
                    sounds[0] |= first;
                    sounds[1] |= first | second;
                    let start = arena_offset(index.skeletons.len());
                    index.skeletons.extend_from_slice(form);
                    index.words.push(WordRef {
                        start,
                        len: form.len().min(u8::MAX as usize) as u8,
                        slot: slot as u8,
                        head: [
                            form.first().copied().unwrap_or(0),
                            form.get(1).copied().unwrap_or(0),
                        ],
                    });
                }
            }
            index.word_starts.push(arena_offset(index.words.len()));
            index.name_lens.push(name_len.min(u16::MAX as usize) as u16);
            index.head_sounds.push(sounds);
        }
        index
    }

    /// Number of runners indexed.
    pub fn len(&self) -> usize {
        self.name_lens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.name_lens.is_empty()
    }

    /// Runners whose bib or name matches `query`, best first (equal scores by index).
    ///
    /// A blank query returns an empty Vec: the caller shows every runner then, in its
    /// own order. `accept(i)` is the caller's filter (distance, sex...): it is asked only
    /// about runners that match, at most once each, and a runner it refuses is left out.
    ///
    /// Bib: the whole query equal to a bib (ignoring case) comes first, a bib that starts
    /// with the query next. Name: every typed word must match the start of a different
    /// word of the name, in any order (see the `search` module for the folding rules).
    pub fn search(&self, query: &str, accept: impl Fn(usize) -> bool) -> Vec<Hit> {
        let mut hits = self.search_unranked(query, accept);
        crate::order::sort_by(&mut hits, |a, b| {
            b.score.cmp(&a.score).then(a.index.cmp(&b.index))
        });
        hits
    }

    /// The hits of [`search`](Self::search) in index order, for a caller that ranks
    /// them its own way (the list does, by score then its own order): sorting twice on
    /// each keystroke costs time, and each sort instantiation bytes.
    pub fn search_unranked(&self, query: &str, accept: impl Fn(usize) -> bool) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let typed = prepare(query);
        // "#101" and "№101" are bib 101 too.
        let bib_query = match query.trim_start_matches(['#', '№']).trim_start() {
            bib if bib.contains(char::is_whitespace) => Vec::new(),
            bib => super::lower_str(bib).into_bytes(),
        };
        let mut hits = Vec::new();
        for i in 0..self.len() {
            let mut score = self.bib_score(i, &bib_query);
            if score < BIB_PREFIX {
                score = score.max(self.name_score(i, &typed));
            }
            if score > 0 && accept(i) {
                hits.push(Hit {
                    index: i as u32,
                    score,
                });
            }
        }
        hits
    }

    fn bib_score(&self, i: usize, query: &[u8]) -> u32 {
        if query.is_empty() {
            return 0;
        }
        let bib = &self.bibs[self.bib_starts[i] as usize..self.bib_starts[i + 1] as usize];
        if bib == query {
            BIB_EXACT
        } else if bib.starts_with(query) {
            // Shorter bibs first: "12" ranks 120 above 1200.
            BIB_PREFIX + 0xFFFF - (bib.len() - query.len()).min(0xFFFF) as u32
        } else {
            0
        }
    }

    fn name_score(&self, i: usize, typed: &[Typed]) -> u32 {
        if typed.is_empty() {
            return 0;
        }
        let sounds = self.head_sounds[i];
        if typed
            .iter()
            .any(|t| sounds[usize::from(t.typo)] & t.sounds == 0)
        {
            return 0;
        }
        let words = &self.words[self.word_starts[i] as usize..self.word_starts[i + 1] as usize];
        let Some(slots) = words.last().map(|w| usize::from(w.slot) + 1) else {
            return 0;
        };
        // grid[t][s]: how well typed word t matches name word s.
        let mut grid = [[0u8; MAX_SLOTS]; MAX_TYPED];
        for (t, word) in typed.iter().enumerate() {
            let mut found = false;
            for &w in words {
                let [n0, n1] = w.head;
                let hopeful = w.len >= word.min_len
                    && (word.heads[usize::from(n0)] || (word.typo && word.heads[usize::from(n1)]));
                if !hopeful {
                    continue;
                }
                let start = w.start as usize;
                let name_word = &self.skeletons[start..start + w.len as usize];
                if word.typo
                    && !word
                        .forms
                        .iter()
                        .any(|f| may_match_with_typo(&f.table, name_word))
                {
                    continue;
                }
                let cell = &mut grid[t][usize::from(w.slot)];
                for form in &word.forms {
                    if *cell == EXACT {
                        break;
                    }
                    let mut q = quality(&form.letters, name_word, word.typo);
                    if form.prefix_only {
                        q = match q {
                            EXACT => PREFIX,
                            TYPO_EXACT => TYPO_PREFIX,
                            other => other,
                        };
                    }
                    if q > *cell {
                        *cell = q;
                        found = true;
                    }
                }
            }
            if !found {
                return 0;
            }
        }
        let Some((quality_sum, in_order)) = assign(&grid, typed.len(), slots) else {
            return 0;
        };
        let length_penalty = u32::from(self.name_lens[i]).min(MAX_LENGTH_PENALTY);
        NAME + quality_sum * PER_QUALITY + if in_order { IN_ORDER } else { 0 } + MAX_LENGTH_PENALTY
            - length_penalty
    }
}

fn arena_offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn prepare(query: &str) -> Vec<Typed> {
    query_words(query)
        .into_iter()
        .take(MAX_TYPED)
        .map(|w| {
            let typo = letter_count(&w.skeleton) >= TYPO_MIN_LETTERS;
            let own = w.spellings.into_iter().map(|letters| TypedForm {
                table: letter_table(&letters),
                letters,
                prefix_only: false,
            });
            let completed = w.completions.into_iter().map(|letters| TypedForm {
                table: letter_table(&letters),
                letters,
                prefix_only: true,
            });
            let forms: Vec<TypedForm> = own
                .chain(completed)
                .filter(|f| !f.letters.is_empty())
                .collect();
            let mut heads = [false; 256];
            for (b, hopeful) in heads.iter_mut().enumerate() {
                // Without a typo b must be like the first letter; with one, like the
                // first or the second (every way `may_match_with_typo` allows needs that).
                let letters = if typo { 0b011 } else { 0b001 };
                *hopeful = forms.iter().any(|f| f.table[b] & letters != 0);
            }
            let mut sounds = 0;
            for f in &forms {
                sounds |= sound_bits(f.letters.first().copied().unwrap_or(0));
                if typo {
                    sounds |= sound_bits(f.letters.get(1).copied().unwrap_or(0));
                }
            }
            let shortest = forms.iter().map(|f| f.letters.len()).min().unwrap_or(0);
            let min_len = shortest
                .saturating_sub(usize::from(typo))
                .min(usize::from(u8::MAX)) as u8;
            Typed {
                forms,
                typo,
                heads,
                min_len,
                sounds,
            }
        })
        .collect()
}

/// Gives each typed word a different name word, maximizing the summed quality.
/// Returns that sum and whether the best in-order assignment is as good (typed words
/// in the name's order win ties). None when no assignment covers every typed word.
///
/// Dynamic programme over name words, keeping for each set of typed words already
/// placed the best sum (any order) and the best sum with the words placed in order.
fn assign(grid: &[[u8; MAX_SLOTS]; MAX_TYPED], typed: usize, slots: usize) -> Option<(u32, bool)> {
    if typed == 1 {
        let best = grid[0][..slots].iter().copied().max().unwrap_or(0);
        return (best > 0).then_some((u32::from(best), true));
    }
    let full = (1usize << typed) - 1;
    let mut any = [-1i16; 1 << MAX_TYPED];
    let mut ordered = [-1i16; 1 << MAX_TYPED];
    any[0] = 0;
    ordered[0] = 0;
    for s in 0..slots {
        // Descending, so a set updated for this name word is not extended by it again.
        for set in (0..full).rev() {
            if any[set] < 0 {
                continue;
            }
            for (t, row) in grid.iter().enumerate().take(typed) {
                let q = row[s];
                if q == 0 || set & (1 << t) != 0 {
                    continue;
                }
                let next = set | (1 << t);
                let gain = i16::from(q);
                any[next] = any[next].max(any[set] + gain);
                // In order: t comes after every typed word already placed.
                if ordered[set] >= 0 && set >> t == 0 {
                    ordered[next] = ordered[next].max(ordered[set] + gain);
                }
            }
        }
    }
    if any[full] < 0 {
        return None;
    }
    let best = any[full] as u32;
    Some((best, ordered[full] >= 0 && ordered[full] as u32 == best))
}
