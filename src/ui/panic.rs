//! A panic must not leave a frozen, silent page (the wasm module is dead after a panic, so this
//! uses the DOM directly). While starting, the static content is still there: the page says the
//! map could not start and keeps it. Later, an alert asks the visitor to reload.

use crate::dataset::Lang;
use crate::i18n::t;

use super::page;

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Innovation Atlas: {info}").into());
        if page::static_content_present() {
            page::explain_failure();
        } else {
            show_crash_alert();
        }
    }));
}

fn show_crash_alert() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let lang = document.document_element().and_then(|e| e.get_attribute("lang")).map(|l| Lang::from_browser(&l)).unwrap_or_default();
    let Ok(alert) = document.create_element("div") else { return };
    alert.set_class_name("alert crash");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(t(lang).crash_message));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&alert);
    }
}
