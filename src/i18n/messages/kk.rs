//! Kazakh texts of problems, errors and notes.
use super::*;

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Text => "қос тырнақшадағы мәтін",
        Kind::Number => "сан, мысалы 42.195",
        Kind::WholeNumber => "бүтін сан, мысалы 1995",
        Kind::Time => "\"2:25:31\" түріндегі уақыт немесе секунд саны",
        Kind::TrueFalse => "true немесе false",
        Kind::Object => "объект { … }",
        Kind::List => "тізім [ … ]",
    }
}

pub fn problem(p: &Problem) -> String {
    use Problem::*;
    match p {
        NoFormatField => "Файлда \"format\" өрісі жоқ, сондықтан ол results/v1 ретінде \
            оқылды. Басына \"format\": \"results/v1\" қосыңыз."
            .into(),
        WrongType { expected, found } => format!(
            "Күтілгені: {}, берілгені: {found}. Мән ескерілмеді.",
            kind(*expected)
        ),
        ConvertedType { expected, found } => format!(
            "Күтілгені: {k}, берілгені: {found}. Мән түрлендіріліп алынды. \
             Оны былай жазыңыз: {k}.",
            k = kind(*expected)
        ),
        DuplicateKey => "Бұл өріс бір объектіде екі рет жазылған; соңғы мәні алынды. \
            Артығын өшіріңіз."
            .into(),
        BadDate(v) => {
            format!("\"{v}\" күні жарамсыз: ЖЖЖЖ-АА-КК пішімін қолданыңыз, мысалы 2021-09-26.")
        }
        BadUtcOffset(v) => {
            format!("\"{v}\" UTC ығысуы жарамсыз: +СС:ММ пішімін қолданыңыз, мысалы +06:00.")
        }
        BadTimestamp(v) => format!(
            "\"{v}\" уақыт белгісі жарамсыз: RFC 3339 пішімін қолданыңыз, \
             мысалы 2021-09-26T16:00:00+06:00."
        ),
        UnknownEventStatus(v) => format!(
            "\"{v}\" мәртебесі белгісіз, сондықтан нәтижелер алдын ала нәтиже ретінде \
             көрсетіледі. \"official\" немесе \"provisional\" деп жазыңыз."
        ),
        EntryNotObject(v) => {
            format!("Бұл жазба {{ … }} объектісі емес, ол {v}, сондықтан өткізіп жіберілді.")
        }
        MissingDistanceId => "Бұл қашықтықтың \"id\" өрісі жоқ, сондықтан оған бірде-бір \
            нәтиже сілтей алмайды, ол өткізіп жіберілді. Бірегей id қосыңыз, мысалы \"42k\"."
            .into(),
        DuplicateDistanceId(v) => format!(
            "\"{v}\" қашықтық id-і екі рет қолданылған; екінші қашықтық өткізіп жіберілді. \
             Әр қашықтыққа жеке id беріңіз."
        ),
        MissingDistanceName => {
            "Бұл қашықтықтың \"name\" атауы жоқ; оның орнына id көрсетіледі.".into()
        }
        BadKm(v) => format!(
            "\"{v}\" километрдің оң саны емес, сондықтан қарқын көрсетілмейді. \
             Мысалы, 42.195 деп жазыңыз."
        ),
        BadStart(v) => format!(
            "\"{v}\" старт уақыты жарамсыз: 07:30:00 сияқты тәулік уақытын немесе \
             2021-09-26T07:30:00+06:00 сияқты уақыт белгісін жазыңыз."
        ),
        UnknownRanking(v) => format!(
            "\"{v}\" есептеу тәсілі белгісіз, сондықтан орындар таза уақыт бойынша \
             есептеледі. \"chip\" немесе \"gun\" деп жазыңыз."
        ),
        MissingSplitId => {
            "Бұл аралық нүктенің \"id\" өрісі жоқ, сондықтан ол өткізіп жіберілді.".into()
        }
        DuplicateSplitId(v) => format!(
            "\"{v}\" аралық нүкте id-і бұл қашықтықта екі рет қолданылған; екіншісі \
             өткізіп жіберілді."
        ),
        BadAwards(v) => format!(
            "\"{v}\" марапаттау параметрі жарамсыз, сондықтан әдепкі мән алынды. \
             places (бүтін сан), by (\"sex\" немесе \"overall\") және prizes (бүтін \
             сомалар) өрістерін тексеріңіз."
        ),
        // Командалық есеп пен эстафеталармен бірге қосылған.
        BadAgeGrading(v) => format!(
            "Жас коэффициенттері кестесінің «{v}» мәні жарамсыз, сондықтан бұл кесте \
             қолданылмайды және оның қатысушылары жас рейтингінсіз қалады. Керегі: km, \
             sex (\"M\" немесе \"F\"), open (уақыт), first_age және factors (0-ден \
             үлкен, 1-ден аспайтын сандар)."
        ),
        BadTeams(v) => format!(
            "\"{v}\" командалық есеп параметрі жарамсыз, сондықтан әдепкі мән алынды \
             (немесе топ өткізілді). by (\"club\" немесе \"team\"), scorers, score \
             (\"places\" немесе \"times\"), tie_break және топ id-лерін тексеріңіз."
        ),
        RowNotObject(v) => format!(
            "Бұл нәтиже {{ … }} объектісі емес, ол {v}, сондықтан оны көрсету мүмкін емес. \
             Әр нәтиже bib, name және distance өрістері бар объект болуы керек."
        ),
        MissingBib => "Бұл нәтиженің нөмірі жоқ. \"bib\" қосыңыз.".into(),
        DuplicateBib { first_row } => format!(
            "Бұл нөмір {}-жолда да қолданылған. Екі нәтиже де көрсетіледі: қайсысы дұрыс \
             екенін тексеріңіз.",
            first_row + 1
        ),
        MissingName => "Бұл нәтиженің аты-жөні жоқ. \"name\" қосыңыз.".into(),
        MissingDistance => "Бұл нәтижеде қашықтық көрсетілмеген, сондықтан оған орын \
            берілмейді. \"distance\" өрісіне қашықтық id-лерінің бірін жазыңыз."
            .into(),
        UnknownDistance(v) => format!(
            "\"{v}\" қашықтығы \"distances\" ішінде сипатталмаған, сондықтан бұл нәтижеге \
             орын берілмейді. Қашықтық id-лерінің бірін жазыңыз немесе бұл қашықтықты \
             қосыңыз."
        ),
        UnknownSex(v) => format!("\"{v}\" жынысы белгісіз: M, F немесе X деп жазыңыз."),
        UnknownStatus(v) => format!(
            "\"{v}\" мәртебесі белгісіз, сондықтан мәртебе уақыттар бойынша анықталды. \
             finished, dnf, dns немесе dsq деп жазыңыз."
        ),
        BadBirthYear(v) => {
            format!("\"{v}\" туған жылы жарамсыз: төрт цифрмен жазыңыз, мысалы 1995.")
        }
        BadAge(v) => format!("\"{v}\" жасы жарамсыз: жасты бүтін санмен жазыңыз, мысалы 34."),
        BadPlace(v) => {
            format!("\"{v}\" орны жарамсыз: 1-ден бастап бүтін сан жазыңыз.")
        }
        PlaceWithoutFinish => "Бұл нәтижеде ресми орын көрсетілген, бірақ жүгіруші мәреге \
            жетпеген; орын ескерілмейді."
            .into(),
        BadTime(v) => {
            format!("\"{v}\" уақыты жарамсыз: С:ММ:СС пішімін қолданыңыз, мысалы 2:25:31.")
        }
        NegativeTime(v) => {
            format!("\"{v}\" уақыты теріс: жұмсалған уақытты жазыңыз, мысалы 2:25:31.")
        }
        FinishedWithoutTime => "Мәртебесі \"finished\", бірақ таза да, жалпы да уақыт жоқ, \
            сондықтан жүгірушіге орын берілмейді. Уақытты қосыңыз немесе мәртебені \
            өзгертіңіз."
            .into(),
        RankingTimeMissing { used } => match used {
            Ranking::Gun => "Бұл қашықтық таза уақыт бойынша есептеледі, бірақ бұл \
                нәтижеде ол жоқ: орын үшін жалпы уақыт алынды."
                .into(),
            Ranking::Chip => "Бұл қашықтық жалпы уақыт бойынша есептеледі, бірақ бұл \
                нәтижеде ол жоқ: орын үшін таза уақыт алынды."
                .into(),
        },
        GunFasterThanChip => "Жалпы уақыт таза уақыттан аз, бұлай болмайды: екеуінің орны \
            ауысып кеткен жоқ па?"
            .into(),
        UnknownSplit(v) => format!(
            "\"{v}\" аралық нүктесі бұл нәтиженің қашықтығында сипатталмаған, сондықтан \
             оның уақыты ескерілмейді."
        ),
        SplitsOutOfOrder => "Бұл аралық нүкте трасса ретін бұзады: ол алдында тұрған \
            нүктеден ерте немесе мәреден кейін. Аралық уақыттарды тексеріңіз."
            .into(),
        OfficialPlacesIncomplete { distance, missing } => format!(
            "\"{distance}\" қашықтығында ресми орны жоқ мәреге жеткендер саны: {missing}, \
             сондықтан бүкіл қашықтыққа есептелген орындар көрсетіледі. \"place\" өрісін \
             мәреге жеткендердің бәріне беріңіз немесе ешқайсысына бермеңіз."
        ),
        LegsOutsideRelay => "Бұл нәтижеде \"legs\" бар, бірақ оның қашықтығы эстафета \
            емес (\"relay\": true), сондықтан кезеңдер ескерілмейді."
            .into(),
        LegTimesDisagree(v) => format!(
            "Кезеңдердің уақыты қосқанда {v} болады, бұл команданың уақыты емес. \
             Кезеңдерді және команданың уақытын тексеріңіз."
        ),
    }
}

