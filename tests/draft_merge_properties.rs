//! The merge of a draft onto a file a colleague published meanwhile (`draft::merge`), by its
//! laws on random edits of the real file, as the editor makes them (the cases an editor would
//! notice, one by one, are in `draft_merge.rs`). Documents are compared as JSON values
//! (`Document`'s `==`); a failure shows the first line of the written file that differs.

// proptest is a native-only dev-dependency: these laws run natively (clippy checks the wasm32
// build of everything else).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/merge_fixtures.rs"]
#[allow(dead_code)] // the ways to edit the file by hand are for `draft_merge.rs`
mod merge_fixtures;

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::json;

use innovation_atlas::dataset::Lang;
use innovation_atlas::draft::document::Document;
use innovation_atlas::draft::merge::{merge, Choice};
use innovation_atlas::draft::Draft;
use innovation_atlas::schema::FieldKind;
use innovation_atlas::schema::RecordKind;

use merge_fixtures::{ids, record, shipped};

/// The first line where two documents, as written, differ (empty when they do not).
fn first_difference(a: &Document, b: &Document) -> String {
    let (a, b) = (a.to_text(), b.to_text());
    let line = a.lines().zip(b.lines()).find(|(x, y)| x != y);
    line.map(|(x, y)| format!("{x} ≠ {y}")).unwrap_or_else(|| format!("{} lines ≠ {} lines", a.lines().count(), b.lines().count()))
}

/// One random edit, as the editor makes them; which record and field it picks depends on the
/// document it is applied to.
#[derive(Clone, Debug)]
enum Edit {
    Set {
        kind: usize,
        record: Index,
        field: Index,
        text: String,
    },
    /// One language of one of the kind's text fields.
    Text {
        kind: usize,
        record: Index,
        field: Index,
        lang: Index,
        text: String,
    },
    Delete {
        kind: usize,
        record: Index,
    },
    Add {
        kind: usize,
    },
    Updated {
        day: String,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0..6usize, any::<Index>(), any::<Index>(), "[A-Za-z ]{0,8}").prop_map(|(kind, record, field, text)| Edit::Set { kind, record, field, text }),
        3 => text_edit(0..6),
        1 => (0..6usize, any::<Index>()).prop_map(|(kind, record)| Edit::Delete { kind, record }),
        1 => (0..6usize).prop_map(|kind| Edit::Add { kind }),
        1 => "20[12][0-9]-(0[1-9]|1[0-2])-[0-2][1-9]".prop_map(|day| Edit::Updated { day }),
    ]
}

/// An edit of one language of a text, in a record of one of the `kinds` (places in `RecordKind::ALL`).
fn text_edit(kinds: std::ops::Range<usize>) -> impl Strategy<Value = Edit> {
    (kinds, any::<Index>(), any::<Index>(), any::<Index>(), "[A-Za-z ]{0,3}").prop_map(|(kind, record, field, lang, text)| Edit::Text {
        kind,
        record,
        field,
        lang,
        text,
    })
}

fn is_text(kind: RecordKind, field: &str) -> bool {
    kind.field(field).is_some_and(|f| f.kind == FieldKind::Text)
}

