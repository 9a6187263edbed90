//! Texts for problems found in results files (written by the format module), for a race
//! director: what is wrong and what to write instead, quoting the value from the file.
//! The warnings panel shows the row, bib and field next to each text, so texts do not
//! repeat them.
use super::Lang;
use crate::domain::Ranking;
use crate::format::{JsonSyntax, Kind, LoadError, Problem};

pub fn problem_text(lang: Lang, p: &Problem) -> String {
    match lang {
        Lang::En => en::problem(p),
        Lang::Ru => ru::problem(p),
        Lang::Kk => kk::problem(p),
    }
}

pub fn load_error_text(lang: Lang, e: &LoadError) -> String {
    match lang {
        Lang::En => en::load_error(e),
        Lang::Ru => ru::load_error(e),
        Lang::Kk => kk::load_error(e),
    }
}

/// Whole megabytes, rounded up, so a file just over the limit does not read "100 MB".
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1024 * 1024)
}

mod en {
    use super::*;

    fn kind(k: Kind) -> &'static str {
        match k {
            Kind::Text => "text in double quotes",
            Kind::Number => "a number, e.g. 42.195",
            Kind::WholeNumber => "a whole number, e.g. 1995",
            Kind::Time => "a time such as \"2:25:31\" or a number of seconds",
            Kind::TrueFalse => "true or false",
            Kind::Object => "an object { … }",
            Kind::List => "a list [ … ]",
        }
    }

    pub fn problem(p: &Problem) -> String {
        use Problem::*;
        match p {
            NoFormatField => "The file has no \"format\" field, so it was read as results/v1. \
                Add \"format\": \"results/v1\" at the top."
                .into(),
            WrongType { expected, found } => format!(
                "Expected {}, found {found}: the value was ignored.",
                kind(*expected)
            ),
            ConvertedType { expected, found } => format!(
                "Expected {k}, found {found}: it was converted and used. Please write {k}.",
                k = kind(*expected)
            ),
            DuplicateKey => "This field is written twice in the same object; the last value \
                is used. Remove the other one."
                .into(),
            BadDate(v) => {
                format!("Date \"{v}\" is not a valid date: use YYYY-MM-DD, e.g. 2021-09-26.")
            }
            BadUtcOffset(v) => {
                format!("UTC offset \"{v}\" is not valid: use +HH:MM, e.g. +06:00.")
            }
            BadTimestamp(v) => format!(
                "\"{v}\" is not a valid timestamp: use RFC 3339, e.g. 2021-09-26T16:00:00+06:00."
            ),
            UnknownEventStatus(v) => format!(
                "Status \"{v}\" is unknown, so the results are shown as provisional. \
                 Use \"official\" or \"provisional\"."
            ),
            EntryNotObject(v) => {
                format!("This entry is {v}, not an object {{ … }}, so it was skipped.")
            }
            MissingDistanceId => "This distance has no \"id\", so no result can refer to it \
                and it was skipped. Add a unique id, e.g. \"42k\"."
                .into(),
            DuplicateDistanceId(v) => format!(
                "Distance id \"{v}\" is used twice; the second distance was skipped. \
                 Give each distance its own id."
            ),
            MissingDistanceName => "This distance has no \"name\"; its id is shown instead.".into(),
            BadKm(v) => format!(
                "\"{v}\" is not a positive number of kilometres, so no pace is shown. \
                 Write e.g. 42.195."
            ),
            BadStart(v) => format!(
                "Start \"{v}\" is not valid: use a time of day such as 07:30:00 \
                 or a timestamp such as 2021-09-26T07:30:00+06:00."
            ),
            UnknownRanking(v) => format!(
                "Ranking \"{v}\" is unknown, so places use chip time. Use \"chip\" or \"gun\"."
            ),
            MissingSplitId => "This split has no \"id\", so it was skipped.".into(),
            DuplicateSplitId(v) => format!(
                "Split id \"{v}\" is used twice in this distance; the second one was skipped."
            ),
            BadAwards(v) => format!(
                "Award setting \"{v}\" is not valid, so the default is used. Check places \
                 (a whole number), by (\"sex\" or \"overall\") and prizes (whole amounts)."
            ),
            // Added with team standings and relays (format v1 extensions).
            BadTeams(v) => format!(
                "Team setting \"{v}\" is not valid, so the default is used (or the team \
                 group is skipped). Check by (\"club\" or \"team\"), scorers, score \
                 (\"places\" or \"times\"), tie_break and the group ids."
            ),
            RowNotObject(v) => format!(
                "This result is {v}, not an object {{ … }}, so it cannot be shown. \
                 Each result must be an object with bib, name and distance."
            ),
            MissingBib => "This result has no bib. Add its \"bib\".".into(),
            DuplicateBib { first_row } => format!(
                "This bib is also used in row {}. Both results are shown: check which is right.",
                first_row + 1
            ),
            MissingName => "This result has no name. Add its \"name\".".into(),
            MissingDistance => "This result names no distance, so it gets no place. \
                Add \"distance\" with one of the distance ids."
                .into(),
            UnknownDistance(v) => format!(
                "Distance \"{v}\" is not defined in \"distances\", so this result gets no \
                 place. Use one of the distance ids, or add this distance."
            ),
            UnknownSex(v) => format!("Sex \"{v}\" is unknown: use M, F or X."),
            UnknownStatus(v) => format!(
                "Status \"{v}\" is unknown, so the status was taken from the times. \
                 Use finished, dnf, dns or dsq."
            ),
            BadBirthYear(v) => {
                format!("Birth year \"{v}\" is not valid: write four digits, e.g. 1995.")
            }
            BadAge(v) => {
                format!("Age \"{v}\" is not valid: write a whole number of years, e.g. 34.")
            }
            BadPlace(v) => {
                format!("Place \"{v}\" is not valid: write a whole number, 1 or more.")
            }
            PlaceWithoutFinish => "This result has an official place but did not finish; \
                the place is ignored."
                .into(),
            BadTime(v) => {
                format!("Time \"{v}\" is not a valid time: use H:MM:SS, e.g. 2:25:31.")
            }
            NegativeTime(v) => {
                format!("Time \"{v}\" is negative: write the time taken, e.g. 2:25:31.")
            }
            FinishedWithoutTime => "The status is \"finished\" but there is no chip or gun \
                time, so this runner gets no place. Add the time or change the status."
                .into(),
            RankingTimeMissing { used } => match used {
                Ranking::Gun => "This distance ranks by chip time, but this result has none: \
                    its gun time is used for places."
                    .into(),
                Ranking::Chip => "This distance ranks by gun time, but this result has none: \
                    its chip time is used for places."
                    .into(),
            },
            GunFasterThanChip => "The gun time is shorter than the chip time, which cannot \
                happen: are the two times swapped?"
                .into(),
            UnknownSplit(v) => format!(
                "Split \"{v}\" is not defined for this result's distance, so its time is ignored."
            ),
            SplitsOutOfOrder => "This split is out of course order: it comes before a split \
                listed earlier, or after the finish. Check the splits."
                .into(),
            OfficialPlacesIncomplete { distance, missing } => format!(
                "In distance \"{distance}\", {missing} finisher(s) have no official place, so \
                 computed places are shown for the whole distance. Give every finisher a \
                 \"place\", or none."
            ),
            LegsOutsideRelay => "This result has \"legs\", but its distance is not a relay \
                (\"relay\": true), so the legs are ignored."
                .into(),
            LegTimesDisagree(v) => format!(
                "The leg times add up to {v}, which is not the team's time. Check the legs \
                 and the team's time."
            ),
        }
    }

    fn syntax(r: &JsonSyntax) -> String {
        match r {
            JsonSyntax::UnexpectedEnd => {
                "the file ends too early (a value is cut off or a bracket is not closed)".into()
            }
            JsonSyntax::TrailingComma => "a comma before a closing bracket: remove it".into(),
            JsonSyntax::MissingComma => "a comma or a closing bracket is missing".into(),
            JsonSyntax::MissingColon => "a colon (:) is missing after a key".into(),
            JsonSyntax::KeyNotString => "keys must be in double quotes".into(),
            JsonSyntax::ExpectedValue => "a value was expected here: text needs double quotes; \
                single quotes, NaN and bare words are not JSON"
                .into(),
            JsonSyntax::TrailingCharacters => {
                "there is more text after the end of the JSON document".into()
            }
            JsonSyntax::BadEscape => "a backslash escape that JSON does not know".into(),
            JsonSyntax::ControlCharacter => {
                "a line break or tab inside a text: write it as \\n or \\t".into()
            }
            JsonSyntax::BadNumber => "a number that JSON cannot hold".into(),
            JsonSyntax::Other(s) => s.clone(),
        }
    }

    pub fn load_error(e: &LoadError) -> String {
        match e {
            LoadError::Empty => "The file is empty.".into(),
            LoadError::TooLarge {
                size_bytes,
                limit_bytes,
            } => format!(
                "The file is {} MB; this viewer opens files up to {} MB.",
                megabytes(*size_bytes),
                megabytes(*limit_bytes)
            ),
            LoadError::Utf16 => "The file is saved as UTF-16. Save it again as UTF-8.".into(),
            LoadError::NotUtf8 { offset } => format!(
                "The file is not UTF-8 text (bad bytes at byte {offset}). Save it as UTF-8."
            ),
            LoadError::LooksLikeHtml => "This is a web page, not a results file. Check the \
                address: the file may not exist there."
                .into(),
            LoadError::NotJson {
                line,
                column,
                reason,
            } => format!(
                "The file is not valid JSON: line {line}, column {column}: {}.",
                syntax(reason)
            ),
            LoadError::TooDeep { line, column } => {
                format!("The file is nested too deeply to read (line {line}, column {column}).")
            }
            LoadError::RootNotObject => "The file must be one JSON object { … } with \"event\", \
                \"distances\" and \"results\"."
                .into(),
            LoadError::MissingSection(s) => format!(
                "The file has no \"{s}\" section, or it has the wrong type. A results file \
                 needs \"event\" {{ … }}, \"distances\" [ … ] and \"results\" [ … ]."
            ),
            LoadError::UnknownFormat(v) => format!(
                "The file uses format \"{v}\", which this viewer does not know: it reads \
                 \"results/v1\". A newer viewer may read this file."
            ),
            LoadError::MissingEventName => {
                "The event has no name. Add \"name\" inside \"event\".".into()
            }
        }
    }
}

