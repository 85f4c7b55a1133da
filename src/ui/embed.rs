//! Inside an iframe, the app tells its parent page how tall its content is, so the host
//! script (`public/embed.js`) can size the iframe: no inner scrollbar, no empty space.
//!
//! The height is measured on `#app`, whose height does not depend on the iframe's own
//! height, so a resize of the iframe cannot feed back into a larger report.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message's `type`; its only other field is `height`, a whole number of CSS pixels.
pub const MESSAGE_TYPE: &str = "innovation-atlas:height";

/// Starts reporting the height of `#app` to the parent window, if there is one.
pub fn report_height_to_parent() {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return; // not in a frame
    }
    let Some(app) = window.document().and_then(|d| d.get_element_by_id("app")) else { return };
    let last = Rc::new(Cell::new(0.0_f64));
    let measured = app.clone();
    let send = move || {
        // Rounded up: a fraction of a pixel short would show a 1 px scrollbar.
        let height = measured.get_bounding_client_rect().height().ceil();
        if height > 0.0 && height != last.get() {
            last.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, "*");
        }
    };
    send();
    let callback = Closure::<dyn FnMut()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&app);
    }
    // The observer lives as long as the page.
    callback.forget();
}
