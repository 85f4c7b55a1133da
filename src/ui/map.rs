//! The world map: every country drawn, the priority countries as buttons with markers,
//! zoom and pan by buttons, Ctrl+wheel, drag and pinch, and a keyboard model of one tab stop
//! with arrow keys between countries.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::svg;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::browser::fixed;
use crate::countries;
use crate::dataset::Lang;
use crate::i18n::t;
use crate::world::{keyboard_order, world, Viewport};

use super::map_gestures::Gestures;
use super::map_layer::{draw_priority_layer, PriorityLayer};
use super::state::AppState;

/// Marker hit area radius in CSS pixels: a 24×24 px target at any zoom and screen width.
pub(super) const HIT_RADIUS_PX: f64 = 12.5;
pub(super) const DOT_RADIUS_PX: f64 = 5.0;
const ZOOM_STEP: f64 = 1.5;

pub(super) fn country_dom_id(code: &str) -> String {
    format!("map-country-{code}")
}

#[component]
pub fn WorldMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let map = world();
    let viewport = RwSignal::new(Viewport::whole(map));
    let figure = NodeRef::<html::Figure>::new();
    let svg_ref = NodeRef::<svg::Svg>::new();
    // CSS px per map unit at zoom 1, measured from the drawn map.
    let px_per_unit = RwSignal::new(1.0_f64);
    follow_drawn_width(svg_ref, move |width| px_per_unit.set(width / map.width));

    let priority = Memo::new(move |_| {
        let codes: Vec<String> = state
            .ready()
            .map(|r| r.loaded.dataset.countries.iter().map(|c| c.code.clone()).filter(|c| map.shape(c).is_some()).collect())
            .unwrap_or_default();
        keyboard_order(&codes)
    });
    let matching: Memo<BTreeSet<String>> =
        Memo::new(move |_| state.settled_outcome.with(|o| o.as_ref().map(|o| o.countries.clone()).unwrap_or_default()));
    let selected = Memo::new(move |_| state.view.with(|v| v.filter.country.clone()));
    // The one country in the tab order (roving tab stop).
    let active = RwSignal::new(None::<String>);
    let tab_stop = Memo::new(move |_| {
        active
            .get()
            .or_else(|| selected.get().filter(|s| priority.with(|p| p.contains(s))))
            .or_else(|| priority.with(|p| p.first().cloned()))
    });
    let tooltip = RwSignal::new(None::<String>);

    let zoom_centre = move |factor: f64| {
        viewport.update(|v| {
            let (cx, cy) = (v.cx, v.cy);
            v.zoom_at(factor, cx, cy)
        })
    };
    let focus_country = move |code: &str| {
        active.set(Some(code.to_string()));
        if let Some(el) = document().get_element_by_id(&country_dom_id(code)) {
            super::scroll::focus_without_scrolling(&el);
        }
    };
    let select = move |code: String| {
        tooltip.set(None);
        active.set(Some(code.clone()));
        state.select_country(Some(code));
    };

    let on_keydown = move |ev: ev::KeyboardEvent| {
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
            focus_country(&code);
        }
    };

    let gestures = Gestures::new(viewport, px_per_unit, svg_ref);
    // Markers of neighbours overlap on a phone (South Korea and Japan are 8 px apart at 390 px):
    // a click or tap goes to the nearest marker within reach, else to the country it is on.
    let on_click = move |ev: ev::MouseEvent| {
        if gestures.dragged() {
            return;
        }
        let Some((x, y)) = gestures.map_point(ev.client_x() as f64, ev.client_y() as f64) else { return };
        let reach = HIT_RADIUS_PX / (px_per_unit.get_untracked() * viewport.get_untracked().zoom);
        let nearest = priority.with_untracked(|codes| {
            codes
                .iter()
                .filter_map(|c| map.shape(c).map(|s| (c, (s.anchor.0 - x).hypot(s.anchor.1 - y))))
                .filter(|(_, d)| *d <= reach)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(c, _)| c.clone())
        });
        let under_pointer = || {
            let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
            let country = target.closest("[id^='map-country-']").ok()??;
            country.id().strip_prefix("map-country-").map(str::to_string)
        };
        if let Some(code) = nearest.or_else(under_pointer) {
            // Focus goes to the country chosen (a tap between neighbours may have landed on the
            // other one): that is where "Back to the map" and closing the details return.
            focus_country(&code);
            select(code);
        }
    };

    let view_box = move || {
        let (x, y, w, h) = viewport.get().view_box();
        [x, y, w, h].map(|n| fixed(n, 2)).join(" ")
    };
    // Marker sizes in map units so that they stay the same size in CSS pixels.
    let units_per_px = move || 1.0 / (px_per_unit.get() * viewport.get().zoom);

    // The land: the static page's layer, taken over as it is (see `static_page::map`).
    let land = NodeRef::<svg::G>::new();
    Effect::new(move || {
        if let Some(land) = land.get() {
            let page = document().query_selector("#world-map .background").ok().flatten();
            land.set_inner_html(&page.map(|g| g.inner_html()).unwrap_or_default());
        }
    });

    // The priority countries: plain SVG, kept up to date by effects (see `map_layer.rs`).
    let layer = NodeRef::<svg::G>::new();
    draw_priority_layer(PriorityLayer {
        layer,
        codes: priority,
        selected,
        tab_stop,
        lit: matching,
        marked: state.highlight,
        units_per_px: Signal::derive(units_per_px),
        lang,
    });
    // The countries' own events, handled once for the layer.
    let country_of = |ev: &web_sys::Event| -> Option<String> {
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        target.closest("[id^='map-country-']").ok()??.id().strip_prefix("map-country-").map(str::to_string)
    };
    let on_focusin = move |ev: ev::FocusEvent| {
        if let Some(code) = country_of(&ev) {
            active.set(Some(code.clone()));
            tooltip.set(Some(code));
        }
    };
    let on_pointerover = move |ev: ev::PointerEvent| {
        if let Some(code) = country_of(&ev) {
            if tooltip.get_untracked().as_ref() != Some(&code) {
                tooltip.set(Some(code));
            }
        }
    };

    // Beyond colour and outline: the selected country's name next to its marker.
    let selected_label = move || {
        let code = selected.get()?;
        let shape = map.shape(&code)?;
        let u = units_per_px();
        let (x, y) = shape.anchor;
        let to_left = x > map.width * 0.8;
        let dx = if to_left { -12.0 * u } else { 12.0 * u };
        Some(view! {
            <text class="country-label" x=fixed(x + dx, 2) y=fixed(y + 5.0 * u, 2) font-size=fixed(15.0 * u, 3) stroke-width=fixed(4.0 * u, 3)
                text-anchor=if to_left { "end" } else { "start" }>
                {countries::display_name(&code, lang)}
            </text>
        })
    };

    let tooltip_view = move || {
        let code = tooltip.get()?;
        let shape = map.shape(&code)?;
        let summary = state.ready().and_then(|r| r.loaded.dataset.country(&code).map(|c| c.summary.get(lang).to_string()))?;
        let (x, y, w, h) = viewport.get().view_box();
        let left = ((shape.anchor.0 - x) / w * 100.0).clamp(0.0, 100.0);
        let top = ((shape.anchor.1 - y) / h * 100.0).clamp(0.0, 100.0);
        // Opens to the side away from the edge, below the marker so it never covers it.
        let class = if left > 60.0 { "map-tooltip to-left" } else { "map-tooltip" };
        Some(view! {
            <div class=class role="tooltip" id="map-tooltip" style:left=format!("{}%", fixed(left, 2)) style:top=format!("{}%", fixed(top, 2))>
                <strong>{countries::display_name(&code, lang)}</strong>
                <span>{summary}</span>
            </div>
        })
    };

    view! {
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading" class="visually-hidden">{t(lang).map_heading}</h2>
            <figure class="map" node_ref=figure class:zoomed=move || !viewport.get().is_whole()
                on:pointerleave=move |_| tooltip.set(None)>
                <svg node_ref=svg_ref viewBox=view_box role="group"
                    aria-label=t(lang).map_label aria-describedby="map-keys"
                    on:keydown=on_keydown on:pointerdown=move |ev| gestures.down(&ev) on:pointermove=move |ev| gestures.moved(&ev)
                    on:pointerup=move |ev| gestures.up(&ev) on:pointercancel=move |ev| gestures.up(&ev)
                    on:wheel=move |ev| gestures.wheel(&ev) on:click=on_click>
                    <defs>
                        <pattern id="dimmed-stripes" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
                            <rect width="4" height="4" class="stripe-bg"/>
                            <line x1="0" y1="0" x2="0" y2="4" class="stripe"/>
                        </pattern>
                    </defs>
                    <g class="background" aria-hidden="true" node_ref=land></g>
                    <g class="priority-layer" node_ref=layer on:focusin=on_focusin on:pointerover=on_pointerover></g>
                    <g aria-hidden="true">{selected_label}</g>
                </svg>
                {tooltip_view}
                <div class="map-controls">
                    <button type="button" on:click=move |_| zoom_centre(ZOOM_STEP) aria-label=t(lang).zoom_in>"+"</button>
                    <button type="button" on:click=move |_| zoom_centre(1.0 / ZOOM_STEP) aria-label=t(lang).zoom_out>"−"</button>
                    <button type="button" on:click=move |_| viewport.set(Viewport::whole(map)) aria-label=t(lang).zoom_reset>"⟲"</button>
                </div>
            </figure>
            <p id="map-keys" class="hint">{t(lang).map_keys_hint}</p>
            <Legend lang=lang/>
            <p class="disclaimer">{t(lang).map_disclaimer}</p>
        </section>
    }
}

