//! The editor's draft, natively: edits, structural edits, undo and redo, revert, the file it
//! writes, broken records kept, ids, references and "What changed".

use serde_json::{json, Value};

use innovation_atlas::dataset::Lang;
use innovation_atlas::draft::changes::{changes, RecordChange};
use innovation_atlas::draft::document::Document;
use innovation_atlas::draft::problems::{check, Place, Severity};
use innovation_atlas::draft::references::referring_to;
use innovation_atlas::draft::{ids, Draft};
use innovation_atlas::schema::RecordKind::{self, *};

const SHIPPED: &str = include_str!("../public/data/initiative.json");

fn draft() -> Draft {
    Draft::open(Document::parse(SHIPPED).unwrap())
}

fn index_of(draft: &Draft, kind: RecordKind, id: &str) -> usize {
    draft.current().records(kind).iter().position(|r| r[kind.id_field()] == id).unwrap_or_else(|| panic!("no {id}"))
}

/// The lines of `after` that are not in `before` and the other way round, as a diff would show.
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let b: Vec<&str> = before.lines().collect();
    let a: Vec<&str> = after.lines().collect();
    assert_eq!(a.len(), b.len(), "the edit changed the number of lines");
    let removed = b.iter().zip(&a).filter(|(x, y)| x != y).map(|(x, _)| x.to_string()).collect();
    let added = b.iter().zip(&a).filter(|(x, y)| x != y).map(|(_, y)| y.to_string()).collect();
    (removed, added)
}

#[test]
fn the_shipped_file_is_written_back_byte_for_byte() {
    let written = Document::parse(SHIPPED).unwrap().to_text();
    assert_eq!(written, SHIPPED, "public/data/initiative.json is canonical: open and write it with the editor");
    assert!(written.ends_with("}\n") && !written.contains('\r') && !written.starts_with('\u{feff}'));
}

