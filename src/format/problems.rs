//! What can be wrong with a results file: errors that stop it from being shown, and
//! warnings about a file that still loads. Texts for people live in `i18n::messages`.
use crate::domain::Ranking;

/// Something the organizer should fix in a file that still loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Index of the entry in the file's `results` array (0-based; show `row + 1`).
    /// None for problems outside `results`.
    pub row: Option<usize>,
    /// The row's bib when it has one.
    pub bib: Option<String>,
    /// Where in the file: a JSON field name as written, e.g. `chip_time`, `splits.21k`
    /// (row fields), `distances[2].km`, `event.date`, `format`.
    pub field: String,
    pub problem: Problem,
}

/// What kind of JSON value a field should hold, for type mistakes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Text in quotes.
    Text,
    /// A number such as 42.195.
    Number,
    /// A whole number such as 1995.
    WholeNumber,
    /// A time text such as "2:25:31" or a number of seconds.
    Time,
    /// `true` or `false`.
    TrueFalse,
    /// An object `{ ... }`.
    Object,
    /// A list `[ ... ]`.
    List,
}

/// Everything that can be wrong in a file that still loads. Quoted values are cut to
/// about 80 characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // --- the file as a whole
    /// No `"format"` field: the file was read as results/v1.
    NoFormatField,
    /// A value of the wrong JSON type that could not be used; the field is left empty.
    WrongType {
        expected: Kind,
        found: String,
    },
    /// A value of the wrong JSON type that was converted and used (e.g. a name written
    /// as a number, a year written as text).
    ConvertedType {
        expected: Kind,
        found: String,
    },
    /// The same key appears twice in one object; the last value is used.
    DuplicateKey,

    // --- event
    /// `event.date` is not a real date written YYYY-MM-DD.
    BadDate(String),
    /// `event.utc_offset` is not written like +06:00.
    BadUtcOffset(String),
    /// `event.updated` is not an RFC 3339 timestamp.
    BadTimestamp(String),
    /// `event.status` is neither "official" nor "provisional"; shown as provisional.
    UnknownEventStatus(String),

    // --- distances
    /// An entry of `distances` (or of a distance's `splits`) is not an object; skipped.
    EntryNotObject(String),
    /// A distance without an id; skipped (no result could refer to it).
    MissingDistanceId,
    /// A second distance with an id already used; skipped.
    DuplicateDistanceId(String),
    /// A distance without a name; its id is shown instead.
    MissingDistanceName,
    /// A `km` that is not a positive number; pace is not shown.
    BadKm(String),
    /// `start` is neither a time of day (07:30:00) nor an RFC 3339 timestamp.
    BadStart(String),
    /// `ranking` is neither "chip" nor "gun"; chip time is used.
    UnknownRanking(String),
    /// A split without an id; skipped.
    MissingSplitId,
    /// A second split with an id already used in this distance; skipped.
    DuplicateSplitId(String),
    /// A value in `awards` that cannot be used; its default applies.
    BadAwards(String),
    /// A value in `teams` that cannot be used: its default applies, or the team group
    /// it belongs to is skipped.
    BadTeams(String),
    /// An age-grading table (or a value in one) that cannot be used; that table is
    /// left out, so its runners get no grade.
    BadAgeGrading(String),

    // --- results rows
    /// An entry of `results` that is not an object; it cannot be shown (counted in
    /// `Loaded::rows_skipped`).
    RowNotObject(String),
    MissingBib,
    /// The bib is also used by an earlier row (0-based index); both rows are kept.
    DuplicateBib {
        first_row: usize,
    },
    MissingName,
    /// The row names no distance.
    MissingDistance,
    /// The row names a distance id that `distances` does not define.
    UnknownDistance(String),
    UnknownSex(String),
    /// A status other than finished/dnf/dns/dsq; the status is then taken from the times.
    UnknownStatus(String),
    BadBirthYear(String),
    BadAge(String),
    /// An official place that is not a whole number of 1 or more.
    BadPlace(String),
    /// An official place on a row that did not finish; it is ignored.
    PlaceWithoutFinish,
    /// A time that cannot be read.
    BadTime(String),
    /// A time below zero.
    NegativeTime(String),
    /// Status "finished" but no usable chip or gun time: the runner gets no place.
    FinishedWithoutTime,
    /// The distance ranks by one time, the row lacks it; `used` is the time placed by.
    RankingTimeMissing {
        used: Ranking,
    },
    /// The gun time is shorter than the chip time (columns swapped?).
    GunFasterThanChip,
    /// A split id that the row's distance does not define; the time is ignored.
    UnknownSplit(String),
    /// A split time earlier than a split before it on the course, or later than the
    /// finish time.
    SplitsOutOfOrder,
    /// Some finishers of a distance have an official place and some have not, so
    /// computed places are shown.
    OfficialPlacesIncomplete {
        distance: String,
        missing: usize,
    },
    /// `legs` on a result whose distance is not a relay; they are ignored.
    LegsOutsideRelay,
    /// A relay team's leg times add up to this time (as "H:MM:SS"), more than a second
    /// per leg away from the team's time.
    LegTimesDisagree(String),
}

/// Why a file could not be shown at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No bytes, or only whitespace.
    Empty,
    /// Larger than `MAX_FILE_BYTES`; refused before parsing.
    TooLarge {
        size_bytes: usize,
        limit_bytes: usize,
    },
    /// Saved as UTF-16 (or UTF-32) instead of UTF-8.
    Utf16,
    /// Bytes that are not UTF-8 at this offset in the file.
    NotUtf8 { offset: usize },
    /// Starts with `<`: most likely an HTML page (a 404 page, a login page).
    LooksLikeHtml,
    /// A JSON syntax error. Line and column are 1-based; the column counts characters.
    NotJson {
        line: usize,
        column: usize,
        reason: JsonSyntax,
    },
    /// Nested deeper than the JSON reader allows. Kept for completeness: values the
    /// viewer does not read are skipped without recursion and the ones it reads are at
    /// most five levels deep, so today's reader never reports it.
    TooDeep { line: usize, column: usize },
    /// The top level is not an object `{ ... }`.
    RootNotObject,
    /// "event", "distances" or "results" is missing or has the wrong type.
    MissingSection(&'static str),
    /// A `"format"` other than "results/v1", as written.
    UnknownFormat(String),
    /// `event.name` is missing or empty.
    MissingEventName,
}

/// The kind of a JSON syntax error, so it can be explained in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonSyntax {
    /// The file ends in the middle of a value (cut off, or a bracket not closed).
    UnexpectedEnd,
    /// A comma before a closing `}` or `]`.
    TrailingComma,
    /// Expected a comma or a closing bracket.
    MissingComma,
    /// Expected `:` after a key.
    MissingColon,
    /// A key not in double quotes.
    KeyNotString,
    /// Something that is not a JSON value (single quotes, NaN, a bare word).
    ExpectedValue,
    /// More text after the end of the document.
    TrailingCharacters,
    /// A backslash escape JSON does not know.
    BadEscape,
    /// A raw line break or tab inside a text.
    ControlCharacter,
    /// A number JSON cannot hold.
    BadNumber,
    /// Anything else, in serde_json's (English) words.
    Other(String),
}
