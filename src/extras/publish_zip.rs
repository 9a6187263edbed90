//! "Download for publishing in parts": the zip of an imported results file with its head
//! and parts (crate::parts::archive), made here so the zip writer and the parts
//! publisher stay out of the viewer's first download.
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::JsValue;

use crate::i18n::messages::Message;
use crate::i18n::Lang;
use crate::parts::archive::{zip_published, ArchiveError};
use crate::web::browser;

/// The zip's bytes, or a rejection that says why (for the console: the viewer tells the
/// reader, in their language, only that it failed). The work waits for a paint, so the
/// viewer's "Preparing…" is on screen while it runs.
pub fn publish_zip(json: String, lang: String) -> Promise {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    wasm_bindgen_futures::future_to_promise(async move {
        browser::painted().await;
        match zip_published(json.as_bytes()) {
            Ok(bytes) => Ok(Uint8Array::from(&bytes[..]).into()),
            Err(ArchiveError::Results(e)) => Err(JsValue::from(e.text(lang))),
            Err(ArchiveError::Zip(e)) => {
                Err(JsValue::from(format!("the zip could not be written: {e}")))
            }
        }
    })
}
