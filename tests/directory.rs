//! Filtering, counting and sorting the directory, as a visitor would use it.

use innovation_atlas::dataset::{Lang, Region};
use innovation_atlas::directory::{Directory, Filter, Kind, LinkKind};
use innovation_atlas::validate::read_dataset;

fn directory() -> Directory {
    Directory::new(&read_dataset(include_str!("../public/data/initiative.json")).unwrap().dataset)
}

fn names(d: &Directory, f: &Filter, lang: Lang) -> Vec<String> {
    d.matches(f, lang).map(|e| e.name.get(lang).to_string()).collect()
}

#[test]
fn searching_seoul_leaves_the_entries_about_seoul() {
    let d = directory();
    let found = names(&d, &Filter { q: "Seoul".into(), ..Filter::default() }, Lang::En);
    assert!(found.contains(&"Office of Science and Innovation, Seoul".to_string()), "{found:?}");
    assert!(found.iter().all(|n| !n.contains("Tokyo")), "{found:?}");
}

#[test]
fn search_ignores_case_and_diacritics() {
    let d = directory();
    let plain = names(&d, &Filter { q: "brasilia".into(), ..Filter::default() }, Lang::En);
    let accented = names(&d, &Filter { q: "BRASÍLIA".into(), ..Filter::default() }, Lang::En);
    assert!(plain.contains(&"Office of Science and Innovation, Brasília".to_string()), "{plain:?}");
    assert_eq!(plain, accented);
}

#[test]
fn search_uses_the_current_language() {
    let d = directory();
    let f = Filter { q: "peking".into(), ..Filter::default() };
    assert_eq!(d.count(&f, Lang::En), 0);
    assert!(d.count(&f, Lang::Sv) >= 1);
}

#[test]
fn kind_and_region_combine() {
    let d = directory();
    let f = Filter { kind: Some(Kind::Office), region: Some(Region::Asia), ..Filter::default() };
    let found = names(&d, &f, Lang::En);
    assert_eq!(found.len(), 4, "{found:?}"); // Beijing, New Delhi, Seoul, Tokyo
    assert!(d.matches(&f, Lang::En).all(|e| e.kind == Kind::Office && e.regions == [Region::Asia]));
}

#[test]
fn counts_say_what_each_option_would_give() {
    let d = directory();
    let f = Filter { region: Some(Region::Europe), ..Filter::default() };
    let counts = d.counts(&f, Lang::En);
    for (kind, n) in &counts.kinds {
        let with_it = Filter { kind: Some(*kind), ..f.clone() };
        assert_eq!(d.count(&with_it, Lang::En), *n, "{kind:?}");
    }
    for (region, n) in &counts.regions {
        let with_it = Filter { region: Some(*region), ..f.clone() };
        assert_eq!(d.count(&with_it, Lang::En), *n, "{region:?}");
    }
    assert_eq!(counts.kinds.get(&Kind::Group), Some(&1)); // the joint France–Germany group
}

#[test]
fn organisation_filter_finds_its_offices() {
    let d = directory();
    let f = Filter { org: Some("osi".into()), kind: Some(Kind::Office), ..Filter::default() };
    assert_eq!(d.count(&f, Lang::En), 6);
    let intsam = Filter { org: Some("intsam".into()), kind: Some(Kind::Organisation), ..Filter::default() };
    assert_eq!(d.count(&intsam, Lang::En), 7); // Intsam, its five funders (Vinnova too) and STINT
}

#[test]
fn a_country_narrows_the_directory_to_it() {
    let d = directory();
    let f = Filter { country: Some("KR".into()), ..Filter::default() };
    let found = names(&d, &f, Lang::En);
    assert_eq!(found, ["South Korea", "Office of Science and Innovation, Seoul", "South Korea"], "country, office, group");
    let groups: Vec<_> = d.matches(&f, Lang::En).filter(|e| e.kind == Kind::Group).collect();
    assert_eq!(groups[0].links[0].kind, LinkKind::LinkedInSearch);
    assert!(groups[0].links[0].url.starts_with("https://www.linkedin.com/search/results/groups/?keywords=South%20Korea"));
}

#[test]
fn entries_sort_by_country_name_in_the_current_language() {
    let d = directory();
    let f = Filter { kind: Some(Kind::Country), ..Filter::default() };
    assert_eq!(
        names(&d, &f, Lang::En),
        ["Brazil", "China", "France", "Germany", "India", "Israel", "Japan", "South Korea", "United States"]
    );
    assert_eq!(names(&d, &f, Lang::Sv), ["Brasilien", "Frankrike", "Indien", "Israel", "Japan", "Kina", "Sydkorea", "Tyskland", "USA"]);
}

