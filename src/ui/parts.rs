//! Results published in parts (docs/parts.md): the head's rows show first, a search
//! fetches the parts that can hold what is typed, and the whole file downloads behind;
//! once it is in, it replaces the rows at hand and every view covers the whole event.
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::loader::{is_current, set_loaded_from};
use super::state::{LoadState, Ui};
use crate::dataset::Dataset;
use crate::format::{Loaded, MAX_FILE_BYTES};
use crate::parts::merge::merged;
use crate::parts::pick::{part_for_bib, pick_having, Pick};
use crate::web::load::{fetch_bytes, Progress};
use crate::web::{browser, offline};

/// What the page says about results in parts while the whole file is not in yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PartsStatus {
    /// Rows of the whole file.
    pub runners: u32,
    /// The whole file's download so far.
    pub whole: Option<Progress>,
    /// The whole file's address, when it could not be loaded.
    pub whole_failed: Option<String>,
    /// Parts of the index a search is waiting for.
    pub fetching: bool,
    /// The search typed is too short to answer from parts.
    pub too_broad: bool,
    /// Parts that could not be fetched.
    pub failed: Vec<String>,
}

struct State {
    generation: u32,
    head: Rc<Loaded>,
    /// The head's own address, absolute: parts are named relative to it.
    head_url: String,
    whole_url: String,
    fetched: Vec<(String, Rc<Loaded>)>,
    pending: Vec<String>,
    /// Parts that could not be fetched: not asked for again (the whole file has them).
    failed: Vec<String>,
    /// Parts the current search needs.
    wanted: Vec<String>,
    /// When the search or the card last asked for parts (browser::now).
    last_wish: f64,
    abort: Option<web_sys::AbortController>,
}

/// The whole file waits until nothing was typed for this long and no part is coming: on
/// a phone its download would share the network with the part a runner waits for, and
/// reading it holds the page up for a second or more.
const QUIET_MS: f64 = 1500.0;

impl State {
    fn has(&self, file: &str) -> bool {
        self.fetched.iter().any(|(f, _)| f == file)
    }
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn absolute(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// Ends parts mode (a new load began); stops the whole file's download.
pub fn stop() {
    STATE.with(|s| {
        if let Some(abort) = s.borrow_mut().take().and_then(|st| st.abort) {
            abort.abort();
        }
    });
}

/// The whole file's address while results in parts are on screen (the offline copy
/// holds the whole event).
pub fn whole_url() -> Option<String> {
    STATE.with(|s| s.borrow().as_ref().map(|st| st.whole_url.clone()))
}

/// Takes a head that was just read: remembers it and returns the rows to show first.
pub fn open_head(ui: Ui, generation: u32, url: &str, head: Loaded) -> Dataset {
    let whole = head
        .parts
        .as_ref()
        .map(|p| p.whole.clone())
        .unwrap_or_default();
    let head_url = absolute(url, &browser::current_href());
    let whole_url = absolute(&whole, &head_url);
    let data = Dataset::from_loaded(merged(&head, []));
    ui.parts.set(Some(PartsStatus {
        runners: head.parts.as_ref().map_or(0, |p| p.runners),
        ..PartsStatus::default()
    }));
    stop();
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            generation,
            head: Rc::new(head),
            head_url,
            whole_url,
            fetched: Vec::new(),
            pending: Vec::new(),
            failed: Vec::new(),
            wanted: Vec::new(),
            last_wish: 0.0,
            abort: None,
        })
    });
    data
}

/// Once the head's rows are painted: the parts the address asks for (a search, a
/// runner's card), then, once the page is quiet, the whole file.
pub fn after_first_rows(ui: Ui, generation: u32) {
    // want() marks this moment as the last wish: a runner starts typing as soon as the
    // rows show, so the whole file gives them the network for QUIET_MS first.
    want(ui);
    spawn_local(fetch_whole(ui, generation));
}

/// Waits until no part is coming and nothing was asked for QUIET_MS; false when this
/// load is no longer the current one.
async fn until_quiet(generation: u32) -> bool {
    loop {
        let wait = STATE.with(|s| {
            let s = s.borrow();
            let st = s.as_ref().filter(|st| st.generation == generation)?;
            if !st.pending.is_empty() {
                return Some(200.0);
            }
            Some(QUIET_MS - (browser::now() - st.last_wish))
        });
        match wait {
            None => return false,
            Some(ms) if ms <= 0.0 => return is_current(generation),
            Some(ms) => browser::sleep(ms.ceil() as i32).await,
        }
    }
}