fn syntax(r: &JsonSyntax) -> String {
    match r {
        JsonSyntax::UnexpectedEnd => {
            "файл тым ерте аяқталады (мән толық емес немесе жақша жабылмаған)".into()
        }
        JsonSyntax::TrailingComma => "жабатын жақшаның алдында үтір тұр: оны өшіріңіз".into(),
        JsonSyntax::MissingComma => "үтір немесе жабатын жақша жетіспейді".into(),
        JsonSyntax::MissingColon => "кілттен кейін қос нүкте (:) жетіспейді".into(),
        JsonSyntax::KeyNotString => "кілттер қос тырнақшада болуы керек".into(),
        JsonSyntax::ExpectedValue => "мұнда мән күтілген: мәтін қос тырнақшамен жазылады; \
            дара тырнақша, NaN және тырнақшасыз сөздер JSON-да жарамсыз"
            .into(),
        JsonSyntax::TrailingCharacters => "JSON құжаты аяқталғаннан кейін артық мәтін бар".into(),
        JsonSyntax::BadEscape => "кері көлбеу сызықпен жарамсыз таңба жазылған".into(),
        JsonSyntax::ControlCharacter => {
            "мәтін ішінде жол ауысуы немесе табуляция бар: оларды \\n немесе \\t деп жазыңыз".into()
        }
        JsonSyntax::BadNumber => "JSON сақтай алмайтын сан".into(),
        JsonSyntax::Other(s) => s.clone(),
    }
}

