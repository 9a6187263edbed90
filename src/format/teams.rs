//! A distance's `teams`: who forms a team, how many score, how, and in which groups.
//! Every value that cannot be used is a `BadTeams` warning and its default applies.
use super::problems::{Kind, Problem};
use super::raw::{Entry, ListOf, RawTeamGroup, RawTeams, Scalar};
use super::values::{self, Notes};
use crate::domain::{TeamBy, TeamGroup, TeamGroupRule, TeamRules, TeamScoring, TieBreak};

/// Scorers per team; more than this is surely a typo.
const SCORERS: std::ops::RangeInclusive<u64> = 1..=100;
const MINIMUM: std::ops::RangeInclusive<u64> = 0..=100;

/// The values the format defines, as written in files (any letter case is read).
pub const TEAMS_BY: [&str; 2] = ["club", "team"];
pub const TEAM_SCORES: [&str; 2] = ["places", "times"];
pub const TIE_BREAKS: [&str; 2] = ["last_scorer", "none"];
pub const TEAM_GROUPS: [&str; 5] = ["overall", "M", "F", "X", "mixed"];

pub(crate) fn read_teams(raw: RawTeams<'_>, at: &str, notes: &mut Notes) -> TeamRules {
    let mut rules = TeamRules::default();
    let by = [("club", TeamBy::Club), ("team", TeamBy::Team)];
    if let Some(v) = keyword(raw.by, &format!("{at}.by"), &by, notes) {
        rules.by = v;
    }
    let score = [
        ("places", TeamScoring::Places),
        ("times", TeamScoring::Times),
    ];
    if let Some(v) = keyword(raw.score, &format!("{at}.score"), &score, notes) {
        rules.score = v;
    }
    let ties = [
        ("last_scorer", TieBreak::LastScorer),
        ("none", TieBreak::None),
    ];
    if let Some(v) = keyword(raw.tie_break, &format!("{at}.tie_break"), &ties, notes) {
        rules.tie_break = v;
    }
    if let Some(n) = count(raw.scorers, &format!("{at}.scorers"), SCORERS, notes) {
        rules.scorers = n;
    }
    let groups_field = format!("{at}.groups");
    let groups = match raw.groups {
        Some(ListOf::List(list)) => groups(list, &groups_field, rules.scorers, notes),
        Some(ListOf::Other(v)) => {
            if !v.is_blank() {
                notes.add(&groups_field, values::wrong(Kind::List, &v));
            }
            Vec::new()
        }
        None => Vec::new(),
    };
    // No usable group: the default, one overall standing.
    if !groups.is_empty() {
        rules.groups = groups;
    }
    rules
}

/// A keyword from `choices`, in any letter case; an unknown one is a warning.
fn keyword<T: Copy>(
    v: Option<Scalar<'_>>,
    field: &str,
    choices: &[(&str, T)],
    notes: &mut Notes,
) -> Option<T> {
    let word = values::word(v, field, notes)?;
    let found = choices
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(&word))
        .map(|&(_, value)| value);
    if found.is_none() {
        notes.add(field, Problem::BadTeams(values::quoted(&word)));
    }
    found
}

fn count(
    v: Option<Scalar<'_>>,
    field: &str,
    range: std::ops::RangeInclusive<u64>,
    notes: &mut Notes,
) -> Option<u32> {
    values::whole(v, field, range, Problem::BadTeams, notes).map(|n| n as u32)
}

fn groups(
    list: Vec<Entry<'_, RawTeamGroup<'_>>>,
    at: &str,
    scorers: u32,
    notes: &mut Notes,
) -> Vec<TeamGroupRule> {
    let mut out: Vec<TeamGroupRule> = Vec::with_capacity(list.len());
    for (j, entry) in list.into_iter().enumerate() {
        let at = format!("{at}[{j}]");
        let Some(raw) = values::list_entry(entry, &at, notes) else {
            continue;
        };
        if let Some(rule) = group(raw, &at, scorers, &out, notes) {
            out.push(rule);
        }
    }
    out
}

/// One group, or None (with a warning) when its id is missing, unknown or repeated.
fn group(
    raw: RawTeamGroup<'_>,
    at: &str,
    scorers: u32,
    earlier: &[TeamGroupRule],
    notes: &mut Notes,
) -> Option<TeamGroupRule> {
    let id_field = format!("{at}.id");
    let Some(id) = values::word(raw.id, &id_field, notes) else {
        notes.add(&id_field, Problem::BadTeams("id".into()));
        return None;
    };
    let kind = TEAM_GROUPS
        .iter()
        .find(|code| code.eq_ignore_ascii_case(&id))
        .and_then(|code| TeamGroup::from_code(code));
    let Some(kind) = kind.filter(|k| earlier.iter().all(|g| g.group != *k)) else {
        notes.add(&id_field, Problem::BadTeams(values::quoted(&id)));
        return None;
    };
    let mut rule = TeamGroupRule::new(kind);
    rule.scorers = count(raw.scorers, &format!("{at}.scorers"), SCORERS, notes);
    let women_field = format!("{at}.min_women");
    let men_field = format!("{at}.min_men");
    let women = count(raw.min_women, &women_field, MINIMUM, notes);
    let men = count(raw.min_men, &men_field, MINIMUM, notes);
    if let TeamGroup::Sex(_) = kind {
        // A men's or women's team is one sex by definition.
        for (n, field) in [(women, &women_field), (men, &men_field)] {
            if n.is_some_and(|n| n > 0) {
                notes.add(field, Problem::BadTeams(n.unwrap_or(0).to_string()));
            }
        }
        return Some(rule);
    }
    let (min_women, min_men) = (women.unwrap_or(rule.min_women), men.unwrap_or(rule.min_men));
    // Minimums that more than fill the team could never be met.
    let size = rule.scorers.unwrap_or(scorers);
    if min_women + min_men > size {
        let field = if women.is_some() {
            women_field
        } else {
            men_field
        };
        notes.add(&field, Problem::BadTeams((min_women + min_men).to_string()));
        if rule.min_women + rule.min_men > size {
            (rule.min_women, rule.min_men) = (0, 0);
        }
    } else {
        (rule.min_women, rule.min_men) = (min_women, min_men);
    }
    Some(rule)
}
