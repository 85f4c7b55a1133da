//! The map's geometry, read back from the static page's SVG (`static_page::map` writes it) when
//! the app starts: the page carries the map once, and the wasm not at all.

use wasm_bindgen::JsCast;

use crate::static_page::map::read_anchors;
use crate::world::{install, Shape, World};

/// Installs the map the page holds as [`crate::world::world`]. Must run before anything draws
/// from it (the map's take-over does it first); without it the map is empty, and the directory
/// works as before. Only where each country is: the countries' outlines (45 kB of path data)
/// are not read, the app never draws from them; see [`world_with_outlines`].
pub fn read_world_from_page() {
    install(read_world(false));
}

/// The page's map with the countries' outlines: what writing the priority countries again
/// for newer data needs (`page_data.rs`).
pub fn world_with_outlines() -> World {
    read_world(true)
}

fn read_world(outlines: bool) -> World {
    let svg = leptos::prelude::document().get_element_by_id("world-map");
    let attribute = |name: &str| svg.as_ref().and_then(|svg| svg.get_attribute(name)).unwrap_or_default();
    let (width, height) = match attribute("viewBox").split_whitespace().map(js_sys::parse_float).collect::<Vec<_>>()[..] {
        [_, _, w, h] => (w, h),
        _ => (1000.0, 500.0),
    };
    let mut shapes: Vec<Shape> = read_anchors(&attribute("data-anchors"))
        .into_iter()
        .map(|(code, anchor)| Shape { code: Some(&*code.leak()), anchor, path: "" })
        .collect();
    if outlines {
        if let Some(Ok(paths)) = svg.map(|svg| svg.query_selector_all(".background path[data-c]")) {
            for i in 0..paths.length() {
                let Some(path) = paths.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
                let code = path.get_attribute("data-c");
                if let Some(shape) = shapes.iter_mut().find(|s| s.code == code.as_deref()) {
                    shape.path = path.get_attribute("d").unwrap_or_default().leak();
                }
            }
        }
    }
    World { width, height, shapes }
}
