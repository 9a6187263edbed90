//! The distances of a mapped table and their splits: which a row runs, which splits
//! each distance has times for.

use super::record::{Checkpoint, Course};
use crate::import::recognise::{distance_id, unique_id, DistanceSpec, Field, Mapping};
use crate::import::values::{km_in, slug};

/// A split column and the id and name it gets in the results file.
pub(super) struct SplitColumn {
    pub col: usize,
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
}

/// Split columns in course order: column order, or by distance when every split
/// names one.
pub(super) fn split_columns(columns: &[Field]) -> Vec<SplitColumn> {
    let mut splits: Vec<SplitColumn> = Vec::new();
    for (col, f) in columns.iter().enumerate() {
        if let Field::Split(name) = f {
            let base = match slug(name) {
                s if s.is_empty() => format!("split-{}", splits.len() + 1),
                s => s,
            };
            let taken: Vec<&str> = splits.iter().map(|s| s.id.as_str()).collect();
            let id = unique_id(&base, &taken);
            splits.push(SplitColumn {
                col,
                id,
                name: name.clone(),
                km: km_in(name, false),
            });
        }
    }
    if splits.iter().all(|s| s.km.is_some()) {
        // An insertion sort: a few dozen splits at most, and no sort code in the wasm.
        for i in 1..splits.len() {
            let mut j = i;
            while j > 0 && splits[j - 1].km > splits[j].km {
                splits.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    splits
}

/// The distances rows run, with whether each is used and which splits have a time.
pub(super) struct Courses {
    specs: Vec<DistanceSpec>,
    used: Vec<(bool, Vec<bool>)>,
    split_count: usize,
    /// The file has a Distance column (else every row runs the one distance).
    by_column: bool,
}

impl Courses {
    pub fn new(mapping: &Mapping, by_column: bool, split_count: usize) -> Courses {
        let specs: Vec<DistanceSpec> = if by_column {
            mapping.distances.clone()
        } else {
            let name = if mapping.distance_name.trim().is_empty() {
                "Race".to_string()
            } else {
                mapping.distance_name.trim().to_string()
            };
            let id = distance_id(&name, mapping.distance_km);
            vec![DistanceSpec {
                value: String::new(),
                id,
                name,
                km: mapping.distance_km,
            }]
        };
        let used = vec![(false, vec![false; split_count]); specs.len()];
        Courses {
            specs,
            used,
            split_count,
            by_column,
        }
    }

    /// The distance a Distance cell names; values the mapping did not list get added.
    pub fn index_of(&mut self, value: &str) -> usize {
        if let Some(i) = self.specs.iter().position(|s| s.value == value) {
            return i;
        }
        let km = km_in(value, true);
        let taken: Vec<&str> = self.specs.iter().map(|s| s.id.as_str()).collect();
        let id = unique_id(&distance_id(value, km), &taken);
        self.specs.push(DistanceSpec {
            value: value.to_string(),
            id,
            name: value.to_string(),
            km,
        });
        self.used.push((false, vec![false; self.split_count]));
        self.specs.len() - 1
    }

    /// Marks the distance as run and returns its id.
    pub fn run(&mut self, d: usize) -> String {
        self.used[d].0 = true;
        self.specs[d].id.clone()
    }

    pub fn split_timed(&mut self, d: usize, split: usize) {
        self.used[d].1[split] = true;
    }

    /// The distances of the results file: those run (all of them without a Distance
    /// column), each with the splits its runners have times for.
    pub fn finish(self, splits: &[SplitColumn], gun_ranking: bool) -> Vec<Course> {
        let by_column = self.by_column;
        self.specs
            .into_iter()
            .zip(self.used)
            .filter(|(_, (was_used, _))| *was_used || !by_column)
            .map(|(spec, (_, has_split))| Course {
                id: spec.id,
                name: spec.name,
                km: spec.km,
                gun_ranking,
                splits: splits
                    .iter()
                    .zip(&has_split)
                    .filter(|(_, has)| **has)
                    .map(|(s, _)| Checkpoint {
                        id: s.id.clone(),
                        name: s.name.clone(),
                        km: s.km,
                    })
                    .collect(),
                ..Course::default()
            })
            .collect()
    }
}
