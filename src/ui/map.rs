//! The world map, taken over from the page (`static_page::map` writes it): every country drawn,
//! the priority countries made buttons with markers, zoom and pan by buttons, Ctrl+wheel, drag
//! and pinch, and a keyboard model of one tab stop with arrow keys between countries. Nothing
//! of the map is built again: the app listens on it and keeps its attributes current.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::browser::fixed;
use crate::i18n::t;
use crate::placement::spread;
use crate::static_page::map::country_dom_id;
use crate::world::{world, Viewport};

use super::dom::{by_id, closest, find, find_all, listen, set_class};
use super::frame::in_the_next_task;
use super::map_gestures::Gestures;
use super::map_layer::{keep_priority_layer_current, PriorityLayer};
use super::map_names::{selected_label, show_tooltip};
use super::state::AppState;

/// Marker hit area radius in CSS pixels: a 24×24 px target at any zoom and screen width.
pub(super) const HIT_RADIUS_PX: f64 = 12.5;
pub(super) const DOT_RADIUS_PX: f64 = 5.0;
/// Least distance between two markers' centres in CSS px: the selected marker's radius (1.6
/// times), another's, their rings (1 px each) and a gap of 2 px, so that they stay apart
/// whichever is selected.
const MARKER_SPACING_PX: f64 = 2.6 * DOT_RADIUS_PX + 4.0;
/// How far inside the map's edge a country reached by keyboard is brought, in CSS px.
const FOCUS_MARGIN_PX: f64 = 48.0;
const ZOOM_STEP: f64 = 1.5;

/// The country whose element holds the event's target.
fn country_of(ev: &web_sys::Event) -> Option<String> {
    closest(ev, "[id^='map-country-']")?.id().strip_prefix("map-country-").map(str::to_string)
}

