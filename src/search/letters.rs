//! Letters to plain Latin: the first step of folding a name, one character at a time.
//!
//! Output is lowercase ASCII plus a few marker bytes that the skeleton step
//! (`skeleton.rs`) turns into letters with more than one accepted spelling:
//! `E` an e that may be left out (ә ö ü: "a" or "ae"), `G` a g that may be left out
//! (ң: "n" or "ng"), `Y` ё ("e" or "yo"), `W` s-or-sh (š ş ș), `Z` z-or-zh (ž ż),
//! `Q` c-or-ch (č ç ć), `D` d-or-dj (đ ђ). Letters of other scripts (Greek, Arabic,
//! CJK...) pass through as their UTF-8 bytes, so a name typed in its own script still
//! finds itself.

/// Appends the plain-Latin form of one character of a name or query.
pub(crate) fn fold_char(c: char, out: &mut Vec<u8>) {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase() as u8);
        return;
    }
    fold_lower(super::case::lower(c), out);
}

/// Combining marks (accents typed as separate characters, Russian stress marks) carry
/// no letter of their own: a decomposed "é" is "e" followed by one of these.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{00AD}' // soft hyphen: invisible, never a word break
    )
}

fn fold_lower(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c as u8);
        }
        return;
    }
    if is_mark(c) {
        return;
    }
    if let Some(s) = special_latin(c).or_else(|| cyrillic(c)) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    if let Some(b) = latin_base(c) {
        out.push(b);
        return;
    }
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// A Latin or Cyrillic letter in plain lowercase ASCII, for ids made from names
/// (slugs): this table's spelling, with the first spelling where search keeps two
/// open (ә → a, ң → n, ё → e, š → s, ž → z, č → c, đ → d). Appends nothing and returns
/// false for ASCII, punctuation and other scripts, which are the caller's to handle.
pub(crate) fn plain_letter(c: char, out: &mut String) -> bool {
    plain(c, true, out)
}

/// As `plain_letter`, for Latin letters only: header matching folds accents
/// ("Catégorie" = "Categorie") but matches Cyrillic headers as written.
pub(crate) fn plain_latin_letter(c: char, out: &mut String) -> bool {
    plain(c, false, out)
}

fn plain(c: char, cyrillic_too: bool, out: &mut String) -> bool {
    let c = super::case::lower(c);
    if c.is_ascii() {
        return false;
    }
    if is_mark(c) {
        return true;
    }
    let spelled = special_latin(c).or_else(|| cyrillic_too.then(|| cyrillic(c)).flatten());
    if let Some(s) = spelled {
        for b in s.bytes() {
            match b {
                b'E' | b'G' => {}
                b'Y' => out.push('e'),
                b'W' => out.push('s'),
                b'Z' => out.push('z'),
                b'Q' => out.push('c'),
                b'D' => out.push('d'),
                b => out.push(char::from(b)),
            }
        }
        return true;
    }
    match latin_base(c) {
        Some(b) => {
            out.push(char::from(b));
            true
        }
        None => false,
    }
}

/// Latin letters that accent-stripping alone would get wrong or could not fold.
fn special_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'ǽ' | 'ǣ' => "ae",
        'œ' => "oe",
        // Danish/Norwegian ø is written "o" or "oe" without the letter.
        'ø' | 'ǿ' => "oE",
        // German and Finnish umlauts, Kazakh Latin ä ö ü: "a" / "ae" both seen.
        'ä' | 'ö' | 'ü' => match c {
            'ä' => "aE",
            'ö' => "oE",
            _ => "uE",
        },
        // Azerbaijani schwa is Kazakh ә.
        'ə' | 'ǝ' => "aE",
        'ł' | 'ŀ' | 'ƚ' => "l",
        // Serbian/Croatian đ is typed "d" or "dj".
        'đ' | 'ɖ' => "D",
        'ð' => "d",
        'þ' => "th",
        'ı' | 'ɨ' => "i",
        'ħ' => "h",
        'ĳ' => "ij",
        'ĸ' => "k",
        'ŉ' => "n",
        'ŋ' => "nG",
        'ŧ' => "t",
        'ſ' => "s",
        'ƒ' => "f",
        'ơ' => "o",
        'ư' => "u",
        // š ş ș are "sh" in their languages but typed "s" on a keyboard without them.
        'š' | 'ş' | 'ș' => "W",
        'ž' | 'ż' => "Z",
        'č' | 'ç' | 'ć' => "Q",
        'ț' => "t",
        'ǎ' => "a",
        'ǐ' => "i",
        'ǒ' => "o",
        'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => "u",
        _ => return None,
    })
}

/// Base letters of U+00C0..=U+017F (Latin-1 Supplement and Latin Extended-A) by
/// canonical decomposition; '.' where the letter has none (handled above) or is no letter.
const LATIN_1_EXT_A: &[u8; 192] = b"\
aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";