/// `base` with the edits made in the editor, each on a record `may_touch` allows (an edit with
/// none to pick is skipped); added records get ids starting with `side`.
fn apply(base: &Document, edits: &[Edit], side: &str, may_touch: impl Fn(RecordKind, &str) -> bool) -> Document {
    let mut draft = Draft::open(base.clone());
    let pick = |draft: &Draft, kind: RecordKind, record: &Index| {
        let ids = draft.current().records(kind).iter().map(|r| r[kind.id_field()].as_str().unwrap_or_default());
        let allowed: Vec<usize> = ids.enumerate().filter(|(_, id)| may_touch(kind, id)).map(|(at, _)| at).collect();
        (!allowed.is_empty()).then(|| allowed[record.index(allowed.len())])
    };
    for (n, edit) in edits.iter().enumerate() {
        match edit {
            Edit::Set { kind, record, field, text } => {
                let kind = RecordKind::ALL[*kind];
                let fields: Vec<&str> = kind.fields().iter().map(|f| f.name).filter(|f| *f != kind.id_field()).collect();
                if let Some(at) = pick(&draft, kind, record) {
                    draft.set_field(kind, at, fields[field.index(fields.len())], Some(json!(text)));
                }
            }
            Edit::Text { kind, record, field, lang, text } => {
                let kind = RecordKind::ALL[*kind];
                let texts: Vec<&str> = kind.fields().iter().map(|f| f.name).filter(|f| is_text(kind, f)).collect();
                if let Some(at) = pick(&draft, kind, record) {
                    draft.set_text(kind, at, texts[field.index(texts.len())], Lang::ALL[lang.index(Lang::ALL.len())], text);
                }
            }
            Edit::Delete { kind, record } => {
                let kind = RecordKind::ALL[*kind];
                if let Some(at) = pick(&draft, kind, record) {
                    draft.delete(kind, at);
                }
            }
            Edit::Add { kind } => {
                let kind = RecordKind::ALL[*kind];
                draft.add(kind, json!({ (kind.id_field()): format!("{side}-new-{n}"), "source": "https://x.se/" }));
            }
            Edit::Updated { day } => draft.set_head("updated", Some(json!(day))),
        }
    }
    draft.current().clone()
}

