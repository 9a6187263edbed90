//! CSV import from fixtures of our own making: one file per layout, language and
//! problem a timing export can have.
use race_results::domain::time::parse_time;
use race_results::import::{
    convert, guess_mapping, read_table, Conversion, Encoding, Field, ImportError, ImportNote,
    Mapping, NameOrder, Table,
};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(name: &str) -> (Table, Mapping, Conversion) {
    let table = read_table(&fixture(name), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mapping = guess_mapping(&table);
    let conversion = convert(&table, &mapping);
    check_document(name, &conversion);
    (table, mapping, conversion)
}

/// What every conversion must hold: rows accounted for, ids that resolve, times the
/// format reads, and a document the viewer's parser accepts.
fn check_document(name: &str, c: &Conversion) {
    let results = c.json["results"].as_array().expect("results");
    assert_eq!(
        c.rows_in,
        results.len() + c.rows_skipped,
        "{name}: rows accounted for"
    );
    assert_eq!(c.json["format"], "results/v1");
    assert!(c.json["event"]["name"]
        .as_str()
        .is_some_and(|n| !n.is_empty()));
    let ids: Vec<&str> = c.json["distances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    for r in results {
        if r["status"] == "finished" && r.get("chip_time").is_some() {
            let t = r["chip_time"].as_str().unwrap();
            assert!(parse_time(t).is_ok(), "{name}: chip time {t:?}");
        }
        let d = r["distance"].as_str().unwrap();
        assert!(d.is_empty() || ids.contains(&d), "{name}: distance {d}");
    }
    let bytes = serde_json::to_vec(&c.json).unwrap();
    let loaded = race_results::format::parse_results(&bytes).expect("the viewer reads it");
    assert_eq!(
        loaded.rows_in,
        loaded.results.runners.len() + loaded.rows_skipped
    );
    assert_eq!(
        loaded.results.runners.len(),
        results.len(),
        "{name}: runners"
    );
}

fn result<'a>(c: &'a Conversion, bib: &str) -> &'a Value {
    c.json["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["bib"] == bib)
        .unwrap_or_else(|| panic!("no bib {bib}"))
}

fn split(name: &str) -> Field {
    Field::Split(name.to_string())
}

#[test]
fn reads_each_layout() {
    let table = [
        ("english_comma.csv", Encoding::Utf8, ',', 14, 3),
        ("german_semicolon.csv", Encoding::Utf8, ';', 10, 3),
        ("spanish_tab.tsv", Encoding::Utf8, '\t', 8, 4),
        ("french_latin1.csv", Encoding::Windows1252, ';', 8, 3),
        ("russian_bom.csv", Encoding::Utf8Bom, ';', 9, 4),
        ("russian_cp1251.csv", Encoding::Windows1251, ';', 8, 3),
        ("kazakh.csv", Encoding::Utf8, ',', 7, 2),
        ("quoted.csv", Encoding::Utf8, ',', 4, 3),
        ("multi_distance.csv", Encoding::Utf8, ',', 6, 5),
        ("header_only.csv", Encoding::Utf8, ',', 3, 0),
    ];
    for (name, encoding, delimiter, columns, rows) in table {
        let t = read_table(&fixture(name), name).unwrap();
        assert_eq!(t.encoding, encoding, "{name}");
        assert_eq!(t.delimiter, delimiter, "{name}");
        assert_eq!(t.headers.len(), columns, "{name}: {:?}", t.headers);
        assert_eq!(t.rows.len(), rows, "{name}");
    }
}

#[test]
fn decodes_single_byte_code_pages() {
    let t = read_table(&fixture("french_latin1.csv"), "f.csv").unwrap();
    assert_eq!(t.headers[3], "Prénom");
    assert_eq!(t.rows[0][6], "AC Montréal");
    let t = read_table(&fixture("russian_cp1251.csv"), "r.csv").unwrap();
    assert_eq!(t.headers[1], "Фамилия");
    assert_eq!(t.rows[0][5], "Бегуны Ёлки");
    assert_eq!(t.rows[1][1], "Соловьёва");
}

