//! Results files as organizers might send them, each with the outcome it must give:
//! the exact error, or the exact warnings (row, bib, field, problem) and counts.
//! Also: the example in docs/format.md, the JSON Schema in public/, and the demo file.
use race_results::domain::{RaceTime, Ranking, Status};
use race_results::format::{
    parse_results, to_json, JsonSyntax, Kind, LoadError, Loaded, Problem, AWARDS_BY,
    EVENT_STATUSES, FORMAT_V1, RANKINGS, SEXES, STARTED, STATUSES, TEAMS_BY, TEAM_GROUPS,
    TEAM_SCORES, TIE_BREAKS,
};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures/format").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn loads(name: &str) -> Loaded {
    parse_results(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn fails(name: &str) -> LoadError {
    match parse_results(&fixture(name)) {
        Ok(l) => panic!("{name} loaded with {} runners", l.results.runners.len()),
        Err(e) => e,
    }
}

type Seen = (Option<usize>, Option<String>, String, Problem);

fn warnings(l: &Loaded) -> Vec<Seen> {
    l.warnings
        .iter()
        .map(|w| (w.row, w.bib.clone(), w.field.clone(), w.problem.clone()))
        .collect()
}

/// A warning on row `row` with bib `bib` ("" for none).
fn w(row: usize, bib: &str, field: &str, problem: Problem) -> Seen {
    let bib = (!bib.is_empty()).then(|| bib.to_string());
    (Some(row), bib, field.to_string(), problem)
}

/// A warning outside `results`.
fn file_w(field: &str, problem: Problem) -> Seen {
    (None, None, field.to_string(), problem)
}

fn s(v: &str) -> String {
    v.to_string()
}

fn t(h: u32, m: u32, sec: u32) -> Option<RaceTime> {
    Some(RaceTime::from_hms(h, m, sec))
}

/// Every loaded file keeps every row that is an object.
fn assert_counts(l: &Loaded, rows_in: usize, skipped: usize) {
    assert_eq!(l.rows_in, rows_in, "rows_in");
    assert_eq!(l.rows_skipped, skipped, "rows_skipped");
    assert_eq!(l.results.runners.len() + l.rows_skipped, l.rows_in);
}

// ---------------------------------------------------------------- files that load

#[test]
fn good_minimal_file() {
    let l = loads("good_minimal.json");
    assert_eq!(warnings(&l), vec![]);
    assert_counts(&l, 1, 0);
    assert_eq!(l.results.event.name, "Almaty Spring 10K");
    let r = &l.results.runners[0];
    assert_eq!((r.bib.as_str(), r.name.as_str()), ("1", "Aigerim Sadykova"));
    assert_eq!((r.distance, r.status), (Some(0), Status::Finished));
    assert_eq!(r.chip_time, t(0, 38, 12));
}

#[test]
fn utf8_bom_is_accepted_silently() {
    let l = loads("bom.json");
    assert_eq!(warnings(&l), vec![]);
    assert_eq!(l.results, loads("good_minimal.json").results);
}

#[test]
fn no_format_field_reads_as_v1_with_a_warning() {
    let l = loads("no_format.json");
    assert_eq!(warnings(&l), vec![file_w("format", Problem::NoFormatField)]);
    assert_eq!(l.results, loads("good_minimal.json").results);
}

#[test]
fn empty_results_load_with_their_distances() {
    let l = loads("empty_results.json");
    assert_eq!(warnings(&l), vec![]);
    assert_counts(&l, 0, 0);
    let ids: Vec<&str> = l.results.distances.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["42k", "10k"]);
}

#[test]
fn unknown_distances_are_kept_and_flagged() {
    let l = loads("unknown_distance.json");
    assert_eq!(
        warnings(&l),
        vec![
            w(1, "102", "distance", Problem::UnknownDistance(s("21k"))),
            w(2, "103", "distance", Problem::UnknownDistance(s("42K"))),
            w(3, "104", "distance", Problem::MissingDistance),
        ]
    );
    assert_counts(&l, 4, 0);
    let placed: Vec<(Option<usize>, &str)> = l
        .results
        .runners
        .iter()
        .map(|r| (r.distance, r.distance_id.as_str()))
        .collect();
    assert_eq!(
        placed,
        [(Some(0), "42k"), (None, "21k"), (None, "42K"), (None, "")]
    );
}

