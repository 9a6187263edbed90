//! Russian texts of problems, errors and notes.
use super::*;

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Text => "текст в двойных кавычках",
        Kind::Number => "число, например 42.195",
        Kind::WholeNumber => "целое число, например 1995",
        Kind::Time => "время вида \"2:25:31\" или число секунд",
        Kind::TrueFalse => "true или false",
        Kind::Object => "объект { … }",
        Kind::List => "список [ … ]",
    }
}

pub fn problem(p: &Problem) -> String {
    use Problem::*;
    match p {
        NoFormatField => "В файле нет поля \"format\", поэтому он прочитан как results/v1. \
            Добавьте в начало \"format\": \"results/v1\"."
            .into(),
        WrongType { expected, found } => format!(
            "Ожидается {}, а указано {found}: значение пропущено.",
            kind(*expected)
        ),
        ConvertedType { expected, found } => format!(
            "Ожидается {k}, а указано {found}: значение преобразовано и использовано. \
             Запишите его как {k}.",
            k = kind(*expected)
        ),
        DuplicateKey => "Это поле указано в одном объекте дважды; взято последнее \
            значение. Удалите лишнее."
            .into(),
        BadDate(v) => {
            format!("Дата \"{v}\" некорректна: используйте ГГГГ-ММ-ДД, например 2021-09-26.")
        }
        BadUtcOffset(v) => {
            format!("Смещение UTC \"{v}\" некорректно: используйте +ЧЧ:ММ, например +06:00.")
        }
        BadTimestamp(v) => format!(
            "\"{v}\" — некорректная отметка времени: используйте RFC 3339, \
             например 2021-09-26T16:00:00+06:00."
        ),
        UnknownEventStatus(v) => format!(
            "Статус \"{v}\" неизвестен, поэтому результаты показаны как предварительные. \
             Укажите \"official\" или \"provisional\"."
        ),
        EntryNotObject(v) => {
            format!("Эта запись — {v}, а не объект {{ … }}, поэтому она пропущена.")
        }
        MissingDistanceId => "У дистанции нет \"id\", поэтому на неё не может сослаться \
            ни один результат, и она пропущена. Добавьте уникальный id, например \"42k\"."
            .into(),
        DuplicateDistanceId(v) => format!(
            "Id дистанции \"{v}\" использован дважды; вторая дистанция пропущена. \
             Дайте каждой дистанции свой id."
        ),
        MissingDistanceName => "У дистанции нет названия \"name\"; вместо него показан id.".into(),
        BadKm(v) => format!(
            "\"{v}\" — не положительное число километров, поэтому темп не показан. \
             Запишите, например, 42.195."
        ),
        BadStart(v) => format!(
            "Старт \"{v}\" указан некорректно: используйте время суток, например 07:30:00, \
             или отметку времени, например 2021-09-26T07:30:00+06:00."
        ),
        UnknownRanking(v) => format!(
            "Способ зачёта \"{v}\" неизвестен, поэтому места считаются по чистому времени. \
             Укажите \"chip\" или \"gun\"."
        ),
        MissingSplitId => "У отсечки нет \"id\", поэтому она пропущена.".into(),
        DuplicateSplitId(v) => {
            format!("Id отсечки \"{v}\" использован в этой дистанции дважды; вторая пропущена.")
        }
        BadAwards(v) => format!(
            "Параметр награждения \"{v}\" некорректен, поэтому взято значение по умолчанию. \
             Проверьте places (целое число), by (\"sex\" или \"overall\") и prizes \
             (целые суммы)."
        ),
        // Добавлено вместе с командным зачётом и эстафетами.
        BadAgeGrading(v) => format!(
            "Значение таблицы возрастных коэффициентов «{v}» не подходит, поэтому эта \
             таблица не используется и её участники остаются без возрастного рейтинга. \
             Нужны km, sex (\"M\" или \"F\"), open (время), first_age и factors \
             (числа больше 0 и не больше 1)."
        ),
        BadTeams(v) => format!(
            "Параметр командного зачёта \"{v}\" некорректен, поэтому взято значение по \
             умолчанию (или группа пропущена). Проверьте by (\"club\" или \"team\"), \
             scorers, score (\"places\" или \"times\"), tie_break и id групп."
        ),
        RowNotObject(v) => format!(
            "Этот результат — {v}, а не объект {{ … }}, поэтому его нельзя показать. \
             Каждый результат должен быть объектом с bib, name и distance."
        ),
        MissingBib => "У результата нет номера. Добавьте \"bib\".".into(),
        DuplicateBib { first_row } => format!(
            "Этот номер также указан в строке {}. Показаны оба результата: проверьте, \
             какой верный.",
            first_row + 1
        ),
        MissingName => "У результата нет имени. Добавьте \"name\".".into(),
        MissingDistance => "В результате не указана дистанция, поэтому место не \
            присвоено. Добавьте \"distance\" с одним из id дистанций."
            .into(),
        UnknownDistance(v) => format!(
            "Дистанция \"{v}\" не описана в \"distances\", поэтому место не присвоено. \
             Укажите один из id дистанций или добавьте эту дистанцию."
        ),
        UnknownSex(v) => format!("Пол \"{v}\" неизвестен: укажите M, F или X."),
        UnknownStatus(v) => format!(
            "Статус \"{v}\" неизвестен, поэтому статус определён по времени. \
             Укажите finished, dnf, dns или dsq."
        ),
        BadBirthYear(v) => {
            format!("Год рождения \"{v}\" некорректен: запишите четыре цифры, например 1995.")
        }
        BadAge(v) => {
            format!("Возраст \"{v}\" некорректен: запишите целое число лет, например 34.")
        }
        BadPlace(v) => {
            format!("Место \"{v}\" некорректно: запишите целое число от 1.")
        }
        PlaceWithoutFinish => "У результата указано официальное место, но бегун не \
            финишировал; место не учитывается."
            .into(),
        BadTime(v) => {
            format!("Время \"{v}\" некорректно: используйте Ч:ММ:СС, например 2:25:31.")
        }
        NegativeTime(v) => {
            format!("Время \"{v}\" отрицательное: запишите затраченное время, например 2:25:31.")
        }
        FinishedWithoutTime => "Статус \"finished\", но нет ни чистого, ни грязного \
            времени, поэтому место не присвоено. Добавьте время или измените статус."
            .into(),
        RankingTimeMissing { used } => match used {
            Ranking::Gun => "Эта дистанция считается по чистому времени, но у результата \
                его нет: для мест взято грязное время."
                .into(),
            Ranking::Chip => "Эта дистанция считается по грязному времени, но у \
                результата его нет: для мест взято чистое время."
                .into(),
        },
        GunFasterThanChip => "Грязное время меньше чистого, так не бывает: может быть, \
            они перепутаны местами?"
            .into(),
        UnknownSplit(v) => format!(
            "Отсечка \"{v}\" не описана для дистанции этого результата, поэтому её время \
             не учитывается."
        ),
        SplitsOutOfOrder => "Отсечка нарушает порядок трассы: она раньше отсечки, \
            указанной перед ней, или позже финиша. Проверьте отсечки."
            .into(),
        OfficialPlacesIncomplete { distance, missing } => format!(
            "На дистанции \"{distance}\" у финишировавших без официального места: \
             {missing}, поэтому для всей дистанции показаны вычисленные места. Укажите \
             \"place\" всем финишировавшим или никому."
        ),
        LegsOutsideRelay => "У результата есть \"legs\", но его дистанция не эстафета \
            (\"relay\": true), поэтому этапы не учитываются."
            .into(),
        LegTimesDisagree(v) => format!(
            "Время этапов в сумме даёт {v}, а это не время команды. Проверьте этапы и \
             время команды."
        ),
    }
}

