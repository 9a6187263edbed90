//! Properties of a loaded file as the viewer shows it, on generated results files
//! (JSON text mixing good rows, rows with every kind of mistake, and entries that are
//! not rows at all):
//! - rows in = rows shown + rows flagged, and each skipped entry has its own warning;
//! - the default selection lists every runner exactly once;
//! - any filter, query and sort gives a subset of the runners without duplicates, and
//!   without a query exactly the runners the filters accept.
//!
//! (Places, podiums and search matching have their own property tests.)
use proptest::prelude::*;
use race_results::dataset::{Dataset, Selection, SortBy, StatusFilter};
use race_results::domain::{Sex, Status};
use race_results::format::Problem;

const DISTANCE_IDS: &[&str] = &["42k", "10k", "5k", "10K", ""];
const BIBS: &[&str] = &["1", "2", "3", "101", "A-7", "007", " 12 ", "<b>9</b>", ""];
const NAMES: &[&str] = &[
    "\"Islam Amangos\"",
    "\"Әлия Нұрланқызы\"",
    "\"Aigerim Sadykova\"",
    "\"<script>alert(1)</script>\"",
    "\"\\u202eAmangos\"",
    "\"\"",
    "42",
    "null",
    "[\"A\", \"B\"]",
];
const CATEGORIES: &[&str] = &["M20", "F35", " M20 ", ""];
const TIMES: &[&str] = &[
    "\"2:25:31\"",
    "\"38:12\"",
    "\"38:12\"",
    "\"0:38:12.4\"",
    "2292",
    "2292.5",
    "-5",
    "\"-0:01:00\"",
    "\"--\"",
    "\"NaN\"",
    "\"999999:00:00\"",
    "1e308",
    "null",
    "\"\"",
    "true",
    "{}",
];
const SEXES: &[&str] = &["\"M\"", "\"F\"", "\"X\"", "\"w\"", "\"male\"", "1", "null"];
const STATUSES: &[&str] = &[
    "\"finished\"",
    "\"dnf\"",
    "\"DNS\"",
    "\"dsq\"",
    "\"OK\"",
    "null",
    "3",
];
const NOT_ROWS: &[&str] = &[
    "1",
    "\"row\"",
    "null",
    "[]",
    "[[{\"bib\": \"1\"}]]",
    "true",
    "1e5",
];

/// One entry of `results` as JSON text, and whether it is an object (a row).
#[derive(Clone, Debug)]
struct Entry {
    text: String,
    is_row: bool,
}

fn quoted(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// A row: each field present or not, from values good and bad; sometimes a key twice.
fn row() -> impl Strategy<Value = Entry> {
    let pick = |list: &'static [&'static str]| proptest::option::of(proptest::sample::select(list));
    (
        (
            pick(BIBS),
            any::<bool>(),
            pick(NAMES),
            pick(SEXES),
            pick(DISTANCE_IDS),
        ),
        (
            pick(STATUSES),
            pick(TIMES),
            pick(TIMES),
            pick(CATEGORIES),
            proptest::option::of(prop_oneof![Just("1"), Just("2"), Just("0"), Just("\"3\"")]),
            proptest::option::of(prop_oneof![
                Just("{\"5k\": \"20:00\"}"),
                Just("{\"half\": \"1:00:00\", \"5k\": \"-1\"}"),
                Just("[\"20:00\"]"),
            ]),
            proptest::option::of(proptest::sample::select(&["name", "bib", "chip_time"][..])),
        ),
    )
        .prop_map(
            |(
                (bib, bib_as_number, name, sex, distance),
                (status, chip, gun, category, place, splits, twice),
            )| {
                let mut fields: Vec<(String, String)> = Vec::new();
                if let Some(b) = bib {
                    let v = match b.trim().parse::<u32>() {
                        Ok(n) if bib_as_number => n.to_string(),
                        _ => quoted(b),
                    };
                    fields.push(("bib".into(), v));
                }
                let mut put = |k: &str, v: Option<String>| {
                    if let Some(v) = v {
                        fields.push((k.into(), v));
                    }
                };
                put("name", name.map(str::to_string));
                put("sex", sex.map(str::to_string));
                put("distance", distance.map(quoted));
                put("status", status.map(str::to_string));
                put("chip_time", chip.map(str::to_string));
                put("gun_time", gun.map(str::to_string));
                put("category", category.map(quoted));
                put("place", place.map(str::to_string));
                put("splits", splits.map(str::to_string));
                if let Some(key) = twice {
                    put(key, Some("\"again\"".into()));
                }
                let body: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{}: {v}", quoted(k)))
                    .collect();
                Entry {
                    text: format!("{{{}}}", body.join(", ")),
                    is_row: true,
                }
            },
        )
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        6 => row(),
        1 => proptest::sample::select(NOT_ROWS).prop_map(|t| Entry { text: t.to_string(), is_row: false }),
    ]
}