/// Fetches the parts the current search and open card need (after each keystroke).
pub fn want(ui: Ui) {
    let query = ui.q.get_untracked();
    let runner = ui.runner.get_untracked();
    let plan = STATE.with(|s| {
        let s = s.borrow();
        let st = s.as_ref()?;
        let head = st.head.parts.as_ref()?;
        let mut files = Vec::new();
        let mut too_broad = false;
        match pick_having(&query, head, |f| st.has(f)) {
            Pick::Nothing => {}
            Pick::TooBroad => too_broad = true,
            Pick::Parts(f) => files = f,
        }
        if let Some(file) = runner.as_deref().and_then(|bib| part_for_bib(bib, head)) {
            if !files.contains(&file) {
                files.push(file);
            }
        }
        Some((st.generation, files, too_broad))
    });
    let Some((generation, files, too_broad)) = plan else {
        return;
    };
    let start: Vec<String> = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let Some(st) = s.as_mut() else {
            return Vec::new();
        };
        st.wanted = files.clone();
        st.last_wish = browser::now();
        let new: Vec<String> = files
            .into_iter()
            .filter(|f| !st.has(f) && !st.pending.contains(f) && !st.failed.contains(f))
            .collect();
        st.pending.extend(new.iter().cloned());
        new
    });
    update_status(ui, |p| p.too_broad = too_broad);
    refresh_fetching(ui);
    for file in start {
        spawn_local(fetch_part(ui, generation, file));
    }
}

fn update_status(ui: Ui, change: impl FnOnce(&mut PartsStatus)) {
    let Some(mut status) = ui.parts.get_untracked() else {
        return;
    };
    let before = status.clone();
    change(&mut status);
    if status != before {
        ui.parts.set(Some(status));
    }
}

fn refresh_fetching(ui: Ui) {
    let fetching = STATE.with(|s| {
        s.borrow()
            .as_ref()
            .is_some_and(|st| st.wanted.iter().any(|f| st.pending.contains(f)))
    });
    update_status(ui, |p| p.fetching = fetching);
}

async fn fetch_part(ui: Ui, generation: u32, file: String) {
    let Some(url) = STATE.with(|s| s.borrow().as_ref().map(|st| absolute(&file, &st.head_url)))
    else {
        return;
    };
    let Ok(abort) = web_sys::AbortController::new() else {
        return;
    };
    let got = fetch_bytes(&url, MAX_FILE_BYTES as u64, &abort.signal(), |_| {}).await;
    let part = got
        .ok()
        .and_then(|f| crate::format::parse_results(&f.bytes).ok());
    if !is_current(generation) {
        return;
    }
    let rows = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.as_mut().filter(|st| st.generation == generation)?;
        st.pending.retain(|f| *f != file);
        match part {
            Some(part) => {
                st.fetched.push((file.clone(), Rc::new(part)));
                Some(Ok(merged(
                    &st.head,
                    st.fetched.iter().map(|(_, p)| p.as_ref()),
                )))
            }
            None => {
                st.failed.push(file.clone());
                Some(Err(file.clone()))
            }
        }
    });
    match rows {
        Some(Ok(rows)) => {
            if matches!(ui.load.get_untracked(), LoadState::Ready(ref d) if d.is_partial()) {
                ui.load
                    .set(LoadState::Ready(Arc::new(Dataset::from_loaded(rows))));
            }
        }
        Some(Err(file)) => update_status(ui, |p| {
            if !p.failed.contains(&file) {
                p.failed.push(file);
            }
        }),
        None => return,
    }
    refresh_fetching(ui);
}

async fn fetch_whole(ui: Ui, generation: u32) {
    if !until_quiet(generation).await {
        return;
    }
    let Some(url) = STATE.with(|s| {
        s.borrow()
            .as_ref()
            .filter(|st| st.generation == generation)
            .map(|st| st.whole_url.clone())
    }) else {
        return;
    };
    let Ok(abort) = web_sys::AbortController::new() else {
        return;
    };
    let signal = abort.signal();
    STATE.with(|s| {
        if let Some(st) = s.borrow_mut().as_mut() {
            st.abort = Some(abort);
        }
    });
    let report = move |p: Progress| {
        if is_current(generation) {
            update_status(ui, |s| s.whole = Some(p));
        }
    };
    // The worker's copy is made a Blob at once, so the download's chunks on the JS side
    // are not held while the page waits to be quiet; it is kept only if the file reads well.
    let got = fetch_bytes(&url, MAX_FILE_BYTES as u64, &signal, report)
        .await
        .ok()
        .map(|f| {
            let copy = offline::WorkerCopy::of(&url, &f).and_then(offline::WorkerCopy::settled);
            (copy, f.bytes)
        });
    // Reading it is a long task: not while someone is typing.
    if !until_quiet(generation).await {
        return;
    }
    // The whole file must be a whole file: a head naming a head would never end.
    let data = got.and_then(|(copy, bytes)| {
        let loaded = crate::format::parse_results(&bytes)
            .ok()
            .filter(|l| l.parts.is_none())?;
        if let Some(copy) = copy {
            copy.keep();
        }
        Some(loaded)
    });
    if !is_current(generation) {
        return;
    }
    match data {
        Some(loaded) => {
            browser::yield_to_page().await;
            if !is_current(generation) {
                return;
            }
            let data = Dataset::from_loaded(loaded);
            STATE.with(|s| s.borrow_mut().take());
            set_loaded_from(generation, url);
            ui.parts.set(None);
            ui.load.set(LoadState::Ready(Arc::new(data)));
            browser::mark("results in parts: whole file in");
        }
        None => update_status(ui, |p| p.whole_failed = Some(url.clone())),
    }
}