#[test]
fn bad_times_in_many_forms() {
    let l = loads("bad_times.json");
    let bad = |row: usize, text: &str| {
        w(
            row,
            &(row + 1).to_string(),
            "chip_time",
            Problem::BadTime(s(text)),
        )
    };
    assert_eq!(
        warnings(&l),
        vec![
            bad(1, "2:61:00"),
            bad(2, "1:00:60"),
            bad(3, "abc"),
            bad(4, "DNF"),
            w(5, "6", "chip_time", Problem::NegativeTime(s("-0:40:00"))),
            bad(6, "1::00"),
            bad(7, "40:00."),
            w(
                8,
                "9",
                "chip_time",
                Problem::WrongType {
                    expected: Kind::Time,
                    found: s("{…}")
                }
            ),
            w(
                9,
                "10",
                "chip_time",
                Problem::WrongType {
                    expected: Kind::Time,
                    found: s("true")
                }
            ),
            w(11, "12", "chip_time", Problem::NegativeTime(s("-2400"))),
            bad(12, "1:02:03:04"),
        ]
    );
    assert_counts(&l, 13, 0);
    let runners = &l.results.runners;
    assert_eq!(runners[0].chip_time, Some(RaceTime(2_399_900)));
    // A row without a usable time did not start, as far as the file says.
    for r in &runners[1..] {
        assert_eq!(
            (r.chip_time, r.status),
            (None, Status::Dns),
            "bib {}",
            r.bib
        );
    }
}

#[test]
fn duplicate_bibs_are_all_kept() {
    let l = loads("duplicate_bibs.json");
    assert_eq!(
        warnings(&l),
        vec![
            w(1, "7", "bib", Problem::DuplicateBib { first_row: 0 }),
            w(3, "7", "bib", Problem::DuplicateBib { first_row: 0 }),
            w(5, "9", "bib", Problem::DuplicateBib { first_row: 4 }),
            w(6, "", "bib", Problem::MissingBib),
            w(7, "", "bib", Problem::MissingBib),
        ]
    );
    assert_counts(&l, 8, 0);
    let bibs: Vec<&str> = l.results.runners.iter().map(|r| r.bib.as_str()).collect();
    assert_eq!(bibs, ["7", "7", "8", "7", "9", "9", "", ""]);
}

#[test]
fn numbers_where_text_is_expected() {
    let l = loads("numbers_for_strings.json");
    let conv = |expected, found: &str| Problem::ConvertedType {
        expected,
        found: s(found),
    };
    assert_eq!(
        warnings(&l),
        vec![
            file_w("distances[0].id", conv(Kind::Text, "10")),
            file_w("distances[0].km", conv(Kind::Number, "10")),
            // bib 101 -> "101" is silent: the format allows numeric bibs.
            w(1, "102", "name", conv(Kind::Text, "42")),
            w(1, "102", "birth_year", conv(Kind::WholeNumber, "1990")),
            w(1, "102", "category", conv(Kind::Text, "40")),
            w(1, "102", "club", conv(Kind::Text, "7")),
            w(1, "102", "distance", conv(Kind::Text, "10")),
            w(
                2,
                "103",
                "name",
                Problem::WrongType {
                    expected: Kind::Text,
                    found: s("[…]")
                }
            ),
            w(
                2,
                "103",
                "sex",
                Problem::WrongType {
                    expected: Kind::Text,
                    found: s("1")
                }
            ),
        ]
    );
    assert_counts(&l, 3, 0);
    let r = &l.results.runners;
    assert_eq!(
        (r[0].bib.as_str(), r[1].bib.as_str(), r[2].bib.as_str()),
        ("101", "102", "103")
    );
    assert_eq!(r[1].name, "42");
    assert_eq!(r[2].name, "");
    assert_eq!(r[1].birth_year, Some(1990));
    assert_eq!(
        (r[1].club.as_deref(), r[1].category.as_deref()),
        (Some("7"), Some("40"))
    );
    assert_eq!((r[1].distance, r[1].chip_time), (Some(0), t(0, 40, 0)));
    assert_eq!(l.results.distances[0].km, Some(10.0));
}