#[test]
fn maps_headers_in_each_language() {
    use Field::*;
    let table: [(&str, Vec<Field>); 9] = [
        (
            "english_comma.csv",
            vec![
                Bib,
                Name,
                Age,
                Sex,
                City,
                Country,
                split("5K"),
                split("10K"),
                split("Half"),
                Ignore,
                ChipTime,
                Place,
                Ignore,
                Ignore,
            ],
        ),
        (
            "german_semicolon.csv",
            vec![
                Place, Bib, LastName, FirstName, Sex, BirthYear, Club, ChipTime, GunTime, Category,
            ],
        ),
        (
            "spanish_tab.tsv",
            vec![Bib, FirstName, LastName, Sex, Age, Club, ChipTime, Place],
        ),
        (
            "french_latin1.csv",
            vec![
                Place, Bib, LastName, FirstName, Sex, Category, Club, ChipTime,
            ],
        ),
        (
            "russian_bom.csv",
            vec![
                Place, Bib, Name, Sex, BirthYear, City, GunTime, ChipTime, Status,
            ],
        ),
        (
            "russian_cp1251.csv",
            vec![Bib, LastName, FirstName, Sex, Age, Club, ChipTime, Place],
        ),
        (
            "kazakh.csv",
            vec![Place, Bib, Name, Sex, Age, City, ChipTime],
        ),
        (
            "multi_distance.csv",
            vec![Bib, Name, Sex, Distance, ChipTime, split("10K")],
        ),
        (
            "first_last_nobib.csv",
            vec![Ignore, FirstName, LastName, Sex, ChipTime, GunTime],
        ),
    ];
    for (name, want) in table {
        let t = read_table(&fixture(name), name).unwrap();
        assert_eq!(guess_mapping(&t).columns, want, "{name}");
    }
}

#[test]
fn names_event_and_distance_from_the_file() {
    let t = read_table(
        b"Bib,Name,Time\n1,A,0:50:00\n",
        "almaty_half_marathon_2021.csv",
    )
    .unwrap();
    let m = guess_mapping(&t);
    assert_eq!(m.event_name, "Almaty Half Marathon 2021");
    assert_eq!(m.distance_name, "Half marathon");
    assert_eq!(m.distance_km, Some(21.0975));
    let t = read_table(b"Bib,Name,Time\n1,A,0:50:00\n", "Spring 10K.csv").unwrap();
    let m = guess_mapping(&t);
    assert_eq!(
        (m.event_name.as_str(), m.distance_km),
        ("Spring 10K", Some(10.0))
    );
    let c = convert(&t, &m);
    assert_eq!(c.json["distances"][0]["id"], "10k");
    assert_eq!(c.json["distances"][0]["name"], "10 km");
}

