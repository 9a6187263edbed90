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

fields! {
    /// `parts` in the head of results published in parts (docs/parts.md).
    RawParts {
        version: Scalar<'de> = "version",
        whole: Scalar<'de> = "whole",
        runners: Scalar<'de> = "runners",
        distances: ListOf<'de, Entry<'de, RawPartsDistance<'de>>> = "distances",
        names: ListOf<'de, Entry<'de, RawPartRef<'de>>> = "names",
        bibs: ListOf<'de, Entry<'de, RawPartRef<'de>>> = "bibs",
    }
}

fields! {
    /// One entry of `parts.distances`: counts over the whole file.
    RawPartsDistance {
        id: Scalar<'de> = "id",
        runners: Scalar<'de> = "runners",
        finishers: Scalar<'de> = "finishers",
        sex: super::SplitTimes<'de> = "sex",
        categories: super::SplitTimes<'de> = "categories",
    }
}

fields! {
    /// One entry of `parts.names` or `parts.bibs`.
    RawPartRef {
        key: Scalar<'de> = "key",
        exact: Scalar<'de> = "exact",
        file: Scalar<'de> = "file",
        runners: Scalar<'de> = "runners",
    }
}

fields! {
    /// `results[].standing`: a row's places in the whole file, in a head or a part.
    RawStanding {
        row: Scalar<'de> = "row",
        overall: Scalar<'de> = "overall",
        sex: Scalar<'de> = "sex",
        category: Scalar<'de> = "category",
        splits: ListOf<'de, Scalar<'de>> = "splits",
    }
}
