//! Getting the bytes of a results file: from a URL (gloo-net's fetch) or from a file
//! the user picked.
use gloo_net::http::{Request, Response};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::origin::{self, Access};

pub use crate::failure::FetchError;

/// Where results may come from: the page's own origin, or an origin the deployment lists
/// in `<meta name="results-origins">` (see crate::origin).
pub fn access_of(url: &str) -> Access {
    let location = web_sys::window().map(|w| w.location());
    let href = location
        .as_ref()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let page = location.and_then(|l| l.origin().ok()).unwrap_or_default();
    let origin = web_sys::Url::new_with_base(url, &href)
        .map(|u| u.origin())
        .unwrap_or_else(|_| "null".to_string());
    origin::access(&origin, &page, &allowed_origins())
}

/// The origins the deployment allows besides the page's own.
pub fn allowed_origins() -> Vec<String> {
    let meta = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=results-origins]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"));
    origin::parse_allowed(&meta.unwrap_or_default())
}

/// A downloaded file and the origin it came from (after any redirect).
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub from: Access,
    /// The body as it came, chunk by chunk, on the JS side (None when the browser gave
    /// no stream): a worker copy is made from these without going through wasm.
    pub chunks: Option<js_sys::Array>,
}

/// Bytes received so far and the size the server announced, if it did.
pub type Progress = (u64, Option<u64>);

/// Downloads `url`, reporting progress after each chunk; `abort` stops it.
pub async fn fetch_bytes(
    url: &str,
    limit: u64,
    abort: &web_sys::AbortSignal,
    progress: impl Fn(Progress),
) -> Result<Fetched, FetchError> {
    fetch_with(url, limit, abort, &progress, web_sys::RequestCache::Default).await
}

/// Downloads `url` again for live results: the browser asks the server whether the file
/// changed (If-None-Match / If-Modified-Since) instead of trusting its cached copy.
pub async fn refetch_bytes(
    url: &str,
    limit: u64,
    abort: &web_sys::AbortSignal,
) -> Result<Fetched, FetchError> {
    fetch_with(url, limit, abort, &|_| {}, web_sys::RequestCache::NoCache).await
}

async fn fetch_with(
    url: &str,
    limit: u64,
    abort: &web_sys::AbortSignal,
    // One copy of the download code, whatever the caller does with the progress.
    progress: &dyn Fn(Progress),
    cache: web_sys::RequestCache,
) -> Result<Fetched, FetchError> {
    if !crate::url_state::src_is_allowed(url) {
        return Err(FetchError::NotAllowed(url.to_string()));
    }
    if let Access::Refused(origin) = access_of(url) {
        return Err(FetchError::ForeignOrigin(origin));
    }
    let network = || {
        if abort.aborted() {
            FetchError::Cancelled
        } else {
            FetchError::Network {
                url: url.to_string(),
            }
        }
    };
    // The page's boot script may already be downloading this file (see index.html).
    let prefetched = match cache {
        web_sys::RequestCache::Default => take_prefetch(url, abort).await,
        _ => None,
    };
    let resp = match prefetched {
        Some(resp) => resp,
        None => get(url, cache, Some(abort)).await.ok_or_else(network)?,
    };
    // A redirect makes the file another origin's: judge where it ended up.
    let from = match resp.url() {
        end if end.is_empty() => access_of(url),
        end => access_of(&end),
    };
    if let Access::Refused(origin) = from {
        return Err(FetchError::ForeignOrigin(origin));
    }
    if !resp.ok() {
        return Err(FetchError::Http {
            url: url.to_string(),
            status: resp.status(),
        });
    }
    let declared = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(bytes) = declared.filter(|b| *b > limit) {
        return Err(FetchError::TooLarge { bytes, limit });
    }
    let Some(body) = resp.body() else {
        let bytes = resp.binary().await.map_err(|_| network())?;
        return Ok(Fetched {
            bytes,
            from,
            chunks: None,
        });
    };
    // Read chunk by chunk: progress for a big file on a slow network, and the limit
    // holds even when the server did not say the size.
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| network())?;
    // Chunks wait on the JS side and are copied once into a buffer of the exact size:
    // a growing Vec would reach up to twice the file in wasm memory, which never shrinks
    // (the announced length is often the compressed one, no help for sizing it).
    let chunks = js_sys::Array::new();
    let mut received: u64 = 0;
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| network())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|v| v.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let part: js_sys::Uint8Array = value.unchecked_into();
            received += u64::from(part.length());
            chunks.push(&part);
        }
        if received > limit {
            let _ = reader.cancel();
            return Err(FetchError::TooLarge {
                bytes: received,
                limit,
            });
        }
        progress((received, declared));
    }
    let mut bytes = vec![0u8; received as usize];
    let mut at = 0usize;
    for part in chunks.iter() {
        let part: js_sys::Uint8Array = part.unchecked_into();
        let len = part.length() as usize;
        if let Some(slot) = bytes.get_mut(at..at + len) {
            part.copy_to(slot);
        }
        at += len;
    }
    Ok(Fetched {
        bytes,
        from,
        chunks: Some(chunks),
    })
}

/// One GET; None when no answer came (offline, refused, aborted). Any HTTP status is an
/// answer.
pub async fn get(
    url: &str,
    cache: web_sys::RequestCache,
    abort: Option<&web_sys::AbortSignal>,
) -> Option<Response> {
    let request = Request::get(url).cache(cache).abort_signal(abort);
    request.send().await.ok()
}

/// The answer of the boot script's early request for `url`, taken once. The boot script
/// starts it before the wasm is even downloaded, so download and compile overlap. A
/// prefetch of another address is stopped; one that failed is not reused (the caller
/// asks again, which says precisely what is wrong).
async fn take_prefetch(url: &str, abort: &web_sys::AbortSignal) -> Option<Response> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("resultsPrefetch");
    let prefetch = js_sys::Reflect::get(&window, &key).ok()?;
    if prefetch.is_undefined() || prefetch.is_null() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let field = |name: &str| js_sys::Reflect::get(&prefetch, &name.into()).ok();
    let controller: web_sys::AbortController = field("abort")?.dyn_into().ok()?;
    if field("url")?.as_string().as_deref() != Some(url) {
        controller.abort();
        return None;
    }
    // Cancel must stop this download too.
    let stop = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    let _ = abort.add_event_listener_with_callback("abort", stop.unchecked_ref());
    let promise: js_sys::Promise = field("response")?.dyn_into().ok()?;
    let raw: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(Response::from(raw))
}

pub async fn read_file(file: web_sys::File, limit: u64) -> Result<Vec<u8>, FetchError> {
    let name = file.name();
    let size = file.size() as u64;
    if size > limit {
        return Err(FetchError::TooLarge { bytes: size, limit });
    }
    let failed = || FetchError::FileRead { name: name.clone() };
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| failed())?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
