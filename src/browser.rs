//! Browser helpers the app and the editor share: fetching a file of the site as text (with a
//! time-out, never from a stale cache), and waiting.

use futures::future::{select, Either};
use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

use crate::validate::LoadError;

/// How long a visitor waits before a stalled download becomes an error with a retry.
pub const TIMEOUT_SECONDS: u32 = 15;

/// The text of `url` (relative to the page), or why not: an HTTP status, a network error, a
/// time-out.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let abort = web_sys::AbortController::new().ok();
    let download = Box::pin(download(url, abort.as_ref().map(|a| a.signal())));
    let timeout = Box::pin(sleep_ms(TIMEOUT_SECONDS * 1000));
    match select(download, timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            // A stalled request would hold the browser's cache entry and stall "Try again" too.
            if let Some(abort) = abort {
                abort.abort();
            }
            Err(LoadError::Timeout { seconds: TIMEOUT_SECONDS })
        }
    }
}

async fn download(url: &str, signal: Option<web_sys::AbortSignal>) -> Result<String, LoadError> {
    // no-cache: after an editor replaced the file, the new one must show.
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| LoadError::Network { detail: e.to_string() })?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status() });
    }
    response.text().await.map_err(|e| LoadError::Network { detail: e.to_string() })
}

/// A future that resolves after `ms` milliseconds (setTimeout).
pub async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Offers `text` as a file download called `name` (made in the browser, nothing uploaded).
pub fn save_file(name: &str, text: &str, mime: &str) {
    save_blob(name, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)), mime);
}

/// Saves bytes (a `.zip`) as a download named `name`.
pub fn save_bytes(name: &str, bytes: &[u8], mime: &str) {
    save_blob(name, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)), mime);
}

fn save_blob(name: &str, parts: &js_sys::Array, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(link) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        link.set_href(&url);
        link.set_download(name);
        let _ = document.body().map(|b| b.append_child(&link));
        link.click();
        link.remove();
    }
    // Revoked later: some browsers read the blob after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
}

/// Focuses an HTML or SVG element.
pub fn focus(el: &web_sys::Element) {
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// A number as text with `digits` decimals, by the browser (Rust's float formatting would cost
/// the wasm several kB): for SVG coordinates and CSS percentages.
pub fn fixed(x: f64, digits: u8) -> String {
    js_sys::Number::from(x).to_fixed(digits).map(String::from).unwrap_or_else(|_| "0".into())
}
