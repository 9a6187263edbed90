//! Results in parts (docs/parts.md): a made-up field of Kazakh, Russian and Uzbek
//! runners, written in Cyrillic and in Latin, cut into parts small enough that keys
//! split deep. The head holds the leaders, every runner is filed where `pick` looks,
//! and a search over the parts it picks finds what the whole file finds.
#![cfg(not(target_arch = "wasm32"))]

use race_results::dataset::Dataset;
use race_results::format::parse_results;
use race_results::parts::pick::{part_for_bib, pick, Pick};
use race_results::parts::trie::MAX_KEY_BYTES;
use race_results::parts::write::{publish, publish_with, HEAD_FILE};
use race_results::parts::{is_plain_file_name, DistanceCounts, Head, PartRef, HEAD_ROWS};
use race_results::search::keys::{bib_key, may_hold, name_spellings, typed_spellings};
use race_results::search::SearchIndex;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

const MEN: &[&str] = &[
    "Иван",
    "Ivan",
    "Нурлан",
    "Nurlan",
    "Шухрат",
    "Shukhrat",
    "Жанибек",
    "Zhanibek",
    "Бахтиёр",
    "Baxtiyor",
    "Ержан",
    "Yerzhan",
    "Дмитрий",
    "Dmitriy",
    "Ўткир",
    "O'tkir",
    "Нурсултан",
    "Nursultan",
    "Алибек",
    "Alibek",
    "Хуршид",
    "Xurshid",
    "Сергей",
];
const WOMEN: &[&str] = &[
    "Жанна",
    "Zhanna",
    "Алёна",
    "Alyona",
    "Айгерим",
    "Aigerim",
    "Дильноза",
    "Dilnoza",
    "Гульнара",
    "Gulnara",
    "Мария",
    "Mariya",
    "Әлия",
    "Aliya",
    "Шолпан",
    "Sholpan",
];
/// Surnames in their masculine form; women's add "а" / "a" (Иванова, Ivanova).
const SURNAMES: &[&str] = &[
    "Иванов",
    "Ivanov",
    "Нурланов",
    "Nurlanov",
    "Каримов",
    "Karimov",
    "Жумабаев",
    "Zhumabaev",
    "Ёлкин",
    "Yolkin",
    "Қодиров",
    "Qodirov",
    "Сарсенов",
    "Sarsenov",
    "Алиев",
    "Aliev",
    "Абдулла-Ханов",
    "Nurlanuly",
];

/// Deterministic numbers (xorshift), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn time(seconds: usize) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// A results file of `n` runners over two distances, with splits, ties, DNFs and a
/// few letter bibs.
fn results_file(n: usize) -> Vec<u8> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut rows = Vec::new();
    for i in 0..n {
        let woman = rng.below(3) == 0;
        let first = if woman {
            WOMEN[rng.below(WOMEN.len())]
        } else {
            MEN[rng.below(MEN.len())]
        };
        let mut last = SURNAMES[rng.below(SURNAMES.len())].to_string();
        let latin = last.is_ascii();
        if woman && !last.ends_with("uly") {
            last.push(if latin { 'a' } else { 'а' });
        }
        let name = if rng.below(4) == 0 {
            format!("{last} {first}")
        } else {
            format!("{first} {last}")
        };
        let half = i % 2 == 0;
        let base = if half { 5400 } else { 2400 };
        // Coarse times, so some runners tie.
        let total = base + rng.below(120) * 30;
        let status = match rng.below(20) {
            0 => "dnf",
            1 => "dns",
            _ => "finished",
        };
        let bib = if i % 50 == 7 {
            format!("A{i}")
        } else {
            (i + 1).to_string()
        };
        let age = 20 + rng.below(50);
        let category = format!("{}{}", if woman { "F" } else { "M" }, age / 5 * 5);
        let mut row = json!({
            "bib": bib, "name": name, "sex": if woman { "F" } else { "M" },
            "category": category,
            "distance": if half { "21k" } else { "10k" }, "status": status,
        });
        if status != "dns" {
            let splits = if half {
                json!({ "5k": time(total / 4), "10k": time(total / 2 + rng.below(3)) })
            } else {
                json!({ "5k": time(total / 2) })
            };
            row["splits"] = splits;
            if status == "finished" {
                row["chip_time"] = time(total).into();
            }
        }
        rows.push(row);
    }
    let doc = json!({
        "format": "results/v1",
        "event": { "name": "Parts Test Run", "date": "2024-05-01" },
        "distances": [
            { "id": "21k", "name": "Half", "km": 21.1,
              "splits": [{ "id": "5k", "name": "5 km" }, { "id": "10k", "name": "10 km" }] },
            { "id": "10k", "name": "10 km", "km": 10, "splits": [{ "id": "5k", "name": "5 km" }] },
        ],
        "results": rows,
    });
    serde_json::to_vec(&doc).unwrap()
}

