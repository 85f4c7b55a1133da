//! What refers to a record: before deleting an organisation or a country, the editor lists the
//! records that name it, so that nothing is left pointing at nothing without a warning.

use serde_json::Value;

use crate::schema::{FieldKind, RecordKind};

use super::document::Document;

/// A record's field that names another record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub kind: RecordKind,
    pub index: usize,
    pub field: &'static str,
}

/// The records whose fields name the record `kind`/`index` (by its id, or a country's code).
pub fn referring_to(document: &Document, kind: RecordKind, index: usize) -> Vec<Reference> {
    let Some(id) = document.record(kind, index).and_then(|r| r.get(kind.id_field())).and_then(Value::as_str) else {
        return Vec::new();
    };
    let names_it = |field: FieldKind, value: &Value| match (kind, field) {
        (RecordKind::Organisation, FieldKind::OrganisationRef) | (RecordKind::Country, FieldKind::CountryRef) => value == id,
        (RecordKind::Organisation, FieldKind::OrganisationRefs) | (RecordKind::Country, FieldKind::CountryRefs { .. }) => {
            value.as_array().is_some_and(|items| items.iter().any(|v| v == id))
        }
        _ => false,
    };
    let mut out = Vec::new();
    for other in RecordKind::ALL {
        for (i, record) in document.records(other).iter().enumerate() {
            for field in other.fields() {
                if record.get(field.name).is_some_and(|v| names_it(field.kind, v)) && !(other == kind && i == index) {
                    out.push(Reference { kind: other, index: i, field: field.name });
                }
            }
        }
    }
    out
}
