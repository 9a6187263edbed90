//! Team standings (domain::teams): scoring by places and by times, tie-breaks,
//! incomplete teams, sex groups, mixed teams with minimums.
mod domain_support;

use domain_support::*;
use race_results::domain::{
    compute_standings, distance_teams, team_standings, Results, Runner, Sex, Status, TeamBy,
    TeamGroup, TeamGroupRule, TeamRules, TeamScore, TeamScoring, TeamTable, TieBreak,
};
use Sex::{F, M};

fn club(mut r: Runner, name: &str) -> Runner {
    r.club = Some(name.into());
    r
}

fn with_rules(rules: TeamRules, runners: Vec<Runner>) -> Results {
    let mut d = dist("5k");
    d.teams = Some(rules);
    results(vec![d], runners)
}

fn tables(r: &Results) -> Vec<TeamTable> {
    team_standings(r, &compute_standings(r))
}

/// (name, place, score, scorer bibs, other bibs) of each team of a table.
type Row = (
    String,
    Option<u32>,
    Option<TeamScore>,
    Vec<String>,
    Vec<String>,
);

fn rows(r: &Results, t: &TeamTable) -> Vec<Row> {
    let bibs_of = |ms: &[race_results::domain::TeamMember]| {
        ms.iter()
            .map(|m| r.runners[m.runner].bib.clone())
            .collect::<Vec<_>>()
    };
    t.teams
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                s.place,
                s.score,
                bibs_of(&s.scorers),
                bibs_of(&s.others),
            )
        })
        .collect()
}

fn row_of(name: &str, place: Option<u32>, score: Option<TeamScore>, s: &[&str], o: &[&str]) -> Row {
    let v = |l: &[&str]| l.iter().map(|b| b.to_string()).collect();
    (name.into(), place, score, v(s), v(o))
}

/// Finishers 1..=n one minute apart, each in the club given (None: no club).
fn field(clubs: &[Option<&str>]) -> Vec<Runner> {
    clubs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let r = row(&(i + 1).to_string(), 0, &format!("{}:00", 20 + i));
            match c {
                Some(c) => club(r, c),
                None => r,
            }
        })
        .collect()
}

#[test]
fn places_scoring_with_non_scorers_and_incomplete_teams() {
    let (a, b, c) = (Some("Almaty"), Some("Bars"), Some("Caspian"));
    // Places:        1  2  3  4  5  6  7     8  9
    let r = with_rules(TeamRules::default(), field(&[a, b, b, a, a, c, b, None, a]));
    let t = tables(&r);
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].distance, t[0].group, t[0].scorers),
        (0, TeamGroup::Overall, 3)
    );
    assert_eq!(
        rows(&r, &t[0]),
        [
            row_of(
                "Almaty",
                Some(1),
                Some(TeamScore::Places(10)),
                &["1", "4", "5"],
                &["9"]
            ),
            row_of(
                "Bars",
                Some(2),
                Some(TeamScore::Places(12)),
                &["2", "3", "7"],
                &[]
            ),
            row_of("Caspian", None, None, &[], &["6"]),
        ]
    );
    // Member details: the place that counted and the ranking time.
    let first = &t[0].teams[0].scorers[1];
    assert_eq!((first.place, first.time), (4, t_("23:00")));
}

fn t_(s: &str) -> race_results::domain::RaceTime {
    t(s).expect("a time")
}

#[test]
fn only_placed_finishers_of_the_distance_count() {
    let mut runners = field(&[Some("A"), Some("A"), Some("A"), Some("A")]);
    runners[0].status = Status::Dnf;
    runners[1] = runners[1].clone().no_distance();
    runners.push(club(row("9", 0, ""), "A")); // DNS
                                              // A club written with spaces around it is the same club.
    runners.push(club(row("10", 0, "40:00"), "  A "));
    let r = with_rules(TeamRules::default(), runners);
    let t = tables(&r);
    // Places among the placed: 3 -> 1, 4 -> 2, 10 -> 3.
    assert_eq!(
        rows(&r, &t[0]),
        [row_of(
            "A",
            Some(1),
            Some(TeamScore::Places(6)),
            &["3", "4", "10"],
            &[]
        )]
    );
}

