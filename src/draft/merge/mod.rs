//! A draft re-applied onto a newer published file, field by field, the way version control
//! merges: when a colleague publishes while someone's draft is open, the draft's changes
//! (`mine`, against the file it was opened from, `base`) are carried over onto the new file
//! (`theirs`), and only where both changed the same thing differently is someone asked.
//!
//! - A field (or a field outside the records, `source`, …) only one side changed keeps that
//!   side's value; the same change on both sides is no conflict; different changes are a
//!   [`Conflict`] with the three values. `updated`, a date both changed, takes the later one.
//! - A text field (`{"en": …, "sv": …}`, [`FieldKind::Text`]) both sides have as an object of
//!   strings (and the file too, or not at all) merges language by language, by the same rule:
//!   English fixed on one side and Swedish on the other is no conflict. A language both changed
//!   differently is a conflict of its own ([`Conflict::lang`]); its values are the whole texts,
//!   as each version has them, and its choice decides only that language. As with records, a
//!   text removed on one side and changed on the other, or one in another shape, is one value.
//! - A record added on either side stays; a record deleted on either side goes, unless the
//!   other side changed it: a conflict on the whole record (keep the edited one, or delete it).
//!   A record both added with the same id merges field by field, as if the file had it empty.
//! - Records are matched by id ([`RecordKind::id_field`]). Records without a string id (broken
//!   ones the editor keeps) are matched by their place among the records without one, and a
//!   repeated id by which repeat it is: one rule, no guessing.
//! - The merged list follows `theirs`' order; a record only `mine` has goes after the nearest
//!   record before it in `mine` that the merged list has (at the front if there is none), so
//!   what the draft added stays where the draft put it, in the draft's order.
//! - Inside a record, `theirs`' fields come first, then the ones only `mine` has. (serde_json is
//!   built without `preserve_order` here, so a record's keys sort anyway, and `canonical` writes
//!   the file in the schema's order.)
//!
//! Until each conflict is chosen, [`Merge::merged`] holds `theirs`' side of it, and
//! [`Merge::result`] nothing.
//!
//! ```
//! use innovation_atlas::draft::document::Document;
//! use innovation_atlas::draft::merge::{merge, Choice};
//! let file = |updated: &str, lund: &str, umea: &str| {
//!     let text = format!(r#"{{"schema_version": 1, "updated": "{updated}", "offices": [
//!         {{"id": "lund", "city": "{lund}"}}, {{"id": "umea", "city": "{umea}"}}]}}"#);
//!     Document::parse(&text).unwrap()
//! };
//! let base = file("2024-01-01", "Lund", "Umeå");
//! let mine = file("2024-03-01", "Lund C", "Umeå");
//! let theirs = file("2024-02-01", "Lund", "Umeå C");
//! let merged = merge(&base, &mine, &theirs);
//! assert!(merged.conflicts().is_empty());
//! assert_eq!(merged.result(), Some(file("2024-03-01", "Lund C", "Umeå C")));
//!
//! let theirs = file("2024-01-01", "Lund, Sweden", "Umeå");
//! let mut merged = merge(&base, &file("2024-01-01", "Lund, Skåne", "Umeå"), &theirs);
//! assert_eq!(merged.conflicts()[0].field.as_deref(), Some("city"));
//! assert_eq!(merged.result(), None, "not until it is chosen");
//! merged.choose(0, Choice::Mine);
//! assert_eq!(merged.result(), Some(file("2024-01-01", "Lund, Skåne", "Umeå")));
//!
//! // A text field, language by language.
//! let group = |en: &str, sv: &str| {
//!     let text = format!(r#"{{"schema_version": 1, "groups": [{{"id": "g", "name": {{"en": "{en}", "sv": "{sv}"}}}}]}}"#);
//!     Document::parse(&text).unwrap()
//! };
//! let base = group("Nordic", "Nordisk");
//! let merged = merge(&base, &group("Nordic group", "Nordisk"), &group("Nordic", "Nordiska"));
//! assert!(merged.conflicts().is_empty());
//! assert_eq!(merged.result(), Some(group("Nordic group", "Nordiska")));
//! let mut merged = merge(&base, &group("Nordic group", "Nordisk"), &group("Nordic team", "Nordiska"));
//! let conflict = &merged.conflicts()[0];
//! assert_eq!((conflict.field.as_deref(), conflict.lang.as_deref()), (Some("name"), Some("en")));
//! merged.choose(0, Choice::Mine);
//! assert_eq!(merged.result(), Some(group("Nordic group", "Nordiska")), "their Swedish stays");
//! ```
//!
//! [`FieldKind::Text`]: crate::schema::FieldKind::Text

mod records;
mod text;
mod values;

use serde_json::Value;

use crate::schema::{RecordKind, HEAD_KEYS};

use super::document::Document;
use values::{settle, Merger, Settled};

/// One thing both sides changed differently. The values are as each version has it (None: not
/// there, for a record: deleted or never added).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The record's kind; None for a field outside the records (`source`, …).
    pub kind: Option<RecordKind>,
    /// The record's id (empty for a record without one), or the head field's key.
    pub id: String,
    /// The record's field; None for the whole record (deleted on one side, changed on the
    /// other) or for a head field.
    pub field: Option<String>,
    /// For a text field merged language by language, the one language both changed
    /// differently (`en`, `sv`): the values are still the whole texts as each version has
    /// them, but choosing a side takes only this language from it (the other languages keep
    /// their merged values). None when the conflict is about the whole value.
    pub lang: Option<String>,
    pub base: Option<Value>,
    pub theirs: Option<Value>,
    pub mine: Option<Value>,
}

