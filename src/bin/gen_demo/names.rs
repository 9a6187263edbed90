//! Runners' names: lists per people, feminine surname forms, and the Latin spellings a
//! passport of each country gives. Names are kept in Cyrillic (Uzbek ones in Uzbek
//! Cyrillic) and romanized on the way out, so one list serves both scripts.

/// Whose naming customs a runner follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum People {
    Kazakh,
    Russian,
    Kyrgyz,
    Uzbek,
    /// Index into [`FOREIGNERS`]: written in Latin only.
    Foreign(usize),
}

pub struct NameList {
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    /// Masculine forms; [`feminine_surname`] gives the women's.
    pub surnames: &'static [&'static str],
}

pub fn names_of(people: People) -> &'static NameList {
    match people {
        People::Kazakh => &KAZAKH,
        People::Russian => &RUSSIAN,
        People::Kyrgyz => &KYRGYZ,
        People::Uzbek => &UZBEK,
        People::Foreign(i) => &FOREIGNERS[i % FOREIGNERS.len()].names,
    }
}

/// How a name is written in the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    Cyrillic,
    /// The romanization of the passport of this country (KAZ, RUS, KGZ, UZB).
    Passport(Issuer),
    /// The official Uzbek Latin alphabet, with o‘ and g‘.
    UzbekLatin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issuer {
    Kaz,
    Rus,
    Kgz,
    Uzb,
}

/// Women's form of a surname: Russian-style -ов/-ев/-ин take -а, -ский becomes -ская,
/// Kazakh -ұлы becomes -қызы and Kyrgyz "уулу" becomes "кызы"; others do not change.
pub fn feminine_surname(surname: &str) -> String {
    if let Some(stem) = surname.strip_suffix(" уулу") {
        return format!("{stem} кызы");
    }
    if let Some(stem) = surname.strip_suffix("ұлы") {
        return format!("{stem}қызы");
    }
    for (male, female) in [("ский", "ская"), ("цкий", "цкая")] {
        if let Some(stem) = surname.strip_suffix(male) {
            return format!("{stem}{female}");
        }
    }
    if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|end| surname.ends_with(end))
    {
        return format!("{surname}а");
    }
    surname.to_string()
}

/// Writes a Cyrillic name in the given spelling; characters it has no rule for (spaces,
/// hyphens, Latin letters) pass through.
pub fn spell(name: &str, spelling: Spelling) -> String {
    if spelling == Spelling::Cyrillic {
        return name.to_string();
    }
    let chars: Vec<char> = name.chars().map(lower).collect();
    let mut out = String::with_capacity(name.len() + 8);
    for (i, c) in name.chars().enumerate() {
        let low = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let piece = latin(low, prev, next, spelling);
        match piece {
            None => out.push(c),
            Some(text) if c != low => {
                let mut letters = text.chars();
                if let Some(first) = letters.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(letters.as_str());
                }
            }
            Some(text) => out.push_str(text),
        }
    }
    out
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn is_vowel(c: char) -> bool {
    "аәеёиоөуұүўыіэюя".contains(c)
}

/// The Latin for one lowercase Cyrillic letter in context, or None to keep it as is.
fn latin(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    spelling: Spelling,
) -> Option<&'static str> {
    use Issuer::*;
    use Spelling::*;
    let word_start = prev.is_none_or(|p| !p.is_alphabetic());
    let after_vowel = prev.is_some_and(|p| is_vowel(p) || p == 'ь' || p == 'ъ');
    let uzbek = spelling == UzbekLatin;
    let russia = spelling == Passport(Rus);
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' if uzbek => "g‘",
        'ғ' => "g",
        'д' => "d",
        'е' if !russia && (word_start || after_vowel) => "ye",
        'е' | 'э' => "e",
        'ё' if russia => "e",
        'ё' if !uzbek && prev.is_some_and(|p| "жшчщ".contains(p)) => "o",
        'ё' => "yo",
        'ж' if uzbek || spelling == Passport(Uzb) => "j",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' if uzbek || spelling == Passport(Uzb) => "y",
        'й' => "i",
        'к' => "k",
        'қ' if uzbek => "q",
        'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'ў' if uzbek => "o‘",
        'у' | 'ұ' | 'ү' | 'ў' => "u",
        'п' => "p",
        'р' => "r",
        // Kazakh passports double an s between vowels: Асем -> Assem, Гусарова -> Gussarova.
        'с' if spelling == Passport(Kaz)
            && prev.is_some_and(is_vowel)
            && next.is_some_and(is_vowel) =>
        {
            "ss"
        }
        'с' => "s",
        'т' => "t",
        'ф' => "f",
        'х' if uzbek => "x",
        'ҳ' if uzbek => "h",
        'х' | 'ҳ' => "kh",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' if uzbek => "’",
        'ъ' if russia => "ie",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' if russia => "iu",
        'ю' => "yu",
        'я' if russia => "ia",
        'я' => "ya",
        _ => return None,
    })
}

