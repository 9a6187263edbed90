//! A panic must never leave a white page: show a message (in the page's language) and
//! log the details for the developer console.
use crate::i18n::Lang;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("viewer panic: {info}").into());
        super::first_view::remove();
        show_fatal_message();
    }));
}

fn show_fatal_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = crate::url_state::UrlState::parse(&super::browser::location_search())
        .lang
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or_default();
    let t = lang.texts();
    let Ok(el) = doc.create_element("div") else {
        return;
    };
    el.set_class_name("fatal");
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(t.fatal_error));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&el);
    }
}
