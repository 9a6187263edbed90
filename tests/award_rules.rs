//! Award rules (domain::podium with `awards.groups`, `exclude_winners`, `min_finishers`):
//! depth and prizes per podium, winners left out of categories, small categories merged
//! or flagged. Without them podiums are as before (tests/domain_rules.rs).
mod domain_support;

use domain_support::*;
use race_results::domain::{
    compute_standings, group_code, podiums, Awards, AwardsBy, GroupAwards, Podium, Results, Runner,
    Sex,
};
use race_results::format::parse_results;
use Sex::{F, M};

/// (group, [(place, bib, prize)], small, merged) of each podium.
type Seen = (String, Vec<(u32, String, Option<u64>)>, bool, Vec<String>);

fn seen(r: &Results, all: &[Podium]) -> Vec<Seen> {
    all.iter()
        .map(|p| {
            let entries = p
                .entries
                .iter()
                .map(|e| (e.place, r.runners[e.runner].bib.clone(), e.prize))
                .collect();
            (group_code(&p.group), entries, p.small, p.merged.clone())
        })
        .collect()
}

fn podium(group: &str, entries: &[(u32, &str, Option<u64>)], small: bool, merged: &[&str]) -> Seen {
    (
        group.into(),
        entries
            .iter()
            .map(|(p, b, z)| (*p, b.to_string(), *z))
            .collect(),
        small,
        merged.iter().map(|m| m.to_string()).collect(),
    )
}

fn group(id: &str) -> GroupAwards {
    GroupAwards {
        id: id.into(),
        ..GroupAwards::default()
    }
}

fn run(awards: Awards, runners: Vec<Runner>) -> Vec<Seen> {
    let mut d = dist("10k");
    d.awards = Some(awards);
    let r = results(vec![d], runners);
    let s = compute_standings(&r);
    seen(&r, &podiums(&r, &s))
}

/// Men 1..=6 in M40 one minute apart, and woman 7 in F40.
fn masters() -> Vec<Runner> {
    let mut rows: Vec<Runner> = (1..=6)
        .map(|i| {
            row(&i.to_string(), 0, &format!("{}:00", 30 + i))
                .sex(M)
                .cat("M40")
        })
        .collect();
    rows.push(row("7", 0, "40:00").sex(F).cat("F40"));
    rows
}

#[test]
fn overall_winners_are_left_out_of_category_podiums_when_the_file_says() {
    let base = Awards {
        places: 2,
        prizes: vec![100, 50],
        categories: true,
        ..Awards::default()
    };
    // The default: the two best men are on both podiums.
    assert_eq!(
        run(base.clone(), masters()),
        [
            podium("M", &[(1, "1", Some(100)), (2, "2", Some(50))], false, &[]),
            podium("F", &[(1, "7", Some(100))], false, &[]),
            podium("F40", &[(1, "7", Some(100))], false, &[]),
            podium(
                "M40",
                &[(1, "1", Some(100)), (2, "2", Some(50))],
                false,
                &[]
            ),
        ]
    );
    let excluding = Awards {
        exclude_winners: true,
        ..base
    };
    // The next two men take M40, placed 1 and 2 among the rest; F40 has no one left.
    assert_eq!(
        run(excluding, masters()),
        [
            podium("M", &[(1, "1", Some(100)), (2, "2", Some(50))], false, &[]),
            podium("F", &[(1, "7", Some(100))], false, &[]),
            podium(
                "M40",
                &[(1, "3", Some(100)), (2, "4", Some(50))],
                false,
                &[]
            ),
        ]
    );
}

#[test]
fn ties_are_shared_again_among_the_rest() {
    let mut rows = masters();
    rows[3].chip_time = rows[2].chip_time; // 3 and 4 tie for third
    let awards = Awards {
        places: 2,
        categories: true,
        exclude_winners: true,
        by: AwardsBy::Overall,
        ..Awards::default()
    };
    assert_eq!(
        run(awards, rows),
        [
            podium("overall", &[(1, "1", None), (2, "2", None)], false, &[]),
            podium("F40", &[(1, "7", None)], false, &[]),
            podium("M40", &[(1, "3", None), (1, "4", None)], false, &[]),
        ]
    );
}

