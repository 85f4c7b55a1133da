//! The map's priority countries as the page ships them (`static_page::map::priority_layer`),
//! kept up to date by two effects: what shows a country selected, dimmed, marked or in the tab
//! order (and makes it a button, described), and the markers' size in screen pixels and place
//! (spread apart where neighbours would merge, with a leader line to their point). No reactive view per
//! country: a change costs one pass over nine elements.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::browser::fixed;
use crate::static_page::map::{about_id, country_dom_id, OUTSIDE_FILTERS_ID};
use crate::world::world;

use super::dom::{by_id, find, find_all};
use super::map::{DOT_RADIUS_PX, HIT_RADIUS_PX};

/// What the layer shows.
pub struct PriorityLayer {
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
    pub units_per_px: Memo<f64>,
    /// Where each country's marker is drawn (`placement::spread`), in keyboard order.
    pub markers: Memo<Vec<(String, (f64, f64))>>,
}

pub fn keep_priority_layer_current(p: PriorityLayer) {
    let PriorityLayer { revision, codes, selected, tab_stop, lit, marked, units_per_px, markers } = p;
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
                    // Its description says when it is outside the filters (the stripes show it).
                    let about = about_id(&code);
                    let described = if dimmed { format!("{about} {OUTSIDE_FILTERS_ID}") } else { about };
                    set_attributes(
                        &g,
                        &[
                            ("class", class.as_str()),
                            ("role", "button"),
                            ("aria-pressed", if selected { "true" } else { "false" }),
                            ("tabindex", tabindex),
                            ("aria-describedby", &described),
                        ],
                    );
                }
            })
        });
    });
    Effect::new(move || {
        revision.track();
        let u = units_per_px.get();
        let big = selected.get();
        let map = world();
        markers.with(|markers| {
            for (code, (x, y)) in markers {
                let Some(a) = by_id(&country_dom_id(code)) else { continue };
                let (cx, cy) = (fixed(*x, 2), fixed(*y, 2));
                let grow = if big.as_deref() == Some(code.as_str()) { 1.6 } else { 1.0 };
                for circle in find_all(&a, "circle") {
                    let hit = circle.get_attribute("class").as_deref() == Some("marker-hit");
                    let r = if hit { HIT_RADIUS_PX } else { DOT_RADIUS_PX * grow };
                    set_attributes(&circle, &[("cx", &cx), ("cy", &cy), ("r", &fixed(r * u, 3))]);
                    if !hit {
                        set_attributes(&circle, &[("stroke-width", &fixed(2.0 * u, 3))]);
                    }
                }
                // A marker moved off its country's point is tied back to it.
                if let (Some(line), Some(shape)) = (find(&a, ".leader"), map.shape(code)) {
                    let (ax, ay) = (fixed(shape.anchor.0, 2), fixed(shape.anchor.1, 2));
                    set_attributes(&line, &[("x1", &ax), ("y1", &ay), ("x2", &cx), ("y2", &cy), ("stroke-width", &fixed(1.5 * u, 3))]);
                }
            }
        });
    });
}

/// Writes the attributes whose value differs: each write restyles the map.
fn set_attributes(el: &web_sys::Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        if el.get_attribute(name).as_deref() != Some(*value) {
            let _ = el.set_attribute(name, value);
        }
    }
}
