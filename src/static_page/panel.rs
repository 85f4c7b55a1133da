//! The side panel beside the map as the page ships it: the countries to choose from, and every
//! priority country's details (who is there, groups, dated facts, sources), each in its own
//! `<section>`, hidden but the one selected. The app takes the panel over (`ui::details`):
//! selecting a country shows the section that is already there; nothing is built on a click.
//!
//! ```
//! use innovation_atlas::{static_page::panel::side_panel, validate::read_dataset, dataset::Lang};
//! let data = read_dataset(include_str!("../../public/data/initiative.json")).unwrap().dataset;
//! let panel = side_panel(&data, Lang::En);
//! assert!(panel.contains("<section class=\"details\" id=\"details-JP\" data-country=\"JP\""));
//! ```

use std::fmt::Write;

use crate::countries;
use crate::dataset::{Dataset, Lang};
use crate::html::{attr, text};
use crate::i18n::t;
use crate::render::country_body;

/// Lists in the details show this many records; the rest are in the directory below, which is
/// narrowed to the country. Keeps the page small with a very large dataset.
pub const DETAILS_PAGE: usize = 10;

/// The id of a country's details section, and of its heading.
pub fn details_id(code: &str) -> String {
    format!("details-{code}")
}

/// The whole side panel.
pub fn side_panel(data: &Dataset, lang: Lang) -> String {
    format!("<div class=\"side-panel\">{}</div>", panel_content(data, lang))
}

/// What the side panel holds: what the app writes again when a newer data file arrives.
pub fn panel_content(data: &Dataset, lang: Lang) -> String {
    let mut names: Vec<(String, &str)> = data.countries.iter().map(|c| (countries::display_name(&c.code, lang), c.code.as_str())).collect();
    crate::order::sort_by_key(&mut names, |(name, _)| crate::text::sort_key(name, lang));
    let mut out = format!("<div class=\"choose-country\"><p>{}</p><ul class=\"country-choices\">", t(lang).choose_country);
    for (name, code) in &names {
        let _ = write!(out, "<li><a href=\"#details-{code}\" target=\"_self\" data-country=\"{code}\">{}</a></li>", text(name));
    }
    let _ = write!(out, "</ul><p class=\"no-country\" hidden>{}</p></div>", t(lang).no_country_matches);
    for (name, code) in &names {
        out.push_str(&details(data, code, name, lang));
    }
    // Last, so the sections before it keep their order; not read out (the text goes on).
    let _ = write!(out, "<p class=\"more-below\" aria-hidden=\"true\" hidden>{}</p>", t(lang).more_below);
    out
}

/// One country's details: heading, close, body, and on a phone the way back to the map.
/// Also for a code the data does not hold as a priority country (it says so).
pub fn details(data: &Dataset, code: &str, name: &str, lang: Lang) -> String {
    let s = t(lang);
    let id = details_id(code);
    format!(
        "<section class=\"details\" id=\"{id}\" data-country=\"{code}\" aria-labelledby=\"{id}-heading\" hidden><div class=\"details-head\"><h2 id=\"{id}-heading\" tabindex=\"-1\">{}</h2><button type=\"button\" class=\"close\" data-app aria-label=\"{}\">{}</button></div><div class=\"details-body\">{}</div><button type=\"button\" class=\"back-to-map\" data-app>{}</button></section>",
        text(name),
        attr(&format!("{} {name}", s.close)),
        s.close,
        country_body(data, code, lang, 3, Some(DETAILS_PAGE)),
        s.back_to_map
    )
}
