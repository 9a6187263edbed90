//! The viewer on an organizer's page: it tells the page its height, wears the
//! organizer's brand, and writes the iframe code for the current view.
use std::cell::RefCell;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::state::{use_ui, Ui};
use crate::embed::{brand_properties, iframe_code, BRAND_PROPERTIES, HEIGHT_MESSAGE};
use crate::url_state::UrlState;

/// A ResizeObserver and the callback it calls.
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

thread_local! {
    /// The height observer lives as long as the page.
    static HEIGHT_OBSERVER: RefCell<Option<Observer>> = const { RefCell::new(None) };
}

/// In a frame, posts `{type: "results-viewer:height", height}` to the parent page each
/// time the content's height changes, so the page can size the iframe to fit. Does
/// nothing in a top-level window.
pub fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let observed = root.clone();
    let mut last = -1.0;
    let callback = Closure::<dyn FnMut()>::new(move || {
        // The root's own box is the content's height; scrollHeight would never shrink
        // below the iframe's current height.
        let height = root.get_bounding_client_rect().height().ceil();
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height));
        // The height is no secret, and the viewer cannot know the organizer's origin.
        let _ = parent.post_message(&message, "*");
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&observed);
    HEIGHT_OBSERVER.with(|h| *h.borrow_mut() = Some((observer, callback)));
}

/// The organizer's accent colour and font (URL `accent`, `font`), set as custom
/// properties on <html> through the CSSOM: the CSP allows no style attribute, and the
/// values come only from `crate::embed`, never from the URL's text.
pub fn follow_brand(ui: Ui) {
    Effect::new(move |_| {
        let props = brand_properties(ui.accent.get().as_deref(), ui.font.get().as_deref());
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let style = root.style();
        for name in BRAND_PROPERTIES {
            let _ = style.remove_property(name);
        }
        for (name, value) in props {
            let _ = style.set_property(name, &value);
        }
    });
}

/// The address of the viewer itself, without its query: "https://host/path/".
fn viewer_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The view an embedded viewer opens: the file, distance, tab, language, theme, brand
/// and live mode of this one, in compact mode; not the search or an open card.
fn embedded_view(url: UrlState) -> UrlState {
    UrlState {
        src: url.src,
        distance: url.distance,
        view: url.view,
        lang: url.lang,
        theme: url.theme,
        live: url.live,
        accent: url.accent,
        font: url.font,
        embed: true,
        ..Default::default()
    }
}

/// "Embed on your site": a panel with the iframe code for the current view.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let ui = use_ui();
    let open = RwSignal::new(false);
    // None: not copied yet; Some(false): the browser refused, select and copy by hand.
    let copied = RwSignal::new(None::<bool>);
    let area: NodeRef<html::Textarea> = NodeRef::new();
    let code = move || {
        let title = ui
            .dataset()
            .map(|d| d.results.event.name.clone())
            .unwrap_or_else(|| ui.texts().app_title.to_string());
        let address = format!("{}{}", viewer_address(), embedded_view(ui.url()).to_query());
        iframe_code(&address, &title)
    };
    let copy = move |_| {
        let text = code();
        spawn_local(async move {
            let ok = copy_text(&text).await;
            if !ok {
                if let Some(a) = area.get_untracked() {
                    a.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    view! {
        <div class="embed-panel">
            <button
                type="button"
                class="file-button"
                data-testid="embed-open"
                aria-expanded=move || open.get().to_string()
                aria-controls="embed-code-panel"
                on:click=move |_| {
                    copied.set(None);
                    open.update(|o| *o = !*o);
                }
            >
                {ui.text(|t| t.embed_button)}
            </button>
            <Show when=move || open.get()>
                <section id="embed-code-panel" class="embed-code">
                    <h2 id="embed-title">{ui.text(|t| t.embed_title)}</h2>
                    <p>{ui.text(|t| t.embed_intro)}</p>
                    <Show when=move || ui.local_file.get().is_some()>
                        <p class="notice">{ui.text(|t| t.embed_local_file)}</p>
                    </Show>
                    <textarea
                        node_ref=area
                        readonly
                        rows="9"
                        spellcheck="false"
                        data-testid="embed-code"
                        aria-labelledby="embed-title"
                        prop:value=code
                    ></textarea>
                    <div class="share-row">
                        <button type="button" class="share" on:click=copy>
                            {ui.text(|t| t.copy_code)}
                        </button>
                        <span role="status">
                            {move || match copied.get() {
                                Some(true) => ui.texts().code_copied,
                                Some(false) => ui.texts().copy_by_hand,
                                None => "",
                            }}
                        </span>
                    </div>
                </section>
            </Show>
        </div>
    }
}

/// Copies through the Clipboard API; false when the browser refuses (no permission,
/// not a secure context), so the page can ask the user to copy by hand.
async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Missing outside secure contexts: calling it would throw.
    if !js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object()) {
        return false;
    }
    let clipboard = navigator.clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}
