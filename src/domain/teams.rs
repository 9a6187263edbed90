//! Team standings: per distance with `teams` rules, one table per group.
//!
//! Rules:
//! - A team is every runner of the distance with the same club (or `team`, as the rules
//!   say), written the same after trimming; a runner without one is on no team.
//! - Only placed finishers count. In a men's, women's or X group only that sex counts,
//!   and the place that scores is the place within the sex; in the overall and mixed
//!   groups it is the overall place in the distance. With `score: times` the ranking
//!   time counts instead (the distance's chip or gun time).
//! - The best `scorers` finishers score; in a group with minimums the best `min_women`
//!   women and `min_men` men score first and the best of the rest fill the team (which
//!   gives the lowest score any choice meeting the minimums can give). The others are
//!   listed as non-scorers.
//! - Lowest score first. Equal scores: with `last_scorer`, the team whose last scorer
//!   did better is ahead; still equal (or with `none`), the teams share the place
//!   (1, 2, 2, 4) and are listed by name.
//! - A team that cannot field enough scorers is incomplete: listed after the placed
//!   teams, without place or score, most finishers first, then by name.
//! - Tables come per distance in file order, groups in the order the rules list them;
//!   a group without any team is left out.
use std::collections::HashMap;

use super::categories::natural_cmp;
use super::model::{RaceTime, Results, Sex};
use super::places::Standings;
use super::team_rules::{TeamBy, TeamGroup, TeamGroupRule, TeamRules, TeamScoring, TieBreak};

