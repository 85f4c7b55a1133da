//! `src/schema.rs` (what the validator, the editor's forms and its writer use) says what
//! `public/data/initiative.schema.json` (what editors' tools use) says: the same fields, in the
//! same order, the same required ones.

use serde_json::Value;

use innovation_atlas::schema::{RecordKind, HEAD_KEYS};

const SCHEMA: &str = include_str!("../public/data/initiative.schema.json");

/// The keys of the object that starts at `text[at]` (a `{`), in the order written.
fn keys_in_order(text: &str, at: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    assert_eq!(bytes[at], b'{');
    let (mut depth, mut i, mut keys) = (0usize, at, Vec::new());
    let mut expecting_key = false;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => {
                depth += 1;
                expecting_key = bytes[i] == b'{' && depth == 1;
            }
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return keys;
                }
            }
            b',' if depth == 1 => expecting_key = true,
            b'"' => {
                let end = i + 1 + text[i + 1..].find('"').expect("a closed string");
                if depth == 1 && expecting_key {
                    keys.push(text[i + 1..end].to_string());
                    expecting_key = false;
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    panic!("unclosed object at {at}")
}

/// Where the object under `"name": ` starts, searching from `from`.
fn object_after(text: &str, from: usize, name: &str) -> usize {
    let key = format!("\"{name}\":");
    let at = from + text[from..].find(&key).unwrap_or_else(|| panic!("no {key} after {from}"));
    at + text[at..].find('{').unwrap()
}

fn definition(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Country => "country",
        RecordKind::Organisation => "organisation",
        RecordKind::Office => "office",
        RecordKind::Group => "group",
        RecordKind::Event => "event",
        RecordKind::Activity => "activity",
    }
}

#[test]
fn each_record_kind_has_the_schema_files_fields_in_its_order() {
    let defs = object_after(SCHEMA, 0, "$defs");
    for kind in RecordKind::ALL {
        let def = object_after(SCHEMA, defs, definition(kind));
        let properties = keys_in_order(SCHEMA, object_after(SCHEMA, def, "properties"));
        let fields: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
        assert_eq!(properties, fields, "{kind:?}: initiative.schema.json and src/schema.rs disagree");
    }
}

#[test]
fn the_required_fields_are_the_same() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    for kind in RecordKind::ALL {
        let mut required: Vec<&str> =
            schema["$defs"][definition(kind)]["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let mut ours: Vec<&str> = kind.fields().iter().filter(|f| f.required).map(|f| f.name).collect();
        required.sort_unstable();
        ours.sort_unstable();
        assert_eq!(required, ours, "{kind:?}");
    }
}

#[test]
fn the_file_level_keys_come_in_the_schema_files_order() {
    let top = keys_in_order(SCHEMA, object_after(SCHEMA, 0, "properties"));
    let ours: Vec<&str> = HEAD_KEYS.iter().copied().chain(RecordKind::ALL.iter().map(|k| k.key())).collect();
    assert_eq!(top, ours);
}
