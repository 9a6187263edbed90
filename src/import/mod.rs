//! Importers for what timing systems export: CSV (any of the usual delimiters and
//! encodings) and IOF XML 3.0 result lists. Importing a CSV takes two steps so the
//! viewer can show how the columns were understood and let the organizer correct it:
//! [`read_table`] then [`guess_mapping`], then [`convert`] to a results/v1 document.
//! IOF XML needs no mapping: [`read_iof_xml`] converts in one step.

// Layers, each using only those below it (tests/import_layers.rs checks):
// values (cells) < read (bytes -> text -> rows / elements) < recognise (columns ->
// fields) < convert (records -> results/v1). `notes` and this file's types are shared.
mod convert;
mod notes;
mod read;
mod recognise;
mod values;

pub use convert::{
    add_age_grading, age_grading_json, columns_for, convert, read_age_tables, read_iof_xml,
    AgeColumn, AgeSheet, AgeTablesError, Conversion,
};
pub use notes::ImportNote;
pub use read::{read_table, read_table_with, ReadOptions, Table};
pub use recognise::{
    distance_name, guess_distances, guess_mapping, DistanceSpec, Field, Mapping, NameOrder,
};

use std::fmt;

/// How the bytes of a text file were read. Decoding is encoding_rs's (the WHATWG
/// Encoding Standard, as browsers read); which one a file is in is our guess (read/text.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// Excel's "Unicode text", with its byte order mark.
    Utf16Le,
    Utf16Be,
    /// Cyrillic single-byte code page (Russian Excel's CSV).
    Windows1251,
    /// Cyrillic of older Unix and mail software.
    Koi8R,
    /// Cyrillic of DOS programs ("alternative" code page 866).
    Ibm866,
    /// Western single-byte code page; also reads Latin-1 (ISO-8859-1).
    Windows1252,
}

impl Encoding {
    pub const ALL: [Encoding; 8] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1251,
        Encoding::Koi8R,
        Encoding::Ibm866,
        Encoding::Windows1252,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1251 => "Windows-1251",
            Encoding::Koi8R => "KOI8-R",
            Encoding::Ibm866 => "DOS 866",
            Encoding::Windows1252 => "Windows-1252 / Latin-1",
        }
    }

    /// The encoding_rs decoder.
    pub(crate) fn decoder(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Windows1251 => encoding_rs::WINDOWS_1251,
            Encoding::Koi8R => encoding_rs::KOI8_R,
            Encoding::Ibm866 => encoding_rs::IBM866,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }

    /// The encoding a name stands for ("cp1251", "koi8-r", "latin1", "utf-8"...: the
    /// labels of the Encoding Standard), when it is one the importer reads.
    pub fn from_label(name: &str) -> Option<Encoding> {
        let found = encoding_rs::Encoding::for_label(name.trim().as_bytes())?;
        // ISO-8859-15 differs from Windows-1252 in eight rare letters: close enough.
        let found = if found == encoding_rs::ISO_8859_15 {
            encoding_rs::WINDOWS_1252
        } else {
            found
        };
        Encoding::ALL
            .into_iter()
            .filter(|e| *e != Encoding::Utf8Bom)
            .find(|e| e.decoder() == found)
    }
}

/// Why a file could not be imported at all. Serialised as it passes from the on-demand
/// importer to the viewer, which says it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ImportError {
    /// No bytes, or only whitespace.
    Empty,
    /// Not a text file (a spreadsheet, an image...).
    NotText,
    /// XML that is not well formed enough to read, with the line and column.
    Xml {
        line: usize,
        column: usize,
        message: String,
    },
    /// XML whose root is not an IOF 3.0 ResultList; holds what was found.
    NotResultList(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::NotText => {
                write!(f, "the file is not text: save it as CSV (UTF-8) or IOF XML")
            }
            ImportError::Xml {
                line,
                column,
                message,
            } => {
                write!(f, "XML error at {line}:{column}: {message}")
            }
            ImportError::NotResultList(root) => {
                write!(f, "the XML file is not an IOF 3.0 ResultList ({root})")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// What a dropped file holds, so the viewer can route it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A results file (or any JSON): open it directly.
    Json,
    Csv,
    IofXml,
    Unknown,
}

/// Looks at the first bytes, then at the file name's extension.
pub fn detect(bytes: &[u8], file_name: &str) -> Kind {
    // UTF-16 (Excel's "Unicode text"): the ASCII of its first code units is enough to
    // tell XML from a table, without decoding here (this runs in the app shell).
    let low_byte = match bytes {
        [0xFF, 0xFE, ..] => Some(2),
        [0xFE, 0xFF, ..] => Some(3),
        _ => None,
    };
    if let Some(start) = low_byte {
        let head: Vec<u8> = bytes[start..bytes.len().min(8192)]
            .iter()
            .step_by(2)
            .copied()
            .collect();
        let text = String::from_utf8_lossy(&head);
        return match text.trim_start().starts_with('<') {
            true if text.contains("ResultList") => Kind::IofXml,
            true => Kind::Unknown,
            false => Kind::Csv,
        };
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..body.len().min(start + 4096)];
    match head.first() {
        Some(b'{') | Some(b'[') => return Kind::Json,
        Some(b'<') => {
            let text = String::from_utf8_lossy(head);
            return if text.contains("ResultList") {
                Kind::IofXml
            } else {
                Kind::Unknown
            };
        }
        None => return Kind::Unknown,
        _ => {}
    }
    if head.contains(&0) {
        return Kind::Unknown;
    }
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("json") => Kind::Json,
        Some("xml") => Kind::IofXml,
        _ if head
            .iter()
            .any(|b| matches!(b, b',' | b';' | b'\t' | b'\n')) =>
        {
            Kind::Csv
        }
        Some("csv" | "tsv" | "txt") => Kind::Csv,
        _ => Kind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_kinds() {
        let table: [(&[u8], &str, Kind); 12] = [
            (b"\xff\xfeB\0i\0b\0\t\0N\0", "export.txt", Kind::Csv),
            (
                b"\xfe\xff\0<\0R\0e\0s\0u\0l\0t\0L\0i\0s\0t",
                "r.xml",
                Kind::IofXml,
            ),
            (b"{\"format\":\"results/v1\"}", "x.json", Kind::Json),
            (b"\xef\xbb\xbf  {}", "results", Kind::Json),
            (
                b"<?xml version=\"1.0\"?><ResultList>",
                "r.xml",
                Kind::IofXml,
            ),
            (
                b"<?xml version=\"1.0\"?><EntryList>",
                "r.xml",
                Kind::Unknown,
            ),
            (b"Bib,Name\n1,A", "r.csv", Kind::Csv),
            (b"Bib;Name", "export", Kind::Csv),
            (b"PK\x03\x04\x00\x00", "r.xlsx", Kind::Unknown),
            (b"", "r.csv", Kind::Unknown),
            (b"Name", "r.txt", Kind::Csv),
            (b"hello", "r.bin", Kind::Unknown),
        ];
        for (bytes, name, kind) in table {
            assert_eq!(detect(bytes, name), kind, "{name} {bytes:?}");
        }
    }
}
