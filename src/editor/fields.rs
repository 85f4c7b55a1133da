//! One field of the record form, by what it holds (`crate::schema::FieldKind`): labelled, with
//! its hint, its problems said beside it in words (linked with `aria-describedby`, the control
//! marked `aria-invalid`, never colour alone), and a way back to its published value.

use leptos::prelude::*;
use serde_json::Value;

use crate::dataset::Lang;
use crate::draft::ids;
use crate::draft::problems::{Found, Place, Severity};
use crate::schema::{Field, FieldKind, RecordKind};

use super::choice::Choice;
use super::labels::{choice_label, field_label, https_form, problem_message};
use super::lists::{CountryChecks, CountrySelect, MonthChecks, OrganisationList};
use super::state::Editor;
use super::text::t;

/// A field of the record `kind`/`index`.
#[component]
pub fn FieldEditor(kind: RecordKind, index: usize, field: &'static Field) -> impl IntoView {
    match field.kind {
        FieldKind::Text => view! { <TextField kind=kind index=index field=field/> }.into_any(),
        FieldKind::CountryRefs { .. } => view! { <CountryChecks kind=kind index=index field=field/> }.into_any(),
        FieldKind::Months => view! { <MonthChecks kind=kind index=index field=field/> }.into_any(),
        FieldKind::OrganisationRefs => view! { <OrganisationList kind=kind index=index field=field/> }.into_any(),
        _ => view! { <SingleField kind=kind index=index field=field/> }.into_any(),
    }
}

/// The problems of one field (of one language of a text, with `lang`), tracked.
pub fn field_problems(editor: Editor, kind: RecordKind, index: usize, name: &str, lang: Option<Lang>) -> Vec<Found> {
    editor
        .problems_of(kind, index)
        .into_iter()
        .filter(|f| matches!(&f.place, Place::Record { field: Some(f), lang: l, .. } if f == name && *l == lang))
        .collect()
}

/// The problems said beside a field, with `id` for `aria-describedby`.
#[component]
pub fn Problems(id: String, #[prop(into)] problems: Signal<Vec<Found>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            let worst = problems.iter().map(|f| f.severity).min();
            let class = if worst == Some(Severity::Error) { "field-error" } else { "field-warning" };
            view! {
                <div id=id.clone() class=class>
                    {problems.into_iter().map(|f| {
                        let prefix = if f.severity == Severity::Error { s.error_prefix } else { s.warning_prefix };
                        view! { <p><strong>{prefix}</strong> " " {problem_message(&f.problem.reason, editor.lang)}</p> }
                    }).collect_view()}
                </div>
            }
        })
    }
}

/// "hint-id error-id": what a control's `aria-describedby` names (only what is there).
pub fn described_by(hint: Option<&str>, error: &str, has_problems: bool) -> String {
    hint.into_iter().chain(has_problems.then_some(error)).collect::<Vec<_>>().join(" ")
}

/// The field's label, with "changed" when it differs from the published file, and a button
/// back to the published value.
#[component]
pub fn FieldLabel(kind: RecordKind, index: usize, field: &'static Field, #[prop(into)] for_id: String, legend: bool) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let label = field_label(kind, field.name, lang);
    let changed = move || editor.with(|d| d.origin(kind, index).is_some() && d.field_changed(kind, index, field.name)).unwrap_or(false);
    let mark = move || changed().then(|| view! { <span class="changed-mark">{format!(" ({})", s.changed_mark)}</span> });
    let revert = move || {
        changed().then(|| {
            view! {
                <button type="button" class="link-button revert" aria-label=format!("{} {label}", s.revert_field)
                    on:click=move |_| editor.change(|d| d.revert_field(kind, index, field.name))>{s.revert_field}</button>
            }
        })
    };
    let id = format!("{for_id}-label");
    if legend {
        view! { <legend id=id>{label} {mark}</legend> {revert} }.into_any()
    } else {
        view! { <div class="label-row"><label id=id for=for_id>{label} {mark}</label> {revert}</div> }.into_any()
    }
}

