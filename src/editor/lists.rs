//! Fields that hold a choice among the file's own records or a few fixed values: a country of
//! the file (a drop-down), some of its countries or months (check boxes), some organisations (a
//! list with a searchable choice to add one).

use leptos::prelude::*;
use serde_json::Value;

use crate::dataset::Lang;
use crate::draft::problems::Severity;
use crate::schema::{Field, RecordKind};

use super::choice::Choice;
use super::fields::{described_by, field_problems, FieldLabel, Problems};
use super::labels::record_label;
use super::state::Editor;
use super::text::t;

/// The file's countries, (code, name), by name.
pub fn countries(editor: Editor, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = editor
        .with(|d| {
            d.current()
                .records(RecordKind::Country)
                .iter()
                .filter_map(|c| c.get("code").and_then(Value::as_str))
                .map(|code| (code.to_string(), crate::countries::display_name(code, lang)))
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|(_, name)| crate::text::sort_key(name, lang));
    out
}

/// The file's organisations, (id, name), by name.
pub fn organisations(editor: Editor, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = editor
        .with(|d| {
            d.current()
                .records(RecordKind::Organisation)
                .iter()
                .filter_map(|o| Some((o.get("id")?.as_str()?.to_string(), record_label(RecordKind::Organisation, o, lang))))
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|(_, name)| crate::text::sort_key(name, lang));
    out
}

/// The words a list field holds now (tracked).
fn words(editor: Editor, kind: RecordKind, index: usize, field: &str) -> Vec<String> {
    editor
        .field(kind, index, field)
        .and_then(|v| v.as_array().map(|a| a.iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect()))
        .unwrap_or_default()
}

/// One of the file's countries (an office's).
#[component]
pub fn CountrySelect(
    id: String,
    kind: RecordKind,
    index: usize,
    field: &'static Field,
    described: Signal<String>,
    invalid: Signal<bool>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let value = move || editor.field(kind, index, field.name).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let set = move |code: String| editor.change(|d| d.set_field(kind, index, field.name, Some(Value::String(code))));
    view! {
        <select id=id aria-describedby=described aria-invalid=move || invalid.get().then_some("true")
            prop:value=value on:change=move |e| set(event_target_value(&e))>
            <option value="" disabled=true selected=move || value().is_empty()>{t(lang).choose}</option>
            {move || countries(editor, lang).into_iter().map(|(code, name)| {
                let selected = value() == code;
                view! { <option value=code selected=selected>{name}</option> }
            }).collect_view()}
        </select>
    }
}

/// A group of check boxes: `options` (value, label), checked as the field's list holds them.
#[component]
fn Checks(kind: RecordKind, index: usize, field: &'static Field, #[prop(into)] options: Signal<Vec<(String, String)>>, numbers: bool) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = format!("field-{}", field.name);
    let error_id = format!("{id}-error");
    let problems = Signal::derive(move || field_problems(editor, kind, index, field.name, None));
    let described = {
        let error_id = error_id.clone();
        move || described_by(None, &error_id, !problems.with(Vec::is_empty))
    };
    let toggle = move |value: String, on: bool| {
        editor.change(|d| {
            let mut list: Vec<Value> = d.current().field(kind, index, field.name).and_then(Value::as_array).cloned().unwrap_or_default();
            let item = if numbers { value.parse::<u64>().map(Value::from).unwrap_or(Value::Null) } else { Value::String(value) };
            list.retain(|v| *v != item);
            if on {
                list.push(item);
            }
            if numbers {
                list.sort_by_key(|v| v.as_u64());
            }
            let value = (!list.is_empty() || field.required).then_some(Value::Array(list));
            d.set_field(kind, index, field.name, value);
        });
    };
    let first_id = id.clone();
    view! {
        <fieldset class="field checks" aria-describedby=described>
            <FieldLabel kind=kind index=index field=field for_id=id.clone() legend=true/>
            <Problems id=error_id.clone() problems=problems/>
            <div class="check-options">
                {move || {
                    let chosen = words(editor, kind, index, field.name);
                    options.get().into_iter().enumerate().map(|(i, (value, label))| {
                        let checked = chosen.contains(&value);
                        let box_id = if i == 0 { first_id.clone() } else { format!("{first_id}-{value}") };
                        let v = value.clone();
                        view! {
                            <div class="check">
                                <input type="checkbox" id=box_id.clone() prop:checked=checked
                                    aria-invalid=move || problems.with(|p| p.iter().any(|f| f.severity == Severity::Error)).then_some("true")
                                    on:change=move |e| toggle(v.clone(), event_target_checked(&e))/>
                                <label for=box_id>{label}</label>
                            </div>
                        }
                    }).collect_view()
                }}
            </div>
        </fieldset>
    }
}

/// Some of the file's countries (a group's, a fact's, an activity's).
#[component]
pub fn CountryChecks(kind: RecordKind, index: usize, field: &'static Field) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let options = Signal::derive(move || countries(editor, editor.lang));
    view! { <Checks kind=kind index=index field=field options=options numbers=false/> }
}

/// The months of an annual-cycle activity.
#[component]
pub fn MonthChecks(kind: RecordKind, index: usize, field: &'static Field) -> impl IntoView {
    let lang = expect_context::<Editor>().lang;
    let options: Vec<(String, String)> = (1..=12).map(|m| (m.to_string(), crate::timeline::month_name(m, lang).to_string())).collect();
    view! { <Checks kind=kind index=index field=field options=options numbers=true/> }
}

/// Some organisations (an organisation's `member_of`): the chosen ones, each removable, and a
/// searchable choice to add one.
#[component]
pub fn OrganisationList(kind: RecordKind, index: usize, field: &'static Field) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let id = format!("field-{}", field.name);
    let error_id = format!("{id}-error");
    let problems = Signal::derive(move || field_problems(editor, kind, index, field.name, None));
    let set = move |list: Vec<String>| {
        let value = (!list.is_empty()).then(|| Value::Array(list.into_iter().map(Value::String).collect()));
        editor.change(|d| d.set_field(kind, index, field.name, value));
    };
    let name_of = move |id: &str| organisations(editor, lang).into_iter().find(|(i, _)| i == id).map(|(_, n)| n).unwrap_or_else(|| id.to_string());
    let chosen = move || words(editor, kind, index, field.name);
    let addable = Signal::derive(move || {
        let chosen = chosen();
        let own = editor.field(kind, index, "id").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        organisations(editor, lang).into_iter().filter(|(i, _)| !chosen.contains(i) && *i != own).collect::<Vec<_>>()
    });
    let described = {
        let error_id = error_id.clone();
        Signal::derive(move || described_by(None, &error_id, !problems.with(Vec::is_empty)))
    };
    let invalid = Signal::derive(move || problems.with(|p| p.iter().any(|f| f.severity == Severity::Error)));
    view! {
        <div class="field">
            <FieldLabel kind=kind index=index field=field for_id=id.clone() legend=false/>
            <Problems id=error_id.clone() problems=problems/>
            <ul class="chosen">
                {move || chosen().into_iter().map(|org| {
                    let name = name_of(&org);
                    let remove = move |_| set(chosen().into_iter().filter(|o| *o != org).collect());
                    view! {
                        <li>{name.clone()} " "
                            <button type="button" class="link-button" aria-label=format!("{} {name}", s.delete) on:click=remove>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Choice id=id.clone() options=addable value=Signal::derive(|| None::<String>)
                on_choose={move |v: Option<String>| if let Some(v) = v { let mut all = chosen(); all.push(v); set(all) }}
                none_label=Some(s.choose) no_match=s.no_match described_by=described invalid=invalid/>
        </div>
    }
}
