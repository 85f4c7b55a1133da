//! Any browser, for real: the directory is in the page before any script runs, so a visitor
//! without WebAssembly, without JavaScript, or whose download of the app fails or hangs still
//! gets every country and who is there, with a plain explanation and never an endless
//! "Loading". With everything working, the app takes that content over (see `page_is_the_view.rs`).
//! Each page is in one language, and a visitor who asked for the other never sees this one.

use std::time::{Duration, Instant};

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

use super::accessibility::no_violations;

const PRIORITY: [&str; 9] = ["Brazil", "China", "France", "Germany", "India", "Israel", "Japan", "South Korea", "United States"];
const PRIORITY_SV: [&str; 9] = ["Brasilien", "Kina", "Frankrike", "Tyskland", "Indien", "Israel", "Japan", "Sydkorea", "USA"];

/// What the visitor can read on the page (hidden text does not count).
async fn visible_text(page: &Page) -> Result<String, Box<dyn std::error::Error>> {
    Ok(page.js("return document.body.innerText").await?.as_str().unwrap_or_default().to_string())
}

/// Waits until the page has been open 5.5 s, then checks what a visitor without the app sees:
/// every priority country, Seoul and Tel Aviv, the explanation, no "Loading", axe clean.
async fn the_directory_stands_without_the_app(page: &Page, opened: Instant, explanation: &str, state: &str) -> TestResult {
    the_content_is_there(page, opened, explanation, state).await?;
    no_violations(page, state).await
}

async fn the_content_is_there(page: &Page, opened: Instant, explanation: &str, state: &str) -> TestResult {
    let wait = Duration::from_millis(5_500).saturating_sub(opened.elapsed());
    tokio::time::sleep(wait).await;
    let text = visible_text(page).await?;
    for name in PRIORITY {
        check!(text.contains(name), "{state}: {name} is not on the page");
    }
    check!(text.contains("Seoul") && text.contains("Tel Aviv"), "{state}: who is there is missing");
    check!(!text.contains("Loading"), "{state}: the page still says Loading after 5 s");
    check!(text.contains(explanation), "{state}: no explanation {explanation:?} in:\n{}", &text[..text.len().min(600)]);
    check!(text.contains("complete as of 22 October 2020"), "{state}: the explanation gives the data's date");
    check!(page.count(".map a.country").await? == 9, "{state}: the map shows the nine countries as links");
    Ok(())
}

async fn without_webassembly_the_directory_and_an_explanation_show(page: &Page) -> TestResult {
    // As in Apple's Lockdown Mode: no WebAssembly at all, before any of the page's scripts.
    page.server.run_first(&page.scenario, "delete globalThis.WebAssembly;");
    let opened = Instant::now();
    page.open("").await?;
    let said = page.wait_text("#app-status", |t| !t.is_empty()).await?;
    check!(opened.elapsed() < Duration::from_secs(3), "the explanation comes at once, not after a time-out");
    check!(said.starts_with("The interactive map needs WebAssembly, which this browser has turned off."), "{said:?}");
    the_directory_stands_without_the_app(page, opened, "needs WebAssembly", "no WebAssembly").await?;
    page.screenshot("fallback-no-wasm").await?;
    Ok(())
}

async fn when_the_app_file_is_missing_the_directory_and_an_explanation_show(page: &Page) -> TestResult {
    page.server.set_reply(&page.scenario, "*.wasm", DataReply::Status(404));
    let opened = Instant::now();
    page.open("").await?;
    page.wait_text("#app-status", |t| t.contains("could not be started")).await?;
    the_directory_stands_without_the_app(page, opened, "The interactive map could not be started", "wasm 404").await
}

async fn when_the_app_file_never_arrives_the_page_says_so_within_5_seconds(page: &Page) -> TestResult {
    page.server.set_reply(&page.scenario, "*.wasm", DataReply::Hang);
    let opened = Instant::now();
    page.open("").await?;
    page.wait_text("#app-status", |t| t.contains("has not loaded yet")).await?;
    check!(opened.elapsed() < Duration::from_millis(6_500), "said after {:?}", opened.elapsed());
    the_directory_stands_without_the_app(page, opened, "The interactive map has not loaded yet", "wasm hangs").await
}

async fn without_javascript_the_directory_and_an_explanation_show(page: &Page) -> TestResult {
    let opened = Instant::now();
    page.open("").await?;
    page.wait("#directory-heading").await?;
    // axe-core cannot run in this browser (it needs the page's timers): see the next scenario.
    the_content_is_there(page, opened, "needs JavaScript, which is turned off", "no JavaScript").await
}

