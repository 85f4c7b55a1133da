//! The directory: search, combined filters, the view in the URL, Back, and the live count.

use fantoccini::actions::{InputSource, MouseActions, PointerAction};

use crate::check;
use crate::page::{Page, TestResult};

async fn entry_names(page: &Page) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let v = page.js("return [...document.querySelectorAll('.entry:not([hidden]) .entry-name')].map(h => h.textContent)").await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default())
}

async fn typing_seoul_leaves_the_entries_about_seoul(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let before = page.count(".entry:not([hidden])").await?;
    page.click("#search").await?;
    page.keys("Seoul").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length < 5").await?;
    let names = entry_names(page).await?;
    check!(names.contains(&"Office of Science and Innovation, Seoul".to_string()), "{names:?}");
    check!(!names.iter().any(|n| n.contains("Tokyo")), "{names:?}");
    check!(names.len() < before, "narrowed from {before}");
    // The live region tells screen-reader users the count.
    let status = page.text(".result-count").await?;
    check!(status == format!("{} entries", names.len()), "live region said {status:?}");
    check!(page.js("return document.querySelector('.result-count').getAttribute('aria-live')").await? == "polite", "polite");
    // The address bar follows when typing pauses (no history entry per keystroke).
    page.wait_js("location.search.includes('q=Seoul')").await?;
    Ok(())
}

async fn kind_and_region_filters_combine(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.click("#filter-kind option[value=office]").await?;
    page.wait_js("location.search.includes('kind=office')").await?;
    page.click("#filter-region option[value=asia]").await?;
    page.wait_js("location.search.includes('region=asia')").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 4").await?;
    // The options' counts follow the list a frame later.
    let europe = "document.querySelector('#filter-region option[value=europe]').textContent";
    let option = page.wait_js(&format!("{europe} === 'Europe (0)'")).await;
    check!(option.is_ok(), "each option says what it would give: {:?}", page.js(&format!("return {europe}")).await?);
    page.click(".filters .clear").await?;
    page.wait_js("!location.search.includes('kind=')").await?;
    Ok(())
}

async fn a_shared_url_reproduces_the_view(page: &Page) -> TestResult {
    page.open_ready("?kind=office&region=asia&q=o").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 4").await?;
    let value = page.js("return document.getElementById('search').value").await?;
    check!(value == "o", "search box shows the query: {value}");
    let kind = page.js("return document.getElementById('filter-kind').value").await?;
    check!(kind == "office", "kind select shows the filter: {kind}");
    Ok(())
}

async fn back_closes_a_selected_country(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.click(".entry.country:not([hidden]) .entry-title").await?;
    page.wait(".details:not([hidden]) h2").await?;
    // The address bar has the selection once its frame is painted.
    check!(page.wait_url(|url| url.contains("country=")).await.is_ok(), "the address has the country");
    page.client.back().await?;
    page.wait_js("!document.querySelector('.details:not([hidden]) h2')").await?;
    let back = page.wait_js("document.querySelectorAll('.entry:not([hidden])').length > 9").await;
    check!(back.is_ok(), "the whole directory is back: {} entries", page.count(".entry:not([hidden])").await?);
    Ok(())
}

/// The search reaches the address bar only when typing pauses; selecting a country before that
/// must still leave the search in the entry Back returns to.
async fn back_after_typing_and_selecting_keeps_the_search(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.click("#search").await?;
    page.keys("korea").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length < 5").await?;
    page.click(".entry.country:not([hidden]) .entry-title").await?;
    page.wait(".details:not([hidden]) h2").await?;
    check!(page.wait_url(|url| url.contains("country=KR")).await.is_ok(), "selected");
    page.client.back().await?;
    page.wait_js("!document.querySelector('.details:not([hidden]) h2')").await?;
    let search = page.js("return document.getElementById('search').value").await?;
    check!(search == "korea", "Back kept the search: {search:?}");
    check!(page.wait_url(|url| url.contains("q=korea")).await.is_ok(), "and the address has it");
    check!(page.count(".entry:not([hidden])").await? < 5, "the list is still narrowed");
    Ok(())
}

