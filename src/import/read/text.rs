//! Turning a file's bytes into text: a byte order mark says UTF-8 or UTF-16; else UTF-8
//! when it is valid; otherwise one of the single-byte code pages timing software in our
//! region writes: Windows-1251, KOI8-R or DOS 866 for Cyrillic, Windows-1252 for Western
//! European names (which also reads Latin-1). The decoding is encoding_rs's; the guess
//! of which code page is ours.

use crate::import::Encoding;

/// Decodes the bytes, choosing the encoding unless one is given. A byte order mark is
/// dropped.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> (String, Encoding) {
    let bom = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8Bom, 3)),
        [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
        _ => None,
    };
    let body = &bytes[bom.map_or(0, |(_, n)| n)..];
    let encoding = match (forced, bom) {
        (Some(e), _) => e,
        (None, Some((e, _))) => e,
        (None, None) => match std::str::from_utf8(body) {
            Ok(_) => Encoding::Utf8,
            Err(_) => guess_code_page(body),
        },
    };
    let (text, _) = encoding.decoder().decode_without_bom_handling(body);
    (text.into_owned(), encoding)
}

/// Cyrillic words are runs of high bytes (Иванов is six in a row); Western names put
/// one accented letter between ASCII letters (Müller, Hélène). Count which neighbour
/// pattern dominates; for Cyrillic, the code page whose reading gives the most common
/// Russian and Kazakh letters wins.
fn guess_code_page(bytes: &[u8]) -> Encoding {
    let high = |b: u8| b >= 0x80;
    let (mut runs, mut mixed) = (0usize, 0usize);
    for pair in bytes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if high(a) && high(b) {
            runs += 1;
        } else if (high(a) && b.is_ascii_alphabetic()) || (a.is_ascii_alphabetic() && high(b)) {
            mixed += 1;
        }
    }
    if runs <= mixed {
        return Encoding::Windows1252;
    }
    [Encoding::Windows1251, Encoding::Koi8R, Encoding::Ibm866]
        .into_iter()
        .max_by_key(|e| cyrillic_score(e.decoder().decode_without_bom_handling(bytes).0.as_ref()))
        .unwrap_or(Encoding::Windows1251)
}

/// Letters frequent in names count for a reading, letters that are rare at best and
/// box-drawing or symbols (what a wrong code page produces) against it. The first of
/// equal scores wins: Windows-1251, the most common.
fn cyrillic_score(text: &str) -> i64 {
    text.chars()
        .map(|c| match c {
            'о' | 'е' | 'а' | 'и' | 'н' | 'р' | 'т' | 'с' | 'в' | 'л' | 'к' | 'м' | 'д' => {
                3
            }
            'О' | 'Е' | 'А' | 'И' | 'Н' | 'Р' | 'Т' | 'С' | 'В' | 'Л' | 'К' | 'М' | 'Д' => {
                3
            }
            'ъ' | 'Ъ' | 'ы' | 'Ы' | 'щ' | 'Щ' | 'э' | 'Э' => -1,
            'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => 1,
            '\u{2500}'..='\u{25FF}' | '\u{00A0}'..='\u{00BF}' => -3,
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_page_tables() {
        let one = |b: u8, e: Encoding| decode(&[b], Some(e)).0;
        assert_eq!(one(0xC0, Encoding::Windows1251), "А");
        assert_eq!(one(0xFF, Encoding::Windows1251), "я");
        assert_eq!(one(0xA8, Encoding::Windows1251), "Ё");
        assert_eq!(one(0xB9, Encoding::Windows1251), "№");
        assert_eq!(one(0x92, Encoding::Windows1252), "’");
        assert_eq!(one(0x81, Encoding::Windows1252), "\u{81}");
        assert_eq!(one(0xE9, Encoding::Koi8R), "И");
        assert_eq!(one(0x88, Encoding::Ibm866), "И");
    }

    #[test]
    fn guesses_code_page_from_letters() {
        let table: [(&[u8], Encoding); 4] = [
            (
                b"\xc8\xe2\xe0\xed\xee\xe2 \xc8\xe2\xe0\xed",
                Encoding::Windows1251,
            ), // Иванов Иван
            (b"M\xfcller;H\xe9l\xe8ne;Jos\xe9", Encoding::Windows1252),
            (b"GARC\xcdA, Jos\xe9", Encoding::Windows1252),
            (b"Smith \xc0\xeb\xec\xe0\xf2\xfb", Encoding::Windows1251), // Алматы
        ];
        for (bytes, want) in table {
            assert_eq!(decode(bytes, None).1, want, "{bytes:?}");
        }
        // The same Russian names in each Cyrillic code page, in the capitals and the
        // mixed case exports use.
        for names in [
            "Иванов Иван; Смирнова Ольга; Ахметов Нурлан",
            "ИВАНОВ ИВАН; СМИРНОВА ОЛЬГА; АХМЕТОВ НУРЛАН",
        ] {
            for e in [Encoding::Windows1251, Encoding::Koi8R, Encoding::Ibm866] {
                let (bytes, _, _) = e.decoder().encode(names);
                assert_eq!(
                    decode(&bytes, None),
                    (names.to_string(), e),
                    "{names} in {e:?}"
                );
            }
        }
    }

    #[test]
    fn utf16_with_its_byte_order_mark() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Bib\tName\n1\tӘлия"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(
            decode(&le, None),
            ("Bib\tName\n1\tӘлия".into(), Encoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Bib".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, None), ("Bib".into(), Encoding::Utf16Be));
    }

    #[test]
    fn labels() {
        assert_eq!(Encoding::from_label("cp1251"), Some(Encoding::Windows1251));
        assert_eq!(Encoding::from_label("KOI8-R"), Some(Encoding::Koi8R));
        assert_eq!(Encoding::from_label("cp866"), Some(Encoding::Ibm866));
        assert_eq!(Encoding::from_label("latin1"), Some(Encoding::Windows1252));
        assert_eq!(
            Encoding::from_label("iso-8859-15"),
            Some(Encoding::Windows1252)
        );
        assert_eq!(Encoding::from_label("utf-8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_label("shift_jis"), None);
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(
            decode("Ärger".as_bytes(), None),
            ("Ärger".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xef\xbb\xbfa", None),
            ("a".into(), Encoding::Utf8Bom)
        );
        assert_eq!(decode(b"\xe9", Some(Encoding::Windows1251)).0, "й");
    }
}