/// A finisher of a team, with what they count for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamMember {
    /// Row index into `Results::runners`.
    pub runner: usize,
    /// The place that scores: within the sex in a sex group, else overall in the distance.
    pub place: u32,
    /// The runner's ranking time.
    pub time: RaceTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamScore {
    /// The sum of the scorers' places.
    Places(u32),
    /// The sum of the scorers' times.
    Time(RaceTime),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamStanding {
    /// As written in the runners' club (or team) field, trimmed.
    pub name: String,
    /// None for an incomplete team.
    pub place: Option<u32>,
    /// None for an incomplete team.
    pub score: Option<TeamScore>,
    /// Best first; empty for an incomplete team.
    pub scorers: Vec<TeamMember>,
    /// The team's other finishers in the group, best first (all of them when incomplete).
    pub others: Vec<TeamMember>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamTable {
    /// Index into `Results::distances`.
    pub distance: usize,
    /// `group.code()` is the contract's `data-group`.
    pub group: TeamGroup,
    pub scoring: TeamScoring,
    /// How many finishers score in this group.
    pub scorers: u32,
    /// Placed teams by place (then name), then the incomplete ones.
    pub teams: Vec<TeamStanding>,
}

/// Every team table of the event, in display order.
pub fn team_standings(results: &Results, standings: &Standings) -> Vec<TeamTable> {
    (0..results.distances.len())
        .flat_map(|d| distance_teams(results, standings, d))
        .collect()
}

/// The team tables of one distance; none when it has no team rules.
pub fn distance_teams(results: &Results, standings: &Standings, distance: usize) -> Vec<TeamTable> {
    let Some(rules) = results
        .distances
        .get(distance)
        .and_then(|d| d.teams.as_ref())
    else {
        return Vec::new();
    };
    rules
        .groups
        .iter()
        .map(|group| table(results, standings, distance, rules, group))
        .filter(|t| !t.teams.is_empty())
        .collect()
}

fn table(
    results: &Results,
    standings: &Standings,
    distance: usize,
    rules: &TeamRules,
    rule: &TeamGroupRule,
) -> TeamTable {
    let scorers = rule.scorers.unwrap_or(rules.scorers);
    let value = |m: &TeamMember| match rules.score {
        TeamScoring::Places => u64::from(m.place),
        TeamScoring::Times => u64::from(m.time.0),
    };
    let mut placed = Vec::new();
    let mut incomplete = Vec::new();
    for (name, mut members) in members(results, standings, distance, rules.by, rule.group) {
        // By what scores; the finishing order (the runner's row as a last resort) for ties.
        crate::order::sort_by_key(&mut members, |m| (value(m), m.place, m.runner));
        match pick(results, &members, scorers, rule) {
            Some((scoring, others)) => {
                let sum: u64 = scoring.iter().map(value).sum();
                let last = scoring.last().map_or(0, value);
                placed.push((sum, last, name, scoring, others));
            }
            None => incomplete.push((name, members)),
        }
    }
    let tie_key = |last: u64| match rules.tie_break {
        TieBreak::LastScorer => last,
        TieBreak::None => 0,
    };
    crate::order::sort_by(&mut placed, |a, b| {
        (a.0, tie_key(a.1))
            .cmp(&(b.0, tie_key(b.1)))
            .then_with(|| natural_cmp(&a.2, &b.2))
    });
    let mut teams = Vec::with_capacity(placed.len() + incomplete.len());
    let mut previous: Option<((u64, u64), u32)> = None;
    for (n, (sum, last, name, scorers, others)) in placed.into_iter().enumerate() {
        let key = (sum, tie_key(last));
        let place = match previous {
            Some((k, p)) if k == key => p,
            _ => n as u32 + 1,
        };
        previous = Some((key, place));
        let score = match rules.score {
            TeamScoring::Places => TeamScore::Places(u32::try_from(sum).unwrap_or(u32::MAX)),
            TeamScoring::Times => TeamScore::Time(RaceTime(u32::try_from(sum).unwrap_or(u32::MAX))),
        };
        teams.push(TeamStanding {
            name,
            place: Some(place),
            score: Some(score),
            scorers,
            others,
        });
    }
    crate::order::sort_by(&mut incomplete, |a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then_with(|| natural_cmp(&a.0, &b.0))
    });
    teams.extend(incomplete.into_iter().map(|(name, others)| TeamStanding {
        name,
        place: None,
        score: None,
        scorers: Vec::new(),
        others,
    }));
    TeamTable {
        distance,
        group: rule.group,
        scoring: rules.score,
        scorers,
        teams,
    }
}

/// The placed finishers of the distance in the group, by team name.
fn members(
    results: &Results,
    standings: &Standings,
    distance: usize,
    by: TeamBy,
    group: TeamGroup,
) -> HashMap<String, Vec<TeamMember>> {
    let mut teams: HashMap<String, Vec<TeamMember>> = HashMap::new();
    for &i in standings.placed(distance) {
        let Some(r) = results.runners.get(i) else {
            continue;
        };
        let name = match by {
            TeamBy::Club => r.club.as_deref(),
            TeamBy::Team => r.team.as_deref(),
        };
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        let placing = standings.placing(i);
        let place = match group {
            TeamGroup::Sex(s) if r.sex != Some(s) => continue,
            TeamGroup::Sex(_) => placing.sex,
            TeamGroup::Overall | TeamGroup::Mixed => placing.overall,
        };
        let (Some(place), Some(time)) = (place, standings.ranked_time(i)) else {
            continue;
        };
        teams.entry(name.to_owned()).or_default().push(TeamMember {
            runner: i,
            place,
            time,
        });
    }
    teams
}

/// The scorers and the others, both in `members` order (best first); None when the
/// team cannot field `scorers` finishers meeting the group's minimums.
fn pick(
    results: &Results,
    members: &[TeamMember],
    scorers: u32,
    rule: &TeamGroupRule,
) -> Option<(Vec<TeamMember>, Vec<TeamMember>)> {
    let scorers = scorers as usize;
    if members.len() < scorers {
        return None;
    }
    let sex = |m: &TeamMember| results.runners.get(m.runner).and_then(|r| r.sex);
    let mut chosen = vec![false; members.len()];
    for (wanted, min) in [(Sex::F, rule.min_women), (Sex::M, rule.min_men)] {
        let mut need = min as usize;
        for (k, m) in members.iter().enumerate() {
            if need == 0 {
                break;
            }
            if sex(m) == Some(wanted) {
                chosen[k] = true;
                need -= 1;
            }
        }
        if need > 0 {
            return None;
        }
    }
    let mut free = scorers.checked_sub(chosen.iter().filter(|c| **c).count())?;
    for c in chosen.iter_mut() {
        if free == 0 {
            break;
        }
        if !*c {
            *c = true;
            free -= 1;
        }
    }
    let (scoring, others): (Vec<_>, Vec<_>) = members.iter().zip(&chosen).partition(|(_, c)| **c);
    let unzip = |v: Vec<(&TeamMember, &bool)>| v.into_iter().map(|(m, _)| *m).collect();
    Some((unzip(scoring), unzip(others)))
}
