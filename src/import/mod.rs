//! Importers for what timing systems export: CSV (any of the usual delimiters and
//! encodings) and IOF XML 3.0 result lists. Importing a CSV takes two steps so the
//! viewer can show how the columns were understood and let the organizer correct it:
//! [`read_table`] then [`guess_mapping`], then [`convert`] to a results/v1 document.
//! IOF XML needs no mapping: [`read_iof_xml`] converts in one step.

mod convert;
mod csv;
mod id_bib;
mod iof;
mod mapping;
mod notes;
mod text;
mod values;
mod xml;

pub use convert::{convert, Conversion};
pub use csv::{read_table, read_table_with, ReadOptions, Table};
pub use iof::read_iof_xml;
pub use mapping::{
    distance_name, guess_distances, guess_mapping, DistanceSpec, Field, Mapping, NameOrder,
};
pub use notes::ImportNote;

use std::fmt;

/// How the bytes of a text file were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// Cyrillic single-byte code page (Russian Excel's CSV).
    Windows1251,
    /// Western single-byte code page; also reads Latin-1 (ISO-8859-1).
    Windows1252,
}

impl Encoding {
    pub const ALL: [Encoding; 4] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Windows1251,
        Encoding::Windows1252,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Windows1251 => "Windows-1251",
            Encoding::Windows1252 => "Windows-1252 / Latin-1",
        }
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
        let table: [(&[u8], &str, Kind); 10] = [
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
