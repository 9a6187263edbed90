//! Rules of the reader, one small document per case.
use super::*;
use crate::domain::{AwardsBy, EventStatus, RaceTime, Ranking, Sex, Status};

/// A file with a 42k (chip, splits 10k and 21k) and a 10k (gun), and these rows.
fn doc(rows: &str) -> String {
    format!(
        r#"{{"format": "results/v1",
            "event": {{"name": "Test Run"}},
            "distances": [
              {{"id": "42k", "name": "Marathon", "km": 42.195,
                "splits": [{{"id": "10k", "km": 10}}, {{"id": "21k", "km": 21.0975}}]}},
              {{"id": "10k", "name": "10 km", "km": 10, "ranking": "gun"}}
            ],
            "results": [{rows}]}}"#
    )
}

fn load(text: &str) -> Loaded {
    match parse_results(text.as_bytes()) {
        Ok(l) => l,
        Err(e) => panic!("{e:?} for {text}"),
    }
}

/// Warnings as (field, problem), for rows whose bib the test already knows.
fn problems(l: &Loaded) -> Vec<(String, Problem)> {
    l.warnings
        .iter()
        .map(|w| (w.field.clone(), w.problem.clone()))
        .collect()
}

fn p(field: &str, problem: Problem) -> (String, Problem) {
    (field.to_string(), problem)
}

fn text(s: &str) -> String {
    s.to_string()
}

#[test]
fn a_clean_row_reads_every_field() {
    let l = load(&doc(
        r#"{"bib": "101", "name": " Islam Amangos ", "sex": "M",
        "birth_year": 1995, "age": 26, "category": "M20", "club": "Almaty Runners",
        "city": "Almaty", "country": "KAZ", "distance": "42k", "status": "finished",
        "chip_time": "2:25:31", "gun_time": "2:25:35", "splits": {"21k": "1:11:02"},
        "place": 1, "unknown_field": {"deep": [1, 2, {"x": null}]}}"#,
    ));
    assert_eq!(l.warnings, vec![]);
    let r = &l.results.runners[0];
    assert_eq!(r.bib, "101");
    assert_eq!(r.name, "Islam Amangos");
    assert_eq!(r.sex, Some(Sex::M));
    assert_eq!((r.birth_year, r.age), (Some(1995), Some(26)));
    assert_eq!(r.category.as_deref(), Some("M20"));
    assert_eq!(r.club.as_deref(), Some("Almaty Runners"));
    assert_eq!(r.city.as_deref(), Some("Almaty"));
    assert_eq!(r.country.as_deref(), Some("KAZ"));
    assert_eq!((r.distance, r.distance_id.as_str()), (Some(0), "42k"));
    assert_eq!(r.status, Status::Finished);
    assert_eq!(r.chip_time, Some(RaceTime::from_hms(2, 25, 31)));
    assert_eq!(r.gun_time, Some(RaceTime::from_hms(2, 25, 35)));
    assert_eq!(r.splits, vec![None, Some(RaceTime::from_hms(1, 11, 2))]);
    assert_eq!(r.official_place, Some(1));
}

