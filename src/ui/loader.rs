//! Fetches `data/initiative.json` relative to the page, so the app works under any sub-path,
//! and hands the text to [`crate::validate::read_dataset`].

use futures::future::{select, Either};
use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

use crate::validate::{read_dataset, LoadError, Loaded};

/// Where the dataset lives, relative to the page.
pub const DATA_URL: &str = "data/initiative.json";

/// How long the visitor waits before a stalled download becomes an error with a retry.
pub const TIMEOUT_SECONDS: u32 = 15;

pub async fn load_dataset() -> Result<Loaded, LoadError> {
    let abort = web_sys::AbortController::new().ok();
    let download = Box::pin(download(DATA_URL, abort.as_ref().map(|a| a.signal())));
    let timeout = Box::pin(sleep_ms(TIMEOUT_SECONDS * 1000));
    let text = match select(download, timeout).await {
        Either::Left((result, _)) => result?,
        Either::Right(_) => {
            // A stalled request would hold the browser's cache entry and stall "Try again" too.
            if let Some(abort) = abort {
                abort.abort();
            }
            return Err(LoadError::Timeout { seconds: TIMEOUT_SECONDS });
        }
    };
    read_dataset(&text)
}

async fn download(url: &str, signal: Option<web_sys::AbortSignal>) -> Result<String, LoadError> {
    // no-cache: "Try again" after an editor fixed the file must see the new file.
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
