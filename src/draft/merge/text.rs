//! The merge of a text field (`{"en": …, "sv": …}`) language by language: when both sides
//! changed a text differently, each language is settled by the three-way rule on its own, so
//! English fixed on one side and Swedish on the other is no conflict, and a language both
//! changed differently is a conflict of its own ([`Conflict::lang`]) whose values are the whole
//! texts and whose choice decides only that language.

use serde_json::{Map, Value};

use crate::schema::{FieldKind, RecordKind};

use super::values::{settle, Merger, Settled};
use super::{Choice, Conflict};

/// True when a record's field, which both sides have, merges language by language: a text
/// field in the schema, which both sides (and the file, if it has it) have as an object of
/// strings, `{"en": …, "sv": …}`.
pub(super) fn is_text(kind: RecordKind, field: &str, base: Option<&Value>, mine: &Value, theirs: &Value) -> bool {
    let text = |v: &Value| v.as_object().is_some_and(|o| o.values().all(Value::is_string));
    kind.field(field).is_some_and(|f| f.kind == FieldKind::Text) && base.is_none_or(text) && text(mine) && text(theirs)
}

impl Merger<'_> {
    /// A record's text field (see [`is_text`]): as one value when the three-way rule settles
    /// it, else language by language, each language both changed differently a conflict.
    pub(super) fn text(&mut self, place: (RecordKind, &str, &str), base: Option<&Value>, mine: &Value, theirs: &Value) -> Value {
        if let Settled::Agreed(Some(value)) = settle(base, Some(mine), Some(theirs)) {
            return value.clone();
        }
        let none = Map::new();
        let [b, m, t] = [base, Some(mine), Some(theirs)].map(|v| v.and_then(Value::as_object).unwrap_or(&none));
        let mut merged = Map::new();
        for lang in t.keys().chain(m.keys().filter(|k| !t.contains_key(*k))) {
            let (mine_lang, theirs_lang) = (m.get(lang), t.get(lang));
            let value = match settle(b.get(lang), mine_lang, theirs_lang) {
                Settled::Agreed(value) => value,
                Settled::Conflict => {
                    let (kind, id, field) = place;
                    let conflict = Conflict {
                        kind: Some(kind),
                        id: id.to_string(),
                        field: Some(field.to_string()),
                        lang: Some(lang.clone()),
                        base: base.cloned(),
                        theirs: Some(theirs.clone()),
                        mine: Some(mine.clone()),
                    };
                    match self.conflict(conflict) {
                        Choice::Mine => mine_lang,
                        Choice::Theirs => theirs_lang,
                    }
                }
            };
            if let Some(value) = value {
                merged.insert(lang.clone(), value.clone());
            }
        }
        Value::Object(merged)
    }
}
