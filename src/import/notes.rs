//! What the importer noticed while reading, for the mapping screen and the converter's
//! summary. Rows are numbered from 1 for the first row under the header (IOF XML: the
//! n-th PersonResult in the file).

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportNote {
    /// A cell that looks damaged: UTF-8 read as a single-byte code page ("Ã©",
    /// "Ð¸"), control characters, or '?' standing for a lost letter. Found by
    /// `read_table` in any cell; `text` is the cell as found. The conversion replaces
    /// C1 controls by the Windows-1252 letter they stand for, removes other controls
    /// and keeps '?'.
    MojibakeSuspected { row: usize, text: String },
    /// A row with a different number of cells than the header.
    RaggedRow {
        row: usize,
        cells: usize,
        expected: usize,
    },
    /// A quoted cell that never closed: the rest of the file became one cell.
    UnclosedQuote { row: usize },
    /// The first line looks like data, so the columns have no names.
    NoHeader,
    /// Rows with no text at all, left out (the only rows ever left out).
    EmptyRowsSkipped { count: usize },
    /// Rows without a bib got one made from their row number (`r<row>` if that
    /// number is already someone's bib).
    BibsGenerated { count: usize, first_row: usize },
    /// A cell the converter could not read. Times, statuses, sexes and distances
    /// are passed through as written so the viewer flags them on that runner;
    /// places, ages and birth years are left out.
    UnreadableValue {
        row: usize,
        column: String,
        text: String,
    },
    /// A status word the converter does not know, and what it became.
    UnknownStatus {
        row: usize,
        text: String,
        status: &'static str,
    },
    /// IOF XML: a split without a time (status Missing) left out.
    MissingSplit { row: usize, control: String },
    /// The file repeats this kind of note more than the list shows.
    More { kind: &'static str, count: usize },
}

impl ImportNote {
    pub fn kind(&self) -> &'static str {
        match self {
            ImportNote::MojibakeSuspected { .. } => "mojibake",
            ImportNote::RaggedRow { .. } => "ragged-row",
            ImportNote::UnclosedQuote { .. } => "unclosed-quote",
            ImportNote::NoHeader => "no-header",
            ImportNote::EmptyRowsSkipped { .. } => "empty-rows",
            ImportNote::BibsGenerated { .. } => "bibs-generated",
            ImportNote::UnreadableValue { .. } => "unreadable-value",
            ImportNote::UnknownStatus { .. } => "unknown-status",
            ImportNote::MissingSplit { .. } => "missing-split",
            ImportNote::More { .. } => "more",
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportNote::MojibakeSuspected { row, text } => {
                write!(
                    f,
                    "row {row}: text looks damaged (wrong encoding?): {text:?}"
                )
            }
            ImportNote::RaggedRow {
                row,
                cells,
                expected,
            } => {
                write!(f, "row {row}: {cells} cells, the header has {expected}")
            }
            ImportNote::UnclosedQuote { row } => {
                write!(
                    f,
                    "row {row}: a quote never closes; the rest of the file is one cell"
                )
            }
            ImportNote::NoHeader => write!(f, "the first line is data, not column names"),
            ImportNote::EmptyRowsSkipped { count } => write!(f, "{count} empty rows skipped"),
            ImportNote::BibsGenerated { count, first_row } => write!(
                f,
                "{count} rows without a bib got their row number as bib (first: row {first_row})"
            ),
            ImportNote::UnreadableValue { row, column, text } => {
                write!(f, "row {row}: cannot read {column:?} value {text:?}")
            }
            ImportNote::UnknownStatus { row, text, status } => {
                write!(f, "row {row}: unknown status {text:?}, read as {status}")
            }
            ImportNote::MissingSplit { row, control } => {
                write!(f, "row {row}: no time at control {control}, split left out")
            }
            ImportNote::More { kind, count } => write!(f, "{count} more notes of kind {kind}"),
        }
    }
}

/// Keeps the first notes of each kind and counts the rest, so a file with a problem
/// on every row gives a readable list.
#[derive(Default)]
pub(crate) struct NoteLog {
    notes: Vec<ImportNote>,
    counts: Vec<(&'static str, usize)>,
}

pub(crate) const NOTES_PER_KIND: usize = 100;

impl NoteLog {
    pub fn push(&mut self, note: ImportNote) {
        let kind = note.kind();
        let count = match self.counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.counts.push((kind, 1));
                1
            }
        };
        if count <= NOTES_PER_KIND {
            self.notes.push(note);
        }
    }

    pub fn extend(&mut self, notes: impl IntoIterator<Item = ImportNote>) {
        for note in notes {
            self.push(note);
        }
    }

    pub fn finish(mut self) -> Vec<ImportNote> {
        for (kind, n) in self.counts {
            if n > NOTES_PER_KIND {
                self.notes.push(ImportNote::More {
                    kind,
                    count: n - NOTES_PER_KIND,
                });
            }
        }
        self.notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_each_kind() {
        let mut log = NoteLog::default();
        for row in 1..=NOTES_PER_KIND + 5 {
            log.push(ImportNote::RaggedRow {
                row,
                cells: 1,
                expected: 2,
            });
        }
        log.push(ImportNote::NoHeader);
        let notes = log.finish();
        assert_eq!(notes.len(), NOTES_PER_KIND + 2);
        assert_eq!(
            notes.last(),
            Some(&ImportNote::More {
                kind: "ragged-row",
                count: 5
            })
        );
    }
}
