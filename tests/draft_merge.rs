//! A draft re-applied onto a file a colleague published meanwhile (`draft::merge`): what an
//! editor would notice, case by case (the merge's laws on random edits are in
//! `draft_merge_properties.rs`). Documents are compared as JSON values (`Document`'s `==`): a
//! list's order counts (where a record lands is part of the result), a record's key order does
//! not (serde_json sorts keys here, and the file is written in the schema's order anyway).

#[path = "common/merge_fixtures.rs"]
mod merge_fixtures;

use serde_json::{json, Value};

use innovation_atlas::dataset::Lang;
use innovation_atlas::draft::merge::{merge, Choice, Conflict};
use innovation_atlas::schema::RecordKind::*;

use merge_fixtures::*;

#[test]
fn my_edit_and_a_colleagues_edit_of_another_office_both_hold() {
    let mine = drafted(|d| d.set_text(Office, 1, "city", Lang::En, "MY-DRAFT-EDIT"));
    let theirs = edited(|f| set_city(f, 2, "SERVER-CHANGE"));
    let merged = merge(&shipped(), &mine, &theirs);
    assert!(merged.conflicts().is_empty() && merged.is_resolved());
    let result = merged.result().unwrap();
    assert_eq!(result.field(Office, 1, "city").unwrap()["en"], "MY-DRAFT-EDIT");
    assert_eq!(result.field(Office, 2, "city").unwrap()["en"], "SERVER-CHANGE");
    assert_eq!(&result, merged.merged());
    let both = edited(|f| {
        set_city(f, 1, "MY-DRAFT-EDIT");
        set_city(f, 2, "SERVER-CHANGE");
    });
    assert_eq!(result, both, "and nothing else");
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_until_chosen() {
    let tokyo = index_of(&shipped(), Office, "osi-tokyo");
    let mine = drafted(|d| d.set_text(Office, tokyo, "city", Lang::En, "Tokyo, Japan"));
    let theirs = edited(|f| set_city(f, tokyo, "Tōkyō"));
    let mut merged = merge(&shipped(), &mine, &theirs);
    let city = |en: &str| Some(json!({"en": en, "sv": "Tokyo"}));
    let expected = Conflict {
        kind: Some(Office),
        id: "osi-tokyo".into(),
        field: Some("city".into()),
        lang: Some("en".into()),
        base: city("Tokyo"),
        theirs: city("Tōkyō"),
        mine: city("Tokyo, Japan"),
    };
    assert_eq!(merged.conflicts(), [expected]);
    assert_eq!((merged.result(), merged.choice(0), merged.is_resolved()), (None, None, false), "nothing to save until chosen");
    assert_eq!(merged.merged(), &theirs, "for now the conflict shows their value");
    merged.choose(0, Choice::Mine);
    assert_eq!((merged.choice(0), merged.is_resolved()), (Some(Choice::Mine), true));
    assert_eq!(merged.result(), Some(mine));
    merged.choose(0, Choice::Theirs);
    assert_eq!(merged.result(), Some(theirs), "a choice can be changed");
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let mine = drafted(|d| d.set_field(Office, 3, "since", Some(json!("2018"))));
    let theirs = edited(|f| f["offices"][3]["since"] = json!("2018"));
    let merged = merge(&shipped(), &mine, &theirs);
    assert!(merged.conflicts().is_empty());
    assert_eq!(merged.result(), Some(mine));
}

#[test]
fn a_record_added_on_either_side_stays_added() {
    let mine = drafted(|d| {
        d.add(Event, json!({"id": "my-event"}));
    });
    let theirs = edited(|f| f["events"].as_array_mut().unwrap().push(json!({"id": "their-event"})));
    let result = merge(&shipped(), &mine, &shipped()).result().unwrap();
    assert_eq!(result, mine);
    assert_eq!(merge(&shipped(), &shipped(), &theirs).result(), Some(theirs.clone()));
    let both = merge(&shipped(), &mine, &theirs).result().unwrap();
    let last: Vec<String> = ids(&both, Event).split_off(10);
    assert_eq!(last, ["my-event", "their-event"], "mine after the record it followed in my draft, the last published one");
}

#[test]
fn a_record_both_added_with_one_id_merges_field_by_field_from_nothing() {
    let new = json!({"id": "new-group", "name": {"en": "New", "sv": "Ny"}});
    let mut mine_record = new.clone();
    mine_record["url"] = json!("https://mine.se/");
    let mine = drafted(|d| {
        d.add(Group, mine_record);
    });
    let theirs = edited(|f| f["groups"].as_array_mut().unwrap().push(new.clone()));
    let merged = merge(&shipped(), &mine, &theirs);
    assert!(merged.conflicts().is_empty(), "the same name on both sides, the url only mine");
    let result = merged.result().unwrap();
    assert_eq!(ids(&result, Group).iter().filter(|id| *id == "new-group").count(), 1, "one record, not two");
    assert_eq!(result, mine);

    let theirs = edited(|f| f["groups"].as_array_mut().unwrap().push(json!({"id": "new-group", "name": {"en": "Other", "sv": "Annan"}})));
    let merged = merge(&shipped(), &mine, &theirs);
    let places: Vec<_> = merged.conflicts().iter().map(|c| (c.kind, c.id.as_str(), c.field.as_deref(), c.lang.as_deref())).collect();
    assert_eq!(places, [(Some(Group), "new-group", Some("name"), Some("en")), (Some(Group), "new-group", Some("name"), Some("sv"))]);
    for conflict in merged.conflicts() {
        assert_eq!((&conflict.base, &conflict.mine), (&None, &Some(new["name"].clone())), "base: no such field");
    }
    assert_eq!(record(merged.merged(), Group, "new-group").unwrap()["url"], "https://mine.se/");
}

#[test]
fn a_record_deleted_on_either_side_stays_deleted() {
    let mine = drafted(|d| d.delete(Organisation, index_of(&shipped(), Organisation, "stint")));
    let theirs = edited(|f| f["organisations"].as_array_mut().unwrap().retain(|o| o["id"] != "vinnova" && o["id"] != "stint"));
    let merged = merge(&shipped(), &mine, &theirs);
    assert!(merged.conflicts().is_empty(), "both deleted stint: the same change");
    let result = merged.result().unwrap();
    assert!(record(&result, Organisation, "stint").is_none() && record(&result, Organisation, "vinnova").is_none());
    assert_eq!(result, theirs);
    assert_eq!(merge(&shipped(), &mine, &shipped()).result(), Some(mine));
}

#[test]
fn deleted_on_my_side_and_changed_on_theirs_asks_about_the_whole_record() {
    let seoul = index_of(&shipped(), Office, "osi-seoul");
    let mine = drafted(|d| d.delete(Office, seoul));
    let theirs = edited(|f| set_city(f, seoul, "Seoul, Korea"));
    let mut merged = merge(&shipped(), &mine, &theirs);
    let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
    assert_eq!((conflict.kind, conflict.id.as_str(), conflict.field.as_deref()), (Some(Office), "osi-seoul", None));
    assert_eq!(
        (conflict.base.as_ref(), conflict.theirs.as_ref(), conflict.mine.as_ref()),
        (shipped().record(Office, seoul), theirs.record(Office, seoul), None)
    );
    assert_eq!(merged.merged(), &theirs, "their changed record, for now");
    merged.choose(0, Choice::Mine);
    assert_eq!(merged.result(), Some(mine), "deleted after all");
    merged.choose(0, Choice::Theirs);
    assert_eq!(merged.result(), Some(theirs), "kept, as they changed it");
}

#[test]
fn changed_on_my_side_and_deleted_on_theirs_asks_too_and_keeps_my_record_in_its_place() {
    let seoul = index_of(&shipped(), Office, "osi-seoul");
    let mine = drafted(|d| d.set_text(Office, seoul, "city", Lang::Sv, "Söul"));
    let theirs = edited(|f| {
        f["offices"].as_array_mut().unwrap().remove(seoul);
    });
    let mut merged = merge(&shipped(), &mine, &theirs);
    let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
    assert_eq!((conflict.field.as_ref(), conflict.theirs.as_ref(), conflict.mine.as_ref()), (None, None, mine.record(Office, seoul)));
    assert_eq!(merged.merged(), &theirs, "deleted, for now");
    merged.choose(0, Choice::Mine);
    assert_eq!(merged.result(), Some(mine), "my changed record, back after the office it followed");
}

#[test]
fn updated_changed_on_both_sides_takes_the_later_date() {
    let on = |day: &str| drafted(|d| d.set_head("updated", Some(json!(day))));
    for (mine, theirs, later) in [("2026-11-28", "2025-01-01", "2026-11-28"), ("2025-01-01", "2026-11-28", "2026-11-28")] {
        let merged = merge(&shipped(), &on(mine), &on(theirs));
        assert!(merged.conflicts().is_empty());
        assert_eq!(merged.result().unwrap().fields()["updated"], later);
    }
    assert_eq!(merge(&shipped(), &shipped(), &on("2019-01-01")).result(), Some(on("2019-01-01")), "only theirs: theirs, even if earlier");
    let merged = merge(&shipped(), &on("soon"), &on("2025-01-01"));
    assert_eq!(merged.conflicts().len(), 1, "what is not a date cannot be the later one");
}

#[test]
fn a_head_field_changed_differently_is_a_conflict() {
    let source = |url: &str| drafted(|d| d.set_head("source", Some(json!(url))));
    let mut merged = merge(&shipped(), &source("https://mine.se/"), &source("https://theirs.se/"));
    let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
    assert_eq!((conflict.kind, conflict.id.as_str(), conflict.field.as_ref()), (None, "source", None));
    assert_eq!((conflict.theirs.clone(), conflict.mine.clone()), (Some(json!("https://theirs.se/")), Some(json!("https://mine.se/"))));
    merged.choose(0, Choice::Mine);
    assert_eq!(merged.result(), Some(source("https://mine.se/")));
    let merged = merge(&shipped(), &source("https://mine.se/"), &shipped());
    assert_eq!((merged.conflicts().len(), merged.result()), (0, Some(source("https://mine.se/"))));
}

#[test]
fn each_choice_applies_to_its_own_conflict() {
    let tokyo = index_of(&shipped(), Office, "osi-tokyo");
    let mine = drafted(|d| {
        d.set_head("source", Some(json!("https://mine.se/")));
        d.set_text(Office, tokyo, "city", Lang::En, "Mine");
    });
    let theirs = edited(|f| {
        f["source"] = json!("https://theirs.se/");
        set_city(f, tokyo, "Theirs");
    });
    let mut merged = merge(&shipped(), &mine, &theirs);
    assert_eq!(merged.conflicts().iter().map(|c| c.kind).collect::<Vec<_>>(), [None, Some(Office)], "head fields first");
    merged.choose(0, Choice::Mine);
    assert!(merged.result().is_none(), "one still open");
    merged.choose(1, Choice::Theirs);
    merged.choose(7, Choice::Mine);
    assert_eq!(merged.choice(7), None, "no such conflict: ignored");
    let result = merged.result().unwrap();
    assert_eq!(result.fields()["source"], "https://mine.se/");
    assert_eq!(result.field(Office, tokyo, "city").unwrap()["en"], "Theirs");
}

#[test]
fn records_i_added_go_after_the_record_they_followed_in_my_draft() {
    let base = shipped();
    let mine = drafted(|d| {
        d.duplicate(Office, index_of(&base, Office, "osi-tokyo"), "osi-tokyo-2");
        d.add(Office, json!({"id": "mine-last"}));
        d.add(Office, json!({"id": "mine-very-last"}));
    });
    let theirs = edited(|f| {
        let offices = f["offices"].as_array_mut().unwrap();
        offices.retain(|o| o["id"] != "osi-seoul" && o["id"] != "nordic-innovation-house-silicon-valley");
        offices.push(json!({"id": "their-new"}));
    });
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.conflicts().is_empty());
    let order = ids(&merged.result().unwrap(), Office);
    let expected = [
        "osi-beijing",
        "osi-brasilia",
        "osi-new-delhi",
        "osi-tokyo",
        "osi-tokyo-2",
        "osi-washington",
        "vinnova-silicon-valley",
        "vinnova-tel-aviv",
        "mine-last",
        "mine-very-last",
        "their-new",
    ];
    assert_eq!(order, expected, "the one mine-last followed is gone: after the one before it");
    // A record first in my draft, with nothing before it, goes first.
    let mine = edited(|f| f["offices"].as_array_mut().unwrap().insert(0, json!({"id": "mine-first"})));
    assert_eq!(ids(&merge(&base, &mine, &theirs).result().unwrap(), Office)[0], "mine-first");
}

