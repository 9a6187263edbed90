//! IOF XML ResultList import, from hand-made files covering every result status.
use race_results::import::{detect, read_iof_xml, Conversion, ImportError, ImportNote, Kind};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn by_name<'a>(c: &'a Conversion, name: &str) -> &'a Value {
    c.json["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no runner {name}"))
}

fn result_list() -> Conversion {
    let bytes = fixture("iof_result_list.xml");
    assert_eq!(detect(&bytes, "results.xml"), Kind::IofXml);
    read_iof_xml(&bytes).expect("reads")
}

#[test]
fn event_classes_and_courses() {
    let c = result_list();
    assert_eq!(c.json["event"]["name"], "Spring Cup & Sprint");
    assert_eq!(c.json["event"]["date"], "2023-05-14");
    let d = c.json["distances"].as_array().unwrap();
    assert_eq!(d.len(), 2);
    assert_eq!(
        (d[0]["id"].as_str(), d[0]["name"].as_str()),
        (Some("h21e"), Some("H21E"))
    );
    assert_eq!(d[0]["km"], 5.4);
    assert_eq!(d[1]["km"], 4.3, "course length given on the result");
    assert_eq!((c.rows_in, c.rows_skipped, c.results()), (17, 0, 17));
}

#[test]
fn person_fields() {
    let c = result_list();
    let erik = by_name(&c, "Erik Andersson");
    assert_eq!(erik["bib"], "101");
    assert_eq!(erik["sex"], "M");
    assert_eq!(erik["birth_year"], 1994);
    assert_eq!(erik["club"], "OK Linné");
    assert_eq!(erik["country"], "SWE");
    assert_eq!(erik["chip_time"], "0:38:21");
    assert_eq!(erik["place"], 1);
    assert_eq!(erik["distance"], "h21e");
    let sara = by_name(&c, "Sara Lind");
    assert_eq!(sara["chip_time"], "0:35:00.4");
    assert_eq!(sara["sex"], "F");
    assert_eq!(sara["bib"], "8", "no BibNumber: its row number");
    assert!(c.notes.iter().any(|n| matches!(
        n,
        ImportNote::BibsGenerated {
            count: 10,
            first_row: 8
        }
    )));
}

#[test]
fn every_status() {
    let c = result_list();
    let table = [
        ("Erik Andersson", "finished", None),
        ("Mikko Virtanen", "dsq", None), // MissingPunch
        ("Jan Nowak", "dnf", None),      // DidNotFinish
        ("Piotr Kowalski", "dns", None), // DidNotStart
        ("Tom Smith", "dsq", None),      // Disqualified
        ("Ola Berg", "dnf", None),       // OverTime
        ("Ida Holm", "dnf", None),       // SportingWithdrawal
        ("Ulla Hed", "finished", None),  // Finished
        ("Maja Eklund", "dnf", Some("NotCompeting")),
        ("Eva Nilsson", "dns", Some("DidNotEnter")),
        ("Lena Ström", "dnf", Some("Active")),
        ("Karin Öberg", "dns", Some("Cancelled")),
        ("Moa Ek", "dns", Some("Inactive")),
        ("Tove Falk", "dnf", Some("Moved")),
        ("Siv Gran", "dnf", Some("MovedUp")),
    ];
    for (name, status, noted) in table {
        let r = by_name(&c, name);
        assert_eq!(r["status"], status, "{name}");
        if let Some(word) = noted {
            assert!(
                c.notes.iter().any(
                    |n| matches!(n, ImportNote::UnknownStatus { text, status: s, .. }
                    if text == word && *s == status)
                ),
                "{name}: note for {word}"
            );
        }
        if status != "finished" {
            assert!(r.get("place").is_none(), "{name}");
        }
    }
    assert_eq!(
        by_name(&c, "Tom Smith")["chip_time"],
        "0:45:00",
        "times are kept"
    );
}

#[test]
fn splits_in_course_order() {
    let c = result_list();
    let splits: Vec<(&str, &str)> = c.json["distances"][0]["splits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        splits,
        [("31", "31"), ("45", "45"), ("100", "100")],
        "Additional punches are not course"
    );
    let erik = by_name(&c, "Erik Andersson");
    assert_eq!(erik["splits"]["31"], "0:08:21");
    assert_eq!(erik["splits"]["45"], "0:20:03.5");
    let luc = by_name(&c, "Luc Dupont");
    assert!(luc["splits"].get("45").is_none());
    assert!(c.notes.contains(&ImportNote::MissingSplit {
        row: 2,
        control: "45".into()
    }));
    assert!(c.json["distances"][1].get("splits").is_none());
}