/// Every option's count, under every combination of the other filters, is exactly what
/// choosing it gives; and the one-pass outcome lists what the filters list.
#[test]
fn counts_hold_for_every_combination_of_filters() {
    let d = directory();
    let mut orgs: Vec<Option<String>> = d.coordinators.iter().map(|(id, _)| Some(id.clone())).collect();
    orgs.push(None);
    let kinds = std::iter::once(None).chain(Kind::ALL.map(Some));
    let regions: Vec<Option<Region>> = std::iter::once(None).chain(Region::ALL.map(Some)).collect();
    let mut checked = 0;
    for kind in kinds {
        for region in &regions {
            for org in &orgs {
                for country in [None, Some("KR".to_string()), Some("FR".to_string())] {
                    for q in ["", "o", "seoul", "innovation office"] {
                        let f = Filter { q: q.into(), kind, region: *region, org: org.clone(), country: country.clone() };
                        let outcome = d.outcome(&f, Lang::En);
                        assert_eq!(outcome.matching, d.matching_indices(&f, Lang::En).collect::<Vec<_>>(), "{f:?}");
                        for k in Kind::ALL {
                            let n = outcome.counts.kinds.get(&k).copied().unwrap_or(0);
                            assert_eq!(n, d.count(&Filter { kind: Some(k), ..f.clone() }, Lang::En), "{k:?} under {f:?}");
                        }
                        for r in Region::ALL {
                            let n = outcome.counts.regions.get(&r).copied().unwrap_or(0);
                            assert_eq!(n, d.count(&Filter { region: Some(r), ..f.clone() }, Lang::En), "{r:?} under {f:?}");
                        }
                        for o in orgs.iter().flatten() {
                            let n = outcome.counts.orgs.get(o).copied().unwrap_or(0);
                            assert_eq!(n, d.count(&Filter { org: Some(o.clone()), ..f.clone() }, Lang::En), "{o} under {f:?}");
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "{checked} combinations");
}

#[test]
fn the_map_dims_countries_without_matches() {
    let d = directory();
    let f = Filter { region: Some(Region::Europe), country: Some("KR".into()), ..Filter::default() };
    let lit: Vec<_> = d.matching_countries(&f, Lang::En).into_iter().collect();
    assert_eq!(lit, ["DE", "FR"]);
}

#[test]
fn nothing_matches_a_nonsense_query() {
    let d = directory();
    assert_eq!(d.count(&Filter { q: "zzzqqq".into(), ..Filter::default() }, Lang::En), 0);
}

#[test]
fn csv_escapes_commas_quotes_newlines_and_keeps_non_ascii() {
    use innovation_atlas::export::{csv_field, directory_csv, BOM};
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hej\""), "\"say \"\"hej\"\"\"");
    assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
    assert_eq!(csv_field("Brasília"), "Brasília");
    let d = directory();
    let f = Filter { q: "brasilia".into(), kind: Some(Kind::Office), ..Filter::default() };
    let csv = directory_csv(d.matches(&f, Lang::Sv), Lang::Sv);
    assert!(csv.starts_with(BOM), "Excel needs the BOM to read UTF-8");
    let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "Namn,Typ,Land,Stad,Beskrivning,Länkar,Källa");
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].starts_with("Innovations- och forskningskontoret i Brasília,Kontor,Brasilien,Brasília,"), "{}", lines[1]);
}

#[test]
fn the_timeline_is_ordered_and_filtered() {
    use innovation_atlas::timeline::events;
    let data = read_dataset(include_str!("../public/data/initiative.json")).unwrap().dataset;
    let all = events(&data, &Filter::default(), Lang::En);
    assert_eq!(all.len(), data.events.len());
    let dates: Vec<&str> = all.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates.first(), Some(&"2009"));
    assert!(
        dates.windows(2).all(|w| innovation_atlas::timeline::date_key(w[0]) <= innovation_atlas::timeline::date_key(w[1])),
        "{dates:?}"
    );
    let europe = events(&data, &Filter { region: Some(Region::Europe), ..Filter::default() }, Lang::En);
    assert_eq!(europe.iter().map(|e| e.date.as_str()).collect::<Vec<_>>(), ["2017-01-31", "2017-11", "2019-06"]);
    let offices_only = events(&data, &Filter { kind: Some(Kind::Office), ..Filter::default() }, Lang::En);
    assert!(offices_only.is_empty());
}

#[test]
fn the_shipped_annual_cycle_is_honestly_empty() {
    use innovation_atlas::timeline::annual_cycle;
    let data = read_dataset(include_str!("../public/data/initiative.json")).unwrap().dataset;
    assert!(data.activities.is_empty(), "no activity is published in the sources (FACTS.md)");
    let months = annual_cycle(&data, &Filter::default());
    assert_eq!(months.len(), 12);
}
