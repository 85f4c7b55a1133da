//! The editor's draft: the file as opened (`base`) and as edited (`current`), every change a
//! step that can be undone and redone, and each record's way back to its published version.
//! Pure data: the browser editor (`src/editor/`) shows it and saves it; `tests/draft.rs` tests it.
//!
//! ```
//! use innovation_atlas::draft::{document::Document, Draft};
//! use innovation_atlas::{dataset::Lang, schema::RecordKind};
//! let mut draft = Draft::open(Document::parse(include_str!("../public/data/initiative.json")).unwrap());
//! let tokyo = draft.current().records(RecordKind::Office).iter().position(|o| o["id"] == "osi-tokyo").unwrap();
//! draft.set_text(RecordKind::Office, tokyo, "name", Lang::En, "Office of Science and Innovation, Tōkyō");
//! assert!(draft.is_changed());
//! draft.undo();
//! assert!(!draft.is_changed());
//! ```

pub mod canonical;
pub mod changes;
pub mod document;
pub mod ids;
pub mod merge;
pub mod problems;
pub mod references;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::dataset::Lang;
use crate::schema::RecordKind;
use document::Document;

/// Where the editor keeps its draft in the browser (localStorage): the draft's text under
/// `STORAGE_KEY_TEXT`, which the atlas reads for its preview (`?draft=1`), and under
/// `STORAGE_KEY` what it began from.
pub const STORAGE_KEY: &str = "innovation-atlas:draft";
pub const STORAGE_KEY_TEXT: &str = "innovation-atlas:draft:text";

/// One change to the document; applying it gives the change that undoes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Op {
    /// A record's field set (None: removed).
    Field {
        kind: RecordKind,
        index: usize,
        field: String,
        value: Option<Value>,
    },
    /// A field outside the records set (None: removed).
    Head {
        key: String,
        value: Option<Value>,
    },
    /// A record put at `index`; `origin` is its place in the file as opened, if it has one.
    Insert {
        kind: RecordKind,
        index: usize,
        record: Value,
        origin: Option<usize>,
    },
    Remove {
        kind: RecordKind,
        index: usize,
    },
}

/// What one undo takes back: the changes as made, and the ones that undo them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Step {
    done: Vec<Op>,
    undo: Vec<Op>,
    /// The field being typed in, while this step may still grow (see [`Draft::seal`]).
    typing: Option<(RecordKind, usize, String)>,
}

/// What [`Draft::history`] saves.
#[derive(Serialize, Deserialize)]
struct History {
    origins: [Vec<Option<usize>>; 6],
    undo: Vec<Step>,
    redo: Vec<Step>,
}