/// Takes the page's map over; `revision` counts the times the priority countries were written
/// again for newer data (`page_data.rs`).
pub fn take_over_map(state: AppState, revision: ReadSignal<u32>) {
    super::geometry::read_world_from_page();
    let Some(svg) = by_id("world-map") else { return };
    let (Some(figure), Some(layer), Some(label_layer)) =
        (svg.closest("figure").ok().flatten(), find(&svg, ".priority-layer"), find(&svg, ".selected-label"))
    else {
        return;
    };
    let lang = state.lang;
    let map = world();
    // What the page said to visitors without the app no longer applies: the countries are buttons.
    let _ = svg.set_attribute("aria-label", t(lang).map_label);
    let _ = svg.set_attribute("aria-describedby", "map-keys");

    let viewport = RwSignal::new(Viewport::whole(map));
    // CSS px per map unit at zoom 1, measured from the drawn map.
    let px_per_unit = RwSignal::new(1.0_f64);
    follow_drawn_width(&svg, move |width| px_per_unit.set(width / map.width));

    // The countries in keyboard order: the page's order (west to east).
    let priority = Memo::new(move |_| {
        revision.track();
        let Some(layer) = by_id("world-map").and_then(|svg| find(&svg, ".priority-layer")) else { return Vec::new() };
        find_all(&layer, "[id^='map-country-']")
            .iter()
            .filter_map(|a| a.id().strip_prefix("map-country-").map(String::from))
            .collect::<Vec<_>>()
    });
    // Before the data is in, the default view: every country lit.
    let lit: Memo<Option<BTreeSet<String>>> = Memo::new(move |_| state.settled_outcome.with(|o| o.as_ref().map(|o| o.countries.clone())));
    let selected = Memo::new(move |_| state.view.with(|v| v.filter.country.clone()));
    // The one country in the tab order (roving tab stop).
    let active = RwSignal::new(None::<String>);
    let tab_stop = Memo::new(move |_| {
        active
            .get()
            .filter(|a| priority.with(|p| p.contains(a)))
            .or_else(|| selected.get().filter(|s| priority.with(|p| p.contains(s))))
            .or_else(|| priority.with(|p| p.first().cloned()))
    });
    let tooltip = RwSignal::new(None::<String>);
    // Map units per CSS px at the current zoom: what keeps markers and names the same size on
    // screen.
    let units_per_px = Memo::new(move |_| 1.0 / (px_per_unit.get() * viewport.get().zoom));
    // Where each marker is drawn: neighbours closer than a marker and a gap are spread apart.
    let markers = Memo::new(move |_| {
        let u = units_per_px.get();
        priority.with(|codes| {
            let points: Vec<(f64, f64)> = codes.iter().map(|c| map.shape(c).map(|s| s.anchor).unwrap_or_default()).collect();
            codes.iter().cloned().zip(spread(&points, MARKER_SPACING_PX * u)).collect::<Vec<_>>()
        })
    });
    let marker_of = move |code: &str| markers.with_untracked(|m| m.iter().find(|(c, _)| c == code).map(|(_, p)| *p));

    let zoom_centre = move |factor: f64| {
        viewport.update(|v| {
            let (cx, cy) = (v.cx, v.cy);
            v.zoom_at(factor, cx, cy)
        })
    };
    // A country reached with the keyboard comes into view if the zoom had left it out (not one
    // clicked: the map would move under the pointer).
    let pan_to = move |code: &str| {
        if let Some((x, y)) = marker_of(code) {
            let margin = FOCUS_MARGIN_PX * units_per_px.get_untracked();
            if !viewport.with_untracked(|v| shows(v, x, y, margin)) {
                viewport.update(|v| v.bring_into_view(x, y, margin));
            }
        }
    };
    let focus_country = move |code: &str| {
        active.set(Some(code.to_string()));
        if let Some(el) = by_id(&country_dom_id(code)) {
            super::scroll::focus_without_scrolling(&el);
        }
    };
    let select = move |code: String| {
        tooltip.set(None);
        active.set(Some(code.clone()));
        state.select_country(Some(code));
    };

    listen(&svg, "keydown", move |ev: web_sys::KeyboardEvent| {
        let order = priority.get_untracked();
        let current = active.get_untracked().or_else(|| tab_stop.get_untracked());
        let index = current.as_ref().and_then(|c| order.iter().position(|o| o == c)).unwrap_or(0);
        let step = |delta: isize| {
            let n = order.len() as isize;
            (n > 0).then(|| order[((index as isize + delta).rem_euclid(n)) as usize].clone())
        };
        let target = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => step(1),
            "ArrowLeft" | "ArrowUp" => step(-1),
            "Home" => order.first().cloned(),
            "End" => order.last().cloned(),
            "Enter" | " " => {
                if let Some(code) = current {
                    ev.prevent_default();
                    select(code);
                }
                return;
            }
            "+" | "=" => {
                ev.prevent_default();
                zoom_centre(ZOOM_STEP);
                return;
            }
            "-" | "_" => {
                ev.prevent_default();
                zoom_centre(1.0 / ZOOM_STEP);
                return;
            }
            "Escape" => {
                // The first Escape dismisses the tooltip; the page's handler closes the details.
                if tooltip.get_untracked().is_some() {
                    ev.prevent_default();
                    tooltip.set(None);
                }
                return;
            }
            _ => return,
        };
        if let Some(code) = target {
            ev.prevent_default();
            pan_to(&code);
            focus_country(&code);
        }
    });

    let gestures = Gestures::new(viewport, px_per_unit, svg.clone());
    listen(&svg, "pointerdown", move |ev: web_sys::PointerEvent| gestures.down(&ev));
    listen(&svg, "pointermove", move |ev: web_sys::PointerEvent| gestures.moved(&ev));
    listen(&svg, "pointerup", move |ev: web_sys::PointerEvent| gestures.up(&ev));
    listen(&svg, "pointercancel", move |ev: web_sys::PointerEvent| gestures.up(&ev));
    listen(&svg, "wheel", move |ev: web_sys::WheelEvent| gestures.wheel(&ev));
    // Markers of neighbours overlap on a phone (South Korea and Japan are 8 px apart at 390 px):
    // a click or tap goes to the nearest marker within reach, else to the country it is on.
    listen(&svg, "click", move |ev: web_sys::MouseEvent| {
        // The countries are links to the directory for visitors without the app: here they select.
        if closest(&ev, "a").is_some() {
            ev.prevent_default();
        }
        if gestures.dragged() {
            return;
        }
        let Some((x, y)) = gestures.map_point(ev.client_x() as f64, ev.client_y() as f64) else { return };
        let reach = HIT_RADIUS_PX * units_per_px.get_untracked();
        let nearest = markers.with_untracked(|markers| {
            markers
                .iter()
                .map(|(c, p)| (c, (p.0 - x).hypot(p.1 - y)))
                .filter(|(_, d)| *d <= reach)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(c, _)| c.clone())
        });
        if let Some(code) = nearest.or_else(|| country_of(&ev)) {
            // Focus goes to the country chosen (a tap between neighbours may have landed on the
            // other one): that is where "Back to the map" and closing the details return.
            focus_country(&code);
            select(code);
        }
    });
    // On the figure, not the SVG layer: Chromium makes an SVG element with a focus listener a
    // tab stop of its own, with no name (it was the map's third Tab stop).
    listen(&figure, "focusin", move |ev: web_sys::FocusEvent| {
        if let Some(code) = country_of(&ev) {
            // Tab onto the map's country (focus a pointer gave is not :focus-visible).
            if closest(&ev, ":focus-visible").is_some() {
                pan_to(&code);
            }
            active.set(Some(code.clone()));
            tooltip.set(Some(code));
        }
    });
    listen(&layer, "pointerover", move |ev: web_sys::PointerEvent| {
        if let Some(code) = country_of(&ev) {
            if tooltip.get_untracked().as_ref() != Some(&code) {
                tooltip.set(Some(code));
            }
        }
    });
    listen(&figure, "pointerleave", move |_: web_sys::PointerEvent| tooltip.set(None));
    for (class, action) in [("zoom-in", 0), ("zoom-out", 1), ("zoom-reset", 2)] {
        let Some(button) = find(&figure, &format!(".map-controls .{class}")) else { continue };
        listen(&button, "click", move |_: web_sys::MouseEvent| match action {
            0 => zoom_centre(ZOOM_STEP),
            1 => zoom_centre(1.0 / ZOOM_STEP),
            _ => viewport.set(Viewport::whole(map)),
        });
    }

    // What keeps the map's countries and markers current runs in the next task: the map answers
    // clicks and keys from this one, and its first pass writes every marker.
    in_the_next_task(move || {
        let svg_for_view = svg.clone();
        Effect::new(move || {
            let (x, y, w, h) = viewport.get().view_box();
            let _ = svg_for_view.set_attribute("viewBox", &[x, y, w, h].map(|n| fixed(n, 2)).join(" "));
        });
        let figure_for_zoom = figure.clone();
        Effect::new(move || set_class(&figure_for_zoom, "zoomed", !viewport.get().is_whole()));

        keep_priority_layer_current(PriorityLayer {
            revision,
            codes: priority,
            selected,
            tab_stop,
            lit,
            marked: state.highlight,
            units_per_px,
            markers,
        });

        // Beyond colour and outline: the selected country's name next to its marker.
        Effect::new(move || {
            let label = selected.get().and_then(|code| {
                markers.with(|m| {
                    let at = m.iter().find(|(c, _)| *c == code)?.1;
                    let others: Vec<(f64, f64)> = m.iter().filter(|(c, _)| *c != code).map(|(_, p)| *p).collect();
                    Some(selected_label(&code, at, &others, units_per_px.get(), px_per_unit.get() * map.width, viewport.get(), lang))
                })
            });
            label_layer.set_inner_html(&label.unwrap_or_default())
        });

        if let Some(tip) = by_id("map-tooltip") {
            Effect::new(move || {
                let code = tooltip.get();
                markers.track();
                let at = code.as_deref().and_then(marker_of);
                show_tooltip(&tip, code.as_deref().zip(at), viewport.get(), lang)
            });
        }
    });
}

/// Whether `viewport` shows the point (`x`, `y`) at least `margin` inside its edges.
fn shows(viewport: &Viewport, x: f64, y: f64, margin: f64) -> bool {
    let (left, top, w, h) = viewport.view_box();
    x >= left + margin && x <= left + w - margin && y >= top + margin && y <= top + h - margin
}

/// Calls `on_width` with the element's drawn width now and whenever it changes. A
/// ResizeObserver reports after the browser's own layout, so measuring forces no extra
/// layout, and it follows the container too (an iframe, a phone turned sideways), not only
/// the window.
fn follow_drawn_width(element: &web_sys::Element, on_width: impl Fn(f64) + 'static) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let width = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok().map(|e| e.content_rect().width());
        if let Some(width) = width.filter(|w| *w > 0.0) {
            on_width(width);
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
    observer.observe(element);
    // The map lives as long as the page.
    callback.forget();
}
