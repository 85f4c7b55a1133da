//! The editor never loses or silently reverts anyone's work, tried as web editors would: a
//! colleague publishes while a draft is open (merged, and a conflict chosen field by field); a
//! file that fails to open; a draft from a local file; two tabs; Compare; a browser that cannot
//! save the draft.

use serde_json::Value;

use crate::check;
use crate::page::{Page, TestResult};
use crate::server::DataReply;

use super::accessibility::no_violations;
use super::editor::{click_button, downloads, open_editor, open_record, type_into, CAPTURE_DOWNLOADS, SHIPPED};

const DRAFT_TEXT: &str = "innovation-atlas:draft:text";

/// The published file with `office`'s English city set to `city`.
fn with_city(office: &str, city: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut file: Value = serde_json::from_str(SHIPPED)?;
    let offices = file["offices"].as_array_mut().ok_or("no offices")?;
    let record = offices.iter_mut().find(|o| o["id"] == office).ok_or("no such office")?;
    record["city"]["en"] = Value::String(city.into());
    Ok(serde_json::to_string_pretty(&file)?.into_bytes())
}

/// Sets an office's English city in the editor and waits until the draft is saved with it.
async fn edit_city(page: &Page, office_name: &str, city: &str) -> TestResult {
    open_record(page, "Offices and scouts", office_name).await?;
    page.js("const f = document.getElementById('field-city-en'); f.select(); return true").await?;
    type_into(page, "#field-city-en", city).await?;
    page.wait_js(&format!("(localStorage.getItem('{DRAFT_TEXT}') || '').includes('{city}')")).await?;
    Ok(())
}

/// A confirmation answered yes, as the visitor would (WebDriver's own dialog handling differs
/// by engine).
async fn confirm_yes(page: &Page) -> TestResult {
    page.js("window.confirm = () => true; return true").await?;
    Ok(())
}

/// The draft's text as downloaded now.
async fn download_now(page: &Page) -> Result<String, Box<dyn std::error::Error>> {
    let before = downloads(page).await?.len();
    page.click(".editor-toolbar .primary").await?;
    page.wait_js(&format!("window.__downloads.length === {}", before + 1)).await?;
    Ok(downloads(page).await?.pop().unwrap_or_default())
}

async fn keep_my_draft_merges_a_colleagues_published_change(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    edit_city(page, "Tokyo", "MY-DRAFT-EDIT").await?;
    // A colleague publishes another office's new city.
    page.server.set_data(&page.scenario, DataReply::Body(with_city("osi-seoul", "SERVER-CHANGE")?));
    page.open("editor.html").await?;
    page.wait_text(".notice", |t| t.contains("published file has changed")).await?;
    click_button(page, "notice", "Merge my changes").await?;
    page.wait_text(".status", |t| t.contains("merged")).await?;
    click_button(page, "editor-toolbar", "What changed").await?;
    let changed = page.wait_text(".changes", |t| t.contains("MY-DRAFT-EDIT")).await?;
    check!(!changed.contains("SERVER-CHANGE") && !changed.contains("Seoul"), "lists only what publishing would change: {changed:?}");
    let file = download_now(page).await?;
    check!(file.contains("\"en\": \"MY-DRAFT-EDIT\""), "the download holds my edit");
    check!(file.contains("\"en\": \"SERVER-CHANGE\""), "and the colleague's published change");
    // Merged once: the notice does not come back.
    page.open("editor.html").await?;
    page.wait_text(".status", |t| t.contains("draft is back")).await?;
    check!(page.count(".notice").await? == 0 || !page.text("main").await?.contains("published file has changed"), "the notice is gone");
    Ok(())
}

