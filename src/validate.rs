//! Reading and checking `initiative.json`: the one place where data enters the app.
//!
//! A file that cannot be read at all (not JSON, not an object, a newer schema) is a
//! [`LoadError`]. Anything wrong inside a readable file is a [`Problem`] with the path of the
//! field; the broken record is left out (or, for a bad link, kept without the link) and every
//! valid record is still shown.
//!
//! ```
//! use innovation_atlas::validate::read_dataset;
//! let json = r#"{"schema_version":1,"source":"https://www.vinnova.se/","countries":[
//!   {"code":"XX","region":"asia","summary":{"en":"a","sv":"b"},"source":"https://www.vinnova.se/"}]}"#;
//! let loaded = read_dataset(json).unwrap();
//! assert!(loaded.dataset.countries.is_empty());
//! assert_eq!(loaded.problems[0].to_string(),
//!     "initiative.json: countries[0].code: 'XX' is not an ISO 3166-1 country code");
//! ```

mod messages;
mod reader;
mod records;
mod shape;

use serde_json::Value;

use crate::dataset::*;
use crate::json::{syntax_error, Json, SyntaxError};

pub use shape::Expected;

/// The file name used in every message, as an editor knows it.
pub const FILE_NAME: &str = "initiative.json";

/// Why the file as a whole could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Empty,
    Syntax {
        line: usize,
        column: usize,
        detail: SyntaxError,
    },
    NotAnObject,
    NewerSchema {
        found: u64,
    },
    BadSchemaVersion,
    /// The server answered with an HTTP error status.
    Http {
        status: u16,
    },
    /// The request failed or did not finish in time.
    Network {
        detail: String,
    },
    Timeout {
        seconds: u32,
    },
}

/// What is wrong with one field of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The record as a whole does not have the expected shape.
    Shape(String),
    /// A required field is not there.
    Missing,
    /// The field holds something else than it should.
    WrongType(Expected),
    /// The field is not one of the words it may be.
    NotOneOf {
        value: String,
        allowed: &'static [&'static str],
    },
    /// An id with other characters than `a-z`, `0-9` and `-`, or longer than 64.
    BadId(String),
    UnknownCountryCode(String),
    NotADatasetCountry(String),
    DuplicateId(String),
    UnknownOrganisation(String),
    NotHttps(String),
    MissingLanguage(Lang),
    BadDate(String),
    BadMonth(u32),
    Empty,
}

/// A problem inside the file: where (a JSON path) and why. The record is left out unless
/// [`Problem::record_kept`] says otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: Reason,
    pub record_kept: bool,
}

/// A readable file: the valid records, and what was wrong with the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    /// Which file this is ([`data_version`] of its text): the page says which one it was
    /// built from, so the app knows whether the page already shows this data.
    pub version: String,
}

/// A short fingerprint of a data file's text (FNV-1a, 64 bits, in hex): equal texts, equal
/// versions; a changed byte, another version.
///
/// ```
/// use innovation_atlas::validate::data_version;
/// assert_eq!(data_version("{}"), data_version("{}"));
/// assert_ne!(data_version("{}"), data_version("{ }"));
/// assert_eq!(data_version("").len(), 16);
/// ```
pub fn data_version(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{hash:016x}")
}

/// True for an address the app may render as a link.
pub fn is_safe_link(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'))
}

/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    match parts.as_slice() {
        [y] => number(y, 4).is_some(),
        [y, m] => number(y, 4).is_some() && number(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

/// Reads the dataset from the file's text. Never panics. In the browser the browser's own
/// `JSON.parse` reads it (the app carries no JSON parser); natively serde_json.
pub fn read_dataset(text: &str) -> Result<Loaded, LoadError> {
    read_text(text, false)
}

/// Reads the dataset from the file's text, like [`read_dataset`], but without checking each
/// record's shape against the schema when the text is the file of version `checked`: the file a
/// page was built from, which the build checked and refuses with any problem. The usual start
/// of the app, where the schema check was two thirds of reading the file. Any other text is
/// checked in full.
///
/// ```
/// use innovation_atlas::validate::{data_version, read_dataset, read_dataset_checked};
/// let text = r#"{"schema_version": 1, "source": "https://www.vinnova.se/", "countries": [{"code": 7}]}"#;
/// // Not the file of that version: checked in full, the misshapen country is a problem.
/// assert!(!read_dataset_checked(text, "0000000000000000").unwrap().problems.is_empty());
/// assert_eq!(read_dataset_checked(text, "0000000000000000"), read_dataset(text));
/// ```
pub fn read_dataset_checked(text: &str, checked: &str) -> Result<Loaded, LoadError> {
    read_text(text, data_version(text) == checked)
}

fn read_text(text: &str, shape_known: bool) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    #[cfg(target_arch = "wasm32")]
    let loaded = match crate::json::parse_in_browser(text) {
        Some(root) => read_root(&root, shape_known),
        None => Err(syntax(text)),
    };
    #[cfg(not(target_arch = "wasm32"))]
    let loaded = read_root(&&parse(text)?, shape_known);
    loaded.map(|loaded| Loaded { version: data_version(text), ..loaded })
}

/// The file's text as serde_json's JSON (the editor keeps it so), or why it is not JSON.
pub fn parse(text: &str) -> Result<Value, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    serde_json::from_str(text).map_err(|_| syntax(text))
}

/// Where and why a text is not JSON, found the same way whichever parser refused it.
fn syntax(text: &str) -> LoadError {
    let (line, column, detail) = syntax_error(text).unwrap_or((1, 1, SyntaxError::ExpectedValue));
    LoadError::Syntax { line, column, detail }
}

/// Reads the dataset from the file as serde_json's JSON (the editor's draft). Never panics.
pub fn read_value(root: &Value) -> Result<Loaded, LoadError> {
    read_json(&root)
}

/// Reads the dataset from the file as JSON of either parser. Never panics.
pub fn read_json<J: Json>(root: &J) -> Result<Loaded, LoadError> {
    read_root(root, false)
}

/// `shape_known`: every record is known to have the schema's shape (see
/// [`read_dataset_checked`]), so it is not checked again.
fn read_root<J: Json>(root: &J, shape_known: bool) -> Result<Loaded, LoadError> {
    if !root.is_object() {
        return Err(LoadError::NotAnObject);
    }
    let schema_version = match root.field("schema_version").and_then(|v| v.number()) {
        Some(v) if v > SCHEMA_VERSION as u64 => return Err(LoadError::NewerSchema { found: v }),
        Some(v) if v >= 1 => v as u32,
        _ => return Err(LoadError::BadSchemaVersion),
    };
    let mut reader = reader::Reader::new(shape_known);
    let dataset = reader.read(root, schema_version);
    Ok(Loaded { dataset, problems: reader.problems, version: String::new() })
}
