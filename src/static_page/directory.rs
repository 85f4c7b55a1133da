//! The directory as the page ships it and the app works on it (`ui::directory` takes it over):
//! search and filters (each option with its count), the result count, Download CSV and Copy
//! link (marked `data-app`: they need the app), and the first page of entries, each a card
//! (`render::entry_card`) in the directory's order, as the app shows them with no filter.
//! Further rows are written by the app with [`entry_row`] when a filter or "Show more" asks.
//!
//! ```
//! use innovation_atlas::{static_page::directory::directory_section, validate::read_dataset, dataset::Lang};
//! let data = read_dataset(include_str!("../../public/data/initiative.json")).unwrap().dataset;
//! let html = directory_section(&data, Lang::En);
//! assert!(html.contains("<p class=\"result-count\" role=\"status\" aria-live=\"polite\">31 entries</p>"));
//! assert_eq!(html.matches("<li class=\"entry ").count(), 31);
//! ```

use std::fmt::Write;

use crate::dataset::{Dataset, Lang, Region};
use crate::directory::{Counts, Directory, Entry, Filter, Kind};
use crate::html::{attr, text};
use crate::i18n::{data_as_of, kind_name, region_name, result_count, show_more, t};
use crate::render::entry_card;

/// Rows shown at first, and added by each "Show more": more would cost frames on large
/// datasets on every keystroke.
pub const ROWS_PER_PAGE: usize = 30;

/// The `<section>` holding the directory; its heading is the skip link's target.
pub fn directory_section(data: &Dataset, lang: Lang) -> String {
    format!("<section class=\"directory\" aria-labelledby=\"directory-heading\">{}</section>", directory_content(data, lang))
}

/// What the directory's section holds: what the app writes again when a newer data file arrives.
pub fn directory_content(data: &Dataset, lang: Lang) -> String {
    let s = t(lang);
    let directory = Directory::new(data);
    let outcome = directory.outcome(&Filter::default(), lang);
    let total = outcome.matching.len();
    let shown = rows_shown(ROWS_PER_PAGE, total, ROWS_PER_PAGE);
    let mut out = format!("<h2 id=\"directory-heading\" tabindex=\"-1\">{}</h2>", s.directory_heading);
    if let Some(updated) = data.updated.as_deref() {
        let _ = write!(out, "<p class=\"data-as-of\">{}</p>", text(&data_as_of(updated, lang)));
    }
    out.push_str(&filters(&directory, &outcome.counts, lang));
    let _ = write!(
        out,
        "<div class=\"result-bar\"><p class=\"result-count\" role=\"status\" aria-live=\"polite\">{}</p><p class=\"active-filters\" hidden></p><div class=\"result-actions\" data-app><button type=\"button\" class=\"download\">{}</button><div class=\"copy-link\"><button type=\"button\">{}</button><span role=\"status\" class=\"copy-message\"></span></div></div></div>",
        result_count(total, lang),
        s.download_csv,
        s.copy_link
    );
    let _ = write!(
        out,
        "<div class=\"empty\" hidden><p>{}</p><button type=\"button\" class=\"clear\">{}</button></div>",
        s.no_results, s.clear_filters
    );
    out.push_str("<ul class=\"entries\">");
    for &i in &outcome.matching[..shown] {
        out.push_str(&entry_row(&directory.entries[i], i, lang));
    }
    out.push_str("</ul>");
    let hidden = total - shown;
    let _ = write!(
        out,
        "<button type=\"button\" class=\"show-more\" data-app{}>{}</button>",
        if hidden == 0 { " hidden" } else { "" },
        show_more(hidden.min(ROWS_PER_PAGE), hidden, lang)
    );
    out
}

/// One entry of the list: `index` is its place in `Directory::entries`.
pub fn entry_row(entry: &Entry, index: usize, lang: Lang) -> String {
    format!(
        "<li class=\"entry {}\" data-entry=\"{index}\" data-countries=\"{}\">{}</li>",
        entry.kind.code(),
        entry.countries.join(" "),
        entry_card(entry, lang)
    )
}