#[test]
fn one_edited_field_changes_only_its_line() {
    let mut draft = draft();
    let tokyo = index_of(&draft, Office, "osi-tokyo");
    draft.set_text(Office, tokyo, "name", Lang::En, "Office of Science and Innovation in Tokyo");
    let (removed, added) = changed_lines(SHIPPED, &draft.current().to_text());
    assert_eq!(removed, ["        \"en\": \"Office of Science and Innovation, Tokyo\","]);
    assert_eq!(added, ["        \"en\": \"Office of Science and Innovation in Tokyo\","]);
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_redo_makes_it_again() {
    let mut draft = draft();
    let seoul = index_of(&draft, Office, "osi-seoul");
    for text in ["S", "Se", "Seo", "Seoul!"] {
        draft.set_text(Office, seoul, "city", Lang::En, text);
    }
    draft.seal();
    draft.set_field(Office, seoul, "since", Some(json!("2018")));
    assert!(draft.undo(), "the date");
    assert_eq!(draft.current().field(Office, seoul, "city").unwrap()["en"], "Seoul!");
    assert!(draft.undo(), "the typing, as one step");
    assert_eq!(draft.current().to_text(), SHIPPED);
    assert!(!draft.undo() && !draft.is_changed());
    assert!(draft.redo() && draft.redo());
    assert_eq!(draft.current().field(Office, seoul, "city").unwrap()["en"], "Seoul!");
    assert_eq!(draft.current().field(Office, seoul, "since"), Some(&json!("2018")));
    assert!(!draft.redo());
}

#[test]
fn add_duplicate_and_delete_are_steps_too() {
    let mut draft = draft();
    let before = draft.current().records(Group).len();
    let added = draft.add(Group, json!({"id": "new-group", "name": {"en": "", "sv": ""}}));
    assert_eq!(added, before);
    let tokyo = index_of(&draft, Office, "osi-tokyo");
    let copy = draft.duplicate(Office, tokyo, "osi-tokyo-2").unwrap();
    assert_eq!(copy, tokyo + 1);
    assert_eq!(draft.current().field(Office, copy, "id"), Some(&json!("osi-tokyo-2")));
    assert_eq!(draft.current().field(Office, copy, "city"), draft.current().field(Office, tokyo, "city"));
    let vinnova = index_of(&draft, Organisation, "vinnova");
    draft.delete(Organisation, vinnova);
    assert!(draft.current().records(Organisation).iter().all(|o| o["id"] != "vinnova"));
    for _ in 0..3 {
        assert!(draft.undo());
    }
    assert_eq!(draft.current().to_text(), SHIPPED, "three undos take back the three steps");
    for _ in 0..3 {
        assert!(draft.redo());
    }
    assert!(draft.current().records(Organisation).iter().all(|o| o["id"] != "vinnova"));
    assert_eq!(draft.current().records(Group).len(), before + 1);
}

#[test]
fn a_new_edit_after_undo_drops_what_could_be_redone() {
    let mut draft = draft();
    let seoul = index_of(&draft, Office, "osi-seoul");
    draft.set_field(Office, seoul, "since", Some(json!("2019")));
    draft.undo();
    draft.set_field(Office, seoul, "since", Some(json!("2020")));
    assert!(!draft.can_redo());
}

#[test]
fn revert_takes_a_field_or_a_record_back_to_the_published_value() {
    let mut draft = draft();
    let tokyo = index_of(&draft, Office, "osi-tokyo");
    draft.set_text(Office, tokyo, "name", Lang::En, "Changed");
    draft.set_text(Office, tokyo, "city", Lang::Sv, "Changed");
    assert!(draft.field_changed(Office, tokyo, "name") && draft.field_changed(Office, tokyo, "city"));
    draft.revert_field(Office, tokyo, "name");
    assert!(!draft.field_changed(Office, tokyo, "name") && draft.field_changed(Office, tokyo, "city"));
    draft.revert_record(Office, tokyo);
    assert_eq!(draft.current().to_text(), SHIPPED);
    // Moved by a deletion before it, a record still finds its published version.
    draft.set_text(Office, tokyo, "name", Lang::En, "Changed");
    draft.delete(Office, 0);
    draft.revert_record(Office, tokyo - 1);
    assert_eq!(draft.current().field(Office, tokyo - 1, "name").unwrap()["en"], "Office of Science and Innovation, Tokyo");
    // An added record has no published version: reverting it removes it.
    let added = draft.add(Event, json!({"id": "x"}));
    draft.revert_record(Event, added);
    assert!(draft.current().records(Event).iter().all(|e| e["id"] != "x"));
    draft.undo();
    assert!(draft.current().records(Event).iter().any(|e| e["id"] == "x"), "and the revert can be undone");
}

#[test]
fn broken_records_are_kept_and_placed() {
    let mut file: Value = serde_json::from_str(SHIPPED).unwrap();
    file["offices"][3]["city"] = json!(42);
    file["groups"][0]["url"] = json!("http://www.linkedin.com/groups/1");
    file["countries"][1]["summary"]["sv"] = json!("");
    let document = Document::parse(&file.to_string()).unwrap();
    assert_eq!(document.records(Office).len(), 9, "the app would skip it; the editor keeps it to be fixed");
    let found = check(&document);
    let at = |kind, index, field: &str| {
        found.iter().find(|f| f.place == Place::Record { kind, index, field: Some(field.into()), lang: None }).map(|f| f.severity)
    };
    assert_eq!(at(Office, 3, "city"), Some(Severity::Error));
    assert_eq!(at(Group, 0, "url"), Some(Severity::Error), "a link that is not https blocks the download");
    let swedish = found.iter().find(|f| matches!(&f.place, Place::Record { kind: Country, index: 1, lang: Some(Lang::Sv), .. })).unwrap();
    assert_eq!(swedish.severity, Severity::Warning, "a missing language is a warning");
    // Fixed in the draft, the problems go.
    let mut draft = Draft::open(document);
    draft.set_text(Office, 3, "city", Lang::En, "Seoul");
    draft.set_text(Office, 3, "city", Lang::Sv, "Seoul");
    draft.set_field(Group, 0, "url", None);
    draft.set_text(Country, 1, "summary", Lang::Sv, "Sammanfattning.");
    assert!(check(draft.current()).is_empty(), "{:?}", check(draft.current()));
}

#[test]
fn ids_come_from_names_and_stay_unique() {
    assert_eq!(ids::from_name("Sweden–Korea Innovation Days 2025"), "sweden-korea-innovation-days-2025");
    assert_eq!(ids::from_name("  Malmö & Göteborg!  "), "malmo-goteborg");
    let long = ids::from_name(&"long name ".repeat(20));
    assert!(long.len() <= 64 && !long.ends_with('-'), "at most 64, no trailing hyphen: {long}");
    let taken = ids::taken(draft().current());
    assert!(taken.contains("osi-tokyo") && taken.contains("KR"), "ids and country codes");
    assert_eq!(ids::unique("osi-tokyo", |id| taken.contains(id)), "osi-tokyo-2");
    assert_eq!(ids::unique("fresh", |id| taken.contains(id)), "fresh");
    assert_eq!(ids::unique("", |_| false), "record");
}

#[test]
fn deleting_a_record_others_name_lists_them() {
    let mut draft = draft();
    let business_sweden = index_of(&draft, Organisation, "business-sweden");
    assert!(referring_to(draft.current(), Organisation, business_sweden).is_empty(), "nothing names it in the shipped file");
    let house = index_of(&draft, Office, "nordic-innovation-house-silicon-valley");
    draft.set_field(Office, house, "organisation", Some(json!("business-sweden")));
    let referring = referring_to(draft.current(), Organisation, business_sweden);
    assert_eq!(referring.len(), 1);
    assert_eq!((referring[0].kind, referring[0].index, referring[0].field), (Office, house, "organisation"));
    let intsam = index_of(&draft, Organisation, "intsam");
    let members = referring_to(draft.current(), Organisation, intsam);
    assert!(members.iter().all(|r| r.kind == Organisation && r.field == "member_of") && members.len() >= 5, "{members:?}");
    let korea = index_of(&draft, Country, "KR");
    let kinds: Vec<_> = referring_to(draft.current(), Country, korea).iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&Office) && kinds.contains(&Group) && kinds.contains(&Event), "{kinds:?}");
}

