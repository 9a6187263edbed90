//! A file with no bib column but a runner id column (`racer_id`, "Athlete ID",
//! "Start No"...): the id becomes the bib, so runners keep the numbers the timing system
//! knows them by instead of invented ones, and the mapping screen says which column.

use super::Field;
use crate::import::read::Table;

/// Headers (lowercase, `_` and `-` as spaces, words joined by one space) that name a
/// runner's id or start number.
const ID_HEADERS: &[&str] = &[
    "id",
    "racer id",
    "racerid",
    "runner id",
    "runnerid",
    "athlete id",
    "athleteid",
    "participant id",
    "participantid",
    "competitor id",
    "entrant id",
    "entry id",
    "entryid",
    "registration id",
    "reg id",
    "person id",
    "start no",
    "start nr",
    "start number",
    "id участника",
    "стартовый номер",
    "старт нөмірі",
];

fn id_header(header: &str) -> bool {
    let h = header.to_lowercase().replace(['_', '-'], " ");
    let h = h.trim().trim_end_matches(['.', ':']).trim();
    let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
    ID_HEADERS.contains(&h.as_str())
}

/// Whether the column's filled cells are all different (an id, not a category).
fn distinct(table: &Table, col: usize) -> bool {
    let mut seen = std::collections::HashSet::new();
    table
        .rows
        .iter()
        .filter_map(|r| r.get(col).map(|v| v.trim()))
        .filter(|v| !v.is_empty())
        .all(|v| seen.insert(v))
}

/// When no column is the bib, the first id column whose values are all different
/// becomes it. Returns its index.
pub(crate) fn take_id_as_bib(columns: &mut [Option<Field>], table: &Table) -> Option<usize> {
    if columns.contains(&Some(Field::Bib)) {
        return None;
    }
    let col = (0..columns.len()).find(|&i| {
        matches!(columns[i], None | Some(Field::Ignore))
            && table.headers.get(i).is_some_and(|h| id_header(h))
            && distinct(table, i)
    })?;
    columns[col] = Some(Field::Bib);
    Some(col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_headers_in_the_ways_exports_write_them() {
        for h in [
            "racer_id",
            "Racer ID",
            "Athlete Id",
            "PARTICIPANT_ID",
            "Start No.",
            "ID",
            "id участника",
        ] {
            assert!(id_header(h), "{h}");
        }
        for h in ["chip id", "club id", "idea", "Name", "team_id"] {
            assert!(!id_header(h), "{h}");
        }
    }
}