#[test]
fn times_scoring_adds_the_ranking_times() {
    let rules = TeamRules {
        score: TeamScoring::Times,
        scorers: 2,
        ..TeamRules::default()
    };
    let runners = vec![
        club(row("1", 0, "20:00"), "A"),
        club(row("2", 0, "20:30"), "B"),
        club(row("3", 0, "21:00"), "B"),
        club(row("4", 0, "25:00"), "A"),
    ];
    let r = with_rules(rules, runners);
    let t = tables(&r);
    assert_eq!(t[0].scoring, TeamScoring::Times);
    assert_eq!(
        rows(&r, &t[0]),
        [
            row_of(
                "B",
                Some(1),
                Some(TeamScore::Time(t_("41:30"))),
                &["2", "3"],
                &[]
            ),
            row_of(
                "A",
                Some(2),
                Some(TeamScore::Time(t_("45:00"))),
                &["1", "4"],
                &[]
            ),
        ]
    );
}

#[test]
fn tie_breaks_last_scorer_then_shared_places_by_name() {
    // Places: A 1,5,6 = 12; B 2,3,7 = 12: A's last scorer (6) beats B's (7).
    let (a, b) = (Some("A"), Some("B"));
    let runners = field(&[a, b, b, None, a, a, b]);
    let last_scorer = with_rules(TeamRules::default(), runners.clone());
    let got: Vec<(String, Option<u32>)> = tables(&last_scorer)[0]
        .teams
        .iter()
        .map(|s| (s.name.clone(), s.place))
        .collect();
    assert_eq!(got, [("A".into(), Some(1)), ("B".into(), Some(2))]);

    let none = TeamRules {
        tie_break: TieBreak::None,
        ..TeamRules::default()
    };
    let shared = with_rules(none, field(&[b, a, a, None, b, b, a]));
    let got: Vec<(String, Option<u32>)> = tables(&shared)[0]
        .teams
        .iter()
        .map(|s| (s.name.clone(), s.place))
        .collect();
    assert_eq!(got, [("A".into(), Some(1)), ("B".into(), Some(1))]);

    // Same score and same last place (runners 6 and 7 tie on time): shared, by name.
    let mut runners = vec![
        club(row("1", 0, "20:00"), "Zhetysu"),
        club(row("2", 0, "21:00"), "Altai"),
        club(row("3", 0, "22:00"), "Altai"),
        club(row("4", 0, "23:00"), "Zhetysu"),
        club(row("5", 0, "24:00"), "Zhetysu"),
        club(row("6", 0, "24:00"), "Altai"),
    ];
    runners.push(club(row("7", 0, "30:00"), "Nomad"));
    let r = with_rules(TeamRules::default(), runners);
    // Zhetysu 1+4+5 = 10, last 5; Altai 2+3+5 = 10, last 5.
    let got: Vec<(String, Option<u32>)> = tables(&r)[0]
        .teams
        .iter()
        .map(|s| (s.name.clone(), s.place))
        .collect();
    assert_eq!(
        got,
        [
            ("Altai".into(), Some(1)),
            ("Zhetysu".into(), Some(1)),
            ("Nomad".into(), None)
        ]
    );
}

#[test]
fn sex_groups_score_places_within_the_sex() {
    let rules = TeamRules {
        scorers: 2,
        groups: vec![
            TeamGroupRule::new(TeamGroup::Sex(M)),
            TeamGroupRule::new(TeamGroup::Sex(F)),
            TeamGroupRule::new(TeamGroup::Sex(Sex::X)),
        ],
        ..TeamRules::default()
    };
    let runners = vec![
        club(row("1", 0, "20:00"), "A").sex(M),
        club(row("2", 0, "21:00"), "B").sex(F),
        club(row("3", 0, "22:00"), "B").sex(M),
        club(row("4", 0, "23:00"), "A").sex(F),
        club(row("5", 0, "24:00"), "A").sex(M),
        club(row("6", 0, "25:00"), "B").sex(F),
        club(row("7", 0, "26:00"), "B").sex(M),
    ];
    let r = with_rules(rules, runners);
    let t = tables(&r);
    // No X runner: no X table.
    let groups: Vec<&str> = t.iter().map(|t| t.group.code()).collect();
    assert_eq!(groups, ["M", "F"]);
    // Men's places: 1 -> 1, 3 -> 2, 5 -> 3, 7 -> 4.
    assert_eq!(
        rows(&r, &t[0]),
        [
            row_of("A", Some(1), Some(TeamScore::Places(4)), &["1", "5"], &[]),
            row_of("B", Some(2), Some(TeamScore::Places(6)), &["3", "7"], &[]),
        ]
    );
    // Women's places: 2 -> 1, 4 -> 2, 6 -> 3; A has one woman only.
    assert_eq!(
        rows(&r, &t[1]),
        [
            row_of("B", Some(1), Some(TeamScore::Places(4)), &["2", "6"], &[]),
            row_of("A", None, None, &[], &["4"]),
        ]
    );
}

