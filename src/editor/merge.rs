//! A saved draft meets a published file that changed since the draft began: the draft's changes
//! are merged into the new file (`draft::merge`), so a colleague's published work is never
//! undone unawares. Where both changed the same field differently, the visitor chooses per
//! field, seeing both sides and what the file held before; nothing can be downloaded until each
//! is chosen (the editing screen, with its download, only comes back then).

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::dataset::Lang;
use crate::draft::document::Document;
use crate::draft::merge::{merge, Choice, Conflict, Merge};

use super::labels::{field_label, record_label};
use super::state::{Editor, Screen};
use super::storage::Saved;
use super::text::{kind_name, t};

/// A merge waiting for the visitor's choices.
#[derive(Clone, Debug)]
pub struct Merging {
    pub saved: Arc<Saved>,
    /// The published file's text the draft is merged into.
    pub published: String,
    pub merge: Merge,
}

/// Merges the saved draft into the published file: taken up at once when nothing conflicts,
/// else the conflicts to choose. False if either file cannot be read (then nothing changes).
pub fn merge_into_published(editor: Editor, saved: Arc<Saved>, published: &str) -> bool {
    let (Ok(base), Ok(mine), Ok(theirs)) = (Document::parse(&saved.base), Document::parse(&saved.text), Document::parse(published)) else {
        return false;
    };
    let merge = merge(&base, &mine, &theirs);
    match merge.result() {
        Some(merged) => {
            // The draft as it was stays in the browser until the merged one replaces it.
            editor.resume(&saved);
            editor.take_merged(published, merged);
        }
        None => {
            editor.merging.set(Some(Merging { saved, published: published.to_string(), merge }));
            editor.screen.set(Screen::Conflicts);
        }
    }
    true
}

/// Takes up the merge once every conflict is chosen; otherwise says which are left.
fn finish(editor: Editor, set_unchosen: WriteSignal<bool>) {
    let Some(merging) = editor.merging.get_untracked() else { return };
    match merging.merge.result() {
        Some(merged) => {
            editor.resume(&merging.saved);
            editor.take_merged(&merging.published, merged);
        }
        None => {
            set_unchosen.set(true);
            request_animation_frame(|| {
                if let Some(summary) = document().get_element_by_id("conflicts-summary") {
                    crate::browser::focus(&summary);
                }
            });
        }
    }
}

#[component]
pub fn ConflictsView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let (unchosen, set_unchosen) = signal(false);
    // Each conflict with what it is about, named from the merged file.
    let conflicts = move || {
        editor.merging.with(|m| {
            m.as_ref()
                .map(|m| m.merge.conflicts().iter().map(|c| (c.clone(), title(c, m.merge.merged(), lang))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let left = move || {
        editor.merging.with(|m| m.as_ref().map_or(0, |m| (0..m.merge.conflicts().len()).filter(|i| m.merge.choice(*i).is_none()).count()))
    };
    let back = move |_| {
        editor.merging.set(None);
        editor.screen.set(Screen::Open);
    };
    view! {
        <section class="conflicts" aria-labelledby="conflicts-heading">
            <h2 id="conflicts-heading">{s.conflicts_heading}</h2>
            <p>{s.conflicts_intro}</p>
            <Show when=move || { unchosen.get() && left() > 0 }>
                <div class="error-summary" id="conflicts-summary" role="alert" tabindex="-1">
                    <h3>{s.there_is_a_problem}</h3>
                    <p>{move || super::text::conflicts_left(left(), lang)}</p>
                </div>
            </Show>
            {move || conflicts().into_iter().enumerate().map(|(i, (c, name))| conflict_view(editor, i, c, name)).collect_view()}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| finish(editor, set_unchosen)>{s.use_choices}</button>
                <button type="button" on:click=back>{s.back_to_choice}</button>
            </div>
        </section>
    }
}

/// One conflict: what it is about, what the file held before, and the two sides to choose from.
fn conflict_view(editor: Editor, index: usize, conflict: Conflict, title: String) -> impl IntoView {
    let lang = editor.lang;
    let s = t(lang);
    let name = format!("conflict-{index}");
    let chosen = move || editor.merging.with(|m| m.as_ref().and_then(|m| m.merge.choice(index)));
    let choose = move |choice: Choice| {
        editor.merging.update(|m| {
            if let Some(m) = m.as_mut() {
                m.merge.choose(index, choice);
            }
        })
    };
    // A conflict on one language of a text shows that language only: the other is merged.
    let side = move |value: &Option<Value>| match &conflict.lang {
        Some(code) => value.as_ref().map(|v| v.get(code).cloned().unwrap_or(Value::Null)),
        None => value.clone(),
    };
    let option = move |choice: Choice, label: &'static str, value: Option<Value>| {
        let id = format!("{name}-{}", if choice == Choice::Mine { "mine" } else { "theirs" });
        let shown = show(&value, lang);
        let name = name.clone();
        view! {
            <div class="conflict-side">
                <input type="radio" id=id.clone() name=name prop:checked=move || chosen() == Some(choice) on:change=move |_| choose(choice)/>
                <label for=id>{label} ": " <span class="value">{shown}</span></label>
            </div>
        }
    };
    view! {
        <fieldset class="conflict">
            <legend>{title}</legend>
            <p class="hint">{s.before_both} ": " {show(&side(&conflict.base), lang)}</p>
            {option(Choice::Theirs, s.theirs, side(&conflict.theirs))}
            {option(Choice::Mine, s.mine, side(&conflict.mine))}
        </fieldset>
    }
}

/// "Office — Tokyo office: City" (a record's field), "Office — Tokyo office" (the whole record),
/// or the file's own field.
fn title(conflict: &Conflict, merged: &Document, lang: Lang) -> String {
    let Some(kind) = conflict.kind else { return format!("{}: {}", t(lang).file_fields, conflict.id) };
    let whole_record = [&conflict.mine, &conflict.theirs].into_iter().flatten().find(|v| v.is_object() && conflict.field.is_none());
    let record = merged
        .records(kind)
        .iter()
        .find(|r| r.get(kind.id_field()).and_then(Value::as_str) == Some(conflict.id.as_str()))
        .or(whole_record)
        .map(|r| record_label(kind, r, lang))
        .unwrap_or_else(|| conflict.id.clone());
    let record = format!("{} — {record}", kind_name(kind, lang));
    let language = match conflict.lang.as_deref() {
        Some("en") => format!(" ({})", t(lang).english),
        Some("sv") => format!(" ({})", t(lang).swedish),
        _ => String::new(),
    };
    match &conflict.field {
        Some(field) => {
            let label = field_label(kind, field, lang);
            format!("{record}: {}{language}", if label.is_empty() { field.as_str() } else { label })
        }
        None => record,
    }
}

/// A side's value as words: a text in both languages, a list, a whole record (kept or deleted).
fn show(value: &Option<Value>, lang: Lang) -> String {
    let s = t(lang);
    match value {
        None => s.not_there.into(),
        Some(Value::String(text)) if text.is_empty() => s.empty_value.into(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) => items.iter().map(|v| show(&Some(v.clone()), lang)).collect::<Vec<_>>().join(", "),
        Some(Value::Object(fields)) if fields.contains_key("en") || fields.contains_key("sv") => Lang::ALL
            .into_iter()
            .map(|l| format!("{}: {}", if l == Lang::En { s.english } else { s.swedish }, show(&fields.get(l.code()).cloned(), lang)))
            .collect::<Vec<_>>()
            .join(" · "),
        Some(Value::Object(_)) => s.record_kept.into(),
        Some(other) => other.to_string(),
    }
}
