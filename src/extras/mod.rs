//! The viewer's on-demand module (src/bin/extras.rs): what a visit to read results
//! never needs, so it stays out of the first download: the importer with its mapping
//! screen, the offline-copy writer, and the zip of results in parts for publishing. The
//! viewer loads it on first use (crate::web::extras) and talks to it through
//! `window.resultsExtras`, a plain JS object, because the two wasm modules share no
//! memory: only strings, bytes, elements and callbacks cross.
pub mod age_sheets;
pub mod import_screen;
pub mod offline_copy;
pub mod publish_zip;

use std::cell::RefCell;

use js_sys::{Function, Object, Reflect, Uint8Array};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use import_screen::{ImportCtx, ImportDraft, ImportRoot};

/// Each open screen: its unmount handle and its language signal.
struct Open {
    _handle: Box<dyn std::any::Any>,
    lang: RwSignal<Lang>,
    /// Which openImport call made it, so a late close leaves a newer screen alone.
    number: u32,
}

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
    static OPENED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Entry point of the module: registers `window.resultsExtras`.
pub fn start() {
    crate::web::panic::install();
    let api = Object::new();
    let set = |name: &str, f: JsValue| {
        let _ = Reflect::set(&api, &name.into(), &f);
    };
    set(
        "openImport",
        Closure::<dyn Fn(web_sys::HtmlElement, String, Uint8Array, String, Function, Function)>::new(
            open_import,
        )
        .into_js_value(),
    );
    set(
        "offlineCopy",
        Closure::<dyn Fn(JsValue, String, String, String) -> js_sys::Promise>::new(
            |results: JsValue, lang: String, source: String, title: String| {
                wasm_bindgen_futures::future_to_promise(async move {
                    let (name, html) = offline_copy::offline_copy(results, &lang, &source, &title)
                        .await
                        .ok_or_else(|| {
                            JsValue::from_str("a part of the viewer could not be read")
                        })?;
                    Ok(js_sys::Array::of2(&name.into(), &html.into()).into())
                })
            },
        )
        .into_js_value(),
    );
    set(
        "publishZip",
        Closure::<dyn Fn(String, String) -> js_sys::Promise>::new(publish_zip::publish_zip)
            .into_js_value(),
    );
    set(
        "setLang",
        Closure::<dyn Fn(String)>::new(set_lang).into_js_value(),
    );
    set(
        "closeImport",
        Closure::<dyn Fn()>::new(close_import).into_js_value(),
    );
    if let Some(w) = web_sys::window() {
        let _ = Reflect::set(&w, &"resultsExtras".into(), &api);
    }
}

/// Mounts the mapping screen for `bytes` into `host`. `done(json)` receives the
/// converted results; `failed(error)` the reason the file cannot be read, as the JSON
/// of `import::ImportError` (the viewer says it in its language).
fn open_import(
    host: web_sys::HtmlElement,
    name: String,
    bytes: Uint8Array,
    lang: String,
    done: Function,
    failed: Function,
) {
    close_now();
    let number = OPENED.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let lang = RwSignal::new(Lang::from_code(&lang).unwrap_or_default());
    let fail = {
        let failed = failed.clone();
        move |e: crate::import::ImportError| {
            let json = serde_json::to_string(&e).unwrap_or_default();
            let _ = failed.call1(&JsValue::NULL, &json.into());
        }
    };
    let draft = match ImportDraft::read(name, bytes.to_vec()) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let ctx = ImportCtx {
        lang,
        done: Callback::new(move |json: String| {
            let _ = done.call1(&JsValue::NULL, &json.into());
        }),
        failed: Callback::new(fail),
    };
    let handle = mount_to(host, move || {
        provide_context(ctx);
        view! { <ImportRoot draft=draft /> }
    });
    OPEN.with(|o| {
        *o.borrow_mut() = Some(Open {
            _handle: Box::new(handle),
            lang,
            number,
        })
    });
}

fn set_lang(code: String) {
    let Some(lang) = Lang::from_code(&code) else {
        return;
    };
    OPEN.with(|o| {
        if let Some(open) = o.borrow().as_ref() {
            open.lang.set(lang);
        }
    });
}

fn close_now() {
    let open = OPEN.with(|o| o.borrow_mut().take());
    drop(open);
}

/// The viewer calls this when its import view goes away. The screen is dropped on the
/// next task, not inside a call that may come from the screen's own click handler.
fn close_import() {
    let number = OPENED.with(|n| n.get());
    let later = Closure::once_into_js(move || {
        let open = OPEN.with(|o| {
            let mut o = o.borrow_mut();
            if o.as_ref().is_some_and(|open| open.number == number) {
                o.take()
            } else {
                None
            }
        });
        drop(open);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(later.unchecked_ref());
    }
}
