//! The world map as static SVG: every country, the priority countries as links to their entries
//! in the directory below. The app reads its geometry back from this SVG when it starts
//! (`ui::geometry`) and takes its land layer over as it is, so the map is carried once, in the
//! page, not again in the wasm.
//!
//! In the land layer each shape is a `<path>` with its outline (`d`), and for a country with a
//! code, that code (`data-c`) and the point its marker sits on (`data-a="x y"`, map units).

use std::fmt::Write;

use crate::countries;
use crate::dataset::{Dataset, Lang};
use crate::i18n::t;
use crate::world::{Shape, World};

use crate::html::attr;

/// The marker's radius in map units (the app sizes its markers in screen pixels instead).
const MARKER_RADIUS: f64 = 4.0;

/// The `<figure>` with the map, its legend and disclaimer.
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
    out.push_str("</figure>");
    let _ = write!(
        out,
        "<div class=\"legend\"><ul><li><svg class=\"swatch\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><rect class=\"legend-priority\" x=\"1\" y=\"1\" width=\"22\" height=\"14\"/><circle class=\"marker\" cx=\"12\" cy=\"8\" r=\"4\"/></svg>{}</li><li><svg class=\"swatch\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><rect class=\"legend-other\" x=\"1\" y=\"1\" width=\"22\" height=\"14\"/></svg>{}</li></ul></div>",
        s.legend_priority, s.legend_other
    );
    let _ = write!(out, "<p class=\"disclaimer\">{}</p></section>", s.map_disclaimer);
    out
}

/// The side panel beside the map: the countries to choose from, as links to their entries.
pub fn choose_country(data: &Dataset, lang: Lang) -> String {
    let mut names: Vec<(String, &str)> = data.countries.iter().map(|c| (countries::display_name(&c.code, lang), c.code.as_str())).collect();
    names.sort_by_key(|(name, _)| crate::text::sort_key(name, lang));
    let mut out =
        format!("<div class=\"side-panel\"><div class=\"choose-country\"><p>{}</p><ul class=\"country-choices\">", t(lang).choose_country);
    for (name, code) in names {
        let _ = write!(out, "<li><a href=\"#country-{code}\" target=\"_self\">{}</a></li>", crate::html::text(&name));
    }
    out.push_str("</ul></div></div>");
    out
}

/// The map itself: the other countries hidden from assistive technology, the priority ones as
/// links with their names.
pub fn svg(data: &Dataset, world: &World, lang: Lang) -> String {
    let is_priority = |shape: &Shape| shape.code.is_some_and(|c| data.country(c).is_some());
    let mut out = String::with_capacity(48 * 1024);
    let _ = write!(
        out,
        "<svg id=\"world-map\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\"><g class=\"background\" aria-hidden=\"true\">",
        world.width,
        world.height,
        attr(t(lang).static_map_label)
    );
    // Every country as land, the priority ones too (drawn again above): the app takes this
    // layer over as it is, whatever countries the data it loads names.
    for shape in &world.shapes {
        // A country too small to draw is only its marker point.
        out.push_str(&path(shape, if shape.path.is_empty() { "point" } else { "land" }, true));
    }
    out.push_str("</g><g class=\"priority-layer\">");
    for shape in world.shapes.iter().filter(|s| is_priority(s)) {
        let code = shape.code.unwrap_or_default();
        let (x, y) = shape.anchor;
        let _ = write!(
            out,
            "<a class=\"country priority\" href=\"#country-{code}\" target=\"_self\" aria-label=\"{}\">{}<circle class=\"marker\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{MARKER_RADIUS}\"/></a>",
            attr(&countries::display_name(code, lang)),
            path(shape, "shape", false)
        );
    }
    out.push_str("</g></svg>");
    out
}

/// A shape's `<path>`; with `geometry`, also its code and marker point for the app to read.
fn path(shape: &Shape, class: &str, geometry: bool) -> String {
    let mut out = format!("<path class=\"{class}\"");
    if !shape.path.is_empty() {
        let _ = write!(out, " d=\"{}\"", shape.path);
    }
    if let Some(code) = shape.code.filter(|_| geometry) {
        let (x, y) = shape.anchor;
        let _ = write!(out, " data-c=\"{code}\" data-a=\"{x:.1} {y:.1}\"");
    }
    out.push_str("/>");
    out
}
