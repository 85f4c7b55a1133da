//! The app in a host page's iframe: the host script sizes the iframe to the content, the size
//! stays put, and the app works from a sub-path and inside a sandbox.

use std::time::Duration;

use fantoccini::Locator;

use crate::check;
use crate::page::{Page, TestResult};

/// (iframe height, app content height) in CSS px, measured from the host page.
async fn heights(page: &Page) -> Result<(f64, f64), Box<dyn std::error::Error>> {
    let v = page
        .js("const f = document.querySelector('iframe'); const app = f.contentDocument.getElementById('app');
             return [f.getBoundingClientRect().height, app.getBoundingClientRect().height];")
        .await?;
    let a = v.as_array().ok_or("no heights")?;
    Ok((a[0].as_f64().unwrap_or(0.0), a[1].as_f64().unwrap_or(-1.0)))
}

/// Waits until the app in the iframe has rendered all of its stages (the timeline is last).
async fn wait_for_the_embedded_app(page: &Page) -> TestResult {
    page.wait_js("!!(document.querySelector('iframe').contentDocument && document.querySelector('iframe').contentDocument.getElementById('timeline-heading'))").await?;
    Ok(())
}

/// Waits until the iframe fits its content (±2 px), then checks it stays so for 2 seconds.
async fn fits_and_stays(page: &Page, when: &str) -> Result<f64, Box<dyn std::error::Error>> {
    let mut last = (0.0, 0.0);
    for _ in 0..100 {
        last = heights(page).await?;
        if (last.0 - last.1).abs() <= 2.0 && last.1 > 100.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    check!((last.0 - last.1).abs() <= 2.0, "{when}: iframe {} px, content {} px", last.0, last.1);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let later = heights(page).await?;
    check!((later.0 - last.0).abs() <= 1.0, "{when}: the iframe moved from {} to {} px", last.0, later.0);
    check!((later.0 - later.1).abs() <= 2.0, "{when}: iframe {} px, content {} px after 2 s", later.0, later.1);
    println!("      {when}: iframe {} px, content {} px", later.0, later.1);
    Ok(later.0)
}

async fn host_page_sizes_the_iframe(page: &Page, host: &str) -> TestResult {
    page.client.goto(&page.server.url(&page.scenario, host)).await?;
    wait_for_the_embedded_app(page).await?;
    let start = fits_and_stays(page, "after load").await?;

    page.client.enter_frame(0).await?;
    let header = page.js("return document.querySelector('.page-header').getBoundingClientRect().height").await?;
    check!(header.as_f64().unwrap_or(99.0) <= 1.0, "embed mode hides the page header ({header} px high)");
    check!(page.js("return getComputedStyle(document.querySelector('.page-footer')).display").await? == "none", "embed mode hides the footer");
    page.client.find(Locator::Css("#search")).await?.send_keys("Palo Alto").await?;
    page.wait_js("location.search.includes('q=Palo%20Alto') && document.querySelectorAll('.entry').length === 1").await?;
    page.client.enter_parent_frame().await?;
    let filtered = fits_and_stays(page, "filtered to one entry").await?;
    check!(filtered < start, "the iframe shrank with the content ({start} → {filtered})");

    page.client.enter_frame(0).await?;
    page.click(".entry .link-button").await?;
    page.wait("#details-heading").await?;
    // Every change replaces the history entry in embed mode: Back must not get trapped here.
    let length = page.js("return history.length").await?;
    page.client.enter_parent_frame().await?;
    fits_and_stays(page, "country selected").await?;
    check!(length.as_i64() == Some(1) || length.as_i64() == Some(2), "history grew to {length} in embed mode");
    Ok(())
}

async fn the_readme_snippet_sizes_the_iframe(page: &Page) -> TestResult {
    host_page_sizes_the_iframe(page, "host.html").await
}

async fn the_sandboxed_snippet_sizes_the_iframe_too(page: &Page) -> TestResult {
    host_page_sizes_the_iframe(page, "host-sandboxed.html").await
}

async fn the_host_script_ignores_foreign_messages(page: &Page) -> TestResult {
    page.client.goto(&page.server.url(&page.scenario, "host.html")).await?;
    page.wait_js("document.querySelector('iframe').style.height !== '600px'").await?;
    // The app's own height messages come in a few steps (first paint, the data, then the host
    // page's scrollbar narrowing the iframe): let them settle, or a late genuine one would be
    // taken for a foreign message that got through.
    wait_for_the_embedded_app(page).await?;
    fits_and_stays(page, "before the foreign messages").await?;
    let before = page.js("return document.querySelector('iframe').style.height").await?;
    // Messages from the host page itself (not from the iframe) or of the wrong shape are ignored.
    page.js("window.postMessage({type: 'innovation-atlas:height', height: 5}, '*');
             window.postMessage({type: 'innovation-atlas:height', height: '99px'}, '*');
             window.postMessage('innovation-atlas:height', '*'); return true;").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = page.js("return document.querySelector('iframe').style.height").await?;
    check!(before == after, "height changed from {before} to {after}");
    Ok(())
}

crate::scenarios!(
    the_readme_snippet_sizes_the_iframe,
    the_sandboxed_snippet_sizes_the_iframe_too,
    the_host_script_ignores_foreign_messages,
);
