//! The map: every country drawn, priority countries as buttons, mouse and keyboard selection,
//! zoom and reset.

use crate::check;
use crate::page::{Page, TestResult};

const ISRAEL_HIT: &str = "#map-country-IL circle.marker-hit";

async fn the_map_draws_every_country(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let drawn = page.count(".map svg path.land").await?;
    check!((170..=180).contains(&drawn), "{drawn} countries drawn");
    let buttons = page.count(".map [role=button]").await?;
    check!(buttons == 9, "{buttons} priority countries are buttons");
    for name in ["South Korea", "Israel"] {
        check!(page.count(&format!(".map [role=button][aria-label=\"{name}\"]")).await? == 1, "{name} is a button");
    }
    let hidden = page.js("return document.querySelector('.map .background').getAttribute('aria-hidden')").await?;
    check!(hidden == "true", "other shapes are hidden from the accessibility tree");
    Ok(())
}

async fn clicking_israel_opens_its_details(page: &Page) -> TestResult {
    page.open_ready("").await?;
    // The marker's hit area is at least 24×24 CSS px even though Israel is tiny at this scale.
    let size = page
        .js(&format!("const r = document.querySelector('{ISRAEL_HIT}').getBoundingClientRect(); return Math.min(r.width, r.height);"))
        .await?;
    check!(size.as_f64().unwrap_or(0.0) >= 24.0, "hit area {size} px");
    page.click(ISRAEL_HIT).await?;
    check!(page.wait_text(".details:not([hidden]) h2", |t| t == "Israel").await.is_ok(), "details for Israel");
    let url = page.wait_url(|url| url.contains("country=IL")).await;
    check!(url.is_ok(), "URL {url:?}");
    let pressed = page.js("return document.getElementById('map-country-IL').getAttribute('aria-pressed')").await?;
    check!(pressed == "true", "Israel is marked as selected on the map");
    // Selecting another replaces it.
    page.click("#map-country-JP circle.marker-hit").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Japan").await?;
    check!(page.count(".map [aria-pressed=true]").await? == 1, "one selected country");
    Ok(())
}

async fn arrow_keys_and_enter_select_from_the_keyboard(page: &Page) -> TestResult {
    page.open_ready("").await?;
    check!(page.count(".map [role=button][tabindex=\"0\"]").await? == 1, "the map is one tab stop");
    page.js("document.querySelector('.map [role=button][tabindex=\"0\"]').focus()").await?;
    let first = page.focused_label().await?;
    page.keys("\u{e014}").await?; // ArrowRight
    let second = page.focused_label().await?;
    check!(!second.is_empty() && second != first, "ArrowRight moved focus from {first:?} to {second:?}");
    page.keys("\u{e012}").await?; // ArrowLeft
    check!(page.focused_label().await? == first, "ArrowLeft moved back");
    // Walk to South Korea, then Enter.
    for _ in 0..12 {
        if page.focused_label().await? == "South Korea" {
            break;
        }
        page.keys("\u{e014}").await?;
    }
    check!(page.focused_label().await? == "South Korea", "arrows reach South Korea");
    page.keys("\u{e007}").await?; // Enter
    page.wait_text(".details:not([hidden]) h2", |t| t == "South Korea").await?;
    page.wait_js("document.activeElement && document.activeElement.matches('.details:not([hidden]) h2')").await?;
    check!(page.wait_url(|url| url.contains("country=KR")).await.is_ok(), "URL has the country");
    Ok(())
}

async fn zoom_buttons_change_the_view_and_reset_restores_it(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let view_box = || page.js("return document.querySelector('.map svg').getAttribute('viewBox')");
    let start = view_box().await?;
    page.click(".map-controls button:nth-child(1)").await?;
    let zoomed = view_box().await?;
    check!(zoomed != start, "zoom in changed the view");
    page.click(".map-controls button:nth-child(2)").await?;
    page.click(".map-controls button:nth-child(1)").await?;
    page.click(".map-controls button:nth-child(3)").await?;
    check!(view_box().await? == start, "reset restores the whole world");
    Ok(())
}

async fn escape_clears_the_selection(page: &Page) -> TestResult {
    page.open_ready("?country=IL").await?;
    page.wait(".details:not([hidden]) h2").await?;
    page.js("document.getElementById('map-country-IL').focus()").await?;
    page.keys("\u{e00c}").await?; // Escape: closes the tooltip first
    page.keys("\u{e00c}").await?; // then the selection
    page.wait_js("!document.querySelector('.details:not([hidden]) h2')").await?;
    check!(page.wait_url(|url| !url.contains("country=")).await.is_ok(), "URL no longer has a country");
    Ok(())
}

async fn the_map_fits_a_phone_screen(page: &Page) -> TestResult {
    page.resize(360, 800).await?;
    page.open_ready("").await?;
    let overflow = page.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await?;
    check!(overflow.as_i64().unwrap_or(1) <= 0, "no horizontal scrolling at 360 px ({overflow} px)");
    page.click(ISRAEL_HIT).await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Israel").await?;
    page.screenshot("phone-360").await?;
    Ok(())
}

const PRIORITY: [(&str, &str); 9] = [
    ("US", "United States"),
    ("BR", "Brazil"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("IL", "Israel"),
    ("IN", "India"),
    ("CN", "China"),
    ("KR", "South Korea"),
    ("JP", "Japan"),
];

async fn every_priority_country_can_be_selected_by_mouse(page: &Page) -> TestResult {
    page.open_ready("").await?;
    for (code, name) in PRIORITY {
        page.click(&format!("#map-country-{code} circle.marker-hit")).await?;
        page.wait_text(".details:not([hidden]) h2", |t| t == name).await.map_err(|e| format!("{name}: {e}"))?;
        check!(page.wait_url(|url| url.contains(&format!("country={code}"))).await.is_ok(), "URL for {name}");
    }
    Ok(())
}

async fn every_priority_country_can_be_selected_by_keyboard(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let mut seen = Vec::new();
    for _ in 0..PRIORITY.len() {
        page.js("document.querySelector('.map [role=button][tabindex=\"0\"]').focus()").await?;
        let name = page.focused_label().await?;
        page.keys("\u{e007}").await?; // Enter
        page.wait_text(".details:not([hidden]) h2", |t| t == name).await?;
        // Focus moves to the details' heading once they are painted.
        page.wait_js("document.activeElement && document.activeElement.matches('.details:not([hidden]) h2')").await?;
        seen.push(name);
        page.js("document.querySelector('.map [role=button][tabindex=\"0\"]').focus()").await?;
        page.keys("\u{e014}").await?; // ArrowRight to the next country
    }
    for (_, name) in PRIORITY {
        check!(seen.iter().any(|s| s == name), "{name} not reached by keyboard: {seen:?}");
    }
    Ok(())
}

crate::scenarios!(
    every_priority_country_can_be_selected_by_mouse,
    every_priority_country_can_be_selected_by_keyboard,
    the_map_draws_every_country,
    clicking_israel_opens_its_details,
    arrow_keys_and_enter_select_from_the_keyboard,
    zoom_buttons_change_the_view_and_reset_restores_it,
    escape_clears_the_selection,
    the_map_fits_a_phone_screen,
);
