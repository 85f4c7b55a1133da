//! "What changed": the draft against the file it was opened from, record by record and field
//! by field, so an editor sees exactly what the file they download will change.

use serde_json::Value;

use crate::schema::{RecordKind, HEAD_KEYS};

use super::Draft;

/// One field, before and after (None: not there).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RecordChange {
    /// A record the file did not have; `index` is its place in the draft.
    Added { kind: RecordKind, index: usize },
    /// A record of the file that the draft no longer has.
    Removed { kind: RecordKind, record: Value },
    /// A record of both, with the fields that differ.
    Changed { kind: RecordKind, index: usize, fields: Vec<FieldChange> },
}

/// Everything the draft changes, in the file's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// The fields outside the records (`updated`, `source`).
    pub head: Vec<FieldChange>,
    pub records: Vec<RecordChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.head.is_empty() && self.records.is_empty()
    }
}

pub fn changes(draft: &Draft) -> Changes {
    let (base, current) = (draft.base(), draft.current());
    let head = HEAD_KEYS
        .iter()
        .map(|k| k.to_string())
        .chain(base.fields().keys().chain(current.fields().keys()).filter(|k| is_head(k)).cloned())
        .fold(Vec::<String>::new(), |mut keys, k| {
            if !keys.contains(&k) {
                keys.push(k);
            }
            keys
        })
        .into_iter()
        .filter_map(|k| field_change(&k, base.fields().get(&k), current.fields().get(&k)))
        .collect();
    let mut records = Vec::new();
    for kind in RecordKind::ALL {
        let mut seen = vec![false; base.records(kind).len()];
        for (index, record) in current.records(kind).iter().enumerate() {
            match draft.origin(kind, index) {
                Some(origin) => {
                    seen[origin] = true;
                    let fields = record_fields(kind, base.record(kind, origin), Some(record));
                    if !fields.is_empty() {
                        records.push(RecordChange::Changed { kind, index, fields });
                    }
                }
                None => records.push(RecordChange::Added { kind, index }),
            }
        }
        for (origin, record) in base.records(kind).iter().enumerate() {
            if !seen[origin] {
                records.push(RecordChange::Removed { kind, record: record.clone() });
            }
        }
    }
    Changes { head, records }
}

fn is_head(key: &str) -> bool {
    RecordKind::from_key(key).is_none()
}

fn field_change(field: &str, before: Option<&Value>, after: Option<&Value>) -> Option<FieldChange> {
    (before != after).then(|| FieldChange { field: field.to_string(), before: before.cloned(), after: after.cloned() })
}

/// The fields that differ between two versions of a record, in the schema's order.
fn record_fields(kind: RecordKind, before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let keys_of = |v: Option<&Value>| v.and_then(Value::as_object).map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
    let mut names: Vec<String> = kind.fields().iter().map(|f| f.name.to_string()).collect();
    for key in keys_of(before).into_iter().chain(keys_of(after)) {
        if !names.contains(&key) {
            names.push(key);
        }
    }
    names.iter().filter_map(|name| field_change(name, before.and_then(|b| b.get(name)), after.and_then(|a| a.get(name)))).collect()
}
