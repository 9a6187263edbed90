//! Age grading (domain::age_grade) from the tables a file carries: the arithmetic against
//! a published worked example, interpolation between distances, the reasons for no grade,
//! and how the format reads, warns about and writes the tables.
use race_results::domain::age_grade::{factor_and_standard, percent_text};
use race_results::domain::time::format_time;
use race_results::domain::{age_grade, age_on_race_day, compute_standings, NoGrade, Results, Sex};
use race_results::format::{parse_results, to_json, Problem};

fn fixture() -> (Results, Vec<(String, Problem)>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format/age_grading.json"
    );
    let loaded = parse_results(&std::fs::read(path).unwrap()).unwrap();
    let warnings = loaded
        .warnings
        .iter()
        .map(|w| (w.field.clone(), w.problem.clone()))
        .collect();
    (loaded.results, warnings)
}

fn grade_of(r: &Results, bib: &str) -> Result<race_results::domain::AgeGrade, NoGrade> {
    let st = compute_standings(r);
    let i = r.runners.iter().position(|x| x.bib == bib).unwrap();
    age_grade(r, &st, i)
}

/// A club's page on the WMA tables (2006 edition) works this example: a man of 53 runs
/// 5 km in 23:10; his factor is 0.8536, so his age-graded time is 19:47, and against the
/// 12:37 open standard that is 63.8%.
#[test]
fn the_published_worked_example() {
    let (r, _) = fixture();
    let g = grade_of(&r, "1").unwrap();
    assert_eq!(g.factor, 0.8536);
    assert_eq!(format_time(g.graded_time), "0:19:47");
    assert_eq!(g.basis_points, 6380);
    assert_eq!(percent_text(g.basis_points), "63.80%");
}

#[test]
fn age_comes_from_the_birth_year_and_the_race_date_when_no_age_is_given() {
    let (r, _) = fixture();
    assert_eq!(age_on_race_day(&r, 1), Some(53));
    assert_eq!(grade_of(&r, "2"), grade_of(&r, "1"));
}

#[test]
fn a_distance_between_two_tables_is_interpolated_on_log_distance() {
    let (r, _) = fixture();
    let tables = &r.age_grading.as_ref().unwrap().tables;
    let (f, open) = factor_and_standard(tables, Sex::M, 8.0, 53).unwrap();
    let w = (8f64.ln() - 5f64.ln()) / (10f64.ln() - 5f64.ln());
    assert!((f - (0.8536 + w * (0.8520 - 0.8536))).abs() < 1e-12);
    let want = ((757_000f64).ln() + w * ((1_577_000f64).ln() - (757_000f64).ln())).exp();
    assert!((open - want).abs() < 1e-6, "{open} vs {want}");
    // At the tabled distances the interpolation gives the tables' own numbers.
    assert_eq!(
        factor_and_standard(tables, Sex::M, 10.0, 54).unwrap(),
        (0.8440, 1_577_000.0)
    );
    // 42.2 km counts as 42.195: within half a percent.
    assert_eq!(
        factor_and_standard(tables, Sex::M, 5.02, 53).unwrap().0,
        0.8536
    );
    let g = grade_of(&r, "5").unwrap();
    assert_eq!(
        g.basis_points,
        (open / (2_400_000.0 * f) * 10_000.0).round() as u32
    );
}

#[test]
fn no_grade_and_why() {
    let (r, _) = fixture();
    let cases = [
        ("3", NoGrade::NoAge),
        ("4", NoGrade::NoSex),
        ("6", NoGrade::Distance),
        ("7", NoGrade::Distance),
        ("8", NoGrade::AgeOutside),
        ("9", NoGrade::NoTime),
        // The women's table has a factor above 1, so it was left out.
        ("10", NoGrade::Distance),
    ];
    for (bib, why) in cases {
        assert_eq!(grade_of(&r, bib), Err(why), "bib {bib}");
    }
}

