//! Places: who finished where, overall, by sex and by age category, within each distance.
//!
//! Rules (contract, section 1):
//! - The ranking time is the distance's `ranking` time (chip or gun); a row without it uses
//!   the other one, and the fallback is remembered so the UI can say so.
//! - Only `finished` rows with a ranking time and a known distance get places.
//! - Equal times share a place, standard competition ranking: 1, 2, 2, 4.
//! - When every finisher of a distance carries an official place (>= 1), the overall places
//!   of that distance are the official ones; sex and category places then follow the order
//!   of the official places (equal official places share a place).
//! - Positions at splits count every runner of the distance with a time at that split,
//!   whatever their final status (a runner who later dropped out was still there).
//!   They are computed once here, for every distance, when the standings are built.
use std::collections::HashMap;

use super::categories::natural_cmp;
use super::model::{RaceTime, Ranking, Results, Runner, Sex, Status};

mod given;

/// A runner's places within their distance; None where they are not placed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Placing {
    pub overall: Option<u32>,
    pub sex: Option<u32>,
    pub category: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct RunnerStanding {
    time: Option<RaceTime>,
    fallback: bool,
    placing: Placing,
    /// The runner's distance when it is known.
    distance: Option<usize>,
    /// Index into `Standings::category_names` (the trimmed category), if any.
    category: Option<u32>,
    /// Index of the runner among the runners of its distance (row into `split_positions`).
    slot: u32,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct DistanceStanding {
    /// Every runner of the distance: placed ones by (place, time, bib), then the rest.
    order: Vec<usize>,
    placed: u32,
    by_sex: [u32; 3],
    /// (category id, placed finishers), sorted by id.
    by_category: Vec<(u32, u32)>,
    official: bool,
    split_count: usize,
    /// `split_positions[slot * split_count + split]`.
    split_positions: Vec<Option<u32>>,
    /// Counts over the whole file when these standings hold only some of its rows (a
    /// head or parts of results published in parts; see `given`).
    whole: Option<Box<WholeCounts>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct WholeCounts {
    placed: u32,
    by_sex: [u32; 3],
    by_category: Vec<(u32, u32)>,
}

/// Places and counts for every runner of one results file; built once per load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Standings {
    runners: Vec<RunnerStanding>,
    distances: Vec<DistanceStanding>,
    /// Runners whose distance is unknown, in bib order.
    unassigned: Vec<usize>,
    /// Category names as ranked (trimmed), interned once so ranking compares numbers.
    category_names: Vec<String>,
    category_ids: HashMap<String, u32>,
}

impl Standings {
    /// Number of runners (rows) these standings were computed for.
    pub fn len(&self) -> usize {
        self.runners.len()
    }

    pub fn is_empty(&self) -> bool {
        self.runners.is_empty()
    }

    /// The distance runner `i` is ranked in, when known.
    pub fn distance(&self, i: usize) -> Option<usize> {
        self.runners.get(i).and_then(|r| r.distance)
    }

    /// Places of runner `i` (row index); all None when not placed or out of range.
    pub fn placing(&self, i: usize) -> Placing {
        self.runners.get(i).map(|r| r.placing).unwrap_or_default()
    }

    /// The time runner `i` is ranked by (the distance's ranking time, or the other one
    /// as a fallback). Present whatever the status, so a DSQ row still shows its time.
    pub fn ranked_time(&self, i: usize) -> Option<RaceTime> {
        self.runners.get(i).and_then(|r| r.time)
    }

    /// True when runner `i` lacked the ranking time and the other time was used.
    pub fn used_fallback(&self, i: usize) -> bool {
        self.runners.get(i).is_some_and(|r| r.fallback)
    }

    /// Placed finishers of a distance (the "845" in "12 of 845").
    pub fn finishers(&self, distance: usize) -> u32 {
        self.distances
            .get(distance)
            .map_or(0, |d| d.whole.as_ref().map_or(d.placed, |w| w.placed))
    }

    pub fn finishers_by_sex(&self, distance: usize, sex: Sex) -> u32 {
        self.distances.get(distance).map_or(0, |d| {
            let by_sex = d.whole.as_ref().map_or(&d.by_sex, |w| &w.by_sex);
            by_sex[sex_slot(sex)]
        })
    }

    /// Placed finishers of a distance in a category (name compared after trimming).
    pub fn finishers_in_category(&self, distance: usize, category: &str) -> u32 {
        let (Some(d), Some(&id)) = (
            self.distances.get(distance),
            self.category_ids.get(category.trim()),
        ) else {
            return 0;
        };
        let by_category = d.whole.as_ref().map_or(&d.by_category, |w| &w.by_category);
        by_category
            .binary_search_by_key(&id, |&(c, _)| c)
            .map_or(0, |k| by_category[k].1)
    }

    /// The category runner `i` is ranked in: the row's category, trimmed; None when blank.
    pub fn category(&self, i: usize) -> Option<&str> {
        let id = self.runners.get(i)?.category?;
        self.category_names.get(id as usize).map(String::as_str)
    }

    /// A number per category name (same name, same number), for grouping without strings.
    pub(crate) fn category_id(&self, i: usize) -> Option<u32> {
        self.runners.get(i)?.category
    }

    /// Every runner of a distance for the list view: placed runners by place, then time,
    /// then bib; then the unplaced ones (finished without a time, DNF, DSQ, DNS), each
    /// group by time then bib. Bibs order numeric ones by value, then the others naturally.
    pub fn order(&self, distance: usize) -> &[usize] {
        self.distances.get(distance).map_or(&[], |d| &d.order[..])
    }

    /// The placed prefix of `order`: the finishers in finishing order.
    pub fn placed(&self, distance: usize) -> &[usize] {
        self.distances
            .get(distance)
            .map_or(&[], |d| &d.order[..d.placed as usize])
    }

    /// Runners whose distance is unknown (no place), in bib order.
    pub fn unassigned(&self) -> &[usize] {
        &self.unassigned
    }

    /// True when the overall places of the distance are the file's official places.
    pub fn uses_official_places(&self, distance: usize) -> bool {
        self.distances.get(distance).is_some_and(|d| d.official)
    }

    /// Runner `i`'s position at split `split` of their distance among every runner of that
    /// distance with a time there (ties share), or None without a time at that split.
    pub fn split_position(&self, i: usize, split: usize) -> Option<u32> {
        let r = self.runners.get(i)?;
        let d = self.distances.get(r.distance?)?;
        if split >= d.split_count {
            return None;
        }
        let at = r.slot as usize * d.split_count + split;
        d.split_positions.get(at).copied().flatten()
    }
}

/// Computes places, counts, finishing orders and split positions for every runner.
pub fn compute_standings(results: &Results) -> Standings {
    let n_dist = results.distances.len();
    let mut runners: Vec<RunnerStanding> = Vec::with_capacity(results.runners.len());
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_dist];
    let mut unassigned = Vec::new();
    let mut category_names: Vec<String> = Vec::new();
    let mut category_ids: HashMap<String, u32> = HashMap::new();

    for (i, r) in results.runners.iter().enumerate() {
        let known = r.distance.filter(|&d| d < n_dist);
        let ranking = known.map_or(Ranking::Chip, |d| results.distances[d].ranking);
        let (time, fallback) = ranking_time(r, ranking);
        let slot = match known {
            Some(d) => {
                members[d].push(i);
                members[d].len() as u32 - 1
            }
            None => {
                unassigned.push(i);
                0
            }
        };
        let category = category_of(r).map(|c| match category_ids.get(c) {
            Some(&id) => id,
            None => {
                let id = category_names.len() as u32;
                category_names.push(c.to_owned());
                category_ids.insert(c.to_owned(), id);
                id
            }
        });
        runners.push(RunnerStanding {
            time,
            fallback,
            placing: Placing::default(),
            distance: known,
            category,
            slot,
        });
    }

    let bib_ranks: Vec<u64> = results.runners.iter().map(|r| bib_rank(&r.bib)).collect();
    let mut ranks = Ranker {
        rows: &results.runners,
        bib_ranks: &bib_ranks,
        categories: (0..category_names.len())
            .map(|_| GroupRank::default())
            .collect(),
    };
    let distances = members
        .into_iter()
        .enumerate()
        .map(|(d, list)| {
            let split_count = results.distances[d].splits.len();
            ranks.place_distance(&mut runners, list, split_count)
        })
        .collect();
    let unassigned = ranks.sorted(unassigned.into_iter().map(|i| (0, 0, i)).collect());

    Standings {
        runners,
        distances,
        unassigned,
        category_names,
        category_ids,
    }
}

