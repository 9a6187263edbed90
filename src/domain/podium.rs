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
use std::collections::HashMap;

use super::categories::natural_cmp;
use super::model::{AwardsBy, Results, Sex};
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
        let awards = distance.awards.clone().unwrap_or_default();
        if awards.places == 0 {
            continue;
        }
        let placed = standings.placed(d);
        let prize = |place: u32| {
            let at = usize::try_from(place).ok()?.checked_sub(1)?;
            awards.prizes.get(at).copied()
        };
        // `placed` is in overall order, and group places follow it, so each group's
        // entries come out sorted by their group place too.
        let podium = |group: PodiumGroup, place_of: &dyn Fn(usize) -> Option<u32>| {
            let entries: Vec<PodiumEntry> = placed
                .iter()
                .filter_map(|&i| {
                    let place = place_of(i).filter(|&p| p <= awards.places)?;
                    Some(PodiumEntry {
                        place,
                        runner: i,
                        prize: prize(place),
                    })
                })
                .collect();
            (!entries.is_empty()).then_some(Podium {
                distance: d,
                group,
                entries,
            })
        };

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
            // One pass over the finishers, grouped by category; then natural order.
            let mut groups: HashMap<u32, Vec<PodiumEntry>> = HashMap::new();
            for &i in placed {
                let (Some(id), Some(place)) =
                    (standings.category_id(i), standings.placing(i).category)
                else {
                    continue;
                };
                if place <= awards.places {
                    groups.entry(id).or_default().push(PodiumEntry {
                        place,
                        runner: i,
                        prize: prize(place),
                    });
                }
            }
            let mut groups: Vec<(&str, Vec<PodiumEntry>)> = groups
                .into_values()
                .filter_map(|entries| Some((standings.category(entries.first()?.runner)?, entries)))
                .collect();
            groups.sort_unstable_by(|a, b| natural_cmp(a.0, b.0));
            out.extend(groups.into_iter().map(|(name, entries)| Podium {
                distance: d,
                group: PodiumGroup::Category(name.to_owned()),
                entries,
            }));
        }
    }
    out
}
