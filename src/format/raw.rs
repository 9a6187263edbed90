//! The file as serde reads it, before any rule is applied. Every field accepts any JSON
//! value, so a wrong type never aborts the parse: it becomes a warning later. Only the
//! few fields we read are kept; nested values we do not need are skipped, not built.
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// One JSON value where a single value is expected; objects and lists are only noted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar<'de> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// Borrowed from the file when it has no escapes: most values are read and dropped
    /// (times, codes), so they are never copied.
    Text(Cow<'de, str>),
    Object,
    List,
}

impl Scalar<'_> {
    /// The value as a person would recognise it in the file, for messages.
    pub fn shown(&self) -> String {
        match self {
            Scalar::Null => "null".into(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(n) => n.to_string(),
            Scalar::UInt(n) => n.to_string(),
            Scalar::Float(x) => float_text(*x),
            Scalar::Text(s) => clip(s),
            Scalar::Object => "{…}".into(),
            Scalar::List => "[…]".into(),
        }
    }

    /// Absent, null and blank text all mean "not given".
    pub fn is_blank(&self) -> bool {
        match self {
            Scalar::Null => true,
            Scalar::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A JSON number read as a float, written back short: whole values without ".0",
/// huge and tiny ones with an exponent ("1e300", not 301 digits).
pub(crate) fn float_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 {
        (x as i64).to_string()
    } else {
        serde_json::to_string(&x)
            .unwrap_or_default()
            .replace("e+", "e")
    }
}

/// Values quoted in warnings are cut to this many characters.
pub const SHOWN_CHARS: usize = 80;

/// Cuts a quoted value so one absurd cell cannot flood the warnings panel.
pub(crate) fn clip(s: &str) -> String {
    match s.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::UInt(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Owned(v)))
    }
    fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Object)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::List)
    }
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// The non-object, non-list values of a lenient visitor: kept as "what was found".
macro_rules! other_scalars {
    ($wrap:expr) => {
        fn visit_bool<Er>(self, v: bool) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::Bool(v)))
        }
        fn visit_i64<Er>(self, v: i64) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::Int(v)))
        }
        fn visit_u64<Er>(self, v: u64) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::UInt(v)))
        }
        fn visit_f64<Er>(self, v: f64) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::Float(v)))
        }
        fn visit_borrowed_str<Er>(self, v: &'de str) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::Text(Cow::Borrowed(v))))
        }
        fn visit_str<Er>(self, v: &str) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::Text(Cow::Owned(v.to_owned()))))
        }
        fn visit_unit<Er>(self) -> Result<Self::Value, Er> {
            Ok($wrap(Scalar::Null))
        }
    };
}

/// The known keys of one kind of object, each read leniently.
pub(crate) trait Fields<'de>: Default {
    /// Reads the value of `key` if it is one of ours (returning its position among the
    /// known keys), otherwise skips the value.
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<Option<u32>, A::Error>;
}

/// Declares a struct of optional fields and its `Fields` reader.
macro_rules! fields {
    ($(#[$doc:meta])* $name:ident { $($field:ident : $ty:ty = $key:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Default, Debug)]
        pub(crate) struct $name<'de> {
            $(pub $field: Option<$ty>,)*
        }
        impl<'de> Fields<'de> for $name<'de> {
            fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A)
                -> Result<Option<u32>, A::Error>
            {
                // The variants number the keys, for the repeated-key check.
                #[allow(non_camel_case_types)]
                enum Known { $($field),* }
                match key {
                    $($key => {
                        self.$field = Some(map.next_value()?);
                        Ok(Some(Known::$field as u32))
                    })*
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                        Ok(None)
                    }
                }
            }
        }
    };
}

/// Where an object is expected: the object's fields, or what was found instead.
#[derive(Debug)]
pub(crate) enum Entry<'de, T> {
    Object {
        fields: T,
        /// Known keys written more than once (the last value is used).
        repeated: Vec<String>,
    },
    Other(Scalar<'de>),
}

impl<'de, T: Fields<'de>> Deserialize<'de> for Entry<'de, T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor<T>(PhantomData<T>);
        impl<'de, T: Fields<'de>> Visitor<'de> for EntryVisitor<T> {
            type Value = Entry<'de, T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = T::default();
                let mut seen = 0u32;
                let mut repeated = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key>()? {
                    if let Some(bit) = fields.read(&key, &mut map)? {
                        if seen & (1 << bit) != 0 {
                            repeated.push(clip(&key));
                        }
                        seen |= 1 << bit;
                    }
                }
                Ok(Entry::Object { fields, repeated })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                ScalarVisitor.visit_seq(seq).map(Entry::Other)
            }
            other_scalars!(Entry::Other);
        }
        d.deserialize_any(EntryVisitor(PhantomData))
    }
}

/// Where a list is expected: its items, or what was found instead.
#[derive(Debug)]
pub(crate) enum ListOf<'de, E> {
    List(Vec<E>),
    Other(Scalar<'de>),
}

impl<'de, E: Deserialize<'de>> Deserialize<'de> for ListOf<'de, E> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor<E>(PhantomData<E>);
        impl<'de, E: Deserialize<'de>> Visitor<'de> for ListVisitor<E> {
            type Value = ListOf<'de, E>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                // The size hint is untrusted; cap it so a lie cannot reserve gigabytes.
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(ListOf::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                ScalarVisitor.visit_map(map).map(ListOf::Other)
            }
            other_scalars!(ListOf::Other);
        }
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

