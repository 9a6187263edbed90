//! Property: a runner's own name finds the runner however it is typed: lowercased,
//! uppercased, accents stripped or spelled out, words reversed, written in the other
//! script (romanized the ways passports and race entries do, or put into Cyrillic),
//! the last word cut short. The transliterators here are test-only and independent of
//! the search module's tables.
use proptest::prelude::*;
use race_results::search::{fold_name, fold_query, SearchIndex};

/// Kazakh, Russian, Uzbek and Kyrgyz names as their owners write them in Cyrillic.
const CYRILLIC: &[&str] = &[
    "Ислам Амангос",
    "Әлия Нұрланқызы",
    "Жаңабек Төлеген",
    "Ғалымжан Қайратұлы",
    "Айгүл Сейітқали",
    "Дмитрий Соколов",
    "Сергей Алексеев",
    "Юлия Ким",
    "Мария Ильина",
    "Фёдор Воробьёв",
    "Ўткир Ҳасанов",
    "Бахтиёр Қодиров",
    "Хуршид Каримов",
    "Ғулом Ёқубов",
    "Шолпан Жұмабаева",
    "Ерлан Сарсенов",
    "Щукин Олег",
    "Цой Виктор",
    "Алмазбек Үмөтов",
    "Чингиз Айтматов",
    "Евгений Орлов",
    "Бауыржан Момышұлы",
    "Ахмед Давлатов",
    "Дильноза Юсупова",
    "Абдулла-Хан Нуриев",
    "Алёна Ёлкина",
];

/// The same kind of names as their owners write them in Latin.
const LATIN: &[&str] = &[
    "Islam Amangos",
    "Zhanibek Tolegen",
    "Galymzhan Kairatuly",
    "Aigerim Seitkali",
    "Dmitriy Sokolov",
    "Alexey Smirnov",
    "Yuliya Kim",
    "Yerlan Sarsenov",
    "O'tkir Hasanov",
    "Baxtiyor Qodirov",
    "Xurshid Karimov",
    "G'ulom Yoqubov",
    "Bauyrzhan Momyshuly",
    "Gulnara Ibraeva",
    "Shokhrukh Yusupov",
    "Nursultan Abishev",
    "Timur Chernyshev",
];

/// Foreign files: names with accents and letters a phone keyboard may lack.
const FOREIGN: &[&str] = &[
    "José García",
    "François Dupré",
    "Jürgen Müller",
    "Søren Kierkegaard",
    "Łukasz Żółć",
    "Yıldız Şahin",
    "Nguyễn Thị Ánh",
    "Antonín Dvořák",
    "Jean-Pierre Papin",
    "Conor O'Brien",
    "Björn Borg",
    "Þór Guðmundsson",
    "Zoë Saldaña",
    "Novak Đoković",
    "Johann Strauß",
    "Ærø Ålund",
    "Ștefan Țiriac",
    "Renée Lefèvre",
    "Gonçalo Conceição",
    "Małgorzata Wójcik",
];

/// A tiny deterministic chooser driven by the proptest seed.
struct Choices(u64);

impl Choices {
    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        options[((self.0 >> 33) % options.len() as u64) as usize]
    }
}

/// Cyrillic to Latin the ways passports, race entries and Uzbek Latin spell it,
/// choosing among the usual spellings at random.
fn romanize(name: &str, ch: &mut Choices) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let after_i = prev.is_some_and(|p| "иыИЫ".contains(p));
        let next_c = chars
            .get(i + 1)
            .map(|n| n.to_lowercase().next().unwrap_or(*n));
        let s: &str = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' => ch.pick(&["e", "ye"]),
            // Passports write ё as e anywhere, others yo.
            'ё' => ch.pick(&["yo", "e"]),
            'ж' => ch.pick(&["zh", "j"]),
            'з' => "z",
            'и' => "i",
            'й' if after_i => ch.pick(&["y", "i", ""]),
            'й' => ch.pick(&["y", "i"]),
            'к' if next_c == Some('с') => ch.pick(&["k", "x"]),
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' if i > 0
                && chars[i - 1].to_lowercase().next() == Some('к')
                && out.ends_with('x') =>
            {
                ""
            }
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => ch.pick(&["kh", "h", "x"]),
            'ц' => ch.pick(&["ts", "tz", "c"]),
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' => "",
            'ы' => ch.pick(&["y", "i"]),
            'ь' => ch.pick(&["", "'"]),
            'э' => "e",
            'ю' => ch.pick(&["yu", "iu"]),
            'я' => ch.pick(&["ya", "ia"]),
            'ә' => ch.pick(&["a", "ae", "ä"]),
            'ө' => ch.pick(&["o", "oe", "ö"]),
            'ү' => ch.pick(&["u", "ue", "ü"]),
            'ұ' => ch.pick(&["u", "ū"]),
            'қ' => ch.pick(&["k", "q"]),
            'ғ' => ch.pick(&["g", "gh", "g'", "gʻ"]),
            'ң' => ch.pick(&["n", "ng"]),
            'һ' | 'ҳ' => "h",
            'і' => ch.pick(&["i", "ı"]),
            'ў' => ch.pick(&["o'", "oʻ", "o‘", "o"]),
            _ => {
                out.push(c);
                continue;
            }
        };
        if upper {
            let mut cs = s.chars();
            if let Some(first) = cs.next() {
                out.extend(first.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(s);
        }
    }
    out
}

