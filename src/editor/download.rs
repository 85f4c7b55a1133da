//! Downloading `initiative.json`: refused, with the reasons listed and focused, while an error
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
    let s = t(editor.lang);
    let errors = editor.errors_now();
    if !errors.is_empty() {
        editor.summary.set(true);
        editor.status.set(s.download_refused.into());
        focus_summary();
        return;
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
    let Some(text) = editor.with_untracked(|d| d.current().to_text()) else { return };
    save_file(FILE, &text, "application/json");
    editor.downloaded.set(Some(editor.revision.get_untracked()));
    editor.status.set(s.downloaded.into());
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
