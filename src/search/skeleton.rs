//! The skeleton of a word: one spelling for all the ways a name is written.
//!
//! Plain Latin from `letters.rs` goes in; a short byte string comes out in which each
//! sound of a Cyrillic or Turkic name has one symbol, whichever romanization was used.
//! Rules, in the order they apply (each line: the rule, then why):
//!
//! - shch → ш ч: Russian щ in every passport system.
//! - tsch, tch → ч: German and French spellings of ч (Tschudi, Tchaikovsky).
//! - sch, sh → ш: German and English spellings of ш (Schmidt = Шмидт).
//! - dzh, zh, dj, j → j: ж and дж are "zh", "j" or "dj" (Zhanna, Jasur, Djamila).
//! - ch → ч: the usual ч.
//! - kh → h: х is "kh" or "h" (Akhmetov = Ahmetov = Ахметов).
//! - gh → g: ғ is "g" or "gh".
//! - ph → f, th → t: Greek-derived spellings (Stephan = Стефан, Thomas = Томас).
//! - ts, tz → ц: ц is "ts" (Tsoi) or "tz" (German).
//! - ck → k: Patrick = Патрик.
//! - ye → e: е is "e" or "ye" (Yerlan = Ерлан, Sergeyev = Сергеев).
//! - yo after a consonant → e: ё is "e" in passports and "yo" elsewhere (Fyodor = Фёдор);
//!   after a vowel or at the start "yo" stays (Uzbek Baxtiyor = Бахтиёр, Yoqub = Ёқуб).
//! - ё → e after a consonant (Фёдор = Федор = Fyodor, by the rule above), else e-or-yo:
//!   Russians type е for it (Ёлкина = Елкина), Uzbek and romanizations "yo" (Ёқуб =
//!   Yoqub, Бахтиёр = Baxtiyor). Only these words get a second spelling in the index.
//! - y → i: й, ы, и all end up "i" or "y" (Sergey = Sergei = Сергей, Kyrgyz = Кыргыз).
//! - q → k: қ is "k" or "q" (Qairat = Kairat = Қайрат).
//! - w → v: Polish and German w is в (Władysław = Владислав).
//! - c → k-or-s-or-ц: c is hard (Victor = Виктор), soft (Marcel = Марсель) or ц (Cvetko).
//! - x → h-or-ks: Uzbek Latin x is х (Xurshid = Хуршид), elsewhere ks (Alexey = Алексей).
//! - doubled letters → one: spellings drop or keep them (Alla/Ala, Mariia/Maria, Dmitrii).
//!
//! A skeleton byte is one of: lowercase ASCII letter (`c` is ц), digit, `S` ш, `C` ч,
//! a class (`K` k/s/ц, `W` s/ш, `Z` z/j, `Q` k/s/ч, `D` d/j), `X` (h or ks), `YO`
//! (ё: e or yo), an optional letter (`OPT_E`, `OPT_G`), or a byte of another script's
//! UTF-8 (kept as written). `X`, `YO` and optional letters are resolved by `spellings`
//! before matching; classes match any of their sounds (`same`).

/// An e that a spelling may leave out (ә = "a" or "ae").
pub(crate) const OPT_E: u8 = 0x01;
/// A g that a spelling may leave out (ң = "n" or "ng").
pub(crate) const OPT_G: u8 = 0x02;
/// ё, spelled "e" (how Russians type it) or "yo" (Uzbek, romanizations).
pub(crate) const YO: u8 = 0x03;

/// Words are compared on at most this many skeleton bytes; longer words still match
/// by their start, which is all a typed query needs.
pub(crate) const MAX_WORD: usize = 32;

const BIT_SH: u32 = 1 << 26;
const BIT_CH: u32 = 1 << 27;

const fn letter(b: u8) -> u32 {
    1 << (b - b'a')
}

/// The sounds each skeleton byte stands for; two bytes match when they share one.
/// Digits and other scripts' bytes stand for nothing shared and match only themselves.
static SOUNDS: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = letter(b);
        b += 1;
    }
    t[b'S' as usize] = BIT_SH;
    t[b'C' as usize] = BIT_CH;
    t[b'K' as usize] = letter(b'k') | letter(b's') | letter(b'c');
    t[b'X' as usize] = letter(b'h');
    t[b'W' as usize] = letter(b's') | BIT_SH;
    t[b'Z' as usize] = letter(b'z') | letter(b'j');
    t[b'Q' as usize] = letter(b'k') | letter(b's') | BIT_CH;
    t[b'D' as usize] = letter(b'd') | letter(b'j');
    t[OPT_E as usize] = letter(b'e');
    t[OPT_G as usize] = letter(b'g');
    t[YO as usize] = letter(b'e') | letter(b'i');
    t
};

