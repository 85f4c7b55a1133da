//! The side panel while no country is selected: what to do, and the priority countries to
//! choose from (the same list the static page shows as links, see `static_page::map`).

use leptos::prelude::*;

use crate::directory::{Filter, Kind};
use crate::i18n::t;

use super::state::AppState;

#[component]
pub fn ChooseCountry() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let countries = move || {
        let Some(ready) = state.ready() else { return Vec::new() };
        let everything = Filter::default();
        ready
            .directory
            .matches(&everything, lang)
            .filter(|e| e.kind == Kind::Country)
            .map(|e| (e.id.clone(), e.name.get(lang).to_string()))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="choose-country">
            <p>{t(lang).choose_country}</p>
            <ul class="country-choices">
                {move || countries().into_iter().map(|(code, name)| {
                    let select = move |_| state.select_country(Some(code.clone()));
                    view! { <li><button type="button" class="link-button" on:click=select>{name}</button></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}
