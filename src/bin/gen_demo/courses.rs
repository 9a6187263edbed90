//! The four races of the demo day, how their fields run, and who must lead them.
use super::names::People;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    M,
    F,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::M => "M",
            Sex::F => "F",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    Chip,
    Gun,
}

impl Ranking {
    pub fn code(self) -> &'static str {
        match self {
            Ranking::Chip => "chip",
            Ranking::Gun => "gun",
        }
    }
}

// The viewer's own statuses, so the demo writes exactly the codes the format reads.
pub use race_results::domain::Status;

pub struct SplitPoint {
    pub id: &'static str,
    pub name: &'static str,
    pub km: f64,
}

/// How one sex's finish times spread: log-normal around the median with a different
/// spread on each side, cut at a floor (just behind the named leaders, so they stay in
/// front) and at the cutoff. Seconds.
pub struct Field {
    pub median: u32,
    pub below: f64,
    pub above: f64,
    pub floor: u32,
    pub cap: u32,
}

/// Runners' ages at the race: mean and spread, in years.
pub struct Ages {
    pub mean: f64,
    pub spread: f64,
}

/// A runner whose result is fixed in advance: the reported winners, the podiums, and
/// the deliberate ties.
pub struct Lead {
    pub sex: Sex,
    pub who: Who,
    /// The ranking time (gun or chip, as the course ranks), tenths of a second.
    pub time: u32,
    pub status: Status,
}

pub enum Who {
    /// A name the race reported; no birth year is made up for a real person.
    Named {
        name: &'static str,
        city: &'static str,
        country: &'static str,
        category: &'static str,
    },
    /// Anyone of this people, drawn like the rest of the field.
    Drawn(People),
}

/// Club standings: a club's best `scorers` finishers score, in each group.
pub struct Teams {
    pub scorers: u32,
    pub groups: &'static [TeamGroup],
}

/// One standing: "M", "F", "mixed" or "overall", with its own scorers and minimums.
pub struct TeamGroup {
    pub id: &'static str,
    pub scorers: Option<u32>,
    pub min_women: Option<u32>,
    pub min_men: Option<u32>,
}

const fn group(id: &'static str) -> TeamGroup {
    TeamGroup {
        id,
        scorers: None,
        min_women: None,
        min_men: None,
    }
}

/// Masters awards: the main podiums' runners left out of the categories, prizes for the
/// masters categories, and small old categories merged into younger ones.
pub struct Masters {
    pub min_finishers: u32,
    pub groups: &'static [AwardGroup],
}

pub struct AwardGroup {
    pub id: &'static str,
    pub prizes: &'static [u64],
    pub merge_into: Option<&'static str>,
}

const fn prize(id: &'static str, prizes: &'static [u64]) -> AwardGroup {
    AwardGroup {
        id,
        prizes,
        merge_into: None,
    }
}

const fn merge(id: &'static str, into: &'static str) -> AwardGroup {
    AwardGroup {
        id,
        prizes: &[],
        merge_into: Some(into),
    }
}

