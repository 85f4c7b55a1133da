//! The app in a host page's iframe: the host script sizes the iframe to the content, the size
//! stays put, and the app works from a sub-path and inside a sandbox.

use std::time::Duration;

use crate::check;
use crate::page::{Page, TestResult};

/// (iframe height, what its document needs) in CSS px, measured from the host page. What the
/// document needs is its root's scrollHeight when that is more than the iframe (it scrolls
/// inside), else the page's own height (#app), so that empty space shows too.
async fn heights(page: &Page) -> Result<(f64, f64), Box<dyn std::error::Error>> {
    let v = page
        .js("const f = document.querySelector('iframe'); const d = f.contentDocument.documentElement;
             const frame = f.getBoundingClientRect().height;
             const needs = d.scrollHeight > d.clientHeight ? d.scrollHeight : f.contentDocument.getElementById('app').getBoundingClientRect().height;
             return [frame, needs];")
        .await?;
    let a = v.as_array().ok_or("no heights")?;
    Ok((a[0].as_f64().unwrap_or(0.0), a[1].as_f64().unwrap_or(-1.0)))
}

/// Waits until the app in the iframe has rendered all of its stages (the timeline is last).
async fn wait_for_the_embedded_app(page: &Page) -> TestResult {
    page.wait_js("!!(document.querySelector('iframe').contentDocument && document.querySelector('iframe').contentDocument.documentElement && document.querySelector('iframe').contentDocument.documentElement.classList.contains('atlas-ready'))").await?;
    Ok(())
}

/// Waits until the iframe fits its document (no inner scrolling, no empty space: ±1 px), then
/// checks it stays so for 2 seconds.
async fn fits_and_stays(page: &Page, when: &str) -> Result<f64, Box<dyn std::error::Error>> {
    let mut last = (0.0, 0.0);
    for _ in 0..100 {
        last = heights(page).await?;
        if (last.0 - last.1).abs() <= 1.0 && last.1 > 100.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    check!((last.0 - last.1).abs() <= 1.0, "{when}: iframe {} px, its document needs {} px", last.0, last.1);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let later = heights(page).await?;
    check!((later.0 - last.0).abs() <= 1.0, "{when}: the iframe moved from {} to {} px", last.0, later.0);
    check!((later.0 - later.1).abs() <= 1.0, "{when}: iframe {} px, its document needs {} px after 2 s", later.0, later.1);
    println!("      {when}: iframe {} px, its document needs {} px", later.0, later.1);
    Ok(later.0)
}

async fn host_page_sizes_the_iframe(page: &Page, host: &str) -> TestResult {
    page.client.goto(&page.server.url(&page.scenario, host)).await?;
    wait_for_the_embedded_app(page).await?;
    let start = fits_and_stays(page, "after load").await?;

    let header = page.frame_js(0, "return document.querySelector('.page-header').getBoundingClientRect().height").await?;
    check!(header.as_f64().unwrap_or(99.0) <= 1.0, "embed mode hides the page header ({header} px high)");
    check!(
        page.frame_js(0, "return getComputedStyle(document.querySelector('.page-footer')).display").await? == "none",
        "embed mode hides the footer"
    );
    page.frame_type(0, "#search", "Palo Alto").await?;
    page.frame_wait(0, "location.search.includes('q=Palo%20Alto') && document.querySelectorAll('.entry:not([hidden])').length === 1")
        .await?;
    let filtered = fits_and_stays(page, "filtered to one entry").await?;
    check!(filtered < start, "the iframe shrank with the content ({start} → {filtered})");

    // The atlas's own address only ever replaces its entry; the one entry a selection adds is
    // the host page's (embed.js), so the host's Back closes the country and is never trapped.
    let before = page.js("return history.length").await?.as_i64().unwrap_or(0);
    page.frame_click(0, ".entry:not([hidden]) [data-country]").await?;
    page.frame_wait(0, "document.querySelector('.details:not([hidden]) h2')").await?;
    fits_and_stays(page, "country selected").await?;
    let after = page.js("return history.length").await?.as_i64().unwrap_or(0);
    check!(after <= before + 1, "history grew from {before} to {after} for one selection");
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
             window.postMessage('innovation-atlas:height', '*'); return true;")
        .await?;
    // Another iframe on the host page (an ad, a widget) sends the atlas's height message for itself.
    page.js("const ad = document.createElement('iframe');
             ad.id = 'ad';
             ad.srcdoc = '<script>parent.postMessage({type: \\'innovation-atlas:height\\', height: 15000}, \\'*\\'); parent.adSent = true;<\\/script>';
             document.body.appendChild(ad); return true;")
        .await?;
    page.wait_js("window.adSent === true").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = page.js("return document.querySelector('iframe').style.height").await?;
    check!(before == after, "the atlas's height changed from {before} to {after}");
    let ad = page.js("return document.getElementById('ad').getBoundingClientRect().height").await?;
    check!(ad.as_f64().is_some_and(|h| h < 1000.0), "another iframe on the host page resized itself to {ad} px");
    Ok(())
}

/// The README's Swedish snippet at a laptop's, a small window's and a phone's width: the iframe
/// is exactly as tall as its document, so nothing scrolls inside the host page.
async fn the_swedish_snippet_fits_at_every_width(page: &Page) -> TestResult {
    for width in [1280, 1000, 390] {
        page.resize(width, 900).await?;
        page.client.goto(&page.server.url(&page.scenario, "host-swedish.html")).await?;
        wait_for_the_embedded_app(page).await?;
        fits_and_stays(page, &format!("Swedish at {width} px")).await?;
    }
    Ok(())
}

crate::scenarios!(
    the_swedish_snippet_fits_at_every_width,
    the_readme_snippet_sizes_the_iframe,
    the_sandboxed_snippet_sizes_the_iframe_too,
    the_host_script_ignores_foreign_messages,
);