/// Which side's value a conflict takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Theirs,
    Mine,
}

/// A merge and the choices made so far for its conflicts.
#[derive(Clone, Debug)]
pub struct Merge {
    base: Document,
    mine: Document,
    theirs: Document,
    /// With every conflict taking `theirs`' side, for now.
    merged: Document,
    conflicts: Vec<Conflict>,
    choices: Vec<Option<Choice>>,
}

/// `mine`'s changes against `base`, re-applied onto `theirs` (see the module's doc).
pub fn merge(base: &Document, mine: &Document, theirs: &Document) -> Merge {
    let (merged, conflicts) = run(base, mine, theirs, &[]);
    let choices = vec![None; conflicts.len()];
    Merge { base: base.clone(), mine: mine.clone(), theirs: theirs.clone(), merged, conflicts, choices }
}

impl Merge {
    /// Everything both sides changed differently, head fields first, then record by record.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The merge with each conflict taking `theirs`' side (whatever was chosen), to show.
    pub fn merged(&self) -> &Document {
        &self.merged
    }

    /// Chooses a side for one conflict (an index past the last is ignored).
    pub fn choose(&mut self, conflict: usize, choice: Choice) {
        if let Some(slot) = self.choices.get_mut(conflict) {
            *slot = Some(choice);
        }
    }

    /// The side chosen for a conflict, if any yet.
    pub fn choice(&self, conflict: usize) -> Option<Choice> {
        self.choices.get(conflict).copied().flatten()
    }

    /// True when every conflict has its side chosen (and when there are none).
    pub fn is_resolved(&self) -> bool {
        self.choices.iter().all(Option::is_some)
    }

    /// The merged document with every choice applied; None while a conflict is unchosen.
    pub fn result(&self) -> Option<Document> {
        if !self.is_resolved() {
            return None;
        }
        // The same merge again, this time taking the chosen sides: it meets the conflicts in
        // the same order, so each finds its choice by its index.
        Some(run(&self.base, &self.mine, &self.theirs, &self.choices).0)
    }
}

/// The merge itself: `theirs` with each head field and each list of records merged in.
fn run(base: &Document, mine: &Document, theirs: &Document, choices: &[Option<Choice>]) -> (Document, Vec<Conflict>) {
    let mut merger = Merger::new(choices);
    let mut merged = theirs.clone();
    let versions = [base, mine, theirs];
    for key in head_keys(&versions) {
        let [b, m, t] = versions.map(|d| d.fields().get(&key));
        let value = merger.head(&key, b, m, t);
        merged.set_head(&key, value);
    }
    for kind in RecordKind::ALL.into_iter().filter(|k| is_list(*k, &versions)) {
        let list = merger.records(kind, base.records(kind), mine.records(kind), theirs.records(kind));
        // An empty list is there if the sides say so: mine if my draft added or removed it,
        // else theirs.
        let [b, m, t] = versions.map(|d| d.fields().contains_key(kind.key()));
        let listed = if m == b { t } else { m };
        if listed || !list.is_empty() {
            *merged.records_mut(kind) = list;
        } else {
            merged.set_head(kind.key(), None);
        }
    }
    (merged, merger.into_conflicts())
}

/// True when the kind's list merges record by record: no version has something other than a
/// list there (a broken file's `"countries": 3` merges as a whole, as a head field does).
fn is_list(kind: RecordKind, versions: &[&Document; 3]) -> bool {
    versions.iter().all(|d| d.fields().get(kind.key()).is_none_or(Value::is_array))
}

/// The keys outside the record lists, in any version: the known ones first, in the file's
/// order, then the rest alphabetically.
fn head_keys(versions: &[&Document; 3]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for key in versions.iter().flat_map(|d| d.fields().keys()) {
        let list = RecordKind::from_key(key).is_some_and(|k| is_list(k, versions));
        if !list && !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    let rank = |key: &String| HEAD_KEYS.iter().position(|k| k == key).unwrap_or(HEAD_KEYS.len());
    keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    keys
}

/// The head field whose date says when the file was last updated.
const UPDATED: &str = "updated";

/// The later of two `YYYY-MM-DD` dates (which sort as text), if both are one.
fn later_date(mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    Some(Value::String(day(mine)?.max(day(theirs)?).to_string()))
}

/// The value as a `YYYY-MM-DD` date, if it is one.
fn day(value: Option<&Value>) -> Option<&str> {
    let s = value?.as_str()?;
    let shaped = s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    shaped.then_some(s)
}

impl Merger<'_> {
    /// A field outside the records; `updated`, changed on both sides, takes the later date.
    fn head(&mut self, key: &str, base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
        if key == UPDATED && matches!(settle(base, mine, theirs), Settled::Conflict) {
            if let Some(later) = later_date(mine, theirs) {
                return Some(later);
            }
        }
        self.value((None, key, None), base, mine, theirs)
    }
}
