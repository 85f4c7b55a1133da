//! The pages' static content, as the build writes it from the shipped data file: everything a
//! visitor without WebAssembly or JavaScript needs, in both languages, safe under the strict CSP.

use innovation_atlas::countries;
use innovation_atlas::dataset::Lang;
use innovation_atlas::static_page::{pages, republish, MARKER};
use innovation_atlas::validate::read_dataset;

const SHIPPED: &str = include_str!("../public/data/initiative.json");
const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>International Innovation Initiative</title>\n<meta name=\"description\" content=\"old\">\n<script type=\"module\" src=\"./loader-0123456789abcdef.js\"></script>\n</head>\n<body>\n<!-- atlas:page -->\n</body>\n</html>\n";

fn both() -> (String, String) {
    let mut pages = pages(TEMPLATE, SHIPPED).expect("the shipped file makes pages");
    assert_eq!(pages.iter().map(|(n, _)| *n).collect::<Vec<_>>(), ["index.html", "sv.html"]);
    let sv = pages.pop().unwrap().1;
    let en = pages.pop().unwrap().1;
    (en, sv)
}

/// The text a reader sees: tags dropped, the few entities the writer makes decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

#[test]
fn every_record_its_city_and_its_source_are_in_both_pages() {
    let data = read_dataset(SHIPPED).unwrap().dataset;
    let (en, sv) = both();
    for (html, lang) in [(&en, Lang::En), (&sv, Lang::Sv)] {
        let text = visible_text(html);
        for c in &data.countries {
            let name = countries::display_name(&c.code, lang);
            assert!(text.contains(&name), "{lang:?}: country {name}");
            assert!(text.contains(c.summary.get(lang)), "{lang:?}: summary of {name}");
            assert!(html.contains(&format!("id=\"details-{}\"", c.code)), "{lang:?}: details of {name}");
        }
        for o in &data.offices {
            assert!(text.contains(o.name.get(lang)), "{lang:?}: office {}", o.name.en);
            assert!(text.contains(o.city.get(lang)), "{lang:?}: city {}", o.city.en);
            assert!(html.contains(&o.source), "{lang:?}: source of {}", o.name.en);
        }
        for g in &data.groups {
            assert!(text.contains(g.name.get(lang)), "{lang:?}: group {}", g.name.en);
        }
        for o in &data.organisations {
            assert!(text.contains(o.name.get(lang)), "{lang:?}: organisation {}", o.name.en);
            assert!(html.contains(&o.source), "{lang:?}: source of {}", o.name.en);
        }
    }
    assert!(visible_text(&en).contains("Seoul") && visible_text(&en).contains("Tel Aviv"));
    assert!(visible_text(&sv).contains("Sydkorea") && visible_text(&sv).contains("Tel Aviv"));
}

#[test]
fn each_page_is_in_its_own_language_and_links_to_the_other() {
    let (en, sv) = both();
    assert!(en.contains("<html lang=\"en\">") && sv.contains("<html lang=\"sv\">"));
    assert!(en.contains("<title>International Innovation Initiative</title>"));
    assert!(sv.contains("<title>Internationella innovationsinitiativet</title>"));
    assert!(en.contains("class=\"language-switch\" href=\"sv.html\" hreflang=\"sv\" lang=\"sv\""));
    assert!(sv.contains("class=\"language-switch\" href=\"./\" hreflang=\"en\" lang=\"en\""));
    assert!(en.contains("Data as of 22 October 2020.") && sv.contains("Uppgifterna gäller per 22 oktober 2020."));
    assert!(!visible_text(&sv).contains("Who is there"), "no English left in the Swedish page");
    assert!(!en.contains(MARKER) && !sv.contains(MARKER));
}

#[test]
fn the_pages_hold_no_script_or_style_the_strict_csp_would_block() {
    let (en, sv) = both();
    for html in [en, sv] {
        assert_eq!(html.matches("<script").count(), 1, "only the template's external loader");
        assert!(!html.contains(" style=") && !html.contains("<style"), "no inline style");
        assert!(!html.contains(" on") || !html.contains("onclick") && !html.contains("onerror"), "no event handler attributes");
        assert!(!visible_text(&html).contains("Loading"), "nothing says Loading: it never finishes without script");
        for link in html.split("<a ").skip(1) {
            let tag = &link[..link.find('>').unwrap()];
            if tag.contains("target=\"_blank\"") {
                assert!(tag.contains("rel=\"noopener noreferrer\""), "external link without rel: {tag}");
                assert!(tag.contains("href=\"https://"), "external link that is not https: {tag}");
            }
        }
    }
}

/// In Chromium the first frame waits for the page's last element: a page painted in parts would
/// have its largest paint after the app's download started (Lighthouse counts that download).
#[test]
fn the_first_frame_waits_for_the_whole_static_page() {
    let (en, sv) = both();
    for html in [en, sv] {
        let head = &html[..html.find("</head>").unwrap()];
        let link = head.split("<link ").find(|l| l.contains("rel=\"expect\"")).expect("a render-blocking expect link");
        assert!(link.contains("blocking=\"render\""), "{link}");
        let id = link.split("href=\"#").nth(1).and_then(|r| r.split('"').next()).unwrap();
        let at = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no element #{id}"));
        assert!(at > html.find("class=\"timeline-section\"").unwrap(), "#{id} comes after the content");
        assert!(!html[at..].contains("<section") && !html[at..].contains("<article"), "#{id} is at the page's end");
        assert!(!head.contains("rel=\"alternate\""), "hreflang alternates need an absolute address the build does not know");
    }
}

