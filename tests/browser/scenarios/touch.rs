//! The touch pass, on Chromium emulating a 390×844 phone: tap to select, pinch to zoom.

use std::time::Duration;

use fantoccini::actions::{InputSource, PointerAction, TouchActions};
use fantoccini::Locator;

use crate::check;
use crate::page::{Page, TestResult};

async fn tap(page: &Page, css: &str) -> TestResult {
    let target = page.wait(css).await?;
    let finger = TouchActions::new("finger".into())
        .then(PointerAction::MoveToElement { element: target, duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    page.client.perform_actions(finger).await?;
    page.client.release_actions().await?;
    Ok(())
}

async fn tapping_a_country_selects_it(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let width = page.js("return window.innerWidth").await?;
    check!(width == 390, "phone viewport: {width}");
    check!(page.js("return matchMedia('(pointer: coarse)').matches || navigator.maxTouchPoints > 0").await? == true, "touch emulated");
    let hint = page.js("return getComputedStyle(document.getElementById('map-keys')).display").await?;
    check!(hint == "none", "the keyboard hint shows on a touch screen ({hint})");
    for (code, name) in [("IL", "Israel"), ("KR", "South Korea"), ("BR", "Brazil"), ("DE", "Germany")] {
        page.js(&format!("document.getElementById('map-country-{code}').scrollIntoView({{block: 'center'}})")).await?;
        tap(page, &format!("#map-country-{code} circle.marker-hit")).await?;
        page.wait_text(".details:not([hidden]) h2", |t| t == name).await.map_err(|e| format!("tap on {name}: {e}"))?;
    }
    Ok(())
}

async fn pinching_zooms_the_map(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.js("document.querySelector('.map svg').scrollIntoView({block: 'center'})").await?;
    let rect = page
        .js("const r = document.querySelector('.map svg').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];")
        .await?;
    let (cx, cy) = (rect[0].as_f64().unwrap_or(0.0), rect[1].as_f64().unwrap_or(0.0));
    let before = page.js("return document.querySelector('.map svg').getAttribute('viewBox')").await?;
    let finger = |id: &str, from: f64, to: f64| {
        TouchActions::new(id.into())
            .then(PointerAction::MoveTo { duration: None, x: cx + from, y: cy })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::MoveTo { duration: Some(Duration::from_millis(400)), x: cx + to, y: cy })
            .then(PointerAction::Up { button: 0 })
    };
    let fingers: Vec<fantoccini::actions::ActionSequence> = vec![finger("left", -20.0, -110.0).into(), finger("right", 20.0, 110.0).into()];
    page.client.perform_actions(fingers).await?;
    page.client.release_actions().await?;
    let after = page.js("return document.querySelector('.map svg').getAttribute('viewBox')").await?;
    let width = |v: &serde_json::Value| v.as_str().and_then(|s| s.split(' ').nth(2)).and_then(|w| w.parse::<f64>().ok()).unwrap_or(0.0);
    check!(width(&after) < width(&before) * 0.6, "pinch out zoomed in: viewBox {before} → {after}");
    // The page itself did not zoom (the map took the gesture).
    let scale = page.js("return window.visualViewport ? window.visualViewport.scale : 1").await?;
    check!(scale.as_f64() == Some(1.0), "page zoom {scale}");
    let _ = page.client.find(Locator::Css(".map-controls button:nth-child(3)")).await?;
    Ok(())
}

/// A tap on South Korea: the details (below the map on a phone) come into view, their heading
/// takes focus, and "Back to the map" returns to the map and to South Korea on it.
async fn a_tap_brings_the_details_into_view_and_back_leads_to_the_map(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.js("window.scrollTo(0, 0)").await?;
    tap(page, "#map-country-KR circle.marker-hit").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "South Korea").await?;
    let in_view =
        "(() => { const r = document.querySelector(SEL).getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; })()";
    page.wait_js(&in_view.replace("SEL", "'.details:not([hidden]) h2'"))
        .await
        .map_err(|e| format!("the details heading came into view: {e}"))?;
    page.wait_js("document.activeElement && document.activeElement.matches('.details:not([hidden]) h2')").await?;
    page.js("document.querySelector('.details:not([hidden]) .back-to-map').scrollIntoView({block: 'center'})").await?;
    tap(page, ".details:not([hidden]) .back-to-map").await?;
    page.wait_js("Math.abs(document.querySelector('.map').getBoundingClientRect().top) <= 2")
        .await
        .map_err(|e| format!("back at the map: {e}"))?;
    page.wait_js("document.activeElement && document.activeElement.id === 'map-country-KR'").await?;
    Ok(())
}

crate::scenarios!(tapping_a_country_selects_it, pinching_zooms_the_map, a_tap_brings_the_details_into_view_and_back_leads_to_the_map);