pub struct Foreigners {
    pub country: &'static str,
    pub cities: &'static [&'static str],
    pub names: NameList,
}

#[rustfmt::skip]
pub const KAZAKH: NameList = NameList {
    male: &[
        "Айдос", "Ерлан", "Нұрлан", "Асқар", "Дәурен", "Ержан", "Бауыржан", "Қайрат", "Серік",
        "Мұрат", "Ғалым", "Әділет", "Абылай", "Арман", "Ерболат", "Жандос", "Талғат", "Ақжол",
        "Бекзат", "Нұрсұлтан", "Дастан", "Әлібек", "Ернар", "Санжар", "Темірлан", "Алмас",
        "Мағжан", "Олжас", "Рауан", "Ілияс", "Нұржан", "Айбек", "Бақытжан", "Ерқанат",
        "Жасұлан", "Қанат", "Ұлан", "Мейірхан", "Дінмұхамед", "Еркебұлан", "Әлихан", "Қуаныш",
        "Мирас", "Шыңғыс", "Төлеген", "Жүсіп", "Өмірзақ",
    ],
    female: &[
        "Айгерім", "Әсел", "Ақмарал", "Гүлнар", "Дана", "Жансая", "Мөлдір", "Ақбота",
        "Назерке", "Сәуле", "Аружан", "Балжан", "Гүлжан", "Дариға", "Жанар", "Қарлығаш",
        "Лаура", "Мадина", "Меруерт", "Нұргүл", "Салтанат", "Томирис", "Үміт", "Шынар", "Айым",
        "Ботагөз", "Гүлназ", "Жібек", "Зарина", "Камила", "Ләззат", "Мақпал", "Перизат",
        "Раушан", "Сымбат", "Толғанай", "Ұлжан", "Іңкәр", "Айжан", "Динара", "Әлия", "Әсем",
        "Қымбат", "Нұрай", "Айнұр", "Алтынай", "Баян", "Ғалия", "Гауһар",
    ],
    surnames: &[
        "Ахметов", "Жұмабаев", "Нұрланов", "Сейітов", "Оспанов", "Қасымов", "Әбенов",
        "Төлеуов", "Ибраев", "Серікбаев", "Бекмұхамбетов", "Құрманғалиев", "Жақсылықов",
        "Садықов", "Әміров", "Мұқанов", "Ержанов", "Тоқтаров", "Байжанов", "Қалиев", "Есенов",
        "Тұрсынов", "Исаев", "Мамыров", "Жанұзақов", "Смағұлов", "Ғабдуллин", "Нұрпейісов",
        "Сәрсенбаев", "Омаров", "Дүйсенов", "Құдайбергенов", "Өтепов", "Шәкенов", "Рахымжанов",
        "Бейсенов", "Үсенов", "Хасенов", "Ізбасаров", "Тоқаш", "Сейтқали", "Нұрмағамбет",
        "Қадыр", "Әбу", "Ермекұлы", "Бақытұлы",
    ],
};

