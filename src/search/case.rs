//! Lowercase for the scripts names come in (Latin with its accents, Cyrillic with the
//! Kazakh, Uzbek and Kyrgyz letters, Greek, Armenian, full-width Latin), as a few ranges instead of std's Unicode
//! case tables, which cost the first download about 7 KB. Other scripts keep their case:
//! they are matched as written (see the module docs of `search`).

/// The lowercase form of `c` where it has one in the scripts above, else `c`.
/// Matches `char::to_lowercase` there (a test checks every letter), except that
/// İ (U+0130) is plain i: std adds a combining dot, which folding drops anyway.
pub fn lower(c: char) -> char {
    let cp = c as u32;
    let to = match cp {
        0x41..=0x5A => cp + 0x20,
        0..=0x7F => return c,
        0xC0..=0xDE if cp != 0xD7 => cp + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => cp | 1,
        0x130 => 'i' as u32,
        0x139..=0x148 | 0x179..=0x17E if cp % 2 == 1 => cp + 1,
        0x178 => 0xFF,
        0x180..=0x24F => return latin_extended_b(c),
        0x386 => 0x3AC,
        0x388..=0x38A => cp + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => cp + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => cp + 0x20,
        0x3CF => 0x3D7,
        0x3D8..=0x3EF => cp | 1,
        0x400..=0x40F => cp + 0x50,
        0x410..=0x42F => cp + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => cp | 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if cp % 2 == 1 => cp + 1,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => cp | 1,
        0x1E9E => 0xDF,
        0x531..=0x556 => cp + 0x30,
        0xFF21..=0xFF3A => cp + 0x20,
        _ => return c,
    };
    char::from_u32(to).unwrap_or(c)
}

/// Latin Extended-B: mostly pairs, with the exceptions of African and Azerbaijani
/// letters listed one by one.
fn latin_extended_b(c: char) -> char {
    let cp = c as u32;
    let to = match cp {
        0x1CD..=0x1DC if cp % 2 == 1 => cp + 1,
        0x1DE..=0x1EF | 0x1F8..=0x21F | 0x222..=0x233 | 0x246..=0x24F => cp | 1,
        0x1C4 | 0x1C7 | 0x1CA | 0x1F1 => cp + 2,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 => cp + 1,
        0x1F4 => 0x1F5,
        0x1F6 => 0x195,
        0x1F7 => 0x1BF,
        0x220 => 0x19E,
        0x23A => 0x2C65,
        0x23B => 0x23C,
        0x23D => 0x19A,
        0x23E => 0x2C66,
        0x241 => 0x242,
        0x243 => 0x180,
        0x244 => 0x289,
        0x245 => 0x28C,
        0x181 => 0x253,
        0x182 | 0x184 | 0x187 | 0x18B | 0x191 | 0x198 | 0x1A0 | 0x1A2 | 0x1A4 | 0x1A7 | 0x1AC
        | 0x1AF | 0x1B3 | 0x1B5 | 0x1B8 | 0x1BC => cp + 1,
        0x186 => 0x254,
        0x189 => 0x256,
        0x18A => 0x257,
        0x18E => 0x1DD,
        0x18F => 0x259,
        0x190 => 0x25B,
        0x193 => 0x260,
        0x194 => 0x263,
        0x196 => 0x269,
        0x197 => 0x268,
        0x19C => 0x26F,
        0x19D => 0x272,
        0x19F => 0x275,
        0x1A6 => 0x280,
        0x1A9 => 0x283,
        0x1AE => 0x288,
        0x1B1 => 0x28A,
        0x1B2 => 0x28B,
        0x1B7 => 0x292,
        _ => cp,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `s` with every character through [`lower`].
pub fn lower_str(s: &str) -> String {
    s.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks `lower` claims: Latin, Greek and Coptic, Cyrillic and its
    /// supplement, Latin Extended Additional.
    const BLOCKS: [(u32, u32); 7] = [
        (0x0000, 0x024F),
        (0x0370, 0x03FF),
        (0x0400, 0x052F),
        (0x1E00, 0x1EFF),
        (0x2C60, 0x2C7F),
        (0x0530, 0x058F),
        (0xFF00, 0xFFEF),
    ];

    #[test]
    fn agrees_with_std_in_the_scripts_it_covers() {
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (from, to) in BLOCKS {
            for cp in from..=to {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                let std: Vec<char> = c.to_lowercase().collect();
                if c == 'İ' {
                    assert_eq!(lower(c), 'i');
                    continue;
                }
                // Greek final sigma and the like lowercase to one char; only Latin
                // Extended-C (0x2C60..) is left to std, as `lower` does not claim it.
                if cp >= 0x2C60 || (0x3F0..=0x3FF).contains(&cp) || (0x370..=0x385).contains(&cp) {
                    continue;
                }
                if std.len() != 1 || lower(c) != std[0] {
                    wrong.push(format!("U+{cp:04X} {c} -> {std:?}, not {:?}", lower(c)));
                }
                checked += 1;
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(checked > 1200, "{checked}");
    }

    #[test]
    fn names_of_our_events() {
        assert_eq!(lower_str("АҚЖОЛ ӘЛІБЕКОВ"), "ақжол әлібеков");
        assert_eq!(lower_str("ŞÜKÜR ÖZBEK"), "şükür özbek");
        assert_eq!(lower_str("Ғайрат Ўролов Ҳамза"), "ғайрат ўролов ҳамза");
        assert_eq!(lower_str("ÆSIR ØSTBY ÅSE ẞ"), "æsir østby åse ß");
        assert_eq!(lower_str("ΑΘΗΝΑ 東京"), "αθηνα 東京");
    }
}
