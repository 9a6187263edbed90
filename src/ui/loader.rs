//! Starts loading a results file and puts the outcome into the Ui state.
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Failure, LoadState, Ui};
use crate::dataset::Dataset;
use crate::format::MAX_FILE_BYTES;
use crate::web::load::{fetch_bytes, read_file};

/// The newest load wins: a slow earlier download must not replace a file opened later.
static GENERATION: AtomicU32 = AtomicU32::new(0);

pub enum Source {
    Url(String),
    File(web_sys::File),
}

pub fn start_load(ui: Ui, source: Source) {
    let generation = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    ui.load.set(LoadState::Loading);
    spawn_local(async move {
        let limit = MAX_FILE_BYTES as u64;
        let bytes = match source {
            Source::Url(url) => fetch_bytes(&url, limit).await,
            Source::File(file) => read_file(file, limit).await,
        };
        if GENERATION.load(Ordering::SeqCst) != generation {
            return;
        }
        let state = match bytes {
            Err(e) => LoadState::Failed(Arc::new(Failure::Fetch(e))),
            Ok(bytes) => match Dataset::load(&bytes) {
                Ok(d) => LoadState::Ready(Arc::new(d)),
                Err(e) => LoadState::Failed(Arc::new(Failure::Format(e))),
            },
        };
        ui.load.set(state);
    });
}

/// The file named by `src`, or the demo file next to the app.
pub fn default_source(ui: &Ui) -> Source {
    Source::Url(
        ui.src
            .get_untracked()
            .unwrap_or_else(|| "results.json".to_string()),
    )
}