/// A distance definition: ids from a small pool (repeats and blanks happen), some with
/// splits, some with awards.
fn distance() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(DISTANCE_IDS),
        any::<bool>(),
        proptest::option::of(prop_oneof![
            Just("{\"places\": 1}"),
            Just("{\"by\": \"overall\", \"categories\": true}"),
            Just("{\"places\": 0}")
        ]),
    )
        .prop_map(|(id, splits, awards)| {
            let mut d = format!("{{\"id\": {}, \"name\": \"D {id}\"", quoted(id));
            if splits {
                d.push_str(", \"splits\": [{\"id\": \"5k\", \"km\": 5}, {\"id\": \"half\"}]");
            }
            if let Some(a) = awards {
                d.push_str(&format!(", \"awards\": {a}"));
            }
            d.push('}');
            d
        })
}

#[derive(Clone, Debug)]
struct File {
    text: String,
    entries: Vec<Entry>,
    distances: usize,
}

fn file() -> impl Strategy<Value = File> {
    (
        proptest::collection::vec(distance(), 0..4),
        proptest::collection::vec(entry(), 0..50),
    )
        .prop_map(|(distances, entries)| {
            let rows: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
            let text = format!(
                "{{\"format\": \"results/v1\", \"event\": {{\"name\": \"Generated\"}},\n\"distances\": [{}],\n\"results\": [\n{}\n]}}",
                distances.join(", "),
                rows.join(",\n")
            );
            File {
                text,
                entries,
                distances: distances.len(),
            }
        })
}

fn selection(distances: usize) -> impl Strategy<Value = Selection> {
    (
        prop_oneof![
            Just(String::new()),
            Just("  ".to_string()),
            proptest::sample::select(
                &[
                    "1",
                    "101",
                    "a-7",
                    "islam",
                    "АМАНГОС",
                    "aliya",
                    "<script",
                    "amangos islam",
                    "\u{202e}",
                    "0"
                ][..]
            )
            .prop_map(str::to_string),
            ".{0,12}",
        ],
        proptest::option::of(0..distances + 2),
        proptest::option::of(prop_oneof![Just(Sex::M), Just(Sex::F), Just(Sex::X)]),
        proptest::option::of(proptest::sample::select(CATEGORIES).prop_map(str::to_string)),
        prop_oneof![
            Just(StatusFilter::All),
            Just(StatusFilter::Only(Status::Finished)),
            Just(StatusFilter::Only(Status::Dnf)),
            Just(StatusFilter::Only(Status::Dns)),
            Just(StatusFilter::Only(Status::Dsq)),
        ],
        prop_oneof![Just(SortBy::Place), Just(SortBy::Time), Just(SortBy::Name)],
    )
        .prop_map(|(query, distance, sex, category, status, sort)| Selection {
            query,
            distance,
            sex,
            category,
            status,
            sort,
        })
}

fn load(f: &File) -> Result<Dataset, TestCaseError> {
    Dataset::load(f.text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}\n{}", f.text)))
}

/// Rows in the order given, each once; fails on a duplicate or a row out of range.
fn once_each(rows: &[u32], runners: usize) -> Result<Vec<bool>, TestCaseError> {
    let mut seen = vec![false; runners];
    for &i in rows {
        let Some(slot) = seen.get_mut(i as usize) else {
            return Err(TestCaseError::fail(format!("row {i} of {runners}")));
        };
        prop_assert!(!*slot, "row {} listed twice", i);
        *slot = true;
    }
    Ok(seen)
}

