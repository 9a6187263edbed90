//! Raw objects added to format v1 after its first release, read like the others.
use super::{Entry, Fields, ListOf, Scalar};
use serde::de::{IgnoredAny, MapAccess};

fields! {
    /// `distances[].teams`: how team standings are scored.
    RawTeams {
        by: Scalar<'de> = "by",
        scorers: Scalar<'de> = "scorers",
        score: Scalar<'de> = "score",
        tie_break: Scalar<'de> = "tie_break",
        groups: ListOf<'de, Entry<'de, RawTeamGroup<'de>>> = "groups",
    }
}

fields! {
    /// One entry of `teams.groups`.
    RawTeamGroup {
        id: Scalar<'de> = "id",
        scorers: Scalar<'de> = "scorers",
        min_women: Scalar<'de> = "min_women",
        min_men: Scalar<'de> = "min_men",
    }
}

fields! {
    /// One entry of `awards.groups`: one podium's own settings.
    RawAwardGroup {
        id: Scalar<'de> = "id",
        places: Scalar<'de> = "places",
        prizes: ListOf<'de, Scalar<'de>> = "prizes",
        merge_into: Scalar<'de> = "merge_into",
    }
}

fields! {
    /// One entry of a relay team's `legs`.
    RawLeg {
        name: Scalar<'de> = "name",
        bib: Scalar<'de> = "bib",
        sex: Scalar<'de> = "sex",
        time: Scalar<'de> = "time",
    }
}
