//! The timeline of dated facts and the annual cycle, both narrowed by the directory's filters.
//! Each is an ordered list first (what screen readers and print get); the axis is drawn on top.

use leptos::prelude::*;

use crate::countries;
use crate::i18n::t;
use crate::timeline::{annual_cycle, date_key, format_date, month_name};

use super::links::{ExternalLink, SourceLink};
use super::paging::{Paging, ShowMore};
use super::state::AppState;

const TIMELINE_PAGE: usize = 30;
/// Facts rendered with each change, before the page fills up once they are painted.
const TIMELINE_FIRST: usize = 10;

#[component]
pub fn TimelineSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let items = Memo::new(move |_| {
        let Some(ready) = state.ready() else { return vec![] };
        state.settled_view.with(|v| {
            ready.timeline.events(&ready.loaded.dataset, &v.filter, lang)
                .into_iter()
                .map(|e| {
                    let names: Vec<String> = e.countries.iter().map(|c| countries::display_name(c, lang)).collect();
                    (e.date.clone(), format_date(&e.date, lang), e.title.get(lang).to_string(), names.join(", "), e.source.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    // A long timeline (a large dataset) shows a page at a time, like the directory.
    let paging = Paging::new(items, TIMELINE_PAGE, TIMELINE_FIRST);
    // The axis spans the years of all facts, so positions do not jump as filters change.
    let span = Memo::new(move |_| {
        let years: Vec<u32> = state.ready().map(|r| r.loaded.dataset.events.iter().map(|e| date_key(&e.date).0).collect()).unwrap_or_default();
        (years.iter().min().copied().unwrap_or(2000), years.iter().max().copied().unwrap_or(2020))
    });
    let position = move |date: &str| {
        let (first, last) = span.get();
        let (y, m, _) = date_key(date);
        let t = (y as f64 + (m.max(1) as f64 - 1.0) / 12.0 - first as f64) / ((last - first).max(1) as f64 + 1.0);
        format!("{:.2}%", t * 100.0)
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
                view! {
                    <div class="axis" aria-hidden="true">
                        <span class="axis-year start">{first}</span>
                        <span class="axis-year end">{last}</span>
                        {items.iter().map(|(date, ..)| view! { <span class="axis-dot" style:left=position(date)></span> }).collect_view()}
                    </div>
                    <ol class="timeline-list">
                        {items.into_iter().map(|(date, shown, title, names, source)| view! {
                            <li>
                                <time datetime=date>{shown}</time>
                                <span class="timeline-title">{title}</span>
                                <span class="meta">{names}</span>
                                <SourceLink url=source lang=lang/>
                            </li>
                        }).collect_view()}
                    </ol>
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
            Some(view! {
                <ol class="cycle">
                    {months.into_iter().filter(|(_, a)| !a.is_empty()).map(|(month, activities)| view! {
                        <li>
                            <h4>{month_name(month, lang)}</h4>
                            <ul>
                                {activities.into_iter().map(|a| {
                                    let organiser = a.organiser.as_deref().and_then(|id| data.organisation(id)).map(|o| o.name.get(lang).to_string());
                                    view! {
                                        <li>
                                            {match a.url.clone() {
                                                Some(url) => view! { <ExternalLink url=url label=a.name.get(lang).to_string() lang=lang/> }.into_any(),
                                                None => view! { <span>{a.name.get(lang).to_string()}</span> }.into_any(),
                                            }}
                                            {organiser.map(|o| view! { <span class="meta">" · " {t(lang).organiser} ": " {o}</span> })}
                                            " " <SourceLink url=a.source.clone() lang=lang/>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any())
        }}
    }
}
