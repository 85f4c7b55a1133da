//! The side panel's sign that it scrolls: beside the map (from 900 px) the panel has the map's
//! height and scrolls on its own, and a country's details are often longer. While there is
//! more below what shows, "More below ↓" sits at the panel's foot (`static_page::panel` writes
//! it, hidden). It is told apart by text and border, not by a shadow, so it also shows in
//! forced colours. Measured only when the browser reports a change of size (a ResizeObserver,
//! after its own layout) or a scroll: selecting a country forces no layout for it.
//!
//! ```ignore
//! let cue = ScrollCue::new(&panel);
//! cue.watch(&shown_section); // after each change of what the panel shows
//! ```

use wasm_bindgen::{closure::Closure, JsCast};

use super::dom::{find, set_hidden};

/// The section the panel shows (its details, or the countries to choose from).
pub const SHOWN_SECTION: &str = ":scope > :not([hidden]):not(.more-below)";

/// Pixels left below the fold that still count as "at the end" (rounding in zoomed pages).
const AT_THE_END_PX: i32 = 4;

/// The panel's cue, kept current for as long as the page lives.
#[derive(Clone)]
pub struct ScrollCue {
    observer: Option<web_sys::ResizeObserver>,
}

impl ScrollCue {
    pub fn new(panel: &web_sys::Element) -> ScrollCue {
        let panel_for_update = panel.clone();
        let update = Closure::<dyn Fn()>::new(move || show_cue_if_more_below(&panel_for_update));
        // Scroll events do not bubble, but they are seen on the way down (capture).
        let _ = panel.add_event_listener_with_callback_and_bool("scroll", update.as_ref().unchecked_ref(), true);
        let observer = web_sys::ResizeObserver::new(update.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(panel);
        }
        update.forget();
        ScrollCue { observer }
    }

    /// Follows the size of what the panel shows now (a section shown first is measured once
    /// the browser has laid it out).
    pub fn watch(&self, shown: &web_sys::Element) {
        if let Some(observer) = &self.observer {
            observer.observe(shown);
        }
    }
}

/// Shows the cue while the panel's shown section has more below its fold.
fn show_cue_if_more_below(panel: &web_sys::Element) {
    let Some(cue) = find(panel, ":scope > .more-below") else { return };
    let more =
        find(panel, SHOWN_SECTION).is_some_and(|shown| shown.scroll_height() - shown.scroll_top() - shown.client_height() > AT_THE_END_PX);
    set_hidden(&cue, !more);
}
