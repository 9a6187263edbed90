//! One loaded results file with everything the views read, built once per load:
//! the parsed results, the warnings, places, podiums and the search index. Pure: the UI
//! holds a Dataset and asks it for the rows a view shows.
use crate::domain::{self, Podium, Results, Sex, Standings, Status, TeamTable};
use crate::format::{self, LoadError, Warning};
use crate::search::SearchIndex;
use std::sync::OnceLock;

mod age_grades;
pub use age_grades::AgeGrades;

pub struct Dataset {
    pub results: Results,
    pub warnings: Vec<Warning>,
    pub rows_in: usize,
    pub rows_skipped: usize,
    pub standings: Standings,
    /// Built on first need: the list shows before the podiums are asked for.
    podiums: OnceLock<Vec<Podium>>,
    /// Built on first need, like the podiums.
    teams: OnceLock<Vec<TeamTable>>,
    /// Built on first need (or when the page is idle after the first rows): the list
    /// shows before the index exists.
    index: OnceLock<SearchIndex>,
    /// Built on first need, only for files with age-grading tables.
    age_grades: OnceLock<AgeGrades>,
    /// The team names of the standings and an index over them, built on the first
    /// search in the Teams view.
    team_index: OnceLock<(SearchIndex, Vec<String>)>,
    /// Every relay leg as (team row, leg index) and an index over the legs' bibs and
    /// names, so a leg runner's name finds the team.
    leg_index: OnceLock<(SearchIndex, Vec<(u32, u32)>)>,
    /// Every runner in list order: distances in file order, each by finishing order, then
    /// runners of unknown distances. The position in it breaks ties between search scores.
    order: Vec<u32>,
    position: Vec<u32>,
    /// Each runner's position in alphabetical order, so sorting by name allocates nothing.
    name_rank: OnceLock<Vec<u32>>,
}

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
    pub fn load(bytes: &[u8]) -> Result<Dataset, LoadError> {
        format::parse_results(bytes).map(Dataset::from_loaded)
    }

    /// Takes a parsed file; the caller can drop the file's bytes before this, so places
    /// and the index reuse their memory.
    pub fn from_loaded(loaded: format::Loaded) -> Dataset {
        Dataset::from_results(
            loaded.results,
            loaded.warnings,
            loaded.rows_in,
            loaded.rows_skipped,
        )
    }

    pub fn from_results(
        results: Results,
        warnings: Vec<Warning>,
        rows_in: usize,
        rows_skipped: usize,
    ) -> Dataset {
        let standings = domain::compute_standings(&results);
        let mut order: Vec<u32> = Vec::with_capacity(results.runners.len());
        for d in 0..results.distances.len() {
            order.extend(standings.order(d).iter().map(|&i| i as u32));
        }
        order.extend(standings.unassigned().iter().map(|&i| i as u32));
        let mut position = vec![u32::MAX; results.runners.len()];
        for (pos, &i) in order.iter().enumerate() {
            position[i as usize] = pos as u32;
        }
        // Every row must be listed somewhere; a row missed by the order goes last.
        for (i, p) in position.iter_mut().enumerate() {
            if *p == u32::MAX {
                *p = order.len() as u32;
                order.push(i as u32);
            }
        }
        Dataset {
            results,
            warnings,
            rows_in,
            rows_skipped,
            standings,
            podiums: OnceLock::new(),
            teams: OnceLock::new(),
            index: OnceLock::new(),
            age_grades: OnceLock::new(),
            team_index: OnceLock::new(),
            leg_index: OnceLock::new(),
            order,
            position,
            name_rank: OnceLock::new(),
        }
    }

    /// Loads an imported file: its results/v1 document goes through the same parser as
    /// any results file, so the same warnings apply. Returns the JSON text for download.
    pub fn from_conversion(
        conv: &crate::import::Conversion,
    ) -> Result<(Dataset, String), LoadError> {
        let text = conv.json.to_string();
        Dataset::load(text.as_bytes()).map(|d| (d, text))
    }

    /// The podiums of every distance (see `domain::podiums`).
    pub fn podiums(&self) -> &[Podium] {
        self.podiums
            .get_or_init(|| domain::podiums(&self.results, &self.standings))
    }

    /// The team standings of every distance with team rules (see `domain::teams`).
    pub fn teams(&self) -> &[TeamTable] {
        self.teams
            .get_or_init(|| domain::team_standings(&self.results, &self.standings))
    }

    /// Builds the search index now (the page calls this once the first rows are shown,
    /// so the first keystroke does not pay for it).
    pub fn prepare_search(&self) {
        self.search_index();
    }

    fn search_index(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            SearchIndex::build(
                self.results
                    .runners
                    .iter()
                    .map(|r| (r.bib.as_str(), r.name.as_str())),
            )
        })
    }

    /// Each runner's position in alphabetical order, so sorting by name allocates
    /// nothing after the first time.
    fn name_rank(&self) -> &[u32] {
        self.name_rank.get_or_init(|| {
            let keys: Vec<String> = self
                .results
                .runners
                .iter()
                .map(|r| crate::search::lower_str(&r.name))
                .collect();
            let mut idx: Vec<u32> = (0..keys.len() as u32).collect();
            sort_rows(&mut idx, &|a, b| {
                keys[a as usize]
                    .cmp(&keys[b as usize])
                    .then(self.position[a as usize].cmp(&self.position[b as usize]))
            });
            let mut rank = vec![0u32; idx.len()];
            for (r, &i) in idx.iter().enumerate() {
                rank[i as usize] = r as u32;
            }
            rank
        })
    }

    /// The demo file says so in its name; the page then says it is not official.
    pub fn is_demo(&self) -> bool {
        crate::search::lower_str(&self.results.event.name).contains("demo")
    }

    pub fn distance_index(&self, id: &str) -> Option<usize> {
        self.results.distances.iter().position(|d| d.id == id)
    }

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
            hits.sort_by_key(|h| (std::cmp::Reverse(h.score), self.position[h.index as usize]));
            hits.into_iter().map(|h| h.index).collect()
        };
        match sel.sort {
            SortBy::Place => {}
            SortBy::Time => sort_rows(&mut rows, &|a, b| {
                let key = |i: u32| {
                    let time = self.standings.ranked_time(i as usize);
                    (time.is_none(), time, self.position[i as usize])
                };
                key(a).cmp(&key(b))
            }),
            SortBy::Name => {
                let rank = self.name_rank();
                sort_rows(&mut rows, &|a, b| rank[a as usize].cmp(&rank[b as usize]))
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
                sort_rows(&mut rows, &|a, b| key(a).cmp(&key(b)))
            }
        }
        rows
    }

    /// Age grades and ranks, or None when the file carries no age-grading tables.
    pub fn age_grades(&self) -> Option<&AgeGrades> {
        self.results.age_grading.as_ref()?;
        Some(
            self.age_grades
                .get_or_init(|| AgeGrades::compute(&self.results, &self.standings)),
        )
    }

    /// The row of the runner with this bib (the first, if a file repeats a bib).
    pub fn runner_by_bib(&self, bib: &str) -> Option<usize> {
        self.results.runners.iter().position(|r| r.bib == bib)
    }

    pub fn categories(&self, distance: Option<usize>) -> Vec<String> {
        domain::categories(&self.results, distance)
    }

    /// Whether the Teams view has something to show: team rules or a relay.
    pub fn has_teams(&self) -> bool {
        self.results
            .distances
            .iter()
            .any(|d| d.teams.is_some() || d.relay)
    }

    /// Whether any runner is still on the course (live results).
    pub fn has_on_course(&self) -> bool {
        self.results.runners.iter().any(|r| r.on_course)
    }

    /// The team names of the standings that `query` finds (as the search finds names),
    /// sorted.
    pub fn matching_teams(&self, query: &str) -> Vec<String> {
        let (index, names) = self.team_index.get_or_init(|| {
            let mut names: Vec<String> = self
                .teams()
                .iter()
                .flat_map(|t| t.teams.iter().map(|s| s.name.clone()))
                .collect();
            names.sort_unstable();
            names.dedup();
            let index = SearchIndex::build(names.iter().map(|n| ("", n.as_str())));
            (index, names)
        });
        index
            .search_unranked(query, |_| true)
            .into_iter()
            .map(|h| names[h.index as usize].clone())
            .collect()
    }

    /// Relay legs whose runner's name or bib `query` finds: (team row, leg index, score).
    pub fn matching_legs(&self, query: &str) -> Vec<(u32, u32, u32)> {
        let (index, legs) = self.leg_index.get_or_init(|| {
            let runners = &self.results.runners;
            let legs: Vec<(u32, u32)> = runners
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    r.distance
                        .and_then(|d| self.results.distances.get(d))
                        .is_some_and(|d| d.relay)
                })
                .flat_map(|(i, r)| (0..r.legs.len()).map(move |k| (i as u32, k as u32)))
                .collect();
            let index = SearchIndex::build(legs.iter().map(|&(i, k)| {
                let leg = &runners[i as usize].legs[k as usize];
                (leg.bib.as_deref().unwrap_or(""), leg.name.as_str())
            }));
            (index, legs)
        });
        if legs.is_empty() {
            return Vec::new();
        }
        index
            .search_unranked(query, |_| true)
            .into_iter()
            .map(|h| {
                let (team, leg) = legs[h.index as usize];
                (team, leg, h.score)
            })
            .collect()
    }

    /// The first leg of team row `team` whose runner `query` finds (0-based), to mark.
    pub fn marked_leg(&self, team: usize, query: &str) -> Option<u32> {
        if query.trim().is_empty() || self.results.runners.get(team)?.legs.is_empty() {
            return None;
        }
        self.matching_legs(query)
            .into_iter()
            .filter(|&(t, _, _)| t as usize == team)
            .map(|(_, leg, _)| leg)
            .min()
    }
}

