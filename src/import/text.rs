//! Turning a file's bytes into text: UTF-8 when it is valid, otherwise one of the two
//! single-byte code pages timing software in our region writes (Windows-1251 for
//! Cyrillic, Windows-1252 for Western European names, which also reads Latin-1).

use super::Encoding;

/// Windows-1251 bytes 0x80..=0xBF; 0xC0..=0xFF are А..я in order.
const CP1251_HIGH: [u16; 64] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F, //
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, //
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, //
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, //
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, //
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, //
];

/// Windows-1252 bytes 0x80..=0x9F; 0xA0..=0xFF are the same as Latin-1. The five
/// unassigned bytes keep their Latin-1 meaning so nothing is lost.
const CP1252_C1: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, //
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, //
];

pub fn cp1251_char(b: u8) -> char {
    let code = match b {
        0x00..=0x7F => b as u32,
        0x80..=0xBF => CP1251_HIGH[(b - 0x80) as usize] as u32,
        _ => 0x0410 + (b - 0xC0) as u32,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

pub fn cp1252_char(b: u8) -> char {
    let code = match b {
        0x80..=0x9F => CP1252_C1[(b - 0x80) as usize] as u32,
        _ => b as u32,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// The Windows-1252 character a C1 control stands for: such controls appear in text
/// that was Windows-1252 but got read as Latin-1 somewhere upstream (O\x92REILLY).
pub fn c1_as_cp1252(c: char) -> Option<char> {
    let code = c as u32;
    if (0x80..=0x9F).contains(&code) {
        let fixed = cp1252_char(code as u8);
        (fixed != c).then_some(fixed)
    } else {
        None
    }
}

/// Decodes the bytes, choosing the encoding unless one is given. A UTF-8 BOM is dropped.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> (String, Encoding) {
    let has_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let body = if has_bom { &bytes[3..] } else { bytes };
    let encoding = match forced {
        Some(e) => e,
        None if has_bom => Encoding::Utf8Bom,
        None => match std::str::from_utf8(body) {
            Ok(_) => Encoding::Utf8,
            Err(_) => guess_code_page(body),
        },
    };
    let text = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => String::from_utf8_lossy(body).into_owned(),
        Encoding::Windows1251 => body.iter().map(|&b| cp1251_char(b)).collect(),
        Encoding::Windows1252 => body.iter().map(|&b| cp1252_char(b)).collect(),
    };
    (text, encoding)
}

/// Cyrillic words are runs of high bytes (Иванов is six in a row); Western names put
/// one accented letter between ASCII letters (Müller, Hélène). Count which neighbour
/// pattern dominates.
fn guess_code_page(bytes: &[u8]) -> Encoding {
    let letter = |b: u8| b >= 0xC0 || b == 0xA8 || b == 0xB8;
    let (mut runs, mut mixed) = (0usize, 0usize);
    for pair in bytes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if letter(a) && letter(b) {
            runs += 1;
        } else if (letter(a) && b.is_ascii_alphabetic()) || (a.is_ascii_alphabetic() && letter(b)) {
            mixed += 1;
        }
    }
    if runs > mixed {
        Encoding::Windows1251
    } else {
        Encoding::Windows1252
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_page_tables() {
        assert_eq!(cp1251_char(0xC0), 'А');
        assert_eq!(cp1251_char(0xFF), 'я');
        assert_eq!(cp1251_char(0xA8), 'Ё');
        assert_eq!(cp1251_char(0xB8), 'ё');
        assert_eq!(cp1251_char(0xB9), '№');
        assert_eq!(cp1252_char(0x92), '’');
        assert_eq!(cp1252_char(0x8A), 'Š');
        assert_eq!(cp1252_char(0xE9), 'é');
        assert_eq!(cp1252_char(0x81), '\u{81}');
        assert_eq!(c1_as_cp1252('\u{92}'), Some('’'));
        assert_eq!(c1_as_cp1252('\u{81}'), None);
        assert_eq!(c1_as_cp1252('a'), None);
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
