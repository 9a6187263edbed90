//! One loaded results file with everything the views read, built once per load:
//! the parsed results, the warnings, places, podiums and the search index. Pure: the UI
//! holds a Dataset and asks it for the rows a view shows.
use crate::domain::{self, Podium, Results, Standings, TeamTable};
use crate::format::{self, LoadError, Warning};
use crate::order::sort_numbers;
use crate::search::SearchIndex;
use std::sync::OnceLock;

mod age_grades;
mod row_text;
mod selection;
mod team_search;
#[cfg(test)]
mod tests;
pub use age_grades::AgeGrades;
pub use row_text::{origin_line, RowText};
pub use selection::{Selection, SortBy, StatusFilter};

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
    /// Set when these are some rows of results published in parts (a head, and the
    /// parts fetched so far): places and counts are the whole file's, the rows are not
    /// all there.
    pub parts: Option<Box<crate::parts::Head>>,
}

impl Dataset {
    pub fn load(bytes: &[u8]) -> Result<Dataset, LoadError> {
        format::parse_results(bytes).map(Dataset::from_loaded)
    }

    /// Takes a parsed file; the caller can drop the file's bytes before this, so places
    /// and the index reuse their memory.
    pub fn from_loaded(loaded: format::Loaded) -> Dataset {
        let mut data = Dataset::from_results(
            loaded.results,
            loaded.warnings,
            loaded.rows_in,
            loaded.rows_skipped,
        );
        if let Some(head) = loaded.parts {
            data.standings
                .take_given(&data.results, &loaded.given, &head.distances);
            data.parts = Some(Box::new(head));
        }
        data
    }

    /// Whether these are only some rows of results published in parts.
    pub fn is_partial(&self) -> bool {
        self.parts.is_some()
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
            parts: None,
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
            sort_numbers(&mut idx, &|a, b| {
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
}