#[test]
fn mixed_teams_need_their_minimum_of_women() {
    let mixed = TeamGroupRule {
        min_women: 1,
        min_men: 0,
        ..TeamGroupRule::new(TeamGroup::Mixed)
    };
    let rules = TeamRules {
        groups: vec![mixed],
        ..TeamRules::default()
    };
    let runners = vec![
        club(row("1", 0, "20:00"), "A").sex(M),
        club(row("2", 0, "21:00"), "A").sex(M),
        club(row("3", 0, "22:00"), "A").sex(M),
        club(row("4", 0, "23:00"), "B").sex(M),
        club(row("5", 0, "24:00"), "B").sex(M),
        club(row("6", 0, "25:00"), "B").sex(M),
        club(row("7", 0, "26:00"), "B").sex(M),
        club(row("8", 0, "27:00"), "A").sex(F),
    ];
    let r = with_rules(rules, runners);
    let t = tables(&r);
    assert_eq!(t[0].group.code(), "mixed");
    // A: the woman (8th) scores instead of the third man, who is a non-scorer.
    // B has no woman: incomplete however many men finish.
    assert_eq!(
        rows(&r, &t[0]),
        [
            row_of(
                "A",
                Some(1),
                Some(TeamScore::Places(11)),
                &["1", "2", "8"],
                &["3"]
            ),
            row_of("B", None, None, &[], &["4", "5", "6", "7"]),
        ]
    );
    // The default mixed group wants a woman and a man.
    let both = TeamRules {
        groups: vec![TeamGroupRule::new(TeamGroup::Mixed)],
        ..TeamRules::default()
    };
    let mut runners = r.runners.clone();
    runners.push(club(row("9", 0, "28:00"), "C").sex(F));
    runners.push(club(row("10", 0, "29:00"), "C").sex(F));
    runners.push(club(row("11", 0, "30:00"), "C").sex(F));
    let r = with_rules(both, runners);
    let names: Vec<(String, Option<u32>)> = tables(&r)[0]
        .teams
        .iter()
        .map(|s| (s.name.clone(), s.place))
        .collect();
    assert_eq!(
        names,
        [
            ("A".into(), Some(1)),
            ("B".into(), None),
            ("C".into(), None)
        ]
    );
}

#[test]
fn teams_by_the_team_field_and_distances_without_rules() {
    let rules = TeamRules {
        by: TeamBy::Team,
        scorers: 1,
        ..TeamRules::default()
    };
    let mut a = club(row("1", 0, "20:00"), "Club");
    a.team = Some("Corporate".into());
    let b = club(row("2", 0, "21:00"), "Club");
    let r = with_rules(rules, vec![a, b]);
    let t = tables(&r);
    assert_eq!(
        rows(&r, &t[0]),
        [row_of(
            "Corporate",
            Some(1),
            Some(TeamScore::Places(1)),
            &["1"],
            &[]
        )]
    );
    // A distance without team rules has no tables.
    let plain = results(vec![dist("5k")], field(&[Some("A"), Some("A"), Some("A")]));
    assert_eq!(tables(&plain), vec![]);
    assert_eq!(
        distance_teams(&plain, &compute_standings(&plain), 7),
        vec![]
    );
}

#[test]
fn official_places_are_the_places_that_score() {
    let rules = TeamRules {
        scorers: 2,
        ..TeamRules::default()
    };
    // The times say A first, the official places say B.
    let runners = vec![
        club(row("1", 0, "20:00"), "A").official(3),
        club(row("2", 0, "21:00"), "A").official(4),
        club(row("3", 0, "22:00"), "B").official(1),
        club(row("4", 0, "23:00"), "B").official(2),
    ];
    let r = with_rules(rules, runners);
    let got: Vec<(String, Option<TeamScore>)> = tables(&r)[0]
        .teams
        .iter()
        .map(|s| (s.name.clone(), s.score))
        .collect();
    assert_eq!(
        got,
        [
            ("B".into(), Some(TeamScore::Places(3))),
            ("A".into(), Some(TeamScore::Places(7)))
        ]
    );
}

#[test]
fn the_dataset_holds_the_team_tables() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format/teams.json"
    );
    let d = race_results::dataset::Dataset::load(&std::fs::read(path).expect("fixture"))
        .expect("loads");
    let groups: Vec<(usize, &str)> = d
        .teams()
        .iter()
        .map(|t| (t.distance, t.group.code()))
        .collect();
    assert_eq!(groups, [(0, "M"), (0, "F"), (0, "mixed"), (1, "overall")]);
    assert_eq!(d.teams(), team_standings(&d.results, &d.standings));
}
