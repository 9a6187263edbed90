//! The fields format v1 grew after its first release (team standings, relays, award
//! groups, runners on the course): how they are read, what is warned, and that they
//! survive a round trip through `to_json`.
use race_results::domain::{
    GroupAwards, Leg, RaceTime, Sex, Status, TeamBy, TeamGroup, TeamGroupRule, TeamRules,
    TeamScoring, TieBreak,
};
use race_results::format::{
    parse_results, to_json, Kind, Loaded, Problem, TEAMS_BY, TEAM_GROUPS, TEAM_SCORES, TIE_BREAKS,
};
use std::path::Path;

fn loads(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/format")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_results(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

type Seen = (Option<usize>, String, Problem);

fn warnings(l: &Loaded) -> Vec<Seen> {
    l.warnings
        .iter()
        .map(|w| (w.row, w.field.clone(), w.problem.clone()))
        .collect()
}

fn file_w(field: &str, problem: Problem) -> Seen {
    (None, field.to_string(), problem)
}

fn row_w(row: usize, field: &str, problem: Problem) -> Seen {
    (Some(row), field.to_string(), problem)
}

fn time(text: &str) -> Option<RaceTime> {
    race_results::domain::time::parse_time(text).ok()
}

/// What was read is written and read back the same, warnings and all.
fn round_trips(l: &Loaded) {
    let written = serde_json::to_vec(&to_json(&l.results)).expect("serializes");
    let again = parse_results(&written).expect("reads back");
    assert_eq!(again.results, l.results);
}

#[test]
fn team_rules_are_read() {
    let l = loads("teams.json");
    assert_eq!(warnings(&l), vec![]);
    let d = &l.results.distances;
    let mixed = TeamGroupRule {
        min_women: 1,
        min_men: 1,
        ..TeamGroupRule::new(TeamGroup::Mixed)
    };
    let women = TeamGroupRule {
        scorers: Some(2),
        ..TeamGroupRule::new(TeamGroup::Sex(Sex::F))
    };
    assert_eq!(
        d[0].teams,
        Some(TeamRules {
            by: TeamBy::Club,
            scorers: 3,
            score: TeamScoring::Places,
            tie_break: TieBreak::LastScorer,
            groups: vec![TeamGroupRule::new(TeamGroup::Sex(Sex::M)), women, mixed],
        })
    );
    assert_eq!(
        d[1].teams,
        Some(TeamRules {
            by: TeamBy::Team,
            scorers: 2,
            score: TeamScoring::Times,
            tie_break: TieBreak::None,
            ..TeamRules::default()
        })
    );
    let r = &l.results.runners;
    assert_eq!(r[11].team.as_deref(), Some("KazBank"));
    assert_eq!(r[11].club.as_deref(), Some("Almaty Runners"));
    round_trips(&l);
}

#[test]
fn team_standings_from_a_file() {
    use race_results::domain::{compute_standings, team_standings, TeamScore};
    let l = loads("teams.json");
    let s = compute_standings(&l.results);
    let tables = team_standings(&l.results, &s);
    type Team = (String, Option<u32>, Option<TeamScore>);
    let summary: Vec<(String, &str, Vec<Team>)> = tables
        .iter()
        .map(|t| {
            let teams = t
                .teams
                .iter()
                .map(|x| (x.name.clone(), x.place, x.score))
                .collect();
            (
                l.results.distances[t.distance].id.clone(),
                t.group.code(),
                teams,
            )
        })
        .collect();
    let team = |n: &str, p: Option<u32>, sc: Option<TeamScore>| (n.to_string(), p, sc);
    use TeamScore::{Places, Time};
    assert_eq!(
        summary,
        [
            // Men's places: 1 Arman, 2 Daulet, 3 Yerlan, 4 Ruslan, 5 Nurlan, 6 Timur.
            (
                "6k".to_string(),
                "M",
                vec![
                    team("Almaty Runners", Some(1), Some(Places(10))),
                    team("Tulpar", Some(2), Some(Places(11))),
                ]
            ),
            // Women's places: 1 Aigerim, 2 Madina, 3 Aliya, 4 Zhanna (no club).
            (
                "6k".to_string(),
                "F",
                vec![
                    team("Almaty Runners", Some(1), Some(Places(4))),
                    team("Tulpar", None, None),
                ]
            ),
            // Overall places 1..9; Almaty 1 (M), 3 (F), 4 (M); Tulpar 2, 5, 6 (F).
            (
                "6k".to_string(),
                "mixed",
                vec![
                    team("Almaty Runners", Some(1), Some(Places(8))),
                    team("Tulpar", Some(2), Some(Places(13))),
                ]
            ),
            (
                "3k".to_string(),
                "overall",
                vec![
                    // The same time and "tie_break": "none": a shared place, by name.
                    team("KazBank", Some(1), Some(Time(time("23:15").unwrap()))),
                    team(
                        "Steppe Telecom",
                        Some(1),
                        Some(Time(time("23:15").unwrap()))
                    ),
                    team("Nomad Logistics", None, None),
                ]
            ),
        ]
    );
}

#[test]
fn relay_legs_are_read_and_a_team_time_comes_from_them() {
    let l = loads("relay.json");
    assert_eq!(warnings(&l), vec![]);
    assert!(l.results.distances[0].relay);
    let r = &l.results.runners;
    assert_eq!(
        r[0].legs[0],
        Leg {
            name: "Daulet Omarov".into(),
            bib: Some("10-1".into()),
            sex: Some(Sex::M),
            time: time("17:10"),
        }
    );
    // No team time: the sum of the legs, as the distance's ranking (gun) time.
    assert_eq!((r[1].gun_time, r[1].chip_time), (time("53:00"), None));
    assert_eq!(r[1].status, Status::Finished);
    assert_eq!(r[2].legs.len(), 2);
    assert_eq!((r[2].legs[1].time, r[2].gun_time), (None, None));
    round_trips(&l);
}

#[test]
fn runners_on_the_course() {
    let l = loads("live.json");
    assert_eq!(warnings(&l), vec![]);
    let got: Vec<(&str, Status, bool)> = l
        .results
        .runners
        .iter()
        .map(|r| (r.bib.as_str(), r.status, r.on_course))
        .collect();
    use Status::{Dnf, Dns, Finished};
    assert_eq!(
        got,
        [
            ("1", Finished, false),
            ("2", Dns, true),       // "started"
            ("3", Dns, true),       // no status, splits, no finish time
            ("4", Dnf, false),      // said so
            ("5", Dns, true),       // "started", no split yet
            ("6", Dns, false),      // nothing at all: did not start
            ("7", Dns, false),      // said so, whatever the splits
            ("8", Finished, false), // "started" with a finish time: finished
            ("9", Dns, true),
        ]
    );
    round_trips(&l);
}

#[test]
fn award_rules_are_read() {
    let l = loads("awards_rules.json");
    assert_eq!(warnings(&l), vec![]);
    let a = l.results.distances[0].awards.as_ref().expect("awards");
    assert!(a.exclude_winners && a.categories);
    assert_eq!((a.places, a.min_finishers), (2, 2));
    assert_eq!(
        a.groups,
        [
            GroupAwards {
                id: "F".into(),
                places: Some(3),
                prizes: Some(vec![300, 200, 100]),
                merge_into: None,
            },
            GroupAwards {
                id: "M40".into(),
                places: Some(1),
                prizes: Some(vec![50]),
                merge_into: None,
            },
            GroupAwards {
                id: "M70".into(),
                places: None,
                prizes: None,
                merge_into: Some("M60".into()),
            },
        ]
    );
    round_trips(&l);
}

#[test]
fn settings_that_cannot_be_used_are_warnings_and_the_file_loads() {
    let l = loads("later_fields_bad.json");
    let teams = |f: &str, v: &str| file_w(f, Problem::BadTeams(v.into()));
    let awards = |f: &str, v: &str| file_w(f, Problem::BadAwards(v.into()));
    let wrong = |expected: Kind, found: &str| Problem::WrongType {
        expected,
        found: found.into(),
    };
    assert_eq!(
        warnings(&l),
        [
            file_w(
                "distances[0].awards.exclude_winners",
                wrong(Kind::TrueFalse, "yes")
            ),
            awards("distances[0].awards.min_finishers", "-1"),
            awards("distances[0].awards.groups[0].places", "many"),
            awards("distances[0].awards.groups[1].id", "F"),
            awards("distances[0].awards.groups[2].id", "id"),
            awards("distances[0].awards.groups[3].merge_into", "merge_into"),
            awards("distances[0].awards.groups[4].prizes[1]", "lots"),
            teams("distances[0].teams.by", "school"),
            teams("distances[0].teams.score", "points"),
            teams("distances[0].teams.tie_break", "coin"),
            teams("distances[0].teams.scorers", "0"),
            teams("distances[0].teams.groups[0].id", "women"),
            file_w(
                "distances[0].teams.groups[1]",
                Problem::EntryNotObject("F".into())
            ),
            teams("distances[0].teams.groups[2].id", "id"),
            teams("distances[0].teams.groups[3].min_women", "1"),
            teams("distances[0].teams.groups[4].id", "m"),
            teams("distances[0].teams.groups[5].min_women", "4"),
            file_w("distances[0].relay", wrong(Kind::TrueFalse, "no")),
            file_w("distances[1].teams", wrong(Kind::Object, "[…]")),
            row_w(
                0,
                "team",
                Problem::ConvertedType {
                    expected: Kind::Text,
                    found: "7".into()
                }
            ),
            row_w(0, "legs", Problem::LegsOutsideRelay),
            row_w(1, "legs[0].sex", Problem::UnknownSex("boy".into())),
            row_w(1, "legs[1]", Problem::EntryNotObject("7".into())),
            row_w(1, "legs[2].name", Problem::MissingName),
            row_w(1, "legs[2].time", Problem::BadTime("1:61:00".into())),
            row_w(2, "legs", Problem::LegTimesDisagree("0:41:00".into())),
            row_w(3, "legs", wrong(Kind::List, "all of us")),
        ]
    );
    // Defaults where the value was bad; the groups that could be read are kept.
    let d = &l.results.distances;
    let rules = d[0].teams.as_ref().expect("teams");
    assert_eq!(
        (rules.by, rules.scorers, rules.score, rules.tie_break),
        (TeamBy::Club, 3, TeamScoring::Places, TieBreak::LastScorer)
    );
    let mixed = TeamGroupRule::new(TeamGroup::Mixed);
    assert_eq!(
        rules.groups,
        [TeamGroupRule::new(TeamGroup::Sex(Sex::M)), mixed]
    );
    let a = d[0].awards.as_ref().expect("awards");
    assert!(!a.exclude_winners);
    let ids: Vec<&str> = a.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["F", "M70", "X"]);
    assert_eq!(
        (a.groups[0].places, a.groups[2].prizes.as_ref()),
        (None, None)
    );
    assert!(!d[0].relay && d[1].relay && d[1].teams.is_none());
    // Every row is kept; a leg that is not an object stays as an empty leg.
    let r = &l.results.runners;
    assert_eq!(r.len(), 4);
    assert!(r[0].legs.is_empty());
    assert_eq!(r[1].legs.len(), 4);
    assert_eq!(r[1].legs[1], Leg::default());
    assert_eq!(r[0].team.as_deref(), Some("7"));
    round_trips(&l);
}

