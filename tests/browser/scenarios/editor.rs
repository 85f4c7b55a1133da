//! The web editor, as a web editor uses it: open, edit a field, download a file that differs only
//! there; a bad link said beside its field and in the summary, the download refused until it is
//! fixed; deleting a record others name; the draft kept through a reload, and undo; a local file
//! with a broken record; the preview; Swedish; axe in every state.

use fantoccini::Locator;
use serde_json::Value;

use crate::check;
use crate::page::{Page, TestResult};

use super::accessibility::no_violations;

pub(super) const SHIPPED: &str = include_str!("../../../public/data/initiative.json");

/// Keeps what "Download" makes (the browser's own download is not needed to read it).
pub(super) const CAPTURE_DOWNLOADS: &str = "window.__downloads = []; window.__download_bytes = [];
    URL.createObjectURL = ((make) => function (blob) {
        blob.text().then((t) => window.__downloads.push(t));
        blob.arrayBuffer().then((b) => window.__download_bytes.push(Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('')));
        return make.call(URL, blob); })(URL.createObjectURL);
    HTMLAnchorElement.prototype.click = ((click) => function () { if (!this.download) return click.call(this); })(HTMLAnchorElement.prototype.click);";

/// Opens the editor with no draft in this browser, and waits for the records.
pub(super) async fn open_editor(page: &Page, query: &str) -> TestResult {
    page.server.run_first(&page.scenario, CAPTURE_DOWNLOADS);
    page.open(&format!("editor.html{query}")).await?;
    page.js("localStorage.clear(); return true").await?;
    page.open(&format!("editor.html{query}")).await?;
    page.wait(".record-list .records li").await?;
    Ok(())
}

pub(super) async fn click_button(page: &Page, within: &str, text: &str) -> TestResult {
    let xpath = format!("//*[contains(concat(' ', @class, ' '), ' {within} ')]//button[contains(normalize-space(.), \"{text}\")]");
    let button = page
        .client
        .wait()
        .at_most(crate::page::WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .map_err(|e| format!("no button {text:?}: {e}"))?;
    page.js_with("arguments[0].scrollIntoView({block: 'center'}); return true", &button).await?;
    button.click().await?;
    Ok(())
}

/// Opens a record: its kind, then the record by (part of) its name.
pub(super) async fn open_record(page: &Page, kind: &str, name: &str) -> TestResult {
    click_button(page, "kinds", kind).await?;
    click_button(page, "records", name).await?;
    page.wait_text("#record-heading", |t| t.contains(name)).await?;
    Ok(())
}

pub(super) async fn type_into(page: &Page, css: &str, text: &str) -> TestResult {
    let field = page.wait(css).await?;
    field.send_keys(text).await?;
    Ok(())
}

/// The files downloaded so far.
pub(super) async fn downloads(page: &Page) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let v = page.js("return window.__downloads").await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect()).unwrap_or_default())
}

/// The lines that differ between two files of the same number of lines.
fn changed_lines(before: &str, after: &str) -> Result<Vec<String>, String> {
    let (b, a): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    if a.len() != b.len() {
        return Err(format!("{} lines became {}", b.len(), a.len()));
    }
    Ok(b.iter().zip(&a).filter(|(x, y)| x != y).map(|(_, y)| y.trim().to_string()).collect())
}

