//! Whatever the bytes, importing never panics and never loses a row.
use proptest::prelude::*;
use race_results::import::{convert, detect, guess_mapping, read_iof_xml, read_table};

/// Text made of the pieces exports are made of, so the cases reach deep into the reader.
fn export_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\t".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("1:02:03".to_string()),
        Just("DNF".to_string()),
        Just("Bib".to_string()),
        Just("Name".to_string()),
        Just("Time".to_string()),
        Just("Distance".to_string()),
        Just("17/1763".to_string()),
        Just("Ã©".to_string()),
        Just("\u{92}".to_string()),
        Just("-".to_string()),
        "[a-zA-Zа-я0-9 .:]{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat().into_bytes())
}

fn xml_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("<ResultList>".to_string()),
        Just("<ClassResult>".to_string()),
        Just("<PersonResult>".to_string()),
        Just("<Result>".to_string()),
        Just("<Time>".to_string()),
        Just("</Time>".to_string()),
        Just("<Status>OK</Status>".to_string()),
        Just("<SplitTime status=\"Missing\">".to_string()),
        Just("<ControlCode>31</ControlCode>".to_string()),
        Just("<Name><Given>A</Given></Name>".to_string()),
        Just("</PersonResult>".to_string()),
        Just("<![CDATA[x]]>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("&amp;&#x41;&#99999999;&".to_string()),
        Just("<a b='1' c=\"2\"/>".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        "[a-z0-9 ]{0,5}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat().into_bytes())
}

fn check_csv(bytes: &[u8]) {
    let _ = detect(bytes, "x.csv");
    if let Ok(table) = read_table(bytes, "x.csv") {
        let mapping = guess_mapping(&table);
        let c = convert(&table, &mapping);
        assert_eq!(c.rows_in, table.rows.len());
        assert_eq!(c.rows_in, c.results() + c.rows_skipped);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_as_csv(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_csv(&bytes);
    }

    #[test]
    fn export_like_text(bytes in export_like()) {
        check_csv(&bytes);
    }

    #[test]
    fn any_xml(bytes in xml_like()) {
        let _ = detect(&bytes, "x.xml");
        if let Ok(c) = read_iof_xml(&bytes) {
            prop_assert_eq!(c.rows_in, c.results());
        }
    }
}
