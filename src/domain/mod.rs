//! The race's world: results, times, places, podiums. No browser, no UI.
pub mod age_grade;
pub mod categories;
mod category_podiums;
pub mod model;
pub mod on_course;
pub mod places;
pub mod podium;
pub mod relay;
pub mod stats;
pub mod team_rules;
pub mod teams;
pub mod time;

pub use age_grade::{age_grade, age_on_race_day, AgeGrade, NoGrade};
pub use categories::{categories, natural_cmp};
pub use model::*;
pub use on_course::{last_split, on_course, on_course_count, LastSplit, OnCourse};
pub use places::{compute_standings, Placing, Standings};
pub use podium::{group_code, podiums, Podium, PodiumEntry, PodiumGroup};
pub use relay::{relay_legs, LegResult, RelayTeam};
pub use stats::{histogram, share_beaten, split_rows, Histogram, SplitRow};
pub use teams::{distance_teams, team_standings, TeamMember, TeamScore, TeamStanding, TeamTable};
