//! The map's priority countries: drawn as plain SVG once per dataset (each a button with its
//! shape and marker), then kept up to date by two effects: what shows a country selected,
//! dimmed, marked or in the tab order, and the markers' size in screen pixels. No reactive view
//! per country: a change costs one pass over nine elements.

use leptos::prelude::*;
use leptos::svg;
use wasm_bindgen::JsCast;

use crate::browser::fixed;
use crate::countries;
use crate::dataset::Lang;
use crate::world::{world, World};

use super::map::{country_dom_id, DOT_RADIUS_PX, HIT_RADIUS_PX};

/// What the layer shows.
pub struct PriorityLayer {
    pub layer: NodeRef<svg::G>,
    /// The countries, in keyboard order.
    pub codes: Memo<Vec<String>>,
    pub selected: Memo<Option<String>>,
    pub tab_stop: Memo<Option<String>>,
    /// The countries the filters keep lit.
    pub lit: Memo<std::collections::BTreeSet<String>>,
    /// The countries marked from the directory.
    pub marked: RwSignal<Vec<String>>,
    pub units_per_px: Signal<f64>,
    pub lang: Lang,
}

pub fn draw_priority_layer(p: PriorityLayer) {
    let PriorityLayer { layer, codes, selected, tab_stop, lit, marked, units_per_px, lang } = p;
    // Counts the layer's drawings: its states follow each.
    let drawn = RwSignal::new(0u32);
    Effect::new(move || {
        let Some(layer) = layer.get() else { return };
        layer.set_inner_html(&codes.with(|codes| priority_svg(world(), codes, lang)));
        drawn.update(|n| *n += 1);
    });
    Effect::new(move || {
        drawn.track();
        let sel = selected.get();
        let stop = tab_stop.get();
        lit.with(|lit| {
            marked.with(|marked| {
                for code in codes.get_untracked() {
                    let Some(g) = document().get_element_by_id(&country_dom_id(&code)) else { continue };
                    let is = |on: bool, class: &str| if on { format!(" {class}") } else { String::new() };
                    let selected = sel.as_deref() == Some(code.as_str());
                    let class = format!(
                        "country priority{}{}{}",
                        is(selected, "selected"),
                        is(!lit.contains(&code), "dimmed"),
                        is(marked.contains(&code), "highlighted")
                    );
                    // (An SVG element's className is read-only: the attribute it is.)
                    let _ = g.set_attribute("class", &class);
                    let _ = g.set_attribute("aria-pressed", if selected { "true" } else { "false" });
                    let _ = g.set_attribute("tabindex", if stop.as_deref() == Some(code.as_str()) { "0" } else { "-1" });
                }
            })
        });
    });
    Effect::new(move || {
        drawn.track();
        let u = units_per_px.get();
        let big = selected.get().map(|c| country_dom_id(&c));
        let Some(layer) = layer.get() else { return };
        let Ok(circles) = layer.query_selector_all("circle") else { return };
        for i in 0..circles.length() {
            let Some(circle) = circles.item(i).and_then(|c| c.dyn_into::<web_sys::Element>().ok()) else { continue };
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

/// The priority countries as SVG: for each a button (`role`), with its shape and its marker.
fn priority_svg(map: &World, codes: &[String], lang: Lang) -> String {
    let mut out = String::new();
    for code in codes {
        let Some(shape) = map.shape(code) else { continue };
        let (x, y) = (fixed(shape.anchor.0, 1), fixed(shape.anchor.1, 1));
        out.push_str(&format!(
            "<g id=\"{}\" class=\"country priority\" role=\"button\" tabindex=\"-1\" aria-pressed=\"false\" aria-label=\"{}\"><path class=\"shape\" d=\"{}\"/><circle class=\"marker-hit\" cx=\"{x}\" cy=\"{y}\"/><circle class=\"marker\" cx=\"{x}\" cy=\"{y}\"/></g>",
            country_dom_id(code),
            crate::html::attr(&countries::display_name(code, lang)),
            crate::html::attr(shape.path)
        ));
    }
    out
}
