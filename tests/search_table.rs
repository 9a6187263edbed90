//! Name and bib search: a table of queries and the names they must and must not find,
//! ranking checks, and (ignored, run in release) timings over 50,000 runners.
use race_results::search::{fold_name, fold_query, Hit, SearchIndex};

fn finds(query: &str, name: &str) -> bool {
    let index = SearchIndex::build([("", name)]);
    !index.search(query, |_| true).is_empty()
}

/// (query, name, should find). Each group names the rule it checks.
const TABLE: &[(&str, &str, bool)] = &[
    // Case and accents folded.
    ("jose garcia", "José García", true),
    ("GARCIA", "José García", true),
    ("Francois", "François Dupré", true),
    ("dupre", "François Dupré", true),
    ("Dvorak", "Antonín Dvořák", true),
    ("Nguyen Anh", "Nguyễn Thị Ánh", true),
    ("nunez", "Rafael Núñez", true),
    ("Capek", "Karel Čapek", true),
    ("Sahin", "Yıldız Şahin", true),
    ("yildiz", "Yıldız Şahin", true),
    // Letters that decomposition does not fold.
    ("lukasz zolc", "Łukasz Żółć", true),
    ("soren", "Søren Kierkegaard", true),
    ("soeren", "Søren Kierkegaard", true),
    ("strauss", "Johann Strauß", true),
    ("straus", "Johann Strauß", true),
    ("aesa odegard", "Æsa Ødegård", true),
    ("boeuf", "Jean Bœuf", true),
    ("thor gudmundsson", "Þór Guðmundsson", true),
    ("dokovic", "Novak Đoković", true),
    ("djokovic", "Novak Đoković", true),
    // Umlauts: plain vowel or vowel + e.
    ("muller", "Jürgen Müller", true),
    ("mueller", "Jürgen Müller", true),
    ("Müller", "Juergen Mueller", true),
    ("ozil", "Mesut Özil", true),
    // ё = е, й = и.
    ("Семен", "Семён Петров", true),
    ("Семён", "Семен Петров", true),
    ("Андреи", "Андрей Быков", true),
    ("Fedor", "Фёдор Смирнов", true),
    ("Fyodor", "Фёдор Смирнов", true),
    // ё = е both ways in every position (start, after a vowel, after a consonant), and
    // ё = yo for Uzbek and romanized names.
    ("Алена Елкина", "Алёна Ёлкина", true),
    ("Елкина", "Ёлкина", true),
    ("Елк", "Ёлкина", true),
    ("Ёлкина", "Елкина", true),
    ("Ёлк", "Елкина Анна", true),
    ("Федор", "Фёдор", true),
    ("Fedor", "Фёдор", true),
    ("Yolkina", "Ёлкина", true),
    ("Elkina", "Ёлкина", true),
    ("Yoqub", "Ёқуб", true),
    ("Ёқуб", "Yoqub", true),
    ("Бахтиер", "Бахтиёр", true),
    ("Бахтиёр", "Baxtiyor", true),
    ("Ёлкина", "Yolkina", true),
    ("Воробьев", "Воробьёв", true),
    ("Vorobyov", "Воробьёв", true),
    // ё is е or yo, not и or о (four letters: no typo to hide behind).
    ("Ёлка", "Илка Петрова", false),
    ("Сёма", "Сома Иванов", false),
    // Cyrillic and Latin both ways, with the usual romanizations.
    ("Амангос", "Islam Amangos", true),
    ("Davlatov", "Давлатов Рустам", true),
    ("Zhanna", "Жанна Иванова", true),
    ("Janna", "Жанна Иванова", true),
    ("Жанна", "Zhanna Ivanova", true),
    ("Akhmetov", "Хамит Ахметов", true),
    ("Ahmetov Hamit", "Хамит Ахметов", true),
    ("Khamit", "Hamit Ahmetov", true),
    ("Ahme Ham", "Хамит Ахметов", true),
    ("Akhm", "Ahmetov Hamit", true),
    ("Shchukin", "Щукин Олег", true),
    ("Tsoi", "Цой Виктор", true),
    ("Victor", "Цой Виктор", true),
    ("Chingiz", "Чингиз Айтматов", true),
    ("Yulia", "Юлия Ким", true),
    ("Iuliia", "Юлия Ким", true),
    ("Yuliya", "Юлия Ким", true),
    ("Mariya", "Мария Ли", true),
    ("Yevgeniy", "Евгений Орлов", true),
    ("Evgeny", "Евгений Орлов", true),
    ("Ерлан", "Yerlan Sarsenov", true),
    ("Dmitry", "Дмитрий Соколов", true),
    ("Dmitrii", "Dmitriy Sokolov", true),
    ("Sergei Alexeyev", "Сергей Алексеев", true),
    ("Эльдар", "Eldar Ryazanov", true),
    // Kazakh letters.
    ("Aliya", "Әлия Нұрланқызы", true),
    ("Aeliya", "Әлия Нұрланқызы", true),
    ("Nurlanqyzy", "Әлия Нұрланқызы", true),
    ("Zhanabek", "Жаңабек Төлеген", true),
    ("Zhangabek", "Жаңабек Төлеген", true),
    ("Toelegen", "Жаңабек Төлеген", true),
    ("Galymzhan Kairatuly", "Ғалымжан Қайратұлы", true),
    ("Ghalymzhan Qayratuly", "Ғалымжан Қайратұлы", true),
    ("Imanbek", "Іманбек Сейітқали", true),
    ("Hakimov", "Һакимов Ерлан", true),
    // Uzbek and Kyrgyz Cyrillic, Uzbek Latin.
    ("O'tkir Hasanov", "Ўткир Ҳасанов", true),
    ("Oʻtkir", "Ўткир Ҳасанов", true),
    ("O‘tkir", "Ўткир Ҳасанов", true),
    ("Xasanov", "Ўткир Ҳасанов", true),
    ("Gʻulom", "Ғулом Мирзаев", true),
    ("G'ulom", "Ғулом Мирзаев", true),
    ("Gulom", "Gʻulom Mirzayev", true),
    ("Xurshid", "Хуршид Каримов", true),
    ("Qodirov Baxtiyor", "Қодиров Бахтиёр", true),
    ("Үмөт", "Umot Asanov", true),
    ("Almazbek", "Алмазбек Атамбаев", true),
    // Word order free; distinct words; every word a prefix.
    ("Amangos Islam", "Islam Amangos", true),
    ("amangos is", "Islam Amangos", true),
    ("Am Is", "Islam Amangos", true),
    ("Ivan Ivan", "Ivan Petrov", false),
    ("Ivan Iv", "Ivan Ivanov", true),
    ("Islam Amangos Ruslan", "Islam Amangos", false),
    // Prefixes: only from the start of a word.
    ("Dan", "Daniyar Seitkali", true),
    ("Ivan", "Ivanka Petrova", true),
    ("Danx", "Daniyar Seitkali", false),
    ("Dana", "Daniyar Seitkali", false),
    ("Sultan", "Nursultan Abishev", false),
    ("kim", "Akim Tasov", false),
    // One typo in words of five letters or more.
    ("Amangoz", "Islam Amangos", true),
    ("Amnagos", "Islam Amangos", true),
    ("Amangs", "Islam Amangos", true),
    ("Amanggos", "Islam Amangos", true),
    ("Ivonov", "Petr Ivanov", true),
    ("Amongaz", "Islam Amangos", false),
    ("Amangos", "Timur Amanov", false),
    ("Ivon", "Ivan Petrov", false),
    ("Asl", "Asel Ibraeva", false),
    // Hyphens, apostrophes, "Last, First".
    ("Jean Pierre", "Jean-Pierre Papin", true),
    ("Pierre", "Jean-Pierre Papin", true),
    ("Jeanpierre", "Jean-Pierre Papin", true),
    ("Abdulrahman", "Abdul-Rahman Ali", true),
    ("Rahman", "Abdul-Rahman Ali", true),
    ("Brien", "Conor O'Brien", true),
    ("OBrien", "Conor O'Brien", true),
    ("O'Brien Conor", "Conor O'Brien", true),
    ("John Smith", "Smith, John", true),
    // A digraph half typed already finds its names.
    ("Z", "Жанна Иванова", true),
    ("Ak", "Хамит Ахметов", true),
    ("S", "Шамиль Басаев", true),
    ("C", "Чингиз Айтматов", true),
    ("T", "Цой Виктор", true),
    ("Y", "Ерлан Сарсенов", true),
    ("Alek", "Alexei Petrov", true),
    // Latin c is k or s (or ц).
    ("Cecilia", "Сесилия Орлова", true),
    ("Marcel", "Марсель Пруст", true),
    ("Viktor", "Victor Hugo", true),
    ("Cvetko", "Цветко Маринов", true),
    // Plain misses.
    ("Petrov", "Ivan Ivanov", false),
    ("Сидоров", "Petrov Ivan", false),
    ("Shamil", "Samir Nasri", false),
    ("Сергей", "Serik Ramos", false),
    ("Ivan", "Ivo Petrov", false),
    ("Nur", "Anur Kaliev", false),
    ("Aliev", "Ismailov Ali", false),
    ("12", "Anna 312", false),
];

