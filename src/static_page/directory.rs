//! The directory as static HTML: each priority country with its details as the app shows them
//! (who is there, its LinkedIn groups, dated facts, source: `render::country_body`), then the
//! coordinating organisations as the directory's cards (`render::entry_card`), in the
//! directory's order.

use std::fmt::Write;

use crate::dataset::{Dataset, Lang};
use crate::directory::{Directory, Entry, Filter, Kind};
use crate::html::text;
use crate::i18n::{data_as_of, t};
use crate::render::{country_body, entry_card, Controls};

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
        let code = &country.id;
        let _ = write!(
            out,
            "<article class=\"static-country\" id=\"country-{code}\" aria-labelledby=\"country-{code}-name\"><h4 id=\"country-{code}-name\">{}</h4>{}</article>",
            text(country.name.get(lang)),
            country_body(data, code, lang, 5, None)
        );
    }
    let _ = write!(out, "<h3 id=\"organisations\">{}</h3><ul class=\"entries\">", s.organisations_heading);
    for org in in_order.iter().filter(|e| e.kind == Kind::Organisation) {
        let _ = write!(out, "<li class=\"entry organisation\">{}</li>", entry_card(org, lang, Controls::Page));
    }
    out.push_str("</ul></section>");
    out
}