async fn a_conflict_is_chosen_field_by_field_before_download(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    edit_city(page, "Tokyo", "MINE-TOKYO").await?;
    let mut theirs: Value = serde_json::from_slice(&with_city("osi-tokyo", "THEIRS-TOKYO")?)?;
    theirs["offices"][3]["city"]["en"] = Value::String("SERVER-SEOUL".into());
    page.server.set_data(&page.scenario, DataReply::Body(serde_json::to_vec_pretty(&theirs)?));
    page.open("editor.html").await?;
    click_button(page, "notice", "Merge my changes").await?;
    let shown = page.wait_text(".conflicts", |t| t.contains("THEIRS-TOKYO")).await?;
    check!(shown.contains("MINE-TOKYO") && shown.contains("Tokyo"), "both sides and the base are shown: {shown:?}");
    check!(page.count(".editor-toolbar").await? == 0, "no download while a conflict is unchosen");
    no_violations(page, "editor, a conflict to choose").await?;
    click_button(page, "conflicts", "Use these choices").await?;
    page.wait_js("document.activeElement && document.activeElement.id === 'conflicts-summary'").await?;
    check!(page.text("#conflicts-summary").await?.contains("1 more field"), "says what is left");
    page.click("#conflict-0-mine").await?;
    page.screenshot("editor-conflict").await?;
    click_button(page, "conflicts", "Use these choices").await?;
    page.wait(".editor-toolbar").await?;
    let file = download_now(page).await?;
    check!(file.contains("\"en\": \"MINE-TOKYO\"") && !file.contains("THEIRS-TOKYO"), "my side, as chosen");
    check!(file.contains("\"en\": \"SERVER-SEOUL\""), "the colleague's other change is kept");
    Ok(())
}

async fn a_file_that_fails_to_open_keeps_the_way_back_to_the_draft(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    edit_city(page, "Tokyo", "KEEP-ME").await?;
    let path = page.scratch_file("not-json.json")?;
    std::fs::write(&path, "this is { not JSON")?;
    confirm_yes(page).await?;
    click_button(page, "editor-toolbar", "Open another file").await?;
    page.wait("#open-file").await?.send_keys(&path.display().to_string()).await?;
    let said = page.wait_text(".error-summary", |t| t.contains("not valid JSON")).await;
    let _ = path.parent().map(std::fs::remove_dir_all);
    let said = said?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    check!(said.contains(name) && !said.contains("initiative.json"), "the message names the file opened: {said:?}");
    no_violations(page, "editor, a file that failed to open").await?;
    click_button(page, "open", "Back to my draft").await?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    check!(page.js("return document.getElementById('field-city-en').value").await? == "KEEP-ME", "the draft is as it was");
    // Opening the published file over the draft keeps the draft aside, offered back.
    confirm_yes(page).await?;
    click_button(page, "editor-toolbar", "Open another file").await?;
    click_button(page, "open", "Open the published file").await?;
    page.wait_text(".notice", |t| t.contains("earlier draft")).await?;
    click_button(page, "notice", "Open the earlier draft").await?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    page.wait_js("document.getElementById('field-city-en').value === 'KEEP-ME'").await?;
    Ok(())
}

async fn a_draft_from_a_local_file_is_compared_with_that_file(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    let path = page.scratch_file("colleague.json")?;
    std::fs::write(&path, with_city("osi-seoul", "LOCAL-FILE-CITY")?)?;
    click_button(page, "editor-toolbar", "Open another file").await?;
    page.wait("#open-file").await?.send_keys(&path.display().to_string()).await?;
    let opened = page.wait_text(".status", |t| !t.is_empty()).await;
    let _ = path.parent().map(std::fs::remove_dir_all);
    opened?;
    edit_city(page, "Tokyo", "LOCAL-EDIT").await?;
    page.open("editor.html").await?;
    page.wait_text(".status", |t| t.contains("draft is back")).await?;
    check!(!page.text("main").await?.contains("published file has changed"), "no notice about the published file");
    click_button(page, "editor-toolbar", "What changed").await?;
    let changed = page.wait_text(".changes", |t| t.contains("LOCAL-EDIT")).await?;
    check!(!changed.contains("LOCAL-FILE-CITY") && !changed.contains("Seoul"), "compared with the local file: {changed:?}");
    Ok(())
}

