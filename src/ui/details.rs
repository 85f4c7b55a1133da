//! The selected country: who is there, its LinkedIn groups, its dated facts and sources. On a
//! wide screen it sits beside the map (the side panel); on a phone it follows the map and is
//! brought into view, with a way back to the map. With no country selected, the panel offers
//! the countries to choose from (`choose_country.rs`).

use leptos::html;
use leptos::prelude::*;

use crate::countries;
use std::sync::Arc;

use crate::dataset::{Dataset, Group, Lang, Office, PresenceKind};
use crate::directory::linkedin_search_url;
use crate::i18n::{kind_name, t};
use crate::directory::Kind;

use super::choose_country::ChooseCountry;
use super::links::{ExternalLink, SourceLink};
use super::scroll::{bring_into_view, focus_without_scrolling};
use super::state::{AppState, Ready};

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
        let body = match data.country(&code) {
            Some(country) => view! {
                <p class="summary">{country.summary.get(lang).to_string()}</p>
                <Presence ready=ready.clone() code=code.clone() lang=lang/>
                <Groups ready=ready.clone() code=code.clone() lang=lang/>
                <Timeline ready=ready.clone() code=code.clone() lang=lang/>
                <h3>{t(lang).sources_heading}</h3>
                <p><SourceLink url=country.source.clone() lang=lang/></p>
            }
            .into_any(),
            None => view! { <p class="summary">{format!("{name} {}", t(lang).not_a_priority_country)}</p> }.into_any(),
        };
        view! {
            <section class="details" aria-labelledby="details-heading">
                <div class="details-head">
                    <h2 id="details-heading" tabindex="-1" node_ref=heading>{name.clone()}</h2>
                    <button type="button" class="close" on:click=close aria-label=format!("{} {}", t(lang).close, name)>
                        {t(lang).close}
                    </button>
                </div>
                {body}
                // Phones only (the stylesheet hides it beside the map): the map is above, out of view.
                <button type="button" class="back-to-map" on:click=move |_| state.back_to_map()>{t(lang).back_to_map}</button>
            </section>
        }
        .into_any()
    }
}

#[component]
fn Presence(ready: Arc<Ready>, code: String, lang: Lang) -> impl IntoView {
    let data = &ready.loaded.dataset;
    let (offices, more) = first_page(data.offices_in(&code));
    let s = t(lang);
    view! {
        <h3>{s.present_heading}</h3>
        {if offices.is_empty() {
            view! { <p>{s.nobody_listed}</p> }.into_any()
        } else {
            view! {
                <ul class="presence">
                    {offices.into_iter().map(|o| office_item(data, o, lang)).collect_view()}
                </ul>
                <MoreInDirectory more=more lang=lang/>
            }
            .into_any()
        }}
    }
}

fn office_item(data: &Dataset, o: Office, lang: Lang) -> impl IntoView {
    let s = t(lang);
    let kind = match o.kind {
        PresenceKind::Office => Kind::Office,
        PresenceKind::Scout => Kind::Scout,
    };
    let org = o.organisation.as_deref().and_then(|id| data.organisation(id)).map(|org| org.name.get(lang).to_string());
    let meta = [Some(kind_name(kind, lang).to_string()), Some(o.city.get(lang).to_string()), org]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li>
            <h4>{o.name.get(lang).to_string()}</h4>
            <p class="meta">{meta}</p>
            <p>{o.description.get(lang).to_string()}</p>
            {o.since.clone().map(|since| view! { <p class="meta">{s.since} " " {since}</p> })}
            {o.website.clone().map(|url| view! { <p><ExternalLink url=url label=s.website.to_string() lang=lang/></p> })}
            <p><SourceLink url=o.source.clone() lang=lang/></p>
        </li>
    }
}

#[component]
fn Groups(ready: Arc<Ready>, code: String, lang: Lang) -> impl IntoView {
    let data = &ready.loaded.dataset;
    let (groups, more) = first_page(data.groups_for(&code));
    let s = t(lang);
    view! {
        <h3>{s.groups_heading}</h3>
        {if groups.is_empty() {
            view! { <p>{s.no_groups}</p> }.into_any()
        } else {
            view! {
                <ul class="groups">
                    {groups.into_iter().map(|g| view! {
                        <li>
                            <h4>{g.name.get(lang).to_string()}</h4>
                            <p>{group_link(&g, lang)}</p>
                            <p><SourceLink url=g.source.clone() lang=lang/></p>
                        </li>
                    }).collect_view()}
                </ul>
                <MoreInDirectory more=more lang=lang/>
            }
            .into_any()
        }}
    }
}

/// The group's own address when published; otherwise say so and offer a LinkedIn search.
pub fn group_link(g: &Group, lang: Lang) -> AnyView {
    let s = t(lang);
    match &g.url {
        Some(url) => view! { <ExternalLink url=url.clone() label=s.linkedin_group.to_string() lang=lang/> }.into_any(),
        None => view! {
            <ExternalLink url=linkedin_search_url(&g.name.en) label=s.link_not_published.to_string() lang=lang/>
        }
        .into_any(),
    }
}

#[component]
fn Timeline(ready: Arc<Ready>, code: String, lang: Lang) -> impl IntoView {
    let data = &ready.loaded.dataset;
    let mut events: Vec<_> = data.events_for(&code).cloned().collect();
    events.sort_by_key(|e| crate::timeline::date_key(&e.date));
    let more = events.len().saturating_sub(DETAILS_PAGE);
    events.truncate(DETAILS_PAGE);
    (!events.is_empty()).then(|| {
        view! {
            <h3>{t(lang).timeline_heading}</h3>
            <ol class="timeline">
                {events.into_iter().map(|e| view! {
                    <li>
                        <time datetime=e.date.clone()>{crate::timeline::format_date(&e.date, lang)}</time> " — " {e.title.get(lang).to_string()}
                        " " <SourceLink url=e.source.clone() lang=lang/>
                    </li>
                }).collect_view()}
            </ol>
            {(more > 0).then(|| view! { <p class="meta">{crate::i18n::more_in_timeline(more, lang)}</p> })}
        }
    })
}

fn focus_in_field() -> bool {
    document()
        .active_element()
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Lists in the details show this many records; the rest are in the directory below, which is
/// narrowed to the country. Keeps selecting a country quick with a very large dataset.
const DETAILS_PAGE: usize = 10;

fn first_page<'a, T: Clone + 'a>(records: impl Iterator<Item = &'a T>) -> (Vec<T>, usize) {
    let all: Vec<&T> = records.collect();
    let more = all.len().saturating_sub(DETAILS_PAGE);
    (all.into_iter().take(DETAILS_PAGE).cloned().collect(), more)
}

#[component]
fn MoreInDirectory(more: usize, lang: Lang) -> impl IntoView {
    (more > 0).then(|| view! { <p class="meta">{crate::i18n::more_in_directory(more, lang)}</p> })
}
