//! The open record: its name as a heading, what can be done with it (duplicate, delete, revert),
//! and every field of its kind, labelled. Deleting a record others name lists them first.

use leptos::html;
use leptos::prelude::*;
use serde_json::Value;

use crate::draft::ids;
use crate::draft::references::referring_to;
use crate::schema::RecordKind;

use super::fields::FieldEditor;
use super::labels::{field_label, record_label};
use super::state::Editor;
use super::text::{kind_name, t};

#[component]
pub fn RecordForm() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    // Built anew only when another record opens; the fields follow the draft themselves.
    let open = Memo::new(move |_| {
        let kind = editor.kind.get();
        let index = editor.selected.get()?;
        editor.with(|d| d.current().record(kind, index).is_some()).unwrap_or(false).then_some((kind, index))
    });
    view! {
        <section class="record-form" aria-labelledby="record-heading">
            {move || match open.get() {
                Some((kind, index)) => view! { <Record kind=kind index=index/> }.into_any(),
                None => view! { <h2 id="record-heading" class="visually-hidden">{s.editing}</h2><p class="hint">{s.choose_record}</p> }.into_any(),
            }}
            <DeleteDialog/>
        </section>
    }
}

#[component]
fn Record(kind: RecordKind, index: usize) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let label = move || editor.with(|d| d.current().record(kind, index).map(|r| record_label(kind, r, lang))).flatten().unwrap_or_default();
    let published = move || editor.with(|d| d.origin(kind, index).is_some()).unwrap_or(false);
    let changed = move || editor.with(|d| d.base_record(kind, index) != d.current().record(kind, index)).unwrap_or(false);
    let duplicate = move |_| {
        let mut copy = None;
        editor.change(|d| {
            let own = d.current().field(kind, index, kind.id_field()).and_then(Value::as_str).unwrap_or_default().to_string();
            let taken = ids::taken(d.current());
            let id = if kind == RecordKind::Country { String::new() } else { ids::unique(&own, |c| taken.contains(c)) };
            copy = d.duplicate(kind, index, &id);
        });
        if copy.is_some() {
            editor.selected.set(copy);
            focus_heading();
        }
    };
    let revert = move |_| {
        let was_added = !published();
        editor.change(|d| d.revert_record(kind, index));
        if was_added {
            editor.selected.set(None);
        }
    };
    view! {
        <div class="record-head">
            <h2 id="record-heading" tabindex="-1">{label}</h2>
            <p class="meta">{kind_name(kind, lang)}
                {move || (!published()).then(|| format!(" · {}", s.added))}
                {move || (published() && changed()).then(|| format!(" · {}", s.changed))}
            </p>
        </div>
        <div class="actions record-actions">
            <button type="button" on:click=duplicate>{s.duplicate}</button>
            <button type="button" on:click=move |_| editor.deleting.set(Some((kind, index)))>{s.delete}</button>
            <Show when=move || changed() || !published()>
                <button type="button" on:click=revert>{move || if published() { s.revert_record } else { s.remove_added }}</button>
            </Show>
        </div>
        <fieldset class="record-fields" disabled=move || editor.read_only.get()>
            <legend class="visually-hidden">{label}</legend>
            {kind.fields().iter().map(|field| view! { <FieldEditor kind=kind index=index field=field/> }).collect_view()}
        </fieldset>
    }
}

fn focus_heading() {
    request_animation_frame(|| {
        if let Some(h) = document().get_element_by_id("record-heading") {
            crate::browser::focus(&h);
        }
    });
}

/// "Delete this record?", with the records that name it, as a modal dialog (the browser's own
/// focus trap and Escape).
#[component]
fn DeleteDialog() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move || {
        let Some(dialog) = dialog.get() else { return };
        if editor.deleting.get().is_some() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    let details = move || {
        let (kind, index) = editor.deleting.get()?;
        editor.with(|d| {
            let name = d.current().record(kind, index).map(|r| record_label(kind, r, lang)).unwrap_or_default();
            let referring: Vec<String> = referring_to(d.current(), kind, index)
                .into_iter()
                .map(|r| {
                    let other = d.current().record(r.kind, r.index).map(|x| record_label(r.kind, x, lang)).unwrap_or_default();
                    format!("{} — {other} ({})", kind_name(r.kind, lang), field_label(r.kind, r.field, lang))
                })
                .collect();
            (name, referring)
        })
    };
    let confirm = move |_| {
        if let Some((kind, index)) = editor.deleting.get_untracked() {
            editor.change(|d| d.delete(kind, index));
            editor.selected.set(None);
        }
        editor.deleting.set(None);
    };
    let cancel = move || {
        editor.deleting.set(None);
        focus_heading();
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="delete-heading" on:close=move |_| { if editor.deleting.get_untracked().is_some() { cancel() } }>
            <h2 id="delete-heading">{s.delete_heading}</h2>
            {move || details().map(|(name, referring)| view! {
                <p><strong>{name}</strong></p>
                {if referring.is_empty() {
                    view! { <p>{s.nothing_refers}</p> }.into_any()
                } else {
                    view! {
                        <p>{s.referenced_by}</p>
                        <ul class="referring">{referring.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    }.into_any()
                }}
            })}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| cancel()>{s.cancel}</button>
                <button type="button" class="danger" on:click=confirm>{s.delete}</button>
            </div>
        </dialog>
    }
}
