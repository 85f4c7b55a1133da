//! The world map's geometry (made once by `tools/geometry`) and the map's viewport: zoom and
//! pan, kept within the world.
//!
//! ```
//! use innovation_atlas::world::{world, Viewport};
//! let map = world();
//! assert!(map.shape("KR").is_some());
//! let mut view = Viewport::whole(map);
//! view.zoom_at(2.0, map.width / 2.0, map.height / 2.0);
//! assert_eq!(view.view_box().2, map.width / 2.0);
//! ```

use std::sync::OnceLock;

/// One country's outline and the point where its marker sits.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// ISO 3166-1 alpha-2, or `None` for territories without a code.
    pub code: Option<&'static str>,
    pub anchor: (f64, f64),
    /// SVG path data in map units.
    pub path: &'static str,
}

#[derive(Debug)]
pub struct World {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

impl World {
    pub fn shape(&self, code: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.code == Some(code))
    }
}

static INSTALLED: OnceLock<World> = OnceLock::new();

/// The world map. Natively (the tests, the build's static pages) it is the geometry made by
/// `tools/geometry`; in the browser it is what [`install`] was given: the app reads it back from
/// the static page's SVG, so the wasm does not carry it a second time.
pub fn world() -> &'static World {
    #[cfg(not(target_arch = "wasm32"))]
    {
        INSTALLED.get_or_init(generated)
    }
    #[cfg(target_arch = "wasm32")]
    {
        INSTALLED.get_or_init(|| World { width: 1000.0, height: 500.0, shapes: Vec::new() })
    }
}

/// Sets the map [`world`] returns, once, before anything reads it; later calls change nothing.
pub fn install(map: World) {
    let _ = INSTALLED.set(map);
}

/// The map made by `tools/geometry`, read from its text. Natively [`world`] is this; in the
/// browser only the web editor needs it (to write the pages when publishing), and installs it.
pub fn generated() -> World {
    parse_world(include_str!("generated/world.txt"))
}

fn parse_world(text: &'static str) -> World {
    let mut world = World { width: 1000.0, height: 500.0, shapes: Vec::new() };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(rest) = line.strip_prefix("viewbox ") {
            let n: Vec<f64> = rest.split_whitespace().filter_map(|v| v.parse().ok()).collect();
            if let [_, _, w, h] = n[..] {
                world.width = w;
                world.height = h;
            }
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        if let [code, x, y, path] = cols[..] {
            let anchor = (x.parse().unwrap_or(0.0), y.parse().unwrap_or(0.0));
            let code = (code != "-").then_some(code);
            world.shapes.push(Shape { code, anchor, path });
        }
    }
    world
}

/// Most and least the map zooms.
pub const MAX_ZOOM: f64 = 8.0;
pub const MIN_ZOOM: f64 = 1.0;

/// What part of the map is shown: a zoom factor and the centre, in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub zoom: f64,
    pub cx: f64,
    pub cy: f64,
    width: f64,
    height: f64,
}

impl Viewport {
    /// The whole world.
    pub fn whole(world: &World) -> Viewport {
        Viewport { zoom: 1.0, cx: world.width / 2.0, cy: world.height / 2.0, width: world.width, height: world.height }
    }

    pub fn is_whole(&self) -> bool {
        self.zoom <= MIN_ZOOM + 1e-9
    }

    /// `(x, y, width, height)` for the SVG `viewBox`.
    pub fn view_box(&self) -> (f64, f64, f64, f64) {
        let (w, h) = (self.width / self.zoom, self.height / self.zoom);
        (self.cx - w / 2.0, self.cy - h / 2.0, w, h)
    }

    /// Zooms by `factor`, keeping the map point (`x`, `y`) where it is on screen.
    pub fn zoom_at(&mut self, factor: f64, x: f64, y: f64) {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let ratio = self.zoom / zoom;
        self.cx = x + (self.cx - x) * ratio;
        self.cy = y + (self.cy - y) * ratio;
        self.zoom = zoom;
        self.clamp();
    }

