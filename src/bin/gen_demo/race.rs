//! Running one course: the field's names, ages and homes, finish times, start corrals,
//! splits, the ones who did not start, did not finish or were disqualified, and bibs.
use super::courses::{Ages, Course, Field, Lead, Ranking, Sex, Status, Who};
use super::hometowns::{draw_home, draw_people};
use super::names::{feminine_surname, names_of, spell, People};
use super::rng::{exp, Rng};

pub const RACE_YEAR: u16 = 2021;

/// One row of the results, times in tenths of a second.
pub struct Entry {
    pub bib: u32,
    pub name: String,
    pub sex: Sex,
    pub birth_year: Option<u16>,
    pub category: String,
    pub club: Option<&'static str>,
    pub city: &'static str,
    pub country: &'static str,
    pub status: Status,
    pub chip: Option<u32>,
    pub gun: Option<u32>,
    /// Cumulative chip times at the split points reached, whole seconds, course order.
    pub splits: Vec<(&'static str, u32)>,
}

/// What the runner would have run; status decides how much of it reaches the results.
struct Plan {
    entry: Entry,
    /// Chip time at the finish, tenths.
    finish: u32,
    /// Gun minus chip: how long the runner's corral waited to cross the start.
    start_delay: u32,
    /// 0 for the front of the field, towards 1 at the back.
    slowness: f64,
}

/// The course's results for `runners` runners, in bib order from `first_bib`.
pub fn run_course(
    course: &Course,
    runners: usize,
    first_bib: u32,
    disqualified: usize,
    rng: &mut Rng,
) -> Vec<Entry> {
    let leads: Vec<Plan> = course
        .leads
        .iter()
        .take(runners)
        .map(|lead| lead_plan(course, lead, rng))
        .collect();
    let crowd_size = runners - leads.len();
    let mut crowd: Vec<Plan> = (0..crowd_size).map(|_| crowd_plan(course, rng)).collect();
    line_up(&mut crowd, rng);
    disqualify(&mut crowd, disqualified, rng);

    let mut entries = Vec::with_capacity(runners);
    for (i, mut plan) in leads.into_iter().chain(crowd).enumerate() {
        plan.entry.bib = first_bib + i as u32;
        entries.push(finish(course, plan, rng));
    }
    if let Some((category, place)) = course.shared_category_place {
        share_place(&mut entries, category, place, course.ranking);
    }
    entries
}

fn lead_plan(course: &Course, lead: &Lead, rng: &mut Rng) -> Plan {
    // Leaders stand on the line: a second or two between gun and chip.
    let start_delay = 10 * rng.below(3) as u32;
    let finish = match course.ranking {
        Ranking::Gun => lead.time.saturating_sub(start_delay),
        Ranking::Chip => lead.time,
    };
    let entry = match lead.who {
        Who::Named {
            name,
            city,
            country,
            category,
        } => Entry {
            bib: 0,
            name: name.to_string(),
            sex: lead.sex,
            birth_year: None,
            category: category.to_string(),
            club: None,
            city,
            country,
            status: lead.status,
            chip: None,
            gun: None,
            splits: Vec::new(),
        },
        Who::Drawn(people) => {
            let age = 23 + rng.below(14) as u16;
            person(course, lead.sex, people, age, lead.status, rng)
        }
    };
    Plan {
        entry,
        finish,
        start_delay,
        slowness: 0.0,
    }
}

fn crowd_plan(course: &Course, rng: &mut Rng) -> Plan {
    let sex = if rng.chance(course.men_share) {
        Sex::M
    } else {
        Sex::F
    };
    let (field, ages) = match sex {
        Sex::M => (&course.men, &course.men_ages),
        Sex::F => (&course.women, &course.women_ages),
    };
    let age = draw_age(ages, rng);
    let mut finish = 10 * finish_seconds(field, age, rng);
    // Some rows carry tenths of a second, as some timing systems report them.
    if rng.chance(0.03) {
        finish += 1 + rng.below(9) as u32;
    }
    let roll = rng.unit();
    let status = if roll < 0.02 {
        Status::Dns
    } else if roll < 0.05 {
        Status::Dnf
    } else {
        Status::Finished
    };
    let people = draw_people(rng);
    let entry = person(course, sex, people, age, status, rng);
    Plan {
        entry,
        finish,
        start_delay: 0,
        slowness: 0.0,
    }
}

fn person(
    course: &Course,
    sex: Sex,
    people: People,
    age: u16,
    status: Status,
    rng: &mut Rng,
) -> Entry {
    let home = draw_home(rng, people, course.walkers);
    let list = names_of(people);
    let given = match sex {
        Sex::M => rng.pick(list.male),
        Sex::F => rng.pick(list.female),
    };
    let surname = match sex {
        Sex::M => rng.pick(list.surnames).to_string(),
        Sex::F => feminine_surname(rng.pick(list.surnames)),
    };
    let name = match people {
        People::Foreign(_) => format!("{given} {surname}"),
        _ => spell(&format!("{given} {surname}"), home.spelling),
    };
    Entry {
        bib: 0,
        name,
        sex,
        birth_year: Some(RACE_YEAR - age),
        category: category(sex, age),
        club: home.club,
        city: home.city,
        country: home.country,
        status,
        chip: None,
        gun: None,
        splits: Vec::new(),
    }
}

fn draw_age(ages: &Ages, rng: &mut Rng) -> u16 {
    let age = ages.mean + ages.spread * rng.normal();
    age.clamp(18.0, 82.0) as u16
}

/// Age groups by age on race day: open up to 34, then five-year groups, 65 and over.
pub fn category(sex: Sex, age: u16) -> String {
    let group = match age {
        0..=34 => "20",
        35..=39 => "35",
        40..=44 => "40",
        45..=49 => "45",
        50..=54 => "50",
        55..=59 => "55",
        60..=64 => "60",
        _ => "65+",
    };
    format!("{}{group}", sex.code())
}

/// Whole seconds from the field's spread, a little slower with every year past forty.
fn finish_seconds(field: &Field, age: u16, rng: &mut Rng) -> u32 {
    let years = 1.0 + 0.007 * f64::from(age.saturating_sub(40));
    for _ in 0..100 {
        let z = rng.normal();
        let spread = if z < 0.0 { field.below } else { field.above };
        let secs = f64::from(field.median) * exp(spread * z) * years;
        if secs >= f64::from(field.floor) && secs <= f64::from(field.cap) {
            return secs as u32;
        }
    }
    field.median
}

/// Start corrals by expected time (runners misjudge it a little): the front starts with
/// the gun, the back up to four minutes later. Bibs follow the corrals.
fn line_up(crowd: &mut Vec<Plan>, rng: &mut Rng) {
    let mut by_time: Vec<usize> = (0..crowd.len()).collect();
    by_time.sort_by_key(|&i| crowd[i].finish);
    let n = crowd.len().max(1) as f64;
    for (rank, &i) in by_time.iter().enumerate() {
        let slowness = rank as f64 / n;
        let guess = (slowness + 0.08 * rng.normal()).clamp(0.0, 0.999);
        let corral = (guess * 5.0) as u32;
        crowd[i].slowness = slowness;
        crowd[i].start_delay = 10 * (corral * 48 + rng.below(48) as u32);
    }
    let mut keyed: Vec<(u32, u64, Plan)> = crowd
        .drain(..)
        .map(|p| (p.start_delay / 480, rng.next_u64(), p))
        .collect();
    keyed.sort_by_key(|(corral, key, _)| (*corral, *key));
    crowd.extend(keyed.into_iter().map(|(_, _, p)| p));
}

fn disqualify(crowd: &mut [Plan], count: usize, rng: &mut Rng) {
    let mut left = count;
    for _ in 0..count * 50 {
        if left == 0 || crowd.is_empty() {
            return;
        }
        let i = rng.below(crowd.len());
        if crowd[i].entry.status == Status::Finished {
            crowd[i].entry.status = Status::Dsq;
            left -= 1;
        }
    }
}

/// Fills in what the timing mats recorded.
fn finish(course: &Course, plan: Plan, rng: &mut Rng) -> Entry {
    let Plan {
        mut entry,
        finish,
        start_delay,
        slowness,
    } = plan;
    let ran = matches!(entry.status, Status::Finished | Status::Dsq | Status::Dnf);
    if ran && !course.splits.is_empty() {
        let mut splits = split_times(course, finish, slowness, rng);
        match entry.status {
            Status::Dnf => splits.truncate(rng.below(splits.len())),
            // Disqualified for a missed mat.
            Status::Dsq => {
                splits.remove(rng.below(splits.len()));
            }
            _ => {}
        }
        entry.splits = splits;
    }
    if matches!(entry.status, Status::Finished | Status::Dsq) {
        entry.chip = Some(finish);
        entry.gun = Some(finish + start_delay);
    }
    entry
}

/// Cumulative split times consistent with the finish: most runners slow down in the
/// second half (more so further back), a few of the fastest speed up, and every
/// stretch between mats varies a little.
fn split_times(
    course: &Course,
    finish: u32,
    slowness: f64,
    rng: &mut Rng,
) -> Vec<(&'static str, u32)> {
    let fade = (0.01 + 0.1 * slowness + 0.025 * rng.normal()).clamp(-0.04, 0.2);
    // Share of the finish time spent up to fraction x of the course.
    let spent = |x: f64| x * (1.0 - fade * (1.0 - x));
    let mut marks: Vec<f64> = course
        .splits
        .iter()
        .map(|p| (p.km / course.km).clamp(0.0, 1.0))
        .collect();
    marks.push(1.0);
    let mut before = 0.0;
    let stretches: Vec<f64> = marks
        .iter()
        .map(|&x| {
            let stretch = (spent(x) - spent(before)) * (1.0 + 0.015 * rng.normal()).max(0.5);
            before = x;
            stretch
        })
        .collect();
    let total: f64 = stretches.iter().sum();
    let finish_secs = finish / 10;
    let mut elapsed = 0.0;
    let mut last = 0;
    let mut splits = Vec::with_capacity(course.splits.len());
    for (point, stretch) in course.splits.iter().zip(&stretches) {
        elapsed += stretch;
        let secs = ((f64::from(finish_secs) * elapsed / total) as u32).max(last + 1);
        splits.push((point.id, secs));
        last = secs;
    }
    splits
}

/// Gives the runner behind place `place` of `category` the same ranking time, so that
/// place is shared on purpose.
fn share_place(entries: &mut [Entry], category: &str, place: usize, ranking: Ranking) {
    let time = |e: &Entry| match ranking {
        Ranking::Chip => e.chip,
        Ranking::Gun => e.gun,
    };
    let mut group: Vec<usize> = (0..entries.len())
        .filter(|&i| entries[i].status == Status::Finished && entries[i].category == category)
        .filter(|&i| time(&entries[i]).is_some())
        .collect();
    group.sort_by_key(|&i| (time(&entries[i]), entries[i].bib));
    let (Some(&ahead), Some(&behind)) = (group.get(place - 1), group.get(place)) else {
        return;
    };
    let (Some(chip), Some(gun)) = (entries[ahead].chip, entries[ahead].gun) else {
        return;
    };
    let behind = &mut entries[behind];
    let (Some(own_chip), Some(own_gun)) = (behind.chip, behind.gun) else {
        return;
    };
    match ranking {
        Ranking::Chip => {
            behind.chip = Some(chip);
            behind.gun = Some(chip + (own_gun - own_chip));
        }
        Ranking::Gun => {
            behind.gun = Some(gun);
            behind.chip = Some(gun.saturating_sub(own_gun - own_chip));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::COURSES;

    #[test]
    fn categories_by_age() {
        let table = [
            (Sex::M, 18, "M20"),
            (Sex::M, 34, "M20"),
            (Sex::M, 35, "M35"),
            (Sex::F, 49, "F45"),
            (Sex::F, 64, "F60"),
            (Sex::M, 65, "M65+"),
            (Sex::F, 80, "F65+"),
        ];
        for (sex, age, name) in table {
            assert_eq!(category(sex, age), name);
        }
    }

    #[test]
    fn splits_rise_and_stay_below_the_finish() {
        let mut rng = Rng::derived(3, 3);
        for course in COURSES.iter().filter(|c| !c.splits.is_empty()) {
            for i in 0..500 {
                let finish = 10 * (4000 + 40 * i);
                let splits = split_times(course, finish, i as f64 / 500.0, &mut rng);
                assert_eq!(splits.len(), course.splits.len());
                let secs: Vec<u32> = splits.iter().map(|s| s.1).collect();
                assert!(secs.windows(2).all(|w| w[0] < w[1]), "{secs:?}");
                assert!(*secs.last().unwrap_or(&0) < finish / 10);
            }
        }
    }

    #[test]
    fn times_stay_between_floor_and_cutoff() {
        let mut rng = Rng::derived(9, 9);
        for course in &COURSES {
            for field in [&course.men, &course.women] {
                for age in [18, 40, 82] {
                    for _ in 0..200 {
                        let t = finish_seconds(field, age, &mut rng);
                        assert!(t >= field.floor && t <= field.cap, "{} {t}", course.id);
                    }
                }
            }
        }
    }

    #[test]
    fn a_shared_place_gets_equal_times() {
        let course = &COURSES[2];
        let mut rng = Rng::derived(2021, 2);
        let entries = run_course(course, 900, 3001, 1, &mut rng);
        let mut m50: Vec<u32> = entries
            .iter()
            .filter(|e| e.category == "M50" && e.status == Status::Finished)
            .filter_map(|e| e.chip)
            .collect();
        m50.sort();
        assert!(m50.len() > 3);
        assert_eq!(m50[1], m50[2]);
        assert!(m50[0] < m50[1] && m50[2] < m50[3]);
    }
}
