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
}

impl Field {
    /// Every choice but `Split`, in the order a mapping screen lists them.
    pub const CHOICES: [Field; 17] = [
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
        Field::City,
        Field::Country,
        Field::ChipTime,
        Field::GunTime,
        Field::Place,
        Field::Status,
        Field::Distance,
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
            Field::City => "city",
            Field::Country => "country",
            Field::ChipTime => "chip_time",
            Field::GunTime => "gun_time",
            Field::Place => "place",
            Field::Status => "status",
            Field::Distance => "distance",
            Field::Split(_) => "split",
        }
    }

    /// The field a key names; a split takes its name from the column header.
    pub fn from_key(key: &str, header: &str) -> Option<Field> {
        if key == "split" {
            return Some(Field::Split(header.trim().to_string()));
        }
        Field::CHOICES.into_iter().find(|f| f.key() == key)
    }

    /// Position in `CHOICES`; None for a split.
    pub(crate) fn slot(&self) -> Option<usize> {
        Some(match self {
            Field::Ignore => 0,
            Field::Bib => 1,
            Field::Name => 2,
            Field::FirstName => 3,
            Field::LastName => 4,
            Field::Sex => 5,
            Field::Age => 6,
            Field::BirthYear => 7,
            Field::Category => 8,
            Field::Club => 9,
            Field::City => 10,
            Field::Country => 11,
            Field::ChipTime => 12,
            Field::GunTime => 13,
            Field::Place => 14,
            Field::Status => 15,
            Field::Distance => 16,
            Field::Split(_) => return None,
        })
    }

    /// Fields a file holds at most once; the rest (Ignore, Split) may repeat.
    pub(super) fn single(&self) -> bool {
        !matches!(self, Field::Ignore | Field::Split(_))
    }
}
