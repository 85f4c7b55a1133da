//! "What changed": the draft against the file it was opened from, added, changed and removed
//! records field by field; and, when the published file changed since a saved draft began, the
//! draft against the published file as it is now.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::dataset::Lang;
use crate::draft::changes::{changes, Changes, FieldChange, RecordChange};
use crate::draft::document::Document;
use crate::draft::Draft;
use crate::schema::RecordKind;

use super::labels::{field_label, record_label};
use super::state::{Editor, Screen};
use super::text::{kind_name, t};

/// Shows what the saved draft `draft_text` changes against the published file `published`.
pub fn compare(editor: Editor, published: &str, draft_text: &str) {
    if let (Ok(base), Ok(current)) = (Document::parse(published), Document::parse(draft_text)) {
        editor.comparison.set(Some(Arc::new(Draft::resume(base, current))));
        editor.screen.set(Screen::Changes);
    }
}

#[component]
pub fn ChangesView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    move || {
        let comparing = editor.comparison.get();
        let heading = if comparing.is_some() { s.compare_heading } else { s.what_changed };
        let body = match &comparing {
            Some(draft) => changes_view(&changes(draft), draft, lang),
            None => editor.with(|draft| changes_view(&changes(draft), draft, lang)).unwrap_or_else(|| ().into_any()),
        };
        view! {
            <section class="changes" aria-labelledby="changes-heading">
                <h2 id="changes-heading">{heading}</h2>
                {comparing.is_some().then(|| view! { <StaleDraftChoice/> })}
                {body}
            </section>
        }
    }
}

/// Merge the saved draft into the published file, or go back to the choice (after comparing
/// them). Discarding is offered there, with its confirmation.
#[component]
fn StaleDraftChoice() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    let back = move |_| {
        editor.comparison.set(None);
        editor.screen.set(Screen::Open);
    };
    view! {
        <div class="actions">
            <button type="button" class="primary" on:click=move |_| super::open::merge_stale_draft(editor)>{s.keep_draft}</button>
            <button type="button" on:click=back>{s.back_to_choice}</button>
        </div>
    }
}

fn changes_view(changes: &Changes, draft: &Draft, lang: Lang) -> AnyView {
    let s = t(lang);
    if changes.is_empty() {
        return view! { <p>{s.no_changes}</p> }.into_any();
    }
    let head = (!changes.head.is_empty()).then(|| {
        view! {
            <article class="change">
                <h3>{s.file_fields} " " <span class="tag">{s.changed}</span></h3>
                {fields_view(RecordKind::Country, &changes.head, lang)}
            </article>
        }
    });
    let records = changes
        .records
        .iter()
        .map(|change| match change {
            RecordChange::Added { kind, index } => {
                let record = draft.current().record(*kind, *index).cloned().unwrap_or(Value::Null);
                let fields: Vec<FieldChange> = record
                    .as_object()
                    .map(|o| o.iter().map(|(k, v)| FieldChange { field: k.clone(), before: None, after: Some(v.clone()) }).collect())
                    .unwrap_or_default();
                record_view(*kind, &record, s.added, &fields, lang)
            }
            RecordChange::Removed { kind, record } => record_view(*kind, record, s.removed, &[], lang),
            RecordChange::Changed { kind, index, fields } => {
                let record = draft.current().record(*kind, *index).cloned().unwrap_or(Value::Null);
                record_view(*kind, &record, s.changed, fields, lang)
            }
        })
        .collect_view();
    view! { {head} {records} }.into_any()
}

fn record_view(kind: RecordKind, record: &Value, what: &'static str, fields: &[FieldChange], lang: Lang) -> AnyView {
    view! {
        <article class="change">
            <h3>{format!("{} — {}", kind_name(kind, lang), record_label(kind, record, lang))} " " <span class="tag">{what}</span></h3>
            {(!fields.is_empty()).then(|| fields_view(kind, fields, lang))}
        </article>
    }
    .into_any()
}

fn fields_view(kind: RecordKind, fields: &[FieldChange], lang: Lang) -> AnyView {
    let s = t(lang);
    let rows = fields
        .iter()
        .flat_map(|f| lines(f).into_iter().map(move |(suffix, before, after)| (f.field.clone(), suffix, before, after)))
        .map(|(field, suffix, before, after)| {
            let label = match suffix {
                Some(l) => format!("{} ({})", field_label(kind, &field, lang), if l == Lang::En { s.english } else { s.swedish }),
                None => field_label(kind, &field, lang).to_string(),
            };
            // A field the schema does not know is shown by its name in the file.
            let label = if label.is_empty() || label.starts_with(' ') { field } else { label };
            view! {
                <dt>{label}</dt>
                <dd>
                    {before.map(|b| view! { <del><span class="visually-hidden">{s.before} ": "</span>{show(&b, lang)}</del> })}
                    {after.map(|a| view! { <ins><span class="visually-hidden">{s.after} ": "</span>{show(&a, lang)}</ins> })}
                </dd>
            }
        })
        .collect_view();
    view! { <dl class="change-fields">{rows}</dl> }.into_any()
}

/// A field's change as lines to show: a text's per language (only those that differ).
fn lines(change: &FieldChange) -> Vec<(Option<Lang>, Option<Value>, Option<Value>)> {
    let is_text = |v: &Option<Value>| v.as_ref().is_none_or(|v| v.is_object());
    if is_text(&change.before) && is_text(&change.after) && (change.before.is_some() || change.after.is_some()) {
        Lang::ALL
            .into_iter()
            .filter_map(|lang| {
                let get = |v: &Option<Value>| v.as_ref().and_then(|v| v.get(lang.code())).cloned();
                let (before, after) = (get(&change.before), get(&change.after));
                (before != after).then_some((Some(lang), before, after))
            })
            .collect()
    } else {
        vec![(None, change.before.clone(), change.after.clone())]
    }
}

/// A value as text: words as they read, lists joined, empty said so.
fn show(value: &Value, lang: Lang) -> String {
    match value {
        Value::String(s) if s.is_empty() => t(lang).empty_value.into(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(|v| show(v, lang)).collect::<Vec<_>>().join(", "),
        Value::Null => t(lang).empty_value.into(),
        other => other.to_string(),
    }
}
