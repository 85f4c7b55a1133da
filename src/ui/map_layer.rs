//! The map's priority countries as the page ships them (`static_page::map::priority_layer`),
//! kept up to date by two effects: what shows a country selected, dimmed, marked or in the tab
//! order (and makes it a button), and the markers' size in screen pixels. No reactive view per
//! country: a change costs one pass over nine elements.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::browser::fixed;
use crate::static_page::map::country_dom_id;

use super::dom::{by_id, find_all};
use super::map::{DOT_RADIUS_PX, HIT_RADIUS_PX};

/// What the layer shows.
pub struct PriorityLayer {
    pub layer: web_sys::Element,
    /// Counts the times the layer was written again for newer data: its states follow each.
    pub revision: ReadSignal<u32>,
    /// The countries, in keyboard order.
    pub codes: Memo<Vec<String>>,
    pub selected: Memo<Option<String>>,
    pub tab_stop: Memo<Option<String>>,
    /// The countries the filters keep lit (`None` before the data is in: all).
    pub lit: Memo<Option<BTreeSet<String>>>,
    /// The countries marked from the directory.
    pub marked: RwSignal<Vec<String>>,
    pub units_per_px: Signal<f64>,
}

pub fn keep_priority_layer_current(p: PriorityLayer) {
    let PriorityLayer { layer, revision, codes, selected, tab_stop, lit, marked, units_per_px } = p;
    Effect::new(move || {
        revision.track();
        let sel = selected.get();
        let stop = tab_stop.get();
        lit.with(|lit| {
            marked.with(|marked| {
                for code in codes.get() {
                    let Some(g) = by_id(&country_dom_id(&code)) else { continue };
                    let is = |on: bool, class: &str| if on { format!(" {class}") } else { String::new() };
                    let selected = sel.as_deref() == Some(code.as_str());
                    let dimmed = lit.as_ref().is_some_and(|lit| !lit.contains(&code));
                    let class = format!(
                        "country priority{}{}{}",
                        is(selected, "selected"),
                        is(dimmed, "dimmed"),
                        is(marked.contains(&code), "highlighted")
                    );
                    // A link to its details on the page; with the app, a button that selects.
                    // (An SVG element's className is read-only: the attribute it is.) Only what
                    // changed is written: each write restyles the map.
                    let tabindex = if stop.as_deref() == Some(code.as_str()) { "0" } else { "-1" };
                    for (name, value) in [
                        ("class", class.as_str()),
                        ("role", "button"),
                        ("aria-pressed", if selected { "true" } else { "false" }),
                        ("tabindex", tabindex),
                    ] {
                        if g.get_attribute(name).as_deref() != Some(value) {
                            let _ = g.set_attribute(name, value);
                        }
                    }
                }
            })
        });
    });
    Effect::new(move || {
        revision.track();
        let u = units_per_px.get();
        let big = selected.get().map(|c| country_dom_id(&c));
        for circle in find_all(&layer, "circle") {
            let hit = circle.get_attribute("class").as_deref() == Some("marker-hit");
            let selected = circle.parent_element().is_some_and(|g| Some(g.id()) == big);
            let r = if hit { HIT_RADIUS_PX } else { DOT_RADIUS_PX * if selected { 1.6 } else { 1.0 } };
            let _ = circle.set_attribute("r", &fixed(r * u, 3));
            if !hit {
                let _ = circle.set_attribute("stroke-width", &fixed(2.0 * u, 3));
            }
        }
    });
}
