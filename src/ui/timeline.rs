//! The timeline of dated facts and the annual cycle, taken over from the page
//! (`static_page::timeline` writes them with no filter). When the directory's filters change
//! (or "Show more"), the app writes the facts and the cycle again with the same functions; the
//! page's own stay as long as they are what the view shows.

use leptos::prelude::*;

use crate::directory::Filter;
use crate::static_page::timeline::{cycle, facts, show_more_button, TIMELINE_PAGE};

use super::dom::{by_id, closest, find, listen};
use super::paging::Paging;
use super::state::AppState;

/// Facts written with each change, before the page fills up once they are painted.
const TIMELINE_FIRST: usize = 10;

/// What the timeline's markup shows: the data's version, the filter, the facts shown.
type Shown = (String, Filter, usize);

pub fn take_over_timeline(state: AppState) {
    let Some(atlas) = by_id("atlas") else { return };
    let lang = state.lang;
    let filter = Memo::new(move |_| state.settled_view.with(|v| v.filter.clone()));
    let paging = Paging::new(filter, TIMELINE_PAGE, TIMELINE_FIRST);
    // The page shows the data it was written from, with no filter, one page.
    let page_version = atlas.get_attribute("data-version").unwrap_or_default();
    let written = StoredValue::new(None::<Shown>);
    Effect::new(move || {
        let Some(ready) = state.ready() else { return };
        let Some(section) = document().query_selector(".timeline-section").ok().flatten() else { return };
        let data = &ready.loaded.dataset;
        let filter = filter.get();
        let events = ready.timeline.events(data, &filter, lang);
        let shown = paging.shown(events.len());
        if written.with_value(Option::is_none) {
            let all = ready.timeline.events(data, &Filter::default(), lang).len();
            written.set_value(Some((page_version.clone(), Filter::default(), paging.shown(all))));
        }
        let now: Shown = (ready.loaded.version.clone(), filter, shown);
        let before = written.get_value().unwrap_or_default();
        if before == now {
            return;
        }
        if let Some(list) = find(&section, ".timeline-facts") {
            list.set_inner_html(&facts(data, &events, shown, lang));
        }
        if let Some(more) = find(&section, ".show-more") {
            more.set_outer_html(&show_more_button(events.len() - shown, lang));
        }
        if before.0 != now.0 || before.1 != now.1 {
            if let Some(months) = find(&section, ".cycle-months") {
                months.set_inner_html(&cycle(data, &now.1, lang));
            }
        }
        written.set_value(Some(now));
    });
    listen(&atlas, "click", move |ev: web_sys::MouseEvent| {
        if closest(&ev, ".timeline-section .show-more").is_some() {
            paging.show_more();
        }
    });
}
