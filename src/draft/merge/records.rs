//! The merge of one kind's list of records: records matched across the three versions by id
//! (the ones without a string id by their place among themselves, a repeated id by which
//! repeat it is), each merged field by field (a text field language by language, see
//! [`super::text`]) or, when deleted on one side, as one value; and the merged list put in
//! order: `theirs`' order, with what only `mine` has after the record it follows in `mine`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::schema::RecordKind;

use super::text::is_text;
use super::values::Merger;

/// How a record is known across the three versions: its id, and which record with that id it
/// is (0 for the first). Records without a string id share the id None, so they are matched
/// by their place among themselves.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    id: Option<String>,
    nth: usize,
}

/// A list's records with their keys, in the list's order.
fn keyed(kind: RecordKind, records: &[Value]) -> Vec<(Key, &Value)> {
    let mut seen: HashMap<Option<&str>, usize> = HashMap::new();
    records
        .iter()
        .map(|record| {
            let id = record.get(kind.id_field()).and_then(Value::as_str);
            let nth = seen.entry(id).or_default();
            let key = Key { id: id.map(str::to_string), nth: *nth };
            *nth += 1;
            (key, record)
        })
        .collect()
}

fn find<'a>(list: &[(Key, &'a Value)], key: &Key) -> Option<&'a Value> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

impl Merger<'_> {
    /// One kind's records: each merged, in `theirs`' order with what only `mine` has placed
    /// after the record it follows in `mine`.
    pub(super) fn records(&mut self, kind: RecordKind, base: &[Value], mine: &[Value], theirs: &[Value]) -> Vec<Value> {
        let (base, mine, theirs) = (keyed(kind, base), keyed(kind, mine), keyed(kind, theirs));
        let mut kept: HashMap<Key, Value> = HashMap::new();
        let only_mine = mine.iter().filter(|(key, _)| find(&theirs, key).is_none());
        for (key, _) in theirs.iter().chain(only_mine) {
            let id = key.id.as_deref().unwrap_or_default();
            if let Some(record) = self.record(kind, id, find(&base, key), find(&mine, key), find(&theirs, key)) {
                kept.insert(key.clone(), record);
            }
        }
        let mut order: Vec<&Key> = theirs.iter().map(|(key, _)| key).filter(|key| kept.contains_key(*key)).collect();
        for (at, (key, _)) in mine.iter().enumerate() {
            if kept.contains_key(key) && !order.contains(&key) {
                let before = mine[..at].iter().rev().find_map(|(k, _)| order.iter().position(|o| *o == k));
                order.insert(before.map_or(0, |p| p + 1), key);
            }
        }
        order.into_iter().filter_map(|key| kept.remove(key)).collect()
    }

    /// One record (None: not in the merge). Two objects merge field by field; otherwise the
    /// record is one value: deleted on one side and changed on the other is a conflict.
    fn record(&mut self, kind: RecordKind, id: &str, base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
        match (mine, theirs) {
            (Some(Value::Object(mine)), Some(Value::Object(theirs))) => {
                Some(Value::Object(self.fields(kind, id, base.and_then(Value::as_object), mine, theirs)))
            }
            _ => self.value((Some(kind), id, None), base, mine, theirs),
        }
    }

    /// A record's fields, `theirs`' first, then the ones only `mine` has. A record the file did
    /// not have (both added it) has no fields to go back to.
    fn fields(
        &mut self,
        kind: RecordKind,
        id: &str,
        base: Option<&Map<String, Value>>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut merged = Map::new();
        for name in theirs.keys().chain(mine.keys().filter(|k| !theirs.contains_key(*k))) {
            let [b, m, t] = [base.and_then(|b| b.get(name)), mine.get(name), theirs.get(name)];
            let value = match (m, t) {
                (Some(m), Some(t)) if is_text(kind, name, b, m, t) => Some(self.text((kind, id, name), b, m, t)),
                _ => self.value((Some(kind), id, Some(name)), b, m, t),
            };
            if let Some(value) = value {
                merged.insert(name.clone(), value);
            }
        }
        merged
    }
}