#[test]
fn english_last_first_names_splits_and_places() {
    let (_, m, c) = load("english_comma.csv");
    assert_eq!(m.name_order, NameOrder::Auto);
    let kirui = result(&c, "11");
    assert_eq!(kirui["name"], "Geoffrey Kirui");
    assert_eq!(kirui["place"], 1);
    assert_eq!(kirui["sex"], "M");
    assert_eq!(kirui["age"], 24);
    assert_eq!(kirui["chip_time"], "2:09:37");
    assert_eq!(kirui["splits"]["half"], "1:04:35");
    assert!(
        kirui.get("category").is_none(),
        "Division numbers are not categories"
    );
    let rupp = result(&c, "17");
    assert!(
        rupp["splits"].get("10k").is_none(),
        "'-' is a missing split"
    );
    assert_eq!(result(&c, "F1")["sex"], "F");
    let splits: Vec<&str> = c.json["distances"][0]["splits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(splits, ["5k", "10k", "half"]);
    assert_eq!(c.json["distances"][0]["splits"][2]["km"], 21.0975);
}

#[test]
fn german_first_and_last_columns_net_and_gross() {
    let (_, _, c) = load("german_semicolon.csv");
    let r = result(&c, "501");
    assert_eq!(r["name"], "Jürgen Müller");
    assert_eq!(r["birth_year"], 1980);
    assert_eq!(r["club"], "LG Nord");
    assert_eq!(r["category"], "M40");
    assert_eq!(
        (r["chip_time"].as_str(), r["gun_time"].as_str()),
        (Some("0:35:12"), Some("0:35:20"))
    );
    assert_eq!(result(&c, "502")["sex"], "F");
    let gave_up = result(&c, "503");
    assert_eq!(gave_up["status"], "dnf");
    assert!(gave_up.get("place").is_none());
    assert!(
        c.json["distances"][0].get("ranking").is_none(),
        "chip is the default"
    );
}

#[test]
fn spanish_places_of_total_and_statuses_in_time() {
    let (_, _, c) = load("spanish_tab.tsv");
    let r = result(&c, "7");
    assert_eq!(r["name"], "José García Pérez");
    assert_eq!(r["place"], 17);
    assert_eq!(r["sex"], "M", "H is hombre");
    assert_eq!(result(&c, "8")["sex"], "F", "M is mujer next to H");
    assert_eq!(result(&c, "8")["place"], 18);
    assert_eq!(result(&c, "9")["status"], "dnf");
    assert!(result(&c, "9").get("chip_time").is_none());
    assert_eq!(result(&c, "10")["status"], "dsq");
}

#[test]
fn french_latin1() {
    let (_, _, c) = load("french_latin1.csv");
    let r = result(&c, "12");
    assert_eq!(r["name"], "Hélène DUPRÉ");
    assert_eq!(r["sex"], "F");
    assert_eq!(r["category"], "SEF");
    assert_eq!(r["club"], "AC Montréal");
    assert_eq!(r["place"], 1);
    assert_eq!(result(&c, "18")["status"], "dnf", "Abandon");
}

#[test]
fn russian_statuses_and_name_order() {
    let (_, m, c) = load("russian_bom.csv");
    assert_eq!(m.name_order, NameOrder::LastFirst, "ФИО is last name first");
    let r = result(&c, "101");
    assert_eq!(r["name"], "Иван Иванов");
    assert_eq!(r["status"], "finished");
    assert_eq!(r["chip_time"], "2:31:02");
    assert_eq!(r["gun_time"], "2:31:10");
    assert_eq!(r["birth_year"], 1985);
    assert_eq!(r["sex"], "M");
    assert_eq!(result(&c, "102")["sex"], "F");
    assert_eq!(result(&c, "102")["status"], "finished");
    assert_eq!(result(&c, "103")["status"], "dnf", "Сошёл");
    assert_eq!(result(&c, "104")["status"], "dns", "Н/С");

    let (_, _, c) = load("russian_cp1251.csv");
    assert_eq!(result(&c, "7")["name"], "Алексей Смирнов");
    assert_eq!(result(&c, "7")["club"], "Бегуны Ёлки");
    assert_eq!(result(&c, "8")["age"], 27);
    assert_eq!(result(&c, "9")["status"], "dnf");
}

#[test]
fn kazakh_headers() {
    let (_, _, c) = load("kazakh.csv");
    let r = result(&c, "22");
    assert_eq!(r["name"], "Әйгерім Нұрланқызы");
    assert_eq!(r["sex"], "F");
    assert_eq!(r["city"], "Астана");
    assert_eq!(r["place"], 2);
    assert_eq!(result(&c, "21")["sex"], "M");
}

#[test]
fn quoted_cells() {
    let (_, _, c) = load("quoted.csv");
    assert_eq!(result(&c, "1")["name"], "John Smith");
    assert_eq!(result(&c, "1")["club"], "Club \"Fast\", Inc.");
    assert_eq!(result(&c, "2")["name"], "Jane Doe");
    assert_eq!(result(&c, "3")["club"], "Multi line club");
    assert_eq!(
        result(&c, "3")["chip_time"],
        "0:22:45",
        "last line without newline"
    );
}

#[test]
fn flags_mojibake_without_dropping() {
    let (t, _, c) = load("mojibake.csv");
    // Flagged when the table is read, so the mapping screen shows it.
    let flagged: Vec<usize> = t
        .notes
        .iter()
        .filter_map(|n| match n {
            ImportNote::MojibakeSuspected { row, .. } => Some(*row),
            _ => None,
        })
        .collect();
    assert_eq!(flagged, [1, 2, 3, 4]);
    assert!(
        t.notes.iter().all(|n| c.notes.contains(n)),
        "and in the conversion's notes"
    );
    assert!(c.notes.contains(&ImportNote::MojibakeSuspected {
        row: 3,
        text: "Umberto D\u{92}AGOSTINO".into()
    }));
    assert_eq!(c.results(), 5);
    assert_eq!(
        result(&c, "3")["name"],
        "Umberto D’AGOSTINO",
        "C1 control read as Windows-1252"
    );
    assert_eq!(
        result(&c, "4")["name"],
        "Pawe? SZYMANOWSKI",
        "kept as found"
    );
}

#[test]
fn several_distances_in_one_file() {
    let (_, m, c) = load("multi_distance.csv");
    let specs: Vec<(&str, &str, Option<f64>)> = m
        .distances
        .iter()
        .map(|d| (d.value.as_str(), d.id.as_str(), d.km))
        .collect();
    assert_eq!(
        specs,
        [
            ("Marathon", "42k", Some(42.195)),
            ("10 km", "10k", Some(10.0)),
            ("Half", "21k", Some(21.0975))
        ]
    );
    let distances = c.json["distances"].as_array().unwrap();
    assert_eq!(distances.len(), 3);
    assert_eq!(distances[0]["splits"][0]["id"], "10k");
    assert!(
        distances[1].get("splits").is_none(),
        "no 10k runner has a 10K split"
    );
    assert_eq!(result(&c, "2")["distance"], "10k");
    assert_eq!(result(&c, "4")["distance"], "21k");
}

#[test]
fn ragged_and_empty_rows() {
    let (t, _, c) = load("ragged.csv");
    let ragged: Vec<(usize, usize)> = t
        .notes
        .iter()
        .filter_map(|n| match n {
            ImportNote::RaggedRow {
                row,
                cells,
                expected: 3,
            } => Some((*row, *cells)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ragged,
        [(1, 2), (2, 5)],
        "trailing empty cells are not ragged"
    );
    assert_eq!((c.rows_in, c.rows_skipped, c.results()), (6, 2, 4));
    assert!(c.notes.contains(&ImportNote::EmptyRowsSkipped { count: 2 }));
    assert_eq!(result(&c, "1")["status"], "dns");
    assert_eq!(result(&c, "2")["chip_time"], "0:20:00");
}

#[test]
fn empty_and_header_only_files() {
    assert_eq!(
        read_table(&fixture("empty.csv"), "empty.csv"),
        Err(ImportError::Empty)
    );
    assert_eq!(read_table(b" \r\n\n", "blank.csv"), Err(ImportError::Empty));
    assert_eq!(
        read_table(b"PK\x03\x04\x00\x00", "x.xlsx"),
        Err(ImportError::NotText)
    );
    let (_, _, c) = load("header_only.csv");
    assert_eq!((c.rows_in, c.results()), (0, 0));
    assert_eq!(c.json["distances"].as_array().unwrap().len(), 1);
}

#[test]
fn generated_bibs_keep_every_row() {
    let (_, _, c) = load("first_last_nobib.csv");
    assert_eq!(c.results(), 3);
    assert_eq!(result(&c, "1")["name"], "Mary Keitany");
    assert_eq!(result(&c, "2")["gun_time"], "2:17:58");
    assert_eq!(
        result(&c, "3")["status"],
        "dns",
        "a row with only an index is still kept"
    );
    assert!(c.notes.contains(&ImportNote::BibsGenerated {
        count: 3,
        first_row: 1
    }));

    // A generated bib never takes a real runner's bib.
    let t = read_table(b"Bib,Name\n2,A\n,B\n", "x.csv").unwrap();
    let c = convert(&t, &guess_mapping(&t));
    assert_eq!(c.json["results"][1]["bib"], "r2");
}

#[test]
fn file_without_header_is_read_by_values() {
    use Field::*;
    let (t, m, c) = load("no_header.csv");
    assert!(t.notes.contains(&ImportNote::NoHeader));
    assert_eq!(t.rows.len(), 3);
    assert_eq!(m.columns, [Place, Ignore, Name, Sex, ChipTime]);
    assert_eq!(result(&c, "1")["name"], "Anna Smith");
}

#[test]
fn passes_unreadable_values_on_for_the_viewer_to_flag() {
    let text = "Bib,Name,Sex,Time,Status,Place\n1,A,Q,soon,maybe,first\n2,B,M,0:40:00,,\n3,C,F,0:41:00,,\n";
    let t = read_table(text.as_bytes(), "x.csv").unwrap();
    let c = convert(&t, &guess_mapping(&t));
    let r = &c.json["results"][0];
    assert_eq!(c.results(), 3);
    assert_eq!(
        (r["sex"].as_str(), r["chip_time"].as_str()),
        (Some("Q"), Some("soon"))
    );
    assert_eq!(r["status"], "maybe");
    assert!(r.get("place").is_none());
    let unreadable = c
        .notes
        .iter()
        .filter(|n| matches!(n, ImportNote::UnreadableValue { .. }))
        .count();
    assert_eq!(unreadable, 3, "{:?}", c.notes);
    assert!(c
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::UnknownStatus { .. })));
    let loaded =
        race_results::format::parse_results(&serde_json::to_vec(&c.json).unwrap()).unwrap();
    assert_eq!(loaded.results.runners.len(), 3);
    assert!(
        !loaded.warnings.is_empty(),
        "the viewer flags what the converter could not read"
    );
}

#[test]
fn the_organizer_can_change_the_mapping() {
    let t = read_table(&fixture("english_comma.csv"), "e.csv").unwrap();
    let mut m = guess_mapping(&t);
    m.columns[13] = Field::Category;
    m.columns[8] = Field::Ignore;
    m.name_order = NameOrder::FirstLast;
    m.event_name = "Boston".into();
    m.event_date = Some("2017-04-17".into());
    m.distance_km = Some(42.195);
    let c = convert(&t, &m);
    assert_eq!(c.json["event"]["date"], "2017-04-17");
    assert_eq!(c.json["distances"][0]["km"], 42.195);
    let r = result(&c, "11");
    assert_eq!(r["name"], "Kirui, Geoffrey");
    assert_eq!(r["category"], "1");
    assert!(r["splits"].get("half").is_none());
    assert_eq!(Field::from_key("split", " 30K "), Some(split("30K")));
    assert_eq!(Field::from_key("club", "x"), Some(Field::Club));
    assert!(Field::CHOICES
        .iter()
        .all(|f| Field::from_key(f.key(), "") == Some(f.clone())));
}

#[test]
fn an_id_column_is_the_bib_when_there_is_no_bib_column() {
    let (_, mapping, conv) = load("racer_id_no_bib.csv");
    assert_eq!(mapping.columns[0], Field::Bib);
    assert_eq!(mapping.bib_from_id.as_deref(), Some("racer_id"));
    let bibs: Vec<&str> = conv.json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["bib"].as_str().unwrap())
        .collect();
    assert_eq!(bibs, ["R-1042", "R-0007", "R-0311"]);
    assert!(!conv
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::BibsGenerated { .. })));

    // The runner's id, not the team's (whose values repeat).
    let (_, mapping, conv) = load("participant_id_no_bib.csv");
    assert_eq!(mapping.columns[0], Field::Bib);
    assert_ne!(mapping.columns[1], Field::Bib);
    assert_eq!(mapping.bib_from_id.as_deref(), Some("Participant ID"));
    assert_eq!(conv.json["results"][1]["bib"], "502");
}

