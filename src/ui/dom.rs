//! The page's own elements, as the app takes them over: it did not create them, so it finds
//! them by id and listens on them here rather than through `view!`.
//!
//! ```ignore
//! if let Some(close) = by_id("map-tooltip") {
//!     listen(&close, "click", move |ev: web_sys::MouseEvent| { /* … */ });
//! }
//! ```

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The page's element with `id`.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The first element under `root` that matches `selector`.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` that matches `selector`.
pub fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Calls `handler` with each `event` on `target`, for as long as the page lives (the elements
/// listened on are the page's own and stay; what changes inside them is found by the event's
/// target, so nothing is listened on twice).
pub fn listen<E: JsCast + 'static>(target: &web_sys::EventTarget, event: &str, handler: impl Fn(E) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| handler(ev.unchecked_into::<E>()));
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The element matching `selector` that holds the event's target.
pub fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// Adds or removes `class` on an element (HTML or SVG).
pub fn set_class(el: &web_sys::Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// Shows or hides an element with its `hidden` attribute.
pub fn set_hidden(el: &web_sys::Element, hidden: bool) {
    if hidden != el.has_attribute("hidden") {
        let _ = if hidden { el.set_attribute("hidden", "") } else { el.remove_attribute("hidden") };
    }
}