#[test]
fn ultra_times_over_a_day() {
    let l = loads("ultra.json");
    assert_eq!(warnings(&l), vec![]);
    let times: Vec<Option<RaceTime>> = l.results.runners.iter().map(|r| r.chip_time).collect();
    assert_eq!(
        times,
        [
            t(23, 59, 59),
            t(26, 3, 10),
            t(100, 0, 0),
            t(26, 3, 11),
            None
        ]
    );
    assert_eq!(l.results.runners[4].status, Status::Dnf);
    assert_eq!(
        l.results.distances[0].start.as_deref(),
        Some("2021-07-10T05:00:00+06:00")
    );
}

#[test]
fn fractions_of_a_second() {
    let l = loads("fractions.json");
    assert_eq!(warnings(&l), vec![]);
    let ms: Vec<Option<u32>> = l
        .results
        .runners
        .iter()
        .map(|r| r.chip_time.map(|t| t.0))
        .collect();
    let base = 8_731_000;
    assert_eq!(
        ms,
        [
            Some(base + 400),
            Some(base + 450),
            Some(base + 456),
            Some(base + 457),
            Some(base + 700),
            Some(2_707_500),
            Some(2_707_250),
            Some(2_707_500),
        ]
    );
}

#[test]
fn official_places() {
    let l = loads("official_places.json");
    assert_eq!(
        warnings(&l),
        vec![
            w(7, "203", "place", Problem::PlaceWithoutFinish),
            file_w(
                "place",
                Problem::OfficialPlacesIncomplete {
                    distance: s("10k"),
                    missing: 1
                }
            ),
        ]
    );
    let places: Vec<Option<u32>> = l.results.runners.iter().map(|r| r.official_place).collect();
    // As written, ties included; the DNF and the DSQ have none.
    assert_eq!(
        places,
        [
            Some(1),
            Some(2),
            Some(2),
            Some(4),
            None,
            Some(1),
            None,
            None
        ]
    );
}

#[test]
fn gun_and_chip_ranking_with_missing_times() {
    let l = loads("gun_chip_ranking.json");
    assert_eq!(l.results.distances[0].ranking, Ranking::Gun);
    assert_eq!(l.results.distances[1].ranking, Ranking::Chip);
    assert_eq!(
        warnings(&l),
        vec![
            w(
                1,
                "102",
                "gun_time",
                Problem::RankingTimeMissing {
                    used: Ranking::Chip
                }
            ),
            w(
                4,
                "202",
                "chip_time",
                Problem::RankingTimeMissing { used: Ranking::Gun }
            ),
            w(6, "204", "gun_time", Problem::GunFasterThanChip),
        ]
    );
    let statuses: Vec<Status> = l.results.runners.iter().map(|r| r.status).collect();
    use Status::*;
    assert_eq!(
        statuses,
        [Finished, Finished, Finished, Finished, Finished, Dnf, Finished]
    );
}

