//! The real exports in ../shared/data (read at test time, never copied here): every row
//! accounted for, names sensible, times readable, places consistent.
use race_results::domain::time::parse_time;
use race_results::import::{convert, guess_mapping, read_table, Conversion, Field, ImportNote};
use std::path::PathBuf;
use std::time::Instant;

fn real_file(name: &str) -> Option<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !dir.is_dir() {
        eprintln!(
            "SKIPPED: {} is missing, real exports not tested",
            dir.display()
        );
        return None;
    }
    let path = dir.join(name);
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn import(name: &str, bytes: &[u8]) -> Conversion {
    let started = Instant::now();
    let table = read_table(bytes, name).expect("reads");
    let mapping = guess_mapping(&table);
    let c = convert(&table, &mapping);
    eprintln!(
        "{name}: {} rows converted in {:?}",
        c.rows_in,
        started.elapsed()
    );
    c
}

fn results(c: &Conversion) -> &Vec<serde_json::Value> {
    c.json["results"].as_array().expect("results")
}

/// Every finisher has a chip time the format reads, and place 1 has the fastest.
fn check_times_and_places(c: &Conversion) {
    let mut fastest = (u32::MAX, 0u64);
    let mut places = Vec::new();
    for r in results(c) {
        assert_eq!(r["status"], "finished", "{r}");
        let t = parse_time(r["chip_time"].as_str().expect("chip time")).expect("readable time");
        let place = r["place"].as_u64().expect("place");
        places.push(place);
        if t.0 < fastest.0 {
            fastest = (t.0, place);
        }
    }
    assert_eq!(fastest.1, 1, "place 1 has the fastest time");
    places.sort_unstable();
    places.dedup();
    assert_eq!(places.len(), results(c).len(), "places are distinct");
    assert_eq!(places.first(), Some(&1));
}

fn check_viewer_reads(c: &Conversion) {
    let bytes = serde_json::to_vec(&c.json).unwrap();
    let loaded = race_results::format::parse_results(&bytes).expect("the viewer reads it");
    assert_eq!(loaded.results.runners.len(), c.results());
    assert_eq!(c.rows_in, loaded.results.runners.len() + c.rows_skipped);
    let row_warnings: Vec<_> = loaded.warnings.iter().filter(|w| w.row.is_some()).collect();
    assert!(
        row_warnings.is_empty(),
        "{:?}",
        &row_warnings[..row_warnings.len().min(5)]
    );
}

#[test]
fn boston_marathon_2017() {
    let Some(bytes) = real_file("boston_marathon_2017.csv") else {
        return;
    };
    let table = read_table(&bytes, "boston_marathon_2017.csv").unwrap();
    let mapping = guess_mapping(&table);
    let at = |h: &str| mapping.columns[table.headers.iter().position(|x| x == h).unwrap()].clone();
    assert_eq!(at("Overall"), Field::Place);
    assert_eq!(at("Official Time"), Field::ChipTime);
    assert_eq!(
        at("Gender"),
        Field::Ignore,
        "a place among the same sex, not the sex"
    );
    assert_eq!(at("Division"), Field::Ignore);
    assert_eq!(at("Pace"), Field::Ignore);
    assert_eq!(at("M/F"), Field::Sex);

    let c = import("boston_marathon_2017.csv", &bytes);
    assert_eq!(
        (c.rows_in, c.rows_skipped, c.results()),
        (26_410, 0, 26_410)
    );
    let all = results(&c);
    assert_eq!(all[0]["name"], "Geoffrey Kirui");
    assert_eq!(all[0]["bib"], "11");
    assert_eq!(c.json["event"]["name"], "Boston Marathon 2017");
    assert_eq!(c.json["distances"][0]["km"], 42.195);
    assert_eq!(
        c.json["distances"][0]["splits"].as_array().unwrap().len(),
        9
    );
    // "Last, First" turned around everywhere; one runner wrote two commas.
    let with_comma: Vec<&str> = all
        .iter()
        .filter_map(|r| r["name"].as_str())
        .filter(|n| n.contains(','))
        .collect();
    assert_eq!(with_comma, ["Tseng, Tien Lin"]);
    assert!(all
        .iter()
        .all(|r| r["name"].as_str().is_some_and(|n| !n.trim().is_empty())));
    assert!(all.iter().any(|r| r["bib"] == "F3"));
    assert_eq!(all.iter().filter(|r| r["sex"] == "F").count(), 11_972);
    check_times_and_places(&c);
    check_viewer_reads(&c);
}

#[test]
fn paris_half_marathon_2023() {
    let Some(bytes) = real_file("paris_half_marathon_2023.csv") else {
        return;
    };
    let c = import("paris_half_marathon_2023.csv", &bytes);
    assert_eq!(
        (c.rows_in, c.rows_skipped, c.results()),
        (40_910, 0, 40_910)
    );
    let all = results(&c);
    assert_eq!(c.json["distances"][0]["km"], 21.0975);
    let first = &all[0];
    assert_eq!(first["name"], "Roncer KIPKORIR");
    assert_eq!(
        (first["sex"].as_str(), first["age"].as_u64()),
        (Some("M"), Some(28))
    );
    assert_eq!(first["bib"], "1", "no bib column: row numbers");
    assert!(c.notes.contains(&ImportNote::BibsGenerated {
        count: 40_910,
        first_row: 1
    }));
    assert_eq!(all.iter().filter(|r| r["sex"] == "F").count(), 14_104);
    assert!(all.iter().all(|r| r["age"].as_u64().is_some()));

    // Names with stray control characters or '?' are flagged and kept.
    let flagged: Vec<usize> = c
        .notes
        .iter()
        .filter_map(|n| match n {
            ImportNote::MojibakeSuspected { row, .. } => Some(*row),
            _ => None,
        })
        .collect();
    assert!(flagged.len() >= 37, "{} flagged", flagged.len());
    for row in &flagged {
        let name = all[row - 1]["name"].as_str().unwrap();
        assert!(!name.is_empty());
        assert!(!name.chars().any(char::is_control), "{name:?}");
    }
    let r = all.iter().find(|r| r["name"] == "Umberto D’AGOSTINO");
    assert!(r.is_some(), "C1 quote read as Windows-1252");
    check_times_and_places(&c);
    check_viewer_reads(&c);
}
