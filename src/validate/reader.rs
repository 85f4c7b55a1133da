//! The rules: each list of records read record by record, each record checked against the
//! schema's shape (`shape.rs`), then field by field; a bad record costs only itself.

use std::collections::HashSet;

use super::records::FromJson;
use super::{is_safe_link, is_valid_date, shape, Problem, Reason};
use crate::countries;
use crate::dataset::*;
use crate::json::Json;
use crate::schema::{is_plain_id, RecordKind};

#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
    /// The records are known to have the schema's shape: the file the page was built from.
    pub(super) shape_known: bool,
    ids: HashSet<String>,
}

impl Reader {
    pub(super) fn new(shape_known: bool) -> Reader {
        Reader { shape_known, ..Reader::default() }
    }

    pub(super) fn read<J: Json>(&mut self, root: &J, schema_version: u32) -> Dataset {
        let source = match root.field("source").and_then(|s| s.text()) {
            Some(s) => {
                self.check_link("source", &s, true);
                s
            }
            None => {
                self.problem("source", Reason::Empty, true);
                String::new()
            }
        };
        let updated = root.field("updated").and_then(|u| u.text());
        let mut dataset = Dataset { schema_version, source, updated, ..Dataset::default() };

        dataset.countries = self.records(root, RecordKind::Country, |r, path, c: &mut Country| r.check_country(path, c));
        let priority: HashSet<String> = dataset.countries.iter().map(|c| c.code.clone()).collect();
        dataset.organisations = self.records(root, RecordKind::Organisation, |r, path, o: &mut Organisation| r.check_organisation(path, o));
        let orgs: HashSet<String> = dataset.organisations.iter().map(|o| o.id.clone()).collect();
        for (i, org) in dataset.organisations.iter_mut().enumerate() {
            self.keep_known_orgs(&format!("organisations[{i}].member_of"), &mut org.member_of, &orgs);
        }
        dataset.offices = self.records(root, RecordKind::Office, |r, path, o: &mut Office| r.check_office(path, o, &priority, &orgs));
        dataset.groups = self.records(root, RecordKind::Group, |r, path, g: &mut Group| r.check_group(path, g, &priority));
        dataset.events = self.records(root, RecordKind::Event, |r, path, e: &mut Event| r.check_event(path, e, &priority));
        dataset.activities =
            self.records(root, RecordKind::Activity, |r, path, a: &mut Activity| r.check_activity(path, a, &priority, &orgs));
        dataset
    }

    fn problem(&mut self, path: &str, reason: Reason, record_kept: bool) {
        self.problems.push(Problem { path: path.to_string(), reason, record_kept });
    }

    /// Reads one array of records; each record is parsed and checked on its own so that one
    /// bad record costs only itself. `check` returns false to leave the record out.
    fn records<J: Json, T: FromJson>(
        &mut self,
        root: &J,
        kind: RecordKind,
        mut check: impl FnMut(&mut Self, &str, &mut T) -> bool,
    ) -> Vec<T> {
        let key = kind.key();
        let Some(list) = root.field(key).filter(|l| !l.is_null()) else { return Vec::new() };
        let Some(items) = list.items() else {
            self.problem(key, Reason::Shape("expected a list [ … ]".into()), false);
            return Vec::new();
        };
        let mut kept = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            // Field by field first: each misshapen field gets a problem of its own, in words.
            let misshapen = if self.shape_known { Vec::new() } else { shape::problems(kind, &path, item) };
            if !misshapen.is_empty() {
                self.problems.extend(misshapen);
                continue;
            }
            // The shape is right: every field holds what it should.
            let mut record = T::from_json(item);
            if check(self, &path, &mut record) {
                kept.push(record);
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

    /// A record id (`field`, its path) must be plain and unique across the whole file (a
    /// country's is its code, checked before).
    fn claim_id(&mut self, field: &str, id: &str) -> bool {
        if id.trim().is_empty() {
            self.problem(field, Reason::Empty, false);
            false
        } else if !is_plain_id(id) && !countries::is_iso_code(id) {
            self.problem(field, Reason::BadId(id.to_string()), false);
            false
        } else if !self.ids.insert(id.to_string()) {
            self.problem(field, Reason::DuplicateId(id.to_string()), false);
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
        if !code_ok || !self.claim_id(&format!("{path}.code"), &c.code) {
            return false;
        }
        self.check_text(&format!("{path}.summary"), &c.summary);
        self.check_link(&format!("{path}.source"), &c.source, true);
        true
    }

    fn check_organisation(&mut self, path: &str, o: &mut Organisation) -> bool {
        if !self.claim_id(&format!("{path}.id"), &o.id) {
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
        if !self.claim_id(&format!("{path}.id"), &o.id) || !self.check_country_code(&format!("{path}.country"), &o.country, Some(priority))
        {
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
        codes.iter().enumerate().all(|(i, code)| self.check_country_code(&format!("{path}[{i}]"), code, Some(priority)))
    }

    fn check_group(&mut self, path: &str, g: &mut Group, priority: &HashSet<String>) -> bool {
        if !self.claim_id(&format!("{path}.id"), &g.id) || !self.check_country_list(&format!("{path}.countries"), &g.countries, priority) {
            return false;
        }
        self.check_text(&format!("{path}.name"), &g.name);
        self.check_text(&format!("{path}.description"), &g.description);
        self.drop_unsafe_link(&format!("{path}.url"), &mut g.url);
        self.check_link(&format!("{path}.source"), &g.source, true);
        true
    }

    fn check_activity(&mut self, path: &str, a: &mut Activity, priority: &HashSet<String>, orgs: &HashSet<String>) -> bool {
        if !self.claim_id(&format!("{path}.id"), &a.id) {
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
        if !self.claim_id(&format!("{path}.id"), &e.id) || !self.check_country_list(&format!("{path}.countries"), &e.countries, priority) {
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
