//! Each record against the schema's shape (`crate::schema`), field by field: a required field
//! that is missing, a field holding the wrong kind of value, a word that is not one of the
//! allowed ones. Each becomes a problem of its own with the field's path, said in words, so
//! that an editor sees which field to fix rather than a parser's message about the record.

use serde_json::Value;

use super::{Problem, Reason};
use crate::schema::{FieldKind, RecordKind};

/// What a field should hold, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `{"en": "…", "sv": "…"}`.
    Text,
    /// Text in quotes.
    Words,
    /// A list `[ … ]` of texts in quotes.
    ListOfWords,
    /// A list `[ … ]` of month numbers.
    ListOfMonths,
}

/// The problems with `record`'s shape; empty if it has the shape its kind should.
pub(super) fn problems(kind: RecordKind, path: &str, record: &Value) -> Vec<Problem> {
    let Value::Object(fields) = record else {
        return vec![Problem { path: path.to_string(), reason: Reason::Shape("expected a record { … }".into()), record_kept: false }];
    };
    let mut out = Vec::new();
    for field in kind.fields() {
        let at = format!("{path}.{}", field.name);
        match fields.get(field.name) {
            None | Some(Value::Null) if field.required => out.push(problem(at, Reason::Missing)),
            None | Some(Value::Null) => {}
            Some(value) => {
                if let Some(reason) = wrong(field.kind, value) {
                    out.push(problem(at, reason));
                }
            }
        }
    }
    out
}

fn problem(path: String, reason: Reason) -> Problem {
    Problem { path, reason, record_kept: false }
}

/// Why `value` cannot be what `kind` holds, if it cannot.
fn wrong(kind: FieldKind, value: &Value) -> Option<Reason> {
    let words = |v: &Value| v.is_string();
    match kind {
        FieldKind::Text => {
            let ok = value.as_object().is_some_and(|o| ["en", "sv"].iter().all(|l| o.get(*l).is_none_or(words)));
            (!ok).then_some(Reason::WrongType(Expected::Text))
        }
        FieldKind::Choice(allowed) => match value.as_str() {
            None => Some(Reason::WrongType(Expected::Words)),
            Some(v) if !allowed.contains(&v) => Some(Reason::NotOneOf { value: v.to_string(), allowed }),
            Some(_) => None,
        },
        FieldKind::Id
        | FieldKind::CountryCode
        | FieldKind::Link
        | FieldKind::Date
        | FieldKind::CountryRef
        | FieldKind::OrganisationRef => (!words(value)).then_some(Reason::WrongType(Expected::Words)),
        FieldKind::CountryRefs { .. } | FieldKind::OrganisationRefs => {
            let ok = value.as_array().is_some_and(|items| items.iter().all(words));
            (!ok).then_some(Reason::WrongType(Expected::ListOfWords))
        }
        FieldKind::Months => {
            let ok = value.as_array().is_some_and(|items| items.iter().all(|m| m.as_u64().is_some_and(|m| m <= u32::MAX as u64)));
            (!ok).then_some(Reason::WrongType(Expected::ListOfMonths))
        }
    }
}