#[inline]
fn sounds(b: u8) -> u32 {
    if b < 128 {
        SOUNDS[b as usize]
    } else {
        0
    }
}

/// The sounds of a byte as bits, with one shared bit for digits and other scripts, so
/// that `same(a, b)` implies `sound_bits(a) & sound_bits(b) != 0`: a cheap
/// whole-name test before word-by-word matching. Byte 0 (no letter) has none.
pub(crate) fn sound_bits(b: u8) -> u32 {
    match sounds(b) {
        0 if b != 0 => 1 << 31,
        s => s,
    }
}

/// Whether two skeleton bytes can be the same letter.
#[inline]
pub(crate) fn same(a: u8, b: u8) -> bool {
    a == b || sounds(a) & sounds(b) != 0
}

#[inline]
pub(crate) fn is_optional(b: u8) -> bool {
    b == OPT_E || b == OPT_G
}

/// Bytes that stand for zero-or-one letter (optional) or one-or-two (`X`, `YO`).
#[inline]
fn is_multi(b: u8) -> bool {
    is_optional(b) || b == b'X' || b == YO
}

/// The plain spellings a skeleton word stands for: each optional letter left out or
/// put in, each `X` as h or ks, each `YO` as e or io, the skeleton of "yo" (Әлия:
/// "alia", "aelia"; Ёлкина: "elkina", "iolkina"). Matching then compares letter
/// for letter. Up to three such bytes give every combination; a word with more (rare)
/// gives the all-short and all-long spellings only, to keep the index small.
pub(crate) fn spellings(word: &[u8]) -> Vec<Vec<u8>> {
    let multi = word.iter().filter(|&&b| is_multi(b)).count();
    if multi == 0 {
        return vec![word.to_vec()];
    }
    let choices: u32 = if multi <= 3 { 1 << multi } else { 2 };
    let mut out: Vec<Vec<u8>> = Vec::with_capacity(choices as usize);
    for choice in 0..choices {
        let mut spelled = Vec::with_capacity(word.len() + 2);
        let mut nth = 0;
        for &b in word {
            if !is_multi(b) {
                push_letter(&mut spelled, b);
                continue;
            }
            let long = if multi <= 3 {
                choice >> nth & 1 == 1
            } else {
                choice == 1
            };
            nth += 1;
            let letters: &[u8] = match (b, long) {
                (OPT_E, true) => b"e",
                (OPT_G, true) => b"g",
                (b'X', true) => b"ks",
                (b'X', false) => b"h",
                (YO, true) => b"io",
                (YO, false) => b"e",
                _ => b"",
            };
            for &l in letters {
                push_letter(&mut spelled, l);
            }
        }
        if !out.contains(&spelled) {
            out.push(spelled);
        }
    }
    out
}

/// Pushes one skeleton byte: doubled letters collapse (bytes of other scripts are kept
/// as they are), and a word stops growing at `MAX_WORD`.
fn push_letter(out: &mut Vec<u8>, b: u8) {
    if (b >= 0x80 || out.last() != Some(&b)) && out.len() < MAX_WORD {
        out.push(b);
    }
}

/// Letters the user sees in a skeleton word: optional letters and the continuation
/// bytes of other scripts do not count (the typo rule counts letters).
pub(crate) fn letter_count(word: &[u8]) -> usize {
    word.iter()
        .filter(|&&b| !is_optional(b) && !(0x80..0xC0).contains(&b))
        .count()
}

/// Raw-Latin spellings that stand for one sound; longest first so "shch" wins over "sh".
const DIGRAPHS: &[(&[u8], &[u8])] = &[
    (b"shch", b"SC"),
    (b"tsch", b"C"),
    (b"sch", b"S"),
    (b"tch", b"C"),
    (b"dzh", b"j"),
    (b"zh", b"j"),
    (b"sh", b"S"),
    (b"ch", b"C"),
    (b"kh", b"h"),
    (b"gh", b"g"),
    (b"ph", b"f"),
    (b"th", b"t"),
    (b"ts", b"c"),
    (b"tz", b"c"),
    (b"dj", b"j"),
    (b"ck", b"k"),
    (b"ye", b"e"),
];

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Appends the skeleton of one word's plain Latin (see the module rules), at most
/// `MAX_WORD` bytes. `|` in the input (an apostrophe inside a word) keeps the letters
/// on its two sides from forming a digraph (Uzbek Is'hoq is s-h, not sh) and is dropped.
pub(crate) fn skeleton(raw: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    let push = |out: &mut Vec<u8>, b: u8| {
        // Doubled letters collapse; bytes of other scripts are kept as they are.
        let last = if out.len() > start {
            out.last().copied()
        } else {
            None
        };
        if (b >= 0x80 || last != Some(b)) && out.len() - start < MAX_WORD {
            out.push(b);
        }
    };
    let mut i = 0;
    let mut prev = 0u8;
    while i < raw.len() {
        let rest = &raw[i..];
        let b = rest[0];
        if matches!(
            b,
            b's' | b't' | b'd' | b'z' | b'c' | b'k' | b'g' | b'p' | b'y'
        ) {
            if let Some((pat, sk)) = DIGRAPHS.iter().find(|(pat, _)| rest.starts_with(pat)) {
                for &s in sk.iter() {
                    push(out, s);
                }
                prev = pat[pat.len() - 1];
                i += pat.len();
                continue;
            }
            if rest.starts_with(b"yo") && is_consonant(prev) {
                push(out, b'e');
                prev = b'o';
                i += 2;
                continue;
            }
        }
        let s = match b {
            b'|' => {
                i += 1;
                continue;
            }
            b'c' => b'K',
            b'q' => b'k',
            b'w' => b'v',
            b'x' => b'X',
            b'y' => b'i',
            b'E' => OPT_E,
            b'G' => OPT_G,
            b'Y' if is_consonant(prev) => b'e',
            b'Y' => YO,
            other => other,
        };
        push(out, s);
        prev = b;
        i += 1;
    }
}

