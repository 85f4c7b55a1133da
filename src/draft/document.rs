//! The data file as the editor holds it: the JSON itself, every record as the file has it
//! (broken ones too, so they can be fixed), in the file's order.

use serde_json::{Map, Value};

use crate::dataset::SCHEMA_VERSION;
use crate::schema::RecordKind;
use crate::validate::{parse, LoadError};

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Always a JSON object.
    root: Value,
}

impl Document {
    /// Reads a file the editor can open: JSON, an object, a schema version it knows. A file
    /// with broken records opens, records and all.
    pub fn parse(text: &str) -> Result<Document, LoadError> {
        let root = parse(text)?;
        if !root.is_object() {
            return Err(LoadError::NotAnObject);
        }
        match root.get("schema_version").and_then(Value::as_u64) {
            Some(v) if v > SCHEMA_VERSION as u64 => Err(LoadError::NewerSchema { found: v }),
            Some(v) if v >= 1 => Ok(Document { root }),
            _ => Err(LoadError::BadSchemaVersion),
        }
    }

    /// The file as JSON (for the validator, `validate::read_value`).
    pub fn json(&self) -> &Value {
        &self.root
    }

    pub fn fields(&self) -> &Map<String, Value> {
        self.root.as_object().expect("a document is an object")
    }

    fn fields_mut(&mut self) -> &mut Map<String, Value> {
        self.root.as_object_mut().expect("a document is an object")
    }

    /// The records of one kind; none when the file has no list for it (or not a list).
    pub fn records(&self, kind: RecordKind) -> &[Value] {
        self.fields().get(kind.key()).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn record(&self, kind: RecordKind, index: usize) -> Option<&Value> {
        self.records(kind).get(index)
    }

    /// One of a record's fields (None when the record or the field is not there).
    pub fn field(&self, kind: RecordKind, index: usize, field: &str) -> Option<&Value> {
        self.record(kind, index)?.get(field)
    }

    /// The kind's list, made if the file has none (a list that is not one is replaced).
    pub(super) fn records_mut(&mut self, kind: RecordKind) -> &mut Vec<Value> {
        let fields = self.fields_mut();
        let list = fields.entry(kind.key()).or_insert_with(|| Value::Array(Vec::new()));
        if !list.is_array() {
            *list = Value::Array(Vec::new());
        }
        list.as_array_mut().expect("made a list above")
    }

    /// Sets (or with None removes) a field of a record; returns what was there. A record that
    /// is not an object becomes one.
    pub(super) fn set_field(&mut self, kind: RecordKind, index: usize, field: &str, value: Option<Value>) -> Option<Value> {
        let record = self.records_mut(kind).get_mut(index)?;
        if !record.is_object() {
            *record = Value::Object(Map::new());
        }
        let fields = record.as_object_mut().expect("made an object above");
        match value {
            Some(v) => fields.insert(field.to_string(), v),
            None => fields.remove(field),
        }
    }

    /// Sets (or with None removes) one of the fields outside the records (`updated`, …).
    pub(super) fn set_head(&mut self, key: &str, value: Option<Value>) -> Option<Value> {
        match value {
            Some(v) => self.fields_mut().insert(key.to_string(), v),
            None => self.fields_mut().remove(key),
        }
    }

    /// The file's text, as the editor writes it (see `canonical`).
    pub fn to_text(&self) -> String {
        super::canonical::write(self.fields())
    }
}
