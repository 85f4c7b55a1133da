//! Bringing something into the visitor's view without needless jumps: only when it is not
//! already fully in view, smoothly unless the visitor asked for reduced motion. Inside an
//! iframe, "in view" is the host page's window (IntersectionObserver's implicit root is the
//! top-level viewport), so the host page scrolls only when it has to.
//!
//! ```ignore
//! focus_without_scrolling(&heading);
//! bring_into_view(&heading);
//! ```

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Focuses `el` where it is: the browser's own scroll-on-focus would jump.
pub fn focus_without_scrolling(el: &web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus_with_options(&options);
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
}

/// Scrolls `el` to the top of the view if any of it is out of view.
pub fn bring_into_view(el: &web_sys::Element) {
    let target = el.clone();
    // Called once (the observer's first report), then freed.
    let callback = Closure::once_into_js(move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
        observer.disconnect();
        let fully_visible = entries.get(0).dyn_into::<web_sys::IntersectionObserverEntry>().is_ok_and(|e| e.intersection_ratio() >= 0.99);
        if !fully_visible {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            options.set_behavior(if reduced_motion() { web_sys::ScrollBehavior::Auto } else { web_sys::ScrollBehavior::Smooth });
            target.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    if let Ok(observer) = web_sys::IntersectionObserver::new(callback.unchecked_ref()) {
        observer.observe(el);
    }
}

fn reduced_motion() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
}
