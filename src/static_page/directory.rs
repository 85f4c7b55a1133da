//! The directory as static HTML: each priority country with who is there and its LinkedIn
//! groups, then the coordinating organisations, every record with its source. The same
//! entries, order and links as the app's directory ([`crate::directory`]).

use std::fmt::Write;

use crate::countries;
use crate::dataset::{Dataset, Lang};
use crate::directory::{Directory, Entry, Filter, Kind, LinkKind};
use crate::i18n::{data_as_of, kind_name, t};

use super::html::{external_link, source_link, text};

/// The `<section>` holding the whole directory; its heading is the skip link's target.
pub fn directory_section(data: &Dataset, lang: Lang) -> String {
    let s = t(lang);
    let directory = Directory::new(data);
    let everything = Filter::default();
    let in_order: Vec<&Entry> = directory.matches(&everything, lang).collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"static-directory\" aria-labelledby=\"directory-heading\"><h2 id=\"directory-heading\" tabindex=\"-1\">{}</h2>",
        s.directory_heading
    );
    if let Some(updated) = data.updated.as_deref() {
        let _ = write!(out, "<p class=\"data-as-of\">{}</p>", text(&data_as_of(updated, lang)));
    }
    let _ = write!(out, "<h3 class=\"visually-hidden\">{}</h3>", s.priority_countries_heading);
    for country in in_order.iter().filter(|e| e.kind == Kind::Country) {
        out.push_str(&country_article(data, country, &in_order, lang));
    }
    let _ = write!(out, "<h3 id=\"organisations\">{}</h3><ul class=\"static-entries\">", s.organisations_heading);
    for org in in_order.iter().filter(|e| e.kind == Kind::Organisation) {
        out.push_str(&entry_item(org, lang));
    }
    out.push_str("</ul></section>");
    out
}

/// One priority country: its summary, who is there, its LinkedIn groups, its source.
fn country_article(data: &Dataset, country: &Entry, entries: &[&Entry], lang: Lang) -> String {
    let s = t(lang);
    let code = &country.id;
    let of_kind = |kinds: &[Kind]| -> Vec<&Entry> {
        entries.iter().copied().filter(|e| kinds.contains(&e.kind) && e.countries.contains(code)).collect()
    };
    let present = of_kind(&[Kind::Office, Kind::Scout]);
    let groups = of_kind(&[Kind::Group]);
    let mut out = format!(
        "<article class=\"static-country\" id=\"country-{code}\" aria-labelledby=\"country-{code}-name\"><h4 id=\"country-{code}-name\">{}</h4><p>{}</p>",
        text(country.name.get(lang)),
        text(country.description.get(lang))
    );
    let _ = write!(out, "<h5>{}</h5>", s.present_heading);
    list_or(&mut out, &present, s.nobody_listed, lang);
    let _ = write!(out, "<h5>{}</h5>", s.groups_heading);
    list_or(&mut out, &groups, s.no_groups, lang);
    let source = data.country(code).map(|c| c.source.as_str()).unwrap_or_default();
    let _ = write!(out, "<p>{}</p></article>", source_link(source, lang));
    out
}

fn list_or(out: &mut String, entries: &[&Entry], none: &str, lang: Lang) {
    if entries.is_empty() {
        let _ = write!(out, "<p>{}</p>", text(none));
        return;
    }
    out.push_str("<ul class=\"static-entries\">");
    for entry in entries {
        out.push_str(&entry_item(entry, lang));
    }
    out.push_str("</ul>");
}

/// An office, scout team, group or organisation: name, kind and place, description, links,
/// source.
fn entry_item(entry: &Entry, lang: Lang) -> String {
    let s = t(lang);
    let place = match (&entry.city, entry.countries.is_empty()) {
        (_, true) => s.in_sweden.to_string(),
        (Some(city), _) => city.get(lang).to_string(),
        (None, _) => entry.countries.iter().map(|c| countries::display_name(c, lang)).collect::<Vec<_>>().join(", "),
    };
    let mut out = format!(
        "<li><p class=\"static-name\">{}</p><p class=\"meta\">{} · {}</p><p>{}</p>",
        text(entry.name.get(lang)),
        kind_name(entry.kind, lang),
        text(&place),
        text(entry.description.get(lang))
    );
    for link in &entry.links {
        let label = match link.kind {
            LinkKind::Website => s.website,
            LinkKind::LinkedInGroup => s.linkedin_group,
            LinkKind::LinkedInSearch => s.link_not_published,
        };
        let _ = write!(out, "<p>{}</p>", external_link(&link.url, label, lang));
    }
    let _ = write!(out, "<p>{}</p></li>", source_link(&entry.source, lang));
    out
}
