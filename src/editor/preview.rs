//! The preview: the atlas itself (its own page, in an iframe) showing the draft (`?draft=1`
//! reads it from this browser and follows each save), the open record's country selected.

use leptos::prelude::*;
use serde_json::Value;

use crate::schema::RecordKind;

use super::state::Editor;
use super::text::t;

#[component]
pub fn PreviewView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    // Set once: the atlas follows later saves by itself, without reloading.
    let country = country_to_show(editor);
    let page = if editor.lang == crate::dataset::Lang::Sv { "sv.html" } else { "./" };
    let src = match country {
        Some(code) => format!("{page}?embed=1&draft=1&country={code}"),
        None => format!("{page}?embed=1&draft=1"),
    };
    // The atlas reads the draft from this browser's storage: when the draft could not be saved
    // there, it would show an older draft or the published data. Said, instead of shown.
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{s.preview}</h2>
            <Show
                when=move || !editor.storage_failed.get()
                fallback=move || view! {
                    <div class="notice error preview-unavailable" role="alert">
                        <p>{s.preview_unavailable}</p>
                        <button type="button" on:click=move |_| super::download::download_draft(editor)>{s.download_draft}</button>
                    </div>
                }
            >
                <p class="hint">{s.preview_note}</p>
                <iframe src=src.clone() title=s.preview_title class="preview-frame"></iframe>
            </Show>
        </section>
    }
}

/// The country of the open record: a country's own, an office's, a group's or fact's first.
fn country_to_show(editor: Editor) -> Option<String> {
    let kind = editor.kind.get_untracked();
    let index = editor.selected.get_untracked()?;
    let record = editor.with_untracked(|d| d.current().record(kind, index).cloned()).flatten()?;
    let code = match kind {
        RecordKind::Country => record.get("code"),
        RecordKind::Office => record.get("country"),
        RecordKind::Group | RecordKind::Event | RecordKind::Activity => record.get("countries").and_then(|c| c.get(0)),
        RecordKind::Organisation => None,
    };
    code.and_then(Value::as_str).filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic())).map(str::to_string)
}
