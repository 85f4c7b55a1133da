//! Inside a host page's iframe with `public/embed.js` (vinnova.se): the host's address carries
//! the atlas's view. The app tells its parent each view it shows (`innovation-atlas:view`,
//! push or replace as its own history would), and takes one kind of message from its parent:
//! `innovation-atlas:host`, the view to show (Back and Forward on the host page) and the host's
//! address for "Copy link". Nothing else from the parent is read. Without `embed.js`, or in a
//! sandbox without `allow-same-origin` (the script ignores an opaque origin), nothing changes.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::dataset::Lang;
use crate::view_state::{ViewState, HOST_VIEW_PLACEHOLDER};

use super::state::{AppState, History};

/// The host page's address without a view (`start`), and with `__VIEW__` where a view goes;
/// the iframe's own language, which the host's address leaves unsaid.
#[derive(Clone, Debug, PartialEq)]
pub struct HostLink {
    pub start: String,
    pub link: String,
    pub frame_lang: Option<Lang>,
}

fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (parent != window).then_some(parent)
}

/// Tells the host page the view now shown.
pub fn report(view: &ViewState, history: History) {
    let Some(parent) = parent() else { return };
    let message = js_sys::Object::new();
    let set = |key: &str, value: &str| js_sys::Reflect::set(&message, &key.into(), &value.into());
    let _ = set("type", "innovation-atlas:view");
    let _ = set("view", &view.host_view(None));
    let _ = set("history", if history == History::Push { "push" } else { "replace" });
    // The view is what the iframe's own address shows anyway: any host may read it.
    let _ = parent.post_message(&message, "*");
}

/// Listens to the parent's `innovation-atlas:host` messages for as long as the page lives.
pub fn listen(state: AppState) {
    let Some(parent) = parent() else { return };
    let handle = window_event_listener(leptos::ev::message, move |event| {
        // Compared as values: a cross-origin parent is no `instanceof Window` here.
        let from_parent = event.source().is_some_and(|s| JsValue::from(s) == JsValue::from(&parent));
        if !from_parent {
            return;
        }
        if let Some((view, link)) = read_host_message(&event.data()) {
            state.follow_host(&view, link);
        }
    });
    // The page's lifetime: the listener stays.
    std::mem::forget(handle);
}

/// `{type: "innovation-atlas:host", view, lang, start, link}`, or None for anything else.
fn read_host_message(data: &JsValue) -> Option<(String, HostLink)> {
    let text = |key: &str, max: usize| js_sys::Reflect::get(data, &key.into()).ok()?.as_string().filter(|s| s.len() <= max);
    if text("type", 64)? != "innovation-atlas:host" {
        return None;
    }
    let web_address = |s: &String| s.starts_with("https://") || s.starts_with("http://");
    let start = text("start", 4000).filter(web_address)?;
    let link = text("link", 4000).filter(|l| web_address(l) && l.contains(HOST_VIEW_PLACEHOLDER))?;
    let frame_lang = text("lang", 8).and_then(|l| Lang::from_code(&l));
    Some((text("view", 1000)?, HostLink { start, link, frame_lang }))
}