/// The head's `parts` object, read the way docs/parts.md writes it (test-only: the
/// viewer's reader lives in src/format).
fn read_head(text: &str) -> Head {
    let doc: Value = serde_json::from_str(text).unwrap();
    let p = &doc["parts"];
    assert_eq!(p["version"], 1);
    let n = |v: &Value| v.as_u64().unwrap() as u32;
    let refs = |list: &Value| -> Vec<PartRef> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let hex = r["key"].as_str().unwrap();
                PartRef {
                    key: (0..hex.len())
                        .step_by(2)
                        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                        .collect(),
                    exact: r["exact"].as_bool().unwrap_or(false),
                    file: r["file"].as_str().unwrap().to_string(),
                    runners: n(&r["runners"]),
                }
            })
            .collect()
    };
    Head {
        whole: p["whole"].as_str().unwrap().to_string(),
        runners: n(&p["runners"]),
        distances: p["distances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| DistanceCounts {
                id: d["id"].as_str().unwrap().to_string(),
                runners: n(&d["runners"]),
                finishers: n(&d["finishers"]),
                by_sex: ["M", "F", "X"].map(|s| n(&d["sex"][s])),
                categories: d["categories"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(c, v)| (c.clone(), n(v)))
                    .collect(),
            })
            .collect(),
        names: refs(&p["names"]),
        bibs: refs(&p["bibs"]),
    }
}

/// (bib, name, standing) of every row of a file.
fn rows_of(text: &str) -> Vec<(String, String, Value)> {
    let loaded = parse_results(text.as_bytes()).unwrap();
    let doc: Value = serde_json::from_str(text).unwrap();
    let standings = doc["results"].as_array().unwrap();
    assert_eq!(loaded.results.runners.len(), standings.len());
    loaded
        .results
        .runners
        .iter()
        .zip(standings)
        .map(|(r, row)| (r.bib.clone(), r.name.clone(), row["standing"].clone()))
        .collect()
}

struct Published {
    whole: Dataset,
    head: Head,
    files: HashMap<String, String>,
}

fn published(runners: usize, limit: usize) -> Published {
    let whole = Dataset::load(&results_file(runners)).unwrap();
    let files: HashMap<String, String> = publish_with(&whole, "../whole.json", limit)
        .into_iter()
        .collect();
    let head = read_head(&files[HEAD_FILE]);
    Published { whole, head, files }
}

fn bibs_found(index: &SearchIndex, bibs: &[String], query: &str) -> BTreeSet<String> {
    index
        .search_unranked(query, |_| true)
        .iter()
        .map(|h| bibs[h.index as usize].clone())
        .collect()
}

/// Whether a runner answers to `query` without a typo: the bib starts with it, or
/// every typed word is the start of a spelling of one of the name's words. Such a
/// runner must be in the parts `pick` chooses.
fn reachable(query: &str, bib: &str, name: &str) -> bool {
    let q = query.trim().trim_start_matches(['#', '№']).trim_start();
    if !q.is_empty() && !q.contains(char::is_whitespace) && bib_key(bib).starts_with(&bib_key(q)) {
        return true;
    }
    let spellings = name_spellings(name);
    let typed = typed_spellings(query);
    !typed.is_empty()
        && typed.iter().all(|forms| {
            forms.iter().any(|t| {
                spellings
                    .iter()
                    .any(|s| t.len() <= s.len() && may_hold(s, false, t))
            })
        })
}