#[test]
fn published_team_values_are_what_the_reader_accepts() {
    let teams = |fields: &str| {
        let doc = format!(
            r#"{{"format": "results/v1", "event": {{"name": "E"}},
                "distances": [{{"id": "a", "name": "A", "teams": {{{fields}}}}}], "results": []}}"#
        );
        let l = parse_results(doc.as_bytes()).expect("loads");
        assert_eq!(warnings(&l), vec![], "{fields}");
        l.results.distances[0].teams.clone().expect("teams")
    };
    let by: Vec<TeamBy> = TEAMS_BY
        .iter()
        .map(|v| teams(&format!(r#""by": "{v}""#)).by)
        .collect();
    assert_eq!(by, [TeamBy::Club, TeamBy::Team]);
    let score: Vec<TeamScoring> = TEAM_SCORES
        .iter()
        .map(|v| teams(&format!(r#""score": "{v}""#)).score)
        .collect();
    assert_eq!(score, [TeamScoring::Places, TeamScoring::Times]);
    let ties: Vec<TieBreak> = TIE_BREAKS
        .iter()
        .map(|v| teams(&format!(r#""tie_break": "{v}""#)).tie_break)
        .collect();
    assert_eq!(ties, [TieBreak::LastScorer, TieBreak::None]);
    for code in TEAM_GROUPS {
        let rules = teams(&format!(r#""groups": [{{"id": "{code}"}}]"#));
        assert_eq!(rules.groups[0].group.code(), code);
    }
    assert_eq!(teams(""), TeamRules::default());
}
