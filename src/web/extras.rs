//! Loading the on-demand module (crate::extras) and calling it. The page's boot script
//! defines `window.resultsExtrasLoad()`, which imports the module once and resolves to
//! its `window.resultsExtras` API; the service worker keeps the module for offline use.
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The module's API object, loading the module first if this is its first use. Err when
/// it cannot be loaded (offline before any visit cached it, or a saved offline copy).
pub async fn load() -> Result<Object, ()> {
    let window = web_sys::window().ok_or(())?;
    let loader = Reflect::get(&window, &"resultsExtrasLoad".into()).map_err(|_| ())?;
    let loader: Function = loader.dyn_into().map_err(|_| ())?;
    let promise: Promise = loader
        .call0(&JsValue::NULL)
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let api = JsFuture::from(promise).await.map_err(|e| {
        web_sys::console::error_2(&"the on-demand module did not load:".into(), &e);
    })?;
    api.dyn_into().map_err(|_| ())
}

/// The API if the module is already loaded (no download started).
pub fn loaded() -> Option<Object> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"resultsExtras".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Calls `api.name(args...)`; a missing function or a throw is logged, never a panic.
pub fn call(api: &Object, name: &str, args: &[JsValue]) {
    let f = Reflect::get(api, &name.into()).and_then(|f| f.dyn_into::<Function>());
    let result = f.and_then(|f| f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>()));
    if let Err(e) = result {
        web_sys::console::error_2(&format!("resultsExtras.{name} failed:").into(), &e);
    }
}

/// Calls `api.name(args...)`, which returns a promise; its value, or None when it fails.
pub async fn call_async(api: &Object, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = Reflect::get(api, &name.into()).ok()?.dyn_into().ok()?;
    let promise: Promise = f
        .apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>())
        .ok()?
        .dyn_into()
        .ok()?;
    match JsFuture::from(promise).await {
        Ok(v) => Some(v),
        Err(e) => {
            web_sys::console::error_2(&format!("resultsExtras.{name} failed:").into(), &e);
            None
        }
    }
}

/// A JS callback taking a string (it may be called more than once, e.g. a double click).
pub fn string_callback(f: impl Fn(String) + 'static) -> JsValue {
    Closure::<dyn Fn(JsValue)>::new(move |s: JsValue| f(s.as_string().unwrap_or_default()))
        .into_js_value()
}
