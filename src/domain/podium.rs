//! Podiums: the top places of each distance, by sex or overall, and per age category.
//!
//! Rules:
//! - A distance's `awards` decide (places, by sex or overall, prizes, categories); a
//!   distance without `awards` still gets podiums with the defaults (3 places, by sex,
//!   no prizes, no category podiums).
//! - Ties: every runner whose place in the group is <= `places` is on the podium, so a
//!   shared 3rd place shows both runners (and a podium may hold more than `places` people).
//! - Prize: the amount for a place is `prizes[place - 1]`; runners sharing a place each get
//!   that place's full amount (the places a tie skips pay nothing), which is the common
//!   rule and what the file can express without a split policy.
//! - Order: per distance in file order; M, F, X (or the overall podium), then category
//!   podiums in natural order. Only groups with at least one placed finisher appear.
//! - Award groups (`Awards::groups`) give one podium its own depth and prizes; a depth
//!   of 0 means no such podium.
//! - Category podiums, with `exclude_winners` and small categories: see `category_podiums`.
use super::category_podiums::category_podiums;
use super::model::{Awards, AwardsBy, Results, Sex};
use super::places::Standings;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PodiumGroup {
    Sex(Sex),
    Overall,
    Category(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PodiumEntry {
    /// The place within the podium's group.
    pub place: u32,
    /// Row index into `Results::runners`.
    pub runner: usize,
    pub prize: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Podium {
    /// Index into `Results::distances`.
    pub distance: usize,
    pub group: PodiumGroup,
    /// By place, then time, then bib.
    pub entries: Vec<PodiumEntry>,
    /// A category podium with fewer finishers than `Awards::min_finishers` (counting
    /// those merged into it): shown, but marked as small.
    pub small: bool,
    /// Small categories whose finishers are in this podium, in natural order.
    pub merged: Vec<String>,
}

/// The contract's `data-group` value: "M", "F", "X", "overall" or the category name.
pub fn group_code(group: &PodiumGroup) -> String {
    match group {
        PodiumGroup::Sex(s) => s.code().to_owned(),
        PodiumGroup::Overall => "overall".to_owned(),
        PodiumGroup::Category(c) => c.clone(),
    }
}

/// Every podium of the event, in display order.
pub fn podiums(results: &Results, standings: &Standings) -> Vec<Podium> {
    let mut out = Vec::new();
    for (d, distance) in results.distances.iter().enumerate() {
        let default = Awards::default();
        let awards = distance.awards.as_ref().unwrap_or(&default);
        let placed = standings.placed(d);
        // `placed` is in overall order, and group places follow it, so each group's
        // entries come out sorted by their group place too.
        let podium = |group: PodiumGroup, place_of: &dyn Fn(usize) -> Option<u32>| {
            let (depth, prizes) = settings(awards, &group_code(&group));
            let entries: Vec<PodiumEntry> = placed
                .iter()
                .filter_map(|&i| {
                    let place = place_of(i).filter(|&p| p <= depth)?;
                    Some(PodiumEntry {
                        place,
                        runner: i,
                        prize: prize(prizes, place),
                    })
                })
                .collect();
            (!entries.is_empty()).then_some(Podium {
                distance: d,
                group,
                entries,
                small: false,
                merged: Vec::new(),
            })
        };

        let first = out.len();
        match awards.by {
            AwardsBy::Overall => {
                out.extend(podium(PodiumGroup::Overall, &|i| {
                    standings.placing(i).overall
                }));
            }
            AwardsBy::Sex => {
                for sex in [Sex::M, Sex::F, Sex::X] {
                    out.extend(podium(PodiumGroup::Sex(sex), &|i| {
                        let r = results.runners.get(i)?;
                        (r.sex == Some(sex)).then_some(standings.placing(i).sex?)
                    }));
                }
            }
        }
        if awards.categories {
            let mut winners: Vec<usize> = Vec::new();
            if awards.exclude_winners {
                winners.extend(
                    out[first..]
                        .iter()
                        .flat_map(|p| p.entries.iter())
                        .map(|e| e.runner),
                );
                crate::order::sort(&mut winners);
            }
            out.extend(category_podiums(standings, d, awards, &winners));
        }
    }
    out
}

/// A podium's depth and prize list: its award group's, or the distance's.
pub(crate) fn settings<'a>(awards: &'a Awards, code: &str) -> (u32, &'a [u64]) {
    let group = awards.groups.iter().find(|g| g.id == code);
    let depth = group.and_then(|g| g.places).unwrap_or(awards.places);
    let prizes = group
        .and_then(|g| g.prizes.as_deref())
        .unwrap_or(&awards.prizes);
    (depth, prizes)
}

/// The amount for `place` (1-based), if the list has one.
pub(crate) fn prize(prizes: &[u64], place: u32) -> Option<u64> {
    let at = usize::try_from(place).ok()?.checked_sub(1)?;
    prizes.get(at).copied()
}