#[rustfmt::skip]
pub const RUSSIAN: NameList = NameList {
    male: &[
        "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван",
        "Михаил", "Артём", "Никита", "Владимир", "Николай", "Павел", "Роман", "Денис", "Игорь",
        "Олег", "Константин", "Виктор", "Юрий", "Антон", "Кирилл", "Илья", "Егор", "Вадим",
        "Виталий", "Станислав", "Григорий", "Фёдор", "Пётр", "Глеб", "Степан", "Ярослав",
        "Леонид", "Валерий", "Борис", "Геннадий", "Анатолий", "Вячеслав", "Даниил", "Аркадий",
        "Семён", "Тимофей",
    ],
    female: &[
        "Анна", "Елена", "Ольга", "Наталья", "Екатерина", "Мария", "Татьяна", "Ирина",
        "Светлана", "Юлия", "Анастасия", "Дарья", "Ксения", "Алёна", "Марина", "Виктория",
        "Евгения", "Галина", "Людмила", "Надежда", "Вера", "Любовь", "Полина", "Софья",
        "Александра", "Валерия", "Кристина", "Алина", "Елизавета", "Яна", "Оксана", "Лариса",
        "Жанна", "Вероника", "Маргарита", "Диана", "Ульяна", "Милана", "Снежана", "Олеся",
        "Тамара", "Инна", "Эльвира", "Василиса",
    ],
    surnames: &[
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
        "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
        "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
        "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов",
        "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв",
        "Гусев", "Ёлкин", "Ильин", "Белоусов", "Островский", "Высоцкий", "Шевченко",
        "Бондаренко", "Ким", "Пак", "Цой", "Тен", "Шмидт", "Вебер",
    ],
};

#[rustfmt::skip]
pub const KYRGYZ: NameList = NameList {
    male: &[
        "Азамат", "Айбек", "Алмаз", "Бакыт", "Бекболот", "Данияр", "Жыргалбек", "Канат",
        "Кубанычбек", "Марат", "Нурбек", "Талант", "Улан", "Эрлан", "Чыңгыз", "Адилет", "Атай",
        "Бакай", "Мирлан", "Нурлан", "Руслан", "Санжар", "Тилек", "Уланбек", "Эмил", "Жоомарт",
        "Манас", "Темирлан", "Актан", "Бектур", "Замир", "Исмаил", "Калыс", "Максат",
        "Нурсултан", "Өмүрбек", "Сүйүнбек", "Үсөн", "Элдияр", "Жаныбек", "Асылбек",
        "Курманбек", "Таалайбек", "Эрмек",
    ],
    female: &[
        "Айпери", "Айзада", "Бермет", "Гүлзат", "Жылдыз", "Нургүл", "Чолпон", "Элнура",
        "Айсулуу", "Асел", "Бактыгүл", "Динара", "Жибек", "Каныкей", "Мээрим", "Назира",
        "Нуриза", "Салтанат", "Толгонай", "Үмүт", "Элвира", "Айнура", "Айжаркын", "Бегимай",
        "Гүлнара", "Жамила", "Камила", "Нурай", "Сезим", "Тынара", "Чынара", "Элмира",
        "Алтынай", "Аруузат", "Бурул", "Гүлайым", "Керемет", "Мадина", "Нурзат", "Айганыш",
        "Зуура", "Күмүшай", "Айкөл",
    ],
    surnames: &[
        "Асанов", "Токтогулов", "Жумабеков", "Осмонов", "Сыдыков", "Абдыкадыров", "Мамытов",
        "Турдубаев", "Бакиров", "Эсенов", "Кадыров", "Сатыбалдиев", "Алымкулов", "Молдокматов",
        "Бейшеналиев", "Токтосунов", "Жээнбеков", "Акматов", "Үсөнов", "Орозбеков",
        "Чолпонкулов", "Дүйшөнбиев", "Сооронбаев", "Кубатбеков", "Шаршенов", "Табалдиев",
        "Эгембердиев", "Иманалиев", "Кенжебаев", "Өмүрбеков", "Борубаев", "Исаков", "Жапаров",
        "Мукашев", "Нурбеков", "Абдраимов", "Ташиев", "Калыков", "Байсалов", "Таалай уулу",
        "Бакыт уулу", "Мирлан уулу", "Марат уулу", "Эрмек уулу",
    ],
};

