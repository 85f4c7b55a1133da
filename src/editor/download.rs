//! Downloading `initiative.json` (the bundle for publishing is `publish.rs`'s): refused, with the reasons listed and focused, while an error
//! remains; otherwise the draft's canonical text, `updated` set to today when anything changed.

use leptos::prelude::*;
use serde_json::Value;

use crate::browser::save_file;

use super::state::Editor;
use super::storage::today;
use super::text::t;

/// The file's name, as the atlas publishes it.
const FILE: &str = "initiative.json";

pub fn download(editor: Editor) {
    let Some(text) = file_to_publish(editor) else { return };
    save_file(FILE, &text, "application/json");
    editor.downloaded.set(Some(Downloaded { revision: editor.revision.get_untracked(), bundle: false }));
    editor.status.set(t(editor.lang).downloaded.into());
}

/// The file as it would be published: refused (None, with the reasons listed and focused)
/// while an error remains; `updated` set to today when anything changed.
pub fn file_to_publish(editor: Editor) -> Option<String> {
    let s = t(editor.lang);
    let errors = editor.errors_now();
    if !errors.is_empty() {
        editor.summary.set(true);
        editor.status.set(s.download_refused.into());
        focus_summary();
        return None;
    }
    editor.summary.set(false);
    let changed = editor.with_untracked(|d| d.is_changed()).unwrap_or(false);
    if changed {
        let today = Value::String(today());
        editor.change(|d| {
            d.seal();
            d.set_head("updated", Some(today));
        });
    }
    editor.with_untracked(|d| d.current().to_text())
}

/// What was downloaded last: at which revision of the draft, and whether the bundle for
/// publishing (the data file and both pages) or the data file alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Downloaded {
    pub revision: u64,
    pub bundle: bool,
}

/// The draft as it is, problems and all: when the browser cannot keep it, the visitor can.
pub fn download_draft(editor: Editor) {
    if let Some(text) = editor.with_untracked(|d| d.current().to_text()) {
        save_file("initiative-draft.json", &text, "application/json");
    }
}

/// Moves focus to the error summary once it is on the page.
pub fn focus_summary() {
    request_animation_frame(|| {
        if let Some(summary) = document().get_element_by_id("error-summary") {
            crate::browser::focus(&summary);
        }
    });
}