pub fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::Empty => "Файл бос.".into(),
        LoadError::TooLarge {
            size_bytes,
            limit_bytes,
        } => format!(
            "Файл көлемі {} МБ; қарау құралы {} МБ-қа дейінгі файлдарды ашады.",
            megabytes(*size_bytes as u64),
            megabytes(*limit_bytes as u64)
        ),
        LoadError::Utf16 => {
            "Файл UTF-16 кодтауында сақталған. Оны UTF-8 кодтауында қайта сақтаңыз.".into()
        }
        LoadError::NotUtf8 { offset } => format!(
            "Файл UTF-8 кодтауында емес ({offset}-байтта қате байттар). Оны UTF-8 \
             кодтауында сақтаңыз."
        ),
        LoadError::LooksLikeHtml => "Бұл нәтижелер файлы емес, веб-бет. Мекенжайды \
            тексеріңіз: файл ол жерде болмауы мүмкін."
            .into(),
        LoadError::NotJson {
            line,
            column,
            reason,
        } => format!(
            "Файл дұрыс JSON емес: {line}-жол, {column}-баған: {}.",
            syntax(reason)
        ),
        LoadError::TooDeep { line, column } => {
            format!("Файлдағы кірістіру тым терең ({line}-жол, {column}-баған).")
        }
        LoadError::RootNotObject => "Файл \"event\", \"distances\" және \"results\" бөлімдері \
            бар бір JSON объектісі { … } болуы керек."
            .into(),
        LoadError::MissingSection(s) => format!(
            "Файлда \"{s}\" бөлімі жоқ немесе оның түрі қате. Нәтижелер файлына \
             \"event\" {{ … }}, \"distances\" [ … ] және \"results\" [ … ] керек."
        ),
        LoadError::UnknownFormat(v) => format!(
            "Файл \"{v}\" пішімінде, оны бұл қарау құралы білмейді: ол \"results/v1\" \
             пішімін оқиды. Жаңарақ нұсқасы бұл файлды оқи алуы мүмкін."
        ),
        LoadError::MissingEventName => {
            "Іс-шараның атауы жоқ. \"event\" ішіне \"name\" қосыңыз.".into()
        }
    }
}

