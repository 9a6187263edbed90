//! The results of one event as the viewer holds them after parsing: plain data, no rules.
//! Rows the file got wrong are still here (flagged in the warnings), so nothing is lost.
pub use super::team_rules::*;

/// A race time in milliseconds; u32 covers 49 days, far past any ultra.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RaceTime(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    M,
    F,
    X,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::M => "M",
            Sex::F => "F",
            Sex::X => "X",
        }
    }
    pub fn from_code(s: &str) -> Option<Sex> {
        match s.trim().to_ascii_uppercase().as_str() {
            "M" => Some(Sex::M),
            "F" | "W" => Some(Sex::F),
            "X" => Some(Sex::X),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Finished,
    Dnf,
    Dns,
    Dsq,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Finished => "finished",
            Status::Dnf => "dnf",
            Status::Dns => "dns",
            Status::Dsq => "dsq",
        }
    }
}

/// Which time places are computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Ranking {
    #[default]
    Chip,
    Gun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AwardsBy {
    #[default]
    Sex,
    Overall,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Awards {
    pub places: u32,
    pub by: AwardsBy,
    /// Amounts for places 1..n in the event currency, the same for each group.
    pub prizes: Vec<u64>,
    pub categories: bool,
    /// Runners on a main podium (by sex, or overall) are left out of category podiums,
    /// which then go to the next finishers of the category. Default false.
    pub exclude_winners: bool,
    /// A category with fewer placed finishers than this is small: merged where its
    /// group says `merge_into`, otherwise flagged. 0 (default): no category is small.
    pub min_finishers: u32,
    /// Settings for single podiums, in file order; groups not listed use the above.
    pub groups: Vec<GroupAwards>,
}

impl Default for Awards {
    fn default() -> Self {
        Awards {
            places: 3,
            by: AwardsBy::Sex,
            prizes: Vec::new(),
            categories: false,
            exclude_winners: false,
            min_finishers: 0,
            groups: Vec::new(),
        }
    }
}

/// One podium's own settings, by the podium's group code: "M", "F", "X", "overall" or
/// a category name.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct GroupAwards {
    pub id: String,
    /// This podium's depth instead of `Awards::places`.
    pub places: Option<u32>,
    /// This podium's prize amounts instead of `Awards::prizes`.
    pub prizes: Option<Vec<u64>>,
    /// For a small category: the category whose podium its finishers join.
    pub merge_into: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SplitDef {
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Distance {
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
    /// As written: a local time of day or an RFC 3339 timestamp.
    pub start: Option<String>,
    pub ranking: Ranking,
    /// In course order.
    pub splits: Vec<SplitDef>,
    pub awards: Option<Awards>,
    /// Team scoring rules; None when the distance has no team standings.
    pub teams: Option<TeamRules>,
    /// Each result of a relay distance is a team, with its `legs`.
    pub relay: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EventStatus {
    #[default]
    Official,
    Provisional,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Event {
    pub name: String,
    /// ISO date "YYYY-MM-DD" as written (validated).
    pub date: Option<String>,
    pub place: Option<String>,
    pub utc_offset: Option<String>,
    pub currency: Option<String>,
    pub status: EventStatus,
    pub updated: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Runner {
    pub bib: String,
    pub name: String,
    pub sex: Option<Sex>,
    pub birth_year: Option<u16>,
    pub age: Option<u16>,
    pub category: Option<String>,
    pub club: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// Index into `Results::distances`; None when the row names no known distance.
    pub distance: Option<usize>,
    /// The distance id exactly as the row wrote it (shown when it is unknown).
    pub distance_id: String,
    pub status: Status,
    pub chip_time: Option<RaceTime>,
    pub gun_time: Option<RaceTime>,
    /// Cumulative split times, aligned with the distance's `splits`.
    pub splits: Vec<Option<RaceTime>>,
    /// Official overall place from the file, if given.
    pub official_place: Option<u32>,
    /// The team the runner scores for when a distance forms teams by `team` (the club
    /// is the other choice).
    pub team: Option<String>,
    /// Started and not finished yet: status "started", or no status with split times
    /// and no finish time. `status` is then Dns, as it was before this field existed.
    pub on_course: bool,
    /// A relay team's legs in running order; empty outside relay distances.
    pub legs: Vec<Leg>,
}

/// One leg of a relay team: who ran it and the leg's own time (not cumulative).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Leg {
    pub name: String,
    pub bib: Option<String>,
    pub sex: Option<Sex>,
    pub time: Option<RaceTime>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Results {
    pub event: Event,
    pub distances: Vec<Distance>,
    /// In file order: index i is row i of the file's `results`.
    pub runners: Vec<Runner>,
    /// Age-grading tables the file carries; None: no grades are shown.
    pub age_grading: Option<AgeGrading>,
}

/// Age-grading tables as the file gives them (for example the road age factors an
/// organizer grades by). The viewer ships no table of its own: the numbers are the
/// organizer's, and `source` names them on screen.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AgeGrading {
    pub source: String,
    pub tables: Vec<AgeTable>,
}

/// One distance and sex of an age-grading table.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeTable {
    pub km: f64,
    pub sex: Sex,
    /// The open-class standard: the best time at any age.
    pub open: RaceTime,
    /// The age of `factors[0]`; one factor per year of age after it.
    pub first_age: u16,
    /// Age factors in (0, 1]: a runner's time times the factor is the age-graded time.
    pub factors: Vec<f64>,
}
