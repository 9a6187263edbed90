//! Invariants of places and podiums on generated results: times drawn from a small range
//! so ties are common, every status, missing sexes, categories, times and distances.
mod domain_support;

use std::collections::HashMap;

use domain_support::*;
use proptest::prelude::*;
use race_results::domain::{
    compute_standings, histogram, podiums, share_beaten, AwardsBy, Distance, PodiumGroup, RaceTime,
    Results, Runner, Sex, Standings, Status,
};

const CATEGORIES: [&str; 5] = ["M20", "M40", "F35", " F35", ""];

fn distance_strategy() -> impl Strategy<Value = Distance> {
    (
        any::<bool>(),
        0usize..3,
        proptest::option::of((
            0u32..5,
            any::<bool>(),
            proptest::collection::vec(1u64..1000, 0..5),
            any::<bool>(),
        )),
    )
        .prop_map(|(gun, splits, awards)| {
            let mut d = dist("d");
            if gun {
                d = d.gun_ranked();
            }
            let points: Vec<(String, Option<f64>)> = (0..splits)
                .map(|k| (format!("s{k}"), Some(k as f64 + 1.0)))
                .collect();
            let points: Vec<(&str, Option<f64>)> =
                points.iter().map(|(id, km)| (id.as_str(), *km)).collect();
            d = d.split_points(&points);
            if let Some((places, overall, prizes, cats)) = awards {
                let by = if overall {
                    AwardsBy::Overall
                } else {
                    AwardsBy::Sex
                };
                d = d.awards(places, by, &prizes, cats);
            }
            d
        })
}

fn runner_strategy(n_dist: usize) -> impl Strategy<Value = Runner> {
    let time = || proptest::option::of((0u32..12).prop_map(|s| RaceTime(s * 1000)));
    (
        proptest::option::of(0..n_dist + 1),
        proptest::option::of(prop_oneof![Just(Sex::M), Just(Sex::F), Just(Sex::X)]),
        proptest::option::of(0..CATEGORIES.len()),
        prop_oneof![
            6 => Just(Status::Finished),
            1 => Just(Status::Dnf),
            1 => Just(Status::Dns),
            1 => Just(Status::Dsq),
        ],
        (time(), time()),
        proptest::collection::vec(time(), 0..4),
        0u32..1000,
    )
        .prop_map(move |(d, sex, cat, status, (chip, gun), splits, bib)| {
            let mut r = row(&bib.to_string(), 0, "");
            // Index n_dist names a distance that does not exist: it must be ignored.
            r.distance = d;
            r.sex = sex;
            r.category = cat.map(|c| CATEGORIES[c].to_owned());
            r.status = status;
            r.chip_time = chip;
            r.gun_time = gun;
            r.splits = splits;
            r
        })
}

fn results_strategy() -> impl Strategy<Value = Results> {
    proptest::collection::vec(distance_strategy(), 0..4).prop_flat_map(|distances| {
        let n = distances.len();
        proptest::collection::vec(runner_strategy(n), 0..40)
            .prop_map(move |runners| results(distances.clone(), runners))
    })
}

/// The distance a row is placed in, if any.
fn known_distance(r: &Results, i: usize) -> Option<usize> {
    r.runners[i].distance.filter(|&d| d < r.distances.len())
}

fn is_finisher(r: &Results, s: &Standings, i: usize) -> bool {
    known_distance(r, i).is_some()
        && r.runners[i].status == Status::Finished
        && s.ranked_time(i).is_some()
}

