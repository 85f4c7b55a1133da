//! The records as HTML, written one way for the build's static pages and for the app: a
//! directory entry's card, and a country's details (summary, who is there, LinkedIn groups,
//! dated facts, source). The app puts them in place with `inner_html`: they need no reactivity,
//! and one small renderer costs the wasm far less than a view tree per kind of record. Every
//! text goes through `html::text`, every link through `html::link` (https only).
//!
//! ```
//! use innovation_atlas::{render, validate::read_dataset, dataset::Lang};
//! let data = read_dataset(include_str!("../public/data/initiative.json")).unwrap().dataset;
//! let details = render::country_body(&data, "KR", Lang::En, 3, None);
//! assert!(details.contains("<h4>Office of Science and Innovation, Seoul</h4>"));
//! ```

use std::fmt::Write;

use crate::countries;
use crate::dataset::{Activity, Dataset, Event, Group, Lang, Office, PresenceKind};
use crate::directory::{linkedin_search_url, source_host, Entry, Kind, LinkKind};
use crate::html::{external_link, link, text};
use crate::i18n::{kind_name, more_in_directory, more_in_timeline, t};
use crate::timeline::{date_key, format_date, month_name};

/// "Source: vinnova.se", linking to a record's source.
pub fn source(url: &str, lang: Lang) -> String {
    let s = t(lang);
    if url.trim().is_empty() {
        return format!("<span class=\"source\">{}</span>", text(s.source_missing));
    }
    format!("<span class=\"source\">{}: {}</span>", text(s.source_label), external_link(url, &source_host(url), lang))
}

/// A country named in a card: a link to its details beside the map, which the app makes
/// select the country (`data-country`).
fn country_control(code: &str, inner: &str, class: &str) -> String {
    format!("<a class=\"{class}\" href=\"#details-{code}\" target=\"_self\" data-country=\"{code}\">{inner}</a>")
}

/// The inside of a directory entry's card (`<article>`). Its title is its control: a country's
/// selects it, another's is its main link (website or LinkedIn group) when it has one.
pub fn entry_card(entry: &Entry, lang: Lang) -> String {
    let s = t(lang);
    let name = format!("<span class=\"entry-name\">{}</span>", text(entry.name.get(lang)));
    let main_link = (entry.kind != Kind::Country)
        .then(|| entry.links.iter().position(|l| matches!(l.kind, LinkKind::Website | LinkKind::LinkedInGroup)))
        .flatten();
    let title = match (entry.kind, main_link) {
        (Kind::Country, _) => country_control(&entry.id, &name, "entry-title"),
        (_, Some(i)) => link(&entry.links[i].url, &name, lang),
        (_, None) => name,
    };
    let place = match (&entry.city, entry.countries.is_empty()) {
        (_, true) => s.in_sweden.to_string(),
        (Some(city), _) => format!("{}, {}", city.get(lang), country_names(&entry.countries, lang)),
        (None, _) => country_names(&entry.countries, lang),
    };
    let mut out = format!(
        "<article><h3>{title}</h3><p class=\"meta\"><span class=\"kind\">{}</span> · {}</p><p>{}</p><div class=\"entry-actions\">",
        kind_name(entry.kind, lang),
        text(&place),
        text(entry.description.get(lang))
    );
    if entry.kind != Kind::Country {
        for code in &entry.countries {
            out.push_str(&country_control(code, &text(&countries::display_name(code, lang)), "country-link"));
        }
    }
    out.push_str("<ul class=\"links\">");
    for (_, l) in entry.links.iter().enumerate().filter(|(i, _)| Some(*i) != main_link) {
        let label = match l.kind {
            LinkKind::Website => s.website,
            LinkKind::LinkedInGroup => s.linkedin_group,
            LinkKind::LinkedInSearch => s.link_not_published,
        };
        let _ = write!(out, "<li>{}</li>", external_link(&l.url, label, lang));
    }
    let _ = write!(out, "</ul></div><p class=\"source-line\">{}</p></article>", source(&entry.source, lang));
    out
}

fn country_names(codes: &[String], lang: Lang) -> String {
    codes.iter().map(|c| countries::display_name(c, lang)).collect::<Vec<_>>().join(", ")
}