#[test]
fn splits_unknown_and_out_of_order() {
    let l = loads("splits.json");
    assert_eq!(
        warnings(&l),
        vec![
            file_w("distances[1].splits[1].km", Problem::SplitsOutOfOrder),
            w(2, "3", "splits.25k", Problem::UnknownSplit(s("25k"))),
            w(3, "4", "splits.21k", Problem::SplitsOutOfOrder),
            w(4, "5", "splits.30k", Problem::SplitsOutOfOrder),
            w(
                5,
                "6",
                "splits",
                Problem::WrongType {
                    expected: Kind::Object,
                    found: s("[…]")
                }
            ),
            w(6, "7", "splits.10k", Problem::BadTime(s("45:99"))),
            w(7, "8", "distance", Problem::UnknownDistance(s("5k"))),
        ]
    );
    let splits: Vec<Vec<Option<RaceTime>>> =
        l.results.runners.iter().map(|r| r.splits.clone()).collect();
    assert_eq!(splits[0], [t(0, 35, 0), t(1, 14, 0), t(1, 46, 0)]);
    assert_eq!(splits[1], [None, t(1, 19, 0), None]);
    assert_eq!(splits[2], [t(0, 40, 0), None, None]);
    // Out-of-order times are kept as written: the warning says what to check.
    assert_eq!(splits[3], [t(0, 45, 0), t(0, 40, 0), t(2, 10, 0)]);
    assert_eq!(splits[5], [None, None, None]);
    assert_eq!(splits[7], Vec::<Option<RaceTime>>::new());
}

#[test]
fn rows_that_are_not_objects_are_counted_and_reported() {
    let l = loads("rows_not_objects.json");
    assert_eq!(
        warnings(&l),
        vec![
            w(1, "", "results[1]", Problem::RowNotObject(s("42"))),
            w(
                2,
                "",
                "results[2]",
                Problem::RowNotObject(s("Daniyar Bekov, 10k, 41:00"))
            ),
            w(3, "", "results[3]", Problem::RowNotObject(s("null"))),
            w(4, "", "results[4]", Problem::RowNotObject(s("[…]"))),
        ]
    );
    assert_counts(&l, 6, 4);
    let bibs: Vec<&str> = l.results.runners.iter().map(|r| r.bib.as_str()).collect();
    assert_eq!(bibs, ["1", "6"]);
}

// ---------------------------------------------------------------- files that do not

#[test]
fn files_that_cannot_be_shown() {
    let table = [
        ("empty.json", LoadError::Empty),
        ("whitespace.json", LoadError::Empty),
        ("html_404.json", LoadError::LooksLikeHtml),
        ("utf16.json", LoadError::Utf16),
        ("utf16be_no_bom.json", LoadError::Utf16),
        ("invalid_utf8.json", LoadError::NotUtf8 { offset: 170 }),
        ("root_array.json", LoadError::RootNotObject),
        ("format_v9.json", LoadError::UnknownFormat(s("results/v9"))),
        ("no_event_name.json", LoadError::MissingEventName),
        (
            // The missing comma is on line 6, after a Kazakh name: the column counts
            // characters as an editor shows them, not bytes.
            "not_json.json",
            LoadError::NotJson {
                line: 6,
                column: 45,
                reason: JsonSyntax::MissingComma,
            },
        ),
    ];
    for (name, want) in table {
        assert_eq!(fails(name), want, "{name}");
    }
}

// ---------------------------------------------------------------- writing back

#[test]
fn every_loading_fixture_round_trips_through_to_json() {
    let names = [
        "good_minimal.json",
        "no_format.json",
        "empty_results.json",
        "unknown_distance.json",
        "bad_times.json",
        "duplicate_bibs.json",
        "numbers_for_strings.json",
        "ultra.json",
        "fractions.json",
        "official_places.json",
        "gun_chip_ranking.json",
        "splits.json",
        "rows_not_objects.json",
        "teams.json",
        "relay.json",
        "live.json",
        "awards_rules.json",
        "later_fields_bad.json",
    ];
    for name in names {
        let first = loads(name);
        let written = serde_json::to_vec_pretty(&to_json(&first.results)).expect("serializes");
        let again = parse_results(&written).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(again.results, first.results, "{name}");
    }
}

// ---------------------------------------------------------------- docs/format.md

/// The first ```json block of a Markdown text.
fn first_json_block(markdown: &str) -> Option<&str> {
    let start = markdown.find("```json\n")? + "```json\n".len();
    let len = markdown[start..].find("\n```")?;
    Some(&markdown[start..start + len])
}

