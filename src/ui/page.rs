//! The page around the app: its language, the status line the start-up script writes to, and
//! the links that stay (skip link, language switch). The page is written by the build (`static_page`); see `src/web/loader.js`.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::dataset::Lang;
use crate::i18n::page_link;
use crate::view_state::ViewState;

/// The page's language: `index.html` is English, `sv.html` Swedish (`<html lang>`).
pub fn page_lang() -> Lang {
    document().document_element().and_then(|e| e.get_attribute("lang")).map(|l| Lang::from_browser(&l)).unwrap_or_default()
}

/// The app runs: the start-up script's explanations no longer apply.
pub fn mark_started() {
    if let Some(root) = document().document_element() {
        // `can-run` again too: the loader takes it away when the app is slow to come, and the
        // page's fallback (every country's details shown, no zoom buttons) must give way.
        let _ = root.class_list().add_2("can-run", "app-started");
    }
    if let Some(status) = document().get_element_by_id("app-status") {
        status.set_text_content(None);
    }
}

/// `<html class="atlas-ready">` while the app shows loaded data (after the other effects of
/// that change: create this one last): for style sheets and tests.
pub fn mark_ready_while(ready: Memo<bool>) {
    Effect::new(move || {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("atlas-ready", ready.get());
        }
    });
}

/// True once the app has taken the page over.
pub fn app_started() -> bool {
    // web_sys, not Leptos' helpers: this also runs in the panic hook.
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).is_some_and(|e| e.class_list().contains("app-started"))
}

/// Drops the style sheet `src/web/boot.js` made for a `?country=` address's first frame: from
/// now on the app shows which country is selected.
pub fn drop_first_view_style() {
    let document = document();
    let key = wasm_bindgen::JsValue::from_str("adoptedStyleSheets");
    // Only when there is one: setting the list restyles the whole page.
    let sheets = js_sys::Reflect::get(&document, &key).ok().map(|s| js_sys::Array::from(&s));
    if sheets.is_some_and(|s| s.length() > 0) {
        let _ = js_sys::Reflect::set(&document, &key, &js_sys::Array::new());
    }
}

/// Says in the page's status line, in its language, that the map could not start (the text is
/// the page's own `data-failed`); the static content stays.
pub fn explain_failure() {
    let Some(status) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-status")) else {
        return;
    };
    if let Some(text) = status.get_attribute("data-failed") {
        status.set_text_content(Some(&text));
    }
}

/// The skip link moves focus to the directory without touching the address (the router would
/// take `#directory-heading` for a navigation, and in an iframe it would add history).
pub fn handle_skip_link() {
    let Some(link) = document().query_selector(".skip-link").ok().flatten() else { return };
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.prevent_default();
        if let Some(heading) = document().get_element_by_id("directory-heading") {
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
                heading.scroll_into_view();
            }
        }
    });
    let _ = link.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The link lives as long as the page.
    on_click.forget();
}

/// The language switch leads to the other language's page with the same view.
pub fn follow_view_in_language_switch(view: Memo<ViewState>, lang: Lang) {
    let Some(link) = document().query_selector(".language-switch").ok().flatten() else { return };
    let other = match lang {
        Lang::En => Lang::Sv,
        Lang::Sv => Lang::En,
    };
    Effect::new(move || {
        // The language is explicit, so that a Swedish browser that asked for English gets it.
        let query = view.with(|v| ViewState { lang: Some(other), ..v.clone() }.to_query());
        let _ = link.set_attribute("href", &format!("{}{query}", page_link(other)));
    });
}
