//! English texts of problems, errors and notes.
use super::*;

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Text => "text in double quotes",
        Kind::Number => "a number, e.g. 42.195",
        Kind::WholeNumber => "a whole number, e.g. 1995",
        Kind::Time => "a time such as \"2:25:31\" or a number of seconds",
        Kind::TrueFalse => "true or false",
        Kind::Object => "an object { … }",
        Kind::List => "a list [ … ]",
    }
}

pub fn problem(p: &Problem) -> String {
    use Problem::*;
    match p {
        NoFormatField => "The file has no \"format\" field, so it was read as results/v1. \
            Add \"format\": \"results/v1\" at the top."
            .into(),
        WrongType { expected, found } => format!(
            "Expected {}, found {found}: the value was ignored.",
            kind(*expected)
        ),
        ConvertedType { expected, found } => format!(
            "Expected {k}, found {found}: it was converted and used. Please write {k}.",
            k = kind(*expected)
        ),
        DuplicateKey => "This field is written twice in the same object; the last value \
            is used. Remove the other one."
            .into(),
        BadDate(v) => {
            format!("Date \"{v}\" is not a valid date: use YYYY-MM-DD, e.g. 2021-09-26.")
        }
        BadUtcOffset(v) => {
            format!("UTC offset \"{v}\" is not valid: use +HH:MM, e.g. +06:00.")
        }
        BadTimestamp(v) => format!(
            "\"{v}\" is not a valid timestamp: use RFC 3339, e.g. 2021-09-26T16:00:00+06:00."
        ),
        UnknownEventStatus(v) => format!(
            "Status \"{v}\" is unknown, so the results are shown as provisional. \
             Use \"official\" or \"provisional\"."
        ),
        EntryNotObject(v) => {
            format!("This entry is {v}, not an object {{ … }}, so it was skipped.")
        }
        MissingDistanceId => "This distance has no \"id\", so no result can refer to it \
            and it was skipped. Add a unique id, e.g. \"42k\"."
            .into(),
        DuplicateDistanceId(v) => format!(
            "Distance id \"{v}\" is used twice; the second distance was skipped. \
             Give each distance its own id."
        ),
        MissingDistanceName => "This distance has no \"name\"; its id is shown instead.".into(),
        BadKm(v) => format!(
            "\"{v}\" is not a positive number of kilometres, so no pace is shown. \
             Write e.g. 42.195."
        ),
        BadStart(v) => format!(
            "Start \"{v}\" is not valid: use a time of day such as 07:30:00 \
             or a timestamp such as 2021-09-26T07:30:00+06:00."
        ),
        UnknownRanking(v) => {
            format!("Ranking \"{v}\" is unknown, so places use chip time. Use \"chip\" or \"gun\".")
        }
        MissingSplitId => "This split has no \"id\", so it was skipped.".into(),
        DuplicateSplitId(v) => {
            format!("Split id \"{v}\" is used twice in this distance; the second one was skipped.")
        }
        BadAwards(v) => format!(
            "Award setting \"{v}\" is not valid, so the default is used. Check places \
             (a whole number), by (\"sex\" or \"overall\") and prizes (whole amounts)."
        ),
        // Added with team standings and relays (format v1 extensions).
        BadAgeGrading(v) => format!(
            "Age-grading table value \"{v}\" is not valid, so that table is left out and \
             its runners get no age grade. Each table needs km, sex (\"M\" or \"F\"), \
             open (a time), first_age and factors (numbers above 0, at most 1)."
        ),
        BadTeams(v) => format!(
            "Team setting \"{v}\" is not valid, so the default is used (or the team \
             group is skipped). Check by (\"club\" or \"team\"), scorers, score \
             (\"places\" or \"times\"), tie_break and the group ids."
        ),
        RowNotObject(v) => format!(
            "This result is {v}, not an object {{ … }}, so it cannot be shown. \
             Each result must be an object with bib, name and distance."
        ),
        MissingBib => "This result has no bib. Add its \"bib\".".into(),
        DuplicateBib { first_row } => format!(
            "This bib is also used in row {}. Both results are shown: check which is right.",
            first_row + 1
        ),
        MissingName => "This result has no name. Add its \"name\".".into(),
        MissingDistance => "This result names no distance, so it gets no place. \
            Add \"distance\" with one of the distance ids."
            .into(),
        UnknownDistance(v) => format!(
            "Distance \"{v}\" is not defined in \"distances\", so this result gets no \
             place. Use one of the distance ids, or add this distance."
        ),
        UnknownSex(v) => format!("Sex \"{v}\" is unknown: use M, F or X."),
        UnknownStatus(v) => format!(
            "Status \"{v}\" is unknown, so the status was taken from the times. \
             Use finished, dnf, dns or dsq."
        ),
        BadBirthYear(v) => {
            format!("Birth year \"{v}\" is not valid: write four digits, e.g. 1995.")
        }
        BadAge(v) => {
            format!("Age \"{v}\" is not valid: write a whole number of years, e.g. 34.")
        }
        BadPlace(v) => {
            format!("Place \"{v}\" is not valid: write a whole number, 1 or more.")
        }
        PlaceWithoutFinish => "This result has an official place but did not finish; \
            the place is ignored."
            .into(),
        BadTime(v) => {
            format!("Time \"{v}\" is not a valid time: use H:MM:SS, e.g. 2:25:31.")
        }
        NegativeTime(v) => {
            format!("Time \"{v}\" is negative: write the time taken, e.g. 2:25:31.")
        }
        FinishedWithoutTime => "The status is \"finished\" but there is no chip or gun \
            time, so this runner gets no place. Add the time or change the status."
            .into(),
        RankingTimeMissing { used } => match used {
            Ranking::Gun => "This distance ranks by chip time, but this result has none: \
                its gun time is used for places."
                .into(),
            Ranking::Chip => "This distance ranks by gun time, but this result has none: \
                its chip time is used for places."
                .into(),
        },
        GunFasterThanChip => "The gun time is shorter than the chip time, which cannot \
            happen: are the two times swapped?"
            .into(),
        UnknownSplit(v) => format!(
            "Split \"{v}\" is not defined for this result's distance, so its time is ignored."
        ),
        SplitsOutOfOrder => "This split is out of course order: it comes before a split \
            listed earlier, or after the finish. Check the splits."
            .into(),
        OfficialPlacesIncomplete { distance, missing } => format!(
            "In distance \"{distance}\", {missing} finisher(s) have no official place, so \
             computed places are shown for the whole distance. Give every finisher a \
             \"place\", or none."
        ),
        LegsOutsideRelay => "This result has \"legs\", but its distance is not a relay \
            (\"relay\": true), so the legs are ignored."
            .into(),
        LegTimesDisagree(v) => format!(
            "The leg times add up to {v}, which is not the team's time. Check the legs \
             and the team's time."
        ),
    }
}