fn queries(data: &Dataset) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in &data.results.runners {
        let words: Vec<&str> = r.name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        for w in &words {
            let chars: Vec<char> = w.chars().collect();
            for k in 1..=chars.len().min(4) {
                out.insert(chars[..k].iter().collect::<String>());
            }
            out.insert(w.to_string());
        }
        out.insert(r.name.clone());
        let mut swapped = words.clone();
        swapped.reverse();
        out.insert(swapped.join(" "));
        if let [a, b, ..] = words[..] {
            let cut: String = b.chars().take(3).collect();
            out.insert(format!("{a} {cut}"));
        }
        let bib: Vec<char> = r.bib.chars().collect();
        for k in 1..=bib.len() {
            out.insert(bib[..k].iter().collect());
        }
    }
    // The other script, typed by someone who knows the name only by ear.
    for q in [
        "ivan",
        "ИВАН",
        "zhan",
        "Жан",
        "shukh",
        "Шух",
        "yolk",
        "Ёлк",
        "елк",
        "nurl",
        "Нур",
        "qod",
        "Код",
        "xur",
        "Хур",
        "otk",
        "Ўтк",
        "Ivanova Жанна",
        "#12",
        "№1",
        "a1",
        "A",
        "zzz",
        "#",
    ] {
        out.insert(q.to_string());
    }
    out
}

/// Every query finds the same runners in the parts `pick` chooses as in the whole
/// file, but for typo matches, which only the whole file finds.
fn same_runners(p: &Published) {
    let runners = &p.whole.results.runners;
    let bibs: Vec<String> = runners.iter().map(|r| r.bib.clone()).collect();
    let whole = SearchIndex::build(runners.iter().map(|r| (r.bib.as_str(), r.name.as_str())));
    let mut parsed: HashMap<String, Vec<(String, String, Value)>> = HashMap::new();
    let (mut compared, mut found, mut equal) = (0, 0, 0);
    for query in queries(&p.whole) {
        let files = match pick(&query, &p.head) {
            Pick::Parts(files) => files,
            Pick::TooBroad => continue,
            Pick::Nothing => panic!("{query:?} is not blank"),
        };
        let mut held: Vec<(String, String)> = Vec::new();
        for f in &files {
            let rows = parsed
                .entry(f.clone())
                .or_insert_with(|| rows_of(&p.files[f]));
            for (bib, name, _) in rows.iter() {
                if !held.iter().any(|(b, _)| b == bib) {
                    held.push((bib.clone(), name.clone()));
                }
            }
        }
        let part_bibs: Vec<String> = held.iter().map(|(b, _)| b.clone()).collect();
        let index = SearchIndex::build(held.iter().map(|(b, n)| (b.as_str(), n.as_str())));
        let in_parts = bibs_found(&index, &part_bibs, &query);
        let in_whole = bibs_found(&whole, &bibs, &query);
        assert!(in_parts.is_subset(&in_whole), "{query:?}: {in_parts:?}");
        for bib in &in_whole {
            let r = runners.iter().find(|r| &r.bib == bib).unwrap();
            if reachable(&query, bib, &r.name) {
                assert!(in_parts.contains(bib), "{query:?} misses {bib} {}", r.name);
            }
        }
        compared += 1;
        found += usize::from(!in_whole.is_empty());
        equal += usize::from(in_whole == in_parts);
    }
    assert!(compared > 500 && found > 400, "{compared} {found}");
    // Only typo matches differ, and few queries have them.
    assert!(equal * 10 > compared * 9, "{equal} of {compared}");
}

#[test]
fn parts_find_what_the_whole_file_finds() {
    for limit in [20, 60] {
        same_runners(&published(600, limit));
    }
}

#[test]
fn the_head_holds_the_leaders_with_the_whole_files_places() {
    let p = published(600, 20);
    let s = &p.whole.standings;
    let results = &p.whole.results;
    let text = &p.files[HEAD_FILE];
    let head = parse_results(text.as_bytes()).unwrap();
    assert_eq!(head.results.event, results.event);
    assert_eq!(head.results.distances, results.distances);
    let rows = rows_of(text);
    let mut want = Vec::new();
    for d in 0..results.distances.len() {
        let placed = s.placed(d);
        assert!(placed.len() > HEAD_ROWS);
        want.extend(
            placed
                .iter()
                .take(HEAD_ROWS)
                .map(|&i| results.runners[i].bib.clone()),
        );
    }
    let got: Vec<String> = rows.iter().map(|(b, _, _)| b.clone()).collect();
    assert_eq!(got, want);
    // Places computed from the head alone are the whole file's, as the rows say.
    let alone = Dataset::load(text.as_bytes()).unwrap();
    for (k, (bib, _, standing)) in rows.iter().enumerate() {
        let i = standing["row"].as_u64().unwrap() as usize;
        assert_eq!(&results.runners[i].bib, bib);
        let (mine, theirs) = (alone.standings.placing(k), s.placing(i));
        assert_eq!(mine, theirs, "{bib}");
        assert_eq!(standing["overall"].as_u64(), theirs.overall.map(u64::from));
        assert_eq!(standing["sex"].as_u64(), theirs.sex.map(u64::from));
    }
    assert_eq!(p.head.whole, "../whole.json");
    assert_eq!(p.head.runners, 600);
    for (d, counts) in p.head.distances.iter().enumerate() {
        assert_eq!(counts.id, results.distances[d].id);
        assert_eq!(counts.runners as usize, s.order(d).len());
        assert_eq!(counts.finishers, s.finishers(d));
        assert_eq!(counts.by_sex[0] + counts.by_sex[1], s.finishers(d));
        let in_categories: u32 = counts.categories.iter().map(|(_, n)| n).sum();
        assert_eq!(in_categories, s.finishers(d));
    }
}

