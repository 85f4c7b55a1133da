//! The data file's shape, said once: each kind of record, its fields in the file's order, what
//! each field holds and whether it is required. The validator checks records against it
//! (`validate/shape.rs`), the editor builds its forms from it and writes files in its order
//! (`draft::canonical`). `tests/schema.rs` checks that it says what
//! `public/data/initiative.schema.json` says, for the editors' tools.
//!
//! ```
//! use innovation_atlas::schema::{FieldKind, RecordKind};
//! let office = RecordKind::Office;
//! assert_eq!(office.key(), "offices");
//! assert_eq!(office.field("city").map(|f| f.kind), Some(FieldKind::Text));
//! ```

/// The kinds of record, in the file's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    Country,
    Organisation,
    Office,
    Group,
    Event,
    Activity,
}

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// The record's id: `a-z`, `0-9` and `-`, unique across the file.
    Id,
    /// A priority country's own ISO 3166-1 alpha-2 code (a country's id).
    CountryCode,
    /// `{"en": "…", "sv": "…"}`.
    Text,
    /// One of these words.
    Choice(&'static [&'static str]),
    /// An https address.
    Link,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// One of the file's countries, by code.
    CountryRef,
    /// Some of the file's countries, at least `min`.
    CountryRefs { min: usize },
    /// One of the file's organisations, by id.
    OrganisationRef,
    /// Some of the file's organisations.
    OrganisationRefs,
    /// Months 1–12, at least one.
    Months,
}

/// One field of a kind of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: FieldKind,
    pub required: bool,
}

const fn field(name: &'static str, kind: FieldKind, required: bool) -> Field {
    Field { name, kind, required }
}

pub const REGIONS: &[&str] = &["europe", "asia", "americas", "middle-east-africa"];
pub const ROLES: &[&str] = &["main-coordinator", "coordinator", "member", "co-opted"];
pub const PRESENCE_KINDS: &[&str] = &["office", "scout"];

use FieldKind::*;

const COUNTRY: &[Field] =
    &[field("code", CountryCode, true), field("region", Choice(REGIONS), true), field("summary", Text, true), field("source", Link, true)];
const ORGANISATION: &[Field] = &[
    field("id", Id, true),
    field("name", Text, true),
    field("description", Text, true),
    field("role", Choice(ROLES), true),
    field("member_of", OrganisationRefs, false),
    field("website", Link, false),
    field("source", Link, true),
];
const OFFICE: &[Field] = &[
    field("id", Id, true),
    field("kind", Choice(PRESENCE_KINDS), true),
    field("name", Text, true),
    field("organisation", OrganisationRef, false),
    field("country", CountryRef, true),
    field("city", Text, true),
    field("description", Text, true),
    field("website", Link, false),
    field("since", Date, false),
    field("source", Link, true),
];
const GROUP: &[Field] = &[
    field("id", Id, true),
    field("name", Text, true),
    field("countries", CountryRefs { min: 1 }, true),
    field("description", Text, true),
    field("url", Link, false),
    field("source", Link, true),
];
const EVENT: &[Field] = &[
    field("id", Id, true),
    field("date", Date, true),
    field("countries", CountryRefs { min: 1 }, true),
    field("title", Text, true),
    field("source", Link, true),
];
const ACTIVITY: &[Field] = &[
    field("id", Id, true),
    field("name", Text, true),
    field("months", Months, true),
    field("countries", CountryRefs { min: 0 }, false),
    field("organiser", OrganisationRef, false),
    field("url", Link, false),
    field("source", Link, true),
];

/// The fields outside the records, in the file's order.
pub const HEAD_KEYS: [&str; 4] = ["$schema", "schema_version", "source", "updated"];

impl RecordKind {
    pub const ALL: [RecordKind; 6] =
        [RecordKind::Country, RecordKind::Organisation, RecordKind::Office, RecordKind::Group, RecordKind::Event, RecordKind::Activity];

    /// The file's key for this kind's list: `countries`, `offices`, …
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Country => "countries",
            RecordKind::Organisation => "organisations",
            RecordKind::Office => "offices",
            RecordKind::Group => "groups",
            RecordKind::Event => "events",
            RecordKind::Activity => "activities",
        }
    }

    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Position in [`RecordKind::ALL`], to index per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The fields, in the order the file writes them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            RecordKind::Country => COUNTRY,
            RecordKind::Organisation => ORGANISATION,
            RecordKind::Office => OFFICE,
            RecordKind::Group => GROUP,
            RecordKind::Event => EVENT,
            RecordKind::Activity => ACTIVITY,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// The field that identifies a record: a country's `code`, else `id`.
    pub fn id_field(self) -> &'static str {
        match self {
            RecordKind::Country => "code",
            _ => "id",
        }
    }

    /// The field people know a record by: its name, title or (for a country) its code.
    pub fn name_field(self) -> &'static str {
        match self {
            RecordKind::Country => "code",
            RecordKind::Event => "title",
            _ => "name",
        }
    }
}

/// True for a well-formed record id: 1–64 of `a-z`, `0-9` and `-`.
pub fn is_plain_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
