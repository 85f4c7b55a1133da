//! The selected country: who is there, its LinkedIn groups, its dated facts and sources. On a
//! wide screen it sits beside the map (the side panel); on a phone it follows the map and is
//! brought into view, with a way back to the map. With no country selected, the panel offers
//! the countries to choose from (`choose_country.rs`).

use leptos::html;
use leptos::prelude::*;

use crate::countries;
use crate::i18n::t;
use crate::render::country_body;

use super::choose_country::ChooseCountry;
use super::scroll::{bring_into_view, focus_without_scrolling};
use super::state::AppState;

#[component]
pub fn CountryDetails() -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = Memo::new(move |_| state.view.with(|v| v.filter.country.clone()));
    let heading = NodeRef::<html::H2>::new();

    // Focus moves to the heading when the visitor selected a country (not on page load), and
    // the heading comes into view if it is not: on a phone it is below the map.
    Effect::new(move || {
        if selected.get().is_some() && state.focus_details.get() {
            if let Some(h) = heading.get() {
                focus_without_scrolling(&h);
                bring_into_view(&h);
                state.focus_details.set(false);
            }
        }
    });

    // Escape closes the details wherever focus is, except inside a form field.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() && selected.get_untracked().is_some() && !focus_in_field() {
            state.close_country();
        }
    });
    on_cleanup(move || escape.remove());

    move || {
        let Some(code) = selected.get() else { return view! { <ChooseCountry/> }.into_any() };
        let Some(ready) = state.ready() else { return ().into_any() };
        let lang = state.lang;
        let data = &ready.loaded.dataset;
        let name = countries::display_name(&code, lang);
        let close = move |_| state.close_country();
        // Plain HTML (the static page's too): the details need no reactivity of their own.
        let body = country_body(data, &code, lang, 3, Some(DETAILS_PAGE));
        view! {
            <section class="details" aria-labelledby="details-heading">
                <div class="details-head">
                    <h2 id="details-heading" tabindex="-1" node_ref=heading>{name.clone()}</h2>
                    <button type="button" class="close" on:click=close aria-label=format!("{} {}", t(lang).close, name)>
                        {t(lang).close}
                    </button>
                </div>
                <div class="details-body" inner_html=body></div>
                // Phones only (the stylesheet hides it beside the map): the map is above, out of view.
                <button type="button" class="back-to-map" on:click=move |_| state.back_to_map()>{t(lang).back_to_map}</button>
            </section>
        }
        .into_any()
    }
}

fn focus_in_field() -> bool {
    document().active_element().is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Lists in the details show this many records; the rest are in the directory below, which is
/// narrowed to the country. Keeps selecting a country quick with a very large dataset.
const DETAILS_PAGE: usize = 10;