fn syntax(r: &JsonSyntax) -> String {
    match r {
        JsonSyntax::UnexpectedEnd => {
            "the file ends too early (a value is cut off or a bracket is not closed)".into()
        }
        JsonSyntax::TrailingComma => "a comma before a closing bracket: remove it".into(),
        JsonSyntax::MissingComma => "a comma or a closing bracket is missing".into(),
        JsonSyntax::MissingColon => "a colon (:) is missing after a key".into(),
        JsonSyntax::KeyNotString => "keys must be in double quotes".into(),
        JsonSyntax::ExpectedValue => "a value was expected here: text needs double quotes; \
            single quotes, NaN and bare words are not JSON"
            .into(),
        JsonSyntax::TrailingCharacters => {
            "there is more text after the end of the JSON document".into()
        }
        JsonSyntax::BadEscape => "a backslash escape that JSON does not know".into(),
        JsonSyntax::ControlCharacter => {
            "a line break or tab inside a text: write it as \\n or \\t".into()
        }
        JsonSyntax::BadNumber => "a number that JSON cannot hold".into(),
        JsonSyntax::Other(s) => s.clone(),
    }
}

pub fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::Empty => "The file is empty.".into(),
        LoadError::TooLarge {
            size_bytes,
            limit_bytes,
        } => format!(
            "The file is {} MB; this viewer opens files up to {} MB.",
            megabytes(*size_bytes as u64),
            megabytes(*limit_bytes as u64)
        ),
        LoadError::Utf16 => "The file is saved as UTF-16. Save it again as UTF-8.".into(),
        LoadError::NotUtf8 { offset } => {
            format!("The file is not UTF-8 text (bad bytes at byte {offset}). Save it as UTF-8.")
        }
        LoadError::LooksLikeHtml => "This is a web page, not a results file. Check the \
            address: the file may not exist there."
            .into(),
        LoadError::NotJson {
            line,
            column,
            reason,
        } => format!(
            "The file is not valid JSON: line {line}, column {column}: {}.",
            syntax(reason)
        ),
        LoadError::TooDeep { line, column } => {
            format!("The file is nested too deeply to read (line {line}, column {column}).")
        }
        LoadError::RootNotObject => "The file must be one JSON object { … } with \"event\", \
            \"distances\" and \"results\"."
            .into(),
        LoadError::MissingSection(s) => format!(
            "The file has no \"{s}\" section, or it has the wrong type. A results file \
             needs \"event\" {{ … }}, \"distances\" [ … ] and \"results\" [ … ]."
        ),
        LoadError::UnknownFormat(v) => format!(
            "The file uses format \"{v}\", which this viewer does not know: it reads \
             \"results/v1\". A newer viewer may read this file."
        ),
        LoadError::MissingEventName => {
            "The event has no name. Add \"name\" inside \"event\".".into()
        }
    }
}