#[component]
fn Legend(lang: Lang) -> impl IntoView {
    let item = move |class: &'static str, text: fn(Lang) -> &'static str| {
        view! {
            <li>
                <svg class="swatch" viewBox="0 0 24 16" aria-hidden="true">
                    <rect class=class x="1" y="1" width="22" height="14"/>
                    {(class != "legend-other").then(|| view! { <circle class="marker" cx="12" cy="8" r="4"/> })}
                </svg>
                {move || text(lang)}
            </li>
        }
    };
    view! {
        <div class="legend">
            <h3 class="visually-hidden">{t(lang).legend_heading}</h3>
            <ul>
                {item("legend-priority", |l| t(l).legend_priority)}
                {item("legend-selected", |l| t(l).legend_selected)}
                {item("legend-dimmed", |l| t(l).legend_dimmed)}
                {item("legend-other", |l| t(l).legend_other)}
            </ul>
        </div>
    }
}

/// Calls `on_width` with the element's drawn width now and whenever it changes. A
/// ResizeObserver reports after the browser's own layout, so measuring forces no extra
/// layout while the map is built, and it follows the container too (an iframe, a phone
/// turned sideways), not only the window.
fn follow_drawn_width(element: NodeRef<svg::Svg>, on_width: impl Fn(f64) + 'static) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let width = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok().map(|e| e.content_rect().width());
        if let Some(width) = width.filter(|w| *w > 0.0) {
            on_width(width);
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
    let observing = StoredValue::new_local((observer, callback));
    Effect::new(move || {
        if let Some(svg) = element.get() {
            observing.with_value(|(observer, _)| observer.observe(&svg));
        }
    });
    on_cleanup(move || observing.with_value(|(observer, _)| observer.disconnect()));
}