#[test]
fn a_bib_column_wins_over_an_id_column() {
    let (_, mapping, _) = load("english_comma.csv");
    assert_eq!(mapping.bib_from_id, None);
}

#[test]
fn cyrillic_code_pages_and_utf16_are_recognised() {
    for (name, encoding) in [
        ("russian_koi8r.csv", Encoding::Koi8R),
        ("russian_cp866.csv", Encoding::Ibm866),
    ] {
        let (table, _, conv) = load(name);
        assert_eq!(table.encoding, encoding, "{name}");
        let names: Vec<&str> = conv.json["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert!(
            names.iter().any(|n| n.contains("Смирнов")),
            "{name}: {names:?}"
        );
        assert!(
            names
                .iter()
                .any(|n| n.contains("СОЛОВЬЁВА") || n.contains("Соловьёва")),
            "{name}: {names:?}"
        );
    }
    let (table, mapping, conv) = load("excel_unicode_text.txt");
    assert_eq!(table.encoding, Encoding::Utf16Le);
    assert_eq!(table.delimiter, '\t');
    assert_eq!(mapping.columns[0], Field::Bib);
    let name = conv.json["results"][0]["name"].as_str().unwrap();
    assert!(
        name.contains("Әлия") && name.contains("Серікқызы"),
        "{name}"
    );
}

