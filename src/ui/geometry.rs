//! The map's geometry, read back from the static page's SVG (`static_page::map` writes it) when
//! the app starts: the page carries the map once, and the wasm not at all.

use wasm_bindgen::JsCast;

use crate::world::{install, Shape, World};

/// Installs the map the page holds as [`crate::world::world`]. Must run before the static
/// content goes; without it the map is empty, and the directory works as before.
pub fn read_world_from_page() {
    let Some(svg) = leptos::prelude::document().get_element_by_id("world-map") else { return };
    let numbers = |text: Option<String>| -> Vec<f64> {
        // The browser's parseFloat: Rust's float parser would cost the wasm 11 KB.
        text.unwrap_or_default().split_whitespace().map(js_sys::parse_float).collect()
    };
    let (width, height) = match numbers(svg.get_attribute("viewBox"))[..] {
        [_, _, w, h] => (w, h),
        _ => (1000.0, 500.0),
    };
    let mut shapes = Vec::new();
    if let Ok(paths) = svg.query_selector_all(".background path") {
        for i in 0..paths.length() {
            let Some(path) = paths.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let anchor = match numbers(path.get_attribute("data-a"))[..] {
                [x, y] => (x, y),
                _ => (0.0, 0.0),
            };
            shapes.push(Shape {
                code: path.get_attribute("data-c").map(|c| &*c.leak()),
                anchor,
                path: path.get_attribute("d").unwrap_or_default().leak(),
            });
        }
    }
    install(World { width, height, shapes });
}
