//! Category podiums of one distance, with the award rules format v1 grew later.
//!
//! Rules:
//! - Without `exclude_winners` and small categories, a category's podium holds its
//!   finishers whose category place is within the depth: as before these rules existed.
//! - `exclude_winners`: runners on a main podium of the distance are left out, and the
//!   places are counted again among the rest of the category (1, 2, 3...).
//! - A category with fewer placed finishers than `min_finishers` is small. If its award
//!   group names `merge_into`, its finishers join that category's podium (followed along
//!   a chain while each category on it is small); otherwise its podium is flagged `small`.
//!   A merged podium takes the settings of the category it is named after, and is flagged
//!   when all its finishers together are still fewer than `min_finishers`.
//! - Places in a podium follow the overall places (equal overall places share), which is
//!   exactly how category places are computed, so merging and leaving out never reorder.
use std::collections::HashMap;

use super::categories::natural_cmp;
use super::model::Awards;
use super::places::Standings;
use super::podium::{prize, settings, Podium, PodiumEntry, PodiumGroup};

/// The category podiums of distance `d` in natural order of their names; `winners` are
/// the runners to leave out, sorted (empty unless `exclude_winners`).
pub(crate) fn category_podiums(
    standings: &Standings,
    d: usize,
    awards: &Awards,
    winners: &[usize],
) -> Vec<Podium> {
    let placed = standings.placed(d);
    // Finishers per category, counting winners: the size of the category. By the
    // category's number first, so the pass over every finisher compares no text.
    let mut by_id: HashMap<u32, (usize, u32)> = HashMap::new();
    for &i in placed {
        if let Some(id) = standings.category_id(i) {
            by_id.entry(id).or_insert((i, 0)).1 += 1;
        }
    }
    let counts: HashMap<&str, u32> = by_id
        .values()
        .filter_map(|&(i, n)| Some((standings.category(i)?, n)))
        .collect();
    let min = awards.min_finishers;
    let is_small = |name: &str| min > 0 && counts.get(name).copied().unwrap_or(0) < min;
    let merge_into = |name: &str| {
        awards
            .groups
            .iter()
            .find(|g| g.id == name)
            .and_then(|g| g.merge_into.as_deref())
    };
    // Each category's podium: its own, or the one it is merged into.
    let mut target_of: HashMap<&str, &str> = HashMap::with_capacity(counts.len());
    for &name in counts.keys() {
        let mut at = name;
        let mut seen = vec![name];
        while is_small(at) {
            match merge_into(at) {
                Some(next) if !seen.contains(&next) => {
                    seen.push(next);
                    at = next;
                }
                _ => break,
            }
        }
        target_of.insert(name, at);
    }

    struct Group<'a> {
        runners: Vec<usize>,
        sources: Vec<&'a str>,
        finishers: u32,
    }
    let mut groups: HashMap<&str, Group> = HashMap::new();
    for (&name, &target) in &target_of {
        let g = groups.entry(target).or_insert_with(|| Group {
            runners: Vec::new(),
            sources: Vec::new(),
            finishers: 0,
        });
        g.finishers += counts[name];
        if name != target {
            g.sources.push(name);
        }
    }
    let target_by_id: HashMap<u32, &str> = by_id
        .iter()
        .filter_map(|(&id, &(i, _))| Some((id, *target_of.get(standings.category(i)?)?)))
        .collect();
    for &i in placed {
        let Some(target) = standings.category_id(i).and_then(|c| target_by_id.get(&c)) else {
            continue;
        };
        if winners.binary_search(&i).is_err() {
            if let Some(g) = groups.get_mut(target) {
                g.runners.push(i);
            }
        }
    }

    let mut out: Vec<Podium> = groups
        .into_iter()
        .filter_map(|(name, mut g)| {
            let (depth, prizes) = settings(awards, name);
            let entries = ranked(standings, &g.runners, depth, prizes);
            if entries.is_empty() {
                return None;
            }
            crate::order::sort_by(&mut g.sources, |a, b| natural_cmp(a, b));
            Some(Podium {
                distance: d,
                group: PodiumGroup::Category(name.to_owned()),
                entries,
                small: min > 0 && g.finishers < min,
                merged: g.sources.into_iter().map(str::to_owned).collect(),
            })
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| natural_cmp(&group_name(a), &group_name(b)));
    out
}

fn group_name(p: &Podium) -> String {
    match &p.group {
        PodiumGroup::Category(c) => c.clone(),
        _ => String::new(),
    }
}

/// Competition places among `runners` (in overall order) by their overall place, down to
/// `depth`.
fn ranked(
    standings: &Standings,
    runners: &[usize],
    depth: u32,
    prizes: &[u64],
) -> Vec<PodiumEntry> {
    let mut entries = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    for (n, &i) in runners.iter().enumerate() {
        let Some(overall) = standings.placing(i).overall else {
            continue;
        };
        let place = match last {
            Some((o, p)) if o == overall => p,
            _ => n as u32 + 1,
        };
        if place > depth {
            break;
        }
        last = Some((overall, place));
        entries.push(PodiumEntry {
            place,
            runner: i,
            prize: prize(prizes, place),
        });
    }
    entries
}
