//! What the list asks for (filters, sort, query) and the rows that answer it.
use super::Dataset;
use crate::domain::{self, Sex, Status};
use crate::order::sort_numbers;

/// Which statuses the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Only(Status),
    /// Runners still on the course (live results).
    OnCourse,
}

impl StatusFilter {
    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::All => "",
            StatusFilter::Only(s) => s.code(),
            StatusFilter::OnCourse => "started",
        }
    }
    pub fn from_code(s: &str) -> StatusFilter {
        match s {
            "finished" => StatusFilter::Only(Status::Finished),
            "dnf" => StatusFilter::Only(Status::Dnf),
            "dns" => StatusFilter::Only(Status::Dns),
            "dsq" => StatusFilter::Only(Status::Dsq),
            "started" => StatusFilter::OnCourse,
            _ => StatusFilter::All,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Finishing order; with a search, best matches first.
    #[default]
    Place,
    Time,
    Name,
    /// Best age grade first (files with age-grading tables).
    AgeGrade,
}

impl SortBy {
    pub fn code(self) -> &'static str {
        match self {
            SortBy::Place => "",
            SortBy::Time => "time",
            SortBy::Name => "name",
            SortBy::AgeGrade => "age_grade",
        }
    }
    pub fn from_code(s: &str) -> SortBy {
        match s {
            "time" => SortBy::Time,
            "name" => SortBy::Name,
            "age_grade" => SortBy::AgeGrade,
            _ => SortBy::Place,
        }
    }
}

/// What the list view asks for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Selection {
    pub query: String,
    pub distance: Option<usize>,
    pub sex: Option<Sex>,
    pub category: Option<String>,
    pub status: StatusFilter,
    pub sort: SortBy,
}

impl Dataset {
    /// Row indices that match, in the order the list shows them.
    pub fn select(&self, sel: &Selection) -> Vec<u32> {
        let runners = &self.results.runners;
        let accept = |i: usize| {
            let r = &runners[i];
            sel.distance.is_none_or(|d| r.distance == Some(d))
                && sel.sex.is_none_or(|s| r.sex == Some(s))
                && sel
                    .category
                    .as_deref()
                    .is_none_or(|c| r.category.as_deref() == Some(c))
                && match sel.status {
                    StatusFilter::All => true,
                    // A runner on the course is not a DNS, whatever the status says.
                    StatusFilter::Only(s) => r.status == s && !r.on_course,
                    StatusFilter::OnCourse => r.on_course,
                }
        };
        let mut rows: Vec<u32> = if sel.query.trim().is_empty() {
            if sel.status == StatusFilter::OnCourse && sel.sort == SortBy::Place {
                // Furthest along the course first, as the race itself reads.
                return (0..self.results.distances.len())
                    .flat_map(|d| domain::on_course(&self.results, d))
                    .map(|o| o.runner as u32)
                    .filter(|&i| accept(i as usize))
                    .collect();
            }
            self.order
                .iter()
                .copied()
                .filter(|&i| accept(i as usize))
                .collect()
        } else {
            let mut hits = self.search_index().search_unranked(&sel.query, accept);
            // A relay team is found by its runners' names too.
            for (team, _, score) in self.matching_legs(&sel.query) {
                if accept(team as usize) && !hits.iter().any(|h| h.index == team) {
                    hits.push(crate::search::Hit { index: team, score });
                }
            }
            // Best match first; equal scores keep the list order.
            crate::order::sort_by_key(&mut hits, |h| {
                (std::cmp::Reverse(h.score), self.position[h.index as usize])
            });
            hits.into_iter().map(|h| h.index).collect()
        };
        match sel.sort {
            SortBy::Place => {}
            SortBy::Time => sort_numbers(&mut rows, &|a, b| {
                let key = |i: u32| {
                    let time = self.standings.ranked_time(i as usize);
                    (time.is_none(), time, self.position[i as usize])
                };
                key(a).cmp(&key(b))
            }),
            SortBy::Name => {
                let rank = self.name_rank();
                sort_numbers(&mut rows, &|a, b| rank[a as usize].cmp(&rank[b as usize]))
            }
            SortBy::AgeGrade => {
                // Best grade first; runners without one keep their order at the end.
                let grades = self.age_grades();
                let key = |i: u32| {
                    let points = grades.and_then(|g| g.points(i as usize));
                    (
                        points.is_none(),
                        std::cmp::Reverse(points),
                        self.position[i as usize],
                    )
                };
                sort_numbers(&mut rows, &|a, b| key(a).cmp(&key(b)))
            }
        }
        rows
    }
}
