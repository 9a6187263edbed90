//! Dataset tests over the format fixtures.
use super::*;
use crate::domain::Status;

fn fixture(name: &str) -> Dataset {
    let path = format!(
        "{}/tests/fixtures/format/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    Dataset::load(&std::fs::read(path).unwrap()).unwrap()
}

fn bibs(d: &Dataset, sel: &Selection) -> Vec<String> {
    d.select(sel)
        .into_iter()
        .map(|i| d.results.runners[i as usize].bib.clone())
        .collect()
}

#[test]
fn team_names_are_found_across_scripts() {
    let d = fixture("teams.json");
    assert!(d.has_teams());
    assert_eq!(d.matching_teams("almaty"), ["Almaty Runners"]);
    assert_eq!(d.matching_teams("Алматы"), ["Almaty Runners"]);
    assert_eq!(d.matching_teams("tulpar"), ["Tulpar"]);
}

#[test]
fn a_leg_runners_name_finds_the_team_and_marks_the_leg() {
    let d = fixture("relay.json");
    let sel = Selection {
        query: "Seitkali".into(),
        ..Default::default()
    };
    assert_eq!(bibs(&d, &sel), ["11"]);
    assert_eq!(d.marked_leg(1, "Seitkali"), Some(1));
    assert_eq!(d.marked_leg(0, "Seitkali"), None);
    assert_eq!(d.marked_leg(1, ""), None);
    assert_eq!(d.marked_leg(0, "10-2"), Some(1), "a leg bib");
}

#[test]
fn the_on_course_filter_lists_the_furthest_first_and_dns_leaves_them_out() {
    let d = fixture("live.json");
    assert!(d.has_on_course());
    let on = Selection {
        status: StatusFilter::from_code("started"),
        ..Default::default()
    };
    assert_eq!(on.status.code(), "started");
    assert_eq!(bibs(&d, &on), ["3", "2", "9", "5"]);
    let dns = Selection {
        status: StatusFilter::Only(Status::Dns),
        ..Default::default()
    };
    assert_eq!(bibs(&d, &dns), ["6", "7"]);
}
