//! Relays: for each team of a relay distance, every leg's place and the running total.
//!
//! Rules:
//! - A leg's place is among every team of the distance with a time for that leg,
//!   whatever the team's final status (a team that later dropped out still ran it), as
//!   positions at splits are. Equal times share a place (1, 2, 2, 4).
//! - The running total after leg k is the sum of legs 1..=k, when each has a time; the
//!   position after leg k is among the teams with a total there.
//! - The team's own place is its place in the distance (`Standings`), not computed here.
use super::model::{RaceTime, Results};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegResult {
    /// 1-based: the contract's `data-leg`.
    pub leg: u32,
    /// The time of this leg alone.
    pub time: Option<RaceTime>,
    pub place: Option<u32>,
    /// The team's time after this leg.
    pub total: Option<RaceTime>,
    /// The team's position after this leg.
    pub total_place: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelayTeam {
    /// Row index into `Results::runners` (the team's row; its legs are `Runner::legs`).
    pub runner: usize,
    /// One per entry of the team's `legs`, in running order.
    pub legs: Vec<LegResult>,
}

/// Every team of relay `distance` with its legs, in file order; empty when the
/// distance is not a relay.
pub fn relay_legs(results: &Results, distance: usize) -> Vec<RelayTeam> {
    if !results.distances.get(distance).is_some_and(|d| d.relay) {
        return Vec::new();
    }
    let mut teams: Vec<RelayTeam> = results
        .runners
        .iter()
        .enumerate()
        .filter(|(_, r)| r.distance == Some(distance))
        .map(|(i, r)| {
            let mut total = Some(RaceTime(0));
            let legs = r
                .legs
                .iter()
                .zip(1..)
                .map(|(leg, n)| {
                    total = total
                        .zip(leg.time)
                        .map(|(sum, t)| RaceTime(sum.0.saturating_add(t.0)));
                    LegResult {
                        leg: n,
                        time: leg.time,
                        place: None,
                        total,
                        total_place: None,
                    }
                })
                .collect();
            RelayTeam { runner: i, legs }
        })
        .collect();
    let most_legs = teams.iter().map(|t| t.legs.len()).max().unwrap_or(0);
    for k in 0..most_legs {
        rank(&mut teams, k, |l| l.time, |l, p| l.place = p);
        rank(&mut teams, k, |l| l.total, |l, p| l.total_place = p);
    }
    teams
}

/// Competition places at leg `k` by the time `key` gives, written with `set`.
fn rank(
    teams: &mut [RelayTeam],
    k: usize,
    key: fn(&LegResult) -> Option<RaceTime>,
    set: fn(&mut LegResult, Option<u32>),
) {
    let mut timed: Vec<(RaceTime, usize)> = teams
        .iter()
        .enumerate()
        .filter_map(|(t, team)| Some((key(team.legs.get(k)?)?, t)))
        .collect();
    crate::order::sort(&mut timed);
    let mut last: Option<(RaceTime, u32)> = None;
    for (n, &(time, t)) in timed.iter().enumerate() {
        let place = match last {
            Some((lt, p)) if lt == time => p,
            _ => n as u32 + 1,
        };
        last = Some((time, place));
        set(&mut teams[t].legs[k], Some(place));
    }
}
