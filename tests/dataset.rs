//! The shipped dataset is valid, and broken copies fail with messages an editor can act on.

use innovation_atlas::dataset::{Lang, SCHEMA_VERSION};
use innovation_atlas::validate::{data_version, read_dataset, read_dataset_checked, LoadError, Reason};
use innovation_atlas::world::world;
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../public/data/initiative.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).unwrap()
}

fn messages(v: &Value) -> Vec<String> {
    read_dataset(&v.to_string()).unwrap().problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn the_shipped_dataset_has_no_problems() {
    let loaded = read_dataset(SHIPPED).unwrap();
    assert_eq!(loaded.problems, vec![], "{:#?}", loaded.problems);
    let codes: Vec<_> = loaded.dataset.countries.iter().map(|c| c.code.as_str()).collect();
    for code in ["US", "IL", "CN", "BR", "IN", "KR", "JP", "FR", "DE"] {
        assert!(codes.contains(&code), "{code} missing from the priority countries");
    }
    assert_eq!(loaded.dataset.offices.iter().filter(|o| o.id.starts_with("osi-")).count(), 6);
    assert!(loaded.dataset.groups.iter().any(|g| g.countries == ["FR", "DE"]));
}

/// The app's usual start reads the file the page was built from without the schema check: it
/// must come out exactly as the full read, while a file with another version is checked.
#[test]
fn the_file_a_page_was_built_from_reads_the_same_without_the_schema_check() {
    let version = data_version(SHIPPED);
    assert_eq!(read_dataset_checked(SHIPPED, &version), read_dataset(SHIPPED));

    let mut broken = shipped();
    broken["offices"][0]["city"] = json!(42);
    let text = broken.to_string();
    let checked = read_dataset_checked(&text, &version).unwrap();
    assert!(checked.problems.iter().any(|p| p.path.starts_with("offices[0]")), "{:#?}", checked.problems);
    assert_eq!(checked, read_dataset(&text).unwrap());
}

#[test]
fn every_shipped_text_has_both_languages() {
    // Validation reports missing halves; this walks the raw JSON so no text field is missed.
    fn walk(path: &str, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) if m.contains_key("en") || m.contains_key("sv") => {
                for lang in ["en", "sv"] {
                    if m.get(lang).and_then(Value::as_str).is_none_or(|s| s.trim().is_empty()) {
                        out.push(format!("{path}.{lang}"));
                    }
                }
            }
            Value::Object(m) => m.iter().for_each(|(k, v)| walk(&format!("{path}.{k}"), v, out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| walk(&format!("{path}[{i}]"), v, out)),
            _ => {}
        }
    }
    let mut missing = vec![];
    walk("", &shipped(), &mut missing);
    assert!(missing.is_empty(), "texts missing a language: {missing:?}");
}

#[test]
fn no_invented_linkedin_addresses_and_https_only() {
    assert!(!SHIPPED.contains("linkedin.com/"), "FACTS.md: no LinkedIn group address is known");
    assert!(!SHIPPED.contains("\"http://"));
}

#[test]
fn every_record_names_its_source() {
    let data = read_dataset(SHIPPED).unwrap().dataset;
    let sources = data
        .countries
        .iter()
        .map(|c| &c.source)
        .chain(data.organisations.iter().map(|o| &o.source))
        .chain(data.offices.iter().map(|o| &o.source))
        .chain(data.groups.iter().map(|g| &g.source))
        .chain(data.events.iter().map(|e| &e.source));
    for s in sources {
        assert!(s.starts_with("https://"), "{s}");
    }
}

#[test]
fn every_priority_country_has_a_shape_or_marker_on_the_map() {
    let data = read_dataset(SHIPPED).unwrap().dataset;
    for c in &data.countries {
        assert!(world().shape(&c.code).is_some(), "{} has no shape and no marker on the map", c.code);
    }
}

#[test]
fn an_unknown_country_code_is_named_with_its_path() {
    let mut v = shipped();
    v["countries"][3]["code"] = json!("XX");
    let m = messages(&v);
    assert_eq!(m[0], "initiative.json: countries[3].code: 'XX' is not an ISO 3166-1 country code");
    // The other countries are still there.
    let loaded = read_dataset(&v.to_string()).unwrap();
    assert_eq!(loaded.dataset.countries.len(), 8);
}

#[test]
fn a_missing_field_costs_only_its_record() {
    let mut v = shipped();
    v["offices"][3].as_object_mut().unwrap().remove("city");
    let loaded = read_dataset(&v.to_string()).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].path, "offices[3].city", "the field, not just the record");
    assert_eq!(loaded.problems[0].to_string(), "initiative.json: offices[3].city: is missing, and is required");
    assert_eq!(loaded.dataset.offices.len(), 8);
}

#[test]
fn a_wrong_type_is_reported() {
    let mut v = shipped();
    v["groups"][0]["countries"] = json!("KR");
    let m = messages(&v);
    assert_eq!(m[0], "initiative.json: groups[0].countries: should be a list of texts in quotes: [\"…\", \"…\"]");
}