fn syntax(r: &JsonSyntax) -> String {
    match r {
        JsonSyntax::UnexpectedEnd => {
            "файл обрывается (значение не дописано или скобка не закрыта)".into()
        }
        JsonSyntax::TrailingComma => "запятая перед закрывающей скобкой: удалите её".into(),
        JsonSyntax::MissingComma => "не хватает запятой или закрывающей скобки".into(),
        JsonSyntax::MissingColon => "после ключа не хватает двоеточия (:)".into(),
        JsonSyntax::KeyNotString => "ключи должны быть в двойных кавычках".into(),
        JsonSyntax::ExpectedValue => "здесь ожидается значение: текст пишется в двойных \
            кавычках; одинарные кавычки, NaN и слова без кавычек в JSON недопустимы"
            .into(),
        JsonSyntax::TrailingCharacters => "после конца JSON-документа есть лишний текст".into(),
        JsonSyntax::BadEscape => "обратная косая черта с недопустимым символом".into(),
        JsonSyntax::ControlCharacter => {
            "перевод строки или табуляция внутри текста: запишите их как \\n или \\t".into()
        }
        JsonSyntax::BadNumber => "число, которое JSON не может представить".into(),
        JsonSyntax::Other(s) => s.clone(),
    }
}

pub fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::Empty => "Файл пуст.".into(),
        LoadError::TooLarge {
            size_bytes,
            limit_bytes,
        } => format!(
            "Размер файла {} МБ; просмотрщик открывает файлы до {} МБ.",
            megabytes(*size_bytes as u64),
            megabytes(*limit_bytes as u64)
        ),
        LoadError::Utf16 => "Файл сохранён в UTF-16. Сохраните его заново в UTF-8.".into(),
        LoadError::NotUtf8 { offset } => format!(
            "Файл не в кодировке UTF-8 (ошибочные байты на позиции {offset}). \
             Сохраните его в UTF-8."
        ),
        LoadError::LooksLikeHtml => "Это веб-страница, а не файл результатов. Проверьте \
            адрес: возможно, файла там нет."
            .into(),
        LoadError::NotJson {
            line,
            column,
            reason,
        } => format!(
            "Файл не является корректным JSON: строка {line}, столбец {column}: {}.",
            syntax(reason)
        ),
        LoadError::TooDeep { line, column } => {
            format!("Вложенность в файле слишком глубокая (строка {line}, столбец {column}).")
        }
        LoadError::RootNotObject => "Файл должен быть одним JSON-объектом { … } с \
            \"event\", \"distances\" и \"results\"."
            .into(),
        LoadError::MissingSection(s) => format!(
            "В файле нет раздела \"{s}\" или у него неверный тип. Файлу результатов нужны \
             \"event\" {{ … }}, \"distances\" [ … ] и \"results\" [ … ]."
        ),
        LoadError::UnknownFormat(v) => format!(
            "Файл в формате \"{v}\", который этот просмотрщик не знает: он читает \
             \"results/v1\". Более новая версия может прочитать этот файл."
        ),
        LoadError::MissingEventName => {
            "У события нет названия. Добавьте \"name\" внутри \"event\".".into()
        }
    }
}

