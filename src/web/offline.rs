//! Offline use at the browser edge: the service worker that keeps the viewer and the
//! last results on the device, and the results a saved offline copy carries in its page.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The id of the element holding the results in a saved offline copy.
pub const EMBEDDED_RESULTS_ID: &str = "embedded-results";

/// True when this page is a saved offline copy (its results are inside the page).
pub fn is_offline_copy() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(EMBEDDED_RESULTS_ID))
        .is_some()
}

/// The results JSON inside a saved offline copy, if this page is one.
pub fn embedded_results() -> Option<Vec<u8>> {
    let doc = web_sys::window()?.document()?;
    let text = doc.get_element_by_id(EMBEDDED_RESULTS_ID)?.text_content()?;
    Some(text.into_bytes())
}

/// Where a saved offline copy's results came from: the file's full address when it was
/// saved, or `local:NAME` for a file opened from the device (see ui::offline_copy).
pub const SOURCE_META: &str = "results-source";

/// The source a saved offline copy records, if this page is one.
pub fn saved_source() -> Option<String> {
    if !is_offline_copy() {
        return None;
    }
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name={SOURCE_META}]"))
        .ok()??;
    meta.get_attribute("content").filter(|s| !s.is_empty())
}

/// True when the page came from a web server (http or https), not from a file on disk.
pub fn served_over_http() -> bool {
    let protocol = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .unwrap_or_default();
    protocol == "http:" || protocol == "https:"
}

/// Registers `sw.js` (next to index.html, so its scope is the viewer's folder).
/// `results` is the address of the results file on screen: on the first visit the page
/// loaded it before the worker existed, so the worker is asked to keep a copy.
/// Does nothing where service workers cannot run (file://, plain http on a remote host,
/// a saved offline copy); then the viewer simply works online as before.
pub fn register_service_worker(results: Option<String>) {
    let Some(w) = web_sys::window() else { return };
    if !served_over_http() || is_offline_copy() || !w.is_secure_context() {
        return;
    }
    let nav = w.navigator();
    // Absent in some browsers and private modes; the getter would return undefined.
    if !js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = nav.service_worker();
    let first_visit = container.controller().is_none();
    let registered = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A refusal (blocked by the browser or a policy) only means no offline use.
        if JsFuture::from(registered).await.is_err() || !first_visit {
            return;
        }
        let Some(url) = results.and_then(|r| absolute_url(&r)) else {
            return;
        };
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(worker) = registration.active() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"keepResults".into(), &url.into());
            let _ = worker.post_message(&message);
        }
    });
}

/// `src` as the worker sees requests: absolute, resolved against the page.
fn absolute_url(src: &str) -> Option<String> {
    let base = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(src, &base)
        .ok()
        .map(|u| u.href())
}
