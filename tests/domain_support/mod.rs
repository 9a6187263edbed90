//! A short way to write results in domain tests: `row("7", 0, "1:02:03").sex(F).cat("F35")`.
#![allow(dead_code)]

use race_results::domain::time::parse_time;
use race_results::domain::{
    Awards, AwardsBy, Distance, Event, RaceTime, Ranking, Results, Runner, Sex, SplitDef, Status,
};

pub fn results(distances: Vec<Distance>, runners: Vec<Runner>) -> Results {
    Results {
        event: Event {
            name: "Test Race".into(),
            ..Event::default()
        },
        distances,
        runners,
        age_grading: None,
    }
}

/// A chip-ranked distance with no splits and no awards.
pub fn dist(id: &str) -> Distance {
    Distance {
        id: id.into(),
        name: id.into(),
        km: None,
        start: None,
        ranking: Ranking::Chip,
        splits: Vec::new(),
        awards: None,
        teams: None,
        relay: false,
    }
}

/// "" means no time; anything else must parse.
pub fn t(text: &str) -> Option<RaceTime> {
    (!text.is_empty()).then(|| parse_time(text).expect("test time"))
}

/// A finisher in distance `distance` with chip time `chip` ("" for none: then DNS).
pub fn row(bib: &str, distance: usize, chip: &str) -> Runner {
    let chip_time = t(chip);
    Runner {
        bib: bib.into(),
        name: format!("Runner {bib}"),
        sex: None,
        birth_year: None,
        age: None,
        category: None,
        club: None,
        city: None,
        country: None,
        distance: Some(distance),
        distance_id: String::new(),
        status: if chip_time.is_some() {
            Status::Finished
        } else {
            Status::Dns
        },
        chip_time,
        gun_time: None,
        splits: Vec::new(),
        official_place: None,
        team: None,
        on_course: false,
        legs: Vec::new(),
    }
}

pub trait RowExt {
    fn sex(self, sex: Sex) -> Self;
    fn cat(self, category: &str) -> Self;
    fn status(self, status: Status) -> Self;
    fn gun(self, time: &str) -> Self;
    fn official(self, place: u32) -> Self;
    fn no_distance(self) -> Self;
    fn splits(self, times: &[&str]) -> Self;
}

impl RowExt for Runner {
    fn sex(mut self, sex: Sex) -> Self {
        self.sex = Some(sex);
        self
    }
    fn cat(mut self, category: &str) -> Self {
        self.category = Some(category.into());
        self
    }
    fn status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }
    fn gun(mut self, time: &str) -> Self {
        self.gun_time = t(time);
        self
    }
    fn official(mut self, place: u32) -> Self {
        self.official_place = Some(place);
        self
    }
    fn no_distance(mut self) -> Self {
        self.distance = None;
        self.distance_id = "unknown".into();
        self
    }
    fn splits(mut self, times: &[&str]) -> Self {
        self.splits = times.iter().map(|s| t(s)).collect();
        self
    }
}

pub trait DistExt {
    fn gun_ranked(self) -> Self;
    fn km(self, km: f64) -> Self;
    fn split_points(self, points: &[(&str, Option<f64>)]) -> Self;
    fn awards(self, places: u32, by: AwardsBy, prizes: &[u64], categories: bool) -> Self;
}

impl DistExt for Distance {
    fn gun_ranked(mut self) -> Self {
        self.ranking = Ranking::Gun;
        self
    }
    fn km(mut self, km: f64) -> Self {
        self.km = Some(km);
        self
    }
    fn split_points(mut self, points: &[(&str, Option<f64>)]) -> Self {
        self.splits = points
            .iter()
            .map(|(id, km)| SplitDef {
                id: (*id).into(),
                name: (*id).into(),
                km: *km,
            })
            .collect();
        self
    }
    fn awards(mut self, places: u32, by: AwardsBy, prizes: &[u64], categories: bool) -> Self {
        self.awards = Some(Awards {
            places,
            by,
            prizes: prizes.to_vec(),
            categories,
            ..Awards::default()
        });
        self
    }
}

/// The row index of the runner with this bib.
pub fn at(results: &Results, bib: &str) -> usize {
    results
        .runners
        .iter()
        .position(|r| r.bib == bib)
        .expect("bib in test results")
}

/// Bibs of a list of row indices, for readable assertions.
pub fn bibs(results: &Results, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| results.runners[i].bib.clone())
        .collect()
}
