//! Runners a visitor follows: a star on each row and on the card, kept on the device per
//! results file (localStorage), and the "My runners" filter, whose list the URL's
//! `watch` carries so a link shares it.
use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

use super::state::{use_ui, Ui};
use crate::dataset::Dataset;
use crate::i18n::{fill, format_int};

#[derive(Clone, Copy)]
pub struct Stars {
    /// Bumped on every change, so `list` reads the device again.
    version: RwSignal<u32>,
    /// The bibs starred for the file on screen, in the order they were starred.
    pub list: Memo<Vec<String>>,
}

thread_local! {
    /// Where stars live when the browser gives no storage (a sandboxed frame, private
    /// modes): they last as long as the page.
    static IN_MEMORY: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
}

/// One list per results file: the same event name and date is the same race.
fn storage_key(data: &Dataset) -> String {
    let event = &data.results.event;
    format!(
        "results-viewer:stars:{}|{}",
        event.name,
        event.date.as_deref().unwrap_or("")
    )
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(key: &str) -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok())
        .or_else(|| IN_MEMORY.with(|m| m.borrow().get(key).cloned()))
        .unwrap_or_default()
}

fn write(key: &str, bibs: &[String]) {
    IN_MEMORY.with(|m| m.borrow_mut().insert(key.to_string(), bibs.to_vec()));
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(bibs)) {
        // Full or forbidden storage: the copy in memory still holds for this visit.
        let _ = s.set_item(key, &json);
    }
}

impl Stars {
    /// Starts the stars for the App and shares them through the context.
    pub fn provide(ui: Ui) {
        let version = RwSignal::new(0u32);
        let list = Memo::new(move |_| {
            version.track();
            ui.dataset()
                .map(|d| read(&storage_key(&d)))
                .unwrap_or_default()
        });
        provide_context(Stars { version, list });
    }

    pub fn toggle(&self, ui: Ui, bib: &str) {
        let Some(data) = ui.dataset_untracked() else {
            return;
        };
        let key = storage_key(&data);
        let mut bibs = read(&key);
        let starred = match bibs.iter().position(|b| b == bib) {
            Some(i) => {
                bibs.remove(i);
                false
            }
            None => {
                bibs.push(bib.to_string());
                true
            }
        };
        write(&key, &bibs);
        self.version.update(|v| *v += 1);
        // The "My runners" view follows: a new star joins it, a removed one leaves it.
        if ui.watch.with_untracked(|w| w.is_some()) {
            ui.watch.update(|w| {
                if let Some(w) = w {
                    w.retain(|b| b != bib);
                    if starred {
                        w.push(bib.to_string());
                    }
                }
            });
        }
    }
}

/// The rows of the "My runners" filter when it is on (`watch`), else all of `rows`.
pub fn keep_watched(data: &Dataset, rows: Vec<u32>, watch: Option<&[String]>) -> Vec<u32> {
    let Some(bibs) = watch else {
        return rows;
    };
    rows.into_iter()
        .filter(|&i| {
            data.results
                .runners
                .get(i as usize)
                .is_some_and(|r| bibs.contains(&r.bib))
        })
        .collect()
}

/// A star drawn in the text colour; filled by the stylesheet when pressed.
#[component]
fn StarIcon() -> impl IntoView {
    view! {
        <svg class="star-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 2.8l2.8 5.9 6.5.8-4.8 4.5 1.2 6.4L12 17.2l-5.7 3.2 1.2-6.4-4.8-4.5 6.5-.8z" />
        </svg>
    }
}

/// Follow / unfollow one runner: a 44 px toggle button named for the runner.
#[component]
pub fn StarButton(bib: String, name: String) -> impl IntoView {
    let ui = use_ui();
    let Some(stars) = use_context::<Stars>() else {
        return ().into_any();
    };
    let this = bib.clone();
    let on = move || stars.list.with(|l| l.contains(&this));
    view! {
        <button
            type="button"
            class="star"
            data-testid="star"
            data-bib=bib.clone()
            aria-pressed=move || on().to_string()
            aria-label=move || fill(ui.texts().follow_runner, &[&name])
            on:click=move |_| stars.toggle(ui, &bib)
        >
            <StarIcon />
        </button>
    }
    .into_any()
}

/// The "My runners" filter: the starred runners, or the list a shared link carries.
#[component]
pub fn MyRunnersFilter() -> impl IntoView {
    let ui = use_ui();
    let Some(stars) = use_context::<Stars>() else {
        return ().into_any();
    };
    let on = move || ui.watch.with(|w| w.is_some());
    let count = move || {
        let n = ui
            .watch
            .with(|w| w.as_ref().map(Vec::len))
            .unwrap_or_else(|| stars.list.with(Vec::len));
        format_int(n as u64, ui.lang.get())
    };
    let toggle = move |_| {
        let next = if on() {
            None
        } else {
            Some(stars.list.get_untracked())
        };
        ui.watch.set(next);
        ui.page.set(0);
    };
    view! {
        <button
            type="button"
            class="my-runners"
            data-testid="my-runners"
            aria-pressed=move || on().to_string()
            on:click=toggle
        >
            <StarIcon />
            <span>{ui.text(|t| t.my_runners)}</span>
            <span class="count">{count}</span>
        </button>
        <Show when=move || ui.watch.with(|w| w.as_ref().is_some_and(Vec::is_empty))>
            <p class="my-runners-empty">{ui.text(|t| t.no_followed)}</p>
        </Show>
    }
    .into_any()
}
