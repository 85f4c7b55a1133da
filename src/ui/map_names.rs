//! The names on the map: the selected country's beside its marker (placed by
//! `placement::place_label` where it covers no other marker and stays in view), and the
//! tooltip of the country under the pointer or with focus, which says what its description
//! says and is kept inside the map.

use wasm_bindgen::JsCast;

use crate::browser::fixed;
use crate::countries;
use crate::dataset::Lang;
use crate::html::text;
use crate::placement::place_label;
use crate::static_page::map::country_dom_id;
use crate::world::Viewport;

use super::dom::{by_id, set_hidden};
use super::map::DOT_RADIUS_PX;

/// The name's halo in CSS px.
const LABEL_HALO_PX: f64 = 4.0;
/// A bold name's advance per character, in ems: generous, so the box placed is never smaller
/// than the text drawn.
const EM_PER_CHARACTER: f64 = 0.8;
/// The height of a name's box in ems: the engines' boxes for a line of text with its halo
/// measure 1.2 (Chromium) to 1.6 (Firefox).
const LABEL_HEIGHT_EM: f64 = 1.7;

/// The space kept between the tooltip and its marker, and the map's edge, in CSS px.
const TOOLTIP_GAP_PX: f64 = 12.0;
const TOOLTIP_EDGE_PX: f64 = 4.0;

/// The name's font size in CSS px on a map `map_px` wide: 15 px, down to 12 px on a phone,
/// where a long name would otherwise find no free place on a map 290 px wide.
fn label_font_px(map_px: f64) -> f64 {
    (map_px / 24.0).clamp(12.0, 15.0)
}

/// The `<text>` naming the selected country beside its marker at `at` (and a leader line when
/// it had to go further out), for `u` map units per CSS px on a map `map_px` wide; `others` are
/// the other markers' points.
pub fn selected_label(code: &str, at: (f64, f64), others: &[(f64, f64)], u: f64, map_px: f64, view: Viewport, lang: Lang) -> String {
    let name = countries::display_name(code, lang);
    let font = label_font_px(map_px) * u;
    let size = (name.chars().count() as f64 * EM_PER_CHARACTER * font + LABEL_HALO_PX * u, font * LABEL_HEIGHT_EM);
    let reach = (DOT_RADIUS_PX + 1.5) * u;
    let others: Vec<(f64, f64, f64)> = others.iter().map(|&(x, y)| (x, y, reach)).collect();
    let radius = DOT_RADIUS_PX * 1.6 * u;
    let place = place_label(at, size, radius, &others, view.view_box());
    let leader = place.leader(at, radius).map(|((x1, y1), (x2, y2))| {
        format!(
            "<line class=\"label-leader\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"/>",
            fixed(x1, 2),
            fixed(y1, 2),
            fixed(x2, 2),
            fixed(y2, 2),
            fixed(1.5 * u, 3)
        )
    });
    format!(
        "{}<text class=\"country-label\" x=\"{}\" y=\"{}\" font-size=\"{}\" stroke-width=\"{}\" text-anchor=\"{}\">{}</text>",
        leader.unwrap_or_default(),
        fixed(place.x, 2),
        fixed(place.y, 2),
        fixed(font, 3),
        fixed(LABEL_HALO_PX * u, 3),
        place.text_anchor,
        text(&name)
    )
}

/// Where a tooltip of `size` goes for a marker at `at` on a map of `map` (CSS px, from the
/// map's top left): below the marker if it fits, else above, else beside it (on the side with
/// more room); moved in from the map's edges, never over its marker when the map has room.
fn tooltip_place(at: (f64, f64), size: (f64, f64), map: (f64, f64)) -> (f64, f64) {
    let ((px, py), (w, h), (map_w, map_h)) = (at, size, map);
    let within = |v: f64, length: f64, room: f64| v.clamp(TOOLTIP_EDGE_PX, (room - length - TOOLTIP_EDGE_PX).max(TOOLTIP_EDGE_PX));
    let below = py + TOOLTIP_GAP_PX;
    let above = py - TOOLTIP_GAP_PX - h;
    if below + h <= map_h - TOOLTIP_EDGE_PX {
        (within(px - w / 2.0, w, map_w), below)
    } else if above >= TOOLTIP_EDGE_PX {
        (within(px - w / 2.0, w, map_w), above)
    } else {
        let left = if px > map_w / 2.0 { px - TOOLTIP_GAP_PX - w } else { px + TOOLTIP_GAP_PX };
        (within(left, w, map_w), within(py - h / 2.0, h, map_h))
    }
}

/// Shows the tooltip of `code` (or hides it): the country's name and the words that describe
/// it on the map, beside its marker at `at` (see [`tooltip_place`]).
pub fn show_tooltip(tip: &web_sys::Element, shown: Option<(&str, (f64, f64))>, viewport: Viewport, lang: Lang) {
    let Some((code, at)) = shown else {
        set_hidden(tip, true);
        return;
    };
    let words = by_id(&country_dom_id(code))
        .and_then(|a| a.get_attribute("aria-describedby"))
        .map(|ids| ids.split_whitespace().filter_map(|id| by_id(id)?.text_content()).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    tip.set_inner_html(&format!("<strong>{}</strong><span>{}</span>", text(&countries::display_name(code, lang)), text(&words)));
    set_hidden(tip, false);
    let (Some(tip), Some(map)) = (tip.dyn_ref::<web_sys::HtmlElement>(), tip.parent_element()) else { return };
    let (map_w, map_h) = (map.client_width() as f64, map.client_height() as f64);
    let (x, y, w, h) = viewport.view_box();
    let (px, py) = ((at.0 - x) / w * map_w, (at.1 - y) / h * map_h);
    let (tip_w, tip_h) = (tip.offset_width() as f64, tip.offset_height() as f64);
    let (left, top) = tooltip_place((px, py), (tip_w, tip_h), (map_w, map_h));
    let style = tip.style();
    let _ = style.set_property("left", &format!("{}px", fixed(left, 1)));
    let _ = style.set_property("top", &format!("{}px", fixed(top, 1)));
}