async fn an_edit_downloads_as_a_one_field_change(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    // Opened and downloaded unedited: the published file, byte for byte.
    page.click(".editor-toolbar .primary").await?;
    page.wait_js("window.__downloads.length === 1").await?;
    check!(downloads(page).await?[0] == SHIPPED, "the unedited file is the published one, byte for byte");

    open_record(page, "Offices and scouts", "Tokyo").await?;
    type_into(page, "#field-name-en", " (Japan)").await?;
    page.wait_text(".records [aria-current=true]", |t| t.contains("Tokyo (Japan)")).await?;
    page.click(".editor-toolbar .primary").await?;
    page.wait_js("window.__downloads.length === 2").await?;
    let file = downloads(page).await?.remove(1);
    let changed = changed_lines(SHIPPED, &file)?;
    check!(changed.len() == 2, "only the name and the date changed: {changed:#?}");
    check!(changed.contains(&"\"en\": \"Office of Science and Innovation, Tokyo (Japan)\",".to_string()), "{changed:#?}");
    check!(changed.iter().any(|l| l.starts_with("\"updated\": \"20")), "updated is set to today: {changed:#?}");
    check!(page.text(".after-download").await?.contains("Replace data/initiative.json"), "the next steps are said");
    check!(page.text(".status").await?.contains("Downloaded"), "the status says so");
    Ok(())
}

async fn an_http_link_is_refused_until_it_is_fixed(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    open_record(page, "LinkedIn groups", "South Korea").await?;
    type_into(page, "#field-url", "http://www.linkedin.com/groups/12345").await?;
    let said = page.wait_text("#field-url-error", |t| t.contains("must start with https://")).await?;
    check!(said.starts_with("Error:"), "the error says it is one in words: {said:?}");
    let described = page.js("return document.getElementById('field-url').getAttribute('aria-describedby')").await?;
    check!(described.as_str().is_some_and(|d| d.split(' ').any(|id| id == "field-url-error")), "aria-describedby: {described}");
    check!(page.js("return document.getElementById('field-url').getAttribute('aria-invalid')").await? == "true", "aria-invalid");

    page.click(".editor-toolbar .primary").await?;
    page.wait_js("document.activeElement && document.activeElement.id === 'error-summary'")
        .await
        .map_err(|e| format!("the summary takes focus: {e}"))?;
    let summary = page.text("#error-summary").await?;
    check!(summary.contains("There is a problem") && summary.contains("LinkedIn address"), "{summary:?}");
    check!(downloads(page).await?.is_empty(), "no file while an error remains");
    page.click("#error-summary a").await?;
    page.wait_js("document.activeElement && document.activeElement.id === 'field-url'")
        .await
        .map_err(|e| format!("the summary link leads to the field: {e}"))?;

    click_button(page, "field", "Use the https address").await?;
    page.wait_js("!document.getElementById('field-url-error')").await?;
    page.click(".editor-toolbar .primary").await?;
    page.wait_js("window.__downloads.length === 1").await?;
    check!(downloads(page).await?[0].contains("\"url\": \"https://www.linkedin.com/groups/12345\""), "the fixed link is in the file");
    no_violations(page, "editor after a fixed error").await
}

async fn deleting_a_record_others_name_lists_them_first(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    // Point an office at Business Sweden (nothing does in the published file), then delete it.
    open_record(page, "Offices and scouts", "Nordic Innovation House").await?;
    page.click("#field-organisation").await?;
    page.keys("Business Swe").await?;
    page.wait(".choice-options li[aria-selected=true]").await?;
    page.keys("\u{e007}").await?;
    page.wait_js("document.getElementById('field-organisation').value.startsWith('Business Sweden')").await?;
    open_record(page, "Organisations", "Business Sweden").await?;
    click_button(page, "record-actions", "Delete").await?;
    let dialog = page.wait_text("dialog[open]", |t| t.contains("name it")).await?;
    check!(dialog.contains("Nordic Innovation House"), "the office that names it is listed: {dialog:?}");
    no_violations(page, "editor, delete dialog").await?;
    click_button(page, "dialog", "Cancel").await?;
    page.wait_js("!document.querySelector('dialog[open]')").await?;
    check!(page.text("#record-heading").await?.contains("Business Sweden"), "cancel keeps it");
    click_button(page, "record-actions", "Delete").await?;
    click_button(page, "dialog", "Delete").await?;
    page.wait_js("![...document.querySelectorAll('.records button')].some(b => b.textContent.includes('Business Sweden'))").await?;
    Ok(())
}

