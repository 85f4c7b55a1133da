//! Reading the page as demanding visitors do (issue #27): Swedish with WCAG 1.4.12's text
//! spacing on a 320 px phone, a side panel that says when it has more below, and a panel that
//! offers no country when the filters leave none.

use crate::check;
use crate::page::{Page, TestResult};

/// WCAG 1.4.12's spacing, as the usual bookmarklet sets it, over the page's own styles.
const TEXT_SPACING: &str = "const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; return true;";

async fn swedish_with_text_spacing_fits_a_phone(page: &Page) -> TestResult {
    page.resize(320, 700).await?;
    page.open("sv.html").await?;
    page.wait("html.atlas-ready").await?;
    page.js(TEXT_SPACING).await?;
    page.after_paint().await?;
    let wide = page
        .js("const page = document.documentElement.scrollWidth;
             const cut = [...document.querySelectorAll('h1, h2, h3')].filter((h) => h.offsetParent && !h.closest('.visually-hidden') && h.scrollWidth > h.clientWidth + 1)
               .map((h) => h.textContent.trim());
             return JSON.stringify({ page, width: window.innerWidth, cut });")
        .await?;
    let wide: serde_json::Value = serde_json::from_str(wide.as_str().unwrap_or("{}"))?;
    check!(wide["page"].as_f64() <= wide["width"].as_f64(), "the Swedish page scrolls sideways with text spacing: {wide}");
    check!(wide["cut"].as_array().is_some_and(|c| c.is_empty()), "headings run past their edge: {wide}");
    let footer = page.js("return document.querySelector('.page-footer').textContent").await?;
    let footer = footer.as_str().unwrap_or("");
    check!(
        footer.contains("”International Innovation Initiative”") && !footer.contains('“'),
        "Swedish quote marks in the footer: {footer:?}"
    );
    Ok(())
}

/// Beside the map the panel scrolls on its own: while there is more below, it says so, in words
/// and with a border (what forced colours keep), and the panel has an edge there too.
async fn the_side_panel_says_when_there_is_more_below(page: &Page) -> TestResult {
    page.resize(1280, 800).await?;
    page.open_ready("?country=US").await?;
    let scroller = ".side-panel > .details:not([hidden])";
    let overflows = page
        .wait_js(&format!(
            "(() => {{ const e = document.querySelector('{scroller}'); return e && e.scrollHeight > e.clientHeight + 4; }})()"
        ))
        .await;
    check!(overflows.is_ok(), "the United States' details fit the panel at 1280×800: nothing to test");
    let cue = page.wait(".side-panel > .more-below:not([hidden])").await?;
    check!(cue.text().await?.contains("More below"), "the cue says there is more");
    let edge = page
        .js(&format!("const s = getComputedStyle(document.querySelector('{scroller}')); return s.borderTopStyle + ' ' + s.borderTopWidth;"))
        .await?;
    check!(edge.as_str().is_some_and(|e| e.starts_with("solid") && !e.ends_with(" 0px")), "the panel's edge in forced colours: {edge}");
    page.js(&format!("const e = document.querySelector('{scroller}'); e.scrollTop = e.scrollHeight; return true")).await?;
    page.wait(".side-panel > .more-below[hidden]").await?;
    page.js(&format!("document.querySelector('{scroller}').scrollTop = 0; return true")).await?;
    page.wait(".side-panel > .more-below:not([hidden])").await?;
    Ok(())
}

async fn with_no_results_the_panel_offers_no_country(page: &Page) -> TestResult {
    page.open_ready("").await?;
    check!(page.count(".country-choices li:not([hidden])").await? == 9, "nine countries offered");
    page.js("const s = document.getElementById('search'); s.value = 'zzzzqq'; s.dispatchEvent(new Event('input', { bubbles: true })); return true")
        .await?;
    let note = page.wait(".choose-country .no-country:not([hidden])").await?;
    check!(note.text().await?.contains("No priority country"), "the panel says no country matches");
    check!(page.count(".country-choices li:not([hidden])").await? == 0, "countries still offered with 0 results");
    page.js("const s = document.getElementById('search'); s.value = 'seoul'; s.dispatchEvent(new Event('input', { bubbles: true })); return true")
        .await?;
    page.wait(".choose-country .no-country[hidden]").await?;
    let offered = page.js("return [...document.querySelectorAll('.country-choices li:not([hidden])')].map((li) => li.textContent)").await?;
    check!(offered == serde_json::json!(["South Korea"]), "with 'seoul' the panel offers {offered}");
    Ok(())
}

crate::scenarios!(
    swedish_with_text_spacing_fits_a_phone,
    the_side_panel_says_when_there_is_more_below,
    with_no_results_the_panel_offers_no_country,
);
