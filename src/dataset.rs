//! One loaded results file with everything the views read, built once per load:
//! the parsed results, the warnings, places, podiums and the search index. Pure: the UI
//! holds a Dataset and asks it for the rows a view shows.
use crate::domain::{self, Podium, Results, Sex, Standings, Status, TeamTable};
use crate::format::{self, LoadError, Warning};
use crate::search::SearchIndex;
use std::sync::OnceLock;

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
}

impl StatusFilter {
    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::All => "",
            StatusFilter::Only(s) => s.code(),
        }
    }
    pub fn from_code(s: &str) -> StatusFilter {
        match s {
            "finished" => StatusFilter::Only(Status::Finished),
            "dnf" => StatusFilter::Only(Status::Dnf),
            "dns" => StatusFilter::Only(Status::Dns),
            "dsq" => StatusFilter::Only(Status::Dsq),
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
}

impl SortBy {
    pub fn code(self) -> &'static str {
        match self {
            SortBy::Place => "",
            SortBy::Time => "time",
            SortBy::Name => "name",
        }
    }
    pub fn from_code(s: &str) -> SortBy {
        match s {
            "time" => SortBy::Time,
            "name" => SortBy::Name,
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
                    StatusFilter::Only(s) => r.status == s,
                }
        };
        let mut rows: Vec<u32> = if sel.query.trim().is_empty() {
            self.order
                .iter()
                .copied()
                .filter(|&i| accept(i as usize))
                .collect()
        } else {
            let mut hits = self.search_index().search_unranked(&sel.query, accept);
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
        }
        rows
    }

    /// The row of the runner with this bib (the first, if a file repeats a bib).
    pub fn runner_by_bib(&self, bib: &str) -> Option<usize> {
        self.results.runners.iter().position(|r| r.bib == bib)
    }

    pub fn categories(&self, distance: Option<usize>) -> Vec<String> {
        domain::categories(&self.results, distance)
    }
}

/// Every sort of row numbers goes through this one function (a stable sort, with the
/// order behind a `dyn`), so the app carries one copy of the sort code, not one per key.
fn sort_rows(rows: &mut [u32], order: &dyn Fn(u32, u32) -> std::cmp::Ordering) {
    rows.sort_by(|&a, &b| order(a, b));
}