#[test]
fn records_without_an_id_are_matched_by_their_place_among_those_without() {
    let with_broken = |first: &str, second: &str| {
        edited(|f| {
            let offices = f["offices"].as_array_mut().unwrap();
            offices.insert(2, json!({"city": {"en": first, "sv": ""}}));
            offices.push(json!({"city": {"en": second, "sv": ""}}));
        })
    };
    let base = with_broken("A", "B");
    let merged = merge(&base, &with_broken("A", "Mine"), &with_broken("Theirs", "B"));
    assert!(merged.conflicts().is_empty());
    assert_eq!(merged.result(), Some(with_broken("Theirs", "Mine")));
    let merged = merge(&base, &with_broken("A", "Mine"), &with_broken("A", "Theirs"));
    let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
    assert_eq!((conflict.id.as_str(), conflict.field.as_deref()), ("", Some("city")), "no id to show");
}

#[test]
fn a_list_only_my_draft_has_is_kept_and_none_is_made_up() {
    assert!(!shipped().fields().contains_key("activities"), "the shipped file has no activities");
    let mine = drafted(|d| {
        d.add(Activity, json!({"id": "my-activity"}));
    });
    let theirs = edited(|f| set_city(f, 0, "Peking"));
    let result = merge(&shipped(), &mine, &theirs).result().unwrap();
    assert_eq!(ids(&result, Activity), ["my-activity"]);
    assert!(!merge(&shipped(), &shipped(), &theirs).result().unwrap().fields().contains_key("activities"));
}