async fn the_draft_survives_a_reload_and_undo_takes_it_back(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    open_record(page, "Offices and scouts", "Seoul").await?;
    type_into(page, "#field-city-en", " (Korea)").await?;
    page.wait_js("localStorage.getItem('innovation-atlas:draft:text') && localStorage.getItem('innovation-atlas:draft:text').includes('Seoul (Korea)')").await?;
    page.open("editor.html").await?;
    page.wait_text(".status", |t| t.contains("draft is back")).await?;
    open_record(page, "Offices and scouts", "Seoul").await?;
    check!(page.js("return document.getElementById('field-city-en').value").await? == "Seoul (Korea)", "the change is still there");
    click_button(page, "editor-toolbar", "Undo").await?;
    page.wait_js("document.getElementById('field-city-en').value === 'Seoul'").await?;
    click_button(page, "editor-toolbar", "Redo").await?;
    page.wait_js("document.getElementById('field-city-en').value === 'Seoul (Korea)'").await?;
    // The keyboard too, from inside the field.
    page.click("#field-city-en").await?;
    page.keys("\u{e009}z\u{e009}").await?;
    page.wait_js("document.getElementById('field-city-en').value === 'Seoul'").await.map_err(|e| format!("Ctrl+Z: {e}"))?;
    Ok(())
}

/// The draft is saved when typing pauses, and at once when the page is left mid-word.
async fn a_change_is_kept_when_the_page_is_left_while_typing(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    open_record(page, "Offices and scouts", "Seoul").await?;
    type_into(page, "#field-city-en", " Station").await?;
    page.open("editor.html").await?;
    page.wait_text(".status", |t| t.contains("draft is back")).await?;
    open_record(page, "Offices and scouts", "Seoul").await?;
    let city = page.js("return document.getElementById('field-city-en').value").await?;
    check!(city == "Seoul Station", "the last keystrokes are kept: {city}");
    Ok(())
}

async fn a_local_file_opens_with_its_broken_records_kept_and_marked(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    let mut file: Value = serde_json::from_str(SHIPPED)?;
    file["offices"][3]["city"] = serde_json::json!(42);
    let path = page.scratch_file("atlas-editor.json")?;
    std::fs::write(&path, file.to_string())?;
    click_button(page, "editor-toolbar", "Open another file").await?;
    page.wait("#open-file").await?.send_keys(&path.display().to_string()).await?;
    // (The browser may read the file later: it is removed at the end.)
    let result = a_local_file_opened(page).await;
    let _ = path.parent().map(std::fs::remove_dir_all);
    result
}

async fn a_local_file_opened(page: &Page) -> TestResult {
    click_button(page, "kinds", "Offices and scouts").await?;
    page.wait_text(".kinds [aria-pressed=true]", |t| t.contains("(9)")).await?;
    let marked = page.wait_text(".records", |t| t.contains("1 problem")).await?;
    check!(marked.contains("Seoul"), "the broken office is listed, marked: {marked:?}");
    open_record(page, "Offices and scouts", "Seoul").await?;
    page.wait_text("#field-city-error", |t| t.contains("English and Swedish")).await?;
    no_violations(page, "editor, a broken record open").await
}

async fn the_preview_shows_the_atlas_with_the_draft(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    open_record(page, "Offices and scouts", "Tokyo").await?;
    type_into(page, "#field-name-en", " (draft)").await?;
    page.wait_js("(localStorage.getItem('innovation-atlas:draft:text') || '').includes('Tokyo (draft)')").await?;
    click_button(page, "editor-toolbar", "Preview").await?;
    page.wait(".preview-frame").await?;
    let shown = page
        .frame_wait(
            0,
            "document.querySelector('.details:not([hidden]) h2') && document.querySelector('.details:not([hidden])').textContent.includes('Tokyo (draft)')",
        )
        .await;
    check!(shown.is_ok(), "the preview shows Japan with the draft's name: {shown:?}");
    check!(
        page.frame_js(0, "return document.querySelector('.preview-banner').textContent")
            .await?
            .as_str()
            .unwrap_or("")
            .contains("not published"),
        "says it is a draft"
    );
    no_violations(page, "editor, preview").await
}