fn trimmed_category(r: &Runner) -> Option<&str> {
    r.category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// Competition ranking by definition: 1 + the number in the group with a smaller time.
fn expected_place(r: &Results, s: &Standings, i: usize, same_group: impl Fn(usize) -> bool) -> u32 {
    let mine = s.ranked_time(i);
    1 + (0..r.runners.len())
        .filter(|&j| is_finisher(r, s, j) && same_group(j) && s.ranked_time(j) < mine)
        .count() as u32
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn places_are_competition_ranks_of_finishers(r in results_strategy()) {
        let s = compute_standings(&r);
        for i in 0..r.runners.len() {
            let p = s.placing(i);
            if !is_finisher(&r, &s, i) {
                prop_assert_eq!((p.overall, p.sex, p.category), (None, None, None), "row {}", i);
                continue;
            }
            let d = known_distance(&r, i);
            let me = &r.runners[i];
            let same_distance = |j: usize| known_distance(&r, j) == d;
            prop_assert_eq!(p.overall, Some(expected_place(&r, &s, i, same_distance)));
            let sex = me.sex.map(|sex| {
                expected_place(&r, &s, i, |j| same_distance(j) && r.runners[j].sex == Some(sex))
            });
            prop_assert_eq!(p.sex, sex);
            let cat = trimmed_category(me).map(|c| {
                expected_place(&r, &s, i, |j| {
                    same_distance(j) && trimmed_category(&r.runners[j]) == Some(c)
                })
            });
            prop_assert_eq!(p.category, cat);
        }
    }

    #[test]
    fn places_never_decrease_as_times_grow_and_ties_share(r in results_strategy()) {
        let s = compute_standings(&r);
        for d in 0..r.distances.len() {
            let placed = s.placed(d);
            if let Some(&first) = placed.first() {
                prop_assert_eq!(s.placing(first).overall, Some(1));
            }
            for pair in placed.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let (ta, tb) = (s.ranked_time(a), s.ranked_time(b));
                let (pa, pb) = (s.placing(a).overall, s.placing(b).overall);
                prop_assert!(ta <= tb, "finishing order by time");
                prop_assert!(pa <= pb, "places never decrease");
                prop_assert_eq!(ta == tb, pa == pb, "equal times, equal place");
            }
        }
    }

    #[test]
    fn counts_match_the_placed_runners(r in results_strategy()) {
        let s = compute_standings(&r);
        let mut overall: HashMap<usize, u32> = HashMap::new();
        let mut by_sex: HashMap<(usize, Sex), u32> = HashMap::new();
        let mut by_cat: HashMap<(usize, &str), u32> = HashMap::new();
        for i in 0..r.runners.len() {
            let Some(d) = known_distance(&r, i).filter(|_| s.placing(i).overall.is_some()) else {
                continue;
            };
            *overall.entry(d).or_default() += 1;
            if let Some(sex) = r.runners[i].sex {
                *by_sex.entry((d, sex)).or_default() += 1;
            }
            if let Some(c) = trimmed_category(&r.runners[i]) {
                *by_cat.entry((d, c)).or_default() += 1;
            }
        }
        for d in 0..r.distances.len() + 1 {
            let want = overall.get(&d).copied().unwrap_or(0);
            prop_assert_eq!(s.finishers(d), want);
            prop_assert_eq!(s.placed(d).len() as u32, want);
            for sex in [Sex::M, Sex::F, Sex::X] {
                prop_assert_eq!(s.finishers_by_sex(d, sex), by_sex.get(&(d, sex)).copied().unwrap_or(0));
            }
            for c in ["M20", "M40", "F35"] {
                prop_assert_eq!(s.finishers_in_category(d, c), by_cat.get(&(d, c)).copied().unwrap_or(0));
            }
        }
        // Every row is listed exactly once: in its distance's order or as unassigned.
        let mut seen = vec![0u32; r.runners.len()];
        for d in 0..r.distances.len() {
            for &i in s.order(d) {
                prop_assert_eq!(known_distance(&r, i), Some(d));
                seen[i] += 1;
            }
        }
        for &i in s.unassigned() {
            prop_assert_eq!(known_distance(&r, i), None);
            seen[i] += 1;
        }
        prop_assert!(seen.iter().all(|&k| k == 1));
    }

    #[test]
    fn podium_entries_are_placed_finishers_of_their_group(r in results_strategy()) {
        let s = compute_standings(&r);
        let all = podiums(&r, &s);
        for p in &all {
            let awards = r.distances[p.distance].awards.clone().unwrap_or_default();
            prop_assert!(!p.entries.is_empty());
            for e in &p.entries {
                let runner = &r.runners[e.runner];
                let placing = s.placing(e.runner);
                prop_assert_eq!(known_distance(&r, e.runner), Some(p.distance));
                prop_assert!(placing.overall.is_some());
                prop_assert!(e.place >= 1 && e.place <= awards.places);
                let group_place = match &p.group {
                    PodiumGroup::Overall => placing.overall,
                    PodiumGroup::Sex(sex) => placing.sex.filter(|_| runner.sex == Some(*sex)),
                    PodiumGroup::Category(c) => placing
                        .category
                        .filter(|_| trimmed_category(runner) == Some(c.as_str())),
                };
                prop_assert_eq!(group_place, Some(e.place));
                let prize = awards.prizes.get(e.place as usize - 1).copied();
                prop_assert_eq!(e.prize, prize);
            }
            prop_assert!(p.entries.windows(2).all(|w| w[0].place <= w[1].place));
        }
        // And nobody who earned a place on a podium is missing from it.
        for i in 0..r.runners.len() {
            let Some(d) = known_distance(&r, i) else { continue };
            let places = r.distances[d].awards.clone().unwrap_or_default().places;
            let placing = s.placing(i);
            let on = |g: &PodiumGroup| {
                all.iter().any(|p| p.distance == d && &p.group == g && p.entries.iter().any(|e| e.runner == i))
            };
            let by = r.distances[d].awards.clone().unwrap_or_default().by;
            match (by, placing.overall, placing.sex, r.runners[i].sex) {
                (AwardsBy::Overall, Some(o), _, _) if o <= places => prop_assert!(on(&PodiumGroup::Overall)),
                (AwardsBy::Sex, _, Some(p), Some(sex)) if p <= places => prop_assert!(on(&PodiumGroup::Sex(sex))),
                _ => {}
            }
        }
    }

    #[test]
    fn official_places_are_shown_when_complete(r in results_strategy(), seed in 0u32..7) {
        let mut r = r;
        let s = compute_standings(&r);
        // Give every finisher an official place that ignores the times.
        for i in 0..r.runners.len() {
            if is_finisher(&r, &s, i) {
                r.runners[i].official_place = Some(1 + (i as u32 * 7 + seed) % 5);
            }
        }
        let s = compute_standings(&r);
        for i in 0..r.runners.len() {
            let official = r.runners[i].official_place.filter(|_| is_finisher(&r, &s, i));
            prop_assert_eq!(s.placing(i).overall, official);
        }
        for d in 0..r.distances.len() {
            prop_assert_eq!(s.uses_official_places(d), !s.placed(d).is_empty());
            let placed = s.placed(d);
            prop_assert!(placed.windows(2).all(|w| s.placing(w[0]).overall <= s.placing(w[1]).overall));
        }
    }

    #[test]
    fn stats_stay_in_range(r in results_strategy(), buckets in 0usize..12) {
        let s = compute_standings(&r);
        for d in 0..r.distances.len() {
            let h = histogram(&r, &s, d, buckets);
            prop_assert!(h.counts.len() <= buckets.max(1));
            prop_assert_eq!(h.counts.iter().sum::<u32>(), s.finishers(d));
        }
        for i in 0..r.runners.len() {
            match share_beaten(&s, i) {
                Some(x) => prop_assert!((0.0..1.0).contains(&x)),
                None => prop_assert!(s.placing(i).overall.is_none()),
            }
        }
    }
}