/// A skeleton word as text for tests and debugging: optional letters in brackets,
/// ё as "(e|io)", classes as their capital letter.
pub(crate) fn show(word: &[u8], out: &mut Vec<u8>) {
    for &b in word {
        match b {
            OPT_E => out.extend_from_slice(b"(e)"),
            OPT_G => out.extend_from_slice(b"(g)"),
            YO => out.extend_from_slice(b"(e|io)"),
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(raw: &str) -> String {
        let mut out = Vec::new();
        skeleton(raw.as_bytes(), &mut out);
        let mut shown = Vec::new();
        show(&out, &mut shown);
        String::from_utf8(shown).unwrap_or_default()
    }

    #[test]
    fn merges_romanizations() {
        let table = [
            ("zhanna", "jana"),
            ("janna", "jana"),
            ("dzhamila", "jamila"),
            ("djamila", "jamila"),
            ("akhmetov", "ahmetov"),
            ("shchukin", "SCukin"),
            ("schmidt", "Smidt"),
            ("tsoi", "coi"),
            ("yerlan", "erlan"),
            ("fyodor", "fedor"),
            ("sergey", "sergei"),
            ("dmitriy", "dmitri"),
            ("mariya", "maria"),
            ("qairat", "kairat"),
            ("victor", "viKtor"),
            ("alexey", "aleXei"),
            ("is|hoq", "ishok"),
            ("aEliya", "a(e)lia"),
            ("zhanGabek", "jan(g)abek"),
            ("Ylkina", "(e|io)lkina"),
            ("fYdor", "fedor"),
            ("bakhtiYr", "bahti(e|io)r"),
        ];
        for (raw, want) in table {
            assert_eq!(sk(raw), want, "{raw}");
        }
    }

    #[test]
    fn classes_share_sounds() {
        assert!(same(b'K', b'k') && same(b'K', b's') && same(b'K', b'c'));
        assert!(same(b'W', b'S') && same(b'W', b's'));
        assert!(same(b'Q', b'C') && same(b'Q', b'K'));
        assert!(same(OPT_E, b'e'));
        assert!(!same(b'S', b's'));
        assert!(!same(b'1', b'2'));
        assert!(!same(0xD0, 0xD1));
    }

    #[test]
    fn spellings_open_optional_letters_and_x() {
        let spelled = |raw: &str| -> Vec<String> {
            let mut sk = Vec::new();
            skeleton(raw.as_bytes(), &mut sk);
            spellings(&sk)
                .into_iter()
                .map(|s| String::from_utf8_lossy(&s).into_owned())
                .collect()
        };
        assert_eq!(spelled("aEliya"), ["alia", "aelia"]);
        assert_eq!(spelled("alexey"), ["alehei", "aleksei"]);
        assert_eq!(spelled("zhanGabek"), ["janabek", "jangabek"]);
        assert_eq!(spelled("nuErsuEltan").len(), 4);
        assert_eq!(spelled("aEoEuEiE"), ["aoui", "aeoeueie"]);
        assert_eq!(spelled("ivan"), ["ivan"]);
        // ё: Russian е, or "yo" as Latin spells it (Baxtiyor's "iyo" is "io" too).
        assert_eq!(spelled("Ylkina"), ["elkina", "iolkina"]);
        assert_eq!(spelled("bakhtiYr"), ["bahtier", "bahtior"]);
        assert_eq!(spelled("baxtiyor"), ["bahtior", "bakstior"]);
        assert_eq!(spelled("fYdor"), ["fedor"]);
        assert_eq!(spelled("fyodor"), ["fedor"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(sk(&"ab".repeat(40)).len(), MAX_WORD);
    }
}
