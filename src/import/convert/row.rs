//! One table row as one runner: each value read by the cell readers, what cannot be
//! read noted with its row and column.

use super::bibs::RowBibs;
use super::courses::Courses;
use super::record::{Leg, Runner};
use super::table::Columns;
use crate::domain::Status;
use crate::import::notes::{ImportNote, NoteLog};
use crate::import::recognise::{Field, NameOrder};
use crate::import::values::{
    age_on, clean_text, read_age, read_birth_year, read_date, read_place, read_sex_in, read_time,
    runner_name, status_word, TimeCell,
};

pub(super) struct Row<'a> {
    /// 1 = the first row under the header.
    pub n: usize,
    pub cells: &'a [String],
    pub columns: &'a Columns,
    pub headers: &'a [String],
    /// The event's date, for ages from birth dates.
    pub race_day: Option<chrono::NaiveDate>,
}

impl<'a> Row<'a> {
    fn cell(&self, col: Option<usize>) -> &'a str {
        col.and_then(|c| self.cells.get(c)).map_or("", |v| v.trim())
    }

    fn field(&self, f: &Field) -> (Option<usize>, &'a str) {
        let col = self.columns.find(f);
        (col, self.cell(col))
    }

    fn unreadable(&self, log: &mut NoteLog, col: Option<usize>, text: &str) {
        log.push(ImportNote::UnreadableValue {
            row: self.n,
            column: col
                .and_then(|i| self.headers.get(i).cloned())
                .unwrap_or_default(),
            text: text.to_string(),
        })
    }

    pub fn runner(
        &self,
        order: NameOrder,
        bibs: &mut RowBibs,
        courses: &mut Courses,
        log: &mut NoteLog,
    ) -> Runner {
        let mut r = Runner {
            bib: match self.field(&Field::Bib).1 {
                "" => bibs.make(self.n),
                b => b.to_string(),
            },
            name: self.name(order),
            ..Runner::default()
        };
        let text = |f: Field| Some(clean_text(self.field(&f).1)).filter(|t| !t.is_empty());
        r.category = text(Field::Category);
        r.club = text(Field::Club);
        r.team = text(Field::Team);
        r.city = text(Field::City);
        r.country = text(Field::Country);
        self.person(&mut r, log);
        self.result(&mut r, log);
        self.distance_and_splits(&mut r, courses, log);
        self.legs(&mut r, log);
        r
    }

    /// Sex, age and birth year; the age on race day from a full birth date when the file
    /// gives no age.
    fn person(&self, r: &mut Runner, log: &mut NoteLog) {
        let (sex_col, sex) = self.field(&Field::Sex);
        match read_sex_in(sex, self.columns.m_is_woman) {
            Some(s) => r.sex = Some(s.code().into()),
            None if !sex.is_empty() => {
                self.unreadable(log, sex_col, sex);
                r.sex = Some(sex.into());
            }
            None => {}
        }
        let (age_col, age) = self.field(&Field::Age);
        r.age = read_age(age);
        if r.age.is_none() && !age.is_empty() {
            self.unreadable(log, age_col, age);
        }
        let (year_col, year) = self.field(&Field::BirthYear);
        r.birth_year = read_birth_year(year);
        if r.birth_year.is_none() && !year.is_empty() {
            self.unreadable(log, year_col, year);
        }
        if r.age.is_none() {
            r.age = read_date(year)
                .zip(self.race_day)
                .and_then(|(born, day)| age_on(born, day));
        }
    }

    /// Times, status and place. The status is the status column, else a word in a time
    /// column, else a word in the place column, else finished when there is a time.
    fn result(&self, r: &mut Runner, log: &mut NoteLog) {
        let mut status: Option<Status> = None;
        let mut as_written: Option<&str> = None;
        let status_text = self.field(&Field::Status).1;
        if !status_text.is_empty() {
            match status_word(status_text) {
                Some(s) => status = Some(s),
                None => {
                    log.push(ImportNote::UnknownStatus {
                        row: self.n,
                        text: status_text.to_string(),
                        status: "as written",
                    });
                    as_written = Some(status_text);
                }
            }
        }
        let mut has_time = false;
        for field in [Field::ChipTime, Field::GunTime] {
            let (col, text) = self.field(&field);
            let time = match read_time(text) {
                TimeCell::Time(t) => {
                    has_time = true;
                    t
                }
                TimeCell::Status(s) => {
                    status.get_or_insert(s);
                    continue;
                }
                TimeCell::Bad(t) => {
                    self.unreadable(log, col, &t);
                    t
                }
                TimeCell::Missing => continue,
            };
            match field {
                Field::ChipTime => r.chip_time = Some(time),
                _ => r.gun_time = Some(time),
            }
        }
        let (place_col, place_text) = self.field(&Field::Place);
        let place = read_place(place_text);
        if place.is_none() && !place_text.is_empty() {
            match status_word(place_text) {
                Some(s) => drop(status.get_or_insert(s)),
                None => self.unreadable(log, place_col, place_text),
            }
        }
        let status = status.unwrap_or(if has_time {
            Status::Finished
        } else {
            Status::Dns
        });
        r.status = as_written.unwrap_or(status.code()).to_string();
        if status == Status::Finished && as_written.is_none() {
            r.place = place;
        }
    }

    fn distance_and_splits(&self, r: &mut Runner, courses: &mut Courses, log: &mut NoteLog) {
        let d = match self.columns.find(&Field::Distance) {
            Some(c) => {
                let value = self.cell(Some(c));
                if value.is_empty() {
                    self.unreadable(log, Some(c), value);
                    None
                } else {
                    Some(courses.index_of(value))
                }
            }
            None => Some(0),
        };
        for (k, s) in self.columns.splits.iter().enumerate() {
            let value = match read_time(self.cell(Some(s.col))) {
                TimeCell::Time(t) => t,
                TimeCell::Bad(t) => {
                    self.unreadable(log, Some(s.col), &t);
                    t
                }
                _ => continue,
            };
            r.splits.push((s.id.clone(), value));
            if let Some(d) = d {
                courses.split_timed(d, k);
            }
        }
        r.distance = d.map(|d| courses.run(d)).unwrap_or_default();
    }

    /// A relay row's legs: each leg with a runner's name, with its time and bib when
    /// the row has them. A leg time that cannot be read is kept as written (flagged).
    fn legs(&self, r: &mut Runner, log: &mut NoteLog) {
        for leg in &self.columns.legs {
            let name = self.cell(leg.name);
            if name.is_empty() {
                continue;
            }
            let time = match read_time(self.cell(leg.time)) {
                TimeCell::Time(t) => Some(t),
                TimeCell::Bad(t) => {
                    self.unreadable(log, leg.time, &t);
                    Some(t)
                }
                _ => None,
            };
            let bib = Some(self.cell(leg.bib)).filter(|b| !b.is_empty());
            r.legs.push(Leg {
                name: clean_text(name),
                bib: bib.map(String::from),
                sex: None,
                time,
            });
        }
    }

    /// The whole name column, else first and last name joined.
    fn name(&self, order: NameOrder) -> String {
        let whole = self.field(&Field::Name).1;
        let raw = if whole.is_empty() {
            let (first, last) = (
                self.field(&Field::FirstName).1,
                self.field(&Field::LastName).1,
            );
            if !first.is_empty() && !last.is_empty() {
                format!("{first} {last}")
            } else {
                format!("{first}{last}")
            }
        } else {
            whole.to_string()
        };
        let clean = clean_text(&raw);
        if whole.is_empty() {
            clean
        } else {
            runner_name(&clean, order)
        }
    }
}