#[derive(Clone, Debug)]
pub struct Draft {
    base: Document,
    current: Document,
    /// For each record of `current`, per kind: its index in `base`, if it was in the file.
    origins: [Vec<Option<usize>>; 6],
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Draft {
    /// A draft of the file as opened: no changes yet.
    pub fn open(base: Document) -> Draft {
        let origins = RecordKind::ALL.map(|kind| (0..base.records(kind).len()).map(Some).collect());
        Draft { current: base.clone(), base, origins, undo: Vec::new(), redo: Vec::new() }
    }

    /// A saved draft again (after a reload): `current` against the file it began from. Records
    /// find their published version by id; undo starts afresh.
    pub fn resume(base: Document, current: Document) -> Draft {
        let origins = RecordKind::ALL.map(|kind| {
            let id_field = kind.id_field();
            let base_ids: Vec<Option<&Value>> = base.records(kind).iter().map(|r| r.get(id_field)).collect();
            let mut used = vec![false; base_ids.len()];
            current
                .records(kind)
                .iter()
                .map(|record| {
                    let id = record.get(id_field)?;
                    let at = base_ids.iter().enumerate().position(|(i, b)| !used[i] && *b == Some(id))?;
                    used[at] = true;
                    Some(at)
                })
                .collect()
        });
        Draft { base, current, origins, undo: Vec::new(), redo: Vec::new() }
    }

    /// Undo and redo, and where each record came from, as text (saved with the draft, so that
    /// a reload can still undo).
    pub fn history(&self) -> String {
        let history = History { origins: self.origins.clone(), undo: self.undo.clone(), redo: self.redo.clone() };
        serde_json::to_string(&history).unwrap_or_default()
    }

    /// Takes up the history [`Draft::history`] gave, if it fits this draft (else keeps none).
    pub fn restore_history(&mut self, text: &str) {
        let Ok(history) = serde_json::from_str::<History>(text) else { return };
        let fits = RecordKind::ALL.iter().all(|k| history.origins[k.index()].len() == self.current.records(*k).len());
        if fits {
            self.origins = history.origins;
            self.undo = history.undo;
            self.redo = history.redo;
        }
    }

    /// The file as opened.
    pub fn base(&self) -> &Document {
        &self.base
    }

    /// The file as edited.
    pub fn current(&self) -> &Document {
        &self.current
    }

    /// True when the draft differs from the file as opened.
    pub fn is_changed(&self) -> bool {
        self.current != self.base
    }

    /// The published version of a record of the draft, if it was in the file as opened.
    pub fn base_record(&self, kind: RecordKind, index: usize) -> Option<&Value> {
        let origin = (*self.origins[kind.index()].get(index)?)?;
        self.base.record(kind, origin)
    }

    /// The record's index in the file as opened, if it was there.
    pub fn origin(&self, kind: RecordKind, index: usize) -> Option<usize> {
        self.origins[kind.index()].get(index).copied().flatten()
    }

    /// True when the field differs from its published value (any field of an added record).
    pub fn field_changed(&self, kind: RecordKind, index: usize, field: &str) -> bool {
        let now = self.current.field(kind, index, field);
        match self.base_record(kind, index) {
            Some(base) => base.get(field) != now,
            None => now.is_some(),
        }
    }

    /// Sets a field (None removes it). Typing in one field makes one undo step until
    /// [`Draft::seal`] or an edit elsewhere.
    pub fn set_field(&mut self, kind: RecordKind, index: usize, field: &str, value: Option<Value>) {
        if self.current.field(kind, index, field) == value.as_ref() || self.current.record(kind, index).is_none() {
            return;
        }
        let target = (kind, index, field.to_string());
        let op = Op::Field { kind, index, field: field.to_string(), value };
        let growing = self.undo.last().is_some_and(|s| s.typing.as_ref() == Some(&target)) && self.redo.is_empty();
        let inverse = self.apply(op.clone());
        if growing {
            let step = self.undo.last_mut().expect("checked above");
            step.done.push(op);
            step.undo.insert(0, inverse);
        } else {
            self.redo.clear();
            self.undo.push(Step { done: vec![op], undo: vec![inverse], typing: Some(target) });
        }
    }

    /// One language of a text field: `{"en": …, "sv": …}` with `lang` set to `text`.
    pub fn set_text(&mut self, kind: RecordKind, index: usize, field: &str, lang: Lang, text: &str) {
        let mut value = match self.current.field(kind, index, field) {
            Some(Value::Object(o)) => o.clone(),
            _ => Map::new(),
        };
        // Both languages are always there, the other one empty until written.
        for other in Lang::ALL {
            value.entry(other.code()).or_insert_with(|| Value::String(String::new()));
        }
        value.insert(lang.code().to_string(), Value::String(text.to_string()));
        self.set_field(kind, index, field, Some(Value::Object(value)));
    }

    /// Ends the current typing step: the next edit is a step of its own.
    pub fn seal(&mut self) {
        if let Some(step) = self.undo.last_mut() {
            step.typing = None;
        }
    }

    /// Sets a field outside the records (`updated`, `source`), as a step of its own.
    pub fn set_head(&mut self, key: &str, value: Option<Value>) {
        if self.current.fields().get(key) == value.as_ref() {
            return;
        }
        self.step(vec![Op::Head { key: key.to_string(), value }]);
    }

    /// Adds a record at the end of its kind's list; returns its index.
    pub fn add(&mut self, kind: RecordKind, record: Value) -> usize {
        let index = self.current.records(kind).len();
        self.step(vec![Op::Insert { kind, index, record, origin: None }]);
        index
    }

    /// Puts a copy of a record right after it, with the id `new_id`; returns the copy's index.
    pub fn duplicate(&mut self, kind: RecordKind, index: usize, new_id: &str) -> Option<usize> {
        let mut copy = self.current.record(kind, index)?.clone();
        if let Some(fields) = copy.as_object_mut() {
            fields.insert(kind.id_field().to_string(), Value::String(new_id.to_string()));
        }
        self.step(vec![Op::Insert { kind, index: index + 1, record: copy, origin: None }]);
        Some(index + 1)
    }

    /// Removes a record (what refers to it is the caller's to check: `references`).
    pub fn delete(&mut self, kind: RecordKind, index: usize) {
        if self.current.record(kind, index).is_some() {
            self.step(vec![Op::Remove { kind, index }]);
        }
    }

    /// A field back to its published value (removed, for a field the published record lacks).
    pub fn revert_field(&mut self, kind: RecordKind, index: usize, field: &str) {
        let published = self.base_record(kind, index).and_then(|r| r.get(field)).cloned();
        if self.current.field(kind, index, field) != published.as_ref() {
            self.step(vec![Op::Field { kind, index, field: field.to_string(), value: published }]);
        }
    }

    /// A record back to its published version; a record the file did not have goes.
    pub fn revert_record(&mut self, kind: RecordKind, index: usize) {
        let origin = self.origin(kind, index);
        match origin.and_then(|o| self.base.record(kind, o)).cloned() {
            Some(published) if self.current.record(kind, index) != Some(&published) => {
                self.step(vec![Op::Remove { kind, index }, Op::Insert { kind, index, record: published, origin }]);
            }
            Some(_) => {}
            None => self.delete(kind, index),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Takes back the last step; false if there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else { return false };
        for op in step.undo {
            self.apply(op);
        }
        self.redo.push(Step { done: step.done, undo: Vec::new(), typing: None });
        true
    }

    /// Makes the last undone step again; false if there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else { return false };
        let mut undo: Vec<Op> = step.done.iter().cloned().map(|op| self.apply(op)).collect();
        undo.reverse();
        self.undo.push(Step { done: step.done, undo, typing: None });
        true
    }

    /// Applies `ops` as one step.
    fn step(&mut self, ops: Vec<Op>) {
        self.seal();
        self.redo.clear();
        let mut undo: Vec<Op> = ops.iter().cloned().map(|op| self.apply(op)).collect();
        undo.reverse();
        self.undo.push(Step { done: ops, undo, typing: None });
    }

    /// Applies one change; returns the change that undoes it.
    fn apply(&mut self, op: Op) -> Op {
        match op {
            Op::Field { kind, index, field, value } => {
                let before = self.current.set_field(kind, index, &field, value);
                Op::Field { kind, index, field, value: before }
            }
            Op::Head { key, value } => {
                let before = self.current.set_head(&key, value);
                Op::Head { key, value: before }
            }
            Op::Insert { kind, index, record, origin } => {
                let list = self.current.records_mut(kind);
                let index = index.min(list.len());
                list.insert(index, record);
                self.origins[kind.index()].insert(index, origin);
                Op::Remove { kind, index }
            }
            Op::Remove { kind, index } => {
                let record = self.current.records_mut(kind).remove(index);
                let origin = self.origins[kind.index()].remove(index);
                Op::Insert { kind, index, record, origin }
            }
        }
    }
}
