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

thread_local! {
    /// Results files fetched before the worker ran, with their absolute addresses.
    static FOR_WORKER: std::cell::RefCell<Vec<(String, Body)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether a service worker can run here and none controls the page yet (a first visit).
fn worker_to_come() -> bool {
    workers().is_some_and(|c| c.controller().is_none())
}

/// The page's service worker container, where a worker can run: served over http(s), in
/// a secure context, not a saved offline copy, and the browser has them.
fn workers() -> Option<web_sys::ServiceWorkerContainer> {
    let w = web_sys::window()?;
    if !served_over_http() || is_offline_copy() || !w.is_secure_context() {
        return None;
    }
    let nav = w.navigator();
    // Absent in some browsers and private modes; the getter would return undefined.
    js_sys::Reflect::has(&nav, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| nav.service_worker())
}

/// A results file fetched before the worker ran (a first visit): the worker did not see
/// it, so a copy of its bytes is handed over when the worker runs, instead of the worker
/// downloading it again (1 MB more for a 50,000-runner file on a phone).
pub struct WorkerCopy {
    url: String,
    body: Body,
}

/// A copy's bytes: the download's chunks as they came (wasm memory is not read again),
/// or the Blob made of them, which the browser keeps outside the page's memory.
enum Body {
    Chunks(js_sys::Array),
    Blob(web_sys::Blob),
}

impl Body {
    fn blob(self) -> Option<web_sys::Blob> {
        match self {
            Body::Chunks(chunks) => web_sys::Blob::new_with_u8_array_sequence(&chunks).ok(),
            Body::Blob(blob) => Some(blob),
        }
    }
}

impl WorkerCopy {
    /// A copy of the file fetched from `url`; None when no worker is to come. It holds
    /// the chunks: they become a Blob only when the worker is handed them, after the
    /// first rows, because the browser's copying of a 12 MB Blob slowed the reading of
    /// the file beside it. See `settled` for a copy that waits.
    pub fn of(url: &str, fetched: &super::load::Fetched) -> Option<Self> {
        if !worker_to_come() {
            return None;
        }
        let url = absolute_url(url)?;
        let chunks = match &fetched.chunks {
            Some(chunks) => chunks.clone(),
            None => js_sys::Array::of1(&js_sys::Uint8Array::from(&fetched.bytes[..])),
        };
        Some(Self {
            url,
            body: Body::Chunks(chunks),
        })
    }

    /// The copy as a Blob now, so the chunks are let go: for a copy that waits (the
    /// whole file of results in parts, read only once the page is quiet).
    pub fn settled(self) -> Option<Self> {
        let body = Body::Blob(self.body.blob()?);
        Some(Self {
            url: self.url,
            body,
        })
    }

    /// Keeps the copy for the worker (a newer copy of the same address replaces it).
    pub fn keep(self) {
        FOR_WORKER.with(|k| {
            let mut k = k.borrow_mut();
            k.retain(|(u, _)| *u != self.url);
            k.push((self.url, self.body));
        });
    }
}

/// Registers `sw.js` (next to index.html, so its scope is the viewer's folder) and hands
/// it the results files kept by `WorkerCopy::keep`.
/// Does nothing where service workers cannot run (file://, plain http on a remote host,
/// a saved offline copy); then the viewer simply works online as before.
pub fn register_service_worker() {
    let Some(container) = workers() else { return };
    let registered = container.register("sw.js");
    // Blobs now, after the first rows: the chunks are let go at once.
    let files: Vec<(String, web_sys::Blob)> = FOR_WORKER
        .with(|k| std::mem::take(&mut *k.borrow_mut()))
        .into_iter()
        .filter_map(|(url, body)| Some((url, body.blob()?)))
        .collect();
    wasm_bindgen_futures::spawn_local(async move {
        // A refusal (blocked by the browser or a policy) only means no offline use.
        if JsFuture::from(registered).await.is_err() || files.is_empty() {
            return;
        }
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let Some(worker) = registration.active() else {
            return;
        };
        for (url, body) in files {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"keepResults".into(), &url.into());
            let _ = js_sys::Reflect::set(&message, &"body".into(), &body);
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