/// The row's time for `ranking`, or the other time with the fallback flag set.
fn ranking_time(r: &Runner, ranking: Ranking) -> (Option<RaceTime>, bool) {
    let (wanted, other) = match ranking {
        Ranking::Chip => (r.chip_time, r.gun_time),
        Ranking::Gun => (r.gun_time, r.chip_time),
    };
    match (wanted, other) {
        (Some(t), _) => (Some(t), false),
        (None, Some(t)) => (Some(t), true),
        (None, None) => (None, false),
    }
}

fn sex_slot(sex: Sex) -> usize {
    match sex {
        Sex::M => 0,
        Sex::F => 1,
        Sex::X => 2,
    }
}

/// Competition ranking within one group: the n-th member gets place n unless its key
/// equals the previous member's, in which case it shares that place.
#[derive(Default)]
struct GroupRank {
    seen: u32,
    last: Option<(u64, u32)>,
}

impl GroupRank {
    fn next(&mut self, key: u64) -> u32 {
        self.seen += 1;
        let place = match self.last {
            Some((k, p)) if k == key => p,
            _ => self.seen,
        };
        self.last = Some((key, place));
        place
    }
}

/// A bib's number when it is all digits (most are), else u64::MAX: a cheap first key for
/// ordering tied runners, with the natural order of the text only for the rest.
fn bib_rank(bib: &str) -> u64 {
    let b = bib.as_bytes();
    if b.is_empty() || b.len() > 19 || !b.iter().all(u8::is_ascii_digit) {
        return u64::MAX;
    }
    b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0'))
}

