//! Any bytes as IOF XML: never a panic (nesting, entities, encodings); a result list
//! that converts has a result per PersonResult and loads in the viewer.
#![no_main]
use fuzz_checks::{check_dataset, piece, Dice};
use libfuzzer_sys::fuzz_target;
use race_results::dataset::Dataset;
use race_results::import::read_iof_xml;

fuzz_target!(|data: &[u8]| {
    let Ok(conv) = read_iof_xml(data) else {
        return;
    };
    assert_eq!(conv.rows_in, conv.results() + conv.rows_skipped);
    let text = conv.json.to_string();
    let d = match Dataset::load(text.as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("a converted result list does not load: {e:?}\n{text}"),
    };
    assert_eq!((d.rows_in, d.rows_skipped), (conv.results(), 0));
    let mut dice = Dice::new(data);
    let query = piece(data, &mut dice);
    check_dataset(&d, &mut dice, &query);
});
