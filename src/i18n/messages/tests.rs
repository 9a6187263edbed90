use super::*;

/// One of each variant. `variant_number` below fails to compile when a variant is
/// added, and the test fails until the new variant is in this list.
fn every_problem() -> Vec<Problem> {
    use Problem::*;
    let v = || "2:61:00".to_string();
    vec![
        NoFormatField,
        WrongType {
            expected: Kind::Text,
            found: "{…}".into(),
        },
        ConvertedType {
            expected: Kind::Text,
            found: "42".into(),
        },
        DuplicateKey,
        BadDate(v()),
        BadUtcOffset(v()),
        BadTimestamp(v()),
        UnknownEventStatus(v()),
        EntryNotObject(v()),
        MissingDistanceId,
        DuplicateDistanceId(v()),
        MissingDistanceName,
        BadKm(v()),
        BadStart(v()),
        UnknownRanking(v()),
        MissingSplitId,
        DuplicateSplitId(v()),
        BadAwards(v()),
        RowNotObject(v()),
        MissingBib,
        DuplicateBib { first_row: 4 },
        MissingName,
        MissingDistance,
        UnknownDistance(v()),
        UnknownSex(v()),
        UnknownStatus(v()),
        BadBirthYear(v()),
        BadAge(v()),
        BadPlace(v()),
        PlaceWithoutFinish,
        BadTime(v()),
        NegativeTime(v()),
        FinishedWithoutTime,
        RankingTimeMissing { used: Ranking::Gun },
        RankingTimeMissing {
            used: Ranking::Chip,
        },
        GunFasterThanChip,
        UnknownSplit(v()),
        SplitsOutOfOrder,
        OfficialPlacesIncomplete {
            distance: "42k".into(),
            missing: 3,
        },
        BadTeams(v()),
        BadAgeGrading(v()),
        LegsOutsideRelay,
        LegTimesDisagree("1:02:03".into()),
    ]
}

fn variant_number(p: &Problem) -> usize {
    use Problem::*;
    match p {
        NoFormatField => 0,
        WrongType { .. } => 1,
        ConvertedType { .. } => 2,
        DuplicateKey => 3,
        BadDate(_) => 4,
        BadUtcOffset(_) => 5,
        BadTimestamp(_) => 6,
        UnknownEventStatus(_) => 7,
        EntryNotObject(_) => 8,
        MissingDistanceId => 9,
        DuplicateDistanceId(_) => 10,
        MissingDistanceName => 11,
        BadKm(_) => 12,
        BadStart(_) => 13,
        UnknownRanking(_) => 14,
        MissingSplitId => 15,
        DuplicateSplitId(_) => 16,
        BadAwards(_) => 17,
        RowNotObject(_) => 18,
        MissingBib => 19,
        DuplicateBib { .. } => 20,
        MissingName => 21,
        MissingDistance => 22,
        UnknownDistance(_) => 23,
        UnknownSex(_) => 24,
        UnknownStatus(_) => 25,
        BadBirthYear(_) => 26,
        BadAge(_) => 27,
        BadPlace(_) => 28,
        PlaceWithoutFinish => 29,
        BadTime(_) => 30,
        NegativeTime(_) => 31,
        FinishedWithoutTime => 32,
        RankingTimeMissing { .. } => 33,
        GunFasterThanChip => 34,
        UnknownSplit(_) => 35,
        SplitsOutOfOrder => 36,
        OfficialPlacesIncomplete { .. } => 37,
        BadTeams(_) => 38,
        LegsOutsideRelay => 39,
        LegTimesDisagree(_) => 40,
        BadAgeGrading(_) => 41,
    }
}
const PROBLEM_VARIANTS: usize = 42;