/// An entry under the pointer or with keyboard focus marks its country on the map; leaving it
/// clears the mark.
async fn an_entry_in_focus_or_under_the_pointer_marks_its_country(page: &Page) -> TestResult {
    let marked = "document.getElementById('map-country-KR').classList.contains('highlighted')";
    page.open_ready("?q=seoul&kind=office").await?;
    check!(page.js(&format!("return {marked}")).await? == false, "nothing marked at first");
    page.js("document.querySelector('.entry:not([hidden]) a[data-country=KR]').focus(); return true").await?;
    page.wait_js(marked).await.map_err(|e| format!("focus in the Seoul entry: {e}"))?;
    page.js("document.getElementById('search').focus(); return true").await?;
    page.wait_js(&format!("!{marked}")).await.map_err(|e| format!("focus left the entry: {e}"))?;

    let entry = page.wait(".entry:not([hidden]) h3").await?;
    let heading = page.wait("#directory-heading").await?;
    page.js("document.querySelector('.entry:not([hidden])').scrollIntoView({block: 'center'}); return true").await?;
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement { element: entry, duration: None, x: 0.0, y: 0.0 });
    page.client.perform_actions(mouse).await?;
    page.wait_js(marked).await.map_err(|e| format!("pointer over the Seoul entry: {e}"))?;
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement { element: heading, duration: None, x: 0.0, y: 0.0 });
    page.client.perform_actions(mouse).await?;
    page.client.release_actions().await?;
    page.wait_js(&format!("!{marked}")).await.map_err(|e| format!("pointer left the entry: {e}"))?;
    Ok(())
}

async fn an_empty_result_says_so_and_offers_to_clear(page: &Page) -> TestResult {
    page.open_ready("?q=zzzqqq").await?;
    let text = page.text(".empty").await?;
    check!(text.contains("No entries match"), "{text:?}");
    page.click(".empty button").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length > 9").await?;
    Ok(())
}

async fn malformed_url_parameters_are_ignored(page: &Page) -> TestResult {
    page.open_ready("?country=XX&kind=%3Cscript%3E&region=mars&q=%3Cimg%20src%3Dx%20onerror%3Dwindow.hacked%3D1%3E").await?;
    let hacked = page.js("return window.hacked === 1").await?;
    check!(hacked == false, "markup in q must stay text");
    let value = page.js("return document.getElementById('search').value").await?;
    check!(value == "<img src=x onerror=window.hacked=1>", "shown as text: {value}");
    Ok(())
}

async fn search_ignores_accents_in_the_browser_too(page: &Page) -> TestResult {
    page.open_ready("?q=brasilia&kind=office").await?;
    let names = entry_names(page).await?;
    check!(names == ["Office of Science and Innovation, Brasília"], "{names:?}");
    page.open_ready("?q=G%C3%96TEBORG%20peking&lang=sv").await?;
    check!(page.count(".entry:not([hidden])").await? == 0, "all words must match");
    page.open_ready("?q=PEKING&lang=sv&kind=office").await?;
    check!(entry_names(page).await? == ["Innovations- och forskningskontoret i Peking"], "case-insensitive, Swedish texts");
    Ok(())
}

crate::scenarios!(
    search_ignores_accents_in_the_browser_too,
    typing_seoul_leaves_the_entries_about_seoul,
    kind_and_region_filters_combine,
    a_shared_url_reproduces_the_view,
    back_closes_a_selected_country,
    back_after_typing_and_selecting_keeps_the_search,
    an_entry_in_focus_or_under_the_pointer_marks_its_country,
    an_empty_result_says_so_and_offers_to_clear,
    malformed_url_parameters_are_ignored,
);
