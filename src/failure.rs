//! Why results cannot be shown: the download, the file's format or the import failed.
//! Pure data, so its texts (crate::i18n::messages) are tested natively.
use crate::format::LoadError;
use crate::import::ImportError;

/// Why the bytes of a results file could not be had (their content is judged later, by
/// `format`).
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// `src` is not a relative or http(s) URL.
    NotAllowed(String),
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// No answer: offline, wrong host, or the server forbids cross-origin reads.
    Network { url: String },
    /// A local file could not be read.
    FileRead { name: String },
    /// Bigger than the viewer accepts; refused before reading it whole.
    TooLarge { bytes: u64, limit: u64 },
    /// The user stopped the download.
    Cancelled,
    /// The file (or where its address redirects) is on an origin this deployment does
    /// not allow; holds that origin.
    ForeignOrigin(String),
}

/// Why no results are shown.
#[derive(Clone, Debug)]
pub enum Failure {
    Fetch(FetchError),
    Format(LoadError),
    Import(ImportError),
    /// Neither results JSON nor CSV nor IOF XML; holds the file name.
    UnknownKind(String),
    /// The importer (an on-demand part of the viewer) could not be downloaded.
    ImporterMissing,
}
