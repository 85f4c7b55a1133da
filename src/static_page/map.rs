//! The world map as the page ships it, and as the app works on it: every country drawn, the
//! priority countries as links to their entries (the app makes each a button it selects), the
//! zoom buttons, the keyboard hint and the legend. The app reads its geometry back from this SVG
//! (`ui::geometry`) and takes the whole map over as it is (`ui::map`): the map is carried once,
//! in the page, not again in the wasm, and never built twice.
//!
//! In the land layer each shape is a `<path>` with its outline (`d`) and, for a country with a
//! code, that code (`data-c`); the points the markers sit on are in one attribute of the map
//! (`data-anchors`, see [`anchors`]).
//! What only works with the app is marked `data-app`: hidden without WebAssembly, reserved
//! (invisible) until the app runs (see `style/main.css`).

use std::fmt::Write;

use crate::countries;
use crate::dataset::{Dataset, Lang};
use crate::i18n::t;
use crate::world::{keyboard_order, Shape, World};

use crate::html::{attr, text};

/// The marker's radius in map units before the app sizes it in screen pixels.
const MARKER_RADIUS: u8 = 4;
/// The marker's invisible hit area in map units before the app sizes it (24 px at any zoom).
const HIT_RADIUS: u8 = 10;

/// The id of a priority country's element on the map.
pub fn country_dom_id(code: &str) -> String {
    format!("map-country-{code}")
}

/// The hidden element holding what describes each country on the map.
pub const ABOUT_ID: &str = "map-about";

/// The id of the text that describes a priority country on the map.
pub fn about_id(code: &str) -> String {
    format!("map-about-{code}")
}

/// The id of the words a country outside the filters is also described by.
pub const OUTSIDE_FILTERS_ID: &str = "map-outside-filters";

/// What a screen reader says of each priority country on the map after its name (and the
/// focus tooltip shows): that it is one, and who is there. The app adds that it is outside the
/// filters when it is.
pub fn descriptions(data: &Dataset, lang: Lang) -> String {
    let s = t(lang);
    let mut out = String::new();
    for country in &data.countries {
        let _ = write!(out, "<p id=\"{}\">{} {}</p>", about_id(&country.code), s.map_priority_country, text(country.summary.get(lang)));
    }
    let _ = write!(out, "<p id=\"{OUTSIDE_FILTERS_ID}\">{}</p>", s.map_outside_filters);
    out
}

/// The `<section>` with the map, its controls, legend and disclaimer.
pub fn map_section(data: &Dataset, world: &World, lang: Lang) -> String {
    let s = t(lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"map-section\" aria-labelledby=\"map-heading\"><h2 id=\"map-heading\" class=\"visually-hidden\">{}</h2>",
        s.map_heading
    );
    out.push_str("<figure class=\"map\">");
    out.push_str(&svg(data, world, lang));
    out.push_str("<div id=\"map-tooltip\" class=\"map-tooltip\" role=\"tooltip\" hidden></div>");
    let _ = write!(out, "<div id=\"{ABOUT_ID}\" hidden>{}</div>", descriptions(data, lang));
    let _ = write!(
        out,
        "<div class=\"map-controls\" data-app><button type=\"button\" class=\"zoom-in\" aria-label=\"{}\">+</button><button type=\"button\" class=\"zoom-out\" aria-label=\"{}\">−</button><button type=\"button\" class=\"zoom-reset\" aria-label=\"{}\">⟲</button></div></figure>",
        s.zoom_in, s.zoom_out, s.zoom_reset
    );
    let _ = write!(out, "<p id=\"map-keys\" class=\"hint\" data-app>{}</p>", s.map_keys_hint);
    let _ = write!(out, "<div class=\"legend\"><h3 class=\"visually-hidden\">{}</h3><ul>", s.legend_heading);
    for (class, label, app_only) in [
        ("legend-priority", s.legend_priority, false),
        ("legend-selected", s.legend_selected, true),
        ("legend-dimmed", s.legend_dimmed, true),
        ("legend-other", s.legend_other, false),
    ] {
        let marker = if class == "legend-other" { "" } else { "<circle class=\"marker\" cx=\"12\" cy=\"8\" r=\"4\"/>" };
        let _ = write!(
            out,
            "<li{}><svg class=\"swatch\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><rect class=\"{class}\" x=\"1\" y=\"1\" width=\"22\" height=\"14\"/>{marker}</svg>{label}</li>",
            if app_only { " data-app" } else { "" }
        );
    }
    let _ = write!(out, "</ul></div><p class=\"disclaimer\">{}</p></section>", s.map_disclaimer);
    out
}

