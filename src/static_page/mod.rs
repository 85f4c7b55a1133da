//! The pages as they ship: the build writes the directory and the map into `index.html`
//! (English) and `sv.html` (Swedish), so that the content is there before any script runs:
//! for visitors without WebAssembly or JavaScript, for search engines and link previews. When
//! the app starts it replaces this content with the interactive map and directory.
//!
//! `src/bin/static_pages.rs` runs [`pages`] on Trunk's output after every build. A data file
//! with any problem fails the build with the validator's messages. The web editor runs
//! [`republish`] on the published pages with a new data file: the same content, written by the
//! same functions, between the same markers, so its pages equal the build's byte for byte.
//!
//! ```
//! use innovation_atlas::static_page::pages;
//! let template = "<html lang=\"en\"><head><title>x</title></head><body><!-- atlas:page --></body></html>";
//! let json = include_str!("../public/data/initiative.json");
//! let pages = pages(template, json).unwrap();
//! assert_eq!(pages[1].0, "sv.html");
//! assert!(pages[1].1.contains("<h1>Internationella innovationsinitiativet</h1>"));
//! ```

pub mod directory;
pub mod map;
pub mod panel;
pub mod timeline;

use std::fmt::Write;

use crate::dataset::{Dataset, Lang};
use crate::i18n::{app_unavailable, data_as_of, page_link, t, Unavailable};
use crate::validate::{data_version, read_dataset};
use crate::world::{world, World};

use crate::html::{attr, external_link, text};

/// Where the page's content goes in Trunk's output.
pub const MARKER: &str = "<!-- atlas:page -->";

/// Around the content in a built page: what [`republish`] replaces.
const CONTENT_START: &str = "<!--atlas:content-->";
const CONTENT_END: &str = "<!--/atlas:content-->";

/// The page file for each language, relative to the site's folder.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "index.html",
        Lang::Sv => "sv.html",
    }
}

/// Both pages, `(file name, html)`, from Trunk's `index.html` and the data file's text.
/// Fails with every message the validator has if the file is not perfectly valid.
pub fn pages(template: &str, json: &str) -> Result<Vec<(&'static str, String)>, String> {
    let data = valid_dataset(json)?;
    let version = data_version(json);
    Lang::ALL.into_iter().map(|lang| Ok((file_name(lang), page(template, &data, &version, world(), lang)?))).collect()
}

/// A built page (`published`, in `lang`) with its content written anew from the data file
/// `json`: everything outside the content (the head with its hashed file names, the scripts)
/// stays byte for byte. For a page the build wrote, this is what the build writes for `json`.
/// Fails like [`pages`] on a data file with any problem, and on a page without the content's
/// markers (not one of this build's pages).
pub fn republish(published: &str, json: &str, lang: Lang) -> Result<String, String> {
    let data = valid_dataset(json)?;
    let not_built = || format!("{}: this is not a page the atlas's build wrote", file_name(lang));
    let start = published.find(CONTENT_START).ok_or_else(not_built)?;
    let end = published[start..].find(CONTENT_END).map(|i| start + i).ok_or_else(not_built)?;
    let content = content(&data, &data_version(json), world(), lang);
    Ok(format!("{}{content}{}", &published[..start], &published[end + CONTENT_END.len()..]))
}

/// The dataset of a data file with no problem at all; else every message the validator has.
fn valid_dataset(json: &str) -> Result<Dataset, String> {
    let loaded = read_dataset(json).map_err(|e| e.message(Lang::En))?;
    if !loaded.problems.is_empty() {
        let messages: Vec<String> = loaded.problems.iter().map(|p| p.message(Lang::En)).collect();
        return Err(messages.join("\n"));
    }
    Ok(loaded.dataset)
}

/// The page's content with its markers.
fn content(data: &Dataset, version: &str, world: &World, lang: Lang) -> String {
    format!("{CONTENT_START}{}{CONTENT_END}", body(data, version, world, lang))
}