#[test]
fn english_fixed_on_my_side_and_swedish_on_theirs_both_hold() {
    let tokyo = index_of(&shipped(), Office, "osi-tokyo");
    let mine = drafted(|d| d.set_text(Office, tokyo, "name", Lang::En, "MY-ENGLISH"));
    let theirs = edited(|f| set_lang(f, tokyo, "name", "sv", "THEIR-SWEDISH"));
    let merged = merge(&shipped(), &mine, &theirs);
    assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
    let result = merged.result().unwrap();
    assert_eq!(result.field(Office, tokyo, "name"), Some(&json!({"en": "MY-ENGLISH", "sv": "THEIR-SWEDISH"})));
    let both = edited(|f| {
        set_lang(f, tokyo, "name", "en", "MY-ENGLISH");
        set_lang(f, tokyo, "name", "sv", "THEIR-SWEDISH");
    });
    assert_eq!(result, both, "and nothing else");
    assert_eq!(merge(&shipped(), &theirs, &mine).result(), Some(both), "the other way round too");
}

#[test]
fn one_language_changed_differently_asks_about_that_language_only() {
    let tokyo = index_of(&shipped(), Office, "osi-tokyo");
    let mine = drafted(|d| d.set_text(Office, tokyo, "city", Lang::En, "MY-ENGLISH"));
    let theirs = edited(|f| f["offices"][tokyo]["city"] = json!({"en": "THEIR-ENGLISH", "sv": "THEIR-SWEDISH"}));
    let mut merged = merge(&shipped(), &mine, &theirs);
    let expected = Conflict {
        kind: Some(Office),
        id: "osi-tokyo".into(),
        field: Some("city".into()),
        lang: Some("en".into()),
        base: Some(json!({"en": "Tokyo", "sv": "Tokyo"})),
        theirs: Some(json!({"en": "THEIR-ENGLISH", "sv": "THEIR-SWEDISH"})),
        mine: Some(json!({"en": "MY-ENGLISH", "sv": "Tokyo"})),
    };
    assert_eq!(merged.conflicts(), [expected], "the whole texts, as each side has them");
    assert_eq!(merged.merged(), &theirs, "for now their English");
    merged.choose(0, Choice::Mine);
    let city = |en: &str| edited(|f| f["offices"][tokyo]["city"] = json!({"en": en, "sv": "THEIR-SWEDISH"}));
    assert_eq!(merged.result(), Some(city("MY-ENGLISH")), "my English, and still their Swedish");
    merged.choose(0, Choice::Theirs);
    assert_eq!(merged.result(), Some(city("THEIR-ENGLISH")));
}

