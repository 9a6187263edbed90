//! What one row of the list shows, as text, read once from the dataset: the list's rows
//! and the first view a head carries (parts::first_view) are made from the same texts.
use super::Dataset;
use crate::domain::time::{format_pace, format_time};
use crate::domain::{self, Runner, Status};

/// One row's texts (numbers as the list prints them; words needing a language are left
/// to the view: badges, "per km", the age grade's label).
pub struct RowText {
    pub bib: String,
    pub name: String,
    /// "Almaty Runners · Almaty · KAZ".
    pub origin: String,
    pub place: Option<u32>,
    /// "M 12" / "F 3".
    pub sex_place: Option<String>,
    /// "M40 5".
    pub category_place: Option<String>,
    pub distance_name: Option<String>,
    pub time: String,
    pub pace: Option<String>,
    pub status: Status,
    /// Some for a runner still on the course: the last timing point and the time there.
    pub on_course: Option<Option<(String, String)>>,
    /// "63.80%" when the file grades ages and this runner has a grade.
    pub age_grade: Option<String>,
}

impl RowText {
    pub fn new(data: &Dataset, i: usize) -> RowText {
        let r = &data.results.runners[i];
        let placing = data.standings.placing(i);
        let distance = r.distance.and_then(|d| data.results.distances.get(d));
        let time = data.standings.ranked_time(i);
        RowText {
            bib: r.bib.clone(),
            name: r.name.clone(),
            origin: origin_line(r),
            place: placing.overall,
            sex_place: placing
                .sex
                .zip(r.sex)
                .map(|(p, s)| format!("{} {p}", s.code())),
            category_place: placing
                .category
                .zip(r.category.as_ref())
                .map(|(p, c)| format!("{c} {p}")),
            distance_name: distance.map(|d| d.name.clone()),
            time: time.map(format_time).unwrap_or_default(),
            pace: time
                .filter(|_| r.status == Status::Finished)
                .zip(distance.and_then(|d| d.km))
                .and_then(|(t, km)| format_pace(t, km)),
            status: r.status,
            age_grade: data
                .age_grades()
                .and_then(|g| g.points(i))
                .map(domain::age_grade::percent_text),
            on_course: r.on_course.then(|| {
                domain::last_split(&data.results, i).map(|l| (l.name, format_time(l.time)))
            }),
        }
    }
}

/// "Almaty Runners · Almaty · KAZ": whatever the row has.
pub fn origin_line(r: &Runner) -> String {
    [&r.club, &r.city, &r.country]
        .iter()
        .filter_map(|v| v.as_deref())
        .filter(|v| !v.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
