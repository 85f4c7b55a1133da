//! The whole view as it lives in the address bar: `?q=&kind=&region=&org=&country=&lang=&embed=&debug=`.
//!
//! Unknown or malformed values are dropped, never an error: a shared link with a typo still opens.
//!
//! ```
//! use innovation_atlas::view_state::ViewState;
//! let view = ViewState::from_query("?country=kr&kind=office&q=Bras%C3%ADlia&bogus=1");
//! assert_eq!(view.filter.country.as_deref(), Some("KR"));
//! assert_eq!(view.to_query(), "?q=Bras%C3%ADlia&kind=office&country=KR");
//! ```

use crate::countries;
use crate::dataset::{Lang, Region};
use crate::directory::{Filter, Kind};
use crate::schema::is_plain_id;

/// Where the view goes in the host's link template (`public/embed.js` sends it).
pub const HOST_VIEW_PLACEHOLDER: &str = "__VIEW__";

/// Longest search text kept from a URL; longer input is cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    /// `None`: the browser's language decides.
    pub lang: Option<Lang>,
    /// Inside the Vinnova page's iframe: no header, no history entries.
    pub embed: bool,
    /// Shows the data-problems panel to editors.
    pub debug: bool,
    /// Shows the web editor's draft from this browser instead of the published data (the
    /// editor's preview).
    pub draft: bool,
}

impl ViewState {
    /// Reads a raw query string (with or without the leading `?`).
    pub fn from_query(query: &str) -> ViewState {
        let pairs = parse_query(query);
        ViewState::from_lookup(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// Reads decoded parameters through `get` (e.g. leptos_router's query map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> ViewState {
        let flag = |key| get(key).is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
        ViewState {
            filter: Filter {
                q: get("q").map(|q| clean_search_text(&q)).unwrap_or_default(),
                kind: get("kind").and_then(|k| Kind::from_code(k.trim())),
                region: get("region").and_then(|r| Region::from_code(r.trim())),
                org: get("org").filter(|o| is_plain_id(o)),
                country: get("country").and_then(|c| country_code(&c)),
            },
            lang: get("lang").and_then(|l| Lang::from_code(&l)),
            embed: flag("embed"),
            debug: flag("debug"),
            draft: flag("draft"),
        }
    }

    /// The query string for this view: `?…`, or empty for the default view.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let f = &self.filter;
        if !f.q.is_empty() {
            pairs.push(("q", f.q.clone()));
        }
        pairs.extend(f.kind.map(|k| ("kind", k.code().to_string())));
        pairs.extend(f.region.map(|r| ("region", r.code().to_string())));
        pairs.extend(f.org.clone().map(|o| ("org", o)));
        pairs.extend(f.country.clone().map(|c| ("country", c)));
        pairs.extend(self.lang.map(|l| ("lang", l.code().to_string())));
        if self.embed {
            pairs.push(("embed", "1".into()));
        }
        if self.debug {
            pairs.push(("debug", "1".into()));
        }
        if self.draft {
            pairs.push(("draft", "1".into()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect();
        format!("?{}", joined.join("&"))
    }

    /// The view as a host page's address carries it (see `public/embed.js`): `country=JP&q=seoul`,
    /// without `?`, embed or debug, nor the iframe's own language (`frame_lang`, when known).
    pub fn host_view(&self, frame_lang: Option<Lang>) -> String {
        let lang = self.lang.filter(|l| Some(*l) != frame_lang);
        let shared = ViewState { embed: false, debug: false, draft: false, lang, ..self.clone() };
        shared.to_query().trim_start_matches('?').to_string()
    }

    /// The host page's address showing this view, for "Copy link" inside its iframe: `start`
    /// (the host's address without a view) or `link` with the view in place of `__VIEW__`.
    ///
    /// ```
    /// use innovation_atlas::{dataset::Lang, view_state::ViewState};
    /// let view = ViewState::from_query("?country=JP&embed=1&lang=en");
    /// let link = "https://www.vinnova.se/a/?x=1&atlas=__VIEW__#contact";
    /// assert_eq!(
    ///     view.host_link("https://www.vinnova.se/a/?x=1#contact", link, Some(Lang::En)),
    ///     "https://www.vinnova.se/a/?x=1&atlas=country%3DJP#contact"
    /// );
    /// ```
    pub fn host_link(&self, start: &str, link: &str, frame_lang: Option<Lang>) -> String {
        match self.host_view(frame_lang) {
            view if view.is_empty() => start.to_string(),
            view => link.replacen(HOST_VIEW_PLACEHOLDER, &percent_encode(&view), 1),
        }
    }

    /// The same view with no filters (language, embed and debug kept).
    pub fn cleared(&self) -> ViewState {
        ViewState { filter: Filter::default(), ..self.clone() }
    }
}

fn clean_search_text(q: &str) -> String {
    q.chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect()
}

fn country_code(s: &str) -> Option<String> {
    let code = s.trim().to_ascii_uppercase();
    (code.len() == 2 && countries::is_iso_code(&code)).then_some(code)
}

/// Splits and decodes `a=b&c=d` (`+` is a space). Broken escapes are kept as text.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if hex(i + 1).is_some() && hex(i + 2).is_some() => {
                out.push((hex(i + 1).unwrap_or(0) * 16 + hex(i + 2).unwrap_or(0)) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