#[test]
fn each_language_both_changed_is_a_conflict_of_its_own() {
    let tokyo = index_of(&shipped(), Office, "osi-tokyo");
    let mine = drafted(|d| {
        d.set_text(Office, tokyo, "city", Lang::En, "MY-ENGLISH");
        d.set_text(Office, tokyo, "city", Lang::Sv, "MY-SWEDISH");
    });
    let theirs = edited(|f| f["offices"][tokyo]["city"] = json!({"en": "THEIR-ENGLISH", "sv": "THEIR-SWEDISH"}));
    let mut merged = merge(&shipped(), &mine, &theirs);
    let langs: Vec<_> = merged.conflicts().iter().map(|c| (c.field.as_deref(), c.lang.as_deref())).collect();
    assert_eq!(langs, [(Some("city"), Some("en")), (Some("city"), Some("sv"))]);
    merged.choose(0, Choice::Theirs);
    merged.choose(1, Choice::Mine);
    let result = merged.result().unwrap();
    assert_eq!(result.field(Office, tokyo, "city"), Some(&json!({"en": "THEIR-ENGLISH", "sv": "MY-SWEDISH"})));
}

#[test]
fn a_text_added_on_both_sides_in_different_languages_keeps_both() {
    // A record both added, each side writing its own language.
    let mine = drafted(|d| {
        d.add(Group, json!({"id": "new-group", "name": {"en": "New"}}));
    });
    let theirs = edited(|f| f["groups"].as_array_mut().unwrap().push(json!({"id": "new-group", "name": {"sv": "Ny"}})));
    let merged = merge(&shipped(), &mine, &theirs);
    assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
    assert_eq!(record(&merged.result().unwrap(), Group, "new-group"), Some(&json!({"id": "new-group", "name": {"en": "New", "sv": "Ny"}})));

    // A text the file lacked, added to a published record on both sides.
    let without = |f: &mut Value| {
        f["groups"][0].as_object_mut().unwrap().remove("description");
    };
    let with = |description: Value| {
        edited(|f| {
            without(f);
            f["groups"][0]["description"] = description;
        })
    };
    let base = edited(without);
    let merged = merge(&base, &with(json!({"en": "Mine"})), &with(json!({"sv": "Deras"})));
    assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
    assert_eq!(merged.result(), Some(with(json!({"en": "Mine", "sv": "Deras"}))));
    let merged = merge(&base, &with(json!({"en": "Mine", "sv": "Deras"})), &with(json!({"en": "Theirs", "sv": "Deras"})));
    let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
    assert_eq!((conflict.lang.as_deref(), &conflict.base), (Some("en"), &None), "the file had no such text");
}

