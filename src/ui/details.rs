//! The side panel, taken over from the page (`static_page::panel` writes it): the countries to
//! choose from while none is selected, else the selected country's details: who is there, its
//! LinkedIn groups, dated facts and sources. Every priority country's details are in the page
//! already, so selecting one shows its section and hides the others: nothing is built on a
//! click. On a wide screen the panel sits beside the map; on a phone it follows the map and is
//! brought into view, with a way back to the map.

use leptos::prelude::*;

use crate::countries;
use crate::dataset::Dataset;
use crate::static_page::panel::{details, details_id};

use super::dom::{by_id, closest, find, find_all, listen, set_hidden};
use super::frame::after_next_paint;
use super::panel_scroll::{ScrollCue, SHOWN_SECTION};
use super::scroll::{bring_into_view, focus_without_scrolling};
use super::state::AppState;

/// Takes the page's side panel over; `revision` counts the times it was written again for
/// newer data (`page_data.rs`).
pub fn take_over_side_panel(state: AppState, revision: ReadSignal<u32>) {
    let Some(panel) = by_id("atlas").and_then(|atlas| find(&atlas, ".side-panel")) else { return };
    let selected = Memo::new(move |_| state.view.with(|v| v.filter.country.clone()));
    let panel_for_choices = panel.clone();
    let cue = ScrollCue::new(&panel);

    listen(&panel, "click", move |ev: web_sys::MouseEvent| {
        if let Some(choice) = closest(&ev, ".choose-country a[data-country]") {
            // A link to the directory on the page; with the app, it selects.
            ev.prevent_default();
            state.select_country(choice.get_attribute("data-country"));
        } else if closest(&ev, ".details .close").is_some() {
            state.close_country();
        } else if closest(&ev, ".back-to-map").is_some() {
            state.back_to_map();
        }
    });

    Effect::new(move || {
        revision.track();
        let code = selected.get();
        let heading = show_details(&panel, code.as_deref(), state);
        if let Some(shown) = find(&panel, SHOWN_SECTION) {
            cue.watch(&shown);
        }
        // The page's own first view of `?country=` (src/web/boot.js) has done its work.
        super::page::drop_first_view_style();
        // Focus moves to the heading when the visitor selected a country (not on page load),
        // and the heading comes into view if it is not: on a phone it is below the map. Both
        // ask the browser for the page's layout, so they wait until the details are painted:
        // done at once, they would lay the page out twice before the click's first frame.
        if let Some(heading) = heading.filter(|_| state.focus_details.get_untracked()) {
            state.focus_details.set(false);
            // Unless the visitor has moved focus meanwhile, or chosen another country.
            let focused = document().active_element();
            after_next_paint(move || {
                let still_chosen = selected.try_with_untracked(|s| s.as_deref() == heading_country(&heading).as_deref()) == Some(true);
                if still_chosen && document().active_element() == focused && heading.is_connected() {
                    focus_without_scrolling(&heading);
                    bring_into_view(&heading);
                }
            });
        }
    });

    // The countries offered are those the filters keep: with none, the panel says so.
    Effect::new(move || {
        revision.track();
        state.settled_outcome.with(|outcome| offer_countries(&panel_for_choices, outcome.as_ref().map(|o| &o.countries)))
    });

    // Escape closes the details wherever focus is, except inside a form field.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() && selected.get_untracked().is_some() && !focus_in_field() {
            state.close_country();
        }
    });
    on_cleanup(move || escape.remove());
}

/// Shows the details of `code` (or the countries to choose from) and returns their heading.
/// A code the page has no details for (not a priority country) gets a section saying so.
fn show_details(panel: &web_sys::Element, code: Option<&str>, state: AppState) -> Option<web_sys::Element> {
    if let Some(code) = code.filter(|c| by_id(&details_id(c)).is_none()) {
        let ready = state.ready();
        let none = Dataset::default();
        let data = ready.as_ref().map(|r| &r.loaded.dataset).unwrap_or(&none);
        let name = countries::display_name(code, state.lang);
        let _ = panel.insert_adjacent_html("beforeend", &details(data, code, &name, state.lang));
    }
    for section in find_all(panel, ".details") {
        set_hidden(&section, section.get_attribute("data-country").as_deref() != code);
    }
    if let Some(choose) = find(panel, ".choose-country") {
        set_hidden(&choose, code.is_some());
    }
    by_id(&format!("{}-heading", details_id(code?)))
}

/// Shows the choices of the countries in `lit` (all before the data is in) and, when there are
/// none, the note that no country matches.
fn offer_countries(panel: &web_sys::Element, lit: Option<&std::collections::BTreeSet<String>>) {
    let mut offered = 0;
    for choice in find_all(panel, ".country-choices a[data-country]") {
        let shown = lit.is_none_or(|lit| choice.get_attribute("data-country").is_some_and(|c| lit.contains(&c)));
        offered += usize::from(shown);
        if let Some(item) = choice.parent_element() {
            set_hidden(&item, !shown);
        }
    }
    if let Some(note) = find(panel, ".no-country") {
        set_hidden(&note, offered > 0);
    }
}

/// The country whose details `heading` heads.
fn heading_country(heading: &web_sys::Element) -> Option<String> {
    heading.closest(".details").ok().flatten()?.get_attribute("data-country")
}

fn focus_in_field() -> bool {
    document().active_element().is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}
