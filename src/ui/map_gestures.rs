//! Zoom and pan by pointer on the map: a drag pans a zoomed map, two fingers pinch, Ctrl+wheel
//! (and a trackpad's pinch, which browsers send as Ctrl+wheel) zooms towards the pointer; plain
//! wheel scrolls the page. A press that travelled is a drag, not a click.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::world::Viewport;

/// Pointer travel that turns a press into a drag (and so not a click).
const DRAG_THRESHOLD_PX: f64 = 5.0;

/// Pointer positions and the drag in progress.
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    last_pinch: Option<f64>,
    travelled: f64,
}

#[derive(Clone, Copy)]
pub struct Gestures {
    gesture: StoredValue<Gesture, LocalStorage>,
    viewport: RwSignal<Viewport>,
    /// CSS px per map unit at zoom 1.
    px_per_unit: RwSignal<f64>,
    svg: StoredValue<web_sys::Element, LocalStorage>,
}

impl Gestures {
    pub fn new(viewport: RwSignal<Viewport>, px_per_unit: RwSignal<f64>, svg: web_sys::Element) -> Gestures {
        Gestures { gesture: StoredValue::new_local(Gesture::default()), viewport, px_per_unit, svg: StoredValue::new_local(svg) }
    }

    /// The map point under a point of the window.
    pub fn map_point(self, client_x: f64, client_y: f64) -> Option<(f64, f64)> {
        let rect = self.svg.with_value(|svg| svg.get_bounding_client_rect());
        let (x, y, w, h) = self.viewport.get_untracked().view_box();
        Some((x + (client_x - rect.left()) / rect.width() * w, y + (client_y - rect.top()) / rect.height() * h))
    }

    /// True when the last press travelled far enough to be a drag.
    pub fn dragged(self) -> bool {
        self.gesture.with_value(|g| g.travelled > DRAG_THRESHOLD_PX)
    }

    pub fn down(self, ev: &web_sys::PointerEvent) {
        self.gesture.update_value(|g| {
            g.pointers.insert(ev.pointer_id(), (ev.client_x() as f64, ev.client_y() as f64));
            g.last_pinch = None;
            if g.pointers.len() == 1 {
                g.travelled = 0.0;
            }
        });
    }

    pub fn moved(self, ev: &web_sys::PointerEvent) {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let mut pan = None;
        let mut pinch = None;
        self.gesture.update_value(|g| {
            let Some(&(px, py)) = g.pointers.get(&id) else { return };
            g.pointers.insert(id, (x, y));
            match g.pointers.len() {
                1 => {
                    g.travelled += (x - px).abs() + (y - py).abs();
                    pan = Some((x - px, y - py));
                }
                2 => {
                    let pts: Vec<_> = g.pointers.values().copied().collect();
                    let distance = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt();
                    let mid = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
                    if let Some(last) = g.last_pinch {
                        if last > 0.0 {
                            pinch = Some((distance / last, mid));
                        }
                    }
                    g.last_pinch = Some(distance);
                    g.travelled += DRAG_THRESHOLD_PX;
                }
                _ => {}
            }
        });
        if let Some((factor, (mx, my))) = pinch {
            ev.prevent_default();
            if let Some((x, y)) = self.map_point(mx, my) {
                self.viewport.update(|v| v.zoom_at(factor, x, y));
            }
        } else if let Some((dx, dy)) = pan {
            let v = self.viewport.get_untracked();
            if !v.is_whole() {
                let scale = self.px_per_unit.get_untracked() * v.zoom;
                self.viewport.update(|v| v.pan(-dx / scale, -dy / scale));
            }
        }
    }

    pub fn up(self, ev: &web_sys::PointerEvent) {
        self.gesture.update_value(|g| {
            g.pointers.remove(&ev.pointer_id());
            g.last_pinch = None;
        });
    }

    pub fn wheel(self, ev: &web_sys::WheelEvent) {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        ev.prevent_default();
        let factor = (-ev.delta_y() * 0.01).exp().clamp(0.5, 2.0);
        if let Some((x, y)) = self.map_point(ev.client_x() as f64, ev.client_y() as f64) {
            self.viewport.update(|v| v.zoom_at(factor, x, y));
        }
    }
}
