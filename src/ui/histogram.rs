//! The spread of finish times in a distance as bars, with the runner's bar marked.
//! Drawn as SVG by us: no chart library.
use super::fresh::Fresh;
use leptos::prelude::*;

use super::state::use_ui;
use crate::domain::time::format_time;
use crate::domain::{histogram, RaceTime};
use crate::i18n::tenths;

const BARS: usize = 24;
const W: f64 = 320.0;
const H: f64 = 120.0;

#[component]
pub fn FinishHistogram(distance: usize, time: RaceTime) -> impl IntoView {
    let ui = use_ui();
    let Some(data) = ui.dataset_untracked() else {
        return ().into_any();
    };
    let h = histogram(&data.results, &data.standings, distance, BARS);
    if h.counts.is_empty() {
        return ().into_any();
    }
    let mine = h.bucket_of(time);
    let max = h.counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let bar_w = W / h.counts.len() as f64;
    let first = format_time(h.start);
    let last = format_time(RaceTime(
        h.start.0 + h.bucket_width_ms * h.counts.len() as u32,
    ));
    let bars = h
        .counts
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let bh = (c as f64 / max) * (H - 8.0);
            let class = if Some(k) == mine { "bar mine" } else { "bar" };
            view! {
                <rect
                    class=class
                    x=tenths(k as f64 * bar_w + 1.0)
                    y=tenths(H - bh)
                    width=tenths((bar_w - 2.0).max(1.0))
                    height=tenths(bh.max(if c > 0 { 1.0 } else { 0.0 }))
                />
            }
        })
        .collect_view();
    let you_x = mine.map(|k| (k as f64 + 0.5) * bar_w).unwrap_or(0.0);
    // "You" under the first or last bar would be cut off by the edge: align it inwards.
    let (you_x, you_anchor) = match mine {
        Some(k) if you_x < W * 0.12 => (k as f64 * bar_w + 1.0, "start"),
        Some(k) if you_x > W * 0.88 => ((k + 1) as f64 * bar_w - 1.0, "end"),
        _ => (you_x, "middle"),
    };
    let label = move || {
        format!(
            "{}: {} – {}; {} {}",
            ui.texts().histogram_title,
            first,
            last,
            ui.texts().histogram_you,
            format_time(time)
        )
    };
    Fresh(view! {
        <figure class="histogram">
            <figcaption>{ui.text(|t| t.histogram_title)}</figcaption>
            <svg viewBox=format!("0 0 {} {}", W as u32, (H + 18.0) as u32) role="img" aria-label=label>
                {bars}
                {mine.map(|_| view! {
                    <text class="you" x=tenths(you_x) y=((H + 14.0) as u32).to_string() text-anchor=you_anchor>
                        {ui.text(|t| t.histogram_you)}
                    </text>
                })}
            </svg>
            <div class="axis">
                <span>{format_time(h.start)}</span>
                <span>{format_time(RaceTime(h.start.0 + h.bucket_width_ms * h.counts.len() as u32))}</span>
            </div>
        </figure>
    })
    .into_any()
}
