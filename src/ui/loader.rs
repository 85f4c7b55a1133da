//! Loads the dataset: `data/initiative.json` relative to the page (so the app works under any
//! sub-path), or with `?draft=1` the web editor's draft from this browser (its preview), and
//! hands the text to [`crate::validate::read_dataset`].

use crate::browser::fetch_text;
use crate::draft::STORAGE_KEY_TEXT;
use crate::validate::{read_dataset, read_dataset_checked, LoadError, Loaded};

/// Where the dataset lives, relative to the page.
pub const DATA_URL: &str = "data/initiative.json";

pub async fn load_dataset(draft: bool) -> Result<Loaded, LoadError> {
    if draft {
        if let Some(text) = draft_text() {
            return read_dataset(&text);
        }
    }
    let text = fetch_text(DATA_URL).await?;
    // The file the page was built from was checked by the build: read without the schema check.
    match super::dom::by_id("atlas").and_then(|atlas| atlas.get_attribute("data-version")) {
        Some(page_version) => read_dataset_checked(&text, &page_version),
        None => read_dataset(&text),
    }
}

/// True when this browser holds a draft from the web editor (its preview shows it).
pub fn has_draft() -> bool {
    draft_text().is_some()
}

/// The editor's draft, if this browser holds one.
fn draft_text() -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(STORAGE_KEY_TEXT).ok()?
}