#[test]
fn table_of_queries_and_names() {
    assert!(TABLE.len() >= 60);
    let wrong: Vec<String> = TABLE
        .iter()
        .filter(|(q, n, want)| finds(q, n) != *want)
        .map(|(q, n, want)| {
            format!(
                "{q:?} vs {n:?}: want {want}, skeletons {:?} / {:?}",
                fold_query(q),
                fold_name(n)
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn folding_is_shared_by_names_and_queries() {
    for (a, b) in [
        ("Амангос", "Amangos"),
        ("Давлатов", "Davlatov"),
        ("Щукин", "Shchukin"),
        ("Сергей", "Sergei"),
        ("Yuliya", "Iuliia"),
    ] {
        assert_eq!(fold_name(a), fold_name(b));
        assert_eq!(fold_query(a), fold_name(b));
    }
    assert_eq!(fold_name("Smith, John"), "smit john");
    assert_eq!(fold_name("Әлия"), "a(e)lia");
}

fn indexes(hits: &[Hit]) -> Vec<u32> {
    hits.iter().map(|h| h.index).collect()
}

#[test]
fn blank_query_finds_nothing_so_the_ui_shows_all() {
    let index = SearchIndex::build([("1", "Ivan Petrov")]);
    assert!(index.search("", |_| true).is_empty());
    assert!(index.search("   ", |_| true).is_empty());
    assert!(index.search("- , '", |_| true).is_empty());
}

#[test]
fn exact_bib_first_then_bib_prefixes_shorter_first() {
    let index = SearchIndex::build([
        ("1010", "Anna Li"),
        ("101", "Ivan Petrov"),
        ("10100", "Oleg Kim"),
        ("77", "Sara 101"),
    ]);
    let hits = index.search("101", |_| true);
    assert_eq!(indexes(&hits), [1, 0, 2, 3]);
    assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
}

#[test]
fn bibs_match_without_case() {
    let index = SearchIndex::build([("A12", "Anna Li"), ("B7", "Ivan Petrov")]);
    assert_eq!(indexes(&index.search("a12", |_| true)), [0]);
    assert_eq!(indexes(&index.search("#b7", |_| true)), [1]);
    assert_eq!(indexes(&index.search("№ A12", |_| true)), [0]);
}

#[test]
fn exact_word_above_prefix_above_typo() {
    let index = SearchIndex::build([
        ("1", "Marat Amangas"),
        ("2", "Ali Amangosov"),
        ("3", "Islam Amangos"),
        ("4", "Timur Amanov"),
    ]);
    assert_eq!(indexes(&index.search("Amangos", |_| true)), [2, 1, 0]);
}

#[test]
fn in_order_above_any_order_then_shorter_names() {
    let index = SearchIndex::build([
        ("1", "Ivanov Ivan Ivanovich"),
        ("2", "Ivanov Ivan"),
        ("3", "Ivan Ivanov"),
    ]);
    assert_eq!(indexes(&index.search("Ivan Ivanov", |_| true)), [2, 1, 0]);
    assert_eq!(indexes(&index.search("Ivanov Ivan", |_| true)), [1, 0, 2]);
}

#[test]
fn equal_scores_keep_file_order() {
    let index = SearchIndex::build([("1", "Anna Li"), ("2", "Anna Li"), ("3", "Anna Li")]);
    assert_eq!(indexes(&index.search("anna", |_| true)), [0, 1, 2]);
}

#[test]
fn accept_filters_matches() {
    let index = SearchIndex::build([("1", "Anna Li"), ("2", "Anna Kim"), ("3", "Oleg Li")]);
    let asked = std::cell::RefCell::new(Vec::new());
    let hits = index.search("anna", |i| {
        asked.borrow_mut().push(i);
        i != 0
    });
    assert_eq!(indexes(&hits), [1]);
    assert_eq!(
        *asked.borrow(),
        [0, 1],
        "asked only about matching runners, once each"
    );
}

#[test]
fn odd_input_does_not_panic() {
    let long = "а".repeat(500);
    let names = [
        "",
        "   ",
        "'''",
        "-",
        "王伟",
        "🏃‍♀️ Runner",
        long.as_str(),
        "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s",
    ];
    let index = SearchIndex::build(names.iter().map(|n| ("", *n)));
    for q in names
        .iter()
        .chain(["x", "ks", "ʻ", "a a a a a a a a a a a a"].iter())
    {
        let _ = index.search(q, |_| true);
    }
    assert_eq!(indexes(&index.search("王", |_| true)), [4]);
    assert_eq!(indexes(&index.search("a b c d e f g h", |_| true)), [7]);
}

/// 50,000 runners with Kazakh, Russian, Uzbek and foreign names, half in Cyrillic.
fn crowd() -> Vec<(String, String)> {
    const FIRST_CYR: &[&str] = &[
        "Ислам",
        "Нұрлан",
        "Әлия",
        "Жаңабек",
        "Ғалымжан",
        "Айгүл",
        "Дмитрий",
        "Сергей",
        "Юлия",
        "Мария",
        "Ўткир",
        "Бахтиёр",
        "Хуршид",
        "Гулнара",
        "Ерлан",
        "Асель",
        "Фёдор",
        "Алексей",
        "Данияр",
        "Шолпан",
    ];
    const LAST_CYR: &[&str] = &[
        "Амангос",
        "Ахметов",
        "Қайратұлы",
        "Төлеген",
        "Иванова",
        "Петров",
        "Ҳасанов",
        "Каримов",
        "Давлатов",
        "Сейітқали",
        "Щукин",
        "Цой",
        "Ким",
        "Сарсенов",
        "Нұрланқызы",
        "Абдуллаев",
        "Мирзаев",
        "Орлов",
    ];
    const FIRST_LAT: &[&str] = &[
        "Islam",
        "Nurlan",
        "Aliya",
        "Zhanabek",
        "Galymzhan",
        "Aigul",
        "Dmitriy",
        "Sergey",
        "Yuliya",
        "Maria",
        "Otkir",
        "Baxtiyor",
        "Khurshid",
        "José",
        "Jean-Pierre",
        "Søren",
        "Jürgen",
        "Łukasz",
        "Yıldız",
        "Conor",
    ];
    const LAST_LAT: &[&str] = &[
        "Amangos",
        "Akhmetov",
        "Kairatuly",
        "Tolegen",
        "Ivanova",
        "Petrov",
        "Xasanov",
        "Karimov",
        "Davlatov",
        "García",
        "Dupré",
        "Müller",
        "Kierkegaard",
        "O'Brien",
        "Nguyễn",
        "Şahin",
        "Abdullayev",
        "Mirzayev",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    (0..50_000)
        .map(|i| {
            let (first, last) = if i % 2 == 0 {
                (FIRST_CYR, LAST_CYR)
            } else {
                (FIRST_LAT, LAST_LAT)
            };
            // Vary the surnames so the index is not 400 names repeated.
            let suffix = ["", "a", "ov", "ev", "bek", "ulы", "in"][next(7)];
            let name = match next(3) {
                0 => format!(
                    "{} {}{}",
                    last[next(last.len())],
                    first[next(first.len())],
                    suffix
                ),
                _ => format!("{} {}", first[next(first.len())], last[next(last.len())]),
            };
            ((10_000 + i).to_string(), name)
        })
        .collect()
}

#[test]
#[ignore = "timing: cargo test --release --test search_table -- --ignored --nocapture"]
fn fifty_thousand_runners_search_in_milliseconds() {
    use std::time::Instant;
    let crowd = crowd();
    let started = Instant::now();
    let index = SearchIndex::build(crowd.iter().map(|(b, n)| (b.as_str(), n.as_str())));
    println!(
        "build: {:.1} ms for {} runners",
        started.elapsed().as_secs_f64() * 1e3,
        index.len()
    );
    let queries = [
        ("Latin prefix", "Aman"),
        ("Cyrillic prefix", "Аман"),
        ("bib", "12345"),
        ("one typo", "Amangoz"),
        ("two words", "Islam Aman"),
        ("one letter", "A"),
        ("digraph typed", "Zh"),
    ];
    for (what, q) in queries {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..30 {
            let t = Instant::now();
            found = index.search(q, |_| true).len();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{what:>16} {q:>12}: median {:.2} ms, max {:.2} ms, {found} hits",
            times[times.len() / 2],
            times[times.len() - 1]
        );
        assert!(found > 0, "{what}");
    }
}
