//! Reading: bytes -> text (the encoding guessed, decoded by encoding_rs) -> a table of
//! cells (CSV, TSV) or a tree of elements (XML). No cell has a meaning yet here.

mod csv;
#[cfg(test)]
mod csv_oracle;
pub(crate) mod text;
pub(crate) mod xml;

pub(crate) use csv::is_blank;
pub use csv::{read_table, read_table_with, ReadOptions, Table};
