//! Starts loading a results file and puts the outcome into the Ui state.
use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Failure, ImportDraft, LoadState, Ui};
use crate::dataset::Dataset;
use crate::format::MAX_FILE_BYTES;
use crate::import::{self, Kind};
use crate::web::load::{fetch_bytes, read_file};
use crate::web::{browser, offline};

/// The newest load wins: a slow earlier download must not replace a file opened later.
static GENERATION: AtomicU32 = AtomicU32::new(0);

thread_local! {
    /// Stops the download under way (the Cancel button).
    static ABORT: RefCell<Option<web_sys::AbortController>> = const { RefCell::new(None) };
    /// The address of the latest load and its generation; None for a local file.
    static LOADED_FROM: RefCell<Option<(u32, String)>> = const { RefCell::new(None) };
}

/// Where the results on screen were fetched from, with their load's generation: what
/// live mode fetches again (ui::live). None when they came from the device.
pub fn loaded_from() -> Option<(u32, String)> {
    LOADED_FROM.with(|l| l.borrow().clone())
}

/// Live mode and the offline copy follow the whole file once results in parts have
/// brought it in (ui::parts).
pub fn set_loaded_from(generation: u32, url: String) {
    if is_current(generation) {
        LOADED_FROM.with(|l| *l.borrow_mut() = Some((generation, url)));
    }
}

/// Whether no load has started since the one of `generation`.
pub fn is_current(generation: u32) -> bool {
    GENERATION.load(Ordering::SeqCst) == generation
}

/// Stops the download under way, if any; the page then says it was cancelled.
pub fn cancel_load() {
    ABORT.with(|a| {
        if let Some(c) = a.borrow_mut().take() {
            c.abort();
        }
    });
}

pub enum Source {
    Url(String),
    File(web_sys::File),
    /// Results carried inside the page itself: a saved offline copy.
    Embedded(Vec<u8>),
}

pub fn start_load(ui: Ui, source: Source) {
    let generation = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    let url = match &source {
        Source::Url(url) => Some((generation, url.clone())),
        _ => None,
    };
    let head_url = url.as_ref().map(|(_, u)| u.clone());
    LOADED_FROM.with(|l| *l.borrow_mut() = url);
    cancel_load();
    super::parts::stop();
    ui.parts.set(None);
    let Ok(controller) = web_sys::AbortController::new() else {
        return;
    };
    let signal = controller.signal();
    ABORT.with(|a| *a.borrow_mut() = Some(controller));
    ui.progress.set(None);
    ui.load.set(LoadState::Loading);
    spawn_local(async move {
        let limit = MAX_FILE_BYTES as u64;
        let name = match &source {
            Source::Url(url) => url.rsplit('/').next().unwrap_or_default().to_string(),
            Source::File(file) => file.name(),
            Source::Embedded(_) => "results.json".to_string(),
        };
        let current = move || GENERATION.load(Ordering::SeqCst) == generation;
        let report = move |p| {
            if current() {
                ui.progress.set(Some(p));
            }
        };
        let mut in_parts = false;
        let mut copy = None;
        let bytes = match source {
            Source::Url(url) => fetch_bytes(&url, limit, &signal, report).await.map(|f| {
                ui.set_source(&f.from);
                if !ui.embed.get_untracked() {
                    copy = offline::WorkerCopy::of(&url, &f);
                }
                f.bytes
            }),
            Source::File(file) => read_file(file, limit).await,
            Source::Embedded(bytes) => Ok(bytes),
        };
        if !current() {
            return;
        }
        browser::mark("results: downloaded");
        ABORT.with(|a| a.borrow_mut().take());
        // Straight on to reading the file: waiting for a frame to say so first cost 60 ms
        // on a desktop and 270 ms on a 4x slower CPU for a 12 MB file (measured). The
        // loading view says "reading" once the last byte is in (see app::Loading).
        let state = match bytes {
            Err(e) => LoadState::Failed(Arc::new(Failure::Fetch(e))),
            Ok(bytes) => match route(&name, bytes, generation) {
                Routed::Parsed(loaded) => {
                    if let Some(copy) = copy {
                        copy.keep();
                    }
                    // Reading, placing and the first rows are three tasks, not one long
                    // one: input typed meanwhile (into the first view) is not held up.
                    browser::yield_to_page().await;
                    if !current() {
                        return;
                    }
                    let data = match (&loaded.parts, &head_url) {
                        (Some(_), Some(url)) => {
                            in_parts = true;
                            super::parts::open_head(ui, generation, url, loaded)
                        }
                        _ => Dataset::from_loaded(loaded),
                    };
                    browser::mark("results: places");
                    browser::yield_to_page().await;
                    LoadState::Ready(Arc::new(data))
                }
                Routed::Done(state) => state,
            },
        };
        ui.converted.set(None);
        let show = move || {
            if !current() {
                return;
            }
            // A big file's first screen of rows shows first, the rest of the page next.
            ui.first_screen_first();
            // A first view painted before the app goes now; a search typed into it goes on.
            if let Some(typed) = crate::web::first_view::take_over() {
                if ui.q.get_untracked().is_empty() {
                    ui.q.set(typed);
                }
            }
            let partial_file = matches!(&state, LoadState::Ready(d) if d.is_partial());
            ui.load.set(state);
            if in_parts {
                super::parts::after_first_rows(ui, generation);
            } else if partial_file {
                // A head opened from the device: its parts and whole file are not there.
                ui.parts.set(Some(super::parts::PartsStatus {
                    whole_failed: Some(String::new()),
                    ..Default::default()
                }));
            }
        };
        // The first view is painted before the app replaces it: on a fast network the app
        // can be ready before the page's first paint, and then the first view (the
        // largest paint from the HTML alone) would never show.
        if crate::web::first_view::present() {
            crate::web::first_view::when_painted(show);
        } else {
            show();
        }
    });
}

/// The results inside a saved offline copy (it must not fetch), else the file named by
/// `src`, else the demo file next to the app.
pub fn default_source(ui: &Ui) -> Source {
    if let Some(bytes) = crate::web::offline::embedded_results() {
        return Source::Embedded(bytes);
    }
    Source::Url(
        ui.src
            .get_untracked()
            .unwrap_or_else(|| "results.json".to_string()),
    )
}

/// Results JSON opens directly; CSV and IOF XML go to the mapping screen first.
/// What a downloaded file turned out to be: results read (the places still to compute),
/// or a state already final (an import, or an error).
enum Routed {
    Parsed(crate::format::Loaded),
    Done(LoadState),
}

fn route(name: &str, bytes: Vec<u8>, generation: u32) -> Routed {
    let failed = |f: Failure| Routed::Done(LoadState::Failed(Arc::new(f)));
    match import::detect(&bytes, name) {
        Kind::Csv | Kind::IofXml => Routed::Done(LoadState::Importing(Arc::new(ImportDraft {
            file_name: name.to_string(),
            bytes,
            generation,
        }))),
        Kind::Unknown if name.to_ascii_lowercase().ends_with(".xlsx") => {
            failed(Failure::UnknownKind(name.to_string()))
        }
        // JSON, and anything unrecognised: the results parser says precisely what is wrong.
        Kind::Json | Kind::Unknown => match crate::format::parse_results(&bytes) {
            Ok(loaded) => {
                browser::mark("results: parsed");
                Routed::Parsed(loaded)
            }
            Err(e) => failed(Failure::Format(e)),
        },
    }
}
