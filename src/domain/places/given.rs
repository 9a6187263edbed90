//! Standings of a file that holds only some rows of the whole: a head or parts of
//! results published in parts. Places cannot be computed from some rows, so the rows
//! carry theirs and the head the counts (docs/parts.md); they replace the computed ones.
use super::{Standings, WholeCounts};
use crate::domain::Results;
use crate::parts::{DistanceCounts, Given};

impl Standings {
    /// Takes the whole file's places of the runners in `given` (runner index, standing)
    /// and the whole file's counts of each distance (matched by id).
    pub fn take_given(
        &mut self,
        results: &Results,
        given: &[(usize, Given)],
        counts: &[DistanceCounts],
    ) {
        for (i, g) in given {
            let Some(r) = self.runners.get_mut(*i) else {
                continue;
            };
            r.placing.overall = g.overall;
            r.placing.sex = g.sex;
            r.placing.category = g.category;
            let (Some(d), slot) = (r.distance, r.slot as usize) else {
                continue;
            };
            let d = &mut self.distances[d];
            for (s, &pos) in g.splits.iter().enumerate().take(d.split_count) {
                if let Some(at) = d.split_positions.get_mut(slot * d.split_count + s) {
                    *at = pos;
                }
            }
        }
        for c in counts {
            let Some(d) = results.distances.iter().position(|d| d.id == c.id) else {
                continue;
            };
            let mut by_category: Vec<(u32, u32)> = c
                .categories
                .iter()
                .map(|(name, n)| (self.category_id_of(name), *n))
                .collect();
            by_category.sort_unstable();
            self.distances[d].whole = Some(Box::new(WholeCounts {
                placed: c.finishers,
                by_sex: c.by_sex,
                by_category,
            }));
        }
    }

    fn category_id_of(&mut self, name: &str) -> u32 {
        let name = name.trim();
        if let Some(&id) = self.category_ids.get(name) {
            return id;
        }
        let id = self.category_names.len() as u32;
        self.category_names.push(name.to_string());
        self.category_ids.insert(name.to_string(), id);
        id
    }
}