#[test]
fn headings_go_in_order_under_one_h1() {
    let (en, _) = both();
    assert_eq!(en.matches("<h1").count(), 1);
    let mut previous = 1;
    for (i, _) in en.match_indices("<h") {
        let Some(level) = en[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else { continue };
        assert!(level <= previous + 1, "h{previous} followed by h{level} at {}", &en[i..i + 60]);
        previous = level;
    }
}

#[test]
fn a_group_without_an_address_offers_the_linkedin_search() {
    let (en, _) = both();
    assert!(en.contains("https://www.linkedin.com/search/results/groups/?keywords="));
    assert!(en.contains("Link not published — search LinkedIn for the group name"));
}

#[test]
fn the_map_carries_every_country_once_with_the_priority_ones_as_links() {
    let (en, _) = both();
    let data = read_dataset(SHIPPED).unwrap().dataset;
    for c in &data.countries {
        assert!(en.contains(&format!("href=\"#details-{}\"", c.code)), "map link for {}", c.code);
        assert_eq!(en.matches(&format!("data-c=\"{}\"", c.code)).count(), 1, "{} drawn once", c.code);
    }
    let shapes = en.matches("data-c=\"").count();
    assert!((170..=260).contains(&shapes), "{shapes} countries carry their code and anchor");
}

#[test]
fn markup_in_the_data_stays_text() {
    let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    v["offices"][0]["name"]["en"] = serde_json::json!("<img src=x onerror=alert(1)>");
    let pages = pages(TEMPLATE, &v.to_string()).unwrap();
    assert!(!pages[0].1.contains("<img src=x"));
    assert!(pages[0].1.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn a_broken_data_file_stops_the_build_with_the_validators_message() {
    let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    v["countries"][3]["code"] = serde_json::json!("XX");
    let error = pages(TEMPLATE, &v.to_string()).unwrap_err();
    assert!(
        error.starts_with("initiative.json: countries[3].code: 'XX' is not an ISO 3166-1 country code\n"),
        "the first problem, then what follows from it: {error}"
    );
    assert!(error.contains("offices[1].country: 'BR' is not one of the file's countries"), "{error}");
    let error = pages(TEMPLATE, "{ \"schema_version\": 1,").unwrap_err();
    assert!(error.starts_with("initiative.json: line 1, column"), "{error}");
}

#[test]
fn a_template_without_the_marker_is_an_error_not_an_empty_page() {
    let error = pages("<html lang=\"en\"><head><title>x</title></head><body></body></html>", SHIPPED).unwrap_err();
    assert!(error.contains("atlas:page"), "{error}");
}

/// The shipped file with the Tokyo office renamed and the Tel Aviv scouts removed: what a web
/// editor's download differs by.
fn edited() -> String {
    let mut file: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    let offices = file["offices"].as_array_mut().unwrap();
    let tokyo = offices.iter_mut().find(|o| o["id"] == "osi-tokyo").unwrap();
    tokyo["name"]["en"] = "Tokyo office, renamed".into();
    tokyo["name"]["sv"] = "Tokyokontoret, omdöpt".into();
    offices.retain(|o| o["id"] != "vinnova-tel-aviv");
    file["updated"] = "2026-12-01".into();
    serde_json::to_string_pretty(&file).unwrap()
}

#[test]
fn the_editors_pages_equal_the_builds_byte_for_byte() {
    let built_before = pages(TEMPLATE, SHIPPED).unwrap();
    let built_after = pages(TEMPLATE, &edited()).unwrap();
    for ((name, before), (_, after)) in built_before.iter().zip(&built_after) {
        let lang = if *name == "sv.html" { Lang::Sv } else { Lang::En };
        let republished = republish(before, &edited(), lang).unwrap();
        assert!(republished == *after, "{name}: the editor's page differs from the build's");
        assert_ne!(republished, *before, "{name}: the edit shows");
    }
    assert!(built_before[0].1.contains("Vinnova's office in Tel Aviv, opened in 2018."), "the removed record was there before");
    let en = republish(&built_before[0].1, &edited(), Lang::En).unwrap();
    assert!(
        en.contains("Tokyo office, renamed") && !en.contains("Vinnova's office in Tel Aviv, opened in 2018."),
        "the new record shows, the removed one is gone"
    );
    assert!(en.contains("1 December 2026"), "Data as of the new file's date");
    let sv = republish(&built_before[1].1, &edited(), Lang::Sv).unwrap();
    assert!(sv.contains("Tokyokontoret, omdöpt"));
}

#[test]
fn republishing_keeps_everything_outside_the_content() {
    let (en, _) = both();
    let republished = republish(&en, &edited(), Lang::En).unwrap();
    let head = |page: &str| page[..page.find("<body>").unwrap()].to_string();
    assert_eq!(head(&republished), head(&en), "the head (hashed file names, scripts) stays byte for byte");
    assert!(republished.ends_with("</body>\n</html>\n"));
}

#[test]
fn republishing_refuses_a_data_file_with_problems_and_a_page_it_did_not_write() {
    let (en, _) = both();
    let broken = SHIPPED.replacen("\"code\": \"JP\"", "\"code\": \"XX\"", 1);
    let error = republish(&en, &broken, Lang::En).unwrap_err();
    assert!(error.contains("'XX' is not an ISO 3166-1 country code"), "{error}");
    let error = republish("<html><body><p>Hello</p></body></html>", SHIPPED, Lang::En).unwrap_err();
    assert!(error.contains("index.html: this is not a page the atlas's build wrote"), "{error}");
}