/// What the filters of a selection accept, written out independently of `select`.
fn accepted(d: &Dataset, sel: &Selection, i: usize) -> bool {
    let r = &d.results.runners[i];
    sel.distance.is_none_or(|k| r.distance == Some(k))
        && sel.sex.is_none_or(|s| r.sex == Some(s))
        && sel
            .category
            .as_deref()
            .is_none_or(|c| r.category.as_deref() == Some(c))
        && match sel.status {
            StatusFilter::All => true,
            StatusFilter::Only(s) => r.status == s && !r.on_course,
            StatusFilter::OnCourse => r.on_course,
        }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn rows_in_are_rows_shown_plus_rows_flagged(f in file()) {
        let d = load(&f)?;
        let listed = d.select(&Selection::default());
        let not_rows = f.entries.iter().filter(|e| !e.is_row).count();
        prop_assert_eq!(d.rows_in, f.entries.len());
        prop_assert_eq!(d.rows_skipped, not_rows);
        prop_assert_eq!(d.rows_in, listed.len() + d.rows_skipped);
        // Every runner listed exactly once.
        let seen = once_each(&listed, d.results.runners.len())?;
        prop_assert!(seen.iter().all(|&s| s));
        // Each skipped entry has a warning at its own index; no other entry has one.
        let flagged: Vec<usize> = d
            .warnings
            .iter()
            .filter(|w| matches!(w.problem, Problem::RowNotObject(_)))
            .filter_map(|w| w.row)
            .collect();
        let skipped: Vec<usize> = (0..f.entries.len()).filter(|&i| !f.entries[i].is_row).collect();
        prop_assert_eq!(flagged, skipped);
        // Row warnings point at entries of the file.
        prop_assert!(d.warnings.iter().all(|w| w.row.is_none_or(|r| r < d.rows_in)));
        prop_assert!(f.distances >= d.results.distances.len());
    }

    #[test]
    fn any_selection_is_a_subset_without_duplicates(f in file(), sel in selection(4)) {
        let d = load(&f)?;
        let rows = d.select(&sel);
        let runners = d.results.runners.len();
        once_each(&rows, runners)?;
        prop_assert!(rows.iter().all(|&i| accepted(&d, &sel, i as usize)), "a row the filters refuse");
        if sel.query.trim().is_empty() {
            // Without a query: exactly the runners the filters accept.
            let want = (0..runners).filter(|&i| accepted(&d, &sel, i)).count();
            prop_assert_eq!(rows.len(), want);
        }
        // Sorting changes the order, never the rows.
        let mut sorted_rows = rows.clone();
        sorted_rows.sort_unstable();
        for sort in [SortBy::Place, SortBy::Time, SortBy::Name] {
            let mut other = d.select(&Selection { sort, ..sel.clone() });
            other.sort_unstable();
            prop_assert_eq!(&other, &sorted_rows);
        }
    }

    #[test]
    fn a_bib_typed_in_finds_its_runner(f in file(), pick in any::<prop::sample::Index>()) {
        let d = load(&f)?;
        let with_bib: Vec<usize> = (0..d.results.runners.len())
            .filter(|&i| {
                let b = &d.results.runners[i].bib;
                !b.is_empty() && !b.contains(char::is_whitespace) && !b.starts_with(['#', '№'])
            })
            .collect();
        if with_bib.is_empty() {
            return Ok(());
        }
        let i = with_bib[pick.index(with_bib.len())];
        let bib = d.results.runners[i].bib.clone();
        let rows = d.select(&Selection { query: bib.clone(), ..Selection::default() });
        prop_assert!(rows.contains(&(i as u32)), "bib {:?} does not find row {}", bib, i);
        // An exact bib comes before any runner whose bib it only starts.
        let first = rows.first().map(|&r| d.results.runners[r as usize].bib.to_lowercase());
        prop_assert_eq!(first, Some(bib.to_lowercase()));
    }
}