    /// Moves the view by (`dx`, `dy`) map units.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.cx += dx;
        self.cy += dy;
        self.clamp();
    }

    /// Pans the least that brings (`x`, `y`) at least `margin` map units inside the view (less
    /// where the world ends): a country reached with the keyboard is never off screen.
    pub fn bring_into_view(&mut self, x: f64, y: f64, margin: f64) {
        let (left, top, w, h) = self.view_box();
        let margin_x = margin.min(w / 2.0);
        let margin_y = margin.min(h / 2.0);
        let dx = (x - margin_x - left).min(0.0) + (x + margin_x - (left + w)).max(0.0);
        let dy = (y - margin_y - top).min(0.0) + (y + margin_y - (top + h)).max(0.0);
        self.pan(dx, dy);
    }

    /// Keeps the shown part inside the world: nothing can be panned off screen.
    fn clamp(&mut self) {
        let (half_w, half_h) = (self.width / self.zoom / 2.0, self.height / self.zoom / 2.0);
        self.cx = self.cx.clamp(half_w, self.width - half_w);
        self.cy = self.cy.clamp(half_h, self.height - half_h);
    }
}

/// The order arrow keys move through the priority countries: west to east.
pub fn keyboard_order(codes: &[String]) -> Vec<String> {
    let map = world();
    let mut with_x: Vec<(f64, f64, String)> = codes
        .iter()
        .map(|c| {
            let (x, y) = map.shape(c).map(|s| s.anchor).unwrap_or((f64::MAX, 0.0));
            (x, y, c.clone())
        })
        .collect();
    crate::order::sort_by(&mut with_x, |a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    with_x.into_iter().map(|(_, _, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_has_about_175_countries_and_no_antarctica() {
        let map = world();
        let drawn = map.shapes.iter().filter(|s| !s.path.is_empty()).count();
        assert!((170..=180).contains(&drawn), "{drawn} shapes");
        assert!(map.shape("SG").is_some_and(|s| s.path.is_empty()), "Singapore is a marker only");
        assert!(map.shape("AQ").is_none());
        assert!(map.width > 900.0 && map.height > 300.0);
    }

    #[test]
    fn every_anchor_lies_on_the_map() {
        let map = world();
        for s in &map.shapes {
            let (x, y) = s.anchor;
            assert!((0.0..=map.width).contains(&x) && (0.0..=map.height).contains(&y), "{:?} anchor {x},{y}", s.code);
        }
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let map = world();
        let mut v = Viewport::whole(map);
        v.zoom_at(2.0, 300.0, 200.0);
        let (x, y, w, h) = v.view_box();
        // The point was at 30% / ~46% of the view before; it stays there.
        assert!(((300.0 - x) / w - 300.0 / map.width).abs() < 1e-9);
        assert!(((200.0 - y) / h - 200.0 / map.height).abs() < 1e-9);
    }

    #[test]
    fn the_view_never_leaves_the_world() {
        let map = world();
        let mut v = Viewport::whole(map);
        v.pan(5000.0, -5000.0);
        assert_eq!(v, Viewport::whole(map), "at zoom 1 there is nowhere to pan");
        v.zoom_at(4.0, 500.0, 200.0);
        v.pan(10_000.0, 10_000.0);
        let (x, y, w, h) = v.view_box();
        assert!((x + w - map.width).abs() < 1e-9 && (y + h - map.height).abs() < 1e-9);
        v.zoom_at(1000.0, 0.0, 0.0);
        assert_eq!(v.zoom, MAX_ZOOM);
        v.zoom_at(0.0001, 0.0, 0.0);
        assert!(v.is_whole());
    }

    #[test]
    fn a_point_off_screen_is_panned_into_view_and_one_on_screen_is_not() {
        let map = world();
        let mut v = Viewport::whole(map);
        v.zoom_at(2.25, map.width * 0.85, map.height * 0.4);
        let before = v;
        let (x, y, w, h) = v.view_box();
        v.bring_into_view(x + w / 2.0, y + h / 2.0, 20.0);
        assert_eq!(v, before, "a point in view moves nothing");
        let us = map.shape("US").unwrap().anchor;
        v.bring_into_view(us.0, us.1, 20.0);
        let (x, y, w, h) = v.view_box();
        assert!(us.0 >= x + 20.0 - 1e-9 && us.0 <= x + w - 20.0 + 1e-9, "x {} in {x}..{}", us.0, x + w);
        assert!(us.1 >= y + 20.0 - 1e-9 && us.1 <= y + h - 20.0 + 1e-9, "y {} in {y}..{}", us.1, y + h);
        assert_eq!(v.zoom, before.zoom, "panned, not zoomed");
    }

    #[test]
    fn arrow_keys_go_west_to_east() {
        let order = keyboard_order(&["JP".into(), "US".into(), "DE".into()]);
        assert_eq!(order, ["US", "DE", "JP"]);
    }
}
