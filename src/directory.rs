//! The directory: one flat list of entries (countries, organisations, offices, scouts, LinkedIn
//! groups) built once from the dataset, and the filters over it.
//!
//! ```
//! use innovation_atlas::{directory::{Directory, Filter}, validate::read_dataset, dataset::Lang};
//! let loaded = read_dataset(include_str!("../public/data/initiative.json")).unwrap();
//! let directory = Directory::new(&loaded.dataset);
//! let filter = Filter { q: "seoul".into(), ..Filter::default() };
//! let names: Vec<_> = directory.matches(&filter, Lang::En).map(|e| e.name.en.as_str()).collect();
//! assert!(names.contains(&"Office of Science and Innovation, Seoul"));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use crate::countries;
use crate::dataset::*;
use crate::text::{fold, sort_key};

/// What an entry is, for people: the kind filter's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Country,
    Office,
    Scout,
    Group,
    Organisation,
}

impl Kind {
    /// In the order entries of one country are listed.
    pub const ALL: [Kind; 5] = [Kind::Country, Kind::Office, Kind::Scout, Kind::Group, Kind::Organisation];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Office => "office",
            Kind::Scout => "scout",
            Kind::Group => "group",
            Kind::Organisation => "organisation",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What a link leads to, so the app can name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Website,
    LinkedInGroup,
    /// The group's address is not published: a LinkedIn search for its name instead.
    LinkedInSearch,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryLink {
    pub kind: LinkKind,
    pub url: String,
}

/// One row of the directory.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    /// The record's id; a country's is its code.
    pub id: String,
    pub name: Text,
    pub countries: Vec<String>,
    pub regions: Vec<Region>,
    pub city: Option<Text>,
    pub description: Text,
    pub links: Vec<EntryLink>,
    pub source: String,
    /// Coordinating organisations this entry belongs to (for the organisation filter).
    pub orgs: Vec<String>,
    /// Everything the free-text search looks at, folded, per language.
    haystack: [String; 2],
    /// `orgs` and `countries` as positions in the directory's key lists, so counting them
    /// on every keystroke costs no string comparison.
    org_slots: Vec<usize>,
    country_slots: Vec<usize>,
}

/// The combinable filters. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub q: String,
    pub kind: Option<Kind>,
    pub region: Option<Region>,
    pub org: Option<String>,
    pub country: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.kind.is_none() && self.region.is_none() && self.org.is_none() && self.country.is_none()
    }
}

/// How many entries each option of a filter would give, the other filters kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub kinds: BTreeMap<Kind, usize>,
    pub regions: BTreeMap<Region, usize>,
    pub orgs: BTreeMap<String, usize>,
}

pub struct Directory {
    pub entries: Vec<Entry>,
    /// Entry indices in display order, per language (index by `Lang::index`).
    order: [Vec<usize>; 2],
    /// The organisations offered in the organisation filter (coordinators), in dataset order.
    pub coordinators: Vec<(String, Text)>,
    /// Every organisation id and country code some entry refers to (see `Entry::org_slots`).
    org_keys: Vec<String>,
    country_keys: Vec<String>,
}

/// The LinkedIn search for a group whose own address is not published.
pub fn linkedin_search_url(name: &str) -> String {
    format!("https://www.linkedin.com/search/results/groups/?keywords={}", crate::view_state::percent_encode(name))
}

/// What a source link shows: "https://www.vinnova.se/en/…" → "vinnova.se".
pub fn source_host(url: &str) -> String {
    url.trim_start_matches("https://").split('/').next().unwrap_or("").trim_start_matches("www.").to_string()
}

