//! Publishing without a developer, as a web editor does it: edit an office's name, download the
//! bundle for publishing; its pages hold the edit and equal what the build writes for its data
//! file; pages that cannot be read are said, and the data file alone is still offered.

use std::io::Read;

use innovation_atlas::dataset::Lang;
use innovation_atlas::static_page::republish;

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

use super::accessibility::no_violations;
use super::editor::{click_button, open_editor, open_record, type_into};

/// The files in the last bundle downloaded, by name.
async fn last_bundle(page: &Page) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let hex = page.js("return window.__download_bytes[window.__download_bytes.length - 1]").await?;
    let hex = hex.as_str().ok_or("no download")?;
    let bytes: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16)).collect::<Result<_, _>>()?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        files.push((file.name()?.to_string(), text));
    }
    Ok(files)
}

fn file<'a>(files: &'a [(String, String)], name: &str) -> Result<&'a str, String> {
    files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str()).ok_or_else(|| format!("the bundle has no {name}"))
}

async fn the_bundle_for_publishing_holds_the_edit_in_both_pages(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    type_into(page, "#field-name-en", " (published by the editor)").await?;
    type_into(page, "#field-name-sv", " (publicerad av redigeraren)").await?;
    click_button(page, "editor-toolbar", "Download for publishing").await?;
    page.wait_js("window.__download_bytes.length === 1").await?;
    let files = last_bundle(page).await?;
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    check!(names == ["data/initiative.json", "index.html", "sv.html"], "laid out as the published folder: {names:?}");
    let json = file(&files, "data/initiative.json")?;
    check!(json.contains("Tokyo (published by the editor)"), "the data file holds the edit");
    for (name, lang, edit) in
        [("index.html", Lang::En, "Tokyo (published by the editor)"), ("sv.html", Lang::Sv, "(publicerad av redigeraren)")]
    {
        let page_text = file(&files, name)?;
        check!(page_text.contains(edit), "{name} holds the edit");
        // What the build's renderer writes, natively, on the page the editor read (as this test
        // server serves it) for this data file.
        let published = page.js(&format!("return fetch('{name}').then((r) => r.text())")).await?;
        let expected = republish(published.as_str().ok_or("no page")?, json, lang)?;
        if page_text != expected {
            let at = page_text.bytes().zip(expected.bytes()).position(|(a, b)| a != b).unwrap_or(page_text.len().min(expected.len()));
            let around = |t: &str| t.get(at.saturating_sub(80)..(at + 80).min(t.len())).unwrap_or_default().to_string();
            return Err(format!(
                "{name}: the editor's page differs from the build's for the same data file at byte {at}:\n editor: {}\n build:  {}",
                around(page_text),
                around(&expected)
            )
            .into());
        }
    }
    check!(page.text(".after-download").await?.contains("Unpack the zip"), "the next steps say how to put it in place");
    check!(page.text(".status").await?.contains("both pages"), "the status says what was downloaded");
    page.js("window.scrollTo(0, 0); return true").await?;
    page.screenshot("editor-publish").await?;
    Ok(())
}

async fn pages_that_cannot_be_read_are_said_and_the_data_file_still_offered(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    page.server.set_reply(&page.scenario, "sv.html", DataReply::Status(404));
    open_record(page, "Offices and scouts", "Tokyo").await?;
    type_into(page, "#field-name-en", " (data only)").await?;
    click_button(page, "editor-toolbar", "Download for publishing").await?;
    let said = page.wait_text(".notice.error", |t| t.contains("could not be read")).await?;
    check!(said.contains("sv.html"), "names the page: {said:?}");
    no_violations(page, "editor, the pages could not be read").await?;
    click_button(page, "notice", "Download initiative.json").await?;
    page.wait_js("window.__downloads.some((t) => t.includes('Tokyo (data only)'))").await?;
    Ok(())
}

crate::scenarios!(
    the_bundle_for_publishing_holds_the_edit_in_both_pages,
    pages_that_cannot_be_read_are_said_and_the_data_file_still_offered,
);