#[test]
fn a_bad_table_is_a_warning_and_only_that_table_is_left_out() {
    let (r, warnings) = fixture();
    assert_eq!(
        warnings,
        [(
            "age_grading.tables[2].factors[0]".to_string(),
            Problem::BadAgeGrading("1.5".into())
        )]
    );
    assert_eq!(r.age_grading.as_ref().unwrap().tables.len(), 2);
}

#[test]
fn tables_survive_the_round_trip_and_files_without_them_have_none() {
    let (r, _) = fixture();
    let again = parse_results(&serde_json::to_vec(&to_json(&r)).unwrap()).unwrap();
    assert_eq!(again.warnings, vec![]);
    assert_eq!(again.results, r);
    let plain = br#"{"format":"results/v1","event":{"name":"x"},"distances":[],"results":[]}"#;
    assert_eq!(parse_results(plain).unwrap().results.age_grading, None);
}

fn results_of(json: &serde_json::Value) -> Results {
    parse_results(json.to_string().as_bytes()).unwrap().results
}

/// The USATF Masters LDR 2025 road tables, as a published calculator (the `brrag`
/// package's documentation) works them: a man of 40 runs 10 km in 40:00; his factor is
/// 0.9636, his age-graded time 38:32.6, which is 68.49% of the 26:24 open standard.
#[test]
fn a_worked_example_of_the_2025_tables() {
    let r = results_of(&serde_json::json!({
        "format": "results/v1",
        "event": { "name": "Worked example 2025", "date": "2025-05-01" },
        "distances": [{ "id": "10k", "name": "10 km", "km": 10 }],
        "results": [{ "bib": "1", "name": "Forty", "sex": "M", "age": 40, "distance": "10k", "chip_time": "40:00" }],
        "age_grading": { "source": "worked example", "tables": [
            { "km": 10, "sex": "M", "open": "26:24", "first_age": 40, "factors": [0.9636] }
        ] }
    }));
    let g = grade_of(&r, "1").unwrap();
    assert_eq!(g.basis_points, 6849);
    // The viewer prints whole seconds: 38:32.6 rounds to 38:33.
    assert_eq!(format_time(g.graded_time), "0:38:33");
}

/// The organizer's sheet (the published layout, made-up numbers) read by the importer,
/// put into a converted file, and grading its runners.
#[test]
fn tables_read_from_the_published_sheet_grade_a_converted_file() {
    use race_results::import::{
        age_grading_json, columns_for, convert, guess_mapping, read_age_tables, read_table,
    };
    let fixture = |name: &str| {
        std::fs::read(format!(
            "{}/tests/fixtures/import/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let name = "team_birth_date.csv";
    let table = read_table(&fixture(name), name).unwrap();
    let mut mapping = guess_mapping(&table);
    mapping.event_date = Some("2021-09-26".into());
    mapping.distance_km = Some(42.195);
    let mut doc = convert(&table, &mapping).json;

    let mut columns = Vec::new();
    for sheet in [
        "age_tables_made_up_male.csv",
        "age_tables_made_up_female.csv",
    ] {
        let s = read_age_tables(&fixture(sheet), sheet, None).unwrap();
        assert_eq!(s.columns.len(), 4, "{sheet}");
        columns.extend(s.columns);
    }
    let columns = columns_for(columns, &[42.195]);
    assert_eq!(columns.len(), 2, "the marathon's table of each sex");
    doc["age_grading"] = age_grading_json("made-up", &columns);

    let r = results_of(&doc);
    // Bib 1: a man of 40 on race day, 2:45:10; made-up factor at 40 for the marathon
    // 1 - 10 × (0.007 + 3 × 0.0005) = 0.915, open standard 2:05:00.
    let g = grade_of(&r, "1").unwrap();
    assert_eq!(g.factor, 0.915);
    let expected = (7500.0 / (9910.0 * 0.915) * 10_000.0_f64).round() as u32;
    assert_eq!(g.basis_points, expected);
    // Bib 4 gave only a birth year; the event's year makes her 36.
    assert!(grade_of(&r, "4").is_ok());
}
