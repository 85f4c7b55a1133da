//! The records made from JSON whose shape `shape.rs` has checked: every field present holds what
//! it should, so each is read without a question (a missing optional field is empty).

use crate::dataset::*;
use crate::json::Json;

pub(super) trait FromJson {
    fn from_json<J: Json>(record: &J) -> Self;
}

fn string<J: Json>(record: &J, key: &str) -> String {
    optional(record, key).unwrap_or_default()
}

fn optional<J: Json>(record: &J, key: &str) -> Option<String> {
    record.field(key).and_then(|v| v.text())
}

fn text<J: Json>(record: &J, key: &str) -> Text {
    let field = record.field(key);
    let lang = |l: &str| field.as_ref().and_then(|f| f.field(l)).and_then(|v| v.text()).unwrap_or_default();
    Text { en: lang("en"), sv: lang("sv") }
}

fn strings<J: Json>(record: &J, key: &str) -> Vec<String> {
    record.field(key).and_then(|v| v.items()).map(|items| items.iter().filter_map(Json::text).collect()).unwrap_or_default()
}

impl FromJson for Country {
    fn from_json<J: Json>(r: &J) -> Self {
        Country {
            code: string(r, "code"),
            region: Region::from_code(&string(r, "region")).unwrap_or(Region::Europe),
            summary: text(r, "summary"),
            source: string(r, "source"),
        }
    }
}

impl FromJson for Organisation {
    fn from_json<J: Json>(r: &J) -> Self {
        Organisation {
            id: string(r, "id"),
            name: text(r, "name"),
            description: text(r, "description"),
            role: Role::from_code(&string(r, "role")).unwrap_or(Role::Member),
            member_of: strings(r, "member_of"),
            website: optional(r, "website"),
            source: string(r, "source"),
        }
    }
}

impl FromJson for Office {
    fn from_json<J: Json>(r: &J) -> Self {
        Office {
            id: string(r, "id"),
            kind: if string(r, "kind") == "scout" { PresenceKind::Scout } else { PresenceKind::Office },
            name: text(r, "name"),
            organisation: optional(r, "organisation"),
            country: string(r, "country"),
            city: text(r, "city"),
            description: text(r, "description"),
            website: optional(r, "website"),
            since: optional(r, "since"),
            source: string(r, "source"),
        }
    }
}

impl FromJson for Group {
    fn from_json<J: Json>(r: &J) -> Self {
        Group {
            id: string(r, "id"),
            name: text(r, "name"),
            countries: strings(r, "countries"),
            description: text(r, "description"),
            url: optional(r, "url"),
            source: string(r, "source"),
        }
    }
}

impl FromJson for Event {
    fn from_json<J: Json>(r: &J) -> Self {
        Event {
            id: string(r, "id"),
            date: string(r, "date"),
            countries: strings(r, "countries"),
            title: text(r, "title"),
            source: string(r, "source"),
        }
    }
}

impl FromJson for Activity {
    fn from_json<J: Json>(r: &J) -> Self {
        Activity {
            id: string(r, "id"),
            name: text(r, "name"),
            months: r
                .field("months")
                .and_then(|v| v.items())
                .map(|items| items.iter().filter_map(Json::number).map(|m| m.min(u32::MAX as u64) as u32).collect())
                .unwrap_or_default(),
            countries: strings(r, "countries"),
            organiser: optional(r, "organiser"),
            url: optional(r, "url"),
            source: string(r, "source"),
        }
    }
}
