//! Writing HTML as text: escaping, and the few link shapes the pages use. Everything the data
//! says goes through [`text`] or [`attr`], so markup in the data stays text; a link is a link
//! only if [`is_safe_link`] says so. Used by the build's static pages and by the app alike
//! (`crate::render`).
//!
//! ```
//! use innovation_atlas::html::{attr, text};
//! assert_eq!(text("<b>R&D</b>"), "&lt;b&gt;R&amp;D&lt;/b&gt;");
//! assert_eq!(attr("say \"hi\""), "say &quot;hi&quot;");
//! ```

use crate::dataset::Lang;
use crate::i18n::t;
use crate::validate::is_safe_link;

/// Text content: `&`, `<` and `>` escaped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value (to go between double quotes): also `"` escaped.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// A link to another site: new tab, no opener, said to open a new tab. An address that is not
/// https is shown as plain text.
pub fn external_link(url: &str, label: &str, lang: Lang) -> String {
    link(url, &text(label), lang)
}

/// Like [`external_link`], around HTML already made (escaped) by the caller.
pub fn link(url: &str, inner: &str, lang: Lang) -> String {
    if !is_safe_link(url) {
        return format!("<span>{inner}</span>");
    }
    format!(
        "<a class=\"external\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{inner}<span class=\"visually-hidden\"> {}</span><span class=\"external-mark\" aria-hidden=\"true\"> ↗</span></a>",
        attr(url),
        text(t(lang).new_tab)
    )
}
