//! "Copy link": the address of the current view to the clipboard, said in the status next to
//! the button; without clipboard permission (some browsers, sandboxed frames) the address is
//! shown selected, ready for Ctrl+C.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{attr, text};
use crate::i18n::t;

use super::dom::find;
use super::state::AppState;

/// Copies the view's address; `button` is the page's Copy link button.
pub fn copy(state: AppState, button: web_sys::Element) {
    let Some(container) = button.parent_element() else { return };
    let lang = state.lang;
    let url = state.current_url();
    let promise = window().navigator().clipboard().write_text(&url);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if let Some(old) = find(&container, ".copy-fallback") {
            old.remove();
        }
        if let Some(message) = find(&container, ".copy-message") {
            message.set_text_content(copied.then_some(t(lang).link_copied));
        }
        if !copied {
            let html = format!(
                "<label class=\"copy-fallback\">{} <input type=\"text\" readonly value=\"{}\"></label>",
                text(t(lang).copy_fallback),
                attr(&url)
            );
            let _ = container.insert_adjacent_html("beforeend", &html);
            if let Some(input) = find(&container, ".copy-fallback input").and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                let _ = input.focus();
                input.select();
            }
        }
    });
}