/// A field with one control: id, link, date, a word from a list, a country, an organisation.
#[component]
fn SingleField(kind: RecordKind, index: usize, field: &'static Field) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let id = format!("field-{}", field.name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let hint = hint_for(kind, field, lang);
    let problems = Signal::derive(move || field_problems(editor, kind, index, field.name, None));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        Signal::derive(move || described_by(hint.map(|_| hint_id.as_str()), &error_id, !problems.with(Vec::is_empty)))
    };
    let invalid = Signal::derive(move || problems.with(|p| p.iter().any(|f| f.severity == Severity::Error)));
    let text = Signal::derive(move || editor.field(kind, index, field.name).and_then(|v| v.as_str().map(str::to_string)));
    let set = move |value: Option<String>| {
        let value = value.filter(|v| !v.is_empty() || field.required).map(Value::String);
        editor.change(|d| d.set_field(kind, index, field.name, value));
    };
    let control = match field.kind {
        FieldKind::Choice(words) => {
            let options = words.iter().map(|w| (w.to_string(), choice_label(w, lang))).collect::<Vec<_>>();
            view! {
                <select id=id.clone() aria-describedby=described aria-invalid=move || invalid.get().then_some("true")
                    prop:value=move || text.get().unwrap_or_default()
                    on:change=move |e| set(Some(event_target_value(&e)))>
                    <option value="" disabled=true selected=move || text.get().is_none()>{s.choose}</option>
                    {options.into_iter().map(|(w, l)| view! { <option value=w.clone() selected=move || text.get().as_deref() == Some(w.as_str())>{l}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
        FieldKind::CountryRef => {
            view! { <CountrySelect id=id.clone() kind=kind index=index field=field described=described invalid=invalid/> }.into_any()
        }
        FieldKind::CountryCode => {
            let options = Signal::derive(move || {
                let mut all: Vec<(String, String)> =
                    crate::countries::all_codes().map(|c| (c.to_string(), crate::countries::display_name(c, lang))).collect();
                all.sort_by_key(|(_, name)| crate::text::sort_key(name, lang));
                all
            });
            view! {
                <Choice id=id.clone() options=options value=text on_choose={move |v: Option<String>| set(v)}
                    none_label=None no_match=s.no_match described_by=described invalid=invalid/>
            }
            .into_any()
        }
        FieldKind::OrganisationRef => {
            let options = editor.organisations;
            view! {
                <Choice id=id.clone() options=options value=text on_choose={move |v: Option<String>| set(v)}
                    none_label=Some(s.none) no_match=s.no_match described_by=described invalid=invalid/>
            }
            .into_any()
        }
        _ => {
            let is_id = field.kind == FieldKind::Id;
            view! {
                <input id=id.clone() type="text" spellcheck="false" autocomplete="off"
                    inputmode=if matches!(field.kind, FieldKind::Link) { "url" } else { "text" }
                    aria-describedby=described aria-invalid=move || invalid.get().then_some("true")
                    prop:value=move || text.get().unwrap_or_default()
                    on:input=move |e| {
                        let value = event_target_value(&e);
                        if is_id { editor.change(|d| d.set_field(kind, index, field.name, Some(Value::String(value)))) } else { set(Some(value)) }
                    }
                    on:blur=move |_| editor.seal()/>
            }
            .into_any()
        }
    };
    let https = move || {
        let fix = text.get().and_then(|t| https_form(&t))?;
        (field.kind == FieldKind::Link).then(|| {
            view! { <button type="button" class="link-button" on:click=move |_| set(Some(fix.clone()))>{s.use_https}</button> }
        })
    };
    view! {
        <div class="field">
            <FieldLabel kind=kind index=index field=field for_id=id.clone() legend=false/>
            {hint.map(|h| view! { <p id=hint_id.clone() class="hint">{h}</p> })}
            <Problems id=error_id.clone() problems=problems/>
            {control}
            {https}
        </div>
    }
}

fn hint_for(kind: RecordKind, field: &Field, lang: Lang) -> Option<&'static str> {
    let s = t(lang);
    match field.kind {
        FieldKind::Id => Some(s.hint_id),
        FieldKind::Link if field.name == "source" => Some(s.hint_source),
        FieldKind::Link if kind == RecordKind::Group => Some(s.hint_url),
        FieldKind::Link => Some(s.hint_link),
        FieldKind::Date => Some(s.hint_date),
        FieldKind::CountryCode | FieldKind::OrganisationRef => Some(s.hint_choose_country),
        _ => None,
    }
}

/// A text in English and Swedish, side by side, each with "copy from" the other.
#[component]
fn TextField(kind: RecordKind, index: usize, field: &'static Field) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = format!("field-{}", field.name);
    let long = matches!(field.name, "description" | "summary");
    let whole_problems = Signal::derive(move || field_problems(editor, kind, index, field.name, None));
    view! {
        <fieldset class="field text-field">
            <FieldLabel kind=kind index=index field=field for_id=id.clone() legend=true/>
            <Problems id=format!("{id}-error") problems=whole_problems/>
            <div class="languages">
                {Lang::ALL.map(|lang| view! { <LanguageInput kind=kind index=index field=field lang=lang long=long/> })}
            </div>
        </fieldset>
    }
}

#[component]
fn LanguageInput(kind: RecordKind, index: usize, field: &'static Field, lang: Lang, long: bool) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    let id = format!("field-{}-{}", field.name, lang.code());
    let error_id = format!("{id}-error");
    let other = if lang == Lang::En { Lang::Sv } else { Lang::En };
    let value = Signal::derive(move || {
        editor
            .field(kind, index, field.name)
            .and_then(|v| v.get(lang.code()).and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default()
    });
    let problems = Signal::derive(move || field_problems(editor, kind, index, field.name, Some(lang)));
    let described = {
        let error_id = error_id.clone();
        move || described_by(None, &error_id, !problems.with(Vec::is_empty))
    };
    let on_input = move |e: leptos::ev::Event| {
        let text = event_target_value(&e);
        editor.change(|d| {
            let follows = id_follows_name(d, kind, index, field.name, lang);
            d.set_text(kind, index, field.name, lang, &text);
            if follows {
                let taken = ids::taken(d.current());
                let own = d.current().field(kind, index, "id").and_then(Value::as_str).unwrap_or_default().to_string();
                let id = ids::unique(&ids::from_name(&text), |c| c != own && taken.contains(c));
                d.set_field(kind, index, "id", Some(Value::String(id)));
            }
        });
    };
    let copy = move |_| {
        let from = editor.field(kind, index, field.name).and_then(|v| v.get(other.code()).and_then(Value::as_str).map(str::to_string));
        if let Some(text) = from {
            editor.seal();
            editor.change(|d| d.set_text(kind, index, field.name, lang, &text));
            editor.seal();
        }
    };
    let label = if lang == Lang::En { s.english } else { s.swedish };
    let copy_label = if other == Lang::En { s.copy_from_en } else { s.copy_from_sv };
    let invalid = move || problems.with(|p| p.iter().any(|f| f.severity == Severity::Error)).then_some("true");
    let control = if long {
        view! {
            <textarea id=id.clone() rows="3" lang=lang.code() aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=on_input on:blur=move |_| editor.seal()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" lang=lang.code() aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=on_input on:blur=move |_| editor.seal()/>
        }
        .into_any()
    };
    view! {
        <div class="language">
            <label for=id.clone()>{label}</label>
            <Problems id=error_id.clone() problems=problems/>
            {control}
            <button type="button" class="link-button copy" aria-label=format!("{copy_label}: {}", field_label(kind, field.name, editor.lang))
                on:click=copy>{copy_label}</button>
        </div>
    }
}

/// A new record's id follows its English name while it still is what the name made.
fn id_follows_name(d: &crate::draft::Draft, kind: RecordKind, index: usize, field: &str, lang: Lang) -> bool {
    if lang != Lang::En || field != kind.name_field() || kind == RecordKind::Country || d.origin(kind, index).is_some() {
        return false;
    }
    let id = d.current().field(kind, index, "id").and_then(Value::as_str).unwrap_or_default();
    let name = d.current().field(kind, index, field).and_then(|n| n.get("en")).and_then(Value::as_str).unwrap_or_default();
    let made = ids::from_name(name);
    id.is_empty() || id == made || id.starts_with(&format!("{made}-")) || id.starts_with("new-")
}
