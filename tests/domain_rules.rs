//! The race rules, one table per rule: places and ties, fallbacks, official places,
//! podiums and prizes, categories, and the runner card's numbers.
mod domain_support;

use domain_support::*;
use race_results::domain::{
    categories, compute_standings, group_code, histogram, podiums, share_beaten, split_rows,
    AwardsBy, Placing, PodiumGroup, RaceTime, Sex, Status,
};
use Sex::{F, M, X};

fn overall_places(times: &[&str]) -> Vec<Option<u32>> {
    let rows = times
        .iter()
        .enumerate()
        .map(|(i, t)| row(&(i + 1).to_string(), 0, t))
        .collect();
    let r = results(vec![dist("10k")], rows);
    let s = compute_standings(&r);
    (0..times.len()).map(|i| s.placing(i).overall).collect()
}

#[test]
fn equal_times_share_a_place_and_skip_the_next() {
    let table: [(&[&str], &[Option<u32>]); 6] = [
        (
            &["1:00", "1:01", "1:01", "1:02"],
            &[Some(1), Some(2), Some(2), Some(4)],
        ),
        (
            &["1:02", "1:01", "1:00", "1:01"],
            &[Some(4), Some(2), Some(1), Some(2)],
        ),
        (&["1:00", "1:00", "1:00"], &[Some(1), Some(1), Some(1)]),
        (&["1:00.1", "1:00.2"], &[Some(1), Some(2)]),
        (&["1:00", "", "1:05"], &[Some(1), None, Some(2)]),
        (&[], &[]),
    ];
    for (times, want) in table {
        assert_eq!(overall_places(times), want, "{times:?}");
    }
}

#[test]
fn only_finishers_with_a_time_are_placed() {
    let r = results(
        vec![dist("10k")],
        vec![
            row("1", 0, "40:00"),
            row("2", 0, "39:00").status(Status::Dnf),
            row("3", 0, "38:00").status(Status::Dsq),
            row("4", 0, ""),
            row("5", 0, "").status(Status::Finished),
            row("6", 0, "41:00"),
        ],
    );
    let s = compute_standings(&r);
    let table = [
        ("1", Some(1)),
        ("2", None),
        ("3", None),
        ("4", None),
        ("5", None),
        ("6", Some(2)),
    ];
    for (bib, want) in table {
        assert_eq!(s.placing(at(&r, bib)).overall, want, "bib {bib}");
    }
    assert_eq!(s.finishers(0), 2);
    // A DSQ row still shows its time, it just has no place.
    assert_eq!(s.ranked_time(at(&r, "3")), t("38:00"));
}

#[test]
fn ranking_time_follows_the_distance_and_falls_back() {
    // (ranked by gun?, chip, gun, expected time, fallback?)
    let table = [
        (false, "40:00", "40:30", "40:00", false),
        (true, "40:00", "40:30", "40:30", false),
        (false, "", "40:30", "40:30", true),
        (true, "40:00", "", "40:00", true),
        (true, "", "", "", false),
    ];
    for (gun_ranked, chip, gun, want, fallback) in table {
        let d = if gun_ranked {
            dist("10k").gun_ranked()
        } else {
            dist("10k")
        };
        let mut runner = row("1", 0, chip).gun(gun);
        runner.status = Status::Finished;
        let r = results(vec![d], vec![runner]);
        let s = compute_standings(&r);
        let case = format!("gun ranked {gun_ranked}, chip {chip:?}, gun {gun:?}");
        assert_eq!(s.ranked_time(0), t(want), "{case}");
        assert_eq!(s.used_fallback(0), fallback, "{case}");
        assert_eq!(s.placing(0).overall, t(want).map(|_| 1), "{case}");
    }
}

#[test]
fn gun_ranking_can_reorder_runners() {
    let r = results(
        vec![dist("42k").gun_ranked()],
        vec![
            row("1", 0, "3:00:00").gun("3:05:00"),
            row("2", 0, "3:01:00").gun("3:01:30"),
        ],
    );
    let s = compute_standings(&r);
    assert_eq!(s.placing(0).overall, Some(2));
    assert_eq!(s.placing(1).overall, Some(1));
}

