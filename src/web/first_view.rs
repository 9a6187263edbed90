//! The first view: plain HTML of the default list that scripts/prerender.mjs may write
//! into index.html, painted before the app runs. The app takes it over when its own view
//! is ready: the first view goes in the same task (nothing flashes in between), and what
//! the runner typed into its search box, and the focus, carry over.
use wasm_bindgen::JsCast;

/// Whether the page still shows a first view.
pub fn present() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-view"))
        .is_some()
}

/// Runs `f` once the page has had its first contentful paint (the first view is then on
/// screen), or after a second at most (a tab opened in the background paints nothing).
pub fn when_painted(f: impl FnOnce() + 'static) {
    fn painted() -> bool {
        web_sys::window()
            .and_then(|w| w.performance())
            .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
    }
    fn poll(f: Box<dyn FnOnce()>, tries: u32) {
        if painted() || tries == 0 {
            return f();
        }
        let Some(w) = web_sys::window() else {
            return f();
        };
        let next = wasm_bindgen::closure::Closure::once_into_js(move || poll(f, tries - 1));
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 16);
    }
    poll(Box::new(f), 60);
}

/// Removes the first view if the page has one. Returns what was typed into its search
/// box (None when nothing was, or there is no first view).
pub fn take_over() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let view = doc.get_element_by_id("first-view")?;
    let input = view
        .query_selector("input")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    let typed = input
        .as_ref()
        .map(|i| i.value())
        .filter(|v| !v.trim().is_empty());
    let focused = match (input, doc.active_element()) {
        (Some(i), Some(active)) => active == **i,
        _ => false,
    };
    view.remove();
    if focused {
        wasm_bindgen_futures::spawn_local(focus_search());
    }
    typed
}

/// Moves the focus to the app's search box as soon as it is built. The render that builds
/// it runs in a microtask after this take-over; focusing there, before the browser hands
/// the page its next key, keeps every key typed through the take-over (a runner types on).
async fn focus_search() {
    fn focus() -> bool {
        let search = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=search]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        search.is_some_and(|s| s.focus().is_ok())
    }
    for _ in 0..50 {
        if focus() {
            return;
        }
        let next = js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED);
        let _ = wasm_bindgen_futures::JsFuture::from(next).await;
    }
    super::browser::after_paint(|| {
        focus();
    });
}

/// Removes the first view without taking anything over: after a panic, so the error is
/// not shown above stale rows.
pub fn remove() {
    let view = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-view"));
    if let Some(view) = view {
        view.remove();
    }
}