mod ru {
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
            MissingDistanceName => {
                "У дистанции нет названия \"name\"; вместо него показан id.".into()
            }
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
            NegativeTime(v) => format!(
                "Время \"{v}\" отрицательное: запишите затраченное время, например 2:25:31."
            ),
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
                megabytes(*size_bytes),
                megabytes(*limit_bytes)
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
}

mod kk {
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
            JsonSyntax::TrailingCharacters => {
                "JSON құжаты аяқталғаннан кейін артық мәтін бар".into()
            }
            JsonSyntax::BadEscape => "кері көлбеу сызықпен жарамсыз таңба жазылған".into(),
            JsonSyntax::ControlCharacter => {
                "мәтін ішінде жол ауысуы немесе табуляция бар: оларды \\n немесе \\t деп жазыңыз"
                    .into()
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
                megabytes(*size_bytes),
                megabytes(*limit_bytes)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each variant. `variant_number` below fails to compile when a variant is
    /// added, and the test fails until the new variant is in this list.
    fn every_problem() -> Vec<Problem> {
        use Problem::*;
        let v = || "2:61:00".to_string();
        vec![
            NoFormatField,
            WrongType {
                expected: Kind::Text,
                found: "{…}".into(),
            },
            ConvertedType {
                expected: Kind::Text,
                found: "42".into(),
            },
            DuplicateKey,
            BadDate(v()),
            BadUtcOffset(v()),
            BadTimestamp(v()),
            UnknownEventStatus(v()),
            EntryNotObject(v()),
            MissingDistanceId,
            DuplicateDistanceId(v()),
            MissingDistanceName,
            BadKm(v()),
            BadStart(v()),
            UnknownRanking(v()),
            MissingSplitId,
            DuplicateSplitId(v()),
            BadAwards(v()),
            RowNotObject(v()),
            MissingBib,
            DuplicateBib { first_row: 4 },
            MissingName,
            MissingDistance,
            UnknownDistance(v()),
            UnknownSex(v()),
            UnknownStatus(v()),
            BadBirthYear(v()),
            BadAge(v()),
            BadPlace(v()),
            PlaceWithoutFinish,
            BadTime(v()),
            NegativeTime(v()),
            FinishedWithoutTime,
            RankingTimeMissing { used: Ranking::Gun },
            RankingTimeMissing {
                used: Ranking::Chip,
            },
            GunFasterThanChip,
            UnknownSplit(v()),
            SplitsOutOfOrder,
            OfficialPlacesIncomplete {
                distance: "42k".into(),
                missing: 3,
            },
            BadTeams(v()),
            LegsOutsideRelay,
            LegTimesDisagree("1:02:03".into()),
        ]
    }

    fn variant_number(p: &Problem) -> usize {
        use Problem::*;
        match p {
            NoFormatField => 0,
            WrongType { .. } => 1,
            ConvertedType { .. } => 2,
            DuplicateKey => 3,
            BadDate(_) => 4,
            BadUtcOffset(_) => 5,
            BadTimestamp(_) => 6,
            UnknownEventStatus(_) => 7,
            EntryNotObject(_) => 8,
            MissingDistanceId => 9,
            DuplicateDistanceId(_) => 10,
            MissingDistanceName => 11,
            BadKm(_) => 12,
            BadStart(_) => 13,
            UnknownRanking(_) => 14,
            MissingSplitId => 15,
            DuplicateSplitId(_) => 16,
            BadAwards(_) => 17,
            RowNotObject(_) => 18,
            MissingBib => 19,
            DuplicateBib { .. } => 20,
            MissingName => 21,
            MissingDistance => 22,
            UnknownDistance(_) => 23,
            UnknownSex(_) => 24,
            UnknownStatus(_) => 25,
            BadBirthYear(_) => 26,
            BadAge(_) => 27,
            BadPlace(_) => 28,
            PlaceWithoutFinish => 29,
            BadTime(_) => 30,
            NegativeTime(_) => 31,
            FinishedWithoutTime => 32,
            RankingTimeMissing { .. } => 33,
            GunFasterThanChip => 34,
            UnknownSplit(_) => 35,
            SplitsOutOfOrder => 36,
            OfficialPlacesIncomplete { .. } => 37,
            BadTeams(_) => 38,
            LegsOutsideRelay => 39,
            LegTimesDisagree(_) => 40,
        }
    }
    const PROBLEM_VARIANTS: usize = 41;

    fn every_load_error() -> Vec<LoadError> {
        let mut all = vec![
            LoadError::Empty,
            LoadError::TooLarge {
                size_bytes: 130 << 20,
                limit_bytes: 100 << 20,
            },
            LoadError::Utf16,
            LoadError::NotUtf8 { offset: 77 },
            LoadError::LooksLikeHtml,
            LoadError::TooDeep { line: 3, column: 9 },
            LoadError::RootNotObject,
            LoadError::MissingSection("results"),
            LoadError::UnknownFormat("results/v9".into()),
            LoadError::MissingEventName,
        ];
        let reasons = [
            JsonSyntax::UnexpectedEnd,
            JsonSyntax::TrailingComma,
            JsonSyntax::MissingComma,
            JsonSyntax::MissingColon,
            JsonSyntax::KeyNotString,
            JsonSyntax::ExpectedValue,
            JsonSyntax::TrailingCharacters,
            JsonSyntax::BadEscape,
            JsonSyntax::ControlCharacter,
            JsonSyntax::BadNumber,
            JsonSyntax::Other("something odd".into()),
        ];
        all.extend(reasons.into_iter().map(|reason| LoadError::NotJson {
            line: 12,
            column: 34,
            reason,
        }));
        all
    }

    fn load_error_number(e: &LoadError) -> usize {
        match e {
            LoadError::Empty => 0,
            LoadError::TooLarge { .. } => 1,
            LoadError::Utf16 => 2,
            LoadError::NotUtf8 { .. } => 3,
            LoadError::LooksLikeHtml => 4,
            LoadError::NotJson { .. } => 5,
            LoadError::TooDeep { .. } => 6,
            LoadError::RootNotObject => 7,
            LoadError::MissingSection(_) => 8,
            LoadError::UnknownFormat(_) => 9,
            LoadError::MissingEventName => 10,
        }
    }
    const LOAD_ERROR_VARIANTS: usize = 11;

    /// The value a text must quote, if the variant carries one.
    fn quoted_value(p: &Problem) -> Option<String> {
        use Problem::*;
        match p {
            WrongType { found, .. } | ConvertedType { found, .. } => Some(found.clone()),
            BadDate(v)
            | BadUtcOffset(v)
            | BadTimestamp(v)
            | UnknownEventStatus(v)
            | EntryNotObject(v)
            | DuplicateDistanceId(v)
            | BadKm(v)
            | BadStart(v)
            | UnknownRanking(v)
            | DuplicateSplitId(v)
            | BadAwards(v)
            | BadTeams(v)
            | LegTimesDisagree(v)
            | RowNotObject(v)
            | UnknownDistance(v)
            | UnknownSex(v)
            | UnknownStatus(v)
            | BadBirthYear(v)
            | BadAge(v)
            | BadPlace(v)
            | BadTime(v)
            | NegativeTime(v)
            | UnknownSplit(v) => Some(v.clone()),
            DuplicateBib { first_row } => Some((first_row + 1).to_string()),
            OfficialPlacesIncomplete { distance, .. } => Some(distance.clone()),
            _ => None,
        }
    }

    #[test]
    fn the_lists_cover_every_variant() {
        let mut seen = [false; PROBLEM_VARIANTS];
        for p in every_problem() {
            seen[variant_number(&p)] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        let mut seen = [false; LOAD_ERROR_VARIANTS];
        for e in every_load_error() {
            seen[load_error_number(&e)] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
    }

    #[test]
    fn every_problem_has_a_text_in_each_language() {
        for p in every_problem() {
            let texts: Vec<String> = Lang::ALL.iter().map(|&l| problem_text(l, &p)).collect();
            for (lang, text) in Lang::ALL.iter().zip(&texts) {
                assert!(text.trim().len() > 10, "{lang:?} {p:?}: {text:?}");
                assert!(!text.contains("{}") && !text.contains("{0}"), "{text}");
                if let Some(v) = quoted_value(&p) {
                    assert!(text.contains(&v), "{lang:?} {p:?} should quote {v}: {text}");
                }
            }
            assert_ne!(texts[0], texts[1], "{p:?}");
            assert_ne!(texts[0], texts[2], "{p:?}");
            assert_ne!(texts[1], texts[2], "{p:?}");
        }
    }

    #[test]
    fn different_problems_read_differently() {
        for lang in Lang::ALL {
            let mut texts: Vec<String> = every_problem()
                .iter()
                .map(|p| problem_text(lang, p))
                .collect();
            let n = texts.len();
            texts.sort();
            texts.dedup();
            assert_eq!(texts.len(), n, "{lang:?}");
        }
    }

    #[test]
    fn every_load_error_has_a_text_in_each_language() {
        for e in every_load_error() {
            let texts: Vec<String> = Lang::ALL.iter().map(|&l| load_error_text(l, &e)).collect();
            for (lang, text) in Lang::ALL.iter().zip(&texts) {
                assert!(text.trim().len() > 5, "{lang:?} {e:?}: {text:?}");
            }
            assert_ne!(texts[0], texts[1], "{e:?}");
            assert_ne!(texts[0], texts[2], "{e:?}");
            assert_ne!(texts[1], texts[2], "{e:?}");
        }
    }

    #[test]
    fn errors_name_where_and_what() {
        let syntax = LoadError::NotJson {
            line: 12,
            column: 34,
            reason: JsonSyntax::TrailingComma,
        };
        let version = LoadError::UnknownFormat("results/v9".into());
        let size = LoadError::TooLarge {
            size_bytes: (100 << 20) + 1,
            limit_bytes: 100 << 20,
        };
        for lang in Lang::ALL {
            let t = load_error_text(lang, &syntax);
            assert!(t.contains("12") && t.contains("34"), "{t}");
            assert!(load_error_text(lang, &version).contains("results/v9"));
            let t = load_error_text(lang, &size);
            assert!(t.contains("101") && t.contains("100"), "{t}");
        }
        assert_eq!(
            problem_text(Lang::En, &Problem::BadTime("2:61:00".into())),
            "Time \"2:61:00\" is not a valid time: use H:MM:SS, e.g. 2:25:31."
        );
    }
}