/// The page exactly as a browser without JavaScript renders it (no scripts, the noscript
/// explanation shown), checked by axe-core in a browser that can run it.
async fn the_page_as_shown_without_javascript_passes_axe(page: &Page) -> TestResult {
    page.server.serve_as_without_javascript(&page.scenario);
    for (path, state) in [("", "English page as shown without JavaScript"), ("sv.html", "Swedish page as shown without JavaScript")] {
        let opened = Instant::now();
        page.open(path).await?;
        page.wait("#directory-heading").await?;
        check!(page.count("script").await? == 0, "{state}: served without scripts");
        if path.is_empty() {
            the_content_is_there(page, opened, "needs JavaScript, which is turned off", state).await?;
        }
        no_violations(page, state).await?;
    }
    Ok(())
}

async fn without_javascript_the_swedish_page_is_in_swedish(page: &Page) -> TestResult {
    page.open("sv.html?embed=1").await?;
    page.wait("#directory-heading").await?;
    check!(page.js("return document.documentElement.lang").await? == "sv", "<html lang=sv>");
    let text = visible_text(page).await?;
    for name in PRIORITY_SV {
        check!(text.contains(name), "{name} is not on the Swedish page");
    }
    check!(text.contains("Förteckning") && text.contains("Vilka som finns på plats"), "Swedish headings");
    check!(!text.contains("Who is there"), "no English on the Swedish page");
    check!(text.contains("behöver JavaScript"), "the explanation in Swedish");
    Ok(())
}

async fn asking_for_swedish_on_the_english_page_opens_the_swedish_one(page: &Page) -> TestResult {
    page.open("?lang=sv&country=KR").await?;
    page.wait_js("location.pathname.endsWith('/sv.html') && document.documentElement.lang === 'sv'").await?;
    page.wait_text(".details:not([hidden]) h2", |t| t == "Sydkorea").await?;
    check!(page.wait_url(|url| url.contains("country=KR")).await.is_ok(), "the view came along");
    // A Swedish browser that asked for nothing gets Swedish too; one that asked for English, English.
    page.server.run_first(&page.scenario, "Object.defineProperty(navigator, 'language', { get: () => 'sv-SE' });");
    page.open("").await?;
    page.wait_js("location.pathname.endsWith('/sv.html')").await?;
    page.open("?lang=en").await?;
    page.wait("#directory-heading").await?;
    check!(page.js("return location.pathname.endsWith('/sv.html')").await? == false, "an explicit ?lang=en stays English");
    Ok(())
}

/// While the Swedish page is on its way, the English one that sent the visitor there shows
/// nothing: it hid itself before its first paint. Each page notes its first contentful paint
/// (Paint Timing) in sessionStorage, which outlives the page.
async fn the_other_language_never_shows_first(page: &Page) -> TestResult {
    page.server.run_first(
        &page.scenario,
        "new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint')
           sessionStorage.setItem('painted:' + document.documentElement.lang, String(e.startTime)); }).observe({ type: 'paint', buffered: true });",
    );
    // The English page stays the current one for a while: time enough to paint, if it would.
    page.server.set_reply(&page.scenario, "sv.html", DataReply::Delay(2500));
    page.open("?lang=sv").await?;
    page.wait_js("location.pathname.endsWith('/sv.html') && sessionStorage.getItem('painted:sv')").await?;
    let english = page.js("return sessionStorage.getItem('painted:en')").await?;
    check!(english.is_null(), "the English page painted content at {english} ms before the Swedish one came");
    // The same the other way round.
    page.js("sessionStorage.clear(); return true").await?;
    page.server.set_reply(&page.scenario, "", DataReply::Delay(2500));
    page.open("sv.html?lang=en").await?;
    page.wait_js("!location.pathname.endsWith('/sv.html') && sessionStorage.getItem('painted:en')").await?;
    let swedish = page.js("return sessionStorage.getItem('painted:sv')").await?;
    check!(swedish.is_null(), "the Swedish page painted content at {swedish} ms before the English one came");
    Ok(())
}

crate::scenarios!(
    without_webassembly_the_directory_and_an_explanation_show,
    when_the_app_file_is_missing_the_directory_and_an_explanation_show,
    when_the_app_file_never_arrives_the_page_says_so_within_5_seconds,
    without_javascript_the_directory_and_an_explanation_show,
    without_javascript_the_swedish_page_is_in_swedish,
    the_page_as_shown_without_javascript_passes_axe,
    asking_for_swedish_on_the_english_page_opens_the_swedish_one,
    the_other_language_never_shows_first,
);