#[test]
fn places_by_sex_and_category_within_each_distance() {
    let r = results(
        vec![dist("10k"), dist("5k")],
        vec![
            row("1", 0, "35:00").sex(M).cat("M20"),
            row("2", 0, "36:00").sex(F).cat("F35"),
            row("3", 0, "37:00").sex(M).cat("M40"),
            row("4", 0, "38:00").sex(M).cat("M20"),
            row("5", 0, "38:00").sex(F).cat(" F35 "),
            row("6", 0, "39:00"),
            row("7", 1, "20:00").sex(M).cat("M20"),
            row("8", 0, "40:00").sex(X),
        ],
    );
    let s = compute_standings(&r);
    let p = |o, sx, c| Placing {
        overall: o,
        sex: sx,
        category: c,
    };
    let table = [
        ("1", p(Some(1), Some(1), Some(1))),
        ("2", p(Some(2), Some(1), Some(1))),
        ("3", p(Some(3), Some(2), Some(1))),
        ("4", p(Some(4), Some(3), Some(2))),
        ("5", p(Some(4), Some(2), Some(2))),
        ("6", p(Some(6), None, None)),
        ("7", p(Some(1), Some(1), Some(1))),
        ("8", p(Some(7), Some(1), None)),
    ];
    for (bib, want) in table {
        assert_eq!(s.placing(at(&r, bib)), want, "bib {bib}");
    }
    let counts = [
        (s.finishers(0), 7),
        (s.finishers(1), 1),
        (s.finishers(2), 0),
        (s.finishers_by_sex(0, M), 3),
        (s.finishers_by_sex(0, F), 2),
        (s.finishers_by_sex(0, X), 1),
        (s.finishers_by_sex(1, F), 0),
        (s.finishers_in_category(0, "M20"), 2),
        (s.finishers_in_category(0, "F35"), 2),
        (s.finishers_in_category(0, " F35"), 2),
        (s.finishers_in_category(0, "M40"), 1),
        (s.finishers_in_category(1, "M40"), 0),
        (s.finishers_in_category(9, "M20"), 0),
    ];
    for (k, (got, want)) in counts.into_iter().enumerate() {
        assert_eq!(got, want, "count #{k}");
    }
}

#[test]
fn runners_without_a_known_distance_get_no_place() {
    let r = results(
        vec![dist("10k")],
        vec![
            row("9", 0, "40:00").no_distance(),
            row("1", 0, "41:00"),
            row("10", 0, "39:00").no_distance(),
        ],
    );
    let s = compute_standings(&r);
    assert_eq!(s.placing(0), Placing::default());
    assert_eq!(s.placing(1).overall, Some(1));
    assert_eq!(s.finishers(0), 1);
    assert_eq!(bibs(&r, s.unassigned()), ["9", "10"]);
    assert_eq!(s.ranked_time(0), t("40:00"));
    assert_eq!(s.distance(0), None);
    // A distance index past the list is the same as no distance.
    let mut odd = r.clone();
    odd.runners[1].distance = Some(5);
    let s = compute_standings(&odd);
    assert_eq!(s.placing(1), Placing::default());
}

#[test]
fn official_places_replace_computed_ones_only_when_every_finisher_has_one() {
    // The file's places disagree with the times (say, a time penalty): they win.
    let full = results(
        vec![dist("10k")],
        vec![
            row("1", 0, "40:00").sex(M).official(2),
            row("2", 0, "41:00").sex(M).official(1),
            row("3", 0, "42:00").sex(F).official(3),
            row("4", 0, "43:00").sex(M).official(3),
            row("5", 0, "39:00").status(Status::Dsq),
        ],
    );
    let s = compute_standings(&full);
    assert!(s.uses_official_places(0));
    let table = [
        ("1", Some(2), Some(2)),
        ("2", Some(1), Some(1)),
        ("3", Some(3), Some(1)),
        ("4", Some(3), Some(3)),
        ("5", None, None),
    ];
    for (bib, overall, sex) in table {
        let placing = s.placing(at(&full, bib));
        assert_eq!((placing.overall, placing.sex), (overall, sex), "bib {bib}");
    }
    assert_eq!(bibs(&full, s.placed(0)), ["2", "1", "3", "4"]);

    // One finisher without a place: every place is computed from times.
    let mut partial = full.clone();
    partial.runners[3].official_place = None;
    let s = compute_standings(&partial);
    assert!(!s.uses_official_places(0));
    assert_eq!(s.placing(0).overall, Some(1));
    assert_eq!(s.placing(1).overall, Some(2));

    // A place of 0 is not a place.
    let mut zero = full.clone();
    zero.runners[1].official_place = Some(0);
    assert!(!compute_standings(&zero).uses_official_places(0));
}

