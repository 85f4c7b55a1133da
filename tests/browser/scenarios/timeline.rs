//! The timeline, the annual cycle's empty state, the CSV download and the print stylesheet.

use serde_json::Value;

use crate::check;
use crate::page::{Page, TestResult};

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect()).unwrap_or_default()
}

async fn the_timeline_lists_the_dated_facts_in_order(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let dates =
        strings(&page.js("return [...document.querySelectorAll('.timeline-list time')].map(t => t.getAttribute('datetime'))").await?);
    check!(dates.len() == 10, "{} dated facts: {dates:?}", dates.len());
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| {
        let mut p = d.split('-').map(|x| x.parse::<u32>().unwrap_or(0));
        (p.next().unwrap_or(0), p.next().unwrap_or(0), p.next().unwrap_or(0))
    });
    check!(dates == sorted, "oldest first: {dates:?}");
    check!(page.text(".timeline-list li:nth-child(3) time").await? == "31 January 2017", "dates read naturally");
    let cycle = page.text(".timeline-section").await?;
    check!(cycle.contains("No recurring activities have been published yet."), "the annual cycle is honestly empty");
    Ok(())
}

async fn filtering_by_country_narrows_the_timeline(page: &Page) -> TestResult {
    page.open_ready("?country=FR&lang=sv").await?;
    let items = strings(&page.js("return [...document.querySelectorAll('.timeline-list li')].map(l => l.textContent)").await?);
    check!(items.len() == 2, "{items:?}");
    check!(items.iter().all(|i| i.contains("Frankrike")), "{items:?}");
    check!(items[0].contains("november 2017"), "{items:?}");
    Ok(())
}

async fn the_csv_download_matches_the_visible_entries(page: &Page) -> TestResult {
    page.open_ready("?kind=office&region=asia").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 4").await?;
    page.js("window.__blobs = []; const make = URL.createObjectURL.bind(URL);
             URL.createObjectURL = b => { window.__blobs.push(b); return make(b); }; return true;")
        .await?;
    page.click(".download").await?;
    page.wait_js("window.__blobs.length === 1").await?;
    let csv = page
        .client
        .execute_async("const done = arguments[arguments.length - 1];
            window.__blobs[0].arrayBuffer().then(b => done([...new Uint8Array(b)].slice(0, 3).join(',') + '|' + new TextDecoder().decode(b)));", vec![])
        .await?;
    let csv = csv.as_str().unwrap_or_default();
    let (bom, text) = csv.split_once('|').unwrap_or(("", ""));
    check!(bom == "239,187,191", "UTF-8 BOM first: {bom}");
    let rows: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").filter(|r| !r.is_empty()).collect();
    let visible =
        strings(&page.js("return [...document.querySelectorAll('.entry:not([hidden]) .entry-name')].map(h => h.textContent)").await?);
    check!(rows.len() == visible.len() + 1, "header + {} rows, got {rows:?}", visible.len());
    for (row, name) in rows[1..].iter().zip(&visible) {
        let field = if name.contains([',', '"']) { format!("\"{}\"", name.replace('"', "\"\"")) } else { name.clone() };
        check!(row.starts_with(&format!("{field},")), "row {row:?} for {name:?}");
    }
    Ok(())
}

/// Printed, the page is a document: the map without its controls, the filters in force said in
/// words above the count, each country card with its heading, a country's details once (the
/// card; not the side panel too), links with their addresses.
async fn printing_makes_a_document_of_the_page(page: &Page) -> TestResult {
    page.open_ready("?country=US").await?;
    // Apply the stylesheet's print rules to the screen, as print emulation would.
    let applied = page
        .js("const css = [...document.styleSheets].flatMap(s => [...s.cssRules])
               .filter(r => r.media && [...r.media].includes('print')).map(r => [...r.cssRules].map(c => c.cssText).join('\\n')).join('\\n');
             const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
             document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; return css.length;")
        .await?;
    check!(applied.as_i64().unwrap_or(0) > 100, "print rules found: {applied}");
    for hidden in [".filters", ".toolbar", ".result-actions", ".map-controls", "#map-keys", ".side-panel"] {
        let display =
            page.js(&format!("const e = document.querySelector('{hidden}'); return e ? getComputedStyle(e).display : 'none';")).await?;
        check!(display == "none", "{hidden} is {display} in print");
    }
    // Firefox reports attr() in a computed `content` as written instead of substituted (Chromium
    // and WebKit substitute it); substitute it here, as rendering does, so every engine is asked
    // the same thing: what the printed link shows after it.
    let after = page
        .js("const a = document.querySelector('.entry a.external');
             return getComputedStyle(a, '::after').content
               .replace(/attr\\(\\s*([\\w-]+)\\s*\\)/g, (_, name) => JSON.stringify(a.getAttribute(name) || ''));")
        .await?;
    check!(after.as_str().is_some_and(|c| c.contains("https://")), "links print their address: {after}");
    check!(page.js("return getComputedStyle(document.querySelector('.entries')).display").await? == "block", "entries print as a list");
    let shown = |css: &str| {
        format!("(() => {{ const e = document.querySelector('{css}'); return !!e && e.getBoundingClientRect().height > 0; }})()")
    };
    check!(page.js(&format!("return {}", shown(".map svg"))).await? == true, "the map prints");
    let filters = page.wait_js(&format!("{} && document.querySelector('.active-filters').textContent", shown(".active-filters"))).await;
    check!(
        filters.as_ref().is_ok_and(|f| f.as_str() == Some("Filters: Country: United States")),
        "the filters in force print above the count: {filters:?}"
    );
    check!(page.js(&format!("return {}", shown(".entry.country:not([hidden]) h3"))).await? == true, "the country card prints its heading");
    let summary = page.js("return document.querySelector('#details-US .summary').textContent").await?;
    let printed = page
        .client
        .execute(
            "return [...document.querySelectorAll('.summary, .entry p')].filter((e) => e.offsetParent && e.textContent.includes(arguments[0])).length;",
            vec![summary.clone()],
        )
        .await?;
    check!(printed == 1, "the United States' summary prints {printed} times");
    Ok(())
}

crate::scenarios!(
    the_timeline_lists_the_dated_facts_in_order,
    filtering_by_country_narrows_the_timeline,
    the_csv_download_matches_the_visible_entries,
    printing_makes_a_document_of_the_page,
);