/// One language's page: the template with its language, title, description and content;
/// `version` is the data file's ([`data_version`]).
pub fn page(template: &str, data: &Dataset, version: &str, world: &World, lang: Lang) -> Result<String, String> {
    let s = t(lang);
    let mut html = replace_once(template, "<html lang=\"en\">", &format!("<html lang=\"{}\">", lang.code()))?;
    html = replace_between(&html, "<title>", "</title>", s.app_title)?;
    if html.contains("<meta name=\"description\" content=\"") {
        html = replace_between(&html, "<meta name=\"description\" content=\"", "\">", &attr(s.page_description))?;
    }
    // The first frame waits for the whole static page (Chromium; others ignore it): painted in
    // parts, a later part becomes the page's largest paint, and the app's download would start
    // before it. No `<link rel=alternate hreflang>`: it needs an absolute address, which only the
    // host knows; the language switch in the page carries `hreflang`.
    html = replace_once(&html, "</head>", &format!("<link rel=\"expect\" href=\"#{FOOTER_ID}\" blocking=\"render\">\n</head>"))?;
    replace_once(&html, MARKER, &content(data, version, world, lang))
}

/// The page's last element: the first frame is painted once it is parsed.
const FOOTER_ID: &str = "page-footer";

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Sv,
        Lang::Sv => Lang::En,
    }
}

/// Everything between `<body>` and `</body>`.
fn body(data: &Dataset, version: &str, world: &World, lang: Lang) -> String {
    let s = t(lang);
    let other = other(lang);
    let updated = data.updated.as_deref();
    let mut out = String::from("<div id=\"app\" class=\"page\">");
    let _ = write!(out, "<a class=\"skip-link\" href=\"#directory-heading\" target=\"_self\">{}</a>", s.skip_to_directory);
    let _ = write!(out, "<header class=\"page-header\"><h1>{}</h1><p class=\"intro\">{}</p></header>", s.app_title, s.intro);
    out.push_str("<main id=\"main\">");
    let _ = write!(
        out,
        "<div class=\"toolbar\"><a class=\"language-switch\" href=\"{}\" hreflang=\"{code}\" lang=\"{code}\" target=\"_self\">{}</a></div>",
        page_link(other),
        s.other_language,
        code = other.code()
    );
    // Empty, and so not shown, unless the app cannot start: the start-up script fills it in.
    out.push_str("<p id=\"app-status\" class=\"app-status\" role=\"status\"");
    for why in [Unavailable::NoWasm, Unavailable::Failed, Unavailable::Slow] {
        let _ = write!(out, " data-{}=\"{}\"", why.code(), attr(&app_unavailable(why, updated, lang)));
    }
    out.push_str("></p>");
    let _ =
        write!(out, "<noscript><p class=\"app-status\">{}</p></noscript>", text(&app_unavailable(Unavailable::NoScript, updated, lang)));
    // The app's own markup, which it takes over: the data it was written from (the app writes
    // the map's countries, the panel and the directory again if the file it loads is another),
    // the place for the app's notices, the map and beside it (after it, on a phone) the panel,
    // then the directory and the timeline.
    let _ = write!(out, "<div id=\"atlas\" data-version=\"{version}\"><div id=\"app-notices\"></div><div class=\"atlas-view\">");
    out.push_str(&map::map_section(data, world, lang));
    out.push_str(&panel::side_panel(data, lang));
    out.push_str("</div>");
    out.push_str(&directory::directory_section(data, lang));
    out.push_str(&timeline::timeline_section(data, lang));
    out.push_str("</div></main>");
    out.push_str(&footer(data, lang));
    out.push_str("</div>");
    out
}

fn footer(data: &Dataset, lang: Lang) -> String {
    let s = t(lang);
    let statement = match lang {
        Lang::En => "accessibility.html",
        Lang::Sv => "tillganglighet.html",
    };
    let as_of = data.updated.as_deref().map(|d| format!("{} ", text(&data_as_of(d, lang)))).unwrap_or_default();
    format!(
        "<footer class=\"page-footer\" id=\"{FOOTER_ID}\"><p>{as_of}{} {}</p><p><a href=\"{statement}\" target=\"_self\">{}</a></p></footer>",
        s.footer_source_plain,
        external_link(&data.source, &crate::directory::source_host(&data.source), lang),
        s.accessibility_link
    )
}

fn replace_once(html: &str, from: &str, to: &str) -> Result<String, String> {
    match html.matches(from).count() {
        1 => Ok(html.replacen(from, to, 1)),
        n => Err(format!("the page template has {n} × {from:?}, expected exactly one")),
    }
}

/// Replaces what stands between the first `start` and the `end` after it.
fn replace_between(html: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = html.find(start).ok_or_else(|| format!("the page template has no {start:?}"))? + start.len();
    let to = from + html[from..].find(end).ok_or_else(|| format!("the page template has no {end:?} after {start:?}"))?;
    Ok(format!("{}{with}{}", &html[..from], &html[to..]))
}
