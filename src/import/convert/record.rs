//! The one record both converters build (CSV rows through a mapping, IOF XML person
//! results), and the results/v1 document written from it.

use serde_json::{Map, Value};

/// One result as the results file holds it; values the converter could not read are
/// kept as written so the viewer flags them.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Runner {
    pub bib: String,
    pub name: String,
    pub sex: Option<String>,
    pub age: Option<u16>,
    pub birth_year: Option<u16>,
    pub category: Option<String>,
    pub club: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub status: String,
    pub chip_time: Option<String>,
    pub gun_time: Option<String>,
    pub place: Option<u32>,
    /// A distance id ("" when the row named none).
    pub distance: String,
    /// Split id and time, in the order found.
    pub splits: Vec<(String, String)>,
    /// The team the runner scores for (a team column; the distance then has standings).
    pub team: Option<String>,
    /// A relay team's runners, in running order.
    pub legs: Vec<Leg>,
}

/// One runner of a relay team: their own leg's time, not counted from the start.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Leg {
    pub name: String,
    pub bib: Option<String>,
    pub sex: Option<String>,
    pub time: Option<String>,
}

/// One distance of the results file.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Course {
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
    /// Places come from the gun time (the file has no chip time).
    pub gun_ranking: bool,
    /// In course order.
    pub splits: Vec<Checkpoint>,
    /// Each result is a team with its legs.
    pub relay: bool,
    /// Team standings by the results' `team`.
    pub teams_by_team: bool,
}

/// An intermediate timing point of a distance.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Checkpoint {
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
}

/// One field of a JSON object. Not inlined: each inlined insert costs wasm bytes.
#[inline(never)]
fn put(object: &mut Map<String, Value>, key: &str, value: Value) {
    object.insert(key.to_string(), value);
}

fn put_some(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        put(object, key, v);
    }
}

impl Runner {
    fn to_json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "bib", self.bib.as_str().into());
        put(&mut o, "name", self.name.as_str().into());
        for (key, text) in [
            ("sex", &self.sex),
            ("category", &self.category),
            ("club", &self.club),
            ("city", &self.city),
            ("country", &self.country),
            ("team", &self.team),
            ("chip_time", &self.chip_time),
            ("gun_time", &self.gun_time),
        ] {
            put_some(&mut o, key, text.as_deref().map(Value::from));
        }
        put_some(&mut o, "age", self.age.map(Value::from));
        put_some(&mut o, "birth_year", self.birth_year.map(Value::from));
        put(&mut o, "status", self.status.as_str().into());
        put_some(&mut o, "place", self.place.map(Value::from));
        put(&mut o, "distance", self.distance.as_str().into());
        if !self.splits.is_empty() {
            let mut times = Map::new();
            for (id, time) in &self.splits {
                put(&mut times, id, time.as_str().into());
            }
            put(&mut o, "splits", times.into());
        }
        if !self.legs.is_empty() {
            let legs: Vec<Value> = self.legs.iter().map(Leg::to_json).collect();
            put(&mut o, "legs", legs.into());
        }
        Value::Object(o)
    }
}

impl Leg {
    fn to_json(&self) -> Value {
        let mut o = Map::new();
        put(&mut o, "name", self.name.as_str().into());
        for (key, text) in [("bib", &self.bib), ("sex", &self.sex), ("time", &self.time)] {
            put_some(&mut o, key, text.as_deref().map(Value::from));
        }
        Value::Object(o)
    }
}

impl Course {
    fn to_json(&self) -> Value {
        let mut d = Map::new();
        put(&mut d, "id", self.id.as_str().into());
        put(&mut d, "name", self.name.as_str().into());
        put_some(&mut d, "km", self.km.map(Value::from));
        if self.gun_ranking {
            put(&mut d, "ranking", "gun".into());
        }
        if self.relay {
            put(&mut d, "relay", true.into());
        }
        if self.teams_by_team {
            let mut teams = Map::new();
            put(&mut teams, "by", "team".into());
            put(&mut d, "teams", teams.into());
        }
        if !self.splits.is_empty() {
            let splits: Vec<Value> = self
                .splits
                .iter()
                .map(|s| {
                    let mut o = Map::new();
                    put(&mut o, "id", s.id.as_str().into());
                    put(&mut o, "name", s.name.as_str().into());
                    put_some(&mut o, "km", s.km.map(Value::from));
                    Value::Object(o)
                })
                .collect();
            put(&mut d, "splits", splits.into());
        }
        Value::Object(d)
    }
}

/// The results/v1 document: the event ("Results" when it has no name), its
/// distances and results.
pub(crate) fn document(
    event_name: &str,
    date: Option<&str>,
    courses: &[Course],
    runners: &[Runner],
) -> Value {
    let mut event = Map::new();
    let name = event_name.trim();
    put(
        &mut event,
        "name",
        if name.is_empty() { "Results" } else { name }.into(),
    );
    if let Some(date) = date.map(str::trim).filter(|d| !d.is_empty()) {
        put(&mut event, "date", date.into());
    }
    let mut doc = Map::new();
    put(&mut doc, "format", "results/v1".into());
    put(&mut doc, "event", Value::Object(event));
    let distances: Vec<Value> = courses.iter().map(Course::to_json).collect();
    put(&mut doc, "distances", distances.into());
    let results: Vec<Value> = runners.iter().map(Runner::to_json).collect();
    put(&mut doc, "results", results.into());
    Value::Object(doc)
}