#[test]
fn every_misshapen_field_is_said_in_words() {
    let mut v = shipped();
    v["offices"][0]["city"] = json!(42);
    v["offices"][0]["kind"] = json!("embassy");
    v["offices"][0]["name"] = json!({"en": ["x"]});
    v["organisations"][1]["id"] = json!("Business Sweden");
    v["events"][0]["countries"] = json!(["BR", 3]);
    let m = messages(&v);
    for expected in [
        "initiative.json: offices[0].kind: 'embassy' is not one of office, scout",
        "initiative.json: offices[0].name: should be a text in English and Swedish: { \"en\": \"…\", \"sv\": \"…\" }",
        "initiative.json: offices[0].city: should be a text in English and Swedish: { \"en\": \"…\", \"sv\": \"…\" }",
        "initiative.json: organisations[1].id: 'Business Sweden' may only hold a–z, 0–9 and hyphens (64 at most)",
        "initiative.json: events[0].countries: should be a list of texts in quotes: [\"…\", \"…\"]",
    ] {
        assert!(m.contains(&expected.to_string()), "missing {expected:?} in {m:#?}");
    }
    assert!(!m.iter().any(|m| m.contains("invalid type")), "no parser jargon: {m:#?}");
}

#[test]
fn a_duplicate_id_keeps_the_first() {
    let mut v = shipped();
    v["offices"][1]["id"] = json!("osi-beijing");
    let loaded = read_dataset(&v.to_string()).unwrap();
    assert_eq!(loaded.problems[0].to_string(), "initiative.json: offices[1].id: id 'osi-beijing' is used twice");
    assert_eq!(loaded.dataset.offices.iter().filter(|o| o.id == "osi-beijing").count(), 1);
}

#[test]
fn a_reference_to_a_missing_organisation_is_reported_and_dropped() {
    let mut v = shipped();
    v["offices"][0]["organisation"] = json!("nobody");
    let loaded = read_dataset(&v.to_string()).unwrap();
    assert_eq!(loaded.problems[0].to_string(), "initiative.json: offices[0].organisation: 'nobody' is not one of the file's organisations");
    assert_eq!(loaded.dataset.offices[0].organisation, None);
}

#[test]
fn links_that_are_not_https_are_dropped_but_the_record_stays() {
    let mut v = shipped();
    v["organisations"][0]["website"] = json!("javascript:alert(1)");
    v["organisations"][1]["website"] = json!("http://www.business-sweden.com/");
    let loaded = read_dataset(&v.to_string()).unwrap();
    let paths: Vec<_> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["organisations[0].website", "organisations[1].website"]);
    assert!(matches!(loaded.problems[0].reason, Reason::NotHttps(_)));
    assert_eq!(loaded.dataset.organisations[0].website, None);
    assert_eq!(loaded.dataset.organisations[1].website, None);
    assert_eq!(loaded.dataset.organisations.len(), 9);
}

#[test]
fn a_missing_swedish_text_is_reported_in_both_languages() {
    let mut v = shipped();
    v["countries"][0]["summary"]["sv"] = json!("");
    let loaded = read_dataset(&v.to_string()).unwrap();
    let p = &loaded.problems[0];
    assert_eq!(p.message(Lang::En), "initiative.json: countries[0].summary.sv: the Swedish text is missing");
    assert_eq!(p.message(Lang::Sv), "initiative.json: countries[0].summary.sv: den svenska texten saknas");
}

#[test]
fn whole_file_errors() {
    assert_eq!(read_dataset("  "), Err(LoadError::Empty));
    assert_eq!(read_dataset("[1,2]"), Err(LoadError::NotAnObject));
    let truncated = &SHIPPED[..SHIPPED.len() / 2];
    match read_dataset(truncated) {
        Err(e @ LoadError::Syntax { .. }) => assert!(e.message(Lang::En).starts_with("initiative.json: line "), "{e:?}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let newer = json!({"schema_version": SCHEMA_VERSION + 1, "source": "https://www.vinnova.se/"});
    assert_eq!(read_dataset(&newer.to_string()), Err(LoadError::NewerSchema { found: (SCHEMA_VERSION + 1) as u64 }));
    assert_eq!(read_dataset(r#"{"source":"x"}"#), Err(LoadError::BadSchemaVersion));
}

#[test]
fn the_json_schema_agrees_with_the_app() {
    use innovation_atlas::dataset::Region;
    let schema: Value = serde_json::from_str(include_str!("../public/data/initiative.schema.json")).unwrap();
    let regions: Vec<&str> =
        schema["$defs"]["country"]["properties"]["region"]["enum"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    let app: Vec<&str> = Region::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(regions, app);
    assert_eq!(schema["properties"]["schema_version"]["const"], json!(SCHEMA_VERSION));
    assert_eq!(shipped()["$schema"], json!("./initiative.schema.json"));
}

#[test]
fn activities_are_checked_like_every_record() {
    let mut v = shipped();
    v["activities"] = json!([
        {"id": "a1", "name": {"en": "Innovation week", "sv": "Innovationsvecka"}, "months": [3, 13], "source": "https://www.vinnova.se/"},
        {"id": "a2", "name": {"en": "Delegation", "sv": "Delegation"}, "months": [5], "countries": ["KR"], "organiser": "vinnova",
         "url": "http://example.org/", "source": "https://www.vinnova.se/"}
    ]);
    let loaded = read_dataset(&v.to_string()).unwrap();
    let m: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        m,
        [
            "initiative.json: activities[0].months[1]: 13 is not a month (1–12)",
            "initiative.json: activities[1].url: 'http://example.org/' is not an https link and is not shown as a link",
        ]
    );
    assert_eq!(loaded.dataset.activities.len(), 1);
    assert_eq!(loaded.dataset.activities[0].url, None);
}
