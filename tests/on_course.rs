//! Runners on the course (domain::on_course): who is listed, with which split, in which
//! order; finished, DNF, DNS and DSQ runners are not.
mod domain_support;

use domain_support::*;
use race_results::domain::{on_course, on_course_count, LastSplit, Results, Runner, Status};
use race_results::format::parse_results;

fn live(r: Runner) -> Runner {
    let mut r = r;
    r.on_course = true;
    r
}

fn race(runners: Vec<Runner>) -> Results {
    let d = dist("42k").split_points(&[("10k", Some(10.0)), ("21k", Some(21.1)), ("30k", None)]);
    results(vec![d, dist("10k")], runners)
}

#[test]
fn furthest_first_then_earliest_there_then_no_split_yet() {
    let r = race(vec![
        live(row("5", 0, "").splits(&["40:00", "", ""])),
        live(row("3", 0, "").splits(&["36:00", "1:15:00", ""])),
        live(row("9", 0, "")),
        live(row("4", 0, "").splits(&["35:00", "1:14:00", ""])),
        // A split missing in between: the last one with a time counts.
        live(row("8", 0, "").splits(&["", "", "2:05:00"])),
        live(row("2", 0, "")),
        // On another distance.
        live(row("7", 1, "")),
    ]);
    type Seen = (String, Option<(usize, String, String)>);
    let got: Vec<Seen> = on_course(&r, 0)
        .iter()
        .map(|o| {
            let last = o.last.as_ref().map(|l: &LastSplit| {
                (
                    l.split,
                    l.name.clone(),
                    race_results::domain::time::format_time(l.time),
                )
            });
            (r.runners[o.runner].bib.clone(), last)
        })
        .collect();
    let split = |k: usize, name: &str, t: &str| Some((k, name.to_string(), t.to_string()));
    assert_eq!(
        got,
        [
            ("8".to_string(), split(2, "30k", "2:05:00")),
            ("4".to_string(), split(1, "21k", "1:14:00")),
            ("3".to_string(), split(1, "21k", "1:15:00")),
            ("5".to_string(), split(0, "10k", "0:40:00")),
            ("2".to_string(), None),
            ("9".to_string(), None),
        ]
    );
    assert_eq!(on_course_count(&r, 0), 6);
    assert_eq!(on_course_count(&r, 1), 1);
    assert_eq!(on_course(&r, 5), vec![]);
}

#[test]
fn finished_and_final_statuses_stay_as_they_are() {
    let doc = r#"{"format": "results/v1", "event": {"name": "Live", "status": "provisional"},
        "distances": [{"id": "42k", "name": "Marathon",
            "splits": [{"id": "10k", "name": "10 km"}, {"id": "21k", "name": "Half"}]}],
        "results": [
          {"bib": "1", "name": "Done", "distance": "42k", "chip_time": "2:30:00",
           "splits": {"10k": "35:00", "21k": "1:14:00"}},
          {"bib": "2", "name": "Running", "distance": "42k", "splits": {"10k": "36:00", "21k": "1:16:00"}},
          {"bib": "3", "name": "Out", "distance": "42k", "status": "dnf", "splits": {"10k": "40:00"}},
          {"bib": "4", "name": "Home", "distance": "42k", "status": "dns"},
          {"bib": "5", "name": "Cheat", "distance": "42k", "status": "dsq", "splits": {"10k": "30:00"}},
          {"bib": "6", "name": "Just off", "distance": "42k", "status": "started"},
          {"bib": "7", "name": "Not yet", "distance": "42k"}
        ]}"#;
    let l = parse_results(doc.as_bytes()).expect("loads");
    assert_eq!(l.warnings, vec![]);
    let r = &l.results;
    let list = on_course(r, 0);
    let listed: Vec<(&str, Option<&str>)> = list
        .iter()
        .map(|o| {
            (
                r.runners[o.runner].bib.as_str(),
                o.last.as_ref().map(|l| l.name.as_str()),
            )
        })
        .collect();
    assert_eq!(listed, [("2", Some("Half")), ("6", None)]);
    let statuses: Vec<Status> = r.runners.iter().map(|x| x.status).collect();
    use Status::{Dnf, Dns, Dsq, Finished};
    assert_eq!(statuses, [Finished, Dns, Dnf, Dns, Dsq, Dns, Dns]);
}
