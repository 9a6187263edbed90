//! Results published in parts, for big events (docs/parts.md): a small head (the event,
//! the distances, the first rows of each, counts, and a list of parts) and parts, each
//! holding the runners filed under one key of the name and bib index. The viewer opens
//! the head, answers a search from the parts it needs, and loads the whole file behind.
//!
//! Pure: the types the head is read into, how a search picks its parts (`pick`), and
//! how a whole results file is cut into parts (`write`), the first rows a head carries
//! for the page to paint before the app runs (`first_view`), and the zip of a file with
//! its parts that the viewer downloads for publishing (`archive`).

pub mod archive;
pub mod first_view;
pub mod pick;
pub mod trie;
pub mod write;

pub mod merge;

/// Version of the `parts` object this viewer reads.
pub const PARTS_V1: u32 = 1;

/// Rows of each distance the head carries, in finishing order: two pages of the list.
pub const HEAD_ROWS: usize = 100;

/// The `parts` object of a head.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// The whole results file, as written in the head (relative to the head's address).
    pub whole: String,
    /// Rows of the whole file.
    pub runners: u32,
    /// Counts over the whole file, per distance, in the file's distance order.
    pub distances: Vec<DistanceCounts>,
    /// Parts of the name index, each filed under a key (see search::keys).
    pub names: Vec<PartRef>,
    /// Parts of the bib index.
    pub bibs: Vec<PartRef>,
}

/// What "12 of 845" needs for one distance, counted over the whole file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DistanceCounts {
    pub id: String,
    /// Every row of the distance, placed or not.
    pub runners: u32,
    /// Placed finishers.
    pub finishers: u32,
    /// Placed finishers by sex: M, F, X.
    pub by_sex: [u32; 3],
    /// Placed finishers per category (trimmed name), in the order written.
    pub categories: Vec<(String, u32)>,
}

/// One part of the index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PartRef {
    /// The start of the words (or bibs) it holds; bytes of search::keys spellings.
    pub key: Vec<u8>,
    /// Holds only words (bibs) that are the key itself.
    pub exact: bool,
    /// File name, relative to the head (letters, digits, '-', '_' and '.').
    pub file: String,
    /// Runners in it.
    pub runners: u32,
}

impl PartRef {
    /// Whether this part is where a word (or bib) spelled `key` is filed.
    pub fn files(&self, key: &[u8]) -> bool {
        if self.exact {
            self.key == key
        } else {
            key.starts_with(&self.key)
        }
    }
}

/// A runner's standing in the whole file, as the parts carry it (a part or the head
/// holds only some runners, so places cannot be computed from them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given {
    /// The row's index in the whole file.
    pub row: u32,
    pub overall: Option<u32>,
    pub sex: Option<u32>,
    pub category: Option<u32>,
    /// Position at each split of the distance, in course order.
    pub splits: Vec<Option<u32>>,
}

/// Whether a part's file name is one the viewer will fetch: a plain name beside the
/// head, never a path or an address.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}
