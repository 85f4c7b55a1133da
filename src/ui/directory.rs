//! The directory, taken over from the page (`static_page::directory` writes it): search and
//! filters with counts, the live result count, Download CSV, Copy link, and the entries. The
//! page ships the first page of entries as the app shows them with no filter; a filter hides
//! the rows that no longer match and writes only the ones it needs that are not there yet
//! (`rows.rs`). Every event is handled once for the section, so a row costs no listeners. It
//! is also the map's text alternative.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::countries;
use crate::dataset::Region;
use crate::directory::{Counts, Kind};
use crate::html::{attr, text};
use crate::i18n::{result_count, show_more, t};
use crate::static_page::directory::{active_filters, option_label, short_name, ROWS_PER_PAGE};

use super::dom::{closest, find, find_all, listen, set_hidden};
use super::paging::Paging;
use super::rows::Rows;
use super::state::{AppState, History};

/// Rows written with each change, before the page fills up once they are painted: what shows
/// below the search field as one types (an entry is about 250 px high on a desktop, 300 px on
/// a phone). Each row more costs about half a millisecond a keystroke on a laptop.
const FIRST_ROWS: usize = 4;

/// The directory's section: the page's, found again after newer data rewrote it.
fn section() -> Option<web_sys::Element> {
    document().query_selector("section.directory").ok().flatten()
}

/// Takes the page's directory over; `revision` counts the times it was written again for newer
/// data (`page_data.rs`).
pub fn take_over_directory(state: AppState, revision: ReadSignal<u32>) {
    let Some(events_root) = document().get_element_by_id("atlas") else { return };
    let lang = state.lang;
    // The list's filter, not the view's: a country selected narrows the list (and starts its
    // paging again) a frame after its details are painted.
    let filter = state.list_filter;
    let paging = Paging::new(filter, ROWS_PER_PAGE, FIRST_ROWS);
    let total = Memo::new(move |_| state.outcome.with(|o| o.as_ref().map(|o| o.matching.len())));
    let rows = StoredValue::new_local(Rows::default());

    // The entries: what matches, a page at a time.
    Effect::new(move || {
        revision.track();
        let Some(ready) = state.ready() else { return };
        let Some(list) = section().and_then(|s| find(&s, ".entries")) else { return };
        state.outcome.with(|outcome| {
            let Some(outcome) = outcome else { return };
            let shown = paging.shown(outcome.matching.len());
            rows.update_value(|rows| rows.show(&list, &ready, &outcome.matching[..shown], lang));
        });
    });
    // The count, the words for none, and "Show more".
    Effect::new(move || {
        revision.track();
        let Some(total) = total.get() else { return };
        let Some(section) = section() else { return };
        set_text(find(&section, ".result-count"), &result_count(total, lang));
        if let Some(empty) = find(&section, ".empty") {
            set_hidden(&empty, total > 0);
        }
        if let Some(more) = find(&section, ".show-more") {
            let hidden = total - paging.shown(total);
            set_text(Some(more.clone()), &show_more(hidden.min(paging.page_size()), hidden, lang));
            set_hidden(&more, hidden == 0);
        }
    });
    // The filters in words, for print.
    Effect::new(move || {
        revision.track();
        let Some(ready) = state.ready() else { return };
        let Some(line) = section().and_then(|s| find(&s, ".active-filters")) else { return };
        let words = filter.with(|f| active_filters(f, &ready.directory, lang));
        set_hidden(&line, words.is_empty());
        set_text(Some(line), &words);
    });
    keep_filters_current(state, revision);

    listen(&events_root, "input", move |ev: web_sys::Event| {
        if let Some(search) = closest(&ev, "section.directory #search").and_then(|s| s.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            state.set_search(search.value());
        }
    });
    listen(&events_root, "change", move |ev: web_sys::Event| {
        let Some(select) = closest(&ev, "section.directory select").and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok()) else {
            return;
        };
        let value = select.value();
        state.update_view(History::Replace, |view| match select.id().as_str() {
            "filter-kind" => view.filter.kind = Kind::from_code(&value),
            "filter-region" => view.filter.region = Region::from_code(&value),
            _ => view.filter.org = (!value.is_empty()).then_some(value),
        });
    });
    listen(&events_root, "submit", move |ev: web_sys::Event| {
        if closest(&ev, "section.directory").is_some() {
            ev.prevent_default();
        }
    });
    listen(&events_root, "click", move |ev: web_sys::MouseEvent| {
        if closest(&ev, "section.directory").is_none() {
            return;
        }
        if let Some(country) = closest(&ev, ".entries [data-country]") {
            // A link to the country's details on the page; with the app, it selects.
            ev.prevent_default();
            state.select_country(country.get_attribute("data-country"));
        } else if closest(&ev, ".chip button").is_some() {
            state.close_country();
        } else if closest(&ev, ".clear").is_some() {
            let next = state.view.get_untracked().cleared();
            state.set_view(next, History::Replace);
        } else if closest(&ev, ".download").is_some() {
            download_csv(state);
        } else if let Some(copy) = closest(&ev, ".copy-link button") {
            super::copy_link::copy(state, copy);
        } else if closest(&ev, ".show-more").is_some() {
            paging.show_more();
        }
    });
    // The pointer or focus in an entry marks its countries on the map; elsewhere, none.
    listen(&events_root, "mouseover", move |ev: web_sys::MouseEvent| mark(state, &ev));
    listen(&events_root, "focusin", move |ev: web_sys::FocusEvent| mark(state, &ev));
    listen(&events_root, "mouseleave", move |_: web_sys::MouseEvent| set_highlight(state, Vec::new()));
}

