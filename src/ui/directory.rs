//! The directory: search and filters, the live result count, and the entries. It is also the
//! map's text alternative.

use std::sync::Arc;

use leptos::prelude::*;

use crate::countries;
use crate::dataset::{Lang, Region};
use crate::directory::{Counts, Entry, Kind};
use crate::i18n::{kind_name, region_name, result_count, t};
use crate::render::{entry_card, Controls};

use super::paging::{Paging, ShowMore};
use super::state::{AppState, History};

/// Rows rendered at first, and added by each "Show more": more would cost frames on large
/// datasets on every keystroke.
const ROWS_PER_PAGE: usize = 30;
/// Rows rendered with each change, before the page fills up once they are painted: what shows
/// below the search field as one types (an entry is about 250 px high on a desktop, 300 px on
/// a phone). Each row more costs about half a millisecond a keystroke on a laptop.
const FIRST_ROWS: usize = 4;

#[component]
pub fn DirectorySection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Every matching index (cheap), of which the first page renders.
    let results = Memo::new(move |_| {
        let ready = state.ready()?;
        let all = state.outcome.with(|o| o.as_ref().map(|o| o.matching.clone()))?;
        Some((ready, all))
    });
    let total = move || results.with(|r| r.as_ref().map(|(_, all)| all.len()).unwrap_or(0));
    let paging = Paging::new(results, ROWS_PER_PAGE, FIRST_ROWS);
    let rows = move || {
        results.with(|r| {
            r.as_ref()
                .map(|(ready, all)| all.iter().take(paging.shown(all.len())).map(|&i| (ready.clone(), i)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="directory" aria-labelledby="directory-heading">
            <h2 id="directory-heading" tabindex="-1">{t(lang).directory_heading}</h2>
            <Filters/>
            <div class="result-bar">
                <p class="result-count" role="status" aria-live="polite">{move || result_count(total(), lang)}</p>
                <div class="result-actions">
                    <button type="button" class="download" on:click=move |_| download_csv(state)>{t(lang).download_csv}</button>
                    <CopyLink/>
                </div>
            </div>
            <Show when=move || total() == 0 && results.with(Option::is_some)>
                <div class="empty">
                    <p>{t(lang).no_results}</p>
                    <button type="button" on:click=move |_| clear_filters(state)>{t(lang).clear_filters}</button>
                </div>
            </Show>
            // Keyed: a keystroke that narrows the list keeps the rows that stay.
            <ul class="entries" on:click=move |ev| EntryEvents::click(state, &ev)
                on:mouseover=move |ev| EntryEvents::mark(state, &ev) on:mouseleave=move |_| EntryEvents::unmark(state)
                on:focusin=move |ev| EntryEvents::mark(state, &ev) on:focusout=move |_| EntryEvents::unmark(state)>
                <For each=rows key=move |(ready, i)| (Arc::as_ptr(ready) as usize, *i, lang) let((ready, i))>
                    <EntryCard entry=ready.directory.entries[i].clone() lang=lang/>
                </For>
            </ul>
            <ShowMore paging=paging total=Signal::derive(total) lang=lang/>
        </section>
    }
}

/// Downloads the filtered directory as CSV, made in the browser.
fn download_csv(state: AppState) {
    let Some(ready) = state.ready() else { return };
    let lang = state.lang;
    let csv = state.view.with_untracked(|v| crate::export::directory_csv(ready.directory.matches(&v.filter, lang), lang));
    crate::browser::save_file("innovation-atlas.csv", &csv, "text/csv;charset=utf-8");
}

fn clear_filters(state: AppState) {
    let next = state.view.get_untracked().cleared();
    state.set_view(next, History::Replace);
}

#[component]
fn Filters() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let counts = Memo::new(move |_| state.settled_outcome.with(|o| o.as_ref().map(|o| o.counts.clone())));
    let q = move || state.view.with(|v| v.filter.q.clone());
    let on_search = move |ev| {
        let value = event_target_value(&ev);
        state.set_search(value);
    };
    // Memos: every option's `selected` reads them, and a keystroke must not wake them all.
    let kind_value = Memo::new(move |_| state.view.with(|v| v.filter.kind.map(|k| k.code()).unwrap_or("")).to_string());
    let region_value = Memo::new(move |_| state.view.with(|v| v.filter.region.map(|r| r.code()).unwrap_or("")).to_string());
    let org_value = Memo::new(move |_| state.view.with(|v| v.filter.org.clone().unwrap_or_default()));
    // The options change with the data or the language only; their counts update in place.
    let kind_options = move || Kind::ALL.into_iter().map(|k| (k.code().to_string(), kind_name(k, lang).to_string())).collect::<Vec<_>>();
    let region_options =
        move || Region::ALL.into_iter().map(|r| (r.code().to_string(), region_name(r, lang).to_string())).collect::<Vec<_>>();
    let org_options = move || {
        let Some(ready) = state.ready() else { return vec![] };
        ready.directory.coordinators.iter().map(|(id, name)| (id.clone(), short_name(name.get(lang)).to_string())).collect::<Vec<_>>()
    };
    let country_chip = move || {
        let code = state.view.with(|v| v.filter.country.clone())?;
        let name = countries::display_name(&code, lang);
        Some(view! {
            <p class="chip">
                {t(lang).filter_country} ": " {name.clone()} " "
                <button type="button" aria-label=format!("{} {name}", t(lang).close) on:click=move |_| state.close_country()>"×"</button>
            </p>
        })
    };

    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field search-field">
                <label for="search">{t(lang).search_label}</label>
                <input id="search" type="search" autocomplete="off" aria-describedby="search-hint"
                    prop:value=q on:input=on_search/>
                <span id="search-hint" class="hint">{t(lang).search_hint}</span>
            </div>
            <FilterSelect id="filter-kind" label=t(lang).filter_kind value=kind_value.into()
                options=Signal::derive(kind_options) counts=counts
                count_of=|c, code| Kind::from_code(code).and_then(|k| c.kinds.get(&k).copied())
                on_change=move |v: String| state.update_view(History::Replace, |view| view.filter.kind = Kind::from_code(&v))/>
            <FilterSelect id="filter-region" label=t(lang).filter_region value=region_value.into()
                options=Signal::derive(region_options) counts=counts
                count_of=|c, code| Region::from_code(code).and_then(|r| c.regions.get(&r).copied())
                on_change=move |v: String| state.update_view(History::Replace, |view| view.filter.region = Region::from_code(&v))/>
            <FilterSelect id="filter-org" label=t(lang).filter_org value=org_value.into()
                options=Signal::derive(org_options) counts=counts
                count_of=|c, code| c.orgs.get(code).copied()
                on_change=move |v: String| state.update_view(History::Replace, |view| view.filter.org = (!v.is_empty()).then_some(v))/>
            {country_chip}
            <button type="button" class="clear" on:click=move |_| clear_filters(state)>{t(lang).clear_filters}</button>
        </form>
    }
}

/// "Vinnova — Sweden's Innovation Agency" → "Vinnova" for a compact option label.
fn short_name(name: &str) -> &str {
    name.split(" — ").next().unwrap_or(name)
}

/// A filter's drop-down. Each option says how many entries it would give: "Office (6)".
#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    /// (value, label without the count), in display order.
    options: Signal<Vec<(String, String)>>,
    counts: Memo<Option<Counts>>,
    count_of: fn(&Counts, &str) -> Option<usize>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let select = NodeRef::<leptos::html::Select>::new();
    let label_of = move |code: &str, text: &str, counts: &Option<Counts>| {
        format!("{text} ({})", counts.as_ref().and_then(|c| count_of(c, code)).unwrap_or(0))
    };
    // One effect rewrites the labels whose count changed. A reactive label per option would
    // make every option of a long list (hundreds of organisations in a large dataset)
    // re-subscribe to `counts` on each keystroke: quadratic in the reactive graph's
    // ordered subscriber sets. `written` mirrors the labels, so unchanged ones cost no DOM call.
    let written = StoredValue::new(Vec::<String>::new());
    Effect::new(move || {
        let Some(select) = select.get() else { return };
        let elements = select.children();
        options.with(|options| {
            counts.with(|counts| {
                written.update_value(|written| {
                    written.resize(options.len(), String::new());
                    for (i, (code, text)) in options.iter().enumerate() {
                        let label = label_of(code, text, counts);
                        if written[i] != label {
                            // Element 0 is "All".
                            if let Some(element) = elements.item(i as u32 + 1) {
                                element.set_text_content(Some(&label));
                            }
                            written[i] = label;
                        }
                    }
                })
            })
        });
    });
    // `selected` gives the initial choice (the select's value cannot be set before its
    // options exist); `prop:value` follows later changes such as Back.
    let option = move |(code, text): (String, String)| {
        let selected = value.with_untracked(|v| *v == code);
        let label = counts.with_untracked(|c| label_of(&code, &text, c));
        view! { <option value=code selected=selected>{label}</option> }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id node_ref=select on:change=move |ev| on_change(event_target_value(&ev)) prop:value=value>
                <option value="" selected=move || value.with(String::is_empty)>{move || t(state.lang).all_option}</option>
                <For each=move || options.get() key=|option| option.clone() children=option/>
            </select>
        </div>
    }
}