fn every_load_error() -> Vec<LoadError> {
    let mut all = vec![
        LoadError::Empty,
        LoadError::TooLarge {
            size_bytes: 130 << 20,
            limit_bytes: 100 << 20,
        },
        LoadError::Utf16,
        LoadError::NotUtf8 { offset: 77 },
        LoadError::LooksLikeHtml,
        LoadError::TooDeep { line: 3, column: 9 },
        LoadError::RootNotObject,
        LoadError::MissingSection("results"),
        LoadError::UnknownFormat("results/v9".into()),
        LoadError::MissingEventName,
    ];
    let reasons = [
        JsonSyntax::UnexpectedEnd,
        JsonSyntax::TrailingComma,
        JsonSyntax::MissingComma,
        JsonSyntax::MissingColon,
        JsonSyntax::KeyNotString,
        JsonSyntax::ExpectedValue,
        JsonSyntax::TrailingCharacters,
        JsonSyntax::BadEscape,
        JsonSyntax::ControlCharacter,
        JsonSyntax::BadNumber,
        JsonSyntax::Other("something odd".into()),
    ];
    all.extend(reasons.into_iter().map(|reason| LoadError::NotJson {
        line: 12,
        column: 34,
        reason,
    }));
    all
}

fn load_error_number(e: &LoadError) -> usize {
    match e {
        LoadError::Empty => 0,
        LoadError::TooLarge { .. } => 1,
        LoadError::Utf16 => 2,
        LoadError::NotUtf8 { .. } => 3,
        LoadError::LooksLikeHtml => 4,
        LoadError::NotJson { .. } => 5,
        LoadError::TooDeep { .. } => 6,
        LoadError::RootNotObject => 7,
        LoadError::MissingSection(_) => 8,
        LoadError::UnknownFormat(_) => 9,
        LoadError::MissingEventName => 10,
    }
}
const LOAD_ERROR_VARIANTS: usize = 11;

/// The value a text must quote, if the variant carries one.
fn quoted_value(p: &Problem) -> Option<String> {
    use Problem::*;
    match p {
        WrongType { found, .. } | ConvertedType { found, .. } => Some(found.clone()),
        BadDate(v)
        | BadUtcOffset(v)
        | BadTimestamp(v)
        | UnknownEventStatus(v)
        | EntryNotObject(v)
        | DuplicateDistanceId(v)
        | BadKm(v)
        | BadStart(v)
        | UnknownRanking(v)
        | DuplicateSplitId(v)
        | BadAwards(v)
        | BadTeams(v)
        | BadAgeGrading(v)
        | LegTimesDisagree(v)
        | RowNotObject(v)
        | UnknownDistance(v)
        | UnknownSex(v)
        | UnknownStatus(v)
        | BadBirthYear(v)
        | BadAge(v)
        | BadPlace(v)
        | BadTime(v)
        | NegativeTime(v)
        | UnknownSplit(v) => Some(v.clone()),
        DuplicateBib { first_row } => Some((first_row + 1).to_string()),
        OfficialPlacesIncomplete { distance, .. } => Some(distance.clone()),
        _ => None,
    }
}

#[test]
fn the_lists_cover_every_variant() {
    let mut seen = [false; PROBLEM_VARIANTS];
    for p in every_problem() {
        seen[variant_number(&p)] = true;
    }
    assert!(seen.iter().all(|s| *s), "{seen:?}");
    let mut seen = [false; LOAD_ERROR_VARIANTS];
    for e in every_load_error() {
        seen[load_error_number(&e)] = true;
    }
    assert!(seen.iter().all(|s| *s), "{seen:?}");
}

#[test]
fn every_problem_has_a_text_in_each_language() {
    for p in every_problem() {
        let texts: Vec<String> = Lang::ALL.iter().map(|&l| p.text(l)).collect();
        for (lang, text) in Lang::ALL.iter().zip(&texts) {
            assert!(text.trim().len() > 10, "{lang:?} {p:?}: {text:?}");
            assert!(!text.contains("{}") && !text.contains("{0}"), "{text}");
            if let Some(v) = quoted_value(&p) {
                assert!(text.contains(&v), "{lang:?} {p:?} should quote {v}: {text}");
            }
        }
        assert_ne!(texts[0], texts[1], "{p:?}");
        assert_ne!(texts[0], texts[2], "{p:?}");
        assert_ne!(texts[1], texts[2], "{p:?}");
    }
}

