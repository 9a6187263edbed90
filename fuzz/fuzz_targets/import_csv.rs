//! Any bytes as a CSV export: read, mapped as guessed (or with columns the organizer
//! changed, chosen by the input), converted; no row lost, and the results/v1 document
//! always loads in the viewer with one runner per converted row.
#![no_main]
use fuzz_checks::{check_dataset, piece, Dice};
use libfuzzer_sys::fuzz_target;
use race_results::dataset::Dataset;
use race_results::import::{convert, detect, guess_distances, guess_mapping, read_table, Field};

fuzz_target!(|data: &[u8]| {
    let _ = detect(data, "results.csv");
    let Ok(table) = read_table(data, "results.csv") else {
        return;
    };
    let mut mapping = guess_mapping(&table);
    let mut dice = Dice::new(data);
    if dice.below(2) == 0 {
        // The organizer changes some columns on the mapping screen.
        for column in mapping.columns.iter_mut() {
            match dice.below(24) {
                k if k < Field::CHOICES.len() => *column = Field::CHOICES[k].clone(),
                17 => *column = Field::Split(piece(data, &mut dice)),
                _ => {}
            }
        }
        mapping.distances = guess_distances(&table, &mapping.columns);
        mapping.event_name = piece(data, &mut dice);
        mapping.distance_name = piece(data, &mut dice);
        // What the km box lets through: parse::<f64>() of whatever was typed.
        let km = [
            None,
            Some(0.0),
            Some(-5.0),
            Some(42.195),
            Some(f64::NAN),
            Some(f64::INFINITY),
        ];
        mapping.distance_km = km[dice.below(km.len())];
        for spec in mapping.distances.iter_mut() {
            spec.km = km[dice.below(km.len())];
        }
    }
    let conv = convert(&table, &mapping);
    assert_eq!(conv.rows_in, table.rows.len());
    assert_eq!(conv.rows_in, conv.results() + conv.rows_skipped);
    let text = conv.json.to_string();
    let d = match Dataset::load(text.as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("a converted table does not load: {e:?}\n{text}"),
    };
    assert_eq!((d.rows_in, d.rows_skipped), (conv.results(), 0));
    let query = piece(data, &mut dice);
    check_dataset(&d, &mut dice, &query);
});
