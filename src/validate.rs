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

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::countries;
use crate::dataset::*;

/// The file name used in every message, as an editor knows it.
pub const FILE_NAME: &str = "initiative.json";

/// Why the file as a whole could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Empty,
    Syntax { line: usize, column: usize, detail: String },
    NotAnObject,
    NewerSchema { found: u64 },
    BadSchemaVersion,
    /// The server answered with an HTTP error status.
    Http { status: u16 },
    /// The request failed or did not finish in time.
    Network { detail: String },
    Timeout { seconds: u32 },
}

/// What is wrong with one field of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The record does not have the expected shape (serde's own words).
    Shape(String),
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

/// Reads the dataset from the file's text. Never panics.
pub fn read_dataset(text: &str) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let root: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: syntax_detail(&e),
    })?;
    let Value::Object(root) = root else { return Err(LoadError::NotAnObject) };
    let schema_version = match root.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v > SCHEMA_VERSION as u64 => return Err(LoadError::NewerSchema { found: v }),
        Some(v) if v >= 1 => v as u32,
        _ => return Err(LoadError::BadSchemaVersion),
    };
    let mut reader = Reader::default();
    let dataset = reader.read(&root, schema_version);
    Ok(Loaded { dataset, problems: reader.problems })
}

fn syntax_detail(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the message already says where.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    ids: HashSet<String>,
}

impl Reader {
    fn read(&mut self, root: &Map<String, Value>, schema_version: u32) -> Dataset {
        let source = match root.get("source").and_then(Value::as_str) {
            Some(s) => {
                self.check_link("source", s, true);
                s.to_string()
            }
            None => {
                self.problem("source", Reason::Empty, true);
                String::new()
            }
        };
        let updated = root.get("updated").and_then(Value::as_str).map(str::to_string);
        let mut dataset = Dataset { schema_version, source, updated, ..Dataset::default() };

        dataset.countries = self.records(root, "countries", |r, path, c: &mut Country| r.check_country(path, c));
        let priority: HashSet<String> = dataset.countries.iter().map(|c| c.code.clone()).collect();
        dataset.organisations =
            self.records(root, "organisations", |r, path, o: &mut Organisation| r.check_organisation(path, o));
        let orgs: HashSet<String> = dataset.organisations.iter().map(|o| o.id.clone()).collect();
        for (i, org) in dataset.organisations.iter_mut().enumerate() {
            self.keep_known_orgs(&format!("organisations[{i}].member_of"), &mut org.member_of, &orgs);
        }
        dataset.offices = self.records(root, "offices", |r, path, o: &mut Office| {
            r.check_office(path, o, &priority, &orgs)
        });
        dataset.groups = self.records(root, "groups", |r, path, g: &mut Group| r.check_group(path, g, &priority));
        dataset.events = self.records(root, "events", |r, path, e: &mut Event| r.check_event(path, e, &priority));
        dataset.activities =
            self.records(root, "activities", |r, path, a: &mut Activity| r.check_activity(path, a, &priority, &orgs));
        dataset
    }

    fn problem(&mut self, path: &str, reason: Reason, record_kept: bool) {
        self.problems.push(Problem { path: path.to_string(), reason, record_kept });
    }

