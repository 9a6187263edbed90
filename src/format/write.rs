//! `Results` back to a format v1 document, e.g. to save what the importer made of a
//! CSV. Reading the output gives the same `Results` again.
use super::{FORMAT_V1, STARTED};
use crate::domain::{
    AgeGrading, Awards, AwardsBy, Distance, Event, EventStatus, GroupAwards, Leg, RaceTime,
    Ranking, Results, Runner, TeamBy, TeamRules, TeamScoring, TieBreak,
};
use serde_json::{json, Map, Number, Value};

pub fn to_json(results: &Results) -> Value {
    let mut doc = json!({
        "format": FORMAT_V1,
        "event": event(&results.event),
        "distances": results.distances.iter().map(distance).collect::<Vec<_>>(),
        "results": results
            .runners
            .iter()
            .map(|r| runner(r, &results.distances))
            .collect::<Vec<_>>(),
    });
    if let (Some(g), Value::Object(m)) = (&results.age_grading, &mut doc) {
        m.insert("age_grading".into(), age_grading(g));
    }
    doc
}

fn age_grading(g: &AgeGrading) -> Value {
    let tables: Vec<Value> = g
        .tables
        .iter()
        .map(|t| {
            json!({
                "km": km(Some(t.km)),
                "sex": t.sex.code(),
                "open": time_text(t.open),
                "first_age": t.first_age,
                "factors": t.factors,
            })
        })
        .collect();
    json!({ "source": g.source, "tables": tables })
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v.into());
    }
}

fn km(x: Option<f64>) -> Option<Value> {
    x.and_then(Number::from_f64).map(Value::Number)
}

fn event(e: &Event) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), e.name.clone().into());
    put(&mut m, "date", e.date.clone());
    put(&mut m, "place", e.place.clone());
    put(&mut m, "utc_offset", e.utc_offset.clone());
    put(&mut m, "currency", e.currency.clone());
    let status = match e.status {
        EventStatus::Official => "official",
        EventStatus::Provisional => "provisional",
    };
    m.insert("status".into(), status.into());
    put(&mut m, "updated", e.updated.clone());
    Value::Object(m)
}

fn distance(d: &Distance) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), d.id.clone().into());
    m.insert("name".into(), d.name.clone().into());
    put(&mut m, "km", km(d.km));
    put(&mut m, "start", d.start.clone());
    let ranking = match d.ranking {
        Ranking::Chip => "chip",
        Ranking::Gun => "gun",
    };
    m.insert("ranking".into(), ranking.into());
    if !d.splits.is_empty() {
        let splits = d
            .splits
            .iter()
            .map(|s| {
                let mut sm = Map::new();
                sm.insert("id".into(), s.id.clone().into());
                sm.insert("name".into(), s.name.clone().into());
                put(&mut sm, "km", km(s.km));
                Value::Object(sm)
            })
            .collect::<Vec<_>>();
        m.insert("splits".into(), splits.into());
    }
    put(&mut m, "awards", d.awards.as_ref().map(awards));
    put(&mut m, "teams", d.teams.as_ref().map(teams));
    if d.relay {
        m.insert("relay".into(), true.into());
    }
    Value::Object(m)
}

fn awards(a: &Awards) -> Value {
    let by = match a.by {
        AwardsBy::Sex => "sex",
        AwardsBy::Overall => "overall",
    };
    let mut m = Map::new();
    m.insert("places".into(), a.places.into());
    m.insert("by".into(), by.into());
    if !a.prizes.is_empty() {
        m.insert("prizes".into(), a.prizes.clone().into());
    }
    m.insert("categories".into(), a.categories.into());
    // The later settings only when used, so older files are written as before.
    if a.exclude_winners {
        m.insert("exclude_winners".into(), true.into());
    }
    if a.min_finishers > 0 {
        m.insert("min_finishers".into(), a.min_finishers.into());
    }
    if !a.groups.is_empty() {
        let groups: Vec<Value> = a.groups.iter().map(award_group).collect();
        m.insert("groups".into(), groups.into());
    }
    Value::Object(m)
}

