//! The validator's problems with the draft, placed where the editor shows them: a record and
//! one of its fields (and a language), or a field outside the records. Errors keep the file
//! from being downloaded; warnings (a text in one language only) do not.

use crate::dataset::Lang;
use crate::schema::RecordKind;
use crate::validate::{read_value, LoadError, Problem, Reason};

use super::document::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A field outside the records: `source`, `updated`, `schema_version`.
    Head(String),
    /// A record, and the field (and language of a text) if the problem is in one.
    Record { kind: RecordKind, index: usize, field: Option<String>, lang: Option<Lang> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub problem: Problem,
    pub severity: Severity,
    pub place: Place,
}

/// Every problem the validator finds in the draft, placed.
pub fn check(document: &Document) -> Vec<Found> {
    let problems = match read_value(document.json()) {
        Ok(loaded) => loaded.problems,
        Err(error) => vec![Problem { path: "schema_version".into(), reason: Reason::Shape(error.message(Lang::En)), record_kept: false }],
    };
    problems.into_iter().map(|problem| Found { severity: severity(&problem.reason), place: place(&problem.path), problem }).collect()
}

/// A text in one language only is a warning; everything else keeps the file from being used.
pub fn severity(reason: &Reason) -> Severity {
    match reason {
        Reason::MissingLanguage(_) => Severity::Warning,
        _ => Severity::Error,
    }
}

/// `offices[3].name.en` → the fourth office, its `name`, in English.
pub fn place(path: &str) -> Place {
    let (head, rest) = path.split_once('.').map_or((path, ""), |(h, r)| (h, r));
    let record = head.split_once('[').and_then(|(key, index)| {
        let kind = RecordKind::from_key(key)?;
        let index = index.strip_suffix(']')?.parse().ok()?;
        Some((kind, index))
    });
    let Some((kind, index)) = record else { return Place::Head(head.to_string()) };
    let mut parts = rest.split('.').filter(|p| !p.is_empty());
    let field = parts.next().map(|f| f.split('[').next().unwrap_or(f).to_string());
    let lang = parts.next().and_then(Lang::from_code);
    Place::Record { kind, index, field, lang }
}

/// A load error as the editor says it (the same messages as the app's).
pub fn load_error(error: &LoadError, lang: Lang) -> String {
    error.message(lang)
}