#[rustfmt::skip]
pub const UZBEK: NameList = NameList {
    male: &[
        "Жасур", "Бобур", "Улуғбек", "Санжар", "Отабек", "Ғайрат", "Ўткир", "Азиз", "Достон",
        "Жамшид", "Фаррух", "Шерзод", "Дилшод", "Нодир", "Рустам", "Сардор", "Тимур", "Ислом",
        "Акмал", "Бахтиёр", "Баҳодир", "Дилмурод", "Элёр", "Жаҳонгир", "Зафар", "Лазиз",
        "Мансур", "Музаффар", "Нуриддин", "Озод", "Равшан", "Сарвар", "Умид", "Фозил",
        "Хуршид", "Шуҳрат", "Эркин", "Абдулла", "Ҳасан", "Ҳусан", "Ўктам", "Ғолиб", "Қаҳрамон",
        "Шоҳруҳ",
    ],
    female: &[
        "Дилноза", "Гулноза", "Малика", "Нигора", "Шаҳноза", "Зарина", "Мадина", "Феруза",
        "Сабина", "Нилуфар", "Гулчеҳра", "Дилфуза", "Юлдуз", "Моҳира", "Севара", "Лола",
        "Нодира", "Ойдин", "Барно", "Гўзал", "Зулфия", "Камола", "Муниса", "Нафиса", "Озода",
        "Раъно", "Сайёра", "Умида", "Фотима", "Ҳилола", "Шоира", "Ширин", "Дурдона", "Гулшан",
        "Мафтуна", "Меҳрибон", "Нозима", "Ўғилой", "Санобар", "Зебо", "Азиза", "Муқаддас",
        "Гулбаҳор", "Шаҳло",
    ],
    surnames: &[
        "Давлатов", "Каримов", "Раҳимов", "Юсупов", "Тошматов", "Абдуллаев", "Ҳолматов",
        "Назаров", "Алимов", "Турсунов", "Исмоилов", "Усмонов", "Мирзаев", "Эргашев", "Жўраев",
        "Қодиров", "Султонов", "Маҳмудов", "Раҳмонов", "Саидов", "Ўткиров", "Ғуломов",
        "Норматов", "Абдураҳмонов", "Бобоев", "Ҳайдаров", "Тожиев", "Шарипов", "Азимов",
        "Файзуллаев", "Ҳасанов", "Ниёзов", "Қосимов", "Умаров", "Мўминов", "Зокиров", "Олимов",
        "Йўлдошев", "Шукуров", "Мусаев", "Аҳмедов", "Иброҳимов", "Салимов", "Ғаниев",
    ],
};

