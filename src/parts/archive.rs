//! Results published in parts as one zip, for the viewer's "download for publishing"
//! (docs/parts.md): the whole file and what `parts RESULTS.json` writes beside it, in
//! the binary's default layout, so the zip unpacks on a static host as it is.
//!
//! ```text
//! results.json
//! results-parts/head.json      parts.whole = "../results.json"
//! results-parts/n-….json, b-….json
//! ```

use super::write::publish;
use crate::dataset::Dataset;
use crate::format::LoadError;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The whole file's name in the zip.
pub const WHOLE_FILE: &str = "results.json";
/// The parts folder, named as `parts` names it beside RESULTS.json: RESULTS-parts.
pub const PARTS_FOLDER: &str = "results-parts";
/// The whole file as the head names it: one folder up from the head.
pub const WHOLE_FROM_HEAD: &str = "../results.json";

/// Why the zip could not be made.
#[derive(Debug)]
pub enum ArchiveError {
    /// The results file does not load (the viewer says why in the reader's language).
    Results(LoadError),
    /// Writing the zip failed (it is written in memory, so this is not expected).
    Zip(String),
}

impl From<zip::result::ZipError> for ArchiveError {
    fn from(e: zip::result::ZipError) -> Self {
        ArchiveError::Zip(e.to_string())
    }
}

impl From<std::io::Error> for ArchiveError {
    fn from(e: std::io::Error) -> Self {
        ArchiveError::Zip(e.to_string())
    }
}

/// The zip of `json` (a results file, stored byte for byte as results.json) and its head
/// and parts under results-parts/, as `publish(data, "../results.json")` makes them.
/// Every entry carries the event's date (1980-01-01 without one), so the same file
/// gives the same zip.
pub fn zip_published(json: &[u8]) -> Result<Vec<u8>, ArchiveError> {
    let data = Dataset::load(json).map_err(ArchiveError::Results)?;
    let files = publish(&data, WHOLE_FROM_HEAD);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(entry_time(data.results.event.date.as_deref()))
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(json.len() / 4)));
    zip.start_file(WHOLE_FILE, options)?;
    zip.write_all(json)?;
    zip.add_directory(format!("{PARTS_FOLDER}/"), options.unix_permissions(0o755))?;
    // The head first, as `publish` lists it.
    for (name, text) in &files {
        zip.start_file(format!("{PARTS_FOLDER}/{name}"), options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Midnight of the event's day ("YYYY-MM-DD"), or the zip format's first day when the
/// file has no date or one a zip cannot hold (before 1980 or after 2107).
fn entry_time(date: Option<&str>) -> DateTime {
    let day = date.and_then(|d| {
        let mut it = d.splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        DateTime::from_date_and_time(year, month, day, 0, 0, 0).ok()
    });
    day.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::entry_time;

    #[test]
    fn entries_carry_the_event_day_or_the_first_zip_day() {
        let day = |d: Option<&str>| {
            let t = entry_time(d);
            (t.year(), t.month(), t.day(), t.hour(), t.minute())
        };
        assert_eq!(day(Some("2021-09-26")), (2021, 9, 26, 0, 0));
        assert_eq!(day(None), (1980, 1, 1, 0, 0));
        assert_eq!(day(Some("1975-05-01")), (1980, 1, 1, 0, 0));
        assert_eq!(day(Some("soon")), (1980, 1, 1, 0, 0));
    }
}
