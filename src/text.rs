//! Text folding for search and language-aware sorting.
//!
//! ```
//! use innovation_atlas::{text, dataset::Lang};
//! assert_eq!(text::fold("Brasília"), "brasilia");
//! assert!(text::sort_key("Österrike", Lang::Sv) > text::sort_key("Zambia", Lang::Sv));
//! assert!(text::sort_key("Österrike", Lang::En) < text::sort_key("Zambia", Lang::En));
//! ```

use crate::dataset::Lang;

/// Canonical decomposition (NFD). In the app it is the browser's own, which keeps Unicode's
/// tables out of the wasm file; natively (tests, tools) the unicode-normalization crate.
#[cfg(target_arch = "wasm32")]
fn decompose(s: &str) -> String {
    js_sys::JsString::from(s).normalize("NFD").into()
}

#[cfg(not(target_arch = "wasm32"))]
fn decompose(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

/// The combining diacritical marks that NFD splits off letters (é → e + ◌́).
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// `s` without diacritics; ASCII text (most of it) skips the decomposition.
fn strip_diacritics(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        decompose(s).chars().filter(|c| !is_diacritic(*c)).collect()
    }
}

/// Lower case without diacritics, so "goteborg" finds "Göteborg" and "brasilia" "Brasília".
pub fn fold(s: &str) -> String {
    lower_case(&strip_diacritics(s))
}

/// Lower case. In the app it is the browser's own (Rust's Unicode case tables would cost the
/// wasm 5 kB), natively Rust's; both sides of a search use the same one.
#[cfg(target_arch = "wasm32")]
fn lower_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    js_sys::JsString::from(s).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn lower_case(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// A key that sorts names as a reader of `lang` expects: in Swedish å, ä and ö come after z
/// (and æ, ø sort with ä, ö); other accents sort with their base letter in both languages.
pub fn sort_key(s: &str, lang: Lang) -> Vec<u32> {
    const AFTER_Z: u32 = 'z' as u32;
    let mut key = Vec::with_capacity(s.len());
    for c in lower_case(s).chars() {
        let swedish_letter = match (lang, c) {
            (Lang::Sv, 'å') => Some(1),
            (Lang::Sv, 'ä' | 'æ') => Some(2),
            (Lang::Sv, 'ö' | 'ø') => Some(3),
            _ => None,
        };
        match swedish_letter {
            Some(rank) => key.push(AFTER_Z + rank),
            None if c.is_ascii() => key.push(c as u32),
            None => key.extend(strip_diacritics(c.encode_utf8(&mut [0; 4])).chars().map(|c| c as u32)),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("GÖTEBORG"), "goteborg");
        assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Seoul"), "seoul");
    }

    #[test]
    fn swedish_sorts_a_ring_a_umlaut_o_umlaut_after_z() {
        let mut names = vec!["Österrike", "Ägypten", "Åland", "Zambia", "Albanien"];
        names.sort_by_key(|n| sort_key(n, Lang::Sv));
        assert_eq!(names, ["Albanien", "Zambia", "Åland", "Ägypten", "Österrike"]);
    }

    #[test]
    fn english_sorts_accents_with_their_base_letter() {
        let mut names = vec!["Zambia", "Åland Islands", "Albania"];
        names.sort_by_key(|n| sort_key(n, Lang::En));
        assert_eq!(names, ["Åland Islands", "Albania", "Zambia"]);
    }
}
