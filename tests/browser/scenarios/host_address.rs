//! Deep links through the host page: embedded on another site with the README's snippet, the
//! atlas's view lives in the host page's address (one parameter, the rest of the address
//! untouched), opens from it, follows its Back and Forward, and "Copy link" copies it. Forged
//! addresses and messages change nothing.

use std::time::Duration;

use crate::check;
use crate::page::{Page, TestResult};

/// Records what "Copy link" would put on the clipboard, and any script error, in every page.
const WATCH: &str = "window.__errors = []; addEventListener('error', (e) => window.__errors.push(String(e.message)));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t) => { window.__copied = t; return Promise.resolve(); } } });";

/// Opens a host page of this scenario (on 127.0.0.1; the atlas comes from localhost) and waits
/// until every atlas on it has started.
async fn open_host(page: &Page, host: &str) -> TestResult {
    page.server.run_first(&page.scenario, WATCH);
    page.client.goto(&page.server.url(&page.scenario, host)).await?;
    let frames = page.js("return document.querySelectorAll('iframe').length").await?.as_u64().unwrap_or(0);
    for i in 0..frames {
        // A lazy iframe loads as it comes near the window, as the visitor scrolls to it.
        page.js(&format!("document.querySelectorAll('iframe')[{i}].scrollIntoView({{block: 'nearest'}}); return true")).await?;
        in_frame(page, i as u16, "document.documentElement.classList.contains('atlas-ready')").await?;
    }
    Ok(())
}

/// Waits in iframe `i` until `expr` holds.
async fn in_frame(page: &Page, i: u16, expr: &str) -> TestResult {
    page.frame_wait(i, expr).await.map(|_| ())
}

async fn frame_js(page: &Page, i: u16, script: &str) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    page.frame_js(i, script).await
}

async fn select_on_the_map(page: &Page, frame: u16, code: &str, name: &str) -> TestResult {
    // The map is at the top of its iframe: the visitor scrolls the host page there first (a
    // cross-origin frame cannot scroll its host).
    page.js(&format!("document.querySelectorAll('iframe')[{frame}].scrollIntoView({{block: 'start'}}); return true")).await?;
    page.frame_click(frame, &format!("#map-country-{code} circle.marker-hit")).await?;
    let heading =
        format!("document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden]) h2').textContent === {name:?}");
    page.frame_wait(frame, &heading).await.map_err(|e| format!("selecting {name}: {e}"))?;
    // The directory below follows the selection a painted frame later, and the host page then
    // resizes the iframe: what is below it moves. A visitor's next click comes once it has.
    page.frame_wait(frame, "new Promise((done) => setTimeout(() => done(true), 300))").await?;
    let fits = format!(
        "(() => {{ const f = document.querySelectorAll('iframe')[{frame}]; return f.contentDocument ? Math.abs(f.getBoundingClientRect().height - Math.ceil(f.contentDocument.getElementById('app').getBoundingClientRect().height)) <= 1 : true; }})()"
    );
    page.wait_js(&fits).await.map(|_| ()).map_err(|e| format!("after selecting {name}, the iframe did not settle: {e}").into())
}

async fn no_errors_and_nothing_ran(page: &Page, what: &str) -> TestResult {
    check!(page.js("return window.__errors").await? == serde_json::json!([]), "{what}: errors on the host page");
    check!(page.js("return window.hacked === undefined").await? == true, "{what}: a script ran on the host page");
    check!(frame_js(page, 0, "return window.__errors").await? == serde_json::json!([]), "{what}: errors in the atlas");
    check!(frame_js(page, 0, "return window.hacked === undefined").await? == true, "{what}: a script ran in the atlas");
    Ok(())
}

async fn selecting_a_country_puts_it_in_the_host_address(page: &Page) -> TestResult {
    open_host(page, "host-cross-origin.html?section=news").await?;
    let before = page.js("return history.length").await?.as_i64().unwrap_or(0);
    select_on_the_map(page, 0, "JP", "Japan").await?;
    page.wait_js("location.search === '?section=news&atlas=country%3DJP'").await?;
    check!(page.js("return history.length").await?.as_i64() == Some(before + 1), "one host history entry for the selection");
    // Copy link copies the host page's address, which the visitor would share.
    page.frame_click(0, ".copy-link button").await?;
    let copied = page.frame_wait(0, "window.__copied").await;
    let host = page.js("return location.href").await?;
    let copied = copied?;
    check!(copied == host, "Copy link copied {copied}, not the host's address {host}");
    // The host's Back closes the country, Forward opens it again.
    page.client.back().await?;
    page.wait_js("location.search === '?section=news'").await?;
    in_frame(page, 0, "!document.querySelector('.details:not([hidden]) h2')").await?;
    page.client.forward().await?;
    in_frame(page, 0, "document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden]) h2').textContent === 'Japan'")
        .await?;
    // Typing replaces the host's entry instead of adding one.
    let length = page.js("return history.length").await?;
    page.frame_type(0, "#search", "tokyo").await?;
    page.wait_js("location.search.includes('q%3Dtokyo')").await?;
    check!(page.js("return history.length").await? == length, "typing added a host history entry");
    no_errors_and_nothing_ran(page, "after selecting").await
}