#[test]
fn list_order_is_place_time_bib_then_the_unplaced() {
    let r = results(
        vec![dist("10k")],
        vec![
            row("dns", 0, ""),
            row("dsq", 0, "30:00").status(Status::Dsq),
            row("dnf2", 0, "").status(Status::Dnf),
            row("dnf1", 0, "20:00").status(Status::Dnf),
            row("fin-no-time", 0, "").status(Status::Finished),
            row("101", 0, "40:00"),
            row("99", 0, "40:00"),
            row("5", 0, "39:00"),
        ],
    );
    let s = compute_standings(&r);
    assert_eq!(
        bibs(&r, s.order(0)),
        [
            "5",
            "99",
            "101",
            "fin-no-time",
            "dnf1",
            "dnf2",
            "dsq",
            "dns"
        ]
    );
    assert_eq!(bibs(&r, s.placed(0)), ["5", "99", "101"]);
    assert!(s.order(3).is_empty());
    assert!(s.placed(3).is_empty());

    // Tied runners: numeric bibs by value, then the others in natural order.
    let tied = results(
        vec![dist("5k")],
        ["A10", "100", "A2", "7", "007"]
            .iter()
            .map(|bib| row(bib, 0, "20:00"))
            .collect(),
    );
    let s = compute_standings(&tied);
    assert_eq!(bibs(&tied, s.order(0)), ["007", "7", "100", "A2", "A10"]);
}

#[test]
fn the_ranked_category_is_the_trimmed_name() {
    let r = results(
        vec![dist("10k")],
        vec![
            row("1", 0, "40:00").cat(" M40 "),
            row("2", 0, "41:00").cat("M40"),
            row("3", 0, "42:00").cat("   "),
            row("4", 0, "43:00"),
        ],
    );
    let s = compute_standings(&r);
    let table = [
        (0, Some("M40"), Some(1)),
        (1, Some("M40"), Some(2)),
        (2, None, None),
        (3, None, None),
    ];
    for (i, name, place) in table {
        assert_eq!(
            (s.category(i), s.placing(i).category),
            (name, place),
            "row {i}"
        );
    }
    assert_eq!(s.category(9), None);
}

#[test]
fn accessors_tolerate_any_index() {
    let r = results(vec![dist("10k")], vec![row("1", 0, "40:00")]);
    let s = compute_standings(&r);
    assert_eq!(s.len(), 1);
    assert_eq!(s.placing(7), Placing::default());
    assert_eq!(s.ranked_time(7), None);
    assert!(!s.used_fallback(7));
    assert_eq!(s.split_position(7, 0), None);
    assert_eq!(s.split_position(0, 3), None);
    assert_eq!(share_beaten(&s, 7), None);
    assert!(split_rows(&r, &s, 7).is_empty());
}

#[test]
fn positions_at_splits_count_everyone_with_a_time_there() {
    let r = results(
        vec![dist("10k").split_points(&[("5k", Some(5.0))])],
        vec![
            row("1", 0, "40:00").splits(&["20:00"]),
            row("2", 0, "39:00").splits(&["19:00"]),
            row("3", 0, "").status(Status::Dnf).splits(&["19:00"]),
            row("4", 0, "41:00").splits(&[""]),
            row("5", 0, "42:00"),
            row("6", 0, "38:00").splits(&["21:00", "1:00"]),
        ],
    );
    let s = compute_standings(&r);
    let table = [
        ("1", Some(3)),
        ("2", Some(1)),
        ("3", Some(1)),
        ("4", None),
        ("5", None),
        ("6", Some(4)),
    ];
    for (bib, want) in table {
        assert_eq!(s.split_position(at(&r, bib), 0), want, "bib {bib}");
    }
    assert_eq!(s.split_position(at(&r, "6"), 1), None);
}

/// (places, by, prizes, categories); None for a distance without awards.
type AwardsCase<'a> = Option<(u32, AwardsBy, &'a [u64], bool)>;
/// (place, bib, prize) per podium entry.
type Entries = Vec<(u32, String, Option<u64>)>;