#[test]
fn the_viewer_reads_the_document() {
    let c = result_list();
    let loaded =
        race_results::format::parse_results(&serde_json::to_vec(&c.json).unwrap()).expect("parses");
    assert_eq!(loaded.results.runners.len(), 17);
    assert_eq!(loaded.results.distances.len(), 2);
    assert_eq!(loaded.results.distances[0].splits.len(), 3);
}

#[test]
fn iof_2_0_3_best_effort() {
    let bytes = fixture("iof_2_0_3.xml");
    assert_eq!(detect(&bytes, "old.xml"), Kind::IofXml);
    let c = read_iof_xml(&bytes).unwrap();
    assert_eq!(c.json["event"]["date"], "2009-06-01");
    let olli = by_name(&c, "Olli Järvi");
    assert_eq!(olli["chip_time"], "0:41:05");
    assert_eq!(olli["club"], "IK Skåne");
    assert_eq!(olli["birth_year"], 1970);
    assert_eq!(olli["place"], 1);
    assert_eq!(olli["splits"]["31"], "0:05:01");
    assert_eq!(
        by_name(&c, "Per Åkesson")["status"],
        "dsq",
        "encoding from the declaration"
    );
}

#[test]
fn rejects_what_it_cannot_read() {
    assert_eq!(read_iof_xml(b""), Err(ImportError::Empty));
    assert_eq!(
        read_iof_xml(b"<?xml version=\"1.0\"?><EntryList></EntryList>"),
        Err(ImportError::NotResultList("EntryList".into()))
    );
    match read_iof_xml(b"<ResultList>\n<Event><Name a=b>") {
        Err(ImportError::Xml { line: 2, .. }) => {}
        other => panic!("{other:?}"),
    }
    // Truncated files still give what they hold.
    let c = read_iof_xml(b"<ResultList><ClassResult><Class><Name>A</Name></Class><PersonResult><Person><Name><Given>X</Given>")
        .unwrap();
    assert_eq!(c.results(), 1);
}

#[test]
fn a_relay_class_becomes_a_relay_distance_of_teams_with_legs() {
    let bytes = fixture("iof_relay.xml");
    let c = read_iof_xml(&bytes).expect("reads");
    let d = &c.json["distances"][0];
    assert_eq!(
        (d["name"].as_str(), d["relay"].as_bool()),
        (Some("Relay 3x5 km"), Some(true))
    );
    assert!(c.json["distances"][1].get("relay").is_none());
    assert_eq!((c.rows_in, c.results()), (4, 4));

    let ladies = by_name(&c, "Tulpar Ladies");
    assert_eq!(ladies["bib"], "12");
    assert_eq!(ladies["club"], "Tulpar RC");
    assert_eq!(ladies["sex"], "F");
    assert_eq!(
        ladies["chip_time"], "0:54:01",
        "the time after the last leg"
    );
    assert_eq!(
        (ladies["status"].as_str(), ladies["place"].as_u64()),
        (Some("finished"), Some(1))
    );
    let legs = ladies["legs"].as_array().unwrap();
    assert_eq!(legs.len(), 3);
    assert_eq!(legs[1]["name"], "Мадина Абенова");
    assert_eq!(legs[1]["bib"], "12-2");
    assert_eq!(legs[1]["time"], "0:18:10", "the leg alone");

    let mix = by_name(&c, "Bishkek Mix");
    assert_eq!(mix["sex"], "X");
    let names: Vec<&str> = mix["legs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Aida Toktogulova", "Erlan Asanov", "Bakyt Usupov"],
        "by leg number"
    );

    let out = by_name(&c, "Samarkand");
    assert_eq!(out["status"], "dnf", "a runner out puts the team out");
    assert!(out.get("place").is_none());

    // A person result beside the relay: its age on race day from the birth date.
    let erzhan = by_name(&c, "Ержан Серик");
    assert_eq!(
        (erzhan["birth_year"].as_u64(), erzhan["age"].as_u64()),
        (Some(1981), Some(39))
    );

    // The viewer reads it as a relay: leg places and running totals.
    let loaded = race_results::format::parse_results(&serde_json::to_vec(&c.json).unwrap())
        .expect("the viewer reads it");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(loaded.results.distances[0].relay);
}
