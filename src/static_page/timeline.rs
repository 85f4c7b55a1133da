//! The timeline as the page ships it and the app works on it (`ui::timeline` takes it over):
//! the dated facts in order on an axis, a page at a time, and the annual cycle. Written here
//! for any filter, so that the app writes the facts and the cycle again with these same
//! functions when the filters change.
//!
//! ```
//! use innovation_atlas::{static_page::timeline::timeline_section, validate::read_dataset, dataset::Lang};
//! let data = read_dataset(include_str!("../../public/data/initiative.json")).unwrap().dataset;
//! let html = timeline_section(&data, Lang::En);
//! assert!(html.contains("<h2 id=\"timeline-heading\">Timeline</h2>"));
//! ```

use std::fmt::Write;

use crate::dataset::{Dataset, Event, Lang};
use crate::directory::Filter;
use crate::i18n::{show_more, t};
use crate::render::{annual_cycle as annual_cycle_html, timeline_item};
use crate::timeline::{annual_cycle, date_key, Timeline};

use super::directory::rows_shown;

/// Facts shown at first, and added by each "Show more".
pub const TIMELINE_PAGE: usize = 30;

/// The `<section>` with the timeline and the annual cycle, with no filter set.
pub fn timeline_section(data: &Dataset, lang: Lang) -> String {
    let s = t(lang);
    let events = Timeline::new(data).events(data, &Filter::default(), lang);
    let shown = rows_shown(TIMELINE_PAGE, events.len(), TIMELINE_PAGE);
    format!(
        "<section class=\"timeline-section\" aria-labelledby=\"timeline-heading\"><h2 id=\"timeline-heading\">{}</h2><p class=\"hint\">{}</p><div class=\"timeline-facts\">{}</div>{}<h3 id=\"cycle-heading\">{}</h3><p class=\"hint\">{}</p><div class=\"cycle-months\">{}</div></section>",
        s.timeline_heading,
        s.timeline_intro,
        facts(data, &events, shown, lang),
        show_more_button(events.len() - shown, lang),
        s.annual_cycle_heading,
        s.annual_cycle_intro,
        cycle(data, &Filter::default(), lang)
    )
}

/// The first `shown` of `events` on the axis and as an ordered list (what screen readers and
/// print get), or the words for none.
pub fn facts(data: &Dataset, events: &[&Event], shown: usize, lang: Lang) -> String {
    if events.is_empty() {
        return format!("<p class=\"empty-note\">{}</p>", t(lang).timeline_empty);
    }
    // The axis spans the years of all facts, so positions do not jump as filters change.
    let years: Vec<u32> = data.events.iter().map(|e| date_key(&e.date).0).collect();
    let (first, last) = (years.iter().min().copied().unwrap_or(2000), years.iter().max().copied().unwrap_or(2020));
    let mut out = format!(
        "<div class=\"axis\" aria-hidden=\"true\"><span class=\"axis-year start\">{first}</span><span class=\"axis-year end\">{last}</span><svg class=\"axis-dots\">"
    );
    for e in &events[..shown] {
        let (y, m, _) = date_key(&e.date);
        let _ = write!(out, "<circle class=\"axis-dot\" cx=\"{}%\" cy=\"50%\" r=\"5.5\"/>", position(y, m, first, last));
    }
    out.push_str("</svg></div><ol class=\"timeline-list\">");
    for e in &events[..shown] {
        out.push_str(&timeline_item(e, lang));
    }
    out.push_str("</ol>");
    out
}

/// "Show 30 more (…)" when `hidden` facts are not shown yet; hidden itself otherwise.
pub fn show_more_button(hidden: usize, lang: Lang) -> String {
    format!(
        "<button type=\"button\" class=\"show-more\" data-app{}>{}</button>",
        if hidden == 0 { " hidden" } else { "" },
        show_more(hidden.min(TIMELINE_PAGE), hidden, lang)
    )
}

/// The annual cycle under `filter`, or the words for none.
pub fn cycle(data: &Dataset, filter: &Filter, lang: Lang) -> String {
    let months = annual_cycle(data, filter);
    if months.iter().all(|(_, a)| a.is_empty()) {
        return format!("<p class=\"empty-note\">{}</p>", t(lang).annual_cycle_empty);
    }
    annual_cycle_html(data, &months, lang)
}

/// Where a fact of month `m` of year `y` sits on the axis from `first` to `last`, in percent
/// to two decimals. In whole numbers: the same text natively and in the browser (the web
/// editor writes the pages too), and no float formatting in the wasm.
fn position(y: u32, m: u32, first: u32, last: u32) -> String {
    let months = (y.saturating_sub(first) * 12 + m.max(1) - 1) as u64;
    let span = ((last.saturating_sub(first)).max(1) as u64 + 1) * 12;
    let hundredths = (months * 10_000 * 2 + span) / (span * 2);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
