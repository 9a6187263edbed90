//! Race results viewer. `format`, `domain` and `search` are pure Rust (no browser),
//! tested natively; `ui` and `web` are the browser edge, compiled only for wasm.
pub mod dataset;
pub mod domain;
pub mod embed;
pub mod export;
pub mod failure;
pub mod format;
pub mod i18n;
pub mod import;
pub mod order;
pub mod origin;
pub mod parts;
pub mod search;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod extras;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
