//! The app loads the dataset, lists the countries, opens a country from the URL, and says
//! clearly when the data cannot be shown.

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

const SHIPPED: &str = include_str!("../../../public/data/initiative.json");

async fn countries_appear_from_the_dataset(page: &Page) -> TestResult {
    page.open_ready("").await?;
    check!(page.text("h1").await? == "International Innovation Initiative", "main heading");
    check!(page.client.title().await? == "International Innovation Initiative", "page title");
    let names: Vec<String> = page
        .js("return [...document.querySelectorAll('.entry.country h3')].map(h => h.textContent)")
        .await?
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        .unwrap_or_default();
    for country in ["Brazil", "China", "France", "Germany", "India", "Israel", "Japan", "South Korea", "United States"] {
        check!(names.iter().any(|n| n == country), "{country} not listed: {names:?}");
    }
    page.screenshot("start-1280").await?;
    Ok(())
}

async fn a_country_in_the_url_shows_its_office(page: &Page) -> TestResult {
    page.open_ready("?country=kr").await?;
    let heading = page.text(".details:not([hidden]) h2").await?;
    check!(heading == "South Korea", "details heading was {heading:?}");
    let details = page.text(".details:not([hidden])").await?;
    check!(details.contains("Office of Science and Innovation, Seoul"), "no Seoul office in {details:?}");
    check!(details.contains("Link not published"), "the group's missing address is said plainly");
    page.screenshot("country-kr").await?;
    Ok(())
}

async fn external_links_open_in_a_new_tab_without_opener(page: &Page) -> TestResult {
    page.open_ready("?country=US").await?;
    let bad = page
        .js("return [...document.querySelectorAll('a[href^=\"http\"]')].filter(a => a.target !== '_blank' || !/noopener/.test(a.rel) || !/noreferrer/.test(a.rel)).map(a => a.href)")
        .await?;
    check!(bad.as_array().is_some_and(|a| a.is_empty()), "links without target/rel: {bad}");
    check!(page.count("a[target=_blank]").await? > 5, "expected many external links");
    Ok(())
}

async fn a_malformed_dataset_shows_an_alert_and_retry_works(page: &Page) -> TestResult {
    page.server.set_data(&page.scenario, DataReply::Body(b"{\"schema_version\": 1,\n \"countries\": [".to_vec()));
    page.open("").await?;
    let alert = page.text("[role=alert]").await?;
    check!(alert.contains("initiative.json: line 2"), "alert should say where: {alert:?}");
    check!(alert.contains("not valid JSON"), "alert should say what: {alert:?}");
    // The editor fixes the file; "Try again" loads it without reloading the page.
    page.server.set_data(&page.scenario, DataReply::Body(SHIPPED.as_bytes().to_vec()));
    page.click("[role=alert] button").await?;
    page.wait(".entry.country").await?;
    check!(page.count("[role=alert]").await? == 0, "the alert is gone after a successful retry");
    Ok(())
}

async fn a_server_error_is_explained(page: &Page) -> TestResult {
    page.server.set_data(&page.scenario, DataReply::Status(500));
    page.open("").await?;
    let alert = page.text("[role=alert]").await?;
    check!(alert.contains("the server answered 500"), "{alert:?}");
    check!(page.count("[role=alert] button").await? == 1, "a Try again button");
    Ok(())
}

crate::scenarios!(
    countries_appear_from_the_dataset,
    a_country_in_the_url_shows_its_office,
    external_links_open_in_a_new_tab_without_opener,
    a_malformed_dataset_shows_an_alert_and_retry_works,
    a_server_error_is_explained,
);
