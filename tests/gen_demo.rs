//! The demo generator as its users see it: the built binary, its output file, and the
//! committed public/results.json it must keep reproducing. Also the hand-made fixtures
//! that sit beside it.
#![cfg(not(target_arch = "wasm32"))]

use race_results::domain::time::parse_time;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs gen_demo with `args` into a temporary file of its own and returns its bytes.
fn generate(args: &[&str]) -> Vec<u8> {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!("gen_demo_test_{}_{run}.json", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_gen_demo"))
        .args(args)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("gen_demo runs");
    assert!(
        output.status.success(),
        "gen_demo {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).expect("gen_demo wrote its file");
    let _ = std::fs::remove_file(&out);
    bytes
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

fn default_file() -> Value {
    parse(&generate(&[]))
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn rows(file: &Value) -> &[Value] {
    file["results"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// Tenths of a second, from either form the format allows (text or seconds).
fn time(v: &Value, key: &str) -> Option<u32> {
    v.get(key).map(tenths)
}

fn tenths(t: &Value) -> u32 {
    match t {
        Value::String(t) => parse_time(t).unwrap_or_else(|e| panic!("{t:?}: {e:?}")).0 / 100,
        Value::Number(n) => n
            .as_f64()
            .map_or(u32::MAX, |secs| (secs * 10.0).round() as u32),
        other => panic!("not a time: {other}"),
    }
}

fn status(row: &Value) -> &str {
    row.get("status")
        .and_then(Value::as_str)
        .unwrap_or("finished")
}

/// The time places come from on the row's distance.
fn ranking_time(file: &Value, row: &Value) -> Option<u32> {
    let gun = file["distances"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| text(d, "id") == text(row, "distance") && text(d, "ranking") == "gun");
    if gun {
        time(row, "gun_time")
    } else {
        time(row, "chip_time")
    }
}

/// Finishers of one group, fastest first: (ranking time, bib, name).
fn standings<'a>(
    file: &'a Value,
    distance: &str,
    keep: impl Fn(&Value) -> bool,
) -> Vec<(u32, &'a str, &'a str)> {
    let mut list: Vec<(u32, &str, &str)> = rows(file)
        .iter()
        .filter(|r| text(r, "distance") == distance && status(r) == "finished" && keep(r))
        .filter_map(|r| Some((ranking_time(file, r)?, text(r, "bib"), text(r, "name"))))
        .collect();
    list.sort();
    list
}

/// The row's split times, tenths, in the order of its distance's split points.
fn splits_in_course_order(file: &Value, row: &Value) -> Vec<u32> {
    let Some(times) = row.get("splits").and_then(Value::as_object) else {
        return Vec::new();
    };
    let points = file["distances"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| text(d, "id") == text(row, "distance"))
        .and_then(|d| d["splits"].as_array())
        .map_or(&[][..], Vec::as_slice);
    assert!(
        times
            .keys()
            .all(|id| points.iter().any(|p| text(p, "id") == id)),
        "{row}"
    );
    points
        .iter()
        .filter_map(|p| times.get(text(p, "id")).map(tenths))
        .collect()
}

#[test]
fn same_arguments_give_the_same_bytes() {
    let a = generate(&["--runners", "600", "--seed", "7"]);
    let b = generate(&["--runners", "600", "--seed", "7"]);
    let c = generate(&["--runners", "600", "--seed", "8"]);
    assert!(a == b, "two runs with the same seed differ");
    assert!(a != c, "another seed gave the same file");
}

#[test]
fn committed_demo_file_is_what_the_generator_writes() {
    let committed =
        std::fs::read(root().join("public/results.json")).expect("public/results.json exists");
    assert!(
        committed == generate(&[]),
        "public/results.json is stale: run `cargo run --release --bin gen_demo` and commit it"
    );
}

#[test]
fn reported_winners_win_clearly() {
    let file = default_file();
    let table = [
        ("42k", "M", "Islam Amangos", "1"),
        ("42k", "F", "Dana Gussarova", "2"),
        ("21k", "M", "Shokhrukh Davlatov", "1001"),
        ("21k", "F", "Assem Kabidoldanova", "1002"),
    ];
    for (distance, sex, name, bib) in table {
        let list = standings(&file, distance, |r| text(r, "sex") == sex);
        assert!(list.len() > 100, "{distance} {sex}");
        assert_eq!((list[0].1, list[0].2), (bib, name), "{distance} {sex}");
        assert!(list[0].0 < list[1].0, "{name} must win alone");
    }
    // The marathon ranks by gun time, and its winners' chip times lead too.
    let islam = rows(&file)
        .iter()
        .find(|r| text(r, "bib") == "1")
        .expect("bib 1");
    assert_eq!(time(islam, "gun_time"), Some(87_310));
}

#[test]
fn a_disqualified_runner_is_not_second() {
    let file = default_file();
    let dsq_fast = rows(&file)
        .iter()
        .filter(|r| text(r, "distance") == "21k" && status(r) == "dsq")
        .filter_map(|r| time(r, "chip_time"))
        .min();
    let second = standings(&file, "21k", |r| text(r, "sex") == "M")[1].0;
    assert!(
        dsq_fast.is_some_and(|t| t < second),
        "a dsq with a podium time tests that dsq wins nothing"
    );
}

#[test]
fn distances_counts_and_bibs() {
    let file = default_file();
    let ids: Vec<&str> = file["distances"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| text(d, "id"))
        .collect();
    assert_eq!(ids, ["42k", "21k", "10k", "10k-walk"]);
    let table = [
        ("42k", 700, 1, 999),
        ("21k", 1100, 1001, 2999),
        ("10k", 900, 3001, 4999),
        ("10k-walk", 300, 5001, 5999),
    ];
    let mut bibs = HashSet::new();
    for row in rows(&file) {
        assert!(ids.contains(&text(row, "distance")), "{row}");
        assert!(
            bibs.insert(text(row, "bib")),
            "duplicate bib {}",
            text(row, "bib")
        );
    }
    for (distance, count, low, high) in table {
        let on: Vec<&Value> = rows(&file)
            .iter()
            .filter(|r| text(r, "distance") == distance)
            .collect();
        assert_eq!(on.len(), count, "{distance}");
        for row in on {
            let bib: u32 = text(row, "bib").parse().expect("numeric bib");
            assert!((low..=high).contains(&bib), "{distance} bib {bib}");
        }
    }
    assert_eq!(
        text(&file["event"], "name"),
        "Almaty Marathon 2021 (demo data)"
    );
    assert!(text(&file["event"], "note").contains("not the official results"));
}

#[test]
fn a_big_field_keeps_the_proportions() {
    let file = parse(&generate(&["--runners", "12000"]));
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut bibs = HashSet::new();
    for row in rows(&file) {
        *counts.entry(text(row, "distance")).or_default() += 1;
        assert!(bibs.insert(text(row, "bib")));
    }
    assert_eq!(counts["42k"], 2800);
    assert_eq!(counts["21k"], 4400);
    assert_eq!(counts["10k"], 3600);
    assert_eq!(counts["10k-walk"], 1200);
    assert_eq!(
        standings(&file, "42k", |r| text(r, "sex") == "M")[0].2,
        "Islam Amangos"
    );
}

#[test]
fn names_in_both_scripts_with_local_letters() {
    let file = default_file();
    let names: Vec<&str> = rows(&file).iter().map(|r| text(r, "name")).collect();
    let cyrillic = names
        .iter()
        .filter(|n| n.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)))
        .count();
    let share = cyrillic as f64 / names.len() as f64;
    assert!((0.35..0.5).contains(&share), "Cyrillic share {share}");
    let latin = names
        .iter()
        .filter(|n| n.chars().all(|c| !('\u{400}'..='\u{4FF}').contains(&c)))
        .count();
    assert_eq!(cyrillic + latin, names.len(), "no name mixes scripts");
    for letters in ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і", "o‘", "g‘", "ё"] {
        assert!(
            names.iter().any(|n| n.to_lowercase().contains(letters)),
            "no name with {letters}"
        );
    }
    // Russian-style surnames agree with the runner's sex.
    for row in rows(&file) {
        let surname = text(row, "name").rsplit(' ').next().unwrap_or("");
        let feminine = ["ova", "eva", "ina", "ова", "ева", "ина"]
            .iter()
            .any(|e| surname.ends_with(e));
        let masculine = ["ov", "ev", "ов", "ев"]
            .iter()
            .any(|e| surname.ends_with(e));
        match text(row, "sex") {
            "M" => assert!(!feminine, "{row}"),
            _ => assert!(!masculine, "{row}"),
        }
    }
}

#[test]
fn ties_on_purpose() {
    let file = default_file();
    let women = standings(&file, "10k", |r| text(r, "sex") == "F");
    assert_eq!(women[2].0, women[3].0, "10k women's third place is shared");
    assert!(women[1].0 < women[2].0 && women[3].0 < women[4].0);
    let m50 = standings(&file, "10k", |r| text(r, "category") == "M50");
    assert_eq!(m50[1].0, m50[2].0, "10k M50 second place is shared");
    assert!(m50[0].0 < m50[1].0 && m50[2].0 < m50[3].0);
}

#[test]
fn times_statuses_and_splits_agree() {
    let file = default_file();
    let mut by_status: HashMap<&str, usize> = HashMap::new();
    let mut tenths = 0;
    for row in rows(&file) {
        let st = status(row);
        *by_status.entry(st).or_default() += 1;
        let (chip, gun) = (time(row, "chip_time"), time(row, "gun_time"));
        let splits = splits_in_course_order(&file, row);
        match st {
            "finished" | "dsq" => {
                let (Some(chip), Some(gun)) = (chip, gun) else {
                    panic!("{row}")
                };
                assert!(
                    gun >= chip && gun - chip <= 2400,
                    "start delay up to four minutes: {row}"
                );
                assert!(splits.last().is_none_or(|&s| s < chip), "{row}");
                tenths += usize::from(chip % 10 != 0);
            }
            "dnf" => assert!(chip.is_none() && gun.is_none(), "{row}"),
            "dns" => assert!(
                chip.is_none() && gun.is_none() && splits.is_empty(),
                "{row}"
            ),
            other => panic!("status {other}"),
        }
        assert!(splits.windows(2).all(|w| w[0] < w[1]), "{row}");
    }
    let n = rows(&file).len();
    assert!(
        (60..=120).contains(&by_status["dnf"]),
        "{by_status:?} of {n}"
    );
    assert!((30..=90).contains(&by_status["dns"]), "{by_status:?}");
    assert!((4..=10).contains(&by_status["dsq"]), "{by_status:?}");
    assert!(tenths > 20, "some times have tenths");
    // A DNF on the marathon stopped somewhere along the course.
    let partial = rows(&file)
        .iter()
        .filter(|r| text(r, "distance") == "42k" && status(r) == "dnf")
        .any(|r| {
            r.get("splits")
                .and_then(Value::as_object)
                .is_some_and(|s| (1..8).contains(&s.len()))
        });
    assert!(partial);
}

/// Checks a fixture against format v1 without the viewer's parser: every row names a
/// distance, split ids exist, times parse, bibs are unique.
fn check_fixture(path: &str) -> Value {
    let file: Value =
        serde_json::from_slice(&std::fs::read(root().join(path)).expect(path)).expect(path);
    assert_eq!(text(&file, "format"), "results/v1");
    assert!(!text(&file["event"], "name").is_empty());
    let mut splits_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in file["distances"].as_array().expect("distances") {
        let ids = d
            .get("splits")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| text(s, "id"))
            .collect();
        assert!(
            splits_of.insert(text(d, "id"), ids).is_none(),
            "duplicate distance id"
        );
    }
    let mut bibs = HashSet::new();
    for row in rows(&file) {
        assert!(
            bibs.insert(text(row, "bib")) && !text(row, "bib").is_empty(),
            "{row}"
        );
        assert!(!text(row, "name").is_empty(), "{row}");
        let split_ids = splits_of
            .get(text(row, "distance"))
            .unwrap_or_else(|| panic!("unknown distance: {row}"));
        assert!(["M", "F", "X"].contains(&text(row, "sex")), "{row}");
        for key in ["chip_time", "gun_time"] {
            match row.get(key) {
                Some(Value::String(t)) => assert!(parse_time(t).is_ok(), "{row}"),
                Some(Value::Number(n)) => assert!(n.as_f64().is_some_and(|s| s >= 0.0), "{row}"),
                None => {}
                Some(other) => panic!("{key}: {other}"),
            }
        }
        for (id, t) in row
            .get("splits")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            assert!(split_ids.contains(&id.as_str()), "split {id}: {row}");
            assert!(parse_time(t.as_str().unwrap_or("")).is_ok(), "{row}");
        }
        let has_time = row.get("chip_time").is_some() || row.get("gun_time").is_some();
        match status(row) {
            "finished" | "dsq" => assert!(has_time || row.get("status").is_none(), "{row}"),
            "dnf" | "dns" => assert!(!has_time, "{row}"),
            other => panic!("status {other}"),
        }
    }
    file
}