#[test]
fn a_text_removed_on_one_side_and_changed_on_the_other_is_asked_about_whole() {
    let tokyo = index_of(&shipped(), Office, "osi-tokyo");
    let theirs = edited(|f| set_lang(f, tokyo, "city", "sv", "THEIR-SWEDISH"));
    for mine in
        [drafted(|d| d.set_field(Office, tokyo, "city", None)), drafted(|d| d.set_field(Office, tokyo, "city", Some(json!("Tokyo"))))]
    {
        let mut merged = merge(&shipped(), &mine, &theirs);
        let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
        assert_eq!((conflict.field.as_deref(), conflict.lang.as_deref()), (Some("city"), None), "as with records: no half text");
        assert_eq!(
            (conflict.mine.as_ref(), conflict.theirs.as_ref()),
            (mine.field(Office, tokyo, "city"), theirs.field(Office, tokyo, "city"))
        );
        merged.choose(0, Choice::Mine);
        assert_eq!(merged.result(), Some(mine));
    }
}

#[test]
fn a_draft_merged_onto_its_own_file_is_written_byte_for_byte_as_it_was() {
    let mine = drafted(|d| {
        d.set_text(Office, 4, "name", Lang::En, "Renamed");
        d.delete(Group, 0);
        d.add(Event, json!({"id": "new-event", "date": "2026"}));
    });
    assert_eq!(merge(&shipped(), &mine, &shipped()).result().unwrap().to_text(), mine.to_text());
}