/// A country's details under its name: summary, who is there, LinkedIn groups, dated facts and
/// source, with headings at `level` (records' names one below). With `limit`, each list shows
/// that many and says how many more the directory has.
pub fn country_body(data: &Dataset, code: &str, lang: Lang, level: u8, limit: Option<usize>) -> String {
    let s = t(lang);
    let Some(country) = data.country(code) else {
        return format!("<p class=\"summary\">{} {}</p>", text(&countries::display_name(code, lang)), s.not_a_priority_country);
    };
    let (h, item) = (level, level + 1);
    let mut out = format!("<p class=\"summary\">{}</p>", text(country.summary.get(lang)));
    let offices: Vec<&Office> = data.offices_in(code).collect();
    let _ = write!(out, "<h{h}>{}</h{h}>", s.present_heading);
    list(&mut out, "presence", &offices, limit, s.nobody_listed, lang, |o| office_item(data, o, item, lang), more_in_directory);
    let groups: Vec<&Group> = data.groups_for(code).collect();
    let _ = write!(out, "<h{h}>{}</h{h}>", s.groups_heading);
    list(&mut out, "groups", &groups, limit, s.no_groups, lang, |g| group_item(g, item, lang), more_in_directory);
    let mut events: Vec<_> = data.events_for(code).collect();
    crate::order::sort_by_key(&mut events, |e| date_key(&e.date));
    if !events.is_empty() {
        let _ = write!(out, "<h{h}>{}</h{h}>", s.timeline_heading);
        let shown = limit.unwrap_or(usize::MAX).min(events.len());
        out.push_str("<ol class=\"timeline\">");
        for e in &events[..shown] {
            let _ = write!(
                out,
                "<li><time datetime=\"{}\">{}</time> — {} {}</li>",
                text(&e.date),
                text(&format_date(&e.date, lang)),
                text(e.title.get(lang)),
                source(&e.source, lang)
            );
        }
        out.push_str("</ol>");
        if events.len() > shown {
            let _ = write!(out, "<p class=\"meta\">{}</p>", text(&more_in_timeline(events.len() - shown, lang)));
        }
    }
    let _ = write!(out, "<h{h}>{}</h{h}><p>{}</p>", s.sources_heading, source(&country.source, lang));
    out
}

/// A list of records, or the words for none; with `limit`, the rest said as more.
#[allow(clippy::too_many_arguments)]
fn list<T>(
    out: &mut String,
    class: &str,
    records: &[T],
    limit: Option<usize>,
    none: &str,
    lang: Lang,
    item: impl Fn(&T) -> String,
    more: fn(usize, Lang) -> String,
) {
    if records.is_empty() {
        let _ = write!(out, "<p>{}</p>", text(none));
        return;
    }
    let shown = limit.unwrap_or(usize::MAX).min(records.len());
    let _ = write!(out, "<ul class=\"{class}\">");
    for r in &records[..shown] {
        out.push_str(&item(r));
    }
    out.push_str("</ul>");
    if records.len() > shown {
        let _ = write!(out, "<p class=\"meta\">{}</p>", text(&more(records.len() - shown, lang)));
    }
}

fn office_item(data: &Dataset, o: &Office, level: u8, lang: Lang) -> String {
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
    let mut out = format!(
        "<li><h{level}>{}</h{level}><p class=\"meta\">{}</p><p>{}</p>",
        text(o.name.get(lang)),
        text(&meta),
        text(o.description.get(lang))
    );
    if let Some(since) = &o.since {
        let _ = write!(out, "<p class=\"meta\">{} {}</p>", s.since, text(since));
    }
    if let Some(url) = &o.website {
        let _ = write!(out, "<p>{}</p>", external_link(url, s.website, lang));
    }
    let _ = write!(out, "<p>{}</p></li>", source(&o.source, lang));
    out
}

fn group_item(g: &Group, level: u8, lang: Lang) -> String {
    let s = t(lang);
    // The group's own address when published; otherwise say so and offer a LinkedIn search.
    let join = match &g.url {
        Some(url) => external_link(url, s.linkedin_group, lang),
        None => external_link(&linkedin_search_url(&g.name.en), s.link_not_published, lang),
    };
    format!("<li><h{level}>{}</h{level}><p>{join}</p><p>{}</p></li>", text(g.name.get(lang)), source(&g.source, lang))
}

/// A dated fact in the timeline: its date, title, countries and source.
pub fn timeline_item(e: &Event, lang: Lang) -> String {
    format!(
        "<li><time datetime=\"{}\">{}</time><span class=\"timeline-title\">{}</span><span class=\"meta\">{}</span>{}</li>",
        text(&e.date),
        text(&format_date(&e.date, lang)),
        text(e.title.get(lang)),
        text(&country_names(&e.countries, lang)),
        source(&e.source, lang)
    )
}

/// The annual cycle: each month that has activities, with them (name, linked when it has an
/// address; organiser; source).
pub fn annual_cycle(data: &Dataset, months: &[(u32, Vec<&Activity>)], lang: Lang) -> String {
    let s = t(lang);
    let mut out = String::from("<ol class=\"cycle\">");
    for (month, activities) in months.iter().filter(|(_, a)| !a.is_empty()) {
        let _ = write!(out, "<li><h4>{}</h4><ul>", month_name(*month, lang));
        for a in activities {
            let name = match &a.url {
                Some(url) => external_link(url, a.name.get(lang), lang),
                None => format!("<span>{}</span>", text(a.name.get(lang))),
            };
            let organiser = a.organiser.as_deref().and_then(|id| data.organisation(id)).map(|o| o.name.get(lang));
            let organiser = organiser.map(|o| format!("<span class=\"meta\"> · {}: {}</span>", s.organiser, text(o))).unwrap_or_default();
            let _ = write!(out, "<li>{name}{organiser} {}</li>", source(&a.source, lang));
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ol>");
    out
}