pub fn fetch_error(e: &FetchError) -> String {
    match e {
        FetchError::NotAllowed(src) => format!(
            "Адрес \"{src}\" открыть нельзя: подходят только относительные адреса и http(s)."
        ),
        FetchError::Http { url, status } => {
            format!("Сервер ответил ошибкой {status} на запрос {url}. Проверьте адрес файла.")
        }
        FetchError::Network { url } => format!(
            "Не удалось скачать {url}. Проверьте подключение и адрес; файл на другом сайте \
             должен разрешать чтение с других сайтов (CORS)."
        ),
        FetchError::FileRead { name } => {
            format!("Не удалось прочитать файл {name} с этого устройства.")
        }
        FetchError::TooLarge { bytes, limit } => format!(
            "Размер файла {} МБ; просмотрщик открывает файлы до {} МБ.",
            format_int(megabytes(*bytes), Lang::Ru),
            format_int(limit / (1 << 20), Lang::Ru)
        ),
        FetchError::Cancelled => "Загрузка отменена. Откройте файл или перезагрузите страницу, \
            чтобы попробовать снова."
            .into(),
        FetchError::ForeignOrigin(origin) => format!(
            "Эти результаты лежат на {origin}, а этот сайт не показывает результаты оттуда. \
             Если вы организатор и храните результаты на {origin}, разрешите этот источник \
             при публикации просмотрщика: добавьте его в строку results-origins файла \
             index.html (см. README просмотрщика)."
        ),
    }
}

