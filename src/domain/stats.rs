//! Numbers for the runner card: the finish time spread, the share of the field beaten,
//! and the race split by split.
use super::model::{RaceTime, Results};
use super::places::Standings;
use super::time::pace_seconds;

/// Finish times of one distance in equal buckets: bucket k holds the times in
/// `[start + k * width, start + (k + 1) * width)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    pub start: RaceTime,
    pub bucket_width_ms: u32,
    pub counts: Vec<u32>,
}

impl Histogram {
    /// The bucket a time falls in, e.g. to highlight the open runner's bar.
    pub fn bucket_of(&self, t: RaceTime) -> Option<usize> {
        if self.bucket_width_ms == 0 || t < self.start {
            return None;
        }
        let k = ((t.0 - self.start.0) / self.bucket_width_ms) as usize;
        (k < self.counts.len()).then_some(k)
    }
}

const SEC: u32 = 1000;
const MIN: u32 = 60 * SEC;
const HOUR: u32 = 60 * MIN;
/// Widths people read at a glance on a time axis.
const NICE_WIDTHS: [u32; 18] = [
    SEC,
    2 * SEC,
    5 * SEC,
    10 * SEC,
    15 * SEC,
    30 * SEC,
    MIN,
    2 * MIN,
    5 * MIN,
    10 * MIN,
    15 * MIN,
    30 * MIN,
    HOUR,
    2 * HOUR,
    3 * HOUR,
    6 * HOUR,
    12 * HOUR,
    24 * HOUR,
];

/// Histogram of the placed finishers' ranking times of a distance, with at most `buckets`
/// bars (at least one) of the narrowest nice width that fits; the first bar starts at the
/// fastest time rounded down to that width. No finishers: no bars.
pub fn histogram(
    _results: &Results,
    standings: &Standings,
    distance: usize,
    buckets: usize,
) -> Histogram {
    let times = standings
        .placed(distance)
        .iter()
        .filter_map(|&i| standings.ranked_time(i));
    let Some((min, max)) = times.clone().fold(None, |acc, t| match acc {
        None => Some((t, t)),
        Some((lo, hi)) => Some((lo.min(t), hi.max(t))),
    }) else {
        return Histogram {
            start: RaceTime(0),
            bucket_width_ms: MIN,
            counts: Vec::new(),
        };
    };
    let buckets = buckets.max(1) as u64;
    let bars_for = |w: u32| u64::from(max.0 - min.0 / w * w) / u64::from(w) + 1;
    let width = NICE_WIDTHS
        .iter()
        .copied()
        .find(|&w| bars_for(w) <= buckets)
        .unwrap_or_else(|| {
            // A spread beyond buckets days: whole days per bar.
            let span = u64::from(max.0 - min.0);
            let days = span.div_ceil(u64::from(24 * HOUR) * buckets).max(1);
            u32::try_from(days * u64::from(24 * HOUR)).unwrap_or(u32::MAX)
        });
    let start = RaceTime(min.0 / width * width);
    let bars = usize::try_from(bars_for(width)).unwrap_or(0);
    let mut hist = Histogram {
        start,
        bucket_width_ms: width,
        counts: vec![0; bars],
    };
    for t in times {
        if let Some(k) = hist.bucket_of(t) {
            hist.counts[k] += 1;
        }
    }
    hist
}

/// Share of the distance's placed finishers with a strictly worse overall place than
/// runner `i` (0 for the last, (n-1)/n for a lone winner of n); None when not placed.
pub fn share_beaten(standings: &Standings, i: usize) -> Option<f64> {
    let place = standings.placing(i).overall?;
    let placed = standings.placed(standings.distance(i)?);
    // `placed` is sorted by overall place, so the better-or-equal ones are a prefix.
    let not_worse =
        placed.partition_point(|&j| standings.placing(j).overall.is_some_and(|p| p <= place));
    let n = placed.len();
    (n > 0).then(|| (n - not_worse) as f64 / n as f64)
}

/// One line of the split table; the last line of a runner's table is the finish.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitRow {
    /// Index into the distance's `splits`; None for the finish.
    pub split: Option<usize>,
    /// Distance from the start at this point, when the file gives it.
    pub km: Option<f64>,
    /// Time from the start (at the finish: the ranking time).
    pub cumulative: Option<RaceTime>,
    /// Time since the previous point (the start for the first split); None when either
    /// time is missing, so a missed mat does not pass a longer stretch off as one segment.
    pub segment: Option<RaceTime>,
    /// Pace over the segment, when both points' km are known.
    pub segment_pace_s_per_km: Option<f64>,
    /// Place among the distance's runners with a time at this point (ties share); at the
    /// finish, the overall place.
    pub position: Option<u32>,
}

/// The runner's race split by split, ending with the finish; empty without a known distance.
pub fn split_rows(results: &Results, standings: &Standings, i: usize) -> Vec<SplitRow> {
    let Some(runner) = results.runners.get(i) else {
        return Vec::new();
    };
    let Some(distance) = runner.distance.and_then(|d| results.distances.get(d)) else {
        return Vec::new();
    };
    let points = distance
        .splits
        .iter()
        .enumerate()
        .map(|(s, def)| {
            let time = runner.splits.get(s).copied().flatten();
            (Some(s), def.km, time, standings.split_position(i, s))
        })
        .chain(std::iter::once((
            None,
            distance.km,
            standings.ranked_time(i),
            standings.placing(i).overall,
        )));

    let mut prev: (Option<f64>, Option<RaceTime>) = (Some(0.0), Some(RaceTime(0)));
    let mut rows = Vec::with_capacity(distance.splits.len() + 1);
    for (split, km, cumulative, position) in points {
        let segment = match (prev.1, cumulative) {
            (Some(a), Some(b)) => b.0.checked_sub(a.0).map(RaceTime),
            _ => None,
        };
        let segment_pace_s_per_km = match (segment, prev.0, km) {
            (Some(t), Some(a), Some(b)) => pace_seconds(t, b - a),
            _ => None,
        };
        rows.push(SplitRow {
            split,
            km,
            cumulative,
            segment,
            segment_pace_s_per_km,
            position,
        });
        prev = (km, cumulative);
    }
    rows
}