/// Search and the three filters, with no filter set: each option with its count.
fn filters(directory: &Directory, counts: &Counts, lang: Lang) -> String {
    let s = t(lang);
    let mut out = format!(
        "<form class=\"filters\" role=\"search\" data-app><div class=\"field search-field\"><label for=\"search\">{}</label><input id=\"search\" type=\"search\" autocomplete=\"off\" aria-describedby=\"search-hint\"><span id=\"search-hint\" class=\"hint\">{}</span></div>",
        s.search_label, s.search_hint
    );
    let kinds: Vec<(String, String, usize)> =
        Kind::ALL.into_iter().map(|k| (k.code().into(), kind_name(k, lang).into(), counts.kinds.get(&k).copied().unwrap_or(0))).collect();
    let regions: Vec<(String, String, usize)> = Region::ALL
        .into_iter()
        .map(|r| (r.code().into(), region_name(r, lang).into(), counts.regions.get(&r).copied().unwrap_or(0)))
        .collect();
    let orgs: Vec<(String, String, usize)> = directory
        .coordinators
        .iter()
        .map(|(id, name)| (id.clone(), short_name(name.get(lang)).into(), counts.orgs.get(id).copied().unwrap_or(0)))
        .collect();
    for (id, label, options) in
        [("filter-kind", s.filter_kind, kinds), ("filter-region", s.filter_region, regions), ("filter-org", s.filter_org, orgs)]
    {
        let _ = write!(
            out,
            "<div class=\"field\"><label for=\"{id}\">{label}</label><select id=\"{id}\"><option value=\"\" selected>{}</option>",
            s.all_option
        );
        for (value, name, count) in options {
            let _ = write!(out, "<option value=\"{}\">{}</option>", attr(&value), text(&option_label(&name, count)));
        }
        out.push_str("</select></div>");
    }
    let _ = write!(out, "<p class=\"chip\" hidden></p><button type=\"button\" class=\"clear\">{}</button></form>", s.clear_filters);
    out
}

/// The filters in force, in words, for the printed page ("Country: South Korea; Search:
/// ”seoul”"): on paper the controls are gone and "3 entries" needs them. Empty with no filter.
///
/// ```
/// use innovation_atlas::{static_page::directory::active_filters, directory::{Directory, Filter}};
/// use innovation_atlas::{validate::read_dataset, dataset::Lang};
/// let data = read_dataset(include_str!("../../public/data/initiative.json")).unwrap().dataset;
/// let filter = Filter { q: "seoul".into(), country: Some("KR".into()), ..Filter::default() };
/// assert_eq!(active_filters(&filter, &Directory::new(&data), Lang::En), "Filters: Search: “seoul”; Country: South Korea");
/// assert_eq!(active_filters(&Filter::default(), &Directory::new(&data), Lang::En), "");
/// ```
pub fn active_filters(filter: &Filter, directory: &Directory, lang: Lang) -> String {
    let s = t(lang);
    let (open, close) = match lang {
        Lang::En => ('“', '”'),
        Lang::Sv => ('”', '”'),
    };
    let mut parts = Vec::new();
    if !filter.q.trim().is_empty() {
        parts.push(format!("{}: {open}{}{close}", s.search_label, filter.q.trim()));
    }
    if let Some(kind) = filter.kind {
        parts.push(format!("{}: {}", s.filter_kind, kind_name(kind, lang)));
    }
    if let Some(region) = filter.region {
        parts.push(format!("{}: {}", s.filter_region, region_name(region, lang)));
    }
    if let Some((_, name)) = filter.org.as_ref().and_then(|org| directory.coordinators.iter().find(|(id, _)| id == org)) {
        parts.push(format!("{}: {}", s.filter_org, short_name(name.get(lang))));
    }
    if let Some(code) = &filter.country {
        parts.push(format!("{}: {}", s.filter_country, crate::countries::display_name(code, lang)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}: {}", s.active_filters, parts.join("; "))
    }
}

/// "Office (6)": an option with the number of entries it would give.
pub fn option_label(name: &str, count: usize) -> String {
    format!("{name} ({count})")
}

/// "Vinnova — Sweden's Innovation Agency" → "Vinnova" for a compact option label.
pub fn short_name(name: &str) -> &str {
    name.split(" — ").next().unwrap_or(name)
}

/// How many of `total` rows show when `asked` were asked for (a screenful first, then whole
/// pages): never a remainder smaller than a quarter of a page behind "Show more", so 31
/// entries show 31, not 30 and a button.
pub fn rows_shown(asked: usize, total: usize, page: usize) -> usize {
    let remainder = total.saturating_sub(asked);
    if asked >= page && remainder * 4 < page {
        total
    } else {
        asked.min(total)
    }
}

#[cfg(test)]
mod tests {
    use super::rows_shown;

    // How long lists page (crate::ui::paging shows them this way).

    #[test]
    fn a_remainder_under_a_quarter_page_shows_with_the_page() {
        assert_eq!(rows_shown(30, 31, 30), 31, "31 entries show 31");
        assert_eq!(rows_shown(30, 37, 30), 37, "7 more are under a quarter of 30");
        assert_eq!(rows_shown(60, 65, 30), 65, "also after Show more");
    }

    #[test]
    fn a_larger_remainder_waits_behind_show_more() {
        assert_eq!(rows_shown(30, 38, 30), 30, "8 more are a quarter page or more");
        assert_eq!(rows_shown(30, 2209, 30), 30, "the ×100 data still pages");
        assert_eq!(rows_shown(60, 2209, 30), 60);
    }

    #[test]
    fn the_first_screenful_is_never_stretched() {
        assert_eq!(rows_shown(4, 31, 30), 4, "the first step stays small; the page follows");
        assert_eq!(rows_shown(4, 3, 30), 3);
        assert_eq!(rows_shown(30, 0, 30), 0);
    }
}
