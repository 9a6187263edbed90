//! Relays (domain::relay): leg places and running totals with their positions.
mod domain_support;

use domain_support::*;
use race_results::domain::{
    compute_standings, relay_legs, Leg, LegResult, RaceTime, Results, Runner, Status,
};
use race_results::format::parse_results;

fn team(bib: &str, legs: &[&str]) -> Runner {
    let mut r = row(bib, 0, "");
    r.legs = legs
        .iter()
        .enumerate()
        .map(|(k, time)| Leg {
            name: format!("{bib} leg {}", k + 1),
            bib: None,
            sex: None,
            time: t(time),
        })
        .collect();
    r
}

fn relay(teams: Vec<Runner>) -> Results {
    let mut d = dist("relay");
    d.relay = true;
    results(vec![d, dist("5k")], teams)
}

/// (leg place, total, total place) of one leg.
type LegSeen = (Option<u32>, Option<RaceTime>, Option<u32>);

/// Each team's legs, in file order.
fn seen(r: &Results) -> Vec<(String, Vec<LegSeen>)> {
    relay_legs(r, 0)
        .iter()
        .map(|team| {
            let legs = team
                .legs
                .iter()
                .map(|l| (l.place, l.total, l.total_place))
                .collect();
            (r.runners[team.runner].bib.clone(), legs)
        })
        .collect()
}

#[test]
fn leg_places_and_running_totals() {
    let r = relay(vec![
        team("A", &["17:00", "18:00", "17:30"]),
        team("B", &["16:30", "19:00", "17:00"]),
        // Dropped out on leg 2: leg 1 still counts, leg 2 and the totals after do not.
        team("C", &["17:00", "", ""]).status(Status::Dnf),
        // A leg time missing in the middle: that leg has no place and no total after it.
        team("D", &["18:00", "", "16:00"]),
    ]);
    let p = Some;
    let tt = |s: &str| t(s);
    assert_eq!(
        seen(&r),
        [
            (
                "A".to_string(),
                vec![
                    (p(2), tt("17:00"), p(2)),
                    (p(1), tt("35:00"), p(1)),
                    (p(3), tt("52:30"), p(1)),
                ]
            ),
            (
                "B".to_string(),
                vec![
                    (p(1), tt("16:30"), p(1)),
                    (p(2), tt("35:30"), p(2)),
                    (p(2), tt("52:30"), p(1)),
                ]
            ),
            (
                "C".to_string(),
                vec![
                    (p(2), tt("17:00"), p(2)),
                    (None, None, None),
                    (None, None, None)
                ]
            ),
            (
                "D".to_string(),
                vec![
                    (p(4), tt("18:00"), p(4)),
                    (None, None, None),
                    (p(1), None, None)
                ]
            ),
        ]
    );
    let first = &relay_legs(&r, 0)[0].legs[0];
    assert_eq!(
        *first,
        LegResult {
            leg: 1,
            time: t("17:00"),
            place: Some(2),
            total: t("17:00"),
            total_place: Some(2),
        }
    );
}

#[test]
fn not_a_relay_gives_nothing() {
    let r = relay(vec![team("A", &["17:00"])]);
    assert_eq!(relay_legs(&r, 1), vec![]);
    assert_eq!(relay_legs(&r, 9), vec![]);
}

#[test]
fn a_relay_file_from_legs_to_places() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format/relay.json"
    );
    let l = parse_results(&std::fs::read(path).expect("fixture")).expect("loads");
    let r = &l.results;
    let s = compute_standings(r);
    // Team places come from the team times (11's from its legs: 53:00).
    let places: Vec<Option<u32>> = (0..3).map(|i| s.placing(i).overall).collect();
    assert_eq!(places, [Some(1), Some(2), None]);
    let legs = relay_legs(r, 0);
    let leg_places: Vec<Vec<Option<u32>>> = legs
        .iter()
        .map(|t| t.legs.iter().map(|l| l.place).collect())
        .collect();
    assert_eq!(
        leg_places,
        [
            vec![Some(1), Some(2), Some(1)],
            vec![Some(3), Some(1), Some(2)],
            vec![Some(1), None],
        ]
    );
    assert_eq!(legs[1].legs[2].total, t("53:00"));
}