async fn when_the_editing_tab_closes_another_takes_over(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    edit_city(page, "Tokyo", "TAB-A").await?;
    let first = page.client.window().await?;
    let second = page.client.new_window(true).await?;
    page.client.switch_to_window(second.handle.clone()).await?;
    page.open("editor.html").await?;
    page.wait_text(".notice", |t| t.contains("only shows")).await?;
    click_button(page, "notice", "Edit in this tab").await?;
    edit_city(page, "Tokyo", "TAB-B").await?;
    page.client.switch_to_window(first.clone()).await?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    page.wait_js("document.getElementById('field-city-en').value === 'TAB-B'")
        .await
        .map_err(|e| format!("the showing tab follows: {e}"))?;
    page.client.switch_to_window(second.handle).await?;
    page.client.close_window().await?;
    page.client.switch_to_window(first).await?;
    page.wait_js("!document.body.textContent.includes('open in another tab')").await.map_err(|e| format!("the notice goes: {e}"))?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    check!(page.js("return document.getElementById('field-city-en').value").await? == "TAB-B", "the latest saved draft");
    check!(page.js("return document.querySelector('.record-fields').disabled").await? == false, "this tab edits now");
    type_into(page, "#field-city-en", "+A").await?;
    page.wait_js(&format!("(localStorage.getItem('{DRAFT_TEXT}') || '').includes('TAB-B+A')")).await?;
    Ok(())
}

async fn compare_is_a_view_of_its_own(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    edit_city(page, "Tokyo", "COMPARE-ME").await?;
    page.server.set_data(&page.scenario, DataReply::Body(with_city("osi-seoul", "SERVER-CHANGE")?));
    page.open("editor.html").await?;
    click_button(page, "notice", "Compare").await?;
    page.wait_text(".changes", |t| t.contains("COMPARE-ME")).await?;
    check!(page.count(".editor-toolbar").await? == 0, "no toolbar acting on an empty draft");
    no_violations(page, "editor, comparing a saved draft").await?;
    click_button(page, "changes", "Back").await?;
    page.wait_text(".notice", |t| t.contains("published file has changed")).await?;
    Ok(())
}

/// Storage refuses the draft (full, or turned off): the preview says so instead of showing
/// the published data as if it were the draft.
async fn the_preview_says_when_the_draft_could_not_be_saved(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    page.server.run_first(
        &page.scenario,
        &format!(
            "{CAPTURE_DOWNLOADS}\nStorage.prototype.setItem = function () {{ throw new DOMException('full', 'QuotaExceededError'); }};"
        ),
    );
    page.open("editor.html").await?;
    page.wait(".record-list .records li").await?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    type_into(page, "#field-city-en", " (unsaved)").await?;
    page.wait_text(".notice.error", |t| t.contains("could not be saved")).await?;
    click_button(page, "editor-toolbar", "Preview").await?;
    let said = page.wait_text(".preview-unavailable", |t| t.contains("cannot show your draft")).await?;
    check!(page.count(".preview-frame").await? == 0, "no preview of other data: {said:?}");
    // The atlas's own preview page, without a saved draft, says what it shows.
    page.open("?draft=1").await?;
    page.wait_text(".preview-banner", |t| t.contains("no saved draft")).await?;
    Ok(())
}

crate::scenarios!(
    keep_my_draft_merges_a_colleagues_published_change,
    a_conflict_is_chosen_field_by_field_before_download,
    a_file_that_fails_to_open_keeps_the_way_back_to_the_draft,
    a_draft_from_a_local_file_is_compared_with_that_file,
    when_the_editing_tab_closes_another_takes_over,
    compare_is_a_view_of_its_own,
    the_preview_says_when_the_draft_could_not_be_saved,
);
