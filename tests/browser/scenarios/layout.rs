//! Where the answer shows: on a laptop the selected country's details sit beside the map, all
//! in view without scrolling; on a phone they follow the map and come into view, with a way
//! back; in an iframe the host page does not jump. The selected country is named on the map,
//! a card's title is its control, and a list that fits shows whole.

use std::time::Duration;

use serde_json::Value;

use crate::check;
use crate::page::{Page, TestResult};

/// `[top, bottom]` of the first element matching `css`, in viewport pixels.
async fn span(page: &Page, css: &str) -> Result<(f64, f64), Box<dyn std::error::Error>> {
    let v = page.js(&format!("const r = document.querySelector({css:?}).getBoundingClientRect(); return [r.top, r.bottom];")).await?;
    let a = v.as_array().ok_or("no rect")?;
    Ok((a[0].as_f64().unwrap_or(f64::NAN), a[1].as_f64().unwrap_or(f64::NAN)))
}

/// Waits for smooth scrolling to come to rest.
async fn scrolling_settles(page: &Page) -> TestResult {
    let mut last = Value::Null;
    for _ in 0..40 {
        let now = page.js("return [scrollX, scrollY]").await?;
        if now == last {
            return Ok(());
        }
        last = now;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the page kept scrolling".into())
}

async fn in_view(page: &Page, css: &str, what: &str) -> TestResult {
    let (top, bottom) = span(page, css).await?;
    let height = page.js("return innerHeight").await?.as_f64().unwrap_or(0.0);
    check!(top >= -1.0 && bottom <= height + 1.0, "{what} is not in view: {top:.0}–{bottom:.0} of {height} px");
    Ok(())
}

async fn details_open_beside_the_map_on_a_laptop(page: &Page) -> TestResult {
    for (width, height) in [(1280, 800), (1440, 900)] {
        page.resize(width, height).await?;
        page.open_ready("").await?;
        for (code, name, first) in [("JP", "Japan", "Office of Science and Innovation, Tokyo"), ("IL", "Israel", "Tel Aviv")] {
            let before = page.js("return scrollY").await?;
            page.click(&format!("#map-country-{code} circle.marker-hit")).await?;
            page.wait_text(".details:not([hidden]) h2", |t| t == name).await?;
            page.after_paint().await?;
            scrolling_settles(page).await?;
            let at = format!("{width}×{height}, {name}");
            check!(
                page.js("return scrollY").await? == before,
                "{at}: the window scrolled ({before} → {})",
                page.js("return scrollY").await?
            );
            let (map_top, map_bottom) = span(page, ".map").await?;
            check!(map_top >= -1.0 && (map_top + map_bottom) / 2.0 <= height as f64, "{at}: the map's top half is not in view");
            in_view(page, ".details:not([hidden]) h2", &format!("{at}: the heading")).await?;
            in_view(page, ".details:not([hidden]) .summary", &format!("{at}: the summary")).await?;
            in_view(page, ".details:not([hidden]) .presence li", &format!("{at}: the first of who is there")).await?;
            let who = page.text(".details:not([hidden]) .presence li").await?;
            check!(who.contains(first), "{at}: the first of who is there is {who:?}");
            let beside = page.js("return document.querySelector('.details:not([hidden])').getBoundingClientRect().left > document.querySelector('.map').getBoundingClientRect().right").await?;
            check!(beside == true, "{at}: the details are beside the map");
            check!(page.text(".country-label").await? == name, "{at}: the map names the selected country");
        }
        page.screenshot(&format!("details-beside-the-map-{width}")).await?;
    }
    // The map stays usable while a country is open.
    page.click(".map-controls button:nth-child(1)").await?;
    check!(page.count(".map.zoomed").await? == 1, "zoom works with the details open");
    Ok(())
}

async fn on_a_phone_the_details_come_into_view_and_lead_back_to_the_map(page: &Page) -> TestResult {
    page.resize(390, 844).await?;
    page.open_ready("").await?;
    // (South Korea's marker is within a finger of Japan's here: the touch pass taps it.)
    page.click("#map-country-BR circle.marker-hit").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Brazil").await?;
    let heading_in_view = "(() => { const r = document.querySelector('.details:not([hidden]) h2').getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; })()";
    page.wait_js(heading_in_view).await.map_err(|e| format!("the details heading came into view: {e}"))?;
    page.wait_js("document.activeElement && document.activeElement.matches('.details:not([hidden]) h2')").await?;
    page.screenshot("details-on-a-phone").await?;
    page.click(".details:not([hidden]) .back-to-map").await?;
    // The scroll is smooth, and may start a moment later: wait for it to arrive.
    let arrived = page.wait_js("Math.abs(document.querySelector('.map').getBoundingClientRect().top) <= 2").await;
    let (map_top, _) = span(page, ".map").await?;
    check!(arrived.is_ok(), "Back to the map brought the map to the top ({map_top:.0} px)");
    page.wait_js("document.activeElement && document.activeElement.id === 'map-country-BR'").await?;
    Ok(())
}

async fn a_country_cards_title_selects_it(page: &Page) -> TestResult {
    page.open_ready("?kind=country&q=japan").await?;
    let controls = page.js("return [...document.querySelectorAll('.entry.country:not([hidden]) [data-country], .entry.country:not([hidden]) button')].map(b => b.textContent)").await?;
    check!(controls == serde_json::json!(["Japan"]), "one control, the title: {controls}");
    page.click(".entry.country:not([hidden]) h3 a").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Japan").await?;
    Ok(())
}

async fn a_directory_that_fits_shows_every_entry(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 31").await?;
    check!(page.count(".show-more:not([hidden])").await? == 0, "no Show more under a list that fits");
    Ok(())
}

/// In vinnova.se's iframe, choosing a country on the map (in view) does not scroll the host page.
async fn in_an_iframe_choosing_on_the_map_does_not_move_the_host_page(page: &Page) -> TestResult {
    page.client.goto(&page.server.url(&page.scenario, "host.html")).await?;
    page.wait_js("!!(document.querySelector('iframe').contentDocument && document.querySelector('iframe').contentDocument.documentElement && document.querySelector('iframe').contentDocument.documentElement.classList.contains('atlas-ready'))").await?;
    let before = page.js("return scrollY").await?;
    page.frame_click(0, "#map-country-JP circle.marker-hit").await?;
    page.frame_wait(0, "document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden]) h2').textContent === 'Japan'")
        .await?;
    scrolling_settles(page).await?;
    check!(page.js("return scrollY").await? == before, "the host page scrolled from {before}");
    Ok(())
}

crate::scenarios!(
    details_open_beside_the_map_on_a_laptop,
    on_a_phone_the_details_come_into_view_and_lead_back_to_the_map,
    a_country_cards_title_selects_it,
    a_directory_that_fits_shows_every_entry,
    in_an_iframe_choosing_on_the_map_does_not_move_the_host_page,
);
