//! Bad data, failing networks and hostile input: a clear message, valid records kept, markup
//! shown as text, no link that is not https, a strict CSP without violations.

use serde_json::{json, Value};

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

const SHIPPED: &str = include_str!("../../../public/data/initiative.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).unwrap()
}

fn serve(page: &Page, v: &Value) {
    page.server.set_data(&page.scenario, DataReply::Body(v.to_string().into_bytes()));
}

/// Opens the app on a dataset the server can't or won't give; the alert must say `expected`.
async fn alert_says(page: &Page, reply: DataReply, query: &str, expected: &str) -> TestResult {
    page.server.set_data(&page.scenario, reply);
    page.open(query).await?;
    let alert = page.wait_text("[role=alert] .alert-message", |t| !t.is_empty()).await?;
    check!(alert.contains(expected), "alert said {alert:?}, expected {expected:?}");
    check!(page.count("[role=alert] button").await? == 1, "Try again offered");
    Ok(())
}

/// Opens the app on a readable dataset with broken records: the problems panel lists `path`,
/// and the valid entries are still there.
async fn problem_listed(page: &Page, v: &Value, path: &str) -> Result<String, Box<dyn std::error::Error>> {
    serve(page, v);
    page.open_ready("?debug=1").await?;
    let panel = page.text(".data-problems").await?;
    check!(panel.contains(&format!("initiative.json: {path}")), "problems panel lacks {path}: {panel:?}");
    check!(page.count(".entry.country:not([hidden])").await? >= 8, "valid records are still shown");
    Ok(panel)
}

async fn an_empty_file(page: &Page) -> TestResult {
    alert_says(page, DataReply::Body(vec![]), "", "initiative.json: the file is empty").await
}

async fn a_truncated_file(page: &Page) -> TestResult {
    let half = SHIPPED.as_bytes()[..SHIPPED.len() / 2].to_vec();
    alert_says(page, DataReply::Body(half), "", "is not valid JSON").await
}

async fn a_file_that_is_not_an_object(page: &Page) -> TestResult {
    alert_says(page, DataReply::Body(b"[1, 2, 3]".to_vec()), "", "must be a JSON object").await
}

async fn a_newer_schema_version(page: &Page) -> TestResult {
    let mut v = shipped();
    v["schema_version"] = json!(2);
    alert_says(page, DataReply::Body(v.to_string().into_bytes()), "", "schema_version: 2 is newer").await
}

async fn the_alert_speaks_swedish(page: &Page) -> TestResult {
    alert_says(page, DataReply::Status(404), "?lang=sv", "servern svarade 404").await
}

async fn http_404(page: &Page) -> TestResult {
    alert_says(page, DataReply::Status(404), "", "the server answered 404").await
}