async fn a_host_address_with_a_view_opens_the_atlas_there(page: &Page) -> TestResult {
    open_host(page, "host-cross-origin.html?atlas=country%3DJP%26q%3Dtokyo#contact").await?;
    in_frame(page, 0, "document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden]) h2').textContent === 'Japan'")
        .await?;
    check!(frame_js(page, 0, "return document.getElementById('search').value").await? == "tokyo", "the search came along");
    // Each page that is read asks for the style sheet in its head (the test server says
    // no-store). The page itself may be asked for twice: a warm WebKit sends the iframe's first
    // request before the host script's change of address cancels it, and nothing of that one
    // is read.
    let requests = page.server.requests(&page.scenario);
    let reads = requests.iter().filter(|p| p.starts_with("main-") && p.ends_with(".css")).count();
    check!(
        reads == 1,
        "the atlas's page was read {reads} times: the iframe's address was not set before its page loaded; requests: {requests:?}"
    );
    // Another country: the host's own anchor and path stay as they were.
    select_on_the_map(page, 0, "IL", "Israel").await?;
    page.wait_js("location.search.includes('atlas=') && location.search.includes('country%3DIL')").await?;
    check!(page.js("return location.hash").await? == "#contact", "the host's #anchor is kept");
    check!(page.js("return location.pathname.endsWith('/host-cross-origin.html')").await? == true, "the host's path is kept");
    no_errors_and_nothing_ran(page, "opened from the address").await
}

async fn two_atlases_keep_separate_views(page: &Page) -> TestResult {
    open_host(page, "host-two-atlases.html").await?;
    select_on_the_map(page, 0, "JP", "Japan").await?;
    page.wait_js("location.search.includes('atlas-en=country%3DJP')").await?;
    select_on_the_map(page, 1, "KR", "Sydkorea").await?;
    page.wait_js("location.search.includes('atlas-sv=country%3DKR') && location.search.includes('atlas-en=country%3DJP')").await?;
    // The same address, opened anew, opens each at its own view.
    let address = page.js("return location.href").await?;
    page.client.goto(address.as_str().unwrap_or_default()).await?;
    in_frame(page, 0, "document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden]) h2').textContent === 'Japan'")
        .await?;
    // The second is lazy and lower on the page: it loads as the visitor scrolls to it.
    page.js("document.querySelectorAll('iframe')[1].scrollIntoView({block: 'nearest'}); return true").await?;
    in_frame(
        page,
        1,
        "document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden]) h2').textContent === 'Sydkorea'",
    )
    .await?;
    Ok(())
}

async fn forged_host_addresses_change_nothing(page: &Page) -> TestResult {
    let huge = format!("q%3D{}", "a".repeat(5000));
    let forged = [
        "atlas=%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E",
        "atlas=country%3DJP%26evil%3D1",
        "atlas=q%3Djavascript%3Awindow.hacked%3D1",
        "atlas=q%3D%3Cimg%20src%3Dx%20onerror%3Dwindow.hacked%3D1%3E",
        "atlas=country%3DXX%22%3E",
        "atlas=country%3DJP%26country%3DKR",
        "atlas=%E0%A4%A",
        &format!("atlas={huge}"),
    ];
    for query in forged {
        open_host(page, &format!("host-cross-origin.html?{query}")).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let what = &query[..query.len().min(60)];
        let src = page.js("return document.querySelector('iframe').src").await?;
        check!(
            !src.as_str().unwrap_or_default().contains("country") && !src.as_str().unwrap_or_default().contains("q="),
            "{what}: the iframe's address took it: {src}"
        );
        check!(
            frame_js(
                page,
                0,
                "return !document.querySelector('.details:not([hidden]) h2') && document.getElementById('search').value === ''"
            )
            .await?
                == true,
            "{what}: the atlas did not open at its start"
        );
        no_errors_and_nothing_ran(page, what).await?;
    }
    Ok(())
}

async fn forged_messages_change_nothing(page: &Page) -> TestResult {
    open_host(page, "host-cross-origin.html").await?;
    let clean = page.js("return location.href").await?;
    // From the host page itself, not from the atlas: ignored.
    page.js("postMessage({ type: 'innovation-atlas:view', view: 'country=JP', history: 'push' }, '*'); return true").await?;
    // From the atlas's frame, but not of the documented shape: ignored.
    frame_js(
        page,
        0,
        "for (const m of [
        { type: 'innovation-atlas:view', view: 'country=JP&evil=1', history: 'push' },
        { type: 'innovation-atlas:view', view: '<script>window.hacked=1</script>', history: 'push' },
        { type: 'innovation-atlas:view', view: 'country=JP', history: 'sideways' },
        { type: 'innovation-atlas:view', view: 42, history: 'push' },
        'innovation-atlas:view',
      ]) parent.postMessage(m, '*'); return true",
    )
    .await?;
    // To the atlas, from anyone but its parent, or not of the documented shape: ignored.
    frame_js(page, 0, "postMessage({ type: 'innovation-atlas:host', view: 'country=JP', start: 'https://evil.example/', link: 'https://evil.example/?a=__VIEW__' }, '*'); return true").await?;
    page.js("document.querySelector('iframe').contentWindow.postMessage({ type: 'innovation-atlas:host', view: 'country=KR', start: 'javascript:window.hacked=1', link: 'javascript:__VIEW__' }, '*'); return true").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    check!(page.js("return location.href").await? == clean, "the host's address changed");
    check!(frame_js(page, 0, "return !document.querySelector('.details:not([hidden]) h2')").await? == true, "the atlas opened a country");
    page.frame_click(0, ".copy-link button").await?;
    let copied = page.frame_wait(0, "window.__copied").await?;
    check!(copied == clean, "Copy link took a forged address: {copied}");
    no_errors_and_nothing_ran(page, "forged messages").await
}

crate::scenarios!(
    selecting_a_country_puts_it_in_the_host_address,
    a_host_address_with_a_view_opens_the_atlas_there,
    two_atlases_keep_separate_views,
    forged_host_addresses_change_nothing,
    forged_messages_change_nothing,
);
