//! Finding a runner by name or bib, however either side is written.
//!
//! A runner at the finish types part of a name on a phone. Names come in Kazakh,
//! Russian, Uzbek, Kyrgyz or any language of a foreign file, in Cyrillic or Latin; the
//! keyboard may lack letters. So names and queries are folded to one Latin skeleton per
//! word and compared there:
//!
//! 1. `letters`: case off, accents off (é → e, ł → l, ß → ss, æ → ae, ı → i, þ → th...),
//!    Cyrillic romanized (й → y, Kazakh ә ғ қ ң ө ұ ү һ і, Uzbek ў қ ғ ҳ).
//! 2. `skeleton`: spellings of one sound merged (zh = j, kh = h, y = i, ye = e, q = k,
//!    doubled letters once...); letters with two common spellings are kept open, as
//!    sound classes (c = k/s/ц, š = s/ш) or as several plain spellings of the word
//!    (ә = a or ae, ң = n or ng, x = h or ks, ё = е or yo in every position: Ёлкина =
//!    Елкина = Yolkina, Фёдор = Федор = Fyodor, Бахтиёр = Baxtiyor).
//! 3. `words`: names cut into words (hyphens, apostrophes, "Last, First").
//! 4. `matching`: each typed word matches the start of a name word; five letters or
//!    more forgive one typo.
//! 5. `index`: the index built once per file, the search, the ranking.
//!
//! Known gaps, by choice: a word is found only from its start (no "sultan" in
//! Nursultan); Latin c is k, s or ц but never ч (Italian Cecilia = Чечилия fails);
//! a Latin "yo" at a word's start or after a vowel stays "yo", never е (Yolkin finds
//! Ёлкин, not a file's Елкин written without the dots); Greek and other scripts are
//! matched as written, not transliterated.

mod case;
mod index;
pub mod keys;
pub(crate) mod letters;
mod matching;
mod skeleton;
mod words;

pub use case::{lower, lower_str};
pub use index::{Hit, SearchIndex};
pub use words::{fold_name, fold_query};