/// One entry: its card is plain HTML (`render::entry_card`, the static page's too); it has no
/// listeners of its own (see `EntryEvents`).
#[component]
fn EntryCard(entry: Entry, lang: Lang) -> impl IntoView {
    let class = format!("entry {}", entry.kind.code());
    view! { <li class=class data-countries=entry.countries.join(" ") inner_html=entry_card(&entry, lang, Controls::App)></li> }
}

/// The entries' events, handled once for the whole list: rows then cost no listeners to add
/// on each keystroke and to remove on the next.
struct EntryEvents;

impl EntryEvents {
    /// A country button in an entry selects its country.
    fn click(state: AppState, ev: &web_sys::MouseEvent) {
        if let Some(code) = closest(ev, "button[data-country]").and_then(|b| b.get_attribute("data-country")) {
            state.select_country(Some(code));
        }
    }

    /// The pointer or focus in an entry marks its countries on the map; elsewhere, none.
    fn mark(state: AppState, ev: &web_sys::Event) {
        let countries = closest(ev, "li.entry")
            .and_then(|entry| entry.get_attribute("data-countries"))
            .map(|codes| codes.split_whitespace().map(String::from).collect::<Vec<_>>())
            .unwrap_or_default();
        Self::set_highlight(state, countries);
    }