/// Guests from further away, written as their own passports spell them.
#[rustfmt::skip]
pub const FOREIGNERS: [Foreigners; 4] = [
    Foreigners {
        country: "TUR",
        cities: &["Istanbul", "Ankara", "İzmir"],
        names: NameList {
            male: &[
                "Mehmet", "Mustafa", "Emre", "Burak", "Oğuz", "Çağlar", "Hakan", "Murat", "Serkan",
                "İsmail",
            ],
            female: &[
                "Ayşe", "Elif", "Zeynep", "Büşra", "Gülşen", "İrem", "Merve", "Derya", "Şeyma",
                "Özge",
            ],
            surnames: &[
                "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan",
                "Koç",
            ],
        },
    },
    Foreigners {
        country: "GER",
        cities: &["Berlin", "München", "Hamburg"],
        names: NameList {
            male: &[
                "Thomas", "Jürgen", "Lukas", "Felix", "Matthias", "Jörg", "Stefan", "Andreas",
                "Tobias", "Björn",
            ],
            female: &[
                "Anna", "Katrin", "Lena", "Sabine", "Jana", "Lea", "Jutta", "Franziska",
                "Sophie", "Ute",
            ],
            surnames: &[
                "Müller", "Schmidt", "Weber", "Becker", "Groß", "Schäfer", "Köhler", "Wagner",
                "Hoffmann", "Krüger",
            ],
        },
    },
    Foreigners {
        country: "GBR",
        cities: &["London", "Manchester", "Edinburgh"],
        names: NameList {
            male: &[
                "James", "Oliver", "Harry", "Daniel", "George", "Thomas", "William", "Jack",
                "Samuel", "Owen",
            ],
            female: &[
                "Emma", "Sophie", "Charlotte", "Hannah", "Zoë", "Amelia", "Grace", "Lucy",
                "Chloe", "Megan",
            ],
            surnames: &[
                "Smith", "Wilson", "Taylor", "Brown", "Evans", "O'Connor", "Walker", "Hughes",
                "Clarke", "Murphy",
            ],
        },
    },
    Foreigners {
        country: "KOR",
        cities: &["Seoul", "Busan", "Incheon"],
        names: NameList {
            male: &[
                "Min-jun", "Ji-hoon", "Seo-jun", "Hyun-woo", "Do-yoon", "Sung-min", "Jae-won",
                "Dong-hyun", "Young-ho", "Tae-yang",
            ],
            female: &[
                "Ji-woo", "Seo-yeon", "Min-ji", "Ha-eun", "Soo-ah", "Ye-jin", "Eun-ji", "Hye-jin",
                "Su-bin", "Da-eun",
            ],
            surnames: &[
                "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han",
            ],
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use Issuer::*;
    use Spelling::*;

    #[test]
    fn romanizes_like_the_passports() {
        let table = [
            ("Асем Қабидолданова", Passport(Kaz), "Assem Kabidoldanova"),
            ("Дана Гусарова", Passport(Kaz), "Dana Gussarova"),
            ("Ерлан Исаев", Passport(Kaz), "Yerlan Issayev"),
            ("Айгерім Әбенова", Passport(Kaz), "Aigerim Abenova"),
            ("Жансая Хасенова", Passport(Kaz), "Zhansaya Khassenova"),
            ("Алёна Ёлкина", Passport(Kaz), "Alyona Yolkina"),
            ("Пётр Шевченко", Passport(Kaz), "Pyotr Shevchenko"),
            ("Юлия Ильина", Passport(Rus), "Iuliia Ilina"),
            ("Сергей Алексеев", Passport(Rus), "Sergei Alekseev"),
            (
                "Жылдыз Чолпонкулова",
                Passport(Kgz),
                "Zhyldyz Cholponkulova",
            ),
            ("Чыңгыз Таалай уулу", Passport(Kgz), "Chyngyz Taalai uulu"),
            ("Асел Исакова", Passport(Kgz), "Asel Isakova"),
            ("Шоҳруҳ Давлатов", Passport(Uzb), "Shokhrukh Davlatov"),
            ("Жасур Йўлдошев", Passport(Uzb), "Jasur Yuldoshev"),
            ("Ғайрат Ўткиров", UzbekLatin, "G‘ayrat O‘tkirov"),
            ("Шаҳноза Қодирова", UzbekLatin, "Shahnoza Qodirova"),
            ("Раъно Хуршидова", UzbekLatin, "Ra’no Xurshidova"),
            ("Элёр Эргашев", UzbekLatin, "Elyor Ergashev"),
            ("Иван Ким", Cyrillic, "Иван Ким"),
        ];
        for (cyrillic, spelling, latin) in table {
            assert_eq!(spell(cyrillic, spelling), latin, "{cyrillic} {spelling:?}");
        }
    }

    #[test]
    fn women_get_feminine_surnames() {
        let table = [
            ("Гусаров", "Гусарова"),
            ("Алексеев", "Алексеева"),
            ("Соловьёв", "Соловьёва"),
            ("Ильин", "Ильина"),
            ("Островский", "Островская"),
            ("Высоцкий", "Высоцкая"),
            ("Ермекұлы", "Ермекқызы"),
            ("Таалай уулу", "Таалай кызы"),
            ("Ким", "Ким"),
            ("Шевченко", "Шевченко"),
            ("Тоқаш", "Тоқаш"),
            ("Шмидт", "Шмидт"),
        ];
        for (male, female) in table {
            assert_eq!(feminine_surname(male), female);
        }
    }

    #[test]
    fn every_people_has_enough_names() {
        for list in [&KAZAKH, &RUSSIAN, &KYRGYZ, &UZBEK] {
            assert!(list.male.len() >= 40 && list.female.len() >= 40 && list.surnames.len() >= 40);
        }
        for list in FOREIGNERS.iter().map(|f| &f.names) {
            assert!(!list.male.is_empty() && !list.female.is_empty() && !list.surnames.is_empty());
        }
    }

    #[test]
    fn every_cyrillic_letter_has_a_latin_form() {
        let lists = [&KAZAKH, &RUSSIAN, &KYRGYZ, &UZBEK];
        for spelling in [
            Passport(Kaz),
            Passport(Rus),
            Passport(Kgz),
            Passport(Uzb),
            UzbekLatin,
        ] {
            for list in lists {
                for name in list.male.iter().chain(list.female).chain(list.surnames) {
                    let latin = spell(name, spelling);
                    let latin_f = spell(&feminine_surname(name), spelling);
                    for text in [&latin, &latin_f] {
                        assert!(
                            text.chars().all(|c| !('\u{400}'..='\u{4FF}').contains(&c)),
                            "{name} -> {text}"
                        );
                    }
                }
            }
        }
    }
}