    /// Reads one array of records; each record is parsed and checked on its own so that one
    /// bad record costs only itself. `check` returns false to leave the record out.
    fn records<T: DeserializeOwned>(
        &mut self,
        root: &Map<String, Value>,
        key: &str,
        mut check: impl FnMut(&mut Self, &str, &mut T) -> bool,
    ) -> Vec<T> {
        let items = match root.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.problem(key, Reason::Shape("expected a list [ … ]".into()), false);
                return Vec::new();
            }
        };
        let mut kept = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            match T::deserialize(item) {
                Ok(mut record) => {
                    if check(self, &path, &mut record) {
                        kept.push(record);
                    }
                }
                Err(e) => self.problem(&path, Reason::Shape(e.to_string()), false),
            }
        }
        kept
    }

    fn check_text(&mut self, path: &str, text: &Text) {
        for lang in Lang::ALL {
            if text.get(lang).trim().is_empty() {
                self.problem(&format!("{path}.{}", lang.code()), Reason::MissingLanguage(lang), true);
            }
        }
    }

    /// Reports a link that is not https; the app will show it as plain text.
    fn check_link(&mut self, path: &str, url: &str, required: bool) {
        if url.trim().is_empty() {
            if required {
                self.problem(path, Reason::Empty, true);
            }
        } else if !is_safe_link(url) {
            self.problem(path, Reason::NotHttps(url.to_string()), true);
        }
    }

    fn drop_unsafe_link(&mut self, path: &str, link: &mut Option<String>) {
        if let Some(url) = link.as_deref() {
            self.check_link(path, url, false);
            if !is_safe_link(url) {
                *link = None;
            }
        }
    }

    /// A record id must be non-empty and unique across the whole file.
    fn claim_id(&mut self, path: &str, id: &str) -> bool {
        if id.trim().is_empty() {
            self.problem(&format!("{path}.id"), Reason::Empty, false);
            false
        } else if !self.ids.insert(id.to_string()) {
            self.problem(&format!("{path}.id"), Reason::DuplicateId(id.to_string()), false);
            false
        } else {
            true
        }
    }

    fn check_country_code(&mut self, path: &str, code: &str, priority: Option<&HashSet<String>>) -> bool {
        if !countries::is_iso_code(code) {
            self.problem(path, Reason::UnknownCountryCode(code.to_string()), false);
            false
        } else if priority.is_some_and(|p| !p.contains(code)) {
            self.problem(path, Reason::NotADatasetCountry(code.to_string()), false);
            false
        } else {
            true
        }
    }

    fn check_country(&mut self, path: &str, c: &mut Country) -> bool {
        let code_ok = self.check_country_code(&format!("{path}.code"), &c.code, None);
        if !code_ok || !self.claim_id(path, &c.code) {
            return false;
        }
        self.check_text(&format!("{path}.summary"), &c.summary);
        self.check_link(&format!("{path}.source"), &c.source, true);
        true
    }

    fn check_organisation(&mut self, path: &str, o: &mut Organisation) -> bool {
        if !self.claim_id(path, &o.id) {
            return false;
        }
        self.check_text(&format!("{path}.name"), &o.name);
        self.check_text(&format!("{path}.description"), &o.description);
        self.drop_unsafe_link(&format!("{path}.website"), &mut o.website);
        self.check_link(&format!("{path}.source"), &o.source, true);
        true
    }

    fn keep_known_orgs(&mut self, path: &str, ids: &mut Vec<String>, known: &HashSet<String>) {
        let mut i = 0;
        ids.retain(|id| {
            let ok = known.contains(id);
            if !ok {
                self.problems.push(Problem {
                    path: format!("{path}[{i}]"),
                    reason: Reason::UnknownOrganisation(id.clone()),
                    record_kept: true,
                });
            }
            i += 1;
            ok
        });
    }

    fn check_office(&mut self, path: &str, o: &mut Office, priority: &HashSet<String>, orgs: &HashSet<String>) -> bool {
        if !self.claim_id(path, &o.id) || !self.check_country_code(&format!("{path}.country"), &o.country, Some(priority)) {
            return false;
        }
        if let Some(org) = o.organisation.as_deref() {
            if !orgs.contains(org) {
                self.problem(&format!("{path}.organisation"), Reason::UnknownOrganisation(org.to_string()), true);
                o.organisation = None;
            }
        }
        self.check_text(&format!("{path}.name"), &o.name);
        self.check_text(&format!("{path}.city"), &o.city);
        self.check_text(&format!("{path}.description"), &o.description);
        self.drop_unsafe_link(&format!("{path}.website"), &mut o.website);
        if let Some(since) = o.since.as_deref() {
            if !is_valid_date(since) {
                self.problem(&format!("{path}.since"), Reason::BadDate(since.to_string()), true);
                o.since = None;
            }
        }
        self.check_link(&format!("{path}.source"), &o.source, true);
        true
    }

    fn check_country_list(&mut self, path: &str, codes: &[String], priority: &HashSet<String>) -> bool {
        if codes.is_empty() {
            self.problem(path, Reason::Empty, false);
            return false;
        }
        codes
            .iter()
            .enumerate()
            .all(|(i, code)| self.check_country_code(&format!("{path}[{i}]"), code, Some(priority)))
    }

    fn check_group(&mut self, path: &str, g: &mut Group, priority: &HashSet<String>) -> bool {
        if !self.claim_id(path, &g.id) || !self.check_country_list(&format!("{path}.countries"), &g.countries, priority) {
            return false;
        }
        self.check_text(&format!("{path}.name"), &g.name);
        self.check_text(&format!("{path}.description"), &g.description);
        self.drop_unsafe_link(&format!("{path}.url"), &mut g.url);
        self.check_link(&format!("{path}.source"), &g.source, true);
        true
    }

    fn check_activity(
        &mut self,
        path: &str,
        a: &mut Activity,
        priority: &HashSet<String>,
        orgs: &HashSet<String>,
    ) -> bool {
        if !self.claim_id(path, &a.id) {
            return false;
        }
        if a.months.is_empty() {
            self.problem(&format!("{path}.months"), Reason::Empty, false);
            return false;
        }
        if let Some((i, m)) = a.months.iter().enumerate().find(|(_, m)| !(1..=12).contains(*m)) {
            self.problem(&format!("{path}.months[{i}]"), Reason::BadMonth(*m), false);
            return false;
        }
        let countries_ok = a
            .countries
            .iter()
            .enumerate()
            .all(|(i, code)| self.check_country_code(&format!("{path}.countries[{i}]"), code, Some(priority)));
        if !countries_ok {
            return false;
        }
        if let Some(org) = a.organiser.as_deref() {
            if !orgs.contains(org) {
                self.problem(&format!("{path}.organiser"), Reason::UnknownOrganisation(org.to_string()), true);
                a.organiser = None;
            }
        }
        self.check_text(&format!("{path}.name"), &a.name);
        self.drop_unsafe_link(&format!("{path}.url"), &mut a.url);
        self.check_link(&format!("{path}.source"), &a.source, true);
        true
    }

    fn check_event(&mut self, path: &str, e: &mut Event, priority: &HashSet<String>) -> bool {
        if !self.claim_id(path, &e.id) || !self.check_country_list(&format!("{path}.countries"), &e.countries, priority) {
            return false;
        }
        if !is_valid_date(&e.date) {
            self.problem(&format!("{path}.date"), Reason::BadDate(e.date.clone()), false);
            return false;
        }
        self.check_text(&format!("{path}.title"), &e.title);
        self.check_link(&format!("{path}.source"), &e.source, true);
        true
    }
}