async fn a_response_that_never_finishes(page: &Page) -> TestResult {
    page.server.set_data(&page.scenario, DataReply::Hang);
    page.open("").await?;
    // Meanwhile the page's own copy of the directory is there to read.
    page.wait_js("document.documentElement.classList.contains('app-started')").await?;
    check!(page.text("section.directory").await?.contains("Seoul"), "the page's directory shows while the data is on its way");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(25);
    loop {
        if page.count("[role=alert]").await? > 0 {
            break;
        }
        check!(std::time::Instant::now() < deadline, "no time-out message after 25 s");
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let alert = page.text("[role=alert]").await?;
    check!(alert.contains("did not arrive within 15 seconds"), "{alert:?}");
    // The server recovers: Try again works.
    serve(page, &shipped());
    page.click("[role=alert] button").await?;
    page.wait(".entry.country").await?;
    Ok(())
}

async fn a_wrong_type_in_a_field(page: &Page) -> TestResult {
    let mut v = shipped();
    v["offices"][3]["city"] = json!(42);
    let panel = problem_listed(page, &v, "offices[3].city").await?;
    check!(panel.contains("offices[3].city: should be a text in English and Swedish"), "{panel:?}");
    check!(page.count(".entry.office:not([hidden])").await? == 6, "the other offices are shown (6 of 7 offices)");
    Ok(())
}

async fn a_missing_required_field(page: &Page) -> TestResult {
    let mut v = shipped();
    v["groups"][0].as_object_mut().unwrap().remove("countries");
    let panel = problem_listed(page, &v, "groups[0].countries").await?;
    check!(panel.contains("groups[0].countries: is missing, and is required"), "{panel:?}");
    Ok(())
}

async fn an_unknown_country_code(page: &Page) -> TestResult {
    let mut v = shipped();
    v["offices"][0]["country"] = json!("XX");
    let panel = problem_listed(page, &v, "offices[0].country").await?;
    check!(panel.contains("'XX' is not an ISO 3166-1 country code"), "{panel:?}");
    Ok(())
}

async fn a_duplicate_id(page: &Page) -> TestResult {
    let mut v = shipped();
    v["groups"][1]["id"] = json!("group-south-korea");
    problem_listed(page, &v, "groups[1].id").await?;
    Ok(())
}

async fn a_reference_to_a_missing_organisation(page: &Page) -> TestResult {
    let mut v = shipped();
    v["offices"][0]["organisation"] = json!("no-such-org");
    let panel = problem_listed(page, &v, "offices[0].organisation").await?;
    check!(panel.contains("'no-such-org' is not one of the file's organisations"), "{panel:?}");
    Ok(())
}

async fn links_that_are_not_https_are_not_links(page: &Page) -> TestResult {
    let mut v = shipped();
    v["organisations"][0]["website"] = json!("javascript:window.hacked=1");
    v["organisations"][1]["website"] = json!("http://www.business-sweden.com/");
    v["countries"][0]["source"] = json!("javascript:window.hacked=1");
    problem_listed(page, &v, "organisations[0].website").await?;
    // (The map's countries are SVG links, whose `href` is not a string: the attribute, resolved.)
    let bad = page
        .js("return [...document.querySelectorAll('a')].map(a => new URL(a.getAttribute('href') || '', location.href).href)
               .filter(href => !href.startsWith('https://') && !href.startsWith(location.origin))")
        .await?;
    check!(bad.as_array().is_some_and(|a| a.is_empty()), "non-https links rendered: {bad}");
    page.open_ready("?country=US").await?;
    let details = page.text(".details:not([hidden])").await?;
    check!(details.contains("Source"), "the source is still named as text");
    check!(page.js("return window.hacked === undefined").await? == true, "nothing ran");
    Ok(())
}

async fn markup_in_text_is_shown_as_text(page: &Page) -> TestResult {
    let mut v = shipped();
    let evil = "<img src=x onerror=window.hacked=1><script>window.hacked=2</script><b>bold</b>";
    v["offices"][0]["name"]["en"] = json!(evil);
    v["offices"][0]["description"]["en"] = json!(evil);
    serve(page, &v);
    page.open_ready("?q=bold").await?;
    let name = page.text(".entry:not([hidden]) .entry-name").await?;
    check!(name == evil, "the name is shown literally: {name:?}");
    check!(page.count(".entry img, .entry b, .entry script").await? == 0, "no element was created from the text");
    check!(page.js("return window.hacked === undefined").await? == true, "nothing ran");
    Ok(())
}

async fn a_five_megabyte_dataset(page: &Page) -> TestResult {
    let mut v = shipped();
    let template = v["offices"][0].clone();
    let offices = v["offices"].as_array_mut().unwrap();
    let mut i = 0;
    while serde_json::to_string(offices).unwrap().len() < 5_000_000 && i < 40_000 {
        for _ in 0..1000 {
            let mut o = template.clone();
            o["id"] = json!(format!("generated-{i}"));
            o["name"]["en"] = json!(format!("Generated office {i} with a long enough name to take some room"));
            if i == 777 {
                o["name"]["en"] = json!("The needle in the haystack");
            }
            o["description"]["en"] = json!("A generated office used to check that a large file still loads and stays usable. ".repeat(2));
            offices.push(o);
            i += 1;
        }
    }
    let body = v.to_string();
    check!(body.len() >= 5_000_000, "dataset is {} bytes", body.len());
    serve(page, &v);
    page.open_ready("").await?;
    let count = page.text(".result-count").await?;
    check!(count.starts_with(&format!("{}", 9 + 9 + 4 + 9 + i)), "all entries counted: {count}");
    check!(page.count(".entry:not([hidden])").await? <= 30, "rendering is capped");
    let more = page.text(".show-more:not([hidden])").await?;
    check!(more.starts_with("Show 30 more"), "{more:?}");
    page.click(".show-more:not([hidden])").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 60").await?;
    page.click("#search").await?;
    page.keys("needle").await?;
    page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 1").await?;
    // Back to every entry: one page again (a screenful at once, the rest of the page next).
    page.keys(&"\u{E003}".repeat("needle".len())).await?;
    if let Err(e) = page.wait_js("document.querySelectorAll('.entry:not([hidden])').length === 30").await {
        return Err(format!("{e}: {} entries show", page.count(".entry:not([hidden])").await?).into());
    }
    check!(page.text(".show-more:not([hidden])").await?.starts_with("Show 30 more"), "one page after the search is cleared");
    Ok(())
}

async fn a_strict_content_security_policy_holds(page: &Page) -> TestResult {
    let report = format!("/case/{}/__csp-report", page.scenario);
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; report-uri {report}"
    );
    page.server.set_headers(&page.scenario, &[("Content-Security-Policy", &policy)]);
    page.open_ready("?country=KR").await?;
    page.wait(".details:not([hidden]) h2").await?;
    // Exercise the parts that set styles and attributes at run time: tooltip, zoom, filters.
    page.js("document.getElementById('map-country-JP').focus()").await?;
    page.wait(".map-tooltip:not([hidden])").await?;
    page.click(".map-controls button").await?;
    page.click("#search").await?;
    page.keys("seoul").await?;
    page.wait_js("location.search.includes('q=seoul')").await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let reports = page.server.csp_reports(&page.scenario);
    check!(reports.is_empty(), "CSP violations: {reports:?}");
    Ok(())
}

/// Editors who look at the data problems find the way to the data editor.
async fn the_data_problems_panel_leads_to_the_editor(page: &Page) -> TestResult {
    page.open_ready("?debug=1").await?;
    check!(page.text(".data-problems").await?.contains("No problems found"), "the shipped file is clean");
    let href = page.js("return document.querySelector('.data-problems a').getAttribute('href')").await?;
    check!(href == "editor.html?lang=en", "a link to the editor: {href}");
    page.click(".data-problems a").await?;
    page.wait(".record-list").await?;
    Ok(())
}

crate::scenarios!(
    an_empty_file,
    a_truncated_file,
    a_file_that_is_not_an_object,
    a_newer_schema_version,
    the_alert_speaks_swedish,
    http_404,
    a_response_that_never_finishes,
    a_wrong_type_in_a_field,
    a_missing_required_field,
    an_unknown_country_code,
    a_duplicate_id,
    a_reference_to_a_missing_organisation,
    links_that_are_not_https_are_not_links,
    markup_in_text_is_shown_as_text,
    a_five_megabyte_dataset,
    a_strict_content_security_policy_holds,
    the_data_problems_panel_leads_to_the_editor,
);
