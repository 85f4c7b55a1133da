//! The timeline of dated facts and the annual cycle, both narrowed by the directory's filters.
//! Each is an ordered list first (what screen readers and print get); the axis is drawn on top.

use leptos::prelude::*;

use crate::i18n::t;
use crate::render::{annual_cycle as annual_cycle_html, timeline_item};
use crate::timeline::{annual_cycle, date_key};

use super::paging::{Paging, ShowMore};
use super::state::AppState;

const TIMELINE_PAGE: usize = 30;
/// Facts rendered with each change, before the page fills up once they are painted.
const TIMELINE_FIRST: usize = 10;

#[component]
pub fn TimelineSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // (date, the fact as HTML: `render::timeline_item`)
    let items = Memo::new(move |_| {
        let Some(ready) = state.ready() else { return vec![] };
        state.settled_view.with(|v| {
            ready
                .timeline
                .events(&ready.loaded.dataset, &v.filter, lang)
                .into_iter()
                .map(|e| (e.date.clone(), timeline_item(e, lang)))
                .collect::<Vec<_>>()
        })
    });
    // A long timeline (a large dataset) shows a page at a time, like the directory.
    let paging = Paging::new(items, TIMELINE_PAGE, TIMELINE_FIRST);
    // The axis spans the years of all facts, so positions do not jump as filters change.
    let span = Memo::new(move |_| {
        let years: Vec<u32> =
            state.ready().map(|r| r.loaded.dataset.events.iter().map(|e| date_key(&e.date).0).collect()).unwrap_or_default();
        (years.iter().min().copied().unwrap_or(2000), years.iter().max().copied().unwrap_or(2020))
    });
    let position = move |date: &str| {
        let (first, last) = span.get();
        let (y, m, _) = date_key(date);
        let t = (y as f64 + (m.max(1) as f64 - 1.0) / 12.0 - first as f64) / ((last - first).max(1) as f64 + 1.0);
        format!("{}%", crate::browser::fixed(t * 100.0, 2))
    };
    view! {
        <section class="timeline-section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t(lang).timeline_heading}</h2>
            <p class="hint">{t(lang).timeline_intro}</p>
            {move || {
                let mut items = items.get();
                let shown = paging.shown(items.len());
                items.truncate(shown);
                if items.is_empty() {
                    return view! { <p class="empty-note">{t(lang).timeline_empty}</p> }.into_any();
                }
                let (first, last) = span.get();
                let list: String = items.iter().map(|(_, html)| html.as_str()).collect();
                view! {
                    <div class="axis" aria-hidden="true">
                        <span class="axis-year start">{first}</span>
                        <span class="axis-year end">{last}</span>
                        {items.iter().map(|(date, ..)| view! { <span class="axis-dot" style:left=position(date)></span> }).collect_view()}
                    </div>
                    <ol class="timeline-list" inner_html=list></ol>
                }.into_any()
            }}
            <ShowMore paging=paging total=Signal::derive(move || items.with(Vec::len)) lang=lang/>
            <AnnualCycle/>
        </section>
    }
}

#[component]
fn AnnualCycle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <h3 id="cycle-heading">{t(lang).annual_cycle_heading}</h3>
        <p class="hint">{t(lang).annual_cycle_intro}</p>
        {move || {
            let ready = state.ready()?;
            let data = &ready.loaded.dataset;
            let months = state.settled_view.with(|v| annual_cycle(data, &v.filter));
            if months.iter().all(|(_, a)| a.is_empty()) {
                return Some(view! { <p class="empty-note">{t(lang).annual_cycle_empty}</p> }.into_any());
            }
            Some(view! { <div inner_html=annual_cycle_html(data, &months, lang)></div> }.into_any())
        }}
    }
}