/// What placing needs across distances; the category counters are reused, reset after
/// each distance, so there is one per category name rather than per distance.
struct Ranker<'a> {
    rows: &'a [Runner],
    bib_ranks: &'a [u64],
    categories: Vec<GroupRank>,
}

impl Ranker<'_> {
    /// Runners sorted by (first, second, bib, row): compact triples sort fast, and bibs
    /// (numbers first, by value, then other bibs in natural order) only break exact ties.
    fn sorted(&self, mut list: Vec<(u64, u64, usize)>) -> Vec<usize> {
        crate::order::sort_by(&mut list, |a, b| {
            (a.0, a.1, self.bib_ranks[a.2])
                .cmp(&(b.0, b.1, self.bib_ranks[b.2]))
                .then_with(|| natural_cmp(&self.rows[a.2].bib, &self.rows[b.2].bib))
                .then(a.2.cmp(&b.2))
        });
        list.into_iter().map(|(_, _, i)| i).collect()
    }

    fn place_distance(
        &mut self,
        standings: &mut [RunnerStanding],
        members: Vec<usize>,
        split_count: usize,
    ) -> DistanceStanding {
        let rows = self.rows;
        let time_key = |i: usize| standings[i].time.map_or(u64::MAX, |t| u64::from(t.0));
        let (placed, rest): (Vec<usize>, Vec<usize>) = members
            .iter()
            .partition(|&&i| rows[i].status == Status::Finished && standings[i].time.is_some());

        let official = !placed.is_empty()
            && placed
                .iter()
                .all(|&i| rows[i].official_place.is_some_and(|p| p >= 1));
        // Places are ranked by the official place, or else by the time in ms.
        let key = |i: usize| -> u64 {
            match rows[i].official_place {
                Some(p) if official => u64::from(p),
                _ => time_key(i),
            }
        };
        let placed = self.sorted(placed.iter().map(|&i| (key(i), time_key(i), i)).collect());
        let rest = self.sorted(
            rest.iter()
                .map(|&i| (status_rank(&rows[i]), time_key(i), i))
                .collect(),
        );
        let keys: Vec<u64> = placed.iter().map(|&i| key(i)).collect();

        let mut overall = GroupRank::default();
        let mut sexes: [GroupRank; 3] = Default::default();
        let mut touched: Vec<u32> = Vec::new();
        for (&i, &k) in placed.iter().zip(&keys) {
            let overall_place = overall.next(k);
            let sex = rows[i].sex.map(|s| sexes[sex_slot(s)].next(k));
            let category = standings[i].category.and_then(|c| {
                let group = self.categories.get_mut(c as usize)?;
                if group.seen == 0 {
                    touched.push(c);
                }
                Some(group.next(k))
            });
            standings[i].placing = Placing {
                // In official mode the key is the official place itself (fits u32).
                overall: Some(if official { k as u32 } else { overall_place }),
                sex,
                category,
            };
        }
        crate::order::sort(&mut touched);
        let by_category = touched
            .into_iter()
            .map(|c| {
                let group = std::mem::take(&mut self.categories[c as usize]);
                (c, group.seen)
            })
            .collect();

        let split_positions = split_positions(rows, &members, split_count);
        let placed_count = placed.len() as u32;
        let mut order = placed;
        order.extend(rest);
        DistanceStanding {
            order,
            placed: placed_count,
            by_sex: [0, 1, 2].map(|s| sexes[s].seen),
            by_category,
            official,
            split_count,
            split_positions,
            whole: None,
        }
    }
}

fn category_of(r: &Runner) -> Option<&str> {
    r.category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// Unplaced rows in the list: finished (but no time) first, then DNF, DSQ, DNS.
fn status_rank(r: &Runner) -> u64 {
    match r.status {
        Status::Finished => 0,
        Status::Dnf => 1,
        Status::Dsq => 2,
        Status::Dns => 3,
    }
}

/// Positions at each split, one sort per split: `[slot * split_count + split]`.
fn split_positions(rows: &[Runner], members: &[usize], split_count: usize) -> Vec<Option<u32>> {
    let mut out = vec![None; members.len() * split_count];
    // (time, slot) packed in one u64, so this sort, the hottest of a load (every runner
    // at every split), is std's plain integer sort.
    let mut at_split: Vec<u64> = Vec::with_capacity(members.len());
    for s in 0..split_count {
        at_split.clear();
        for (slot, &i) in members.iter().enumerate() {
            if let Some(Some(t)) = rows[i].splits.get(s) {
                at_split.push(u64::from(t.0) << 32 | slot as u64);
            }
        }
        at_split.sort_unstable();
        let mut rank = GroupRank::default();
        for &packed in &at_split {
            let (t, slot) = (packed >> 32, packed as u32);
            out[slot as usize * split_count + s] = Some(rank.next(t));
        }
    }
    out
}