#[test]
fn a_team_column_beside_the_club_and_ages_from_birth_dates() {
    let name = "team_birth_date.csv";
    let table = read_table(&fixture(name), name).unwrap();
    let mut mapping = guess_mapping(&table);
    assert_eq!(mapping.columns[4], Field::Club);
    assert_eq!(
        mapping.columns[5],
        Field::Team,
        "the second club-like column is the team"
    );
    assert_eq!(mapping.columns[3], Field::BirthYear);
    mapping.event_date = Some("2021-09-26".into());
    let c = convert(&table, &mapping);
    check_document(name, &c);
    let results = c.json["results"].as_array().unwrap();
    let age = |i: usize| results[i]["age"].as_u64();
    assert_eq!(results[0]["team"], "Almaty Runners A");
    assert_eq!(results[0]["club"], "Жетісу");
    assert_eq!((age(0), age(1), age(2)), (Some(40), Some(30), Some(29)));
    assert_eq!(age(3), None, "a year alone gives no age");
    assert_eq!(results[3]["birth_year"], 1985);
    assert!(results[3].get("team").is_none());
    assert_eq!(
        c.json["distances"][0]["teams"]["by"], "team",
        "standings by team"
    );

    // Without the event's date there is no race day to count to.
    mapping.event_date = None;
    let c = convert(&table, &mapping);
    assert!(c.json["results"][0].get("age").is_none());
}