#[test]
fn parts_are_plain_files_of_bounded_size_filing_everyone() {
    let limit = 20;
    let p = published(600, limit);
    let s = &p.whole.standings;
    let runners = &p.whole.results.runners;
    let all: Vec<&PartRef> = p.head.names.iter().chain(&p.head.bibs).collect();
    assert_eq!(p.files.len(), all.len() + 1);
    assert!(all.iter().any(|r| r.exact) && all.iter().any(|r| r.key.len() >= 3));
    let mut rows_in = HashMap::new();
    for part in &all {
        assert!(is_plain_file_name(&part.file), "{}", part.file);
        assert!(!part.key.is_empty());
        let rows = rows_of(&p.files[&part.file]);
        assert_eq!(rows.len(), part.runners as usize, "{}", part.file);
        // A key as long as keys go stays whole, and so do the words that are a split
        // key itself (many Alenas): neither can be cut further.
        assert!(
            rows.len() <= limit || part.key.len() == MAX_KEY_BYTES || part.exact,
            "{}",
            part.file
        );
        let at: Vec<usize> = rows
            .iter()
            .map(|r| r.2["row"].as_u64().unwrap() as usize)
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{}: rows in file order",
            part.file
        );
        for (&i, (bib, _, standing)) in at.iter().zip(&rows) {
            assert_eq!(&runners[i].bib, bib);
            assert_eq!(
                standing["overall"].as_u64(),
                s.placing(i).overall.map(u64::from)
            );
        }
        rows_in.insert(part.file.clone(), at);
    }
    // Each spelling of each runner lies in exactly one part, and that part has them.
    let covering = |parts: &[PartRef], key: &[u8]| -> Vec<String> {
        parts
            .iter()
            .filter(|p| p.files(key))
            .map(|p| p.file.clone())
            .collect()
    };
    for (i, r) in runners.iter().enumerate() {
        for spelling in name_spellings(&r.name) {
            let files = covering(&p.head.names, &spelling);
            assert_eq!(files.len(), 1, "{} {spelling:?}: {files:?}", r.name);
            assert!(rows_in[&files[0]].contains(&i));
        }
        let files = covering(&p.head.bibs, &bib_key(&r.bib));
        assert_eq!(files.len(), 1, "{}", r.bib);
        assert!(rows_in[&files[0]].contains(&i));
    }
}

#[test]
fn a_link_to_a_runner_finds_their_part() {
    let p = published(600, 20);
    for r in &p.whole.results.runners {
        let file = part_for_bib(&r.bib, &p.head).unwrap_or_else(|| panic!("{}", r.bib));
        assert!(rows_of(&p.files[&file]).iter().any(|(b, _, _)| b == &r.bib));
    }
    assert_eq!(part_for_bib("no such bib", &p.head), None);
}

#[test]
fn a_small_field_stays_in_few_parts() {
    let whole = Dataset::load(&results_file(100)).unwrap();
    let files = publish(&whole, "../r.json");
    assert_eq!(files[0].0, HEAD_FILE);
    let head = read_head(&files[0].1);
    // The root always splits, by first letter; nothing splits further.
    assert!(head
        .names
        .iter()
        .chain(&head.bibs)
        .all(|p| p.key.len() == 1 && !p.exact));
    assert_eq!(pick("", &head), Pick::Nothing);
    assert!(matches!(pick("Ivan", &head), Pick::Parts(f) if !f.is_empty()));
}
