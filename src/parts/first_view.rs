//! The head's first view: the first rows of the default list as the viewer prints them,
//! with the few interface words around them in each language, so the page can paint
//! them from the head before the app has downloaded (index.html's boot script). It is
//! the head's own prerender, as data: the page puts every value in as text.
use crate::dataset::{Dataset, RowText, Selection};
use crate::domain::{EventStatus, Status};
use crate::i18n::{event_line, Lang};
use serde_json::{json, Map, Value};

/// Rows of the first view: more than a tall phone screen shows.
pub const FIRST_VIEW_ROWS: usize = 20;

/// The first view of `head` (the head's own rows, read as the viewer reads them), or
/// None when the default list would open with no finisher to show.
pub fn first_view(head: &Dataset) -> Option<Value> {
    // Only finishers: their row needs no badge, whose words depend on the language.
    // The list's order is kept: the first view stops at the first row it cannot show.
    let rows: Vec<Value> = head
        .select(&Selection::default())
        .into_iter()
        .take(FIRST_VIEW_ROWS)
        .map(|i| RowText::new(head, i as usize))
        .take_while(|r| r.status == Status::Finished && r.on_course.is_none())
        .map(row)
        .collect();
    if rows.is_empty() {
        return None;
    }
    let demo = head.is_demo();
    let provisional = head.results.event.status == EventStatus::Provisional;
    let teams = head.has_teams();
    let mut texts = Map::new();
    for lang in Lang::ALL {
        let t = lang.texts();
        // What the app shows above the search box, so the box does not move when the app
        // takes the page over: the language buttons' label, the notices, the view tabs.
        let notices: Vec<Value> = [
            (demo, "demo", t.demo_notice),
            (provisional, "provisional", t.provisional),
        ]
        .into_iter()
        .filter(|(shown, ..)| *shown)
        .map(|(_, kind, text)| json!({ "kind": kind, "text": text }))
        .collect();
        let tabs: Vec<&str> = [t.tab_results, t.tab_podiums]
            .into_iter()
            .chain(teams.then_some(t.tab_teams))
            .collect();
        let words = json!({
            "event": event_line(&head.results.event, lang),
            "language": t.language,
            "notices": notices,
            "tabs": tabs,
            "search_label": t.search_label,
            "search_placeholder": t.search_placeholder,
            "columns": [t.col_place, t.col_bib, t.col_name, t.col_from, t.col_groups, t.col_time, t.col_pace],
            "per_km": t.per_km,
            "age_grade": t.age_grade,
        });
        texts.insert(lang.code().into(), words);
    }
    Some(json!({ "rows": rows, "texts": texts }))
}

/// One row: only the fields it has.
fn row(r: RowText) -> Value {
    let mut m = Map::new();
    let mut put = |key: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            m.insert(key.into(), v.into());
        }
    };
    put("bib", Some(r.bib));
    put("name", Some(r.name));
    put("origin", Some(r.origin));
    put("place", r.place.map(|p| p.to_string()));
    put("distance", r.distance_name);
    put("sex", r.sex_place);
    put("category", r.category_place);
    put("grade", r.age_grade);
    put("time", Some(r.time));
    put("pace", r.pace);
    Value::Object(m)
}