#[test]
fn leg_columns_make_a_relay_of_teams_with_legs() {
    let name = "relay_legs.csv";
    let (_, mapping, c) = load(name);
    let fields: Vec<&str> = mapping.columns.iter().map(Field::key).collect();
    assert_eq!(
        fields,
        [
            "bib",
            "name",
            "sex",
            "leg_name",
            "leg_bib",
            "leg_time",
            "leg_name",
            "leg_bib",
            "leg_time",
            "chip_time",
            "place"
        ]
    );
    assert_eq!(c.json["distances"][0]["relay"], true);
    let ladies = &c.json["results"][0];
    assert_eq!(
        ladies["name"], "Tulpar Ladies",
        "the team column names the team"
    );
    let legs = ladies["legs"].as_array().unwrap();
    assert_eq!(legs.len(), 2);
    assert_eq!(legs[1]["name"], "Мадина Абенова");
    assert_eq!(legs[1]["bib"], "10-2");
    assert_eq!(legs[1]["time"], "18:10");
    let out = &c.json["results"][2];
    assert_eq!(out["status"], "dnf");
    assert!(
        out["legs"][1].get("time").is_none(),
        "a DNF leg has no time"
    );

    // With the Team column as the name, the viewer reads leg places and totals.
    let loaded =
        race_results::format::parse_results(&serde_json::to_vec(&c.json).unwrap()).unwrap();
    assert!(loaded.results.distances[0].relay);
    assert_eq!(loaded.results.runners[0].legs.len(), 2);
}