#[test]
fn each_podium_may_have_its_own_depth_and_prizes() {
    let awards = Awards {
        places: 1,
        prizes: vec![100],
        categories: true,
        groups: vec![
            GroupAwards {
                places: Some(3),
                prizes: Some(vec![500, 300, 200]),
                ..group("M")
            },
            GroupAwards {
                places: Some(0),
                ..group("F")
            },
            GroupAwards {
                prizes: Some(vec![7]),
                ..group("M40")
            },
        ],
        ..Awards::default()
    };
    assert_eq!(
        run(awards.clone(), masters()),
        [
            podium(
                "M",
                &[
                    (1, "1", Some(500)),
                    (2, "2", Some(300)),
                    (3, "3", Some(200))
                ],
                false,
                &[]
            ),
            podium("F40", &[(1, "7", Some(100))], false, &[]),
            podium("M40", &[(1, "1", Some(7))], false, &[]),
        ]
    );
    // "places": 0 for the distance, and one podium that still has places.
    let only_women = Awards {
        places: 0,
        groups: vec![GroupAwards {
            places: Some(1),
            ..group("F")
        }],
        ..Awards::default()
    };
    assert_eq!(
        run(only_women, masters()),
        [podium("F", &[(1, "7", None)], false, &[])]
    );
}

#[test]
fn small_categories_are_merged_or_flagged() {
    let rows = vec![
        row("1", 0, "30:00").sex(M).cat("M60"),
        row("2", 0, "31:00").sex(M).cat("M80"),
        row("3", 0, "32:00").sex(M).cat("M75"),
        row("4", 0, "33:00").sex(M).cat("M70"),
        row("5", 0, "34:00").sex(M).cat("M60"),
        row("6", 0, "35:00").sex(F).cat("F70"),
    ];
    let awards = Awards {
        places: 0,
        categories: true,
        min_finishers: 2,
        groups: vec![
            // A chain: M80 into M75, which is small too, into M70.
            GroupAwards {
                merge_into: Some("M75".into()),
                ..group("M80")
            },
            GroupAwards {
                merge_into: Some("M70".into()),
                ..group("M75")
            },
            // The merged podium takes M70's settings.
            GroupAwards {
                places: Some(2),
                ..group("M70")
            },
            // Not small: stays as it is.
            GroupAwards {
                merge_into: Some("M50".into()),
                places: Some(3),
                ..group("M60")
            },
            GroupAwards {
                places: Some(1),
                ..group("F70")
            },
        ],
        ..Awards::default()
    };
    assert_eq!(
        run(awards, rows),
        [
            // Small, nothing to merge into: flagged.
            podium("F70", &[(1, "6", None)], true, &[]),
            podium("M60", &[(1, "1", None), (2, "5", None)], false, &[]),
            // M70 holds 3 finishers from three categories, placed by finishing order.
            podium(
                "M70",
                &[(1, "2", None), (2, "3", None)],
                false,
                &["M75", "M80"]
            ),
        ]
    );
}

#[test]
fn a_merge_into_an_empty_category_and_a_merge_that_stays_small() {
    let rows = vec![
        row("1", 0, "30:00").sex(F).cat("F80"),
        row("2", 0, "31:00").sex(F).cat("F75"),
    ];
    let awards = Awards {
        places: 0,
        categories: true,
        min_finishers: 3,
        groups: vec![
            GroupAwards {
                merge_into: Some("F70".into()),
                ..group("F80")
            },
            GroupAwards {
                merge_into: Some("F70".into()),
                ..group("F75")
            },
            GroupAwards {
                places: Some(3),
                ..group("F70")
            },
        ],
        ..Awards::default()
    };
    assert_eq!(
        run(awards, rows),
        [podium(
            "F70",
            &[(1, "1", None), (2, "2", None)],
            true,
            &["F75", "F80"]
        )]
    );
}

#[test]
fn the_award_rules_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format/awards_rules.json"
    );
    let l = parse_results(&std::fs::read(path).expect("fixture")).expect("loads");
    let s = compute_standings(&l.results);
    assert_eq!(
        seen(&l.results, &podiums(&l.results, &s)),
        [
            podium("M", &[(1, "1", Some(300)), (2, "2", Some(200))], false, &[]),
            podium(
                "F",
                &[
                    (1, "5", Some(300)),
                    (2, "7", Some(200)),
                    (3, "9", Some(100))
                ],
                false,
                &[]
            ),
            podium("F40", &[(1, "11", Some(300))], false, &[]),
            podium("F70", &[(1, "12", Some(300))], true, &[]),
            podium("M40", &[(1, "3", Some(50))], false, &[]),
            podium(
                "M60",
                &[(1, "6", Some(300)), (2, "8", Some(200))],
                false,
                &["M70"]
            ),
        ]
    );
}