pub struct Course {
    pub id: &'static str,
    pub name: &'static str,
    pub km: f64,
    pub start: &'static str,
    pub ranking: Ranking,
    pub splits: &'static [SplitPoint],
    pub prizes: &'static [u64],
    pub categories: bool,
    /// Runners on this course out of every 3,000.
    pub per_3000: usize,
    pub men_share: f64,
    pub men: Field,
    pub women: Field,
    pub men_ages: Ages,
    pub women_ages: Ages,
    pub walkers: bool,
    /// Disqualified runners drawn from the field, per 3,000 runners in the event.
    pub disqualified: usize,
    /// First bib of the course's range, and the size of the range, for 3,000 runners.
    pub bibs: (u32, u32),
    pub leads: &'static [Lead],
    /// An age category whose place `.1` is shared on purpose.
    pub shared_category_place: Option<(&'static str, usize)>,
    pub teams: Option<Teams>,
    pub masters: Option<Masters>,
}

/// Tenths of a second.
const fn t(h: u32, m: u32, s: u32) -> u32 {
    (h * 3600 + m * 60 + s) * 10
}

/// Seconds.
const fn s(h: u32, m: u32, s: u32) -> u32 {
    h * 3600 + m * 60 + s
}

const fn lead(sex: Sex, people: People, time: u32) -> Lead {
    Lead {
        sex,
        who: Who::Drawn(people),
        time,
        status: Status::Finished,
    }
}

const fn point(id: &'static str, name: &'static str, km: f64) -> SplitPoint {
    SplitPoint { id, name, km }
}

use People::*;
use Sex::*;

pub const COURSES: [Course; 4] = [
    Course {
        id: "42k",
        name: "Marathon",
        km: 42.195,
        start: "07:30:00",
        // Places in the marathon follow the gun, as the rules for elite marathons do;
        // the other courses rank by chip time.
        ranking: Ranking::Gun,
        splits: &[
            point("5k", "5 km", 5.0),
            point("10k", "10 km", 10.0),
            point("15k", "15 km", 15.0),
            point("21.1k", "21.1 km", 21.0975),
            point("25k", "25 km", 25.0),
            point("30k", "30 km", 30.0),
            point("35k", "35 km", 35.0),
            point("40k", "40 km", 40.0),
        ],
        prizes: &[600_000, 500_000, 400_000],
        categories: false,
        per_3000: 700,
        men_share: 0.72,
        men: Field {
            median: s(4, 8, 0),
            below: 0.19,
            above: 0.16,
            floor: s(2, 39, 0),
            cap: s(6, 25, 0),
        },
        women: Field {
            median: s(4, 33, 0),
            below: 0.17,
            above: 0.15,
            floor: s(3, 10, 0),
            cap: s(6, 25, 0),
        },
        men_ages: Ages {
            mean: 38.0,
            spread: 9.0,
        },
        women_ages: Ages {
            mean: 37.0,
            spread: 9.0,
        },
        walkers: false,
        disqualified: 2,
        bibs: (1, 999),
        leads: &[
            Lead {
                sex: M,
                who: Who::Named {
                    name: "Islam Amangos",
                    city: "Almaty",
                    country: "KAZ",
                    category: "M20",
                },
                time: t(2, 25, 31),
                status: Status::Finished,
            },
            Lead {
                sex: F,
                who: Who::Named {
                    name: "Dana Gussarova",
                    city: "Almaty",
                    country: "KAZ",
                    category: "F20",
                },
                time: t(2, 51, 12),
                status: Status::Finished,
            },
            lead(M, Kyrgyz, t(2, 28, 47)),
            lead(M, Kazakh, t(2, 31, 5) + 4),
            lead(M, Russian, t(2, 33, 58)),
            lead(M, Uzbek, t(2, 36, 20)),
            lead(F, Kazakh, t(2, 58, 40)),
            lead(F, Kyrgyz, t(3, 2, 17)),
            lead(F, Russian, t(3, 6, 45)),
        ],
        shared_category_place: None,
        teams: Some(Teams {
            scorers: 5,
            groups: &[
                group("M"),
                TeamGroup {
                    scorers: Some(3),
                    ..group("F")
                },
            ],
        }),
        masters: None,
    },
    Course {
        id: "21k",
        name: "Half marathon",
        km: 21.0975,
        start: "07:45:00",
        ranking: Ranking::Chip,
        splits: &[
            point("5k", "5 km", 5.0),
            point("10k", "10 km", 10.0),
            point("15k", "15 km", 15.0),
            point("20k", "20 km", 20.0),
        ],
        prizes: &[350_000, 250_000, 200_000],
        categories: false,
        per_3000: 1100,
        men_share: 0.6,
        men: Field {
            median: s(1, 56, 0),
            below: 0.19,
            above: 0.17,
            floor: s(1, 13, 0),
            cap: s(3, 25, 0),
        },
        women: Field {
            median: s(2, 12, 0),
            below: 0.17,
            above: 0.16,
            floor: s(1, 24, 0),
            cap: s(3, 25, 0),
        },
        men_ages: Ages {
            mean: 35.0,
            spread: 9.0,
        },
        women_ages: Ages {
            mean: 33.0,
            spread: 9.0,
        },
        walkers: false,
        disqualified: 1,
        bibs: (1001, 1999),
        leads: &[
            Lead {
                sex: M,
                who: Who::Named {
                    name: "Shokhrukh Davlatov",
                    city: "Tashkent",
                    country: "UZB",
                    category: "M20",
                },
                time: t(1, 6, 12),
                status: Status::Finished,
            },
            Lead {
                sex: F,
                who: Who::Named {
                    name: "Assem Kabidoldanova",
                    city: "Almaty",
                    country: "KAZ",
                    category: "F20",
                },
                time: t(1, 15, 40),
                status: Status::Finished,
            },
            lead(M, Kazakh, t(1, 7, 40)),
            // Cut the course: a time that would be second, which must win nothing.
            Lead {
                sex: M,
                who: Who::Drawn(Kazakh),
                time: t(1, 6, 58),
                status: Status::Dsq,
            },
            lead(M, Kyrgyz, t(1, 9, 5)),
            lead(M, Russian, t(1, 11, 30)),
            lead(F, Russian, t(1, 19, 2)),
            lead(F, Uzbek, t(1, 21, 33)),
        ],
        shared_category_place: None,
        teams: Some(Teams {
            scorers: 4,
            groups: &[
                group("M"),
                TeamGroup {
                    scorers: Some(3),
                    ..group("F")
                },
                TeamGroup {
                    min_women: Some(2),
                    min_men: Some(2),
                    ..group("mixed")
                },
            ],
        }),
        masters: None,
    },
    Course {
        id: "10k",
        name: "10 km",
        km: 10.0,
        start: "08:30:00",
        ranking: Ranking::Chip,
        splits: &[],
        prizes: &[],
        categories: true,
        per_3000: 900,
        men_share: 0.57,
        men: Field {
            median: s(0, 53, 0),
            below: 0.2,
            above: 0.2,
            floor: s(0, 34, 10),
            cap: s(1, 40, 0),
        },
        women: Field {
            median: s(1, 2, 30),
            below: 0.18,
            above: 0.18,
            floor: s(0, 40, 30),
            cap: s(1, 40, 0),
        },
        men_ages: Ages {
            mean: 33.0,
            spread: 10.0,
        },
        women_ages: Ages {
            mean: 32.0,
            spread: 10.0,
        },
        walkers: false,
        disqualified: 1,
        bibs: (3001, 1999),
        leads: &[
            lead(M, Kazakh, t(0, 32, 7) + 4),
            lead(F, Kazakh, t(0, 36, 28)),
            lead(M, Kyrgyz, t(0, 32, 41)),
            lead(M, Russian, t(0, 33, 15)),
            lead(F, Russian, t(0, 37, 52)),
            // Third place among women is shared: equal chip times, then fifth.
            lead(F, Kazakh, t(0, 39, 10)),
            lead(F, Uzbek, t(0, 39, 10)),
            lead(F, Kyrgyz, t(0, 39, 55)),
        ],
        shared_category_place: Some(("M50", 2)),
        teams: None,
        masters: Some(Masters {
            min_finishers: 3,
            groups: &[
                prize("M40", &[60_000, 40_000, 20_000]),
                prize("F40", &[60_000, 40_000, 20_000]),
                prize("M50", &[60_000, 40_000, 20_000]),
                prize("F50", &[60_000, 40_000, 20_000]),
                merge("M60", "M55"),
                merge("F60", "F55"),
                merge("F55", "F50"),
            ],
        }),
    },
    Course {
        id: "10k-walk",
        name: "10 km Nordic walking",
        km: 10.0,
        start: "08:40:00",
        ranking: Ranking::Chip,
        splits: &[],
        prizes: &[],
        categories: false,
        per_3000: 300,
        men_share: 0.38,
        men: Field {
            median: s(1, 26, 0),
            below: 0.12,
            above: 0.12,
            floor: s(1, 10, 30),
            cap: s(2, 10, 0),
        },
        women: Field {
            median: s(1, 32, 0),
            below: 0.11,
            above: 0.12,
            floor: s(1, 15, 0),
            cap: s(2, 10, 0),
        },
        men_ages: Ages {
            mean: 52.0,
            spread: 11.0,
        },
        women_ages: Ages {
            mean: 50.0,
            spread: 11.0,
        },
        walkers: true,
        disqualified: 1,
        bibs: (5001, 999),
        leads: &[
            lead(M, Kazakh, t(1, 5, 44)),
            lead(F, Russian, t(1, 10, 15)),
            lead(M, Russian, t(1, 7, 20)),
            lead(M, Kazakh, t(1, 9, 2)),
            lead(F, Kazakh, t(1, 12, 40)),
            lead(F, Kyrgyz, t(1, 13, 30)),
        ],
        shared_category_place: None,
        teams: Some(Teams {
            scorers: 3,
            groups: &[group("overall")],
        }),
        masters: None,
    },
];