#[test]
fn what_changed_lists_added_changed_and_removed_records_field_by_field() {
    let mut draft = draft();
    assert!(changes(&draft).is_empty());
    let tokyo = index_of(&draft, Office, "osi-tokyo");
    draft.set_text(Office, tokyo, "name", Lang::En, "New name");
    draft.set_field(Office, tokyo, "since", Some(json!("2019")));
    let added = draft.add(Event, json!({"id": "new-event"}));
    let stint = index_of(&draft, Organisation, "stint");
    draft.delete(Organisation, stint);
    draft.set_head("updated", Some(json!("2026-11-28")));
    let c = changes(&draft);
    assert_eq!(c.head.len(), 1);
    assert_eq!(c.head[0].field, "updated");
    assert!(c.records.contains(&RecordChange::Added { kind: Event, index: added }));
    assert!(c.records.iter().any(|r| matches!(r, RecordChange::Removed { kind: Organisation, record } if record["id"] == "stint")));
    let fields: Vec<&str> = c
        .records
        .iter()
        .find_map(|r| match r {
            RecordChange::Changed { kind: Office, index, fields } if *index == tokyo => {
                Some(fields.iter().map(|f| f.field.as_str()).collect())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(fields, ["name", "since"], "in the schema's order");
}

#[test]
fn a_saved_draft_finds_its_published_records_again() {
    let mut edited = draft();
    let tokyo = index_of(&edited, Office, "osi-tokyo");
    edited.set_text(Office, tokyo, "name", Lang::En, "Renamed");
    edited.delete(Office, 0);
    let saved = edited.current().to_text();
    let resumed = Draft::resume(Document::parse(SHIPPED).unwrap(), Document::parse(&saved).unwrap());
    assert_eq!(resumed.base_record(Office, tokyo - 1).unwrap()["id"], "osi-tokyo");
    assert!(resumed.field_changed(Office, tokyo - 1, "name") && !resumed.field_changed(Office, tokyo - 1, "city"));
    assert_eq!(changes(&resumed).records.len(), 2, "one changed, one removed");
}

#[test]
fn a_file_the_editor_cannot_open_says_why() {
    assert!(Document::parse("").is_err());
    assert!(Document::parse("[1]").is_err());
    assert!(Document::parse("{\"schema_version\": 2}").is_err(), "a newer format is not edited blind");
    assert!(Document::parse("{\"schema_version\": 1, \"countries\": 3}").is_ok(), "a broken list still opens");
}

#[test]
fn undo_survives_a_reload_with_the_saved_history() {
    let mut edited = draft();
    let seoul = index_of(&edited, Office, "osi-seoul");
    edited.set_text(Office, seoul, "city", Lang::En, "Seoul, Korea");
    edited.delete(Group, 0);
    let (text, history) = (edited.current().to_text(), edited.history());
    let mut resumed = Draft::resume(Document::parse(SHIPPED).unwrap(), Document::parse(&text).unwrap());
    resumed.restore_history(&history);
    assert!(resumed.undo() && resumed.undo(), "both steps come back");
    assert_eq!(resumed.current().to_text(), SHIPPED);
    // A history that does not fit the draft (another draft's) is not taken.
    let mut other = Draft::resume(Document::parse(SHIPPED).unwrap(), Document::parse(SHIPPED).unwrap());
    other.restore_history(&history);
    assert!(!other.can_undo());
}
