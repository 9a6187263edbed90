//! Converting: records -> a results/v1 document. A CSV table goes through the
//! organizer's mapping (`table`, `row`), an IOF XML tree through the IOF names
//! (`iof`); both build the same [`record::Runner`] and [`record::Course`] values, which
//! `record::document` writes. The top layer: it uses reading and recognising.

mod age_tables;
mod bibs;
mod courses;
mod iof;
mod iof_relay;
mod record;
mod row;
mod table;

pub use age_tables::{
    add_age_grading, age_grading_json, columns_for, read_age_tables, AgeColumn, AgeSheet,
    AgeTablesError,
};
pub use iof::read_iof_xml;
pub use table::convert;

use crate::import::notes::ImportNote;
use serde_json::Value;

/// A results/v1 document and what was noticed making it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    pub json: Value,
    pub notes: Vec<ImportNote>,
    /// Rows read: table rows under the header, or PersonResults in IOF XML.
    pub rows_in: usize,
    /// Empty rows left out; every other row is one entry of `results`.
    pub rows_skipped: usize,
}

impl Conversion {
    /// How many results the document holds (rows_in - rows_skipped).
    pub fn results(&self) -> usize {
        self.json
            .get("results")
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }
}
