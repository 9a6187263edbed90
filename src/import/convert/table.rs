//! Turning a mapped table into a results/v1 document. Every row that has any text
//! becomes one result: what the converter cannot read is passed on as written (the
//! viewer's format check then flags it on that runner) or left out with a note.

use super::bibs::RowBibs;
use super::courses::{split_columns, Courses, SplitColumn};
use super::record::document;
use super::row::Row;
use super::Conversion;
use crate::import::notes::{ImportNote, NoteLog};
use crate::import::read::{is_blank, Table};
use crate::import::recognise::{Field, Mapping};
use crate::import::values;

/// The columns of one relay leg (the k-th leg name, leg time and leg bib columns).
#[derive(Clone, Copy, Default)]
pub(super) struct LegColumns {
    pub name: Option<usize>,
    pub time: Option<usize>,
    pub bib: Option<usize>,
}

/// The k-th column of each leg field is leg k.
fn leg_columns(columns: &[Field]) -> Vec<LegColumns> {
    let nth = |field: Field| -> Vec<usize> {
        (0..columns.len())
            .filter(|&i| columns[i] == field)
            .collect()
    };
    let (names, times, bibs) = (nth(Field::LegName), nth(Field::LegTime), nth(Field::LegBib));
    let n = names.len().max(times.len()).max(bibs.len());
    (0..n)
        .map(|k| LegColumns {
            name: names.get(k).copied(),
            time: times.get(k).copied(),
            bib: bibs.get(k).copied(),
        })
        .collect()
}

/// Where each field is in the table, looked up once rather than per row.
pub(super) struct Columns {
    /// The first column of each of `Field::CHOICES`.
    first: [Option<usize>; Field::CHOICES.len()],
    pub splits: Vec<SplitColumn>,
    /// A relay row's legs in running order: the columns of each leg's runner, time, bib.
    pub legs: Vec<LegColumns>,
    /// Spanish exports: H for men, M for women.
    pub m_is_woman: bool,
}

impl Columns {
    fn of(table: &Table, mapping: &Mapping) -> Columns {
        let mut first = [None; Field::CHOICES.len()];
        for (i, f) in mapping.columns.iter().enumerate().rev() {
            if let Some(slot) = f.slot() {
                first[slot] = Some(i);
            }
        }
        let m_is_woman = first[Field::Sex.slot().unwrap_or(0)].is_some_and(|c| {
            values::m_is_woman(
                table
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(String::as_str),
            )
        });
        Columns {
            first,
            splits: split_columns(&mapping.columns),
            legs: leg_columns(&mapping.columns),
            m_is_woman,
        }
    }

    /// The first column mapped to the field.
    pub fn find(&self, f: &Field) -> Option<usize> {
        f.slot().and_then(|s| self.first[s])
    }
}

/// Converts the table as the mapping says. Never fails: a mapping that makes no sense
/// gives results the viewer will flag.
pub fn convert(table: &Table, mapping: &Mapping) -> Conversion {
    let mut log = NoteLog::default();
    log.extend(table.notes.iter().cloned());
    let columns = Columns::of(table, mapping);
    let by_column = columns.find(&Field::Distance).is_some();
    let mut courses = Courses::new(mapping, by_column, columns.splits.len());
    let mut row_bibs = match columns.find(&Field::Bib) {
        Some(i) => RowBibs::new(table.rows.iter().filter_map(|r| r.get(i)), table.rows.len()),
        None => RowBibs::new(std::iter::empty::<&String>(), 0),
    };

    let race_day = mapping.event_date.as_deref().and_then(values::read_date);
    let mut runners = Vec::with_capacity(table.rows.len());
    let mut skipped = 0usize;
    for (i, cells) in table.rows.iter().enumerate() {
        if is_blank(cells) {
            skipped += 1;
            continue;
        }
        let row = Row {
            n: i + 1,
            cells,
            columns: &columns,
            headers: &table.headers,
            race_day,
        };
        runners.push(row.runner(mapping.name_order, &mut row_bibs, &mut courses, &mut log));
    }
    if skipped > 0 {
        log.push(ImportNote::EmptyRowsSkipped { count: skipped });
    }
    log.extend(row_bibs.note());

    let gun_ranking =
        columns.find(&Field::ChipTime).is_none() && columns.find(&Field::GunTime).is_some();
    let mut courses = courses.finish(&columns.splits, gun_ranking);
    // A team column gives the distances its teams run on team standings; leg columns
    // make the distances with legs relays.
    for course in &mut courses {
        let mut ran = runners
            .iter()
            .filter(|r| r.distance == course.id || r.distance.is_empty());
        course.relay = ran.clone().any(|r| !r.legs.is_empty());
        course.teams_by_team = ran.any(|r| r.team.is_some());
    }
    Conversion {
        json: document(
            &mapping.event_name,
            mapping.event_date.as_deref(),
            &courses,
            &runners,
        ),
        notes: log.finish(),
        rows_in: table.rows.len(),
        rows_skipped: skipped,
    }
}