async fn the_editor_speaks_swedish_and_passes_axe_everywhere(page: &Page) -> TestResult {
    open_editor(page, "?lang=sv").await?;
    check!(page.text("h1").await? == "Innovation Atlas — dataredigerare", "Swedish heading");
    check!(page.js("return document.documentElement.lang").await? == "sv", "<html lang=sv>");
    check!(page.text(".kinds").await?.contains("Länder"), "Swedish kinds");
    no_violations(page, "editor, Swedish, start").await?;
    open_record(page, "Kontor och scouter", "Tokyo").await?;
    no_violations(page, "editor, Swedish, a record open").await?;
    click_button(page, "editor-toolbar", "Vad som ändrats").await?;
    page.wait("#changes-heading").await?;
    no_violations(page, "editor, what changed").await?;
    click_button(page, "editor-toolbar", "Öppna en annan fil").await?;
    page.wait("#open-file").await?;
    no_violations(page, "editor, open a file").await
}

/// A second tab with the editor: both say so, and the second only shows until its visitor
/// chooses to edit there; when it closes, the first one's notice goes.
async fn a_second_tab_is_told_and_only_shows(page: &Page) -> TestResult {
    open_editor(page, "").await?;
    let first = page.client.window().await?;
    let second = page.client.new_window(true).await?;
    page.client.switch_to_window(second.handle.clone()).await?;
    page.open("editor.html").await?;
    page.wait_text(".notice", |t| t.contains("open in another tab")).await?;
    check!(page.text(".notice").await?.contains("only shows"), "the second tab only shows");
    check!(
        page.js("return document.querySelector('.record-fields') === null || document.querySelector('.record-fields').disabled").await?
            == true,
        "nothing to edit there"
    );
    page.client.switch_to_window(first.clone()).await?;
    page.wait_text(".notice", |t| t.contains("open in another tab")).await.map_err(|e| format!("the first tab is told too: {e}"))?;
    // A tab on its way out (its pagehide has run, the browser has not yet taken it away) says
    // goodbye and answers nothing more: the first tab's recount does not find it.
    page.client.switch_to_window(second.handle.clone()).await?;
    page.js("dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })); return true").await?;
    page.client.switch_to_window(first.clone()).await?;
    page.wait_js("!document.body.textContent.includes('open in another tab')")
        .await
        .map_err(|e| format!("a leaving tab still answers: {e}"))?;
    // Shown again from the browser's back/forward cache, it is counted again.
    page.client.switch_to_window(second.handle.clone()).await?;
    page.js("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })); return true").await?;
    page.client.switch_to_window(first.clone()).await?;
    page.wait_text(".notice", |t| t.contains("open in another tab"))
        .await
        .map_err(|e| format!("a tab back from the cache is not counted: {e}"))?;
    // The second tab closes: the first one's notice goes.
    page.client.switch_to_window(second.handle).await?;
    page.client.close_window().await?;
    page.client.switch_to_window(first).await?;
    page.wait_js("!document.body.textContent.includes('open in another tab')").await.map_err(|e| format!("the notice goes: {e}"))?;
    Ok(())
}

crate::scenarios!(
    a_second_tab_is_told_and_only_shows,
    an_edit_downloads_as_a_one_field_change,
    an_http_link_is_refused_until_it_is_fixed,
    deleting_a_record_others_name_lists_them_first,
    the_draft_survives_a_reload_and_undo_takes_it_back,
    a_change_is_kept_when_the_page_is_left_while_typing,
    a_local_file_opens_with_its_broken_records_kept_and_marked,
    the_preview_shows_the_atlas_with_the_draft,
    the_editor_speaks_swedish_and_passes_axe_everywhere,
);