pub fn fetch_error(e: &FetchError) -> String {
    match e {
        FetchError::NotAllowed(src) => format!(
            "\"{src}\" мекенжайын ашуға болмайды: тек салыстырмалы немесе http(s) мекенжайлары \
             жарайды."
        ),
        FetchError::Http { url, status } => format!(
            "Сервер {url} сұрауына {status} қатесімен жауап берді. Файл мекенжайын тексеріңіз."
        ),
        FetchError::Network { url } => format!(
            "{url} жүктеп алу мүмкін болмады. Байланысты және мекенжайды тексеріңіз; басқа \
             сайттағы файл басқа сайттардан оқуға рұқсат беруі керек (CORS)."
        ),
        FetchError::FileRead { name } => {
            format!("{name} файлын осы құрылғыдан оқу мүмкін болмады.")
        }
        FetchError::TooLarge { bytes, limit } => format!(
            "Файл көлемі {} МБ; қарау құралы {} МБ-қа дейінгі файлдарды ашады.",
            format_int(megabytes(*bytes), Lang::Kk),
            format_int(limit / (1 << 20), Lang::Kk)
        ),
        FetchError::Cancelled => "Жүктеу тоқтатылды. Файлды ашыңыз немесе қайталау үшін бетті \
            қайта жүктеңіз."
            .into(),
        FetchError::ForeignOrigin(origin) => format!(
            "Бұл нәтижелер {origin} сайтында орналасқан, ал бұл сайт ол жерден нәтиже \
             көрсетпейді. Егер сіз ұйымдастырушы болсаңыз және нәтижелерді {origin} сайтында \
             сақтасаңыз, қарау құралын жариялағанда сол көзге рұқсат беріңіз: оны index.html \
             файлының results-origins жолына қосыңыз (қарау құралының README файлын қараңыз)."
        ),
    }
}

pub fn age_tables_error(e: &AgeTablesError) -> String {
    match e {
        AgeTablesError::Unreadable(e) => import_error(e),
        AgeTablesError::CannotRead => "Файлды құрылғыдан оқу мүмкін болмады.".into(),
        AgeTablesError::BadSex(s) => {
            format!("«{s}» кестенің жынысы емес: M (ерлер) немесе F (әйелдер) деп жазыңыз.")
        }
        AgeTablesError::UnknownSex => "Бұл кесте ерлерге ме, әйелдерге ме, белгісіз: файл \
            атына Male немесе Female сөзін қосыңыз."
            .into(),
        AgeTablesError::NoDistanceRow => "Қашықтықтар жолы жоқ: «Distance» (км) немесе \
            «Age» (қашықтық атаулары) сөзінен басталатын жол керек."
            .into(),
        AgeTablesError::NoOpenRow => "Абсолют нормативтер жолы жоқ: «OC sec» немесе «OC» \
            сөзінен басталатын жол керек."
            .into(),
        AgeTablesError::NoAgeRows => "Жас коэффициенттерінің жолдары жоқ: 5 немесе 40 \
            сияқты жастан басталатын жолдар керек."
            .into(),
        AgeTablesError::AgeGap { age, after } => {
            format!("Жастар әр жылға бір жолдан емес: {after} жасынан кейін {age}.")
        }
        AgeTablesError::BadFactor { age, km } => {
            format!("{age} жас, {km} км коэффициенті 0-ден үлкен және 1-ден аспайтын сан емес.")
        }
        AgeTablesError::NoColumns => {
            "Бірде-бір бағанда қашықтық пен абсолют норматив бірге жоқ.".into()
        }
        AgeTablesError::CoversNone => "Бұл кестелер жарыстың бірде-бір қашықтығына сәйкес \
            келмейді (немесе қашықтықтардың км ұзындығы көрсетілмеген)."
            .into(),
    }
}

pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::Empty => "Файл бос: импорттайтын ештеңе жоқ.".into(),
        ImportError::NotText => "Бұл мәтіндік файл емес (кесте немесе сурет пе?). Оны CSV \
            (UTF-8) немесе IOF XML ретінде сақтап, қайта ашыңыз."
            .into(),
        ImportError::Xml {
            line,
            column,
            message,
        } => format!(
            "XML файлы {line}-жолдың {column}-бағанында бүлінген, сондықтан оны импорттау \
             мүмкін емес. XML оқу құралының хабары: {message}."
        ),
        ImportError::NotResultList(root) => format!(
            "Бұл XML файлы IOF 3.0 нәтижелер хаттамасы емес: оның түбір элементі <{root}>, \
             <ResultList> емес."
        ),
    }
}

fn status_word(code: &str) -> &str {
    match code {
        "finished" => "мәреге жетті",
        "dnf" => "DNF (жарыстан шықты)",
        "dns" => "DNS (стартқа шықпады)",
        "dsq" => "DSQ (дисквалификацияланды)",
        other => other,
    }
}

pub fn import_note(n: &ImportNote) -> String {
    match n {
        ImportNote::MojibakeSuspected { row, text } => {
            format!("{row}-жол: мәтін бүлінген сияқты (кодталуы қате ме?): «{text}»")
        }
        ImportNote::RaggedRow {
            row,
            cells,
            expected,
        } => format!("{row}-жолда {cells} ұяшық, тақырыпта {expected}"),
        ImportNote::UnclosedQuote { row } => {
            format!("{row}-жол: тырнақша жабылмаған, файлдың қалған бөлігі бір ұяшыққа түсті")
        }
        ImportNote::NoHeader => "Бірінші жол деректерге ұқсайды: бағандардың атауы жоқ".into(),
        ImportNote::EmptyRowsSkipped { count } => format!("Өткізілген бос жолдар: {count}"),
        ImportNote::BibsGenerated { count, first_row } => {
            format!("Нөмірі жоқ жолдарға жол нөмірі берілді: {count} (біріншісі — {first_row}-жол)")
        }
        ImportNote::UnreadableValue { row, column, text } => {
            format!("{row}-жол, {column} бағаны: «{text}» оқылмады")
        }
        ImportNote::UnknownStatus { row, text, status } => format!(
            "{row}-жол: белгісіз мәртебе «{text}», {} ретінде оқылды",
            status_word(status)
        ),
        ImportNote::MissingSplit { row, control } => format!(
            "{row}-қатысушы: {control} бақылау пунктінде уақыт жоқ; бұл аралық уақыт алынып \
             тасталды"
        ),
        ImportNote::More { count, .. } => format!("…және тағы {count} осындай"),
    }
}

pub fn failure(f: &Failure) -> String {
    match f {
        Failure::Fetch(e) => fetch_error(e),
        Failure::Format(e) => load_error(e),
        Failure::Import(e) => import_error(e),
        Failure::UnknownKind(name) => format!(
            "{name} — ашуға болатын нәтижелер файлы емес: нәтижелер JSON, CSV немесе IOF XML \
             керек."
        ),
        Failure::ImporterMissing => "Импорт модулі жүктелмеді. Интернетке қосылып, файлды \
            қайта ашыңыз (бір рет онлайн кіргеннен кейін ол желісіз де жұмыс істейді)."
            .into(),
    }
}
