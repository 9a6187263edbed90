//! Small wrappers over window APIs the viewer uses.
use wasm_bindgen::JsCast;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's query string, e.g. "?q=ivan".
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

thread_local! {
    /// The newest query string not yet in the address bar (see `set_query_soon`).
    static PENDING_QUERY: std::cell::RefCell<Option<String>> =
        const { std::cell::RefCell::new(None) };
}

/// How long the address bar may lag behind typing. history.replaceState costs a few
/// milliseconds on a phone, more than the search itself, so it is not done per keystroke.
const QUERY_DELAY_MS: i32 = 300;

/// Replaces the query string a moment later, once typing pauses; `current_href` and
/// `set_query` write it first, so a shared or pushed address is never stale.
pub fn set_query_soon(query: String) {
    let first = PENDING_QUERY.with(|p| p.borrow_mut().replace(query).is_none());
    if !first {
        return;
    }
    let Some(w) = window() else { return };
    let flush = wasm_bindgen::closure::Closure::once_into_js(flush_query);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
        flush.unchecked_ref(),
        QUERY_DELAY_MS,
    );
}

/// Writes the query string `set_query_soon` is holding, if any.
pub fn flush_query() {
    if let Some(query) = PENDING_QUERY.with(|p| p.borrow_mut().take()) {
        set_query(&query, false);
    }
}

/// Runs `f` in a task after the browser's next paint (a frame, then a timer).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(w) = window() {
            let run = wasm_bindgen::closure::Closure::once_into_js(f);
            let _ = w.set_timeout_with_callback(run.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(later.unchecked_ref());
}

/// Lets the page handle input and paint before the caller goes on: a long piece of work
/// split at such points is several short tasks, so a keystroke never waits for all.
pub async fn yield_to_page() {
    sleep(0).await;
}

/// Waits `ms` milliseconds (a timer), letting the page run meanwhile.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the page started (performance.now()); 0 where it is missing.
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Runs `f` once the page is painted and the browser has nothing else to do (or
/// shortly after paint where requestIdleCallback is missing, as in Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    after_paint(move || {
        let Some(w) = window() else { return };
        let run = wasm_bindgen::closure::Closure::once_into_js(f);
        if w.request_idle_callback(run.unchecked_ref()).is_err() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 100);
        }
    });
}

/// Back / Forward moved to another entry: a query held for the one left is dropped.
pub fn forget_pending_query() {
    PENDING_QUERY.with(|p| p.borrow_mut().take());
}

/// Replaces (typing) or pushes (opening a runner) the query string, keeping the path.
pub fn set_query(query: &str, push: bool) {
    if push {
        // The entry being left keeps the view the user had (say, their search).
        flush_query();
    }
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    let current = format!("{path}{}", location_search());
    if url == current && !push {
        return;
    }
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

/// The full address of the current view, for sharing.
pub fn current_href() -> String {
    flush_query();
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(w) = window() else { return Vec::new() };
    let nav = w.navigator();
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

pub fn viewport_width() -> f64 {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0)
}

/// Sets an attribute on <html> (theme, language).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Shares a link with the Web Share API where the browser has it, else copies it.
/// Returns true when the link was copied (so the page can say so).
pub fn share_or_copy(title: &str, url: &str) -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    let has_share = js_sys::Reflect::has(&nav, &"share".into()).unwrap_or(false);
    if has_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        let _ = nav.share_with_data(&data);
        false
    } else {
        let _ = nav.clipboard().write_text(url);
        true
    }
}

pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The first file of a file input's change event or a drop event.
pub fn first_file_of_input(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()?.get(0)
}

pub fn first_file_of_drop(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}

/// `window.resultsViewer.memory`: the wasm memory, so the benchmark can read its size.
pub fn expose_memory() {
    expose("memory", &wasm_bindgen::memory());
}

/// Sets `window.resultsViewer[name]`, creating the object the first time.
fn expose(name: &str, value: &wasm_bindgen::JsValue) {
    let Some(w) = window() else { return };
    let key = wasm_bindgen::JsValue::from_str("resultsViewer");
    let obj = match js_sys::Reflect::get(&w, &key) {
        Ok(o) if o.is_object() => o,
        _ => js_sys::Object::new().into(),
    };
    let _ = js_sys::Reflect::set(&obj, &name.into(), value);
    let _ = js_sys::Reflect::set(&w, &key, &obj);
}

/// `window.resultsViewer.search(query)`: runs the list's search (match and rank, no
/// filters) over the loaded file and returns how many runners match, so the benchmark
/// can time our search call against other search libraries' calls, like with like.
pub fn expose_search(search: impl Fn(String) -> u32 + 'static) {
    let search = wasm_bindgen::closure::Closure::<dyn Fn(String) -> u32>::new(search);
    expose("search", &search.into_js_value());
}

/// A User Timing mark ("results: parsed"...), so a profile or the benchmark can tell
/// where a load's time goes.
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` between two marks and records the span as a User Timing measure `name`.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start = format!("{name}: starts");
    mark(&start);
    let out = f();
    if let Some(p) = window().and_then(|w| w.performance()) {
        let end = format!("{name}: done");
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    out
}

/// Saves text as a file through a temporary object URL and a download link.
pub fn download_text(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(file_name, &blob);
    }
}

/// Resolves once the browser has painted (see `after_paint`), so a "Preparing…" label is
/// on screen before a long piece of work starts.
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Saves bytes (a zip...) as a file, like `download_text`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &js_sys::Uint8Array) {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) {
        save_blob(file_name, &blob);
    }
}

/// Saves a blob as a file through a temporary object URL and a download link.
fn save_blob(file_name: &str, blob: &web_sys::Blob) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", file_name);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