/// Every sort of row numbers goes through this one function (a stable sort, with the
/// order behind a `dyn`), so the app carries one copy of the sort code, not one per key.
fn sort_rows(rows: &mut [u32], order: &dyn Fn(u32, u32) -> std::cmp::Ordering) {
    rows.sort_by(|&a, &b| order(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Dataset {
        let path = format!(
            "{}/tests/fixtures/format/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        Dataset::load(&std::fs::read(path).unwrap()).unwrap()
    }

    fn bibs(d: &Dataset, sel: &Selection) -> Vec<String> {
        d.select(sel)
            .into_iter()
            .map(|i| d.results.runners[i as usize].bib.clone())
            .collect()
    }

    #[test]
    fn team_names_are_found_across_scripts() {
        let d = fixture("teams.json");
        assert!(d.has_teams());
        assert_eq!(d.matching_teams("almaty"), ["Almaty Runners"]);
        assert_eq!(d.matching_teams("Алматы"), ["Almaty Runners"]);
        assert_eq!(d.matching_teams("tulpar"), ["Tulpar"]);
    }

    #[test]
    fn a_leg_runners_name_finds_the_team_and_marks_the_leg() {
        let d = fixture("relay.json");
        let sel = Selection {
            query: "Seitkali".into(),
            ..Default::default()
        };
        assert_eq!(bibs(&d, &sel), ["11"]);
        assert_eq!(d.marked_leg(1, "Seitkali"), Some(1));
        assert_eq!(d.marked_leg(0, "Seitkali"), None);
        assert_eq!(d.marked_leg(1, ""), None);
        assert_eq!(d.marked_leg(0, "10-2"), Some(1), "a leg bib");
    }

    #[test]
    fn the_on_course_filter_lists_the_furthest_first_and_dns_leaves_them_out() {
        let d = fixture("live.json");
        assert!(d.has_on_course());
        let on = Selection {
            status: StatusFilter::from_code("started"),
            ..Default::default()
        };
        assert_eq!(on.status.code(), "started");
        assert_eq!(bibs(&d, &on), ["3", "2", "9", "5"]);
        let dns = Selection {
            status: StatusFilter::Only(Status::Dns),
            ..Default::default()
        };
        assert_eq!(bibs(&d, &dns), ["6", "7"]);
    }
}