/// Latin to Cyrillic, greedy on the usual digraphs.
fn cyrillize(name: &str) -> String {
    const DIGRAPHS: &[(&str, &str)] = &[
        ("shch", "щ"),
        ("sh", "ш"),
        ("ch", "ч"),
        ("zh", "ж"),
        ("kh", "х"),
        ("ts", "ц"),
        ("yu", "ю"),
        ("ya", "я"),
        ("ye", "е"),
        ("yo", "ё"),
        ("o'", "ў"),
        ("g'", "ғ"),
    ];
    let lower: Vec<char> = name.to_lowercase().chars().collect();
    let orig: Vec<char> = name.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lower.len() {
        let upper = orig.get(i).is_some_and(|c| c.is_uppercase());
        let rest: String = lower[i..].iter().take(4).collect();
        let (cyr, used): (String, usize) =
            if let Some((lat, cyr)) = DIGRAPHS.iter().find(|(lat, _)| rest.starts_with(lat)) {
                (cyr.to_string(), lat.chars().count())
            } else {
                let prev_vowel = i > 0 && "aeiouy".contains(lower[i - 1]);
                let c = lower[i];
                let s = match c {
                    'a' => "а",
                    'b' => "б",
                    'v' | 'w' => "в",
                    'g' => "г",
                    'd' => "д",
                    'e' => "е",
                    'z' => "з",
                    'i' => "и",
                    'y' if prev_vowel => "й",
                    'y' => "ы",
                    'k' | 'c' => "к",
                    'l' => "л",
                    'm' => "м",
                    'n' => "н",
                    'o' => "о",
                    'p' => "п",
                    'r' => "р",
                    's' => "с",
                    't' => "т",
                    'u' => "у",
                    'f' => "ф",
                    'h' => "х",
                    'j' => "ж",
                    'q' => "қ",
                    'x' => "кс",
                    other => {
                        out.push(orig.get(i).copied().unwrap_or(other));
                        i += 1;
                        continue;
                    }
                };
                (s.to_string(), 1)
            };
        if upper {
            let mut cs = cyr.chars();
            if let Some(first) = cs.next() {
                out.extend(first.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(&cyr);
        }
        i += used;
    }
    out
}

/// What a keyboard without the letter gives: the plain letter.
fn strip_accents(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let plain = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => "a",
            'Á' | 'Å' | 'Ä' => "A",
            'é' | 'è' | 'ê' | 'ë' | 'ễ' => "e",
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ị' => "i",
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => "o",
            'Ø' | 'Ö' => "O",
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => "u",
            'Ü' => "U",
            'ç' | 'č' | 'ć' => "c",
            'ñ' => "n",
            'ł' => "l",
            'Ł' => "L",
            'ż' | 'ž' => "z",
            'Ż' => "Z",
            'š' | 'ş' | 'ș' => "s",
            'Ş' | 'Ș' => "S",
            'ț' => "t",
            'Ț' => "T",
            'ř' => "r",
            'ß' => "ss",
            'æ' => "ae",
            'Æ' => "Ae",
            'ð' => "d",
            'đ' => "d",
            'Đ' => "D",
            'þ' => "th",
            'Þ' => "Th",
            'ğ' => "g",
            'ʻ' | '‘' => "'",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// The German and Scandinavian way to type without the letter: ü → ue, ø → oe, å → aa.
fn spell_out_accents(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' | 'ø' => out.push_str("oe"),
            'Ö' | 'Ø' => out.push_str("Oe"),
            'ü' => out.push_str("ue"),
            'Ü' => out.push_str("Ue"),
            'å' => out.push_str("aa"),
            'Å' => out.push_str("Aa"),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
    strip_accents(&out)
}

#[derive(Debug, Clone)]
struct Typing {
    case: u8,
    reverse: bool,
    /// Keep this share (in percent) of the last word's letters, at least one.
    cut: Option<u8>,
}

fn typing() -> impl Strategy<Value = Typing> {
    (0u8..3, any::<bool>(), proptest::option::of(1u8..100))
        .prop_map(|(case, reverse, cut)| Typing { case, reverse, cut })
}

fn type_it(text: &str, how: &Typing) -> String {
    let cased = match how.case {
        0 => text.to_lowercase(),
        1 => text.to_uppercase(),
        _ => text.to_string(),
    };
    let mut words: Vec<&str> = cased.split_whitespace().collect();
    if how.reverse {
        words.reverse();
    }
    let mut typed: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    if let (Some(pct), Some(last)) = (how.cut, typed.last_mut()) {
        let chars: Vec<char> = last.chars().collect();
        let keep = (chars.len() * usize::from(pct)).div_ceil(100).max(1);
        *last = chars[..keep.min(chars.len())].iter().collect();
    }
    typed.join(" ")
}

/// The runner, among all the others of its pool, is found by the typed query.
fn assert_found(pool: &[&str], runner: usize, query: &str) -> Result<(), TestCaseError> {
    let index = SearchIndex::build(
        pool.iter()
            .enumerate()
            .map(|(i, n)| (["A1", "B2", "C3"][i % 3], *n)),
    );
    let hits = index.search(query, |_| true);
    prop_assert!(
        hits.iter().any(|h| h.index as usize == runner),
        "{:?} not found by {:?} (skeletons {:?} / {:?})",
        pool[runner],
        query,
        fold_name(pool[runner]),
        fold_query(query)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn cyrillic_names_found_as_written_or_romanized(
        runner in 0..CYRILLIC.len(),
        seed in any::<u64>(),
        romanized in any::<bool>(),
        how in typing(),
    ) {
        let name = CYRILLIC[runner];
        let written = if romanized {
            romanize(name, &mut Choices(seed))
        } else if seed % 3 == 0 {
            // Russians type е for ё.
            name.replace('ё', "е").replace('Ё', "Е")
        } else {
            name.to_string()
        };
        let written = if romanized && seed % 2 == 0 { strip_accents(&written) } else { written };
        assert_found(CYRILLIC, runner, &type_it(&written, &how))?;
    }

    #[test]
    fn latin_names_found_as_written_or_in_cyrillic(
        runner in 0..LATIN.len(),
        in_cyrillic in any::<bool>(),
        how in typing(),
    ) {
        let name = LATIN[runner];
        let written = if in_cyrillic { cyrillize(name) } else { name.to_string() };
        assert_found(LATIN, runner, &type_it(&written, &how))?;
    }

    #[test]
    fn foreign_names_found_without_their_letters(
        runner in 0..FOREIGN.len(),
        accents in 0u8..3,
        how in typing(),
    ) {
        let name = FOREIGN[runner];
        let written = match accents {
            0 => name.to_string(),
            1 => strip_accents(name),
            _ => spell_out_accents(name),
        };
        assert_found(FOREIGN, runner, &type_it(&written, &how))?;
    }

    #[test]
    fn any_text_is_searched_without_panic(names in proptest::collection::vec(".{0,40}", 0..8), query in ".{0,40}") {
        let index = SearchIndex::build(names.iter().map(|n| ("", n.as_str())));
        let hits = index.search(&query, |_| true);
        prop_assert!(hits.windows(2).all(|w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].index < w[1].index)));
        prop_assert!(hits.iter().all(|h| (h.index as usize) < names.len()));
        // A name finds itself (unless it has no letter or digit at all).
        for (i, n) in names.iter().enumerate() {
            if n.chars().any(char::is_alphanumeric) && !fold_name(n).is_empty() {
                let own = index.search(n, |_| true);
                prop_assert!(own.iter().any(|h| h.index as usize == i), "{:?} does not find itself", n);
            }
        }
    }
}

#[test]
fn transliterators_do_what_they_say() {
    let romanized = romanize("Жаңабек", &mut Choices(0));
    assert!(
        romanized.starts_with("Zh") || romanized.starts_with('J'),
        "{romanized}"
    );
    assert_eq!(cyrillize("Zhanibek Tolegen"), "Жанибек Толеген");
    assert_eq!(cyrillize("O'tkir"), "Ўткир");
    assert_eq!(strip_accents("Łukasz Żółć"), "Lukasz Zolc");
    assert_eq!(spell_out_accents("Jürgen Müller"), "Juergen Mueller");
}
