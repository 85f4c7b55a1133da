//! External links: https only, new tab, no opener, and said to open a new tab.

use leptos::prelude::*;

use crate::dataset::Lang;
use crate::i18n::t;
use crate::directory::source_host;
use crate::validate::is_safe_link;

/// A link to another site, or the label as plain text when the address is not https.
#[component]
pub fn ExternalLink(
    url: String,
    label: String,
    lang: Lang,
    /// A class for the label's own element (e.g. a card title's `entry-name`).
    #[prop(optional)]
    name_class: Option<&'static str>,
) -> impl IntoView {
    let label = view! { <span class=name_class>{label}</span> };
    if is_safe_link(&url) {
        view! {
            <a class="external" href=url target="_blank" rel="noopener noreferrer">
                {label}
                <span class="visually-hidden">" " {t(lang).new_tab}</span>
                <span class="external-mark" aria-hidden="true">" ↗"</span>
            </a>
        }
        .into_any()
    } else {
        view! { <span>{label}</span> }.into_any()
    }
}

/// "Source: host" linking to a record's source.
#[component]
pub fn SourceLink(url: String, lang: Lang) -> impl IntoView {
    let s = t(lang);
    if url.trim().is_empty() {
        return view! { <span class="source">{s.source_missing}</span> }.into_any();
    }
    let host = source_host(&url);
    view! {
        <span class="source">{s.source_label} ": " <ExternalLink url=url label=host lang=lang/></span>
    }
    .into_any()
}
