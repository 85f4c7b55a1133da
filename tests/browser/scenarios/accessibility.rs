//! WCAG 2.1 AA in every state (axe-core), a keyboard-only walk, and the Swedish interface.

use serde_json::Value;

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

fn axe_source() -> Result<String, Box<dyn std::error::Error>> {
    let modules = std::env::var("ATLAS_NODE_MODULES")
        .unwrap_or_else(|_| format!("{}/.cache/innovation-atlas/node_modules", std::env::var("HOME").unwrap_or_default()));
    let path = format!("{modules}/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e} (scripts/setup.sh test installs it)").into())
}

/// Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page; returns the violations.
async fn axe_violations(page: &Page) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    if page.js("return typeof window.axe").await? != "object" {
        page.js(&format!("{}\n;return true;", axe_source()?)).await?;
    }
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then(r => done(r.passes.length === 0 ? ['axe checked nothing'] : r.violations.map(v => v.id + ' (' + v.impact + '): ' +
                v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));";
    let v = page.client.execute_async(script, vec![]).await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect()).unwrap_or_default())
}

pub(crate) async fn no_violations(page: &Page, state: &str) -> TestResult {
    let v = axe_violations(page).await?;
    check!(v.is_empty(), "{state}: {} violations:\n  {}", v.len(), v.join("\n  "));
    Ok(())
}

async fn axe_finds_no_violations_in_any_state(page: &Page) -> TestResult {
    page.open_ready("").await?;
    no_violations(page, "start").await?;
    page.open_ready("?country=KR").await?;
    page.wait(".details:not([hidden]) h2").await?;
    no_violations(page, "country selected").await?;
    page.open_ready("?kind=office&region=asia").await?;
    no_violations(page, "filters with results").await?;
    page.open_ready("?q=zzzqqq").await?;
    page.wait(".empty").await?;
    no_violations(page, "filters with none").await?;
    page.open_ready("?lang=sv&country=JP").await?;
    no_violations(page, "Swedish").await?;
    page.open_ready("?embed=1").await?;
    no_violations(page, "embed mode").await?;
    page.resize(320, 800).await?;
    page.open_ready("?country=IL").await?;
    no_violations(page, "320 px wide").await?;
    page.resize(1280, 900).await?;
    page.server.set_data(&page.scenario, DataReply::Status(500));
    page.open("").await?;
    page.wait("[role=alert]").await?;
    no_violations(page, "data-error alert").await?;
    Ok(())
}

async fn the_whole_job_with_the_keyboard_alone(page: &Page) -> TestResult {
    page.open_ready("").await?;
    // Tab from the top of the page: first the skip link, then on to the map.
    page.keys("\u{e004}").await?;
    check!(page.focused_label().await? == "Skip to directory", "the first Tab reaches the skip link");
    let mut on_map = false;
    for _ in 0..10 {
        page.keys("\u{e004}").await?;
        let id = page.js("return document.activeElement.id").await?;
        if id.as_str().is_some_and(|id| id.starts_with("map-country-")) {
            on_map = true;
            break;
        }
    }
    check!(on_map, "Tab reaches the map");
    for _ in 0..12 {
        if page.focused_label().await? == "South Korea" {
            break;
        }
        page.keys("\u{e014}").await?;
    }
    check!(page.focused_label().await? == "South Korea", "arrow keys reach South Korea");
    let outline = page.js("return getComputedStyle(document.activeElement.querySelector('.shape')).stroke").await?;
    check!(outline != "none", "focus is visible on the map: stroke {outline}");
    page.keys("\u{e007}").await?;
    page.wait_js("document.activeElement && document.activeElement.matches('.details:not([hidden]) h2')").await?;
    check!(page.text(".details:not([hidden]) h2").await? == "South Korea", "details heading focused");
    page.keys("\u{e00c}").await?;
    page.wait_js("!document.querySelector('.details:not([hidden]) h2')").await?;
    page.wait_js("document.activeElement && document.activeElement.id === 'map-country-KR'").await?;
    // The skip link moves focus to the directory.
    page.js("document.querySelector('.skip-link').focus()").await?;
    page.keys("\u{e007}").await?;
    page.wait_js("document.activeElement && document.activeElement.id === 'directory-heading'").await?;
    Ok(())
}

async fn the_interface_speaks_swedish(page: &Page) -> TestResult {
    page.open_ready("?lang=sv&country=kr").await?;
    check!(page.js("return document.documentElement.lang").await? == "sv", "<html lang> follows");
    check!(page.text("label[for=search]").await? == "Sök", "search label in Swedish");
    check!(page.text(".details:not([hidden]) h2").await? == "Sydkorea", "country name in Swedish");
    let names = page.js("return [...document.querySelectorAll('.map [role=button]')].map(b => b.getAttribute('aria-label'))").await?;
    check!(names.as_array().is_some_and(|a| a.iter().any(|n| n == "Sydkorea")), "map buttons in Swedish: {names}");
    // The switch keeps the rest of the view.
    page.click(".language-switch").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "South Korea").await?;
    let url = page.wait_url(|url| url.contains("lang=en") && url.contains("country=KR")).await;
    check!(url.is_ok(), "{url:?}");
    check!(page.text(".language-switch").await? == "Svenska", "the switch offers Swedish");
    Ok(())
}

async fn swedish_sorting_puts_a_ring_a_umlaut_o_umlaut_last(page: &Page) -> TestResult {
    page.open_ready("?lang=sv&kind=country").await?;
    let names = page.js("return [...document.querySelectorAll('.entry:not([hidden]) .entry-name')].map(h => h.textContent)").await?;
    let names: Vec<&str> = names.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    check!(names.first() == Some(&"Brasilien") && names.last() == Some(&"USA"), "{names:?}");
    Ok(())
}

/// Tab from the top of the page through the map: every stop is a control with a name (in
/// Chromium the map's layer of countries was once a stop of its own, nameless, outlining the
/// whole map).
async fn every_tab_stop_through_the_map_has_a_name(page: &Page) -> TestResult {
    page.open_ready("?country=JP").await?;
    page.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true").await?;
    let mut stops = Vec::new();
    for _ in 0..8 {
        page.keys("\u{e004}").await?; // Tab
        let stop = page
            .js("const e = document.activeElement; if (!e || e === document.body) return null;
                 const name = (e.getAttribute('aria-label') || e.textContent || '').trim();
                 return [e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class').split(' ')[0] : ''), name];")
            .await?;
        let Some([what, name]) =
            stop.as_array().map(|a| [a[0].as_str().unwrap_or("").to_string(), a[1].as_str().unwrap_or("").to_string()])
        else {
            continue;
        };
        check!(!name.is_empty(), "Tab stop {} ({what}) has no name; the stops so far: {stops:?}", stops.len() + 1);
        check!(what != "g.priority-layer" && !what.starts_with("svg"), "the map's layer is a Tab stop: {stops:?}");
        stops.push(format!("{what}: {name}"));
    }
    check!(stops.iter().any(|s| s.contains("Japan")), "Tab reaches the map's country: {stops:?}");
    Ok(())
}

crate::scenarios!(
    every_tab_stop_through_the_map_has_a_name,
    axe_finds_no_violations_in_any_state,
    the_whole_job_with_the_keyboard_alone,
    the_interface_speaks_swedish,
    swedish_sorting_puts_a_ring_a_umlaut_o_umlaut_last,
);
