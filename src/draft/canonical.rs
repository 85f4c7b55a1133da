//! The file as the editor writes it, the same way every time: UTF-8 without a byte-order mark,
//! LF line ends, two-space indentation, keys in the schema's order (`crate::schema`; keys it
//! does not know come after, alphabetically), each language of a text on its own line, short
//! lists on one line, a newline at the end. So a file opened and written unedited is the same
//! file byte for byte, and one edited field changes only that field's lines.
//!
//! ```
//! use innovation_atlas::draft::canonical::write;
//! let file: serde_json::Value = serde_json::from_str(r#"{"schema_version":1,"source":"https://x.se/",
//!   "groups":[{"source":"https://x.se/","id":"g","countries":["FR","DE"],"name":{"sv":"G","en":"G"}}]}"#).unwrap();
//! assert_eq!(write(file.as_object().unwrap()), "{\n  \"schema_version\": 1,\n  \"source\": \"https://x.se/\",\n  \"groups\": [\n    {\n      \"id\": \"g\",\n      \"name\": {\n        \"en\": \"G\",\n        \"sv\": \"G\"\n      },\n      \"countries\": [\"FR\", \"DE\"],\n      \"source\": \"https://x.se/\"\n    }\n  ]\n}\n");
//! ```

use serde_json::{Map, Value};

use crate::schema::{RecordKind, HEAD_KEYS};

/// The whole file's text.
pub fn write(root: &Map<String, Value>) -> String {
    let mut out = String::from("{\n");
    let mut entries: Vec<String> = Vec::new();
    for (key, value) in ordered(root, &top_order()) {
        let written = match RecordKind::from_key(key) {
            Some(kind) if value.is_array() => record_list(kind, value),
            _ => value_at(value, 1),
        };
        entries.push(format!("  {}: {written}", string(key)));
    }
    out.push_str(&entries.join(",\n"));
    out.push_str("\n}\n");
    out
}

fn top_order() -> Vec<&'static str> {
    HEAD_KEYS.iter().copied().chain(RecordKind::ALL.iter().map(|k| k.key())).collect()
}

/// The map's entries: first the known keys in their order, then the rest alphabetically.
fn ordered<'a>(map: &'a Map<String, Value>, known: &[&str]) -> Vec<(&'a str, &'a Value)> {
    let mut out: Vec<(&str, &Value)> = known.iter().filter_map(|k| map.get_key_value(*k)).map(|(k, v)| (k.as_str(), v)).collect();
    let mut rest: Vec<(&str, &Value)> = map.iter().filter(|(k, _)| !known.contains(&k.as_str())).map(|(k, v)| (k.as_str(), v)).collect();
    rest.sort_by(|a, b| a.0.cmp(b.0));
    out.extend(rest);
    out
}

/// A list of records: each record a block of its own.
fn record_list(kind: RecordKind, list: &Value) -> String {
    let records = list.as_array().map(Vec::as_slice).unwrap_or_default();
    if records.is_empty() {
        return "[]".into();
    }
    let known: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
    let blocks: Vec<String> = records
        .iter()
        .map(|record| match record {
            Value::Object(fields) => {
                let lines: Vec<String> =
                    ordered(fields, &known).into_iter().map(|(k, v)| format!("      {}: {}", string(k), value_at(v, 3))).collect();
                if lines.is_empty() {
                    "    {}".to_string()
                } else {
                    format!("    {{\n{}\n    }}", lines.join(",\n"))
                }
            }
            other => format!("    {}", value_at(other, 2)),
        })
        .collect();
    format!("[\n{}\n  ]", blocks.join(",\n"))
}

/// A value at `depth` (its first line is already indented): a text `{en, sv}` as a block, a
/// list of plain values on one line, anything else on one line too.
fn value_at(value: &Value, depth: usize) -> String {
    match value {
        Value::Object(fields) if is_text(fields) => {
            let pad = "  ".repeat(depth + 1);
            let lines: Vec<String> =
                ordered(fields, &["en", "sv"]).into_iter().map(|(k, v)| format!("{pad}{}: {}", string(k), inline(v))).collect();
            format!("{{\n{}\n{}}}", lines.join(",\n"), "  ".repeat(depth))
        }
        other => inline(other),
    }
}

/// `{"en": "…", "sv": "…"}` (or one of them): a text in both languages.
fn is_text(fields: &Map<String, Value>) -> bool {
    !fields.is_empty() && fields.iter().all(|(k, v)| (k == "en" || k == "sv") && v.is_string())
}

/// A value on one line: `["FR", "DE"]`, `{ "a": 1 }`, `"text"`, `12`.
fn inline(value: &Value) -> String {
    match value {
        Value::Array(items) => format!("[{}]", items.iter().map(inline).collect::<Vec<_>>().join(", ")),
        Value::Object(fields) if fields.is_empty() => "{}".into(),
        Value::Object(fields) => {
            let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{}: {}", string(k), inline(v))).collect();
            format!("{{ {} }}", parts.join(", "))
        }
        Value::String(s) => string(s),
        other => other.to_string(),
    }
}

/// A JSON string, escaped as serde_json escapes (non-ASCII kept as it is).
fn string(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}