#[test]
fn row_problems() {
    use Problem::*;
    let base = r#""bib": "7", "name": "A B", "distance": "42k""#;
    let table: Vec<(String, Vec<(String, Problem)>)> = vec![
        (
            format!(r#"{{{base}, "chip_time": "2:61:00"}}"#),
            vec![p("chip_time", BadTime(text("2:61:00")))],
        ),
        (
            format!(r#"{{{base}, "chip_time": "-0:10:00"}}"#),
            vec![p("chip_time", NegativeTime(text("-0:10:00")))],
        ),
        (
            format!(r#"{{{base}, "chip_time": -5}}"#),
            vec![p("chip_time", NegativeTime(text("-5")))],
        ),
        (
            format!(r#"{{{base}, "chip_time": true}}"#),
            vec![p(
                "chip_time",
                WrongType {
                    expected: Kind::Time,
                    found: text("true"),
                },
            )],
        ),
        (
            format!(r#"{{{base}, "chip_time": "", "gun_time": null}}"#),
            vec![],
        ),
        (
            format!(r#"{{{base}, "sex": "Q"}}"#),
            vec![p("sex", UnknownSex(text("Q")))],
        ),
        (format!(r#"{{{base}, "sex": "w"}}"#), vec![]),
        (
            format!(r#"{{{base}, "status": "finished"}}"#),
            vec![p("status", FinishedWithoutTime)],
        ),
        (
            format!(r#"{{{base}, "status": "gone", "chip_time": "3:00:00"}}"#),
            vec![p("status", UnknownStatus(text("gone")))],
        ),
        (
            format!(r#"{{{base}, "birth_year": 95}}"#),
            vec![p("birth_year", BadBirthYear(text("95")))],
        ),
        (
            format!(r#"{{{base}, "birth_year": "1995"}}"#),
            vec![p(
                "birth_year",
                ConvertedType {
                    expected: Kind::WholeNumber,
                    found: text("1995"),
                },
            )],
        ),
        (
            format!(r#"{{{base}, "birth_year": 1995.5}}"#),
            vec![p("birth_year", BadBirthYear(text("1995.5")))],
        ),
        (
            format!(r#"{{{base}, "age": 0}}"#),
            vec![p("age", BadAge(text("0")))],
        ),
        (
            format!(r#"{{{base}, "age": "old"}}"#),
            vec![p("age", BadAge(text("old")))],
        ),
        (
            format!(r#"{{{base}, "place": 0, "chip_time": "3:00:00"}}"#),
            vec![p("place", BadPlace(text("0")))],
        ),
        (
            format!(r#"{{{base}, "place": 4, "status": "dnf"}}"#),
            vec![p("place", PlaceWithoutFinish)],
        ),
        (
            format!(r#"{{{base}, "club": 42}}"#),
            vec![p(
                "club",
                ConvertedType {
                    expected: Kind::Text,
                    found: text("42"),
                },
            )],
        ),
        (
            format!(r#"{{{base}, "club": ["a"]}}"#),
            vec![p(
                "club",
                WrongType {
                    expected: Kind::Text,
                    found: text("[…]"),
                },
            )],
        ),
        (
            format!(r#"{{{base}, "chip_time": "3:00:00", "gun_time": "2:59:00"}}"#),
            vec![p("gun_time", GunFasterThanChip)],
        ),
        (
            format!(r#"{{{base}, "gun_time": "3:00:00"}}"#),
            vec![p("chip_time", RankingTimeMissing { used: Ranking::Gun })],
        ),
        (
            r#"{"bib": "7", "name": "A B", "distance": "10k", "chip_time": "50:00"}"#.to_string(),
            vec![p(
                "gun_time",
                RankingTimeMissing {
                    used: Ranking::Chip,
                },
            )],
        ),
        // Non-finishers are not placed, so their missing ranking time does not matter.
        (
            format!(r#"{{{base}, "gun_time": "3:00:00", "status": "dsq"}}"#),
            vec![],
        ),
        (
            format!(r#"{{{base}, "chip_time": "3:00:00", "splits": {{"30k": "2:00:00"}}}}"#),
            vec![p("splits.30k", UnknownSplit(text("30k")))],
        ),
        (
            format!(
                r#"{{{base}, "chip_time": "3:00:00", "splits": {{"10k": "1:20:00", "21k": "1:10:00"}}}}"#
            ),
            vec![p("splits.21k", SplitsOutOfOrder)],
        ),
        (
            format!(r#"{{{base}, "chip_time": "1:00:00", "splits": {{"10k": "1:20:00"}}}}"#),
            vec![p("splits.10k", SplitsOutOfOrder)],
        ),
        (
            format!(r#"{{{base}, "chip_time": "3:00:00", "splits": {{"10k": "1:99:00"}}}}"#),
            vec![p("splits.10k", BadTime(text("1:99:00")))],
        ),
        (
            format!(r#"{{{base}, "chip_time": "3:00:00", "splits": ["1:00:00"]}}"#),
            vec![p(
                "splits",
                WrongType {
                    expected: Kind::Object,
                    found: text("[…]"),
                },
            )],
        ),
        (
            r#"{"bib": "7", "name": "A B", "distance": "42k", "name": "C D"}"#.to_string(),
            vec![p("name", DuplicateKey)],
        ),
        (
            r#"{"bib": "7", "name": "A B"}"#.to_string(),
            vec![p("distance", MissingDistance)],
        ),
        (
            r#"{"bib": "7", "name": "A B", "distance": "5k"}"#.to_string(),
            vec![p("distance", UnknownDistance(text("5k")))],
        ),
        (
            r#"{"bib": "7", "distance": "42k"}"#.to_string(),
            vec![p("name", MissingName)],
        ),
        (
            r#"{"bib": "7", "name": "  ", "distance": "42k"}"#.to_string(),
            vec![p("name", MissingName)],
        ),
        (
            r#"{"bib": "7", "name": {"first": "A"}, "distance": "42k"}"#.to_string(),
            vec![p(
                "name",
                WrongType {
                    expected: Kind::Text,
                    found: text("{…}"),
                },
            )],
        ),
        (
            r#"{"bib": "7", "name": 42, "distance": "42k"}"#.to_string(),
            vec![p(
                "name",
                ConvertedType {
                    expected: Kind::Text,
                    found: text("42"),
                },
            )],
        ),
        (
            r#"{"name": "A B", "distance": "42k"}"#.to_string(),
            vec![p("bib", MissingBib)],
        ),
        (
            r#"{"bib": 7, "name": "A B", "distance": "42k"}"#.to_string(),
            vec![],
        ),
    ];
    for (row, want) in table {
        let l = load(&doc(&row));
        assert_eq!(problems(&l), want, "{row}");
        assert_eq!(l.results.runners.len(), 1, "{row}");
    }
}

#[test]
fn status_follows_the_times_when_not_given() {
    let table = [
        (r#""chip_time": "3:00:00""#, Status::Finished),
        (r#""gun_time": 10800"#, Status::Finished),
        (r#""chip_time": """#, Status::Dns),
        (r#""chip_time": "DNF""#, Status::Dns),
        (r#""status": "DNF""#, Status::Dnf),
        (r#""status": "dsq", "chip_time": "3:00:00""#, Status::Dsq),
        (
            r#""status": "Finished", "chip_time": "3:00:00""#,
            Status::Finished,
        ),
    ];
    for (fields, want) in table {
        let l = load(&doc(&format!(
            r#"{{"bib": "1", "name": "A", "distance": "42k", {fields}}}"#
        )));
        assert_eq!(l.results.runners[0].status, want, "{fields}");
    }
}

#[test]
fn times_in_every_allowed_form() {
    let table = [
        (r#""2:25:31""#, 8_731_000),
        (r#""02:25:31.4""#, 8_731_400),
        (r#""45:07""#, 2_707_000),
        (r#""26:03:10""#, 93_790_000),
        ("5025", 5_025_000),
        ("5025.25", 5_025_250),
    ];
    for (written, ms) in table {
        let l = load(&doc(&format!(
            r#"{{"bib": "1", "name": "A", "distance": "42k", "chip_time": {written}}}"#
        )));
        assert_eq!(
            l.results.runners[0].chip_time,
            Some(RaceTime(ms)),
            "{written}"
        );
        assert_eq!(l.warnings, vec![], "{written}");
    }
}

#[test]
fn warnings_carry_row_and_bib() {
    let l = load(&doc(r#"{"bib": "1", "name": "A", "distance": "42k"},
           5,
           {"bib": "1", "name": "B", "distance": "42k"},
           {"name": "C", "distance": "9k"}"#));
    let got: Vec<(Option<usize>, Option<&str>, &str, &Problem)> = l
        .warnings
        .iter()
        .map(|w| (w.row, w.bib.as_deref(), w.field.as_str(), &w.problem))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some(1),
                None,
                "results[1]",
                &Problem::RowNotObject(text("5"))
            ),
            (
                Some(2),
                Some("1"),
                "bib",
                &Problem::DuplicateBib { first_row: 0 }
            ),
            (Some(3), None, "bib", &Problem::MissingBib),
            (
                Some(3),
                None,
                "distance",
                &Problem::UnknownDistance(text("9k"))
            ),
        ]
    );
    assert_eq!(
        (l.rows_in, l.rows_skipped, l.results.runners.len()),
        (4, 1, 3)
    );
}

#[test]
fn event_fields() {
    use Problem::*;
    let table = [
        (
            r#""date": "2021-09-26", "utc_offset": "+06:00", "updated": "2021-09-26T16:00:00+06:00""#,
            vec![],
        ),
        (
            r#""date": "26.09.2021""#,
            vec![p("event.date", BadDate(text("26.09.2021")))],
        ),
        (
            r#""utc_offset": "GMT+6""#,
            vec![p("event.utc_offset", BadUtcOffset(text("GMT+6")))],
        ),
        (
            r#""updated": "yesterday""#,
            vec![p("event.updated", BadTimestamp(text("yesterday")))],
        ),
        (
            r#""status": "preliminary""#,
            vec![p("event.status", UnknownEventStatus(text("preliminary")))],
        ),
        (
            r#""currency": 398"#,
            vec![p(
                "event.currency",
                ConvertedType {
                    expected: Kind::Text,
                    found: text("398"),
                },
            )],
        ),
    ];
    for (fields, want) in table {
        let text = format!(
            r#"{{"format": "results/v1", "event": {{"name": "E", {fields}}}, "distances": [], "results": []}}"#
        );
        assert_eq!(problems(&load(&text)), want, "{fields}");
    }
    let l = load(
        r#"{"format": "results/v1", "event": {"name": "E", "status": "provisional", "date": "2021-09-26"},
            "distances": [], "results": []}"#,
    );
    assert_eq!(l.results.event.status, EventStatus::Provisional);
    assert_eq!(l.results.event.date.as_deref(), Some("2021-09-26"));
}

#[test]
fn distance_definitions() {
    use Problem::*;
    let table = [
        (
            r#"{"id": "a", "name": "A", "km": 0}"#,
            vec![p("distances[0].km", BadKm(text("0")))],
        ),
        (
            r#"{"id": "a", "name": "A", "km": "42.195"}"#,
            vec![p(
                "distances[0].km",
                ConvertedType {
                    expected: Kind::Number,
                    found: text("42.195"),
                },
            )],
        ),
        (
            r#"{"id": "a", "name": "A", "km": "far"}"#,
            vec![p("distances[0].km", BadKm(text("far")))],
        ),
        (
            r#"{"id": "a"}"#,
            vec![p("distances[0].name", MissingDistanceName)],
        ),
        (
            r#"{"name": "A"}"#,
            vec![p("distances[0].id", MissingDistanceId)],
        ),
        (
            r#""42k""#,
            vec![p("distances[0]", EntryNotObject(text("42k")))],
        ),
        (
            r#"{"id": "a", "name": "A", "start": "7:30"}"#,
            vec![p("distances[0].start", BadStart(text("7:30")))],
        ),
        (
            r#"{"id": "a", "name": "A", "start": "2021-09-26T07:30:00+06:00"}"#,
            vec![],
        ),
        (
            r#"{"id": "a", "name": "A", "ranking": "net"}"#,
            vec![p("distances[0].ranking", UnknownRanking(text("net")))],
        ),
        (
            r#"{"id": "a", "name": "A", "splits": [{"name": "x"}]}"#,
            vec![p("distances[0].splits[0].id", MissingSplitId)],
        ),
        (
            r#"{"id": "a", "name": "A", "splits": [{"id": "x"}, {"id": "x"}]}"#,
            vec![p("distances[0].splits[1].id", DuplicateSplitId(text("x")))],
        ),
        (
            r#"{"id": "a", "name": "A", "km": 10, "splits": [{"id": "x", "km": 5}, {"id": "y", "km": 3}]}"#,
            vec![p("distances[0].splits[1].km", SplitsOutOfOrder)],
        ),
        (
            r#"{"id": "a", "name": "A", "km": 10, "splits": [{"id": "x", "km": 12}]}"#,
            vec![p("distances[0].splits[0].km", SplitsOutOfOrder)],
        ),
        (
            r#"{"id": "a", "name": "A", "splits": {"x": 1}}"#,
            vec![p(
                "distances[0].splits",
                WrongType {
                    expected: Kind::List,
                    found: text("{…}"),
                },
            )],
        ),
        (
            r#"{"id": "a", "name": "A", "awards": {"places": 1001}}"#,
            vec![p("distances[0].awards.places", BadAwards(text("1001")))],
        ),
        (
            r#"{"id": "a", "name": "A", "awards": {"places": 0}}"#,
            vec![],
        ),
        (
            r#"{"id": "a", "name": "A", "awards": {"by": "age"}}"#,
            vec![p("distances[0].awards.by", BadAwards(text("age")))],
        ),
        (
            r#"{"id": "a", "name": "A", "awards": {"prizes": [100, -5]}}"#,
            vec![p("distances[0].awards.prizes[1]", BadAwards(text("-5")))],
        ),
        (
            r#"{"id": "a", "name": "A", "awards": {"categories": "yes"}}"#,
            vec![p(
                "distances[0].awards.categories",
                WrongType {
                    expected: Kind::TrueFalse,
                    found: text("yes"),
                },
            )],
        ),
        (
            r#"{"id": "a", "name": "A", "awards": true}"#,
            vec![p(
                "distances[0].awards",
                WrongType {
                    expected: Kind::Object,
                    found: text("true"),
                },
            )],
        ),
    ];
    for (distance, want) in table {
        let text = format!(
            r#"{{"format": "results/v1", "event": {{"name": "E"}}, "distances": [{distance}], "results": []}}"#
        );
        assert_eq!(problems(&load(&text)), want, "{distance}");
    }
}

#[test]
fn duplicate_distance_ids_keep_the_first() {
    let l = load(
        r#"{"format": "results/v1", "event": {"name": "E"},
            "distances": [{"id": "a", "name": "First"}, {"id": "a", "name": "Second"}],
            "results": [{"bib": "1", "name": "R", "distance": "a"}]}"#,
    );
    assert_eq!(
        problems(&l),
        vec![p(
            "distances[1].id",
            Problem::DuplicateDistanceId(text("a"))
        )]
    );
    assert_eq!(l.results.distances.len(), 1);
    assert_eq!(l.results.distances[0].name, "First");
    assert_eq!(l.results.runners[0].distance, Some(0));
}

#[test]
fn awards_and_defaults() {
    let l = load(
        r#"{"format": "results/v1", "event": {"name": "E"},
            "distances": [{"id": "a", "name": "A", "awards": {}},
                          {"id": "b", "name": "B", "awards": {"places": 5, "by": "overall",
                           "prizes": [300, 200, 100], "categories": true}},
                          {"id": "c", "name": "C"}],
            "results": []}"#,
    );
    let d = &l.results.distances;
    let a = d[0]
        .awards
        .as_ref()
        .map(|a| (a.places, a.by, a.prizes.clone(), a.categories));
    assert_eq!(a, Some((3, AwardsBy::Sex, vec![], false)));
    let b = d[1]
        .awards
        .as_ref()
        .map(|a| (a.places, a.by, a.prizes.clone(), a.categories));
    assert_eq!(b, Some((5, AwardsBy::Overall, vec![300, 200, 100], true)));
    assert_eq!(d[2].awards, None);
    assert_eq!(d[2].ranking, Ranking::Chip);
}

#[test]
fn official_places_all_or_warned() {
    let some = load(&doc(
        r#"{"bib": "1", "name": "A", "distance": "42k", "chip_time": "3:00:00", "place": 1},
           {"bib": "2", "name": "B", "distance": "42k", "chip_time": "3:10:00"},
           {"bib": "3", "name": "C", "distance": "42k", "chip_time": "3:20:00"},
           {"bib": "4", "name": "D", "distance": "42k", "status": "dnf"}"#,
    ));
    assert_eq!(
        problems(&some),
        vec![p(
            "place",
            Problem::OfficialPlacesIncomplete {
                distance: text("42k"),
                missing: 2
            }
        )]
    );
    assert_eq!(some.warnings[0].row, None);
}

#[test]
fn load_errors() {
    let table: Vec<(&[u8], LoadError)> = vec![
        (b"", LoadError::Empty),
        (b"   \n", LoadError::Empty),
        (b"[1, 2]", LoadError::RootNotObject),
        (b"\"results\"", LoadError::RootNotObject),
        (b"<html><body>404</body></html>", LoadError::LooksLikeHtml),
        (
            br#"{"format": "results/v2", "event": {"name": "E"}, "distances": [], "results": []}"#,
            LoadError::UnknownFormat(text("results/v2")),
        ),
        (br#"{"format": 2}"#, LoadError::UnknownFormat(text("2"))),
        (
            br#"{"event": {"name": "E"}, "distances": []}"#,
            LoadError::MissingSection("results"),
        ),
        (
            br#"{"event": {"name": "E"}, "distances": {}, "results": []}"#,
            LoadError::MissingSection("distances"),
        ),
        (
            br#"{"event": "E", "distances": [], "results": []}"#,
            LoadError::MissingSection("event"),
        ),
        (
            br#"{"event": {"name": ""}, "distances": [], "results": []}"#,
            LoadError::MissingEventName,
        ),
        (
            br#"{"event": {"name": {}}, "distances": [], "results": []}"#,
            LoadError::MissingEventName,
        ),
        (
            b"{\n  \"event\": {\"name\": \"E\",}\n}",
            LoadError::NotJson {
                line: 2,
                column: 25,
                reason: JsonSyntax::TrailingComma,
            },
        ),
        (
            b"{\"event\": ",
            LoadError::NotJson {
                line: 1,
                column: 10,
                reason: JsonSyntax::UnexpectedEnd,
            },
        ),
        (
            b"{'event': 1}",
            LoadError::NotJson {
                line: 1,
                column: 2,
                reason: JsonSyntax::KeyNotString,
            },
        ),
        (
            b"{} {}",
            LoadError::NotJson {
                line: 1,
                column: 4,
                reason: JsonSyntax::TrailingCharacters,
            },
        ),
    ];
    for (bytes, want) in table {
        assert_eq!(
            parse_results(bytes).err(),
            Some(want),
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_blank_format_reads_as_v1_like_a_missing_one() {
    for format in [
        r#""format": null,"#,
        r#""format": "","#,
        r#""format": "  ","#,
        "",
    ] {
        let text =
            format!(r#"{{{format} "event": {{"name": "E"}}, "distances": [], "results": []}}"#);
        assert_eq!(
            problems(&load(&text)),
            vec![p("format", Problem::NoFormatField)],
            "{text}"
        );
    }
}

#[test]
fn huge_numbers_are_quoted_short_and_bibs_that_lose_digits_are_flagged() {
    let l = load(&doc(
        r#"{"bib": 103.0, "name": "A", "distance": "42k", "chip_time": 1e308},
           {"bib": 123456789012345678901234567890, "name": "B", "distance": "42k"},
           {"bib": 1e300, "name": "C", "distance": "42k", "age": 1e-300}"#,
    ));
    let conv = |found: &str| Problem::ConvertedType {
        expected: Kind::Text,
        found: text(found),
    };
    assert_eq!(
        problems(&l),
        vec![
            p("chip_time", Problem::BadTime(text("1e308"))),
            p("bib", conv("1.2345678901234568e29")),
            p("bib", conv("1e300")),
            p("age", Problem::BadAge(text("1e-300"))),
        ]
    );
    let bibs: Vec<&str> = l.results.runners.iter().map(|r| r.bib.as_str()).collect();
    assert_eq!(bibs, ["103", "1.2345678901234568e29", "1e300"]);
}

#[test]
fn deep_nesting_is_skipped_without_recursion() {
    // serde_json skips values we do not read with a loop, not recursion, so a hostile
    // 100,000-deep value cannot overflow the stack: it is ignored, or a type warning.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let l = load(&doc(&format!(
        r#"{{"bib": "1", "name": {deep}, "distance": "42k", "extra": {deep}}}"#
    )));
    assert_eq!(
        problems(&l),
        vec![p(
            "name",
            Problem::WrongType {
                expected: Kind::Text,
                found: text("[…]")
            }
        )]
    );
}

#[test]
fn oversize_files_are_refused_before_parsing() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(
        parse_results(&big).err(),
        Some(LoadError::TooLarge {
            size_bytes: MAX_FILE_BYTES + 1,
            limit_bytes: MAX_FILE_BYTES
        })
    );
}

#[test]
fn long_values_are_cut_in_warnings() {
    let long = "x".repeat(500);
    let l = load(&doc(&format!(
        r#"{{"bib": "1", "name": "A", "distance": "42k", "chip_time": "{long}"}}"#
    )));
    let Problem::BadTime(shown) = &l.warnings[0].problem else {
        panic!("{:?}", l.warnings)
    };
    assert_eq!(shown.chars().count(), raw::SHOWN_CHARS + 1);
    assert!(shown.ends_with('…'));
}

#[test]
fn round_trip_through_to_json() {
    let original = load(&doc(
        r#"{"bib": 101, "name": "A", "sex": "F", "age": 30, "distance": "42k",
            "chip_time": "2:25:31.45", "gun_time": 8735.5, "splits": {"10k": "33:00", "21k": "1:11:02"}, "place": 1},
           {"bib": "102", "name": "B", "distance": "10k", "status": "dnf", "gun_time": "40:00"},
           {"bib": "103", "name": "", "distance": "nope"},
           {"bib": "", "distance": "42k", "chip_time": "26:00:00"}"#,
    ));
    let written = serde_json::to_vec(&to_json(&original.results)).expect("serializes");
    let again = parse_results(&written).expect("reads back");
    assert_eq!(again.results, original.results);
    assert_eq!(again.warnings, original.warnings);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// JSON fragments that rows are built from: right and wrong types alike.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("null".to_string()),
            Just("true".to_string()),
            Just("{}".to_string()),
            Just("[1, {\"a\": []}]".to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(|x| format!("{x:?}")),
            "[ -~]{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
            "[0-9:.\\-]{0,10}".prop_map(|s| format!("\"{s}\"")),
        ]
    }

    fn row() -> impl Strategy<Value = String> {
        let keys = prop::sample::select(vec![
            "bib",
            "name",
            "sex",
            "birth_year",
            "age",
            "distance",
            "status",
            "chip_time",
            "gun_time",
            "splits",
            "place",
            "club",
            "team",
            "legs",
        ]);
        prop_oneof![
            prop::collection::vec((keys, value()), 0..8).prop_map(|kv| {
                let body: Vec<String> = kv.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
                format!("{{{}}}", body.join(", "))
            }),
            value(),
        ]
    }

    proptest! {
        #[test]
        fn any_rows_keep_the_row_count(rows in prop::collection::vec(row(), 0..12)) {
            let l = load(&doc(&rows.join(", ")));
            prop_assert_eq!(l.rows_in, rows.len());
            prop_assert_eq!(l.rows_in, l.results.runners.len() + l.rows_skipped);
            let skipped_warnings = l.warnings.iter()
                .filter(|w| matches!(w.problem, Problem::RowNotObject(_))).count();
            prop_assert_eq!(skipped_warnings, l.rows_skipped);
            // What was read can be written and read back to the same thing.
            let written = serde_json::to_vec(&to_json(&l.results)).unwrap_or_default();
            let again = parse_results(&written).map(|a| a.results);
            prop_assert_eq!(again.as_ref(), Ok(&l.results));
        }

        #[test]
        fn any_bytes_give_a_value_not_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse_results(&bytes);
        }

        #[test]
        fn any_text_gives_a_value_not_a_panic(text in "[{}\\[\\]\":,a-z0-9 \n]{0,80}") {
            let _ = parse_results(text.as_bytes());
        }
    }
}

/// A realistic big file: 50,000 runners over two distances with splits, about 10 MB.
fn big_file(runners: usize) -> String {
    let mut rows = Vec::with_capacity(runners);
    for i in 0..runners {
        let marathon = i % 3 == 0;
        let secs = if marathon {
            8_000 + i % 12_000
        } else {
            1_900 + i % 3_000
        };
        let t = |s: usize| format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
        let splits = if marathon {
            format!(
                r#", "splits": {{"10k": "{}", "21k": "{}"}}"#,
                t(secs / 4),
                t(secs / 2)
            )
        } else {
            String::new()
        };
        rows.push(format!(
            r#"{{"bib": "{}", "name": "Runner Number{} Surname{}", "sex": "{}", "birth_year": {}, "category": "M{}", "club": "Almaty Runners Club {}", "city": "Almaty", "country": "KAZ", "distance": "{}", "status": "finished", "chip_time": "{}", "gun_time": "{}"{splits}}}"#,
            i + 1,
            i,
            i % 977,
            if i % 2 == 0 { "M" } else { "F" },
            1950 + i % 55,
            20 + (i % 5) * 10,
            i % 300,
            if marathon { "42k" } else { "10k" },
            t(secs),
            t(secs + 20),
        ));
    }
    doc(&rows.join(",\n"))
}

/// The fastest of `rounds` runs: on a shared machine the minimum is the fair number.
fn fastest<T>(rounds: usize, mut f: impl FnMut() -> T) -> std::time::Duration {
    (0..rounds)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `cargo test --release --lib format::tests::speed -- --ignored --nocapture`
#[test]
#[ignore]
fn speed_of_a_50k_runner_file() {
    let text = big_file(50_000);
    let l = load(&text);
    assert_eq!(l.results.runners.len(), 50_000);
    assert_eq!(l.warnings, vec![]);
    let ours = fastest(15, || load(&text));
    let raw = fastest(15, || load::parse_root(&text).is_ok());
    let tree = fastest(15, || {
        serde_json::from_str::<serde_json::Value>(&text).is_ok()
    });
    let skim = fastest(15, || {
        serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok()
    });
    eprintln!(
        "{:.1} MB, 50,000 runners: parse_results {ours:?} (raw read {raw:?}); \
         for scale: serde_json::Value {tree:?}, tokenizing only {skim:?}",
        text.len() as f64 / 1e6
    );
}

/// For profilers: `FORMAT_SPEED_ROUNDS=1 valgrind --tool=callgrind <test binary>
/// format::tests::speed_parse_only --ignored`.
#[test]
#[ignore]
fn speed_parse_only() {
    let rounds = std::env::var("FORMAT_SPEED_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let text = big_file(50_000);
    for _ in 0..rounds {
        std::hint::black_box(load(&text));
    }
}

#[test]
fn sex_codes_match_the_model() {
    for code in [
        "M", "m", "F", "f", "W", "w", "X", "x", "", "MF", "Q", "ж", "М",
    ] {
        assert_eq!(rows::sex_of(code), Sex::from_code(code), "{code:?}");
    }
}

/// The published value lists (used by the schema test) are exactly what the reader takes.
#[test]
fn published_value_lists_are_what_the_reader_accepts() {
    let row = |field: &str, v: &str| {
        load(&doc(&format!(
            r#"{{"bib": "1", "name": "A", "distance": "42k", "chip_time": "3:00:00", "{field}": "{v}"}}"#
        )))
    };
    for v in SEXES {
        let l = row("sex", v);
        assert_eq!(l.warnings, vec![], "{v}");
        assert_eq!(l.results.runners[0].sex.map(Sex::code), Some(v));
    }
    for v in STATUSES {
        let l = row("status", v);
        assert_eq!(l.warnings, vec![], "{v}");
        assert_eq!(l.results.runners[0].status.code(), v);
    }
    assert_eq!(
        problems(&row("sex", "Y")),
        vec![p("sex", Problem::UnknownSex(text("Y")))]
    );
    assert_eq!(
        problems(&row("status", "ok")),
        vec![p("status", Problem::UnknownStatus(text("ok")))]
    );

    let distance = |fields: &str| {
        load(&format!(
            r#"{{"format": "{FORMAT_V1}", "event": {{"name": "E"}},
                "distances": [{{"id": "a", "name": "A", {fields}}}], "results": []}}"#
        ))
    };
    let rankings: Vec<Ranking> = RANKINGS
        .iter()
        .map(|v| {
            let l = distance(&format!(r#""ranking": "{v}""#));
            assert_eq!(l.warnings, vec![], "{v}");
            l.results.distances[0].ranking
        })
        .collect();
    assert_eq!(rankings, [Ranking::Chip, Ranking::Gun]);
    let by: Vec<AwardsBy> = AWARDS_BY
        .iter()
        .map(|v| {
            let l = distance(&format!(r#""awards": {{"by": "{v}"}}"#));
            assert_eq!(l.warnings, vec![], "{v}");
            l.results.distances[0]
                .awards
                .as_ref()
                .map_or(AwardsBy::Sex, |a| a.by)
        })
        .collect();
    assert_eq!(by, [AwardsBy::Sex, AwardsBy::Overall]);
    let statuses: Vec<EventStatus> = EVENT_STATUSES
        .iter()
        .map(|v| {
            let l = load(&format!(
                r#"{{"event": {{"name": "E", "status": "{v}"}}, "distances": [], "results": [], "format": "{FORMAT_V1}"}}"#
            ));
            assert_eq!(l.warnings, vec![], "{v}");
            l.results.event.status
        })
        .collect();
    assert_eq!(statuses, [EventStatus::Official, EventStatus::Provisional]);
}