impl Directory {
    pub fn new(data: &Dataset) -> Directory {
        let region_of = |code: &String| data.country(code).map(|c| c.region);
        let mut entries = Vec::new();
        for c in &data.countries {
            let orgs: BTreeSet<String> = data.offices_in(&c.code).filter_map(|o| o.organisation.clone()).collect();
            entries.push(Entry::new(
                Kind::Country,
                &c.code,
                Text { en: countries::display_name(&c.code, Lang::En), sv: countries::display_name(&c.code, Lang::Sv) },
                vec![c.code.clone()],
                vec![c.region],
                None,
                c.summary.clone(),
                vec![],
                &c.source,
                orgs.into_iter().collect(),
            ));
        }
        for o in &data.offices {
            let kind = match o.kind {
                PresenceKind::Office => Kind::Office,
                PresenceKind::Scout => Kind::Scout,
            };
            let links = o.website.iter().map(|url| EntryLink { kind: LinkKind::Website, url: url.clone() }).collect();
            entries.push(Entry::new(
                kind,
                &o.id,
                o.name.clone(),
                vec![o.country.clone()],
                region_of(&o.country).into_iter().collect(),
                Some(o.city.clone()),
                o.description.clone(),
                links,
                &o.source,
                o.organisation.iter().cloned().collect(),
            ));
        }
        for g in &data.groups {
            let link = match &g.url {
                Some(url) => EntryLink { kind: LinkKind::LinkedInGroup, url: url.clone() },
                None => EntryLink { kind: LinkKind::LinkedInSearch, url: linkedin_search_url(&g.name.en) },
            };
            let regions: BTreeSet<Region> = g.countries.iter().filter_map(region_of).collect();
            entries.push(Entry::new(
                Kind::Group,
                &g.id,
                g.name.clone(),
                g.countries.clone(),
                regions.into_iter().collect(),
                None,
                g.description.clone(),
                vec![link],
                &g.source,
                vec![],
            ));
        }
        for o in &data.organisations {
            let links = o.website.iter().map(|url| EntryLink { kind: LinkKind::Website, url: url.clone() }).collect();
            let orgs = std::iter::once(o.id.clone()).chain(o.member_of.iter().cloned()).collect();
            entries.push(Entry::new(
                Kind::Organisation,
                &o.id,
                o.name.clone(),
                vec![],
                vec![],
                None,
                o.description.clone(),
                links,
                &o.source,
                orgs,
            ));
        }
        let org_keys = assign_slots(&mut entries, |e| &e.orgs, |e, slots| e.org_slots = slots);
        let country_keys = assign_slots(&mut entries, |e| &e.countries, |e, slots| e.country_slots = slots);
        let order = Lang::ALL.map(|lang| display_order(&entries, lang));
        let coordinators = data
            .organisations
            .iter()
            .filter(|o| matches!(o.role, Role::MainCoordinator | Role::Coordinator))
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect();
        Directory { entries, order, coordinators, org_keys, country_keys }
    }

    /// The entries that pass every filter, in display order.
    pub fn matches<'a>(&'a self, filter: &'a Filter, lang: Lang) -> impl Iterator<Item = &'a Entry> + 'a {
        self.matching_indices(filter, lang).map(|i| &self.entries[i])
    }

    /// Like [`Directory::matches`], as indices into `entries` (stable keys for the UI).
    pub fn matching_indices<'a>(&'a self, filter: &'a Filter, lang: Lang) -> impl Iterator<Item = usize> + 'a {
        let words = query_words(&filter.q);
        self.order[lang.index()].iter().copied().filter(move |&i| self.entries[i].passes(filter, &words, lang))
    }

    pub fn count(&self, filter: &Filter, lang: Lang) -> usize {
        self.matches(filter, lang).count()
    }

    /// For each option of the kind, region and organisation filters: how many entries it would
    /// give with the other filters as they are.
    pub fn counts(&self, filter: &Filter, lang: Lang) -> Counts {
        self.outcome(filter, lang).counts
    }

    /// The countries that still have entries under the filters (the selected country aside):
    /// the map dims the others.
    pub fn matching_countries(&self, filter: &Filter, lang: Lang) -> BTreeSet<String> {
        self.outcome(filter, lang).countries
    }

    /// What the filters decide, in one pass over the entries: each criterion is checked once
    /// per entry, then combined for the list, every option's count and the map.
    pub fn outcome(&self, filter: &Filter, lang: Lang) -> Outcome {
        let words = query_words(&filter.q);
        let mut matching = Vec::new();
        let mut kinds = BTreeMap::new();
        let mut regions = BTreeMap::new();
        let mut orgs = vec![0usize; self.org_keys.len()];
        let mut lit = vec![false; self.country_keys.len()];
        for &i in &self.order[lang.index()] {
            let e = &self.entries[i];
            if !e.has_words(&words, lang) {
                continue;
            }
            let kind = filter.kind.is_none_or(|k| e.kind == k);
            let region = filter.region.is_none_or(|r| e.regions.contains(&r));
            let org = filter.org.as_ref().is_none_or(|o| e.orgs.contains(o));
            let country = filter.country.as_ref().is_none_or(|c| e.countries.contains(c));
            if region && org && country {
                *kinds.entry(e.kind).or_default() += 1;
            }
            if kind && org && country {
                for r in &e.regions {
                    *regions.entry(*r).or_default() += 1;
                }
            }
            if kind && region && country {
                for &slot in &e.org_slots {
                    orgs[slot] += 1;
                }
            }
            if kind && region && org {
                for &slot in &e.country_slots {
                    lit[slot] = true;
                }
            }
            if kind && region && org && country {
                matching.push(i);
            }
        }
        let orgs = self.org_keys.iter().zip(orgs).filter(|(_, n)| *n > 0).map(|(id, n)| (id.clone(), n)).collect();
        let countries = self.country_keys.iter().zip(lit).filter(|(_, lit)| *lit).map(|(c, _)| c.clone()).collect();
        Outcome { matching, counts: Counts { kinds, regions, orgs }, countries }
    }
}