fn award_group(g: &GroupAwards) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), g.id.clone().into());
    put(&mut m, "places", g.places);
    put(&mut m, "prizes", g.prizes.clone());
    put(&mut m, "merge_into", g.merge_into.clone());
    Value::Object(m)
}

fn teams(t: &TeamRules) -> Value {
    let by = match t.by {
        TeamBy::Club => "club",
        TeamBy::Team => "team",
    };
    let score = match t.score {
        TeamScoring::Places => "places",
        TeamScoring::Times => "times",
    };
    let tie_break = match t.tie_break {
        TieBreak::LastScorer => "last_scorer",
        TieBreak::None => "none",
    };
    let groups: Vec<Value> = t
        .groups
        .iter()
        .map(|g| {
            let mut m = Map::new();
            m.insert("id".into(), g.group.code().into());
            put(&mut m, "scorers", g.scorers);
            let default = g.group.default_min();
            put(
                &mut m,
                "min_women",
                (g.min_women != default).then_some(g.min_women),
            );
            put(
                &mut m,
                "min_men",
                (g.min_men != default).then_some(g.min_men),
            );
            Value::Object(m)
        })
        .collect();
    json!({
        "by": by,
        "scorers": t.scorers,
        "score": score,
        "tie_break": tie_break,
        "groups": groups,
    })
}

fn leg(l: &Leg) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), l.name.clone().into());
    put(&mut m, "bib", l.bib.clone());
    put(&mut m, "sex", l.sex.map(|s| s.code()));
    put(&mut m, "time", l.time.map(time_text));
    Value::Object(m)
}

fn runner(r: &Runner, distances: &[Distance]) -> Value {
    let mut m = Map::new();
    m.insert("bib".into(), r.bib.clone().into());
    m.insert("name".into(), r.name.clone().into());
    put(&mut m, "sex", r.sex.map(|s| s.code()));
    put(&mut m, "birth_year", r.birth_year);
    put(&mut m, "age", r.age);
    put(&mut m, "category", r.category.clone());
    put(&mut m, "club", r.club.clone());
    put(&mut m, "city", r.city.clone());
    put(&mut m, "country", r.country.clone());
    put(&mut m, "team", r.team.clone());
    let def = r.distance.and_then(|d| distances.get(d));
    let distance_id = def.map_or(r.distance_id.as_str(), |d| d.id.as_str());
    m.insert("distance".into(), distance_id.into());
    let status = if r.on_course {
        STARTED
    } else {
        r.status.code()
    };
    m.insert("status".into(), status.into());
    put(&mut m, "chip_time", r.chip_time.map(time_text));
    put(&mut m, "gun_time", r.gun_time.map(time_text));
    if let Some(def) = def {
        let splits: Map<String, Value> = def
            .splits
            .iter()
            .zip(&r.splits)
            .filter_map(|(s, t)| t.map(|t| (s.id.clone(), time_text(t).into())))
            .collect();
        if !splits.is_empty() {
            m.insert("splits".into(), Value::Object(splits));
        }
    }
    put(&mut m, "place", r.official_place);
    if !r.legs.is_empty() {
        let legs: Vec<Value> = r.legs.iter().map(leg).collect();
        m.insert("legs".into(), legs.into());
    }
    Value::Object(m)
}

/// "H:MM:SS" with as many fraction digits as the time has (up to milliseconds), so
/// reading it back gives the same time.
pub(crate) fn time_text(t: RaceTime) -> String {
    let total = t.0 / 1000;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let ms = t.0 % 1000;
    if ms == 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        let frac = format!("{ms:03}");
        format!("{h}:{m:02}:{s:02}.{}", frac.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::parse_time;

    #[test]
    fn times_keep_their_precision() {
        let table = [
            (RaceTime(8_731_000), "2:25:31"),
            (RaceTime(8_731_400), "2:25:31.4"),
            (RaceTime(8_731_450), "2:25:31.45"),
            (RaceTime(8_731_007), "2:25:31.007"),
            (RaceTime(93_790_000), "26:03:10"),
            (RaceTime(0), "0:00:00"),
        ];
        for (t, text) in table {
            assert_eq!(time_text(t), text);
            assert_eq!(parse_time(text), Ok(t));
        }
    }
}
