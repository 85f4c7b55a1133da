//! Fields that hold a choice among the file's own records or a few fixed values: a country of
//! the file (a drop-down), some of its countries or months (check boxes), some organisations (a
//! list with a searchable choice to add one).

use leptos::prelude::*;
use serde_json::Value;

use crate::dataset::Lang;
use crate::draft::problems::Severity;
use crate::draft::Draft;
use crate::schema::{Field, RecordKind};

use super::choice::Choice;
use super::fields::{described_by, field_problems, FieldLabel, Problems};
use super::labels::record_label;
use super::state::Editor;
use super::text::t;

/// The file's records of `kind` as (value, name), by name, for choices: `read` takes a
/// record's value and name. Kept as the draft changes, but sorted again (and passed on) only
/// when a value or a name changed, so typing elsewhere costs the choices nothing.
pub fn by_name(
    draft: StoredValue<Option<Draft>>,
    revision: RwSignal<u64>,
    kind: RecordKind,
    lang: Lang,
    read: fn(&Value, Lang) -> Option<(String, String)>,
) -> Memo<Vec<(String, String)>> {
    let unsorted = Memo::new(move |_| {
        revision.track();
        draft
            .with_value(|d| d.as_ref().map(|d| d.current().records(kind).iter().filter_map(|r| read(r, lang)).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    Memo::new(move |_| {
        let mut all = unsorted.get();
        all.sort_by_cached_key(|(_, name)| crate::text::sort_key(name, lang));
        all
    })
}

/// A country record's (code, name).
pub fn country_choice(record: &Value, lang: Lang) -> Option<(String, String)> {
    let code = record.get("code")?.as_str()?;
    Some((code.to_string(), crate::countries::display_name(code, lang)))
}

/// An organisation record's (id, name).
pub fn organisation_choice(record: &Value, lang: Lang) -> Option<(String, String)> {
    Some((record.get("id")?.as_str()?.to_string(), record_label(RecordKind::Organisation, record, lang)))
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
    let value = Memo::new(move |_| editor.field(kind, index, field.name).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default());
    let set = move |code: String| editor.change(|d| d.set_field(kind, index, field.name, Some(Value::String(code))));
    view! {
        <select id=id aria-describedby=described aria-invalid=move || invalid.get().then_some("true")
            prop:value=value on:change=move |e| set(event_target_value(&e))>
            <option value="" disabled=true selected=move || value.with(String::is_empty)>{t(lang).choose}</option>
            {move || editor.countries.get().into_iter().map(|(code, name)| {
                let selected = value.with(|v| *v == code);
                view! { <option value=code selected=selected>{name}</option> }
            }).collect_view()}
        </select>
    }
}

/// A group of check boxes: `options` (value, label), checked as the field's list holds them.
#[component]
fn Checks(
    kind: RecordKind,
    index: usize,
    field: &'static Field,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    numbers: bool,
) -> impl IntoView {
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
    let chosen = Memo::new(move |_| words(editor, kind, index, field.name));
    view! {
        <fieldset class="field checks" aria-describedby=described>
            <FieldLabel kind=kind index=index field=field for_id=id.clone() legend=true/>
            <Problems id=error_id.clone() problems=problems/>
            <div class="check-options">
                {move || {
                    let chosen = chosen.get();
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
    let options = editor.countries;
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
    let name_of = move |id: &str| {
        editor.organisations.with(|all| all.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone())).unwrap_or_else(|| id.to_string())
    };
    let chosen_now = Memo::new(move |_| words(editor, kind, index, field.name));
    let chosen = move || chosen_now.get();
    let own = Memo::new(move |_| editor.field(kind, index, "id").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default());
    let addable = Memo::new(move |_| {
        let chosen = chosen_now.get();
        own.with(|own| {
            editor.organisations.with(|all| all.iter().filter(|(i, _)| !chosen.contains(i) && i != own).cloned().collect::<Vec<_>>())
        })
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
