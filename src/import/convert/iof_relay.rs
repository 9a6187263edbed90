//! IOF XML 3.0 relay results: a ClassResult of TeamResults becomes a relay distance,
//! each team a result with its legs. The team's time, place and status are those after
//! its last leg (OverallResult), as IOF writes them; each leg keeps its own time.

use super::bibs::RowBibs;
use super::iof::{get, iof_status, noted_seconds, person_name};
use super::record::{Leg, Runner};
use crate::domain::Status;
use crate::import::notes::{ImportNote, NoteLog};
use crate::import::read::xml::Element;

/// One TeamResult as a result on a relay distance; `n` counts results in the file.
pub(super) fn team(
    tr: &Element,
    n: usize,
    row_bibs: &mut RowBibs,
    distance: &str,
    log: &mut NoteLog,
) -> Runner {
    let mut members: Vec<&Element> = tr.children_named("TeamMemberResult").collect();
    // Running order: the leg number, else the order written.
    members.sort_by_key(|m| {
        get(m.child("Result"), &["Leg"])
            .and_then(|l| l.parse::<u32>().ok())
            .unwrap_or(u32::MAX)
    });
    let legs: Vec<Leg> = members.iter().map(|m| leg(m, n, log)).collect();

    let club = tr.child("Organisation");
    let last = members.last().and_then(|m| m.child("Result"));
    let overall = last.and_then(|r| r.child("OverallResult"));
    let time_text = get(overall, &["Time"]);
    let time = noted_seconds(time_text, "OverallResult/Time", n, log);
    let status = team_status(get(overall, &["Status"]), &members, time.is_some(), n, log);
    let place = get(overall, &["Position"])
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|&p| p > 0 && status == Status::Finished);
    Runner {
        bib: match tr.text_at(&["BibNumber"]) {
            Some(b) => b.to_string(),
            None => row_bibs.make(n),
        },
        name: tr.text_at(&["Name"]).unwrap_or_default().to_string(),
        sex: team_sex(&legs),
        club: get(club, &["Name"])
            .or_else(|| get(club, &["ShortName"]))
            .map(String::from),
        status: status.code().into(),
        chip_time: time.or_else(|| time_text.map(String::from)),
        place,
        distance: distance.to_string(),
        legs,
        ..Runner::default()
    }
}

fn leg(member: &Element, n: usize, log: &mut NoteLog) -> Leg {
    let person = member.child("Person");
    let result = member.child("Result");
    let time = noted_seconds(get(result, &["Time"]), "TeamMemberResult/Time", n, log);
    Leg {
        name: person_name(person),
        bib: get(result, &["BibNumber"]).map(String::from),
        sex: person
            .and_then(|p| p.attr("sex"))
            .and_then(crate::domain::Sex::from_code)
            .map(|s| s.code().into()),
        time,
    }
}

/// The status after the last leg; without one, the first leg that did not finish
/// decides (a team is out when one of its runners is).
fn team_status(
    written: Option<&str>,
    members: &[&Element],
    has_time: bool,
    n: usize,
    log: &mut NoteLog,
) -> Status {
    if let Some(text) = written {
        return iof_status(text).unwrap_or_else(|| {
            log.push(ImportNote::UnknownStatus {
                row: n,
                text: text.into(),
                status: Status::Dnf.code(),
            });
            Status::Dnf
        });
    }
    let leg_statuses = members
        .iter()
        .filter_map(|m| get(m.child("Result"), &["Status"]).and_then(iof_status));
    for s in leg_statuses {
        if s != Status::Finished {
            return s;
        }
    }
    if has_time {
        Status::Finished
    } else {
        Status::Dns
    }
}

/// "X" when men and women run; "M" or "F" when every leg runner is that; else unknown.
fn team_sex(legs: &[Leg]) -> Option<String> {
    let sexes: Vec<&str> = legs.iter().filter_map(|l| l.sex.as_deref()).collect();
    if sexes.contains(&"M") && sexes.contains(&"F") {
        return Some("X".into());
    }
    let first = *sexes.first()?;
    (sexes.len() == legs.len() && sexes.iter().all(|s| *s == first)).then(|| first.into())
}