    fn unmark(state: AppState) {
        Self::set_highlight(state, Vec::new());
    }

    /// Pointer moves inside one entry repeat the same countries: the map is not woken for them.
    fn set_highlight(state: AppState, countries: Vec<String>) {
        if state.highlight.with_untracked(|h| *h != countries) {
            state.highlight.set(countries);
        }
    }
}

/// The element matching `selector` that holds the event's target.
fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

#[component]
fn CopyLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let (message, set_message) = signal(None::<&'static str>);
    let (fallback, set_fallback) = signal(None::<String>);
    let copy = move |_| {
        let url = state.current_url();
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&url);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => {
                    set_fallback.set(None);
                    set_message.set(Some(t(lang).link_copied));
                }
                // No clipboard permission (some browsers, sandboxed frames): show the address
                // selected, ready for Ctrl+C.
                Err(_) => {
                    set_message.set(None);
                    set_fallback.set(Some(url));
                }
            }
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>{t(lang).copy_link}</button>
            <span role="status" class="copy-message">{move || message.get()}</span>
            {move || fallback.get().map(|url| view! {
                <label class="copy-fallback">{t(lang).copy_fallback} " "
                    <input type="text" readonly prop:value=url
                        on:focus=select_all
                        autofocus/>
                </label>
            })}
        </div>
    }
}

fn select_all(ev: leptos::ev::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&ev).select();
}
