//! Recognising: giving the columns of a table a meaning, first by their names (in
//! English, Russian, Kazakh, German, French and Spanish), then checked against the
//! values, since the same word means different things in different exports ("Gender"
//! is the sex in one and the place among runners of that sex in another). Uses the
//! read layer's table; knows nothing of converting.

mod field;
mod headers;
pub(crate) mod id_bib;
mod naming;
mod profile;
mod vocabulary;

pub use crate::import::values::NameOrder;
pub use field::Field;
pub use naming::distance_name;
pub(crate) use naming::{distance_id, unique_id};

use crate::import::read::Table;
use crate::import::values::km_in;
use headers::{header_field, name_order_of};
use naming::{event_name_from_file, file_stem, km_from_splits};
use profile::{check_with_values, guess_unnamed, settle_duplicates, Profile};

/// One distance of a file with a Distance column: the value as the column writes it,
/// and what the results file will call it.
#[derive(Clone, Debug, PartialEq)]
pub struct DistanceSpec {
    pub value: String,
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
}

/// How a table becomes results; every part is the organizer's to change.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// One per table column, in column order.
    pub columns: Vec<Field>,
    pub name_order: NameOrder,
    pub event_name: String,
    /// ISO date "YYYY-MM-DD", when known.
    pub event_date: Option<String>,
    /// The single distance of a file without a Distance column.
    pub distance_name: String,
    pub distance_km: Option<f64>,
    /// The distances of a file with a Distance column (empty otherwise).
    pub distances: Vec<DistanceSpec>,
    /// The header of the id column taken as the bib, when the file has no bib column
    /// (the mapping screen says so).
    pub bib_from_id: Option<String>,
}

/// Guesses the meaning of every column, the event name and the distance.
pub fn guess_mapping(table: &Table) -> Mapping {
    let profiles: Vec<Profile> = (0..table.headers.len())
        .map(|i| Profile::of(table, i))
        .collect();
    let mut columns: Vec<Option<Field>> = table
        .headers
        .iter()
        .zip(&profiles)
        .map(|(h, p)| header_field(h).map(|f| check_with_values(f, p)))
        .collect();
    settle_duplicates(&mut columns, &table.headers);
    guess_unnamed(&mut columns, &profiles, &table.headers);
    let bib_from_id =
        id_bib::take_id_as_bib(&mut columns, table).map(|i| table.headers[i].trim().to_string());
    let columns: Vec<Field> = columns
        .into_iter()
        .map(|f| f.unwrap_or(Field::Ignore))
        .collect();

    let distance_km =
        km_in(file_stem(&table.file_name), false).or_else(|| km_from_splits(&columns));
    let name_order = columns
        .iter()
        .position(|f| *f == Field::Name)
        .and_then(|i| name_order_of(&table.headers[i]))
        .unwrap_or_default();
    Mapping {
        distances: guess_distances(table, &columns),
        columns,
        name_order,
        event_name: event_name_from_file(&table.file_name),
        event_date: None,
        distance_name: distance_name(distance_km),
        distance_km,
        bib_from_id,
    }
}

/// The distinct values of the Distance column, in order of first appearance.
pub fn guess_distances(table: &Table, columns: &[Field]) -> Vec<DistanceSpec> {
    let Some(col) = columns.iter().position(|f| *f == Field::Distance) else {
        return Vec::new();
    };
    let mut specs: Vec<DistanceSpec> = Vec::new();
    for row in &table.rows {
        let value = row.get(col).map(|v| v.trim()).unwrap_or("");
        if value.is_empty() || specs.iter().any(|s| s.value == value) {
            continue;
        }
        let km = km_in(value, true);
        let taken: Vec<&str> = specs.iter().map(|s| s.id.as_str()).collect();
        let id = unique_id(&distance_id(value, km), &taken);
        specs.push(DistanceSpec {
            value: value.to_string(),
            id,
            name: value.to_string(),
            km,
        });
    }
    specs
}
