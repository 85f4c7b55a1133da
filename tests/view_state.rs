//! The view in the URL: round trips, and malformed input that must not break anything.

use innovation_atlas::dataset::{Lang, Region};
use innovation_atlas::directory::{Filter, Kind};
use innovation_atlas::view_state::{ViewState, MAX_QUERY_CHARS};

#[test]
fn format_then_parse_is_identity() {
    let views = [
        ViewState::default(),
        ViewState {
            filter: Filter {
                q: "Göteborg & co=1?#".into(),
                kind: Some(Kind::Group),
                region: Some(Region::MiddleEastAfrica),
                org: Some("business-sweden".into()),
                country: Some("IL".into()),
            },
            lang: Some(Lang::Sv),
            embed: true,
            debug: true,
            draft: true,
        },
        ViewState { filter: Filter { q: "a+b c".into(), ..Filter::default() }, ..ViewState::default() },
    ];
    for v in views {
        assert_eq!(ViewState::from_query(&v.to_query()), v, "{}", v.to_query());
    }
}

#[test]
fn country_codes_are_case_insensitive() {
    assert_eq!(ViewState::from_query("country=kr").filter.country.as_deref(), Some("KR"));
}

#[test]
fn malformed_values_are_ignored() {
    let v = ViewState::from_query("?country=XX&kind=robot&region=mars&org=<script>&lang=de&embed=maybe&q=%E2%28%A1&%%%=&&=");
    assert_eq!(v.filter.country, None);
    assert_eq!(v.filter.kind, None);
    assert_eq!(v.filter.region, None);
    assert_eq!(v.filter.org, None);
    assert_eq!(v.lang, None);
    assert!(!v.embed);
    assert!(!v.filter.q.is_empty(), "broken UTF-8 is kept as replacement characters, not dropped");
}

#[test]
fn long_and_hostile_search_text_is_cut_and_kept_as_text() {
    let long = "å".repeat(5000);
    let v = ViewState::from_query(&format!("q={long}"));
    assert_eq!(v.filter.q.chars().count(), MAX_QUERY_CHARS);
    let v = ViewState::from_query("q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%0A");
    assert_eq!(v.filter.q, "<img src=x onerror=alert(1)>");
}

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(ViewState::default().to_query(), "");
    assert_eq!(ViewState::from_query("?lang=sv&q=x").cleared().to_query(), "?lang=sv");
}

#[test]
fn the_host_page_carries_the_view_without_what_is_the_iframes_own() {
    let view = ViewState::from_query("?country=JP&q=tokyo&embed=1&debug=1&draft=1&lang=sv");
    assert_eq!(view.host_view(Some(Lang::Sv)), "q=tokyo&country=JP", "no embed, debug, draft, nor the iframe's own language");
    assert_eq!(view.host_view(Some(Lang::En)), "q=tokyo&country=JP&lang=sv", "a language other than the iframe's is kept");
    let start = "https://www.vinnova.se/a/?tab=2#contact";
    let link = "https://www.vinnova.se/a/?tab=2&atlas=__VIEW__#contact";
    assert_eq!(view.host_link(start, link, Some(Lang::Sv)), "https://www.vinnova.se/a/?tab=2&atlas=q%3Dtokyo%26country%3DJP#contact");
    assert_eq!(ViewState::from_query("?embed=1").host_link(start, link, None), start, "no view: the host's own address");
}
