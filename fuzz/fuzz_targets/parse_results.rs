//! Any bytes as a results file: never a panic; a file that loads keeps every row,
//! lists every runner once, filters and searches without duplicates, finds a runner by
//! bib and name, and reads back the same after being written as JSON.
#![no_main]
use fuzz_checks::{check_dataset, check_round_trip, piece, Dice};
use libfuzzer_sys::fuzz_target;
use race_results::dataset::Dataset;

fuzz_target!(|data: &[u8]| {
    let Ok(d) = Dataset::load(data) else {
        return;
    };
    let mut dice = Dice::new(data);
    let query = piece(data, &mut dice);
    check_dataset(&d, &mut dice, &query);
    check_round_trip(&d);
});