#[test]
fn podiums_follow_the_awards() {
    let field = || {
        vec![
            row("1", 0, "30:00").sex(M).cat("M40"),
            row("2", 0, "31:00").sex(F).cat("F35"),
            row("3", 0, "32:00").sex(M).cat("M20"),
            row("4", 0, "33:00").sex(M).cat("M20"),
            row("5", 0, "33:00").sex(M).cat("M40"),
            row("6", 0, "34:00").sex(M).cat("M100"),
            row("7", 0, "29:00").sex(F).status(Status::Dnf),
            row("8", 0, "35:00"),
        ]
    };
    type Want<'a> = &'a [(&'a str, &'a [(u32, &'a str, Option<u64>)])];
    let no_awards: Want = &[
        (
            "M",
            &[
                (1, "1", None),
                (2, "3", None),
                (3, "4", None),
                (3, "5", None),
            ],
        ),
        ("F", &[(1, "2", None)]),
    ];
    let overall_two: Want = &[("overall", &[(1, "1", Some(100)), (2, "2", None)])];
    let sex_prizes: Want = &[
        (
            "M",
            &[
                (1, "1", Some(300)),
                (2, "3", Some(200)),
                (3, "4", Some(100)),
                (3, "5", Some(100)),
            ],
        ),
        ("F", &[(1, "2", Some(300))]),
    ];
    let with_categories: Want = &[
        ("M", &[(1, "1", None)]),
        ("F", &[(1, "2", None)]),
        ("F35", &[(1, "2", None)]),
        ("M20", &[(1, "3", None)]),
        ("M40", &[(1, "1", None)]),
        ("M100", &[(1, "6", None)]),
    ];
    let table: [(AwardsCase, Want); 5] = [
        (None, no_awards),
        (Some((2, AwardsBy::Overall, &[100], false)), overall_two),
        (
            Some((3, AwardsBy::Sex, &[300, 200, 100], false)),
            sex_prizes,
        ),
        (Some((1, AwardsBy::Sex, &[], true)), with_categories),
        (Some((0, AwardsBy::Sex, &[1], true)), &[]),
    ];
    for (awards, want) in table {
        let d = match awards {
            Some((places, by, prizes, cats)) => dist("10k").awards(places, by, prizes, cats),
            None => dist("10k"),
        };
        let r = results(vec![d], field());
        let s = compute_standings(&r);
        let got: Vec<(String, Entries)> = podiums(&r, &s)
            .iter()
            .map(|p| {
                assert_eq!(p.distance, 0);
                let entries = p
                    .entries
                    .iter()
                    .map(|e| (e.place, r.runners[e.runner].bib.clone(), e.prize))
                    .collect();
                (group_code(&p.group), entries)
            })
            .collect();
        let want: Vec<(String, Entries)> = want
            .iter()
            .map(|(g, es)| {
                let es = es.iter().map(|(p, b, z)| (*p, b.to_string(), *z)).collect();
                (g.to_string(), es)
            })
            .collect();
        assert_eq!(got, want, "awards {awards:?}");
    }
}

#[test]
fn podiums_per_distance_skip_empty_groups() {
    let r = results(
        vec![dist("10k"), dist("5k"), dist("1k")],
        vec![
            row("1", 1, "20:00").sex(X),
            row("2", 0, "40:00").sex(F),
            row("3", 2, "").sex(M),
        ],
    );
    let s = compute_standings(&r);
    let got: Vec<(usize, PodiumGroup)> = podiums(&r, &s)
        .into_iter()
        .map(|p| (p.distance, p.group))
        .collect();
    assert_eq!(got, [(0, PodiumGroup::Sex(F)), (1, PodiumGroup::Sex(X))]);
}

#[test]
fn group_codes_are_the_contract_values() {
    let table = [
        (PodiumGroup::Sex(M), "M"),
        (PodiumGroup::Sex(F), "F"),
        (PodiumGroup::Sex(X), "X"),
        (PodiumGroup::Overall, "overall"),
        (PodiumGroup::Category("M40".into()), "M40"),
    ];
    for (group, code) in table {
        assert_eq!(group_code(&group), code);
    }
}

#[test]
fn categories_lists_each_once_in_natural_order() {
    let r = results(
        vec![dist("10k"), dist("5k")],
        vec![
            row("1", 0, "").cat("M40"),
            row("2", 0, "").cat("M100"),
            row("3", 1, "").cat("F35"),
            row("4", 0, "").cat("M20"),
            row("5", 0, "").cat(" M20 "),
            row("6", 0, ""),
            row("7", 0, "").cat("  "),
            row("8", 0, "").cat("X").no_distance(),
        ],
    );
    let table: [(Option<usize>, &[&str]); 4] = [
        (None, &["F35", "M20", "M40", "M100", "X"]),
        (Some(0), &["M20", "M40", "M100"]),
        (Some(1), &["F35"]),
        (Some(7), &[]),
    ];
    for (distance, want) in table {
        assert_eq!(categories(&r, distance), want, "{distance:?}");
    }
}

fn field_of(times: &[&str]) -> race_results::domain::Results {
    let rows = times
        .iter()
        .enumerate()
        .map(|(i, t)| row(&(i + 1).to_string(), 0, t))
        .collect();
    results(vec![dist("42k")], rows)
}

/// (times, buckets asked, start, width, counts)
type HistCase<'a> = (&'a [&'a str], usize, &'a str, u32, &'a [u32]);

#[test]
fn histogram_picks_a_nice_width_and_counts_every_finisher() {
    const MIN: u32 = 60_000;
    let table: [HistCase; 6] = [
        (&[], 10, "0", MIN, &[]),
        (&["3:10:00"], 10, "3:10:00", 1000, &[1]),
        (
            &["3:00:00", "3:14:59", "3:15:00", "4:59:59"],
            10,
            "3:00:00",
            15 * MIN,
            &[2, 1, 0, 0, 0, 0, 0, 1],
        ),
        (
            &["2:07:10", "2:09:50", "2:12:00"],
            5,
            "2:06:00",
            2 * MIN,
            &[1, 1, 0, 1],
        ),
        (&["20:00", "25:00"], 0, "20:00", 10 * MIN, &[2]),
        (&["0:00", "100:00:00"], 2, "0:00", 72 * 60 * MIN, &[1, 1]),
    ];
    for (times, buckets, start, width, counts) in table {
        let r = field_of(times);
        let s = compute_standings(&r);
        let h = histogram(&r, &s, 0, buckets);
        assert_eq!(
            (h.start, h.bucket_width_ms, h.counts.as_slice()),
            (t(start).unwrap_or_default(), width, counts),
            "{times:?} in {buckets}"
        );
        assert!(h.counts.len() <= buckets.max(1));
    }
    let r = field_of(&["3:00:00", "3:20:00"]);
    let h = histogram(&r, &compute_standings(&r), 0, 4);
    assert_eq!((h.bucket_width_ms, h.counts.len()), (10 * MIN, 3));
    assert_eq!(h.bucket_of(RaceTime::from_hms(3, 19, 0)), Some(1));
    assert_eq!(h.bucket_of(RaceTime::from_hms(2, 0, 0)), None);
    assert_eq!(h.bucket_of(RaceTime::from_hms(5, 0, 0)), None);
}

#[test]
fn share_beaten_counts_strictly_worse_places() {
    let r = field_of(&["1:00", "1:01", "1:01", "1:02", ""]);
    let s = compute_standings(&r);
    let table = [
        (0, Some(0.75)),
        (1, Some(0.25)),
        (2, Some(0.25)),
        (3, Some(0.0)),
        (4, None),
    ];
    for (i, want) in table {
        assert_eq!(share_beaten(&s, i), want, "row {i}");
    }
}

/// (split, cumulative, segment, pace s/km, position)
type SplitCase<'a> = (Option<usize>, &'a str, &'a str, Option<f64>, Option<u32>);

#[test]
fn split_rows_give_segments_paces_and_positions() {
    let d = dist("21k").km(21.0).split_points(&[
        ("5k", Some(5.0)),
        ("10k", Some(10.0)),
        ("15k", None),
        ("20k", Some(20.0)),
    ]);
    let r = results(
        vec![d],
        vec![
            row("1", 0, "1:45:00").splits(&["25:00", "", "1:15:00", "1:40:00"]),
            row("2", 0, "1:40:00").splits(&["24:00", "48:00", "1:12:00", "1:35:00"]),
        ],
    );
    let s = compute_standings(&r);
    let rows = split_rows(&r, &s, 0);
    let want: [SplitCase; 5] = [
        (Some(0), "25:00", "25:00", Some(300.0), Some(2)),
        (Some(1), "", "", None, None),
        (Some(2), "1:15:00", "", None, Some(2)),
        (Some(3), "1:40:00", "25:00", None, Some(2)),
        (None, "1:45:00", "5:00", Some(300.0), Some(2)),
    ];
    assert_eq!(rows.len(), want.len());
    for (row, (split, cum, seg, pace, pos)) in rows.iter().zip(want) {
        assert_eq!(row.split, split);
        assert_eq!(row.cumulative, t(cum), "{split:?}");
        assert_eq!(row.segment, t(seg), "{split:?}");
        assert_eq!(row.segment_pace_s_per_km, pace, "{split:?}");
        assert_eq!(row.position, pos, "{split:?}");
    }
    assert_eq!(rows[4].km, Some(21.0));
    assert_eq!(split_rows(&r, &s, 1)[1].position, Some(1));
}