pub fn fetch_error(e: &FetchError) -> String {
    match e {
        FetchError::NotAllowed(src) => {
            format!("\"{src}\" — only a relative or http(s) address can be opened here.")
        }
        FetchError::Http { url, status } => {
            format!("The server answered with error {status} for {url}. Check the file's address.")
        }
        FetchError::Network { url } => format!(
            "Could not download {url}. Check your connection and the address; a file on \
             another site must allow cross-origin reading (CORS)."
        ),
        FetchError::FileRead { name } => {
            format!("The file {name} could not be read from this device.")
        }
        FetchError::TooLarge { bytes, limit } => format!(
            "The file is {} MB; this viewer opens files up to {} MB.",
            format_int(megabytes(*bytes), Lang::En),
            format_int(limit / (1 << 20), Lang::En)
        ),
        FetchError::Cancelled => {
            "Loading was cancelled. Open a file, or reload the page to try again.".into()
        }
        FetchError::ForeignOrigin(origin) => format!(
            "These results are on {origin}, and this site does not show results from there. \
             If you organize this event and keep your results on {origin}, allow that origin \
             when you publish the viewer: add it to the results-origins line of index.html \
             (see the viewer's README)."
        ),
    }
}

pub fn age_tables_error(e: &AgeTablesError) -> String {
    match e {
        AgeTablesError::Unreadable(e) => import_error(e),
        AgeTablesError::CannotRead => "The file could not be read from the device.".into(),
        AgeTablesError::BadSex(s) => {
            format!("«{s}» is not a sex for an age table: give M (men) or F (women).")
        }
        AgeTablesError::UnknownSex => "Cannot tell whether this table is for men or women: \
            put Male or Female in its file name."
            .into(),
        AgeTablesError::NoDistanceRow => "No row of distances: the sheet needs a row \
            starting with «Distance» (km) or «Age» (distance names)."
            .into(),
        AgeTablesError::NoOpenRow => "No row of open standards: the sheet needs a row \
            starting with «OC sec» or «OC»."
            .into(),
        AgeTablesError::NoAgeRows => {
            "No rows of age factors: rows starting with an age such as 5 or 40.".into()
        }
        AgeTablesError::AgeGap { age, after } => {
            format!("The ages are not one row per year: {age} follows {after}.")
        }
        AgeTablesError::BadFactor { age, km } => {
            format!("The factor for age {age} at {km} km is not a number above 0 and at most 1.")
        }
        AgeTablesError::NoColumns => "No column has both a distance and an open standard.".into(),
        AgeTablesError::CoversNone => "These tables cover none of the event's distances (or \
            the distances have no length in km)."
            .into(),
    }
}

pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::Empty => "This file is empty: there is nothing to import.".into(),
        ImportError::NotText => "This file is not text (a spreadsheet or a picture?). Save it \
            as CSV (UTF-8) or IOF XML and open it again."
            .into(),
        ImportError::Xml {
            line,
            column,
            message,
        } => format!(
            "This XML file is damaged at line {line}, column {column}, so it cannot be \
             imported. The XML reader says: {message}."
        ),
        ImportError::NotResultList(root) => format!(
            "This XML file is not an IOF 3.0 result list: its root element is <{root}>, not \
             <ResultList>."
        ),
    }
}

fn status_word(code: &str) -> &str {
    match code {
        "finished" => "finished",
        "dnf" => "DNF (did not finish)",
        "dns" => "DNS (did not start)",
        "dsq" => "DSQ (disqualified)",
        other => other,
    }
}

pub fn import_note(n: &ImportNote) -> String {
    match n {
        ImportNote::MojibakeSuspected { row, text } => {
            format!("Row {row}: the text looks damaged (wrong encoding?): «{text}»")
        }
        ImportNote::RaggedRow {
            row,
            cells,
            expected,
        } => format!("Row {row} has {cells} cells, the header has {expected}"),
        ImportNote::UnclosedQuote { row } => {
            format!("Row {row}: a quote is never closed; the rest of the file became one cell")
        }
        ImportNote::NoHeader => "The first line looks like data: the columns have no names".into(),
        ImportNote::EmptyRowsSkipped { count } => format!("Empty rows left out: {count}"),
        ImportNote::BibsGenerated { count, first_row } => format!(
            "Rows without a bib got their row number as bib: {count} (the first is row {first_row})"
        ),
        ImportNote::UnreadableValue { row, column, text } => {
            format!("Row {row}, column {column}: cannot read «{text}»")
        }
        ImportNote::UnknownStatus { row, text, status } => format!(
            "Row {row}: unknown status «{text}», read as {}",
            status_word(status)
        ),
        ImportNote::MissingSplit { row, control } => {
            format!("Runner {row}: no time at control {control}; that split is left out")
        }
        ImportNote::More { count, .. } => format!("…and {count} more like this"),
    }
}

pub fn failure(f: &Failure) -> String {
    match f {
        Failure::Fetch(e) => fetch_error(e),
        Failure::Format(e) => load_error(e),
        Failure::Import(e) => import_error(e),
        Failure::UnknownKind(name) => format!(
            "{name} is not a results file this viewer can open: use results JSON, CSV or IOF XML."
        ),
        Failure::ImporterMissing => "The importer could not be downloaded. Connect to the \
            internet and open the file again (after one visit online it also works offline)."
            .into(),
    }
}
