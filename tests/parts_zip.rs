//! "Download for publishing in parts" (docs/parts.md): the viewer's zip holds the whole
//! file byte for byte and exactly what `publish` writes for it, in the `parts` binary's
//! default layout (results.json, results-parts/head.json naming "../results.json").
#![cfg(not(target_arch = "wasm32"))]

use race_results::dataset::Dataset;
use race_results::parts::archive::{
    zip_published, ArchiveError, PARTS_FOLDER, WHOLE_FILE, WHOLE_FROM_HEAD,
};
use race_results::parts::write::{publish, HEAD_FILE};
use serde_json::Value;
use std::io::{Cursor, Read};

/// Every file entry of a zip, in order: (name, bytes); folders left out.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a readable zip");
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        if entry.is_dir() {
            continue;
        }
        let mut body = Vec::new();
        entry.read_to_end(&mut body).expect("the entry inflates");
        files.push((entry.name().to_owned(), body));
    }
    files
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_zip_holds_the_whole_file_and_what_publish_writes() {
    for path in ["public/results.json", "e2e/fixtures/six_runners.json"] {
        let json = fixture(path);
        let zipped = zip_published(&json).expect("the zip is made");
        let files = unzip(&zipped);

        let data = Dataset::load(&json).expect("the fixture loads");
        let mut expected = vec![(WHOLE_FILE.to_owned(), json.clone())];
        expected.extend(
            publish(&data, WHOLE_FROM_HEAD)
                .into_iter()
                .map(|(name, text)| (format!("{PARTS_FOLDER}/{name}"), text.into_bytes())),
        );
        let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&files), names(&expected), "{path}: the same files");
        for ((name, got), (_, want)) in files.iter().zip(&expected) {
            assert!(
                got == want,
                "{path}: {name} differs from what publish writes"
            );
        }
        assert!(files.len() > 2, "{path}: a head and at least one part");
    }
}

#[test]
fn the_head_names_the_whole_file_where_the_zip_puts_it() {
    let zipped = zip_published(&fixture("e2e/fixtures/six_runners.json")).unwrap();
    let files = unzip(&zipped);
    let head_name = format!("{PARTS_FOLDER}/{HEAD_FILE}");
    let head = files.iter().find(|(n, _)| *n == head_name).expect("a head");
    let head: Value = serde_json::from_slice(&head.1).unwrap();
    let whole = head["parts"]["whole"].as_str().unwrap();
    // "../results.json" from results-parts/head.json, as a static host resolves it.
    let resolved = whole
        .strip_prefix("../")
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{PARTS_FOLDER}/{whole}"));
    assert_eq!(resolved, WHOLE_FILE);
    assert!(files.iter().any(|(n, _)| *n == resolved));
}

#[test]
fn the_zip_is_deflated_folders_first_and_dated_by_the_event() {
    let json = fixture("e2e/fixtures/six_runners.json");
    let zipped = zip_published(&json).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&zipped)).unwrap();
    let date = Dataset::load(&json).unwrap().results.event.date.clone();
    let folder = archive.by_index(1).unwrap();
    assert!(folder.is_dir());
    assert_eq!(folder.name(), format!("{PARTS_FOLDER}/"));
    drop(folder);
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        if entry.is_file() {
            assert_eq!(entry.compression(), zip::CompressionMethod::Deflated);
        }
        let t = entry.last_modified().unwrap();
        let day = format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day());
        assert_eq!(Some(day), date.clone().or(Some("1980-01-01".into())));
    }
}

#[test]
fn the_same_file_gives_the_same_zip() {
    let json = fixture("public/results.json");
    assert!(zip_published(&json).unwrap() == zip_published(&json).unwrap());
}

#[test]
fn a_file_that_does_not_load_gives_its_reason() {
    let got = zip_published(b"{ not json");
    assert!(matches!(got, Err(ArchiveError::Results(_))), "{got:?}");
}
