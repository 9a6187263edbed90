//! Bibs for rows without one: the row number, or "r" and the row number when a runner
//! in the file already wears that number.

use crate::import::notes::ImportNote;

pub(crate) struct RowBibs {
    taken: Vec<bool>,
    count: usize,
    first_row: usize,
}

impl RowBibs {
    /// Knows the bibs the file gives, so made-up ones do not collide with them.
    pub fn new<S: AsRef<str>>(bibs: impl Iterator<Item = S>, rows: usize) -> RowBibs {
        let mut taken = vec![false; rows + 1];
        for b in bibs {
            if let Some(t) = b
                .as_ref()
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|v| taken.get_mut(v))
            {
                *t = true;
            }
        }
        RowBibs {
            taken,
            count: 0,
            first_row: 0,
        }
    }

    /// The bib for the runner on that row (1 = the first row under the header).
    pub fn make(&mut self, row: usize) -> String {
        self.count += 1;
        if self.first_row == 0 {
            self.first_row = row;
        }
        if self.taken.get(row) == Some(&true) {
            format!("r{row}")
        } else {
            row.to_string()
        }
    }

    /// The note saying how many bibs were made, when any were.
    pub fn note(&self) -> Option<ImportNote> {
        (self.count > 0).then_some(ImportNote::BibsGenerated {
            count: self.count,
            first_row: self.first_row,
        })
    }
}