#[test]
fn different_problems_read_differently() {
    for lang in Lang::ALL {
        let mut texts: Vec<String> = every_problem().iter().map(|p| p.text(lang)).collect();
        let n = texts.len();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), n, "{lang:?}");
    }
}

#[test]
fn every_load_error_has_a_text_in_each_language() {
    for e in every_load_error() {
        let texts: Vec<String> = Lang::ALL.iter().map(|&l| e.text(l)).collect();
        for (lang, text) in Lang::ALL.iter().zip(&texts) {
            assert!(text.trim().len() > 5, "{lang:?} {e:?}: {text:?}");
        }
        assert_ne!(texts[0], texts[1], "{e:?}");
        assert_ne!(texts[0], texts[2], "{e:?}");
        assert_ne!(texts[1], texts[2], "{e:?}");
    }
}

#[test]
fn errors_name_where_and_what() {
    let syntax = LoadError::NotJson {
        line: 12,
        column: 34,
        reason: JsonSyntax::TrailingComma,
    };
    let version = LoadError::UnknownFormat("results/v9".into());
    let size = LoadError::TooLarge {
        size_bytes: (100 << 20) + 1,
        limit_bytes: 100 << 20,
    };
    for lang in Lang::ALL {
        let t = syntax.text(lang);
        assert!(t.contains("12") && t.contains("34"), "{t}");
        assert!(version.text(lang).contains("results/v9"));
        let t = size.text(lang);
        assert!(t.contains("101") && t.contains("100"), "{t}");
    }
    assert_eq!(
        Problem::BadTime("2:61:00".into()).text(Lang::En),
        "Time \"2:61:00\" is not a valid time: use H:MM:SS, e.g. 2:25:31."
    );
}

fn every_other_message() -> Vec<(String, Box<dyn Message>)> {
    let fetch = [
        FetchError::NotAllowed("javascript:alert(1)".into()),
        FetchError::Http {
            url: "results.json".into(),
            status: 404,
        },
        FetchError::Network {
            url: "results.json".into(),
        },
        FetchError::FileRead {
            name: "almaty.json".into(),
        },
        FetchError::TooLarge {
            bytes: 130 << 20,
            limit: 100 << 20,
        },
        FetchError::Cancelled,
        FetchError::ForeignOrigin("https://timing.example".into()),
    ];
    let import = [
        ImportError::Empty,
        ImportError::NotText,
        ImportError::Xml {
            line: 12,
            column: 34,
            message: "unexpected end".into(),
        },
        ImportError::NotResultList("StartList".into()),
    ];
    let v = || "Ã©lodie".to_string();
    let notes = [
        ImportNote::MojibakeSuspected { row: 7, text: v() },
        ImportNote::RaggedRow {
            row: 7,
            cells: 3,
            expected: 9,
        },
        ImportNote::UnclosedQuote { row: 7 },
        ImportNote::NoHeader,
        ImportNote::EmptyRowsSkipped { count: 7 },
        ImportNote::BibsGenerated {
            count: 7,
            first_row: 2,
        },
        ImportNote::UnreadableValue {
            row: 7,
            column: "Age".into(),
            text: v(),
        },
        ImportNote::UnknownStatus {
            row: 7,
            text: v(),
            status: "dnf",
        },
        ImportNote::MissingSplit {
            row: 7,
            control: "31".into(),
        },
        ImportNote::More {
            kind: "ragged-row",
            count: 7,
        },
    ];
    let age_tables = [
        AgeTablesError::Unreadable(ImportError::NotText),
        AgeTablesError::CannotRead,
        AgeTablesError::BadSex("X".into()),
        AgeTablesError::UnknownSex,
        AgeTablesError::NoDistanceRow,
        AgeTablesError::NoOpenRow,
        AgeTablesError::NoAgeRows,
        AgeTablesError::AgeGap { age: 42, after: 40 },
        AgeTablesError::BadFactor { age: 40, km: 5.0 },
        AgeTablesError::NoColumns,
        AgeTablesError::CoversNone,
    ];
    let failures = [
        Failure::UnknownKind("photo.png".into()),
        Failure::ImporterMissing,
    ];
    let mut all: Vec<(String, Box<dyn Message>)> = Vec::new();
    all.extend(
        fetch
            .into_iter()
            .map(|m| (format!("{m:?}"), Box::new(m) as _)),
    );
    all.extend(
        import
            .into_iter()
            .map(|m| (format!("{m:?}"), Box::new(m) as _)),
    );
    all.extend(
        notes
            .into_iter()
            .map(|m| (format!("{m:?}"), Box::new(m) as _)),
    );
    all.extend(
        age_tables
            .into_iter()
            .map(|m| (format!("{m:?}"), Box::new(m) as _)),
    );
    all.extend(
        failures
            .into_iter()
            .map(|m| (format!("{m:?}"), Box::new(m) as _)),
    );
    all
}

