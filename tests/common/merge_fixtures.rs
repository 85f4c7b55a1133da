//! The shipped file and ways to edit it, for the merge's tests (`tests/draft_merge.rs` and
//! `tests/draft_merge_properties.rs` include this file with `#[path]`): the file edited as JSON,
//! as a colleague's tools might (`theirs`), or in the editor (`mine`), and records looked up by
//! id.

use serde_json::{json, Value};

use innovation_atlas::draft::document::Document;
use innovation_atlas::draft::Draft;
use innovation_atlas::schema::RecordKind;

const SHIPPED: &str = include_str!("../../public/data/initiative.json");

pub fn shipped() -> Document {
    Document::parse(SHIPPED).unwrap()
}

/// The shipped file edited as JSON (as a colleague's tools might).
pub fn edited(edit: impl FnOnce(&mut Value)) -> Document {
    let mut file: Value = serde_json::from_str(SHIPPED).unwrap();
    edit(&mut file);
    Document::parse(&file.to_string()).unwrap()
}

/// The shipped file edited in the editor.
pub fn drafted(edit: impl FnOnce(&mut Draft)) -> Document {
    let mut draft = Draft::open(shipped());
    edit(&mut draft);
    draft.current().clone()
}

pub fn index_of(document: &Document, kind: RecordKind, id: &str) -> usize {
    document.records(kind).iter().position(|r| r[kind.id_field()] == id).unwrap_or_else(|| panic!("no {id}"))
}

pub fn record<'a>(document: &'a Document, kind: RecordKind, id: &str) -> Option<&'a Value> {
    document.records(kind).iter().find(|r| r[kind.id_field()] == id)
}

pub fn ids(document: &Document, kind: RecordKind) -> Vec<String> {
    document.records(kind).iter().map(|r| r[kind.id_field()].as_str().unwrap_or_default().to_string()).collect()
}

pub fn set_city(file: &mut Value, office: usize, city: &str) {
    file["offices"][office]["city"]["en"] = json!(city);
}

pub fn set_lang(file: &mut Value, office: usize, field: &str, lang: &str, text: &str) {
    file["offices"][office][field][lang] = json!(text);
}
