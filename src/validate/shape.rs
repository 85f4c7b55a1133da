//! Each record against the schema's shape (`crate::schema`), field by field: a required field
//! that is missing, a field holding the wrong kind of value, a word that is not one of the
//! allowed ones. Each becomes a problem of its own with the field's path, said in words, so
//! that an editor sees which field to fix rather than a parser's message about the record.

use super::{Problem, Reason};
use crate::json::Json;
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
pub(super) fn problems<J: Json>(kind: RecordKind, path: &str, record: &J) -> Vec<Problem> {
    if !record.is_object() {
        return vec![Problem { path: path.to_string(), reason: Reason::Shape("expected a record { … }".into()), record_kept: false }];
    }
    let mut out = Vec::new();
    for field in kind.fields() {
        let at = format!("{path}.{}", field.name);
        match record.field(field.name).filter(|v| !v.is_null()) {
            None if field.required => out.push(problem(at, Reason::Missing)),
            None => {}
            Some(value) => {
                if let Some(reason) = wrong(field.kind, &value) {
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
fn wrong<J: Json>(kind: FieldKind, value: &J) -> Option<Reason> {
    let words = |v: &J| v.text().is_some();
    match kind {
        FieldKind::Text => {
            let ok = value.is_object() && ["en", "sv"].iter().all(|l| value.field(l).is_none_or(|t| words(&t)));
            (!ok).then_some(Reason::WrongType(Expected::Text))
        }
        FieldKind::Choice(allowed) => match value.text() {
            None => Some(Reason::WrongType(Expected::Words)),
            Some(v) if !allowed.contains(&v.as_str()) => Some(Reason::NotOneOf { value: v, allowed }),
            Some(_) => None,
        },
        FieldKind::Id | FieldKind::CountryCode | FieldKind::Link | FieldKind::Date | FieldKind::CountryRef | FieldKind::OrganisationRef => {
            (!words(value)).then_some(Reason::WrongType(Expected::Words))
        }
        FieldKind::CountryRefs { .. } | FieldKind::OrganisationRefs => {
            let ok = value.items().is_some_and(|items| items.iter().all(words));
            (!ok).then_some(Reason::WrongType(Expected::ListOfWords))
        }
        FieldKind::Months => {
            let ok = value.items().is_some_and(|items| items.iter().all(|m| m.number().is_some_and(|m| m <= u32::MAX as u64)));
            (!ok).then_some(Reason::WrongType(Expected::ListOfMonths))
        }
    }
}