#[test]
fn fetch_and_import_messages_are_translated_and_quote_their_values() {
    for (what, m) in every_other_message() {
        let texts: Vec<String> = Lang::ALL.iter().map(|&l| m.text(l)).collect();
        for (lang, text) in Lang::ALL.iter().zip(&texts) {
            assert!(text.trim().len() > 10, "{lang:?} {what}: {text:?}");
            assert!(!text.contains("{}") && !text.contains("{0}"), "{text}");
            assert!(
                !text.contains("  "),
                "{lang:?} {what}: a run of spaces in {text:?}"
            );
            // Every value the message carries (addresses, names, rows, cells) is in it.
            for value in [
                "results.json",
                "almaty.json",
                "timing.example",
                "Ã©lodie",
                "photo.png",
                "StartList",
                "unexpected end",
            ] {
                if what.contains(value) {
                    assert!(
                        text.contains(value),
                        "{lang:?} {what} should quote {value}: {text}"
                    );
                }
            }
            if what.contains("row: 7") || what.contains("count: 7") {
                assert!(text.contains('7'), "{lang:?} {what}: {text}");
            }
        }
        assert_ne!(texts[0], texts[1], "{what}");
        assert_ne!(texts[0], texts[2], "{what}");
        assert_ne!(texts[1], texts[2], "{what}");
    }
}

#[test]
fn a_failure_reads_as_the_error_inside_it() {
    let inner = ImportError::Empty;
    for lang in Lang::ALL {
        assert_eq!(Failure::Import(inner.clone()).text(lang), inner.text(lang));
        let e = LoadError::Empty;
        assert_eq!(Failure::Format(e.clone()).text(lang), e.text(lang));
        let e = FetchError::Cancelled;
        assert_eq!(Failure::Fetch(e.clone()).text(lang), e.text(lang));
    }
    // No English detail is pasted into a translated sentence.
    assert!(!ImportError::Empty.text(Lang::Ru).contains("empty"));
    let t = FetchError::TooLarge {
        bytes: 130 << 20,
        limit: 100 << 20,
    }
    .text(Lang::Ru);
    assert!(t.contains("130") && t.contains("100"), "{t}");
}

#[test]
fn age_sheet_errors_name_the_ages_and_the_distance() {
    let gap = AgeTablesError::AgeGap { age: 42, after: 40 };
    assert!(gap.text(Lang::En).contains("42 follows 40"));
    let factor = AgeTablesError::BadFactor { age: 40, km: 5.0 };
    for lang in Lang::ALL {
        for (m, values) in [(&gap, ["42", "40"]), (&factor, ["40", "5 км"])] {
            let text = m.text(lang);
            for v in values {
                let v = if lang == Lang::En {
                    v.replace("км", "km")
                } else {
                    v.to_string()
                };
                assert!(text.contains(&v), "{lang:?}: {text}");
            }
        }
    }
    assert!(AgeTablesError::UnknownSex
        .text(Lang::En)
        .contains("men or women"));
}