/// The map itself: the other countries hidden from assistive technology, the priority ones as
/// links with their names.
pub fn svg(data: &Dataset, world: &World, lang: Lang) -> String {
    let mut out = String::with_capacity(48 * 1024);
    let _ = write!(
        out,
        "<svg id=\"world-map\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\" data-anchors=\"{}\">",
        world.width,
        world.height,
        attr(t(lang).static_map_label),
        anchors(world)
    );
    out.push_str("<defs><pattern id=\"dimmed-stripes\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" class=\"stripe-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" class=\"stripe\"/></pattern></defs>");
    out.push_str("<g class=\"background\" aria-hidden=\"true\">");
    // Every country as land, the priority ones too (drawn again above): the data a newer file
    // brings may name other countries, and their shapes are here.
    for shape in &world.shapes {
        // A country too small to draw is only its marker point.
        out.push_str(&path(shape, if shape.path.is_empty() { "point" } else { "land" }, true));
    }
    let _ = write!(out, "</g><g class=\"priority-layer\">{}</g>", priority_layer(data, world, lang));
    out.push_str("<g class=\"selected-label\" aria-hidden=\"true\"></g></svg>");
    out
}

/// The priority countries, in keyboard order (west to east): each a link to its entry with its
/// shape, its description, a leader line (of no length until the app moves the marker off its
/// point to keep it apart from a neighbour's: `placement::spread`), its hit area and its marker.
pub fn priority_layer(data: &Dataset, world: &World, lang: Lang) -> String {
    let codes: Vec<String> = data.countries.iter().map(|c| c.code.clone()).filter(|c| world.shape(c).is_some()).collect();
    let mut out = String::new();
    for code in keyboard_order(&codes) {
        let Some(shape) = world.shape(&code) else { continue };
        let (x, y) = (coordinate(shape.anchor.0), coordinate(shape.anchor.1));
        let _ = write!(
            out,
            "<a id=\"{}\" class=\"country priority\" href=\"#details-{code}\" target=\"_self\" aria-label=\"{}\" aria-describedby=\"{}\">{}<line class=\"leader\" x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{y}\"/><circle class=\"marker-hit\" cx=\"{x}\" cy=\"{y}\" r=\"{HIT_RADIUS}\"/><circle class=\"marker\" cx=\"{x}\" cy=\"{y}\" r=\"{MARKER_RADIUS}\"/></a>",
            country_dom_id(&code),
            attr(&countries::display_name(&code, lang)),
            about_id(&code),
            path(shape, "shape", false)
        );
    }
    out
}

/// A shape's `<path>`; with `geometry`, also its code for the app to find its outline by.
fn path(shape: &Shape, class: &str, geometry: bool) -> String {
    let mut out = format!("<path class=\"{class}\"");
    if !shape.path.is_empty() {
        let _ = write!(out, " d=\"{}\"", shape.path);
    }
    if let Some(code) = shape.code.filter(|_| geometry) {
        let _ = write!(out, " data-c=\"{code}\"");
    }
    out.push_str("/>");
    out
}

/// Where each country's marker sits, for the app to read in one go (`data-anchors` on the
/// map): `"AE 643.2 156.0;AF …"`, map units at one decimal. One attribute, not one a shape:
/// reading 246 attributes across into the wasm was most of the map's take-over.
///
/// ```
/// use innovation_atlas::static_page::map::{anchors, read_anchors};
/// let world = innovation_atlas::world::world();
/// let read = read_anchors(&anchors(world));
/// let japan = world.shape("JP").unwrap().anchor;
/// let (_, (x, y)) = read.iter().find(|(code, _)| code == "JP").unwrap();
/// assert!((x - japan.0).abs() <= 0.05 && (y - japan.1).abs() <= 0.05);
/// ```
pub fn anchors(world: &World) -> String {
    let mut out = String::new();
    for shape in &world.shapes {
        if let Some(code) = shape.code {
            let separator = if out.is_empty() { "" } else { ";" };
            let _ = write!(out, "{separator}{code} {} {}", coordinate(shape.anchor.0), coordinate(shape.anchor.1));
        }
    }
    out
}

/// The countries and marker points [`anchors`] wrote; what does not read is left out.
pub fn read_anchors(text: &str) -> Vec<(String, (f64, f64))> {
    text.split(';')
        .filter_map(|entry| {
            let mut parts = entry.split_whitespace();
            let (code, x, y) = (parts.next()?, decimal(parts.next()?)?, decimal(parts.next()?)?);
            Some((code.to_string(), (x, y)))
        })
        .collect()
}

/// A number as [`coordinate`] writes it ("-12.5"), without Rust's float parser (11 kB of wasm).
fn decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let scale = 10_i64.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = if fraction.is_empty() { 0 } else { fraction.parse().ok()? };
    let value = whole as f64 + fraction as f64 / scale as f64;
    Some(if negative { -value } else { value })
}

/// A map coordinate to one decimal. In the app (which writes the priority layer again for a
/// newer data file) the browser's own `toFixed`: Rust's float formatting would cost the wasm
/// kilobytes. The coordinates are read from the page at one decimal, so both write the same.
fn coordinate(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        crate::browser::fixed(x, 1)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{x:.1}")
    }
}