pub fn age_tables_error(e: &AgeTablesError) -> String {
    match e {
        AgeTablesError::Unreadable(e) => import_error(e),
        AgeTablesError::CannotRead => "Файл не удалось прочитать с устройства.".into(),
        AgeTablesError::BadSex(s) => {
            format!("«{s}» — не пол для таблицы: укажите M (мужчины) или F (женщины).")
        }
        AgeTablesError::UnknownSex => "Непонятно, для мужчин эта таблица или для женщин: \
            добавьте Male или Female в имя файла."
            .into(),
        AgeTablesError::NoDistanceRow => "Нет строки дистанций: нужна строка, которая \
            начинается с «Distance» (км) или «Age» (названия дистанций)."
            .into(),
        AgeTablesError::NoOpenRow => "Нет строки абсолютных нормативов: нужна строка, \
            которая начинается с «OC sec» или «OC»."
            .into(),
        AgeTablesError::NoAgeRows => "Нет строк возрастных коэффициентов: строк, которые \
            начинаются с возраста, например 5 или 40."
            .into(),
        AgeTablesError::AgeGap { age, after } => {
            format!("Возрасты идут не по одной строке на год: {age} после {after}.")
        }
        AgeTablesError::BadFactor { age, km } => {
            format!("Коэффициент для возраста {age} на {km} км — не число больше 0 и не больше 1.")
        }
        AgeTablesError::NoColumns => {
            "Ни в одном столбце нет сразу дистанции и абсолютного норматива.".into()
        }
        AgeTablesError::CoversNone => "Эти таблицы не подходят ни к одной дистанции забега \
            (или у дистанций не указана длина в км)."
            .into(),
    }
}

pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::Empty => "Файл пуст: импортировать нечего.".into(),
        ImportError::NotText => "Это не текстовый файл (таблица или картинка?). Сохраните его \
            как CSV (UTF-8) или IOF XML и откройте снова."
            .into(),
        ImportError::Xml {
            line,
            column,
            message,
        } => format!(
            "XML-файл повреждён в строке {line}, столбце {column}, поэтому его нельзя \
             импортировать. Сообщение программы чтения XML: {message}."
        ),
        ImportError::NotResultList(root) => format!(
            "Этот XML-файл — не протокол результатов IOF 3.0: его корневой элемент <{root}>, \
             а не <ResultList>."
        ),
    }
}

fn status_word(code: &str) -> &str {
    match code {
        "finished" => "финишировал",
        "dnf" => "DNF (сошёл)",
        "dns" => "DNS (не стартовал)",
        "dsq" => "DSQ (дисквалифицирован)",
        other => other,
    }
}

pub fn import_note(n: &ImportNote) -> String {
    match n {
        ImportNote::MojibakeSuspected { row, text } => {
            format!("Строка {row}: текст выглядит повреждённым (не та кодировка?): «{text}»")
        }
        ImportNote::RaggedRow {
            row,
            cells,
            expected,
        } => format!("В строке {row} ячеек {cells}, в заголовке {expected}"),
        ImportNote::UnclosedQuote { row } => {
            format!("Строка {row}: кавычка не закрыта, весь остаток файла попал в одну ячейку")
        }
        ImportNote::NoHeader => "Первая строка похожа на данные: у столбцов нет названий".into(),
        ImportNote::EmptyRowsSkipped { count } => format!("Пропущено пустых строк: {count}"),
        ImportNote::BibsGenerated { count, first_row } => format!(
            "Строкам без номера присвоен номер строки: {count} (первая — строка {first_row})"
        ),
        ImportNote::UnreadableValue { row, column, text } => {
            format!("Строка {row}, столбец {column}: не удалось прочитать «{text}»")
        }
        ImportNote::UnknownStatus { row, text, status } => format!(
            "Строка {row}: неизвестный статус «{text}», прочитан как {}",
            status_word(status)
        ),
        ImportNote::MissingSplit { row, control } => {
            format!("Участник {row}: нет времени на КП {control}; эта отсечка пропущена")
        }
        ImportNote::More { count, .. } => format!("…и ещё {count} таких же"),
    }
}

pub fn failure(f: &Failure) -> String {
    match f {
        Failure::Fetch(e) => fetch_error(e),
        Failure::Format(e) => load_error(e),
        Failure::Import(e) => import_error(e),
        Failure::UnknownKind(name) => format!(
            "{name} — не файл результатов, который можно открыть: нужен JSON результатов, CSV \
             или IOF XML."
        ),
        Failure::ImporterMissing => "Не удалось загрузить модуль импорта. Подключитесь к \
            интернету и откройте файл снова (после одного посещения онлайн он работает и без \
            сети)."
            .into(),
    }
}
