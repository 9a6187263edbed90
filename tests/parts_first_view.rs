//! The head's first view (docs/parts.md): the head starts with `parts`, whose
//! `first_view` holds the first rows of the list the viewer opens the head with, printed
//! as the list prints them, and the words around them in each language.
#![cfg(not(target_arch = "wasm32"))]

use race_results::dataset::{Dataset, RowText, Selection};
use race_results::domain::Status;
use race_results::i18n::Lang;
use race_results::parts::first_view::FIRST_VIEW_ROWS;
use race_results::parts::write::{publish, HEAD_FILE};
use serde_json::Value;

fn head_of(path: &str) -> String {
    let json = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let data = Dataset::load(&json).expect("the fixture loads");
    let files = publish(&data, "../results.json");
    let (name, text) = files.into_iter().next().expect("a head");
    assert_eq!(name, HEAD_FILE);
    text
}

#[test]
fn the_head_starts_with_its_parts_so_a_page_can_tell_it_from_its_first_bytes() {
    let head = head_of("public/results.json");
    assert!(
        head.starts_with(r#"{"parts":{"version":1,"#),
        "{}",
        &head[..60]
    );
    // The viewer reads it as before: the first view is ignored, nothing is warned about it.
    let data = Dataset::load(head.as_bytes()).expect("the head loads");
    assert!(data.is_partial());
    assert!(
        !data
            .warnings
            .iter()
            .any(|w| format!("{w:?}").contains("first_view")),
        "{:?}",
        data.warnings
    );
}

#[test]
fn the_first_view_is_the_first_rows_of_the_list_the_viewer_opens_the_head_with() {
    let text = head_of("public/results.json");
    let head = Dataset::load(text.as_bytes()).expect("the head loads");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let view = &doc["parts"]["first_view"];
    let rows = view["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), FIRST_VIEW_ROWS);

    let list = head.select(&Selection::default());
    for (got, &i) in rows.iter().zip(&list) {
        let want = RowText::new(&head, i as usize);
        assert_eq!(want.status, Status::Finished);
        assert_eq!(got["bib"], want.bib.as_str());
        assert_eq!(got["name"], want.name.as_str());
        assert_eq!(got["time"], want.time.as_str());
        assert_eq!(
            got["place"],
            want.place.expect("placed").to_string().as_str()
        );
        assert_eq!(got["pace"].as_str(), want.pace.as_deref());
        assert_eq!(got["sex"].as_str(), want.sex_place.as_deref());
        assert_eq!(got["category"].as_str(), want.category_place.as_deref());
        assert_eq!(got["distance"].as_str(), want.distance_name.as_deref());
        let origin = got["origin"].as_str().unwrap_or_default();
        assert_eq!(origin, want.origin);
    }
    // The demo's winner opens the list, with the whole file's place.
    assert_eq!(rows[0]["place"], "1");
    assert!(rows[0]["time"].as_str().is_some_and(|t| t.contains(':')));
}

#[test]
fn the_first_view_has_its_words_in_each_language() {
    let text = head_of("public/results.json");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let texts = &doc["parts"]["first_view"]["texts"];
    for lang in Lang::ALL {
        let t = lang.texts();
        let got = &texts[lang.code()];
        assert_eq!(got["search_placeholder"], t.search_placeholder, "{lang:?}");
        assert_eq!(got["search_label"], t.search_label, "{lang:?}");
        assert_eq!(got["per_km"], t.per_km, "{lang:?}");
        assert_eq!(got["columns"].as_array().map(Vec::len), Some(7), "{lang:?}");
        assert_eq!(got["columns"][0], t.col_place, "{lang:?}");
        // The demo's date and place, in the language's own date form.
        let event = got["event"].as_str().expect("event line");
        assert!(event.contains("2021"), "{lang:?}: {event}");
    }
    assert_ne!(texts["ru"]["event"], texts["en"]["event"]);
    // What the app shows above the search box: the demo's notice and its three tabs.
    let en = &texts["en"];
    assert_eq!(en["notices"][0]["kind"], "demo");
    assert_eq!(en["notices"][0]["text"], Lang::En.texts().demo_notice);
    assert_eq!(en["tabs"].as_array().map(Vec::len), Some(3), "{en}");
    assert_eq!(en["language"], Lang::En.texts().language);
}

#[test]
fn a_head_whose_list_opens_with_no_finisher_has_no_first_view() {
    let json = r#"{"format":"results/v1","event":{"name":"Trail"},
        "distances":[{"id":"t","name":"Trail"}],
        "results":[{"bib":"1","name":"A","distance":"t","status":"dnf"}]}"#;
    let data = Dataset::load(json.as_bytes()).expect("loads");
    let files = publish(&data, "../results.json");
    let doc: Value = serde_json::from_str(&files[0].1).expect("JSON");
    assert!(doc["parts"].is_object());
    assert!(doc["parts"].get("first_view").is_none(), "{}", files[0].1);
}
