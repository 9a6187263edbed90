//! Where runners come from: peoples, countries, cities and the clubs that train there.
use super::names::{Issuer, People, Spelling, FOREIGNERS};
use super::rng::Rng;

pub struct City {
    pub name: &'static str,
    pub weight: u32,
    pub clubs: &'static [&'static str],
}

const ALMATY_CLUBS: &[&str] = &[
    "Almaty Runners",
    "I Love Running",
    "Almaty Marathon Club",
    "RunLab Almaty",
    "Alatau Trail Runners",
    "Medeu Runners",
    "Kok-Tobe Running Club",
];
const TOWN_CLUBS: &[&str] = &["Tulpar Run", "I Love Running"];

const fn city(name: &'static str, weight: u32, clubs: &'static [&'static str]) -> City {
    City {
        name,
        weight,
        clubs,
    }
}

pub const KAZ: &[City] = &[
    city("Almaty", 60, ALMATY_CLUBS),
    city(
        "Nur-Sultan",
        10,
        &["Astana Marathon Club", "Esil Runners", "I Love Running"],
    ),
    city("Shymkent", 6, &["Shymkent Run"]),
    city("Karaganda", 5, &["Karaganda Running Club"]),
    city("Taraz", 3, TOWN_CLUBS),
    city("Taldykorgan", 3, TOWN_CLUBS),
    city("Kaskelen", 3, &["Almaty Runners"]),
    city("Talgar", 2, &["Almaty Runners", "Alatau Trail Runners"]),
    city("Ust-Kamenogorsk", 2, &["Altai Runners"]),
    city("Pavlodar", 2, TOWN_CLUBS),
    city("Aktobe", 2, TOWN_CLUBS),
    city("Kostanay", 1, TOWN_CLUBS),
    city("Atyrau", 1, &["Atyrau Runners"]),
    city("Semey", 1, TOWN_CLUBS),
    city("Kyzylorda", 1, TOWN_CLUBS),
    city("Turkistan", 1, &["Shymkent Run"]),
    city("Aktau", 1, TOWN_CLUBS),
];

pub const KGZ: &[City] = &[
    city("Bishkek", 70, &["Bishkek Running Club", "Ala-Too Runners"]),
    city("Osh", 10, &["Osh Runners"]),
    city("Karakol", 10, &["Issyk-Kul Runners"]),
    city("Cholpon-Ata", 5, &["Issyk-Kul Runners"]),
    city("Tokmok", 5, &["Bishkek Running Club"]),
];

pub const UZB: &[City] = &[
    city(
        "Tashkent",
        70,
        &["Tashkent Runners", "Uzbekistan Running Community"],
    ),
    city("Samarkand", 10, &["Samarkand Runners"]),
    city("Fergana", 6, &["Tashkent Runners"]),
    city("Namangan", 5, &["Tashkent Runners"]),
    city("Bukhara", 5, &["Samarkand Runners"]),
    city("Andijan", 4, &["Tashkent Runners"]),
];

pub const RUS: &[City] = &[
    city("Moscow", 30, &["I Love Running", "Moscow Marathon Club"]),
    city("Novosibirsk", 20, &["Sibir Run"]),
    city("Omsk", 15, &["Sibir Run"]),
    city("Barnaul", 10, &["Altai Runners"]),
    city("Yekaterinburg", 10, &["Ural Runners"]),
    city("Saint Petersburg", 10, &["I Love Running"]),
    city("Kazan", 5, &["I Love Running"]),
];

/// The crowd of an Almaty race: mostly Kazakhstan, then its neighbours, a few guests.
const PEOPLES: &[(People, u32)] = &[
    (People::Kazakh, 200),
    (People::Russian, 120),
    (People::Kyrgyz, 34),
    (People::Uzbek, 34),
    (People::Foreign(0), 3),
    (People::Foreign(1), 3),
    (People::Foreign(2), 3),
    (People::Foreign(3), 3),
];

/// Who a runner is, apart from the name.
pub struct Home {
    pub country: &'static str,
    pub city: &'static str,
    pub club: Option<&'static str>,
    pub spelling: Spelling,
}

pub fn draw_people(rng: &mut Rng) -> People {
    *rng.weighted(PEOPLES)
}

/// Country, city, club and name spelling for someone of `people`. Walkers in Almaty
/// often come with the Nordic walking club.
pub fn draw_home(rng: &mut Rng, people: People, walker: bool) -> Home {
    let country = match people {
        People::Kazakh => *rng.weighted(&[("KAZ", 98), ("RUS", 2)]),
        People::Russian => *rng.weighted(&[("KAZ", 80), ("RUS", 17), ("KGZ", 3)]),
        People::Kyrgyz => *rng.weighted(&[("KGZ", 80), ("KAZ", 20)]),
        People::Uzbek => *rng.weighted(&[("UZB", 70), ("KAZ", 30)]),
        People::Foreign(i) => FOREIGNERS[i % FOREIGNERS.len()].country,
    };
    if let People::Foreign(i) = people {
        let guests = &FOREIGNERS[i % FOREIGNERS.len()];
        return Home {
            country,
            city: rng.pick(guests.cities),
            club: None,
            spelling: Spelling::Passport(Issuer::Kaz),
        };
    }
    // Kazakhstan's Uzbeks live mostly in the south.
    let city = if people == People::Uzbek && country == "KAZ" {
        let name = *rng.weighted(&[("Shymkent", 3), ("Turkistan", 1), ("Almaty", 2)]);
        KAZ.iter().find(|c| c.name == name).unwrap_or(&KAZ[0])
    } else {
        let cities = match country {
            "KGZ" => KGZ,
            "UZB" => UZB,
            "RUS" => RUS,
            _ => KAZ,
        };
        let weighted: Vec<(&City, u32)> = cities.iter().map(|c| (c, c.weight)).collect();
        *rng.weighted(&weighted)
    };
    let club = if walker && city.name == "Almaty" && rng.chance(0.5) {
        Some("Nordic Walking Almaty")
    } else if rng.chance(0.6) {
        Some(rng.pick(city.clubs))
    } else {
        None
    };
    let cyrillic_share = match people {
        People::Kazakh => 0.45,
        People::Russian => 0.5,
        People::Kyrgyz => 0.35,
        _ => 0.25,
    };
    let spelling = if rng.chance(cyrillic_share) {
        Spelling::Cyrillic
    } else {
        match country {
            "RUS" => Spelling::Passport(Issuer::Rus),
            "KGZ" => Spelling::Passport(Issuer::Kgz),
            "UZB" if rng.chance(0.5) => Spelling::UzbekLatin,
            "UZB" => Spelling::Passport(Issuer::Uzb),
            _ => Spelling::Passport(Issuer::Kaz),
        }
    };
    Home {
        country,
        city: city.name,
        club,
        spelling,
    }
}
