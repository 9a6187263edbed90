//! What the viewer makes of results in parts (docs/parts.md): the head alone, and the
//! head with parts merged in, give every runner at hand the places, split positions
//! and counts of the whole file, though only some rows are there.
#![cfg(not(target_arch = "wasm32"))]

use race_results::dataset::Dataset;
use race_results::domain::Sex;
use race_results::format::parse_results;
use race_results::parts::merge::merged;
use race_results::parts::write::publish_with;
use std::collections::HashMap;

/// A made-up field: three distances (one with splits), both sexes, a few categories,
/// some DNFs; names repeat so parts are shared.
fn whole() -> String {
    let names = [
        "Иван Петров",
        "Ivan Petrov",
        "Жанна Ким",
        "Zhanna Kim",
        "Алибек Нуров",
        "Dilnoza Karimova",
        "Әлия Серикова",
        "O'tkir Rahimov",
    ];
    let mut rows = Vec::new();
    for i in 0..900u32 {
        let distance = ["42k", "21k", "10k"][(i % 3) as usize];
        let sex = if i % 4 == 0 { "F" } else { "M" };
        let secs = 2000 + (i * 7919) % 9000;
        let status = if i % 37 == 0 { "dnf" } else { "finished" };
        let category = format!("{sex}{}", 20 + (i % 5) * 10);
        let split = if distance == "42k" {
            format!(r#","splits":{{"half":{}}}"#, secs / 2 + (i % 13))
        } else {
            String::new()
        };
        rows.push(format!(
            r#"{{"bib":"{}","name":"{} {}","sex":"{sex}","category":"{category}","distance":"{distance}","status":"{status}","chip_time":{secs}{split}}}"#,
            100 + i,
            names[(i % 8) as usize],
            i / 8
        ));
    }
    format!(
        r#"{{"format":"results/v1","event":{{"name":"Parts test"}},"distances":[{{"id":"42k","name":"Marathon","km":42.195,"splits":[{{"id":"half","name":"Half"}}]}},{{"id":"21k","name":"Half"}},{{"id":"10k","name":"10 km"}}],"results":[{}]}}"#,
        rows.join(",")
    )
}

fn check_against(whole: &Dataset, at_hand: &Dataset) {
    let row_of: HashMap<&str, usize> = whole
        .results
        .runners
        .iter()
        .enumerate()
        .map(|(i, r)| (r.bib.as_str(), i))
        .collect();
    assert!(!at_hand.results.runners.is_empty());
    for (i, r) in at_hand.results.runners.iter().enumerate() {
        let w = row_of[r.bib.as_str()];
        assert_eq!(
            at_hand.standings.placing(i),
            whole.standings.placing(w),
            "bib {}",
            r.bib
        );
        assert_eq!(
            at_hand.standings.split_position(i, 0),
            whole.standings.split_position(w, 0)
        );
        if let (Some(d), Some(category)) = (r.distance, r.category.as_deref()) {
            assert_eq!(at_hand.standings.finishers(d), whole.standings.finishers(d));
            assert_eq!(
                at_hand.standings.finishers_by_sex(d, Sex::F),
                whole.standings.finishers_by_sex(d, Sex::F)
            );
            assert_eq!(
                at_hand.standings.finishers_in_category(d, category),
                whole.standings.finishers_in_category(d, category)
            );
        }
    }
}

#[test]
fn head_and_parts_carry_the_whole_files_places() {
    let text = whole();
    let data = Dataset::load(text.as_bytes()).unwrap();
    let files: HashMap<String, String> = publish_with(&data, "../results.json", 100)
        .into_iter()
        .collect();
    let head = parse_results(files["head.json"].as_bytes()).unwrap();
    let info = head.parts.clone().expect("a head");
    assert_eq!(info.whole, "../results.json");
    assert_eq!(info.runners, 900);

    let alone = Dataset::from_loaded(merged(&head, []));
    assert!(alone.is_partial());
    check_against(&data, &alone);

    let parts: Vec<_> = info
        .names
        .iter()
        .take(4)
        .chain(info.bibs.iter().take(2))
        .map(|p| parse_results(files[&p.file].as_bytes()).unwrap())
        .collect();
    let with_parts = Dataset::from_loaded(merged(&head, parts.iter()));
    assert!(with_parts.results.runners.len() > alone.results.runners.len());
    check_against(&data, &with_parts);
    // Each runner once, in the whole file's order.
    let bibs: Vec<u32> = with_parts
        .results
        .runners
        .iter()
        .map(|r| r.bib.parse().unwrap())
        .collect();
    assert!(bibs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_whole_file_is_not_partial() {
    let data = Dataset::load(whole().as_bytes()).unwrap();
    assert!(!data.is_partial());
}
