//! Runners still on the course in live results (`Runner::on_course`), with the last
//! timing point each one passed.
//!
//! Order: furthest along the course first (the last split with a time), then the earliest
//! time there, so the list reads like the race itself; runners with no split yet come
//! last. Ties (and the no-split group) go by bib, in the natural order.
use super::categories::natural_cmp;
use super::model::{RaceTime, Results};

/// The last timing point a runner on the course passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastSplit {
    /// Index into the distance's `splits`.
    pub split: usize,
    /// The split's name as the file gives it (its id when it has none).
    pub name: String,
    /// The runner's time there, counted from the start.
    pub time: RaceTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnCourse {
    /// Row index into `Results::runners`.
    pub runner: usize,
    /// None for a runner who started ("started") and has passed no split yet.
    pub last: Option<LastSplit>,
}

/// The runners of `distance` on the course, furthest first.
pub fn on_course(results: &Results, distance: usize) -> Vec<OnCourse> {
    let mut out: Vec<OnCourse> = results
        .runners
        .iter()
        .enumerate()
        .filter(|(_, r)| r.on_course && r.distance == Some(distance))
        .map(|(i, _)| OnCourse {
            runner: i,
            last: last_split(results, i),
        })
        .collect();
    let bib = |o: &OnCourse| results.runners[o.runner].bib.as_str();
    crate::order::sort_by(&mut out, |a, b| {
        let progress = |o: &OnCourse| o.last.as_ref().map(|l| (l.split, l.time));
        match (progress(a), progress(b)) {
            (Some((sa, ta)), Some((sb, tb))) => sb.cmp(&sa).then(ta.cmp(&tb)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| natural_cmp(bib(a), bib(b)))
        .then(a.runner.cmp(&b.runner))
    });
    out
}

/// The last timing point runner `i` passed (the furthest split with a time), if any.
pub fn last_split(results: &Results, i: usize) -> Option<LastSplit> {
    let r = results.runners.get(i)?;
    let def = results.distances.get(r.distance?)?;
    let (k, time) = r
        .splits
        .iter()
        .enumerate()
        .rev()
        .find_map(|(k, t)| Some((k, (*t)?)))?;
    let split = def.splits.get(k)?;
    Some(LastSplit {
        split: k,
        name: split.name.clone(),
        time,
    })
}

/// How many runners of `distance` are on the course (for a filter's count).
pub fn on_course_count(results: &Results, distance: usize) -> usize {
    results
        .runners
        .iter()
        .filter(|r| r.on_course && r.distance == Some(distance))
        .count()
}