/// CPU time of this thread: the machine is shared, so wall time overstates the cost.
#[cfg(target_os = "linux")]
fn cpu_now() -> std::time::Duration {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the struct we pass, laid out as the C timespec.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    assert!(ok, "clock_gettime");
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(target_os = "linux"))]
fn cpu_now() -> std::time::Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Best (least) CPU time of `runs` calls of `f`.
fn best_of<T>(runs: u32, mut f: impl FnMut() -> T) -> std::time::Duration {
    (0..runs)
        .map(|_| {
            let started = cpu_now();
            std::hint::black_box(f());
            cpu_now() - started
        })
        .min()
        .unwrap_or_default()
}

/// Load-time cost on a big field (CPU time, best of several runs). Measure natively with
/// `cargo test --release --test domain_props -- --ignored --nocapture`
#[test]
#[ignore]
fn standings_for_50k_runners_are_fast() {
    use race_results::domain::{categories, split_rows};

    let mut seed = 0x2545_f491_u64;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % n
    };
    let splits = [
        ("5k", Some(5.0)),
        ("10k", Some(10.0)),
        ("21k", Some(21.1)),
        ("30k", Some(30.0)),
    ];
    let distances = vec![
        dist("42k")
            .km(42.195)
            .split_points(&splits)
            .awards(3, AwardsBy::Sex, &[3, 2, 1], true),
        dist("10k").km(10.0).split_points(&splits[..1]),
        dist("5k").gun_ranked(),
    ];
    let cats = [
        "M20", "M35", "M40", "M45", "M50", "M55", "M60", "M70", "F20", "F35", "F40", "F50",
    ];
    let runners: Vec<Runner> = (0..50_000u64)
        .map(|k| {
            let d = next(3) as usize;
            let finish = 7_200_000 + next(14_400) as u32 * 1000;
            let mut r = row(&(k + 1).to_string(), d, "");
            r.chip_time = (next(50) != 0).then_some(RaceTime(finish));
            r.gun_time = Some(RaceTime(finish + next(300) as u32 * 1000));
            r.status = [
                Status::Finished,
                Status::Finished,
                Status::Finished,
                Status::Dnf,
            ][next(4) as usize];
            r.sex = Some([Sex::M, Sex::F][next(2) as usize]);
            r.category = Some(cats[next(cats.len() as u64) as usize].to_owned());
            r.splits = (1..=4u32).map(|q| Some(RaceTime(finish / 5 * q))).collect();
            r
        })
        .collect();
    let r = results(distances, runners);
    let s = compute_standings(&r);

    let standings = best_of(10, || compute_standings(&r));
    let podium = best_of(10, || podiums(&r, &s));
    let cat_list = best_of(10, || categories(&r, None));
    let load = best_of(10, || {
        let s = compute_standings(&r);
        (podiums(&r, &s), categories(&r, None))
    });
    let cards = best_of(3, || {
        for i in 0..r.runners.len() {
            std::hint::black_box((split_rows(&r, &s, i), share_beaten(&s, i)));
        }
    }) / r.runners.len() as u32;
    let hist = best_of(10, || histogram(&r, &s, 0, 30));
    println!(
        "50k runners, CPU time: load {load:?} = standings {standings:?} + podiums {podium:?} \
         + categories {cat_list:?}; per runner card (split rows + share) {cards:?}; \
         histogram {hist:?}"
    );
    assert!(load.as_millis() < 100, "load takes {load:?}");
}