/// Everything the filters decide, from [`Directory::outcome`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into `Directory::entries` of the entries that pass every filter, in display order.
    pub matching: Vec<usize>,
    pub counts: Counts,
    /// The countries that have entries under the filters other than the country itself.
    pub countries: BTreeSet<String>,
}

/// Lists the distinct keys `keys_of` gives over all entries and gives each entry the
/// positions of its keys in that list.
fn assign_slots(
    entries: &mut [Entry],
    keys_of: impl Fn(&Entry) -> &Vec<String>,
    set_slots: impl Fn(&mut Entry, Vec<usize>),
) -> Vec<String> {
    let keys: Vec<String> = entries.iter().flat_map(|e| keys_of(e).iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    for e in entries.iter_mut() {
        let slots = keys_of(e).iter().filter_map(|k| keys.binary_search(k).ok()).collect();
        set_slots(e, slots);
    }
    keys
}

fn query_words(q: &str) -> Vec<String> {
    fold(q).split_whitespace().map(str::to_string).collect()
}

fn display_order(entries: &[Entry], lang: Lang) -> Vec<usize> {
    let key = |e: &Entry| {
        // Entries with no country (the organisations in Sweden) come after all countries.
        let country = e.countries.iter().map(|c| sort_key(&countries::display_name(c, lang), lang)).min().unwrap_or_else(|| vec![u32::MAX]);
        (country, e.kind, sort_key(e.name.get(lang), lang))
    };
    let keys: Vec<_> = entries.iter().map(key).collect();
    crate::order::indices_by(entries.len(), &|a, b| keys[a].cmp(&keys[b]))
}

impl Entry {
    #[allow(clippy::too_many_arguments)]
    fn new(
        kind: Kind,
        id: &str,
        name: Text,
        countries: Vec<String>,
        regions: Vec<Region>,
        city: Option<Text>,
        description: Text,
        links: Vec<EntryLink>,
        source: &str,
        orgs: Vec<String>,
    ) -> Entry {
        let haystack = Lang::ALL.map(|lang| {
            let mut parts = vec![name.get(lang).to_string(), description.get(lang).to_string()];
            parts.extend(city.as_ref().map(|c| c.get(lang).to_string()));
            parts.extend(countries.iter().map(|c| countries::display_name(c, lang)));
            fold(&parts.join(" \u{1f} "))
        });
        Entry {
            kind,
            id: id.to_string(),
            name,
            countries,
            regions,
            city,
            description,
            links,
            source: source.to_string(),
            orgs,
            haystack,
            org_slots: Vec::new(),
            country_slots: Vec::new(),
        }
    }

    fn passes(&self, filter: &Filter, words: &[String], lang: Lang) -> bool {
        filter.kind.is_none_or(|k| self.kind == k)
            && filter.region.is_none_or(|r| self.regions.contains(&r))
            && filter.org.as_ref().is_none_or(|o| self.orgs.contains(o))
            && filter.country.as_ref().is_none_or(|c| self.countries.contains(c))
            && self.has_words(words, lang)
    }

    fn has_words(&self, words: &[String], lang: Lang) -> bool {
        words.iter().all(|w| self.haystack[lang.index()].contains(w.as_str()))
    }
}
