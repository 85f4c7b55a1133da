//! A panic must not leave a frozen, silent page (the wasm module is dead after a panic, so this
//! uses the DOM directly). Before the app has taken the page over, the page says the map could
//! not start, and its content stays readable. Later, an alert asks the visitor to reload: the
//! page's controls no longer work.

use crate::dataset::Lang;
use crate::i18n::t;

use super::page;

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Innovation Atlas: {info}").into());
        if page::app_started() {
            show_crash_alert();
        } else {
            page::explain_failure();
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