/// The ids of `list` that `other` has too, in `list`'s order.
fn shared_order(list: &Document, other: &Document, kind: RecordKind) -> Vec<String> {
    let others = ids(other, kind);
    ids(list, kind).into_iter().filter(|id| others.contains(id)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_draft_merged_onto_an_unchanged_file_is_the_draft(edits in prop::collection::vec(edit(), 0..12)) {
        let base = shipped();
        let mine = apply(&base, &edits, "mine", |_, _| true);
        let merged = merge(&base, &mine, &base);
        prop_assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
        let result = merged.result().unwrap();
        prop_assert!(result == mine, "{}", first_difference(&result, &mine));
    }

    #[test]
    fn no_draft_merged_onto_a_new_file_is_the_new_file(edits in prop::collection::vec(edit(), 0..12)) {
        let base = shipped();
        let theirs = apply(&base, &edits, "theirs", |_, _| true);
        let merged = merge(&base, &base, &theirs);
        prop_assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
        let result = merged.result().unwrap();
        prop_assert!(result == theirs, "{}", first_difference(&result, &theirs));
    }

    #[test]
    fn the_same_edits_on_both_sides_merge_to_them(edits in prop::collection::vec(edit(), 0..12)) {
        let base = shipped();
        let both = apply(&base, &edits, "both", |_, _| true);
        let merged = merge(&base, &both, &both);
        prop_assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
        let result = merged.result().unwrap();
        prop_assert!(result == both, "{}", first_difference(&result, &both));
    }

    #[test]
    fn edits_of_different_records_merge_without_conflict_and_all_hold(
        my_edits in prop::collection::vec(edit(), 0..12),
        their_edits in prop::collection::vec(edit(), 0..12),
    ) {
        let base = shipped();
        // The published records split in two: mine may touch those at even places, theirs
        // those at odd ones; each side may touch what it added.
        let split = |side: &'static str, parity: usize| {
            let base = &base;
            move |kind: RecordKind, id: &str| id.starts_with(side) || ids(base, kind).iter().position(|b| b == id).is_some_and(|at| at % 2 == parity)
        };
        let mine = apply(&base, &my_edits, "mine", split("mine", 0));
        let theirs = apply(&base, &their_edits, "theirs", split("theirs", 1));
        let merged = merge(&base, &mine, &theirs);
        prop_assert!(merged.conflicts().is_empty(), "{:?}", merged.conflicts());
        let result = merged.result().unwrap();
        for kind in RecordKind::ALL {
            for id in ids(&base, kind) {
                let (b, m, t, r) = (record(&base, kind, &id), record(&mine, kind, &id), record(&theirs, kind, &id), record(&result, kind, &id));
                let expected = if m != b { m } else { t };
                prop_assert_eq!(r, expected, "{} {}", kind.key(), id);
            }
            for side in [&mine, &theirs] {
                for id in ids(side, kind).iter().filter(|id| record(&base, kind, id).is_none()) {
                    prop_assert_eq!(record(&result, kind, id), record(side, kind, id), "added {} {}", kind.key(), id);
                }
                prop_assert_eq!(shared_order(&result, side, kind), shared_order(side, &result, kind), "{}'s order", kind.key());
            }
            let found = ids(&result, kind);
            let distinct: HashSet<&String> = found.iter().collect();
            prop_assert_eq!(distinct.len(), found.len(), "{} twice", kind.key());
        }
        let updated = |d: &Document| d.fields()["updated"].as_str().unwrap().to_string();
        let (b, m, t) = (updated(&base), updated(&mine), updated(&theirs));
        let expected = if m == b { t } else if t == b { m } else { m.max(t) };
        prop_assert_eq!(updated(&result), expected);
    }
    #[test]
    fn texts_merge_language_by_language(
        my_edits in prop::collection::vec(text_edit(2..4), 0..16),
        their_edits in prop::collection::vec(text_edit(2..4), 0..16),
        picks in any::<u64>(),
    ) {
        // Both sides edit languages of the published offices' and groups' texts only (short
        // words, so that they often meet); each conflict is chosen by one bit of `picks`.
        let base = shipped();
        let mine = apply(&base, &my_edits, "mine", |_, _| true);
        let theirs = apply(&base, &their_edits, "theirs", |_, _| true);
        let mut merged = merge(&base, &mine, &theirs);
        let pick = |n: usize| if picks >> (n % 64) & 1 == 1 { Choice::Mine } else { Choice::Theirs };
        for n in 0..merged.conflicts().len() {
            merged.choose(n, pick(n));
        }
        let result = merged.result().unwrap();
        // The conflicts come record by record, field by field, language by language.
        let mut conflicts = merged.conflicts().iter().enumerate();
        for kind in RecordKind::ALL {
            for (at, b) in base.records(kind).iter().enumerate() {
                let id = b[kind.id_field()].as_str().unwrap();
                let (m, t, r) = (&mine.records(kind)[at], &theirs.records(kind)[at], &result.records(kind)[at]);
                for (field, old) in b.as_object().unwrap() {
                    if !is_text(kind, field) {
                        prop_assert_eq!(&r[field], old, "{} {} {}", kind.key(), id, field);
                        continue;
                    }
                    for lang in Lang::ALL.map(Lang::code) {
                        let (bl, ml, tl) = (&old[lang], &m[field][lang], &t[field][lang]);
                        let expected = if ml == tl || ml == bl {
                            tl
                        } else if tl == bl {
                            ml
                        } else {
                            let Some((n, c)) = conflicts.next() else {
                                return Err(TestCaseError::fail(format!("no conflict for {} {id} {field} {lang}", kind.key())));
                            };
                            prop_assert_eq!((c.kind, c.id.as_str(), c.field.as_deref(), c.lang.as_deref()), (Some(kind), id, Some(field.as_str()), Some(lang)));
                            prop_assert_eq!((c.base.as_ref(), c.mine.as_ref(), c.theirs.as_ref()), (Some(old), Some(&m[field]), Some(&t[field])));
                            if pick(n) == Choice::Mine { ml } else { tl }
                        };
                        prop_assert_eq!(&r[field][lang], expected, "{} {} {} {}", kind.key(), id, field, lang);
                    }
                }
            }
        }
        prop_assert!(conflicts.next().is_none(), "no other conflicts: {:?}", merged.conflicts());
    }
}
