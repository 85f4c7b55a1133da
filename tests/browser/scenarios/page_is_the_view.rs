//! The page is the view: the app takes over the map and the side panel the page ships instead
//! of building them again, so what the visitor saw before the app ran is what they use after
//! (the same elements, nothing moved), and selecting a country shows the details the page
//! already holds. A data file newer than the page (published from the web editor without a
//! build) is shown in place as soon as it is in.

use serde_json::Value;

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

const SHIPPED: &str = include_str!("../../../public/data/initiative.json");

/// The elements' boxes, for comparing before and after the app starts.
const RECTS: &str = "const rect = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round); }; return [rect('h1'), rect('.map'), rect('.side-panel'), rect('.legend')];";

/// Every element of the map and the panel the page showed before the app ran is on screen
/// after it started: Japan's shape and the Tokyo office's entry are the same DOM nodes, and
/// clicking that shape selects Japan. Nothing moved, and no layout shift was recorded.
async fn the_app_takes_over_the_page_without_building_it_again(page: &Page) -> TestResult {
    // Late enough to look at the page before the app runs.
    page.server.set_reply(&page.scenario, "*.wasm", DataReply::Delay(1500));
    page.open("").await?;
    page.wait(".atlas-view .map svg").await?;
    let before = page.js(RECTS).await?;
    let counted = page
        .js("window.__before = Array.from(document.querySelectorAll('#atlas *'));
             window.__japan = document.querySelector('#map-country-JP .shape');
             window.__tokyo = Array.from(document.querySelectorAll('#details-JP .presence li')).find((li) => li.textContent.includes('Tokyo'));
             return [window.__before.length, !!window.__japan, !!window.__tokyo];")
        .await?;
    check!(page.count("html.app-started").await? == 0, "looked too late: the app had started");
    check!(counted[1] == true && counted[2] == true, "the page holds Japan's shape and the Tokyo office's entry: {counted}");
    page.wait_js("document.documentElement.classList.contains('atlas-ready')").await?;
    page.after_paint().await?;
    let after = page.js(RECTS).await?;
    check!(before == after, "the header, map, panel or legend moved when the app took over: {before} → {after}");
    let gone = page.js("return window.__before.filter((e) => !e.isConnected).map((e) => e.outerHTML.slice(0, 80))").await?;
    check!(gone.as_array().is_some_and(Vec::is_empty), "elements of the page's map, panel, directory or timeline were removed: {gone}");
    check!(page.count(".map [role=button]").await? == 9, "the map's countries are buttons");
    check!(page.count("#directory-heading").await? == 1, "one directory, the app's");

    page.js("window.__japan.scrollIntoView({ block: 'center' }); return true").await?;
    page.click("#map-country-JP circle.marker-hit").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Japan").await?;
    let same = page
        .js("return document.querySelector('#map-country-JP .shape') === window.__japan
                && document.querySelector('#map-country-JP').getAttribute('aria-pressed') === 'true'
                && document.querySelector('.details:not([hidden])').contains(window.__tokyo)
                && window.__tokyo.getClientRects().length > 0")
        .await?;
    check!(same == true, "Japan selected: its shape and the Tokyo entry on screen are the page's own nodes");
    let shifts = page
        .js("return typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('layout-shift')
               ? performance.getEntriesByType('layout-shift').reduce((sum, e) => sum + e.value, 0) : 0;")
        .await?;
    check!(shifts.as_f64() == Some(0.0), "cumulative layout shift {shifts}");
    Ok(())
}

/// A link to a country shows that country from the first frame: the page never shows the
/// countries to choose from and then jumps to the country's details.
async fn a_link_to_a_country_shows_it_before_the_app_runs(page: &Page) -> TestResult {
    page.server.set_reply(&page.scenario, "*.wasm", DataReply::Delay(1500));
    page.open("?country=KR").await?;
    page.wait(".atlas-view .map svg").await?;
    let first = page
        .js("const shown = (e) => !!e && e.getClientRects().length > 0;
             return [document.documentElement.classList.contains('app-started'),
                     shown(document.querySelector('#details-KR h2')), shown(document.querySelector('.choose-country')),
                     getComputedStyle(document.querySelector('#map-country-KR .shape')).fill];")
        .await?;
    check!(first[0] == false, "looked too late: the app had started");
    check!(first[1] == true && first[2] == false, "before the app: South Korea's details show, not the list of countries: {first}");
    check!(
        first[3] != Value::Null && first[3] == page.js("return getComputedStyle(document.querySelector('.legend-selected')).fill").await?,
        "South Korea is coloured as selected: {first}"
    );
    page.wait("html.app-started").await?;
    page.after_paint().await?;
    let later = page.js("return [!!document.querySelector('#details-KR:not([hidden])'), document.querySelectorAll('.details:not([hidden])').length, document.querySelector('#map-country-KR').getAttribute('aria-pressed')]").await?;
    check!(later == serde_json::json!([true, 1, "true"]), "the app shows the same country: {later}");
    // The page's first view gives way to the app's: closing shows the countries again.
    page.click("#details-KR .close").await?;
    page.wait_js(
        "document.querySelector('.choose-country').getClientRects().length > 0 && !document.querySelector('.details:not([hidden])')",
    )
    .await?;
    Ok(())
}

/// The shipped file without Israel (and what only Israel had), with the Tokyo office renamed and
/// Canada added.
fn newer_file() -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut file: Value = serde_json::from_str(SHIPPED)?;
    file["countries"].as_array_mut().ok_or("no countries")?.retain(|c| c["code"] != "IL");
    file["offices"].as_array_mut().ok_or("no offices")?.retain(|o| o["country"] != "IL");
    for list in ["groups", "events"] {
        for record in file[list].as_array_mut().ok_or("no list")? {
            if let Some(codes) = record["countries"].as_array_mut() {
                codes.retain(|c| c != "IL");
            }
        }
        file[list].as_array_mut().ok_or("no list")?.retain(|r| r["countries"].as_array().is_none_or(|c| !c.is_empty()));
    }
    let tokyo = file["offices"].as_array_mut().ok_or("no offices")?.iter_mut().find(|o| o["id"] == "osi-tokyo").ok_or("no Tokyo office")?;
    tokyo["name"]["en"] = Value::String("Tokyo office from the newer file".into());
    // A country the page does not show as a priority one: its outline comes from the page's land layer.
    file["countries"].as_array_mut().ok_or("no countries")?.push(serde_json::json!({
        "code": "CA", "region": "americas",
        "summary": {"en": "A country added by the newer file.", "sv": "Ett land som den nyare filen lade till."},
        "source": "https://www.vinnova.se/en/m/international-innovation-initiative/"
    }));
    Ok(serde_json::to_string_pretty(&file)?.into_bytes())
}

/// A data file newer than the page: the app shows it in place, once, as soon as it is in: the
/// new name shows, the removed country is gone from the map, the panel and the directory, and
/// everything still works (selecting, the keyboard, closing).
async fn a_data_file_newer_than_the_page_is_shown_in_place(page: &Page) -> TestResult {
    page.server.set_reply(&page.scenario, "data/initiative.json", DataReply::Body(newer_file()?));
    page.open("").await?;
    page.wait("html.app-started").await?;
    page.wait_js("!document.getElementById('map-country-IL') && document.documentElement.classList.contains('atlas-ready')").await?;
    check!(page.count("#details-IL").await? == 0, "Israel's details are gone from the panel");
    check!(page.count(".map [role=button]").await? == 9, "nine countries on the map");
    let choices = page.text(".country-choices").await?;
    check!(
        !choices.contains("Israel") && choices.contains("Japan") && choices.contains("Canada"),
        "the countries to choose from: {choices}"
    );
    // Canada drawn as a priority country: its outline, its marker on its land, not at 0,0.
    let canada = page
        .js("const a = document.getElementById('map-country-CA'); const m = a && a.querySelector('circle.marker');
             return a ? [(a.querySelector('.shape').getAttribute('d') || '').length, +m.getAttribute('cx'), +m.getAttribute('cy')] : null;")
        .await?;
    let drawn = canada.as_array().is_some_and(|c| c[0].as_u64() > Some(50) && c[1].as_f64() > Some(100.0) && c[2].as_f64() > Some(20.0));
    check!(drawn, "Canada drawn with its outline and its marker on it: {canada}");
    check!(page.count(".alert").await? == 0, "no error");
    page.click("#map-country-JP circle.marker-hit").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Japan").await?;
    let details = page.text(".details:not([hidden])").await?;
    check!(details.contains("Tokyo office from the newer file"), "Japan's details come from the newer file: {details}");
    let directory = page.text(".directory").await?;
    check!(directory.contains("Tokyo office from the newer file"), "the directory too");
    page.keys("\u{e00c}").await?; // Escape
    page.wait_js("!document.querySelector('.details:not([hidden])')").await?;
    let version = page.js("return document.getElementById('atlas').dataset.version").await?;
    check!(version.as_str().is_some_and(|v| v.len() == 16), "the page says which data it now shows: {version}");
    Ok(())
}

crate::scenarios!(
    the_app_takes_over_the_page_without_building_it_again,
    a_link_to_a_country_shows_it_before_the_app_runs,
    a_data_file_newer_than_the_page_is_shown_in_place,
);
