//! Search beyond runners' names: team names in the standings, relay legs' runners.
use super::Dataset;
use crate::search::SearchIndex;

impl Dataset {
    /// The team names of the standings that `query` finds (as the search finds names),
    /// sorted.
    pub fn matching_teams(&self, query: &str) -> Vec<String> {
        let (index, names) = self.team_index.get_or_init(|| {
            let mut names: Vec<String> = self
                .teams()
                .iter()
                .flat_map(|t| t.teams.iter().map(|s| s.name.clone()))
                .collect();
            crate::order::sort(&mut names);
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
