//! Whatever an editor, a network or an attacker feeds the parser, validator or URL reader, the
//! answer is Ok or a listed error, never a panic.

// proptest is a native-only dev-dependency: these laws run natively (clippy checks the wasm32
// build of everything else).
#![cfg(not(target_arch = "wasm32"))]

use innovation_atlas::dataset::Lang;
use innovation_atlas::directory::{Directory, Filter};
use innovation_atlas::validate::read_dataset;
use innovation_atlas::view_state::ViewState;
use proptest::prelude::*;
use serde_json::{Map, Value};

const SHIPPED: &str = include_str!("../public/data/initiative.json");

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop_oneof![Just("KR"), Just("XX"), Just("https://x.se/"), Just("javascript:alert(1)"), Just("2019-13")]
            .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("id".to_string()),
                        Just("en".to_string()),
                        Just("sv".to_string()),
                        Just("code".to_string()),
                        "[a-z_]{1,8}"
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Everything a visitor would see is computed without panicking.
fn use_everything(text: &str) {
    if let Ok(loaded) = read_dataset(text) {
        for p in &loaded.problems {
            let _ = p.message(Lang::Sv);
        }
        let d = Directory::new(&loaded.dataset);
        let _ = d.counts(&Filter { q: "a".into(), ..Filter::default() }, Lang::Sv);
    } else if let Err(e) = read_dataset(text) {
        assert!(!e.message(Lang::En).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        use_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_values(v in any_json()) {
        use_everything(&v.to_string());
    }

    #[test]
    fn arbitrary_records_in_a_valid_file(
        section in prop_oneof![Just("countries"), Just("organisations"), Just("offices"), Just("groups"), Just("events")],
        index in 0usize..12,
        field in prop_oneof![Just("id"), Just("code"), Just("name"), Just("countries"), Just("organisation"), Just("member_of"), Just("date"), Just("since"), Just("url"), Just("source"), Just("region"), Just("kind")],
        value in any_json(),
    ) {
        let mut v: Value = serde_json::from_str(SHIPPED).unwrap();
        if let Some(record) = v[section].get_mut(index).and_then(Value::as_object_mut) {
            record.insert(field.to_string(), value);
        }
        let loaded = read_dataset(&v.to_string()).expect("a readable file stays readable");
        // Nothing valid is lost silently: every left-out record is listed as a problem.
        let kept = loaded.dataset.countries.len() + loaded.dataset.organisations.len() + loaded.dataset.offices.len()
            + loaded.dataset.groups.len() + loaded.dataset.events.len();
        let total: usize = ["countries", "organisations", "offices", "groups", "events"].iter().map(|k| v[k].as_array().map_or(0, Vec::len)).sum();
        let dropped = loaded.problems.iter().filter(|p| !p.record_kept).map(|p| record_of(&p.path)).collect::<std::collections::BTreeSet<_>>().len();
        prop_assert_eq!(kept + dropped, total, "{:?}", loaded.problems);
        use_everything(&v.to_string());
    }

    #[test]
    fn arbitrary_url_queries(q in "\\PC{0,300}") {
        let view = ViewState::from_query(&q);
        let again = ViewState::from_query(&view.to_query());
        prop_assert_eq!(view, again);
    }
}

/// `offices[3].city` → `offices[3]`.
fn record_of(path: &str) -> String {
    path.split_inclusive(']').next().unwrap_or(path).to_string()
}
