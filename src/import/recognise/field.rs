//! The fields a column can hold.

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Ignore,
    Bib,
    /// The whole name (see `NameOrder`).
    Name,
    FirstName,
    LastName,
    Sex,
    Age,
    BirthYear,
    Category,
    Club,
    /// The team the runner scores for, when the file has one beside the club.
    Team,
    City,
    Country,
    ChipTime,
    GunTime,
    /// Official overall place in the distance ("17" or "17/1763").
    Place,
    /// Finished / DNF / DNS / DSQ in any language.
    Status,
    /// Which distance the row ran, when one file holds several.
    Distance,
    /// A cumulative time at an intermediate point; the name shown for it.
    Split(String),
    /// A relay row's leg runner, the leg's own time, the leg runner's bib: the first
    /// column of each is leg 1, the second leg 2, and so on.
    LegName,
    LegTime,
    LegBib,
}

impl Field {
    /// Every choice but `Split`, in the order a mapping screen lists them: the one list
    /// of the fields' order (`slot` is derived from it, labels are found by field).
    pub const CHOICES: [Field; 21] = [
        Field::Ignore,
        Field::Bib,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Sex,
        Field::Age,
        Field::BirthYear,
        Field::Category,
        Field::Club,
        Field::Team,
        Field::City,
        Field::Country,
        Field::ChipTime,
        Field::GunTime,
        Field::Place,
        Field::Status,
        Field::Distance,
        Field::LegName,
        Field::LegTime,
        Field::LegBib,
    ];

    /// A short stable key (for a `<select>` value or a translation lookup).
    pub fn key(&self) -> &'static str {
        match self {
            Field::Ignore => "ignore",
            Field::Bib => "bib",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Sex => "sex",
            Field::Age => "age",
            Field::BirthYear => "birth_year",
            Field::Category => "category",
            Field::Club => "club",
            Field::Team => "team",
            Field::City => "city",
            Field::Country => "country",
            Field::ChipTime => "chip_time",
            Field::GunTime => "gun_time",
            Field::Place => "place",
            Field::Status => "status",
            Field::Distance => "distance",
            Field::Split(_) => "split",
            Field::LegName => "leg_name",
            Field::LegTime => "leg_time",
            Field::LegBib => "leg_bib",
        }
    }

    /// The field a key names; a split takes its name from the column header.
    pub fn from_key(key: &str, header: &str) -> Option<Field> {
        if key == "split" {
            return Some(Field::Split(header.trim().to_string()));
        }
        Field::CHOICES.into_iter().find(|f| f.key() == key)
    }

    /// Position in `CHOICES` (the one place the order is written); None for a split.
    pub(crate) fn slot(&self) -> Option<usize> {
        Field::CHOICES.iter().position(|c| c == self)
    }

    /// Fields a file holds at most once; the rest (Ignore, Split) may repeat.
    pub(super) fn single(&self) -> bool {
        !matches!(
            self,
            Field::Ignore | Field::Split(_) | Field::LegName | Field::LegTime | Field::LegBib
        )
    }
}