/// The search field, the filters' choices and counts, and the country chip follow the view.
fn keep_filters_current(state: AppState, revision: ReadSignal<u32>) {
    let lang = state.lang;
    Effect::new(move || {
        revision.track();
        let q = state.view.with(|v| v.filter.q.clone());
        if let Some(search) = document().get_element_by_id("search").and_then(|s| s.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            // Not while it is what is being typed: the caret would jump.
            if search.value() != q {
                search.set_value(&q);
            }
        }
    });
    Effect::new(move || {
        revision.track();
        let (kind, region, org) = state.view.with(|v| {
            (
                v.filter.kind.map(|k| k.code()).unwrap_or("").to_string(),
                v.filter.region.map(|r| r.code()).unwrap_or("").to_string(),
                v.filter.org.clone().unwrap_or_default(),
            )
        });
        for (id, value) in [("filter-kind", kind), ("filter-region", region), ("filter-org", org)] {
            if let Some(select) = document().get_element_by_id(id).and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                if select.value() != value {
                    select.set_value(&value);
                }
            }
        }
    });
    // Each option says how many entries it would give: "Office (6)". Only the labels whose
    // count changed are written.
    Effect::new(move || {
        revision.track();
        let Some(ready) = state.ready() else { return };
        let Some(section) = section() else { return };
        state.settled_outcome.with(|outcome| {
            let Some(outcome) = outcome else { return };
            for option in find_all(&section, "select option") {
                let (Some(select), Some(value)) = (option.parent_element(), option.get_attribute("value")) else { continue };
                if value.is_empty() {
                    continue;
                }
                let Some((name, count)) = option_count(&select.id(), &value, &outcome.counts, &ready.directory, lang) else { continue };
                let label = option_label(&name, count);
                if option.text_content().as_deref() != Some(label.as_str()) {
                    option.set_text_content(Some(&label));
                }
            }
        });
    });
    Effect::new(move || {
        revision.track();
        let Some(chip) = section().and_then(|s| find(&s, ".chip")) else { return };
        match state.list_filter.with(|f| f.country.clone()) {
            Some(code) => {
                let name = countries::display_name(&code, lang);
                let s = t(lang);
                chip.set_inner_html(&format!(
                    "{}: {} <button type=\"button\" aria-label=\"{}\">×</button>",
                    s.filter_country,
                    text(&name),
                    attr(&format!("{} {name}", s.close))
                ));
                set_hidden(&chip, false);
            }
            None => set_hidden(&chip, true),
        }
    });
}

/// An option's name and count, by its select and value.
fn option_count(
    select: &str,
    value: &str,
    counts: &Counts,
    directory: &crate::directory::Directory,
    lang: crate::dataset::Lang,
) -> Option<(String, usize)> {
    match select {
        "filter-kind" => {
            Kind::from_code(value).map(|k| (crate::i18n::kind_name(k, lang).to_string(), counts.kinds.get(&k).copied().unwrap_or(0)))
        }
        "filter-region" => {
            Region::from_code(value).map(|r| (crate::i18n::region_name(r, lang).to_string(), counts.regions.get(&r).copied().unwrap_or(0)))
        }
        _ => directory
            .coordinators
            .iter()
            .find(|(id, _)| id == value)
            .map(|(_, name)| (short_name(name.get(lang)).to_string(), counts.orgs.get(value).copied().unwrap_or(0))),
    }
}

fn set_text(el: Option<web_sys::Element>, text: &str) {
    if let Some(el) = el.filter(|el| el.text_content().as_deref() != Some(text)) {
        el.set_text_content(Some(text));
    }
}

/// Downloads the filtered directory as CSV, made in the browser.
fn download_csv(state: AppState) {
    let Some(ready) = state.ready() else { return };
    let lang = state.lang;
    let csv = state.view.with_untracked(|v| crate::export::directory_csv(ready.directory.matches(&v.filter, lang), lang));
    crate::browser::save_file("innovation-atlas.csv", &csv, "text/csv;charset=utf-8");
}

fn mark(state: AppState, ev: &web_sys::Event) {
    let countries = closest(ev, "section.directory li.entry")
        .and_then(|entry| entry.get_attribute("data-countries"))
        .map(|codes| codes.split_whitespace().map(String::from).collect::<Vec<_>>())
        .unwrap_or_default();
    set_highlight(state, countries);
}

/// Pointer moves inside one entry repeat the same countries: the map is not woken for them.
fn set_highlight(state: AppState, countries: Vec<String>) {
    if state.highlight.with_untracked(|h| *h != countries) {
        state.highlight.set(countries);
    }
}