#[test]
fn the_documented_example_loads_without_warnings() {
    let path = root().join("docs/format.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let example = first_json_block(&doc).expect("docs/format.md has a ```json block");
    let l = parse_results(example.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(warnings(&l), vec![]);
    assert_eq!(l.results.event.name, "Almaty Marathon 2021");
    assert_eq!(l.results.distances.len(), 2);
    assert!(l.results.runners.len() >= 6);
}

// ---------------------------------------------------------------- public/results.schema.json

fn schema() -> Value {
    let path = root().join("public/results.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("results.schema.json: {e}"))
}

/// Follows a path of object keys.
fn at<'a>(v: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(v, |v, key| &v[*key])
}

/// The text values of a list; `null` entries (allowed where the parser reads null as
/// "not given") are left out.
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a list, found {v}"))
        .iter()
        .filter(|s| !s.is_null())
        .map(|s| {
            s.as_str()
                .unwrap_or_else(|| panic!("expected text, found {s}"))
                .to_string()
        })
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn owned(v: &[&str]) -> Vec<String> {
    sorted(v.iter().map(|s| s.to_string()).collect())
}

#[test]
fn schema_matches_what_the_parser_enforces() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let props = &schema["properties"];
    let defs = &schema["$defs"];
    assert_eq!(
        sorted(strings(&schema["required"])),
        owned(&["event", "distances", "results"])
    );
    assert_eq!(props["format"]["const"], FORMAT_V1);
    assert_eq!(strings(at(defs, &["event", "required"])), ["name"]);
    assert_eq!(
        sorted(strings(at(defs, &["distance", "required"]))),
        owned(&["id", "name"])
    );
    assert_eq!(strings(at(defs, &["split", "required"])), ["id"]);
    assert_eq!(
        sorted(strings(at(defs, &["result", "required"]))),
        owned(&["bib", "name", "distance"])
    );
    let statuses: Vec<&str> = STATUSES.iter().copied().chain([STARTED]).collect();
    let enums = [
        (&["result", "properties", "sex", "enum"][..], &SEXES[..]),
        (&["result", "properties", "status", "enum"], &statuses),
        (&["distance", "properties", "ranking", "enum"], &RANKINGS),
        (&["event", "properties", "status", "enum"], &EVENT_STATUSES),
        (&["awards", "properties", "by", "enum"], &AWARDS_BY),
        (&["teams", "properties", "by", "enum"], &TEAMS_BY),
        (&["teams", "properties", "score", "enum"], &TEAM_SCORES),
        (&["teams", "properties", "tie_break", "enum"], &TIE_BREAKS),
        (&["leg", "properties", "sex", "enum"], &SEXES),
    ];
    for (path, values) in enums {
        assert_eq!(sorted(strings(at(defs, path))), owned(values), "{path:?}");
        // The parser reads null as "not given", so the schema allows it too.
        let listed = at(defs, path).as_array().expect("an enum list");
        assert!(listed.contains(&Value::Null), "{path:?} should allow null");
    }
    // A team group's id is required, so its list has no null.
    assert_eq!(
        sorted(strings(at(
            defs,
            &["team_group", "properties", "id", "enum"]
        ))),
        owned(&TEAM_GROUPS)
    );
    // Defaults the parser applies.
    let defaults = [
        (
            &["teams", "properties", "by", "default"][..],
            Value::from("club"),
        ),
        (
            &["teams", "properties", "scorers", "default"],
            Value::from(3),
        ),
        (
            &["teams", "properties", "score", "default"],
            Value::from("places"),
        ),
        (
            &["teams", "properties", "tie_break", "default"],
            Value::from("last_scorer"),
        ),
        (
            &["distance", "properties", "relay", "default"],
            Value::from(false),
        ),
        (
            &["awards", "properties", "exclude_winners", "default"],
            Value::from(false),
        ),
        (
            &["awards", "properties", "min_finishers", "default"],
            Value::from(0),
        ),
    ];
    for (path, want) in defaults {
        assert_eq!(at(defs, path), &want, "{path:?}");
    }
    assert_eq!(
        at(defs, &["distance", "properties", "ranking", "default"]),
        "chip"
    );
    assert_eq!(at(defs, &["awards", "properties", "places", "default"]), 3);
    assert_eq!(at(defs, &["awards", "properties", "by", "default"]), "sex");
    assert_eq!(
        at(defs, &["awards", "properties", "categories", "default"]),
        false
    );
    assert_eq!(
        at(defs, &["event", "properties", "status", "default"]),
        "official"
    );
    // Every field the parser reads is described, with a description.
    let described = [
        (
            "event",
            &[
                "name",
                "date",
                "place",
                "utc_offset",
                "currency",
                "status",
                "updated",
            ][..],
        ),
        (
            "distance",
            &[
                "id", "name", "km", "start", "ranking", "splits", "awards", "teams", "relay",
            ],
        ),
        ("split", &["id", "name", "km"]),
        (
            "awards",
            &[
                "places",
                "by",
                "prizes",
                "categories",
                "exclude_winners",
                "min_finishers",
                "groups",
            ],
        ),
        ("award_group", &["id", "places", "prizes", "merge_into"]),
        ("teams", &["by", "scorers", "score", "tie_break", "groups"]),
        ("team_group", &["id", "scorers", "min_women", "min_men"]),
        ("leg", &["name", "bib", "sex", "time"]),
        (
            "result",
            &[
                "bib",
                "name",
                "sex",
                "birth_year",
                "age",
                "category",
                "club",
                "city",
                "country",
                "distance",
                "status",
                "chip_time",
                "gun_time",
                "splits",
                "place",
                "team",
                "legs",
            ],
        ),
    ];
    for (def, fields) in described {
        let props = at(defs, &[def, "properties"]);
        let mut keys: Vec<String> = props
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        assert_eq!(keys, owned(fields), "{def}");
        for f in fields {
            assert!(
                props[*f]["description"].is_string(),
                "{def}.{f} has no description"
            );
        }
    }
}

#[test]
fn schema_examples_load_without_warnings() {
    let schema = schema();
    let examples = schema["examples"]
        .as_array()
        .expect("the schema has examples");
    assert!(!examples.is_empty());
    for example in examples {
        let bytes = serde_json::to_vec(example).expect("serializes");
        let l = parse_results(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(warnings(&l), vec![]);
    }
}

/// The part of JSON Schema that results.schema.json uses, without `pattern` and `format`
/// (no regex crate here): type, const, enum, required, properties, additionalProperties,
/// items, $ref into $defs, anyOf, minimum, maximum, exclusiveMinimum, minLength.
/// Returns the paths of the values that do not fit.
fn schema_errors(schema: &Value, rule: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let mut fail = |why: &str| errors.push(format!("{path}: {why}"));
    if let Some(r) = rule["$ref"].as_str() {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        return schema_errors(schema, &schema["$defs"][name], v, path, errors);
    }
    if let Some(options) = rule["anyOf"].as_array() {
        let fits = options.iter().any(|o| {
            let mut e = Vec::new();
            schema_errors(schema, o, v, path, &mut e);
            e.is_empty()
        });
        if !fits {
            fail("fits none of anyOf");
            return;
        }
    }
    if let Some(types) = rule.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            other => other
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect(),
        };
        let fits = |t: &str| match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "number" => v.is_number(),
            "integer" => v.as_f64().is_some_and(|x| x.fract() == 0.0),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => panic!("type {t}"),
        };
        if !types.iter().any(|t| fits(t)) {
            fail(&format!("{v} is not {types:?}"));
            return;
        }
    }
    if let Some(c) = rule.get("const") {
        if v != c {
            fail(&format!("{v} is not {c}"));
        }
    }
    if let Some(options) = rule["enum"].as_array() {
        if !options.contains(v) {
            fail(&format!("{v} is not one of {options:?}"));
        }
    }
    if let Some(x) = v.as_f64() {
        if rule["minimum"].as_f64().is_some_and(|m| x < m)
            || rule["maximum"].as_f64().is_some_and(|m| x > m)
            || rule["exclusiveMinimum"].as_f64().is_some_and(|m| x <= m)
        {
            fail(&format!("{x} is out of range"));
        }
    }
    if let (Some(text), Some(min)) = (v.as_str(), rule["minLength"].as_u64()) {
        if (text.chars().count() as u64) < min {
            fail("text too short");
        }
    }
    if let Some(obj) = v.as_object() {
        for key in rule["required"].as_array().into_iter().flatten() {
            if !obj.contains_key(key.as_str().unwrap_or_default()) {
                fail(&format!("lacks {key}"));
            }
        }
        for (key, value) in obj {
            let sub = format!("{path}.{key}");
            if let Some(p) = rule["properties"].get(key) {
                schema_errors(schema, p, value, &sub, errors);
            } else if let Some(extra) = rule.get("additionalProperties") {
                schema_errors(schema, extra, value, &sub, errors);
            }
        }
    }
    if let (Some(items), Some(list)) = (rule.get("items"), v.as_array()) {
        for (i, item) in list.iter().enumerate() {
            schema_errors(schema, items, item, &format!("{path}[{i}]"), errors);
        }
    }
}

fn validate(schema: &Value, doc: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    schema_errors(schema, schema, doc, "$", &mut errors);
    errors
}

#[test]
fn clean_files_fit_the_schema_and_type_mistakes_do_not() {
    let schema = schema();
    let clean = [
        "good_minimal.json",
        "empty_results.json",
        "ultra.json",
        "fractions.json",
        "no_format.json",
        "teams.json",
        "relay.json",
        "live.json",
        "awards_rules.json",
    ];
    for name in clean {
        let doc: Value = serde_json::from_slice(&fixture(name)).expect("JSON");
        assert_eq!(validate(&schema, &doc), Vec::<String>::new(), "{name}");
    }
    let table = [
        ("numbers_for_strings.json", "$.distances[0].id"),
        ("rows_not_objects.json", "$.results[1]"),
        ("duplicate_bibs.json", "$.results[7]"),
        ("unknown_distance.json", "$.results[3]"),
        ("format_v9.json", "$.format"),
        ("no_event_name.json", "$.event"),
        ("splits.json", "$.results[5].splits"),
        ("later_fields_bad.json", "$.distances[0].teams"),
        ("later_fields_bad.json", "$.distances[0].awards"),
        ("later_fields_bad.json", "$.results[1].legs[1]"),
    ];
    for (name, path) in table {
        let doc: Value = serde_json::from_slice(&fixture(name)).expect("JSON");
        let errors = validate(&schema, &doc);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}:"))),
            "{name}: expected a schema error at {path}, got {errors:?}"
        );
    }
}

#[test]
fn the_documented_example_fits_the_schema() {
    let doc = std::fs::read_to_string(root().join("docs/format.md")).expect("docs/format.md");
    let example: Value =
        serde_json::from_str(first_json_block(&doc).expect("a json block")).expect("JSON");
    assert_eq!(validate(&schema(), &example), Vec::<String>::new());
}

// ---------------------------------------------------------------- public/results.json

fn demo_path() -> PathBuf {
    root().join("public/results.json")
}

#[test]
fn demo_file_loads_without_warnings_and_fits_the_schema() {
    let path = demo_path();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): run the demo generator (cargo run --bin gen_demo) to create it",
            path.display()
        )
    });
    let l = parse_results(&bytes).unwrap_or_else(|e| panic!("demo file: {e:?}"));
    assert_eq!(warnings(&l), vec![], "the demo file must load cleanly");
    assert!(l.rows_in > 0);

    let doc: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(doc["format"], FORMAT_V1);
    assert_eq!(validate(&schema(), &doc), Vec::<String>::new());
    for r in doc["results"].as_array().expect("results") {
        assert!(r["bib"].is_string(), "demo bibs are text: {}", r["bib"]);
    }
}