#[test]
fn foreign_names_fixture() {
    let file = check_fixture("tests/fixtures/foreign_ties.json");
    let names: Vec<&str> = rows(&file).iter().map(|r| text(r, "name")).collect();
    for name in [
        "José Álvarez",
        "Łukasz Żółw",
        "Søren Ørsted",
        "Zoë O'Brien",
        "Әлия Құрманғали",
        "G‘ayrat O‘tkirov",
        "Алёна Ёлкина",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    assert!(
        rows(&file).iter().all(|r| r.get("place").is_none()),
        "places are computed, not given"
    );
    let overall = standings(&file, "10k", |_| true);
    assert!(
        overall[0].0 < overall[1].0 && overall[1].0 == overall[2].0 && overall[2].0 < overall[3].0
    );
    let women = standings(&file, "10k", |r| text(r, "sex") == "F");
    assert!(women[1].0 < women[2].0 && women[2].0 == women[3].0);
    for st in ["dnf", "dns", "dsq"] {
        assert!(rows(&file).iter().any(|r| status(r) == st), "{st}");
    }
    // A row with neither status nor time is a non-starter by the format's default.
    assert!(rows(&file)
        .iter()
        .any(|r| r.get("status").is_none() && r.get("chip_time").is_none()));
}

#[test]
fn ultra_fixture() {
    let file = check_fixture("tests/fixtures/ultra_small.json");
    let distance = &file["distances"][0];
    assert_eq!(text(distance, "ranking"), "gun");
    let finishers = standings(&file, text(distance, "id"), |_| true);
    assert!(finishers.len() >= 8);
    assert!(
        finishers.iter().any(|f| f.0 > 24 * 36_000),
        "times past a day"
    );
    let dnf: Vec<&Value> = rows(&file).iter().filter(|r| status(r) == "dnf").collect();
    assert_eq!(dnf.len(), 1);
    let reached = dnf[0]["splits"].as_object().map_or(0, |s| s.len());
    assert!(reached > 0 && reached < distance["splits"].as_array().map_or(0, Vec::len));
}

#[test]
fn demo_and_fixtures_load_without_warnings() {
    let table = [
        ("public/results.json", 3000),
        ("tests/fixtures/foreign_ties.json", 27),
        ("tests/fixtures/ultra_small.json", 11),
    ];
    for (path, runners) in table {
        let bytes = std::fs::read(root().join(path)).expect(path);
        let loaded =
            race_results::format::parse_results(&bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert!(loaded.warnings.is_empty(), "{path}: {:?}", loaded.warnings);
        assert_eq!(loaded.results.runners.len(), runners, "{path}");
        assert!(
            loaded.results.runners.iter().all(|r| r.distance.is_some()),
            "{path}"
        );
    }
}

/// Issue 15 in the demo: club standings on the marathon, the half and the Nordic walk,
/// each table with placed teams that field real scorers; masters prizes on the 10 km
/// with the main podiums' runners left out of the categories.
#[test]
fn demo_has_club_standings_and_masters_awards() {
    use race_results::dataset::Dataset;
    use race_results::domain::PodiumGroup;
    let bytes = std::fs::read(root().join("public/results.json")).unwrap();
    let d = Dataset::load(&bytes).unwrap();
    let ids = |t: &race_results::domain::TeamTable| {
        format!("{}/{}", d.results.distances[t.distance].id, t.group.code())
    };
    let tables: Vec<String> = d.teams().iter().map(ids).collect();
    assert_eq!(
        tables,
        [
            "42k/M",
            "42k/F",
            "21k/M",
            "21k/F",
            "21k/mixed",
            "10k-walk/overall"
        ]
    );
    for t in d.teams() {
        let placed = t.teams.iter().filter(|s| s.place.is_some()).count();
        assert!(placed >= 3, "{}: {placed} placed teams", ids(t));
        assert!(t
            .teams
            .iter()
            .all(|s| s.place.is_none() || s.scorers.len() == t.scorers as usize));
    }
    let ten = d.distance_index("10k").unwrap();
    let masters: Vec<_> = d
        .podiums()
        .iter()
        .filter(|p| p.distance == ten)
        .filter(|p| matches!(&p.group, PodiumGroup::Category(c) if c.ends_with("40")))
        .collect();
    assert_eq!(masters.len(), 2, "M40 and F40 podiums");
    for p in masters {
        assert!(p.entries.iter().all(|e| e.prize.is_some()), "{:?}", p.group);
        let main: Vec<usize> = d
            .podiums()
            .iter()
            .filter(|m| m.distance == ten && matches!(m.group, PodiumGroup::Sex(_)))
            .flat_map(|m| m.entries.iter().map(|e| e.runner))
            .collect();
        assert!(p.entries.iter().all(|e| !main.contains(&e.runner)));
    }
}