/// A runner's split times: `{ "21k": "1:11:02" }` in file order, or what was found instead.
#[derive(Debug)]
pub(crate) enum SplitTimes<'de> {
    Map(Vec<(Cow<'de, str>, Scalar<'de>)>),
    Other(Scalar<'de>),
}

impl<'de> Deserialize<'de> for SplitTimes<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SplitsVisitor;
        impl<'de> Visitor<'de> for SplitsVisitor {
            type Value = SplitTimes<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut times = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key>()? {
                    let value: Scalar = map.next_value()?;
                    times.push((key, value));
                }
                Ok(SplitTimes::Map(times))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                ScalarVisitor.visit_seq(seq).map(SplitTimes::Other)
            }
            other_scalars!(SplitTimes::Other);
        }
        d.deserialize_any(SplitsVisitor)
    }
}

// The objects that format v1 grew later (teams, award groups, relay legs).
mod later;
pub(crate) use later::*;

fields! {
    /// The top level of the file.
    RawRoot {
        format: Scalar<'de> = "format",
        event: Entry<'de, RawEvent<'de>> = "event",
        distances: ListOf<'de, Entry<'de, RawDistance<'de>>> = "distances",
        results: ListOf<'de, Entry<'de, RawRow<'de>>> = "results",
        age_grading: Entry<'de, RawAgeGrading<'de>> = "age_grading",
        parts: Entry<'de, RawParts<'de>> = "parts",
    }
}

fields! {
    /// Age-grading tables: where they come from and one table per distance and sex.
    RawAgeGrading {
        source: Scalar<'de> = "source",
        tables: ListOf<'de, Entry<'de, RawAgeTable<'de>>> = "tables",
    }
}

fields! {
    RawAgeTable {
        km: Scalar<'de> = "km",
        sex: Scalar<'de> = "sex",
        open: Scalar<'de> = "open",
        first_age: Scalar<'de> = "first_age",
        factors: ListOf<'de, Scalar<'de>> = "factors",
    }
}

fields! {
    RawEvent {
        name: Scalar<'de> = "name",
        date: Scalar<'de> = "date",
        place: Scalar<'de> = "place",
        utc_offset: Scalar<'de> = "utc_offset",
        currency: Scalar<'de> = "currency",
        status: Scalar<'de> = "status",
        updated: Scalar<'de> = "updated",
    }
}

fields! {
    RawDistance {
        id: Scalar<'de> = "id",
        name: Scalar<'de> = "name",
        km: Scalar<'de> = "km",
        start: Scalar<'de> = "start",
        ranking: Scalar<'de> = "ranking",
        splits: ListOf<'de, Entry<'de, RawSplitDef<'de>>> = "splits",
        awards: Entry<'de, RawAwards<'de>> = "awards",
        teams: Entry<'de, RawTeams<'de>> = "teams",
        relay: Scalar<'de> = "relay",
    }
}

fields! {
    RawSplitDef {
        id: Scalar<'de> = "id",
        name: Scalar<'de> = "name",
        km: Scalar<'de> = "km",
    }
}

fields! {
    RawAwards {
        places: Scalar<'de> = "places",
        by: Scalar<'de> = "by",
        prizes: ListOf<'de, Scalar<'de>> = "prizes",
        categories: Scalar<'de> = "categories",
        exclude_winners: Scalar<'de> = "exclude_winners",
        min_finishers: Scalar<'de> = "min_finishers",
        groups: ListOf<'de, Entry<'de, RawAwardGroup<'de>>> = "groups",
    }
}

fields! {
    /// One entry of `results`.
    RawRow {
        bib: Scalar<'de> = "bib",
        name: Scalar<'de> = "name",
        sex: Scalar<'de> = "sex",
        birth_year: Scalar<'de> = "birth_year",
        age: Scalar<'de> = "age",
        category: Scalar<'de> = "category",
        club: Scalar<'de> = "club",
        city: Scalar<'de> = "city",
        country: Scalar<'de> = "country",
        distance: Scalar<'de> = "distance",
        status: Scalar<'de> = "status",
        chip_time: Scalar<'de> = "chip_time",
        gun_time: Scalar<'de> = "gun_time",
        splits: SplitTimes<'de> = "splits",
        place: Scalar<'de> = "place",
        team: Scalar<'de> = "team",
        legs: ListOf<'de, Entry<'de, RawLeg<'de>>> = "legs",
        // Boxed: every row of a file is held at once while it is read, and only heads
        // and parts have a standing (inline it cost 12 MB of memory at 50,000 rows).
        standing: Box<Entry<'de, RawStanding<'de>>> = "standing",
    }
}

#[cfg(test)]
mod tests {
    /// Every row of a file is held as a RawRow while the file is read (50,000 rows: this
    /// size times 50,000): a field added inline shows here. Rarely present objects go in
    /// a Box.
    #[test]
    fn a_raw_row_stays_small() {
        assert!(std::mem::size_of::<super::Entry<super::RawRow>>() <= 456);
    }
}
