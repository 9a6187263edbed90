//! Live results: while results are provisional (or the URL says `live=N`), the file is
//! fetched again every N seconds and replaces the data under the same screen: the
//! search, the filters, the page and the open card stay, only the rows change.
use super::fresh::Fresh;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::loader::{is_current, loaded_from};
use super::state::{use_ui, LoadState, Ui};
use crate::dataset::Dataset;
use crate::domain::EventStatus;
use crate::format::MAX_FILE_BYTES;
use crate::i18n::fill;
use crate::web::load::refetch_bytes;

/// Provisional results are checked this often when the URL does not say.
const PROVISIONAL_SECONDS: u32 = 60;

/// Each change of interval starts a new round of fetching; older rounds stop.
static ROUND: AtomicU32 = AtomicU32::new(0);

#[derive(Clone, Copy)]
pub struct Live {
    /// Seconds between fetches; None when live mode is off.
    every: Memo<Option<u32>>,
    /// When the results on screen arrived (ms since 1970).
    arrived: Memo<Option<f64>>,
    /// When a fetch last found them current.
    checked: RwSignal<Option<f64>>,
    /// The last fetch failed (network, server, or a file cut mid-upload).
    failed: RwSignal<bool>,
}

/// Starts live mode for the App; the LiveStatus line reads it from the context.
pub fn follow(ui: Ui) {
    let every = Memo::new(move |_| match ui.live.get() {
        Some(0) => None,
        Some(secs) => Some(secs),
        None => ui
            .dataset()
            .filter(|d| d.results.event.status == EventStatus::Provisional)
            .map(|_| PROVISIONAL_SECONDS),
    });
    let arrived = Memo::new(move |_| ui.dataset().map(|_| js_sys::Date::now()));
    let live = Live {
        every,
        arrived,
        checked: RwSignal::new(None),
        failed: RwSignal::new(false),
    };
    provide_context(live);
    Effect::new(move |_| {
        let round = ROUND.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(secs) = every.get() {
            spawn_local(fetch_every(ui, live, secs, round));
        }
    });
}

async fn fetch_every(ui: Ui, live: Live, secs: u32, round: u32) {
    let this_round = move || ROUND.load(Ordering::SeqCst) == round;
    // The same bytes again (a 304, or an unchanged file) are not parsed again.
    let mut last: Option<u64> = None;
    loop {
        sleep_ms(secs.saturating_mul(1000)).await;
        if !this_round() {
            return;
        }
        // Nothing to refresh: a local file, or no results yet; a hidden tab waits.
        let Some((generation, url)) = loaded_from() else {
            continue;
        };
        // Results in parts refresh from their whole file, once it is in (ui::parts).
        if page_hidden()
            || !matches!(ui.load.get_untracked(), LoadState::Ready(ref d) if !d.is_partial())
        {
            continue;
        }
        let Ok(abort) = web_sys::AbortController::new() else {
            return;
        };
        let fetched = refetch_bytes(&url, MAX_FILE_BYTES as u64, &abort.signal()).await;
        if !this_round() || !is_current(generation) {
            continue;
        }
        let bytes = match fetched {
            Ok(f) => {
                ui.set_source(&f.from);
                f.bytes
            }
            Err(_) => {
                live.failed.set(true);
                continue;
            }
        };
        let hash = fingerprint(&bytes);
        if last != Some(hash) {
            match Dataset::load(&bytes) {
                Ok(data) => ui.load.set(LoadState::Ready(Arc::new(data))),
                // A file caught mid-upload: keep the results on screen, try again later.
                Err(_) => {
                    live.failed.set(true);
                    continue;
                }
            }
            last = Some(hash);
        }
        live.failed.set(false);
        live.checked.set(Some(js_sys::Date::now()));
    }
}

/// "Live · updated 12:03", while live mode is on.
#[component]
pub fn LiveStatus() -> impl IntoView {
    let ui = use_ui();
    let Some(live) = use_context::<Live>() else {
        return ().into_any();
    };
    let when = move || {
        let newest = match (live.arrived.get(), live.checked.get()) {
            (Some(a), Some(c)) => Some(a.max(c)),
            (a, c) => a.or(c),
        }?;
        Some(clock_time(newest))
    };
    Fresh(view! {
        <Show when=move || live.every.get().is_some() && ui.dataset().is_some()>
            <p class="live-status" data-testid="live-status">
                {super::state::dyn_text(Box::new(move || fill(ui.texts().live_updated, &[&when().unwrap_or_default()])))}
                <Show when=move || live.failed.get()>
                    " " <span class="live-failed">{ui.text(|t| t.live_failed)}</span>
                </Show>
            </p>
        </Show>
    })
    .into_any()
}

/// "12:03" in the visitor's time zone.
fn clock_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// FNV-1a: enough to tell whether the server sent the same file again.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
