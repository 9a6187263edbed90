//! A distance's team scoring rules as the file gives them (`distances[].teams`); the
//! standings they produce are computed in `teams`.
use super::model::Sex;

/// Which runner field names the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TeamBy {
    #[default]
    Club,
    Team,
}

/// What a team's score adds up: its scorers' places (lowest wins) or their times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TeamScoring {
    #[default]
    Places,
    Times,
}

/// How teams with the same score are told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TieBreak {
    /// The team whose last scorer finished better (lower place, or faster time) is ahead.
    #[default]
    LastScorer,
    /// Equal scores share a place.
    None,
}

/// Whose finishers a team standing counts; the contract's `data-group` value is `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TeamGroup {
    /// Every finisher of the team.
    Overall,
    /// Only the team's finishers of this sex; places are places within the sex.
    Sex(Sex),
    /// Every finisher, with at least `min_women` women and `min_men` men among the scorers.
    Mixed,
}

impl TeamGroup {
    /// "overall", "M", "F", "X" or "mixed", as written in the file and in `data-group`.
    pub fn code(self) -> &'static str {
        match self {
            TeamGroup::Overall => "overall",
            TeamGroup::Sex(s) => s.code(),
            TeamGroup::Mixed => "mixed",
        }
    }

    pub fn from_code(code: &str) -> Option<TeamGroup> {
        match code {
            "overall" => Some(TeamGroup::Overall),
            "mixed" => Some(TeamGroup::Mixed),
            "M" => Some(TeamGroup::Sex(Sex::M)),
            "F" => Some(TeamGroup::Sex(Sex::F)),
            "X" => Some(TeamGroup::Sex(Sex::X)),
            _ => None,
        }
    }

    /// A mixed team has a woman and a man unless the file says otherwise.
    pub fn default_min(self) -> u32 {
        match self {
            TeamGroup::Mixed => 1,
            _ => 0,
        }
    }
}

/// One team standing to compute on the distance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamGroupRule {
    pub group: TeamGroup,
    /// Scorers for this group instead of `TeamRules::scorers`.
    pub scorers: Option<u32>,
    pub min_women: u32,
    pub min_men: u32,
}

impl TeamGroupRule {
    /// The group with its default minimums.
    pub fn new(group: TeamGroup) -> TeamGroupRule {
        TeamGroupRule {
            group,
            scorers: None,
            min_women: group.default_min(),
            min_men: group.default_min(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamRules {
    pub by: TeamBy,
    /// How many finishers of a team score (default 3).
    pub scorers: u32,
    pub score: TeamScoring,
    pub tie_break: TieBreak,
    /// At least one; one overall standing when the file lists none.
    pub groups: Vec<TeamGroupRule>,
}

impl Default for TeamRules {
    fn default() -> Self {
        TeamRules {
            by: TeamBy::Club,
            scorers: 3,
            score: TeamScoring::Places,
            tie_break: TieBreak::LastScorer,
            groups: vec![TeamGroupRule::new(TeamGroup::Overall)],
        }
    }
}