/// Base letters of U+1EA0..=U+1EF9: the Vietnamese letters with two accents.
const VIETNAMESE: &[u8; 90] = b"\
aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooo\
uuuuuuuuuuuuuuyyyyyyyy";

/// Base letters of U+1E00..=U+1E9F (Latin Extended Additional, before Vietnamese).
const LATIN_EXT_ADDITIONAL: &[u8; 160] = b"\
aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
wwwwwwwwwwxxxxyyzzzzzzhtwy......";

fn latin_base(c: char) -> Option<u8> {
    let cp = c as u32;
    let b = match cp {
        0x00C0..=0x017F => LATIN_1_EXT_A[(cp - 0x00C0) as usize],
        0x1E00..=0x1E9F => LATIN_EXT_ADDITIONAL[(cp - 0x1E00) as usize],
        0x1EA0..=0x1EF9 => VIETNAMESE[(cp - 0x1EA0) as usize],
        _ => return None,
    };
    (b != b'.').then_some(b)
}

/// Cyrillic letters as passports and race entries romanize them (lowercase only:
/// the caller lowercases first). The skeleton step then merges the spellings
/// that differ between systems (zh/j, kh/h, yu/iu...).
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        // ё is typed е in Russian (Фёдор = Федор, Ёлкина = Елкина) but is "yo" in
        // Uzbek and in romanizations (Ёқуб = Yoqub, Бахтиёр = Baxtiyor): both kept open.
        'ё' => "Y",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ӣ' | 'ӥ' => "i",
        'й' | 'ы' | 'ӹ' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ӯ' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        // Hard and soft signs have no Latin letter.
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        // Kazakh, Kyrgyz, Tatar, Bashkir, Altai vowels: "a"/"ae", "o"/"oe", "u"/"ue".
        'ә' | 'ӕ' | 'ӓ' => "aE",
        'ө' | 'ӧ' => "oE",
        'ү' | 'ұ' | 'ӱ' => "uE",
        // ң is "n" or "ng" in Kazakh and Kyrgyz names.
        'ң' => "nG",
        'ғ' | 'ґ' | 'ҝ' => "g",
        'қ' | 'ҡ' => "k",
        'һ' | 'ҳ' => "h",
        // Uzbek ў is Latin oʻ.
        'ў' => "o",
        'җ' => "zh",
        'ҷ' | 'ҹ' | 'ј' => "j",
        'ҙ' => "z",
        'ҫ' => "s",
        'ӑ' => "a",
        'ӗ' => "e",
        'ӳ' => "u",
        // Ukrainian.
        'є' => "ye",
        'ї' => "yi",
        // Serbian and Macedonian, as Serbian Latin spells them.
        'ђ' => "D",
        'ћ' => "Q",
        'џ' => "dZ",
        'љ' => "lj",
        'њ' => "nj",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = Vec::new();
        for c in s.chars() {
            fold_char(c, &mut out);
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn folds_accents_specials_and_cyrillic() {
        let table = [
            ("Éèêë", "eeee"),
            ("ÁàâãåÅ", "aaaaaa"),
            ("ñóòôõúùûíìîïýÿ", "noooouuuiiiiyy"),
            ("ěůőűğțąęėįųūāēīō", "euougtaeeiuuaeio"),
            ("ł ø đ ß æ œ ı þ ð", "loEDssaeoeithd"),
            ("Nguyễn Thị Ánh", "nguyenthianh"),
            ("Амангос", "amangos"),
            ("ЁЛКА", "Ylka"),
            ("Әлия", "aEliya"),
            ("Жаңабек", "zhanGabek"),
            ("Ғалымжан", "galymzhan"),
            ("Ўткир", "otkir"),
            ("Щукин", "shchukin"),
            ("e\u{0301}", "e"),
            ("王", "王"),
        ];
        for (input, want) in table {
            assert_eq!(fold(&input.replace(' ', "")), want, "{input}");
        }
    }

    #[test]
    fn plain_spellings_resolve_the_markers() {
        let plain = |s: &str, cyrillic: bool| {
            let mut out = String::new();
            for c in s.chars() {
                let folded = if cyrillic {
                    plain_letter(c, &mut out)
                } else {
                    plain_latin_letter(c, &mut out)
                };
                if !folded {
                    out.push(c);
                }
            }
            out
        };
        let table = [
            ("Жаңабек Әлия Ёлкина", true, "zhanabek aliya elkina"),
            ("Қайрат Йорданов", true, "kayrat yordanov"),
            (
                "Šimon Žák Čech Đorđe müller Øst",
                true,
                "simon zak cech dorde muller ost",
            ),
            ("catégorie größe", false, "categorie grosse"),
            ("Номер n°", false, "Номер n°"),
            ("王", true, "王"),
        ];
        for (input, cyrillic, want) in table {
            assert_eq!(plain(input, cyrillic), want, "{input}");
        }
    }
}
