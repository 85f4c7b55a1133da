//! The records, by kind: search, a filter (with problems, missing Swedish, missing English), each
//! record with its count of problems, a page at a time, and a button to add one.

use std::collections::HashMap;

use leptos::prelude::*;
use serde_json::{json, Map, Value};

use crate::dataset::Lang;
use crate::draft::ids;
use crate::draft::problems::{Found, Place};
use crate::schema::{FieldKind, RecordKind};
use crate::text::fold;
use crate::validate::Reason;

use super::labels::record_label;
use super::state::{Editor, Show};
use super::text::{add_record, kind_name, problem_count, record_count, t};

/// Records shown at first, and added by each "Show more".
const PAGE: usize = 100;

/// One row of the list.
#[derive(Clone, PartialEq)]
struct Row {
    index: usize,
    label: String,
    problems: usize,
}

#[component]
pub fn RecordList() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let s = t(lang);
    let limit = RwSignal::new(PAGE);
    // Counted once per check, not once per keystroke and record.
    let flags = Memo::new(move |_| editor.found.with(|found| flags_by_record(found, editor.kind.get())));
    let rows = Memo::new(move |_| {
        let kind = editor.kind.get();
        let query = fold(editor.search.get().trim());
        let show = editor.show.get();
        flags.with(|flags| {
            editor
                .with(|d| {
                    d.current()
                        .records(kind)
                        .iter()
                        .enumerate()
                        .filter(|(_, record)| query.is_empty() || fold(&haystack(kind, record)).contains(&query))
                        .filter(|(i, _)| shows(show, flags.get(i)))
                        .map(|(index, record)| Row {
                            index,
                            label: record_label(kind, record, lang),
                            problems: flags.get(&index).map_or(0, |f| f.problems),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // A new search or kind starts at the first page again.
    Effect::new(move || {
        editor.kind.track();
        editor.search.track();
        editor.show.track();
        limit.set(PAGE);
    });
    let add = move |_| {
        let kind = editor.kind.get_untracked();
        let mut added = None;
        editor.change(|d| {
            let taken = ids::taken(d.current());
            added = Some(d.add(kind, blank(kind, &ids::unique(&format!("new-{}", kind_word(kind)), |c| taken.contains(c)))));
        });
        editor.search.set(String::new());
        editor.show.set(Show::All);
        editor.selected.set(added);
        super::summary::focus_field(format!("field-{}-en", kind.name_field()));
    };
    view! {
        <nav class="record-list" aria-labelledby="records-heading">
            <h2 id="records-heading">{s.records_heading}</h2>
            <ul class="kinds">
                {RecordKind::ALL.map(|kind| view! { <KindButton kind=kind/> })}
            </ul>
            <div class="field">
                <label for="record-search">{s.search_records}</label>
                <input id="record-search" type="search" autocomplete="off" aria-describedby="record-search-hint"
                    prop:value=move || editor.search.get() on:input=move |e| editor.search.set(event_target_value(&e))/>
                <span id="record-search-hint" class="hint">{s.search_records_hint}</span>
            </div>
            <div class="field">
                <label for="record-show">{s.show}</label>
                <select id="record-show" on:change=move |e| editor.show.set(show_from(&event_target_value(&e)))>
                    <option value="all">{s.show_all}</option>
                    <option value="problems">{s.show_problems}</option>
                    <option value="missing-sv">{s.show_missing_sv}</option>
                    <option value="missing-en">{s.show_missing_en}</option>
                </select>
            </div>
            <p class="result-count" role="status">{move || record_count(rows.with(Vec::len), lang)}</p>
            <button type="button" class="add" on:click=add>{move || add_record(editor.kind.get(), lang)}</button>
            <ul class="records">
                <For each=move || rows.with(|r| r.iter().take(limit.get()).cloned().collect::<Vec<_>>()) key=|row| (row.index, row.label.clone(), row.problems)
                    children=move |row| view! { <RecordRow row=row/> }/>
            </ul>
            <Show when=move || { rows.with(Vec::len) > limit.get() }>
                <button type="button" on:click=move |_| limit.update(|l| *l += PAGE)>{s.show_more}</button>
            </Show>
            <Show when=move || rows.with(Vec::is_empty)>
                <p>{s.no_records}</p>
            </Show>
        </nav>
    }
}

#[component]
fn KindButton(kind: RecordKind) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let count = move || editor.with(|d| d.current().records(kind).len()).unwrap_or(0);
    let problems =
        move || editor.found.with(|f| f.iter().filter(|f| matches!(&f.place, Place::Record { kind: k, .. } if *k == kind)).count());
    let current = move || if editor.kind.get() == kind { "true" } else { "false" };
    let choose = move |_| {
        editor.kind.set(kind);
        editor.selected.set(None);
    };
    view! {
        <li>
            <button type="button" aria-pressed=current on:click=choose>
                {kind_name(kind, lang)} " (" {count} ")"
                {move || (problems() > 0).then(|| view! { <span class="badge">{problem_count(problems(), lang)}</span> })}
            </button>
        </li>
    }
}

#[component]
fn RecordRow(row: Row) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let index = row.index;
    let current = move || if editor.selected.get() == Some(index) { "true" } else { "false" };
    view! {
        <li>
            <button type="button" class="record-choice" aria-current=current on:click=move |_| editor.selected.set(Some(index))>
                <span>{row.label}</span>
                {(row.problems > 0).then(|| view! { <span class="badge">{problem_count(row.problems, lang)}</span> })}
            </button>
        </li>
    }
}

/// What the search looks in: the record's names in both languages, its id, its city.
fn haystack(kind: RecordKind, record: &Value) -> String {
    let mut parts = vec![record_label(kind, record, Lang::En), record_label(kind, record, Lang::Sv)];
    for field in [kind.id_field(), "city"] {
        match record.get(field) {
            Some(Value::String(s)) => parts.push(s.clone()),
            Some(Value::Object(o)) => parts.extend(o.values().filter_map(Value::as_str).map(str::to_string)),
            _ => {}
        }
    }
    parts.join(" ")
}

/// What the list's filter asks of a record's problems.
#[derive(Clone, Default, PartialEq)]
struct Flags {
    problems: usize,
    missing_swedish: bool,
    missing_english: bool,
}

/// Each record of `kind` with a problem, by its index.
fn flags_by_record(found: &[Found], kind: RecordKind) -> HashMap<usize, Flags> {
    let mut out: HashMap<usize, Flags> = HashMap::new();
    for f in found {
        if let Place::Record { kind: k, index, .. } = &f.place {
            if *k == kind {
                let flags = out.entry(*index).or_default();
                flags.problems += 1;
                flags.missing_swedish |= f.problem.reason == Reason::MissingLanguage(Lang::Sv);
                flags.missing_english |= f.problem.reason == Reason::MissingLanguage(Lang::En);
            }
        }
    }
    out
}

fn shows(show: Show, flags: Option<&Flags>) -> bool {
    match (show, flags) {
        (Show::All, _) => true,
        (_, None) => false,
        (Show::Problems, Some(f)) => f.problems > 0,
        (Show::MissingSwedish, Some(f)) => f.missing_swedish,
        (Show::MissingEnglish, Some(f)) => f.missing_english,
    }
}

fn show_from(value: &str) -> Show {
    match value {
        "problems" => Show::Problems,
        "missing-sv" => Show::MissingSwedish,
        "missing-en" => Show::MissingEnglish,
        _ => Show::All,
    }
}

fn kind_word(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Country => "country",
        RecordKind::Organisation => "organisation",
        RecordKind::Office => "office",
        RecordKind::Group => "group",
        RecordKind::Event => "fact",
        RecordKind::Activity => "activity",
    }
}

/// A new record: its id, its texts empty in both languages, its lists empty; the rest to fill in.
fn blank(kind: RecordKind, id: &str) -> Value {
    let mut record = Map::new();
    for field in kind.fields() {
        let value = match field.kind {
            FieldKind::Id => json!(id),
            FieldKind::Text if field.required => json!({"en": "", "sv": ""}),
            FieldKind::CountryRefs { min } if min > 0 => json!([]),
            FieldKind::Months => json!([]),
            _ => continue,
        };
        record.insert(field.name.to_string(), value);
    }
    Value::Object(record)
}
