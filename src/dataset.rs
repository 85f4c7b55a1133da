//! The initiative's dataset as the app uses it: the records in `public/data/initiative.json`.
//!
//! Types here are plain data. Reading the file (with per-record error reporting) lives in
//! [`crate::validate`], so that a broken record never hides the valid ones.
//!
//! ```
//! use innovation_atlas::dataset::{Lang, Text};
//! let t = Text { en: "South Korea".into(), sv: "Sydkorea".into() };
//! assert_eq!(t.get(Lang::Sv), "Sydkorea");
//! ```

use serde::{Deserialize, Serialize};

/// The newest `schema_version` this app understands.
pub const SCHEMA_VERSION: u32 = 1;

/// The two languages of the app and the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// Position in `Lang::ALL`: indexes per-language arrays such as search indices.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The BCP 47 tag, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "sv" => Some(Lang::Sv),
            _ => None,
        }
    }

    /// The browser's preferred language decides when the URL does not: Swedish for `sv*`.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("sv") {
            Lang::Sv
        } else {
            Lang::En
        }
    }
}

/// A text in both languages. Missing halves are reported by validation, not by the parser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub sv: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Sv => &self.sv,
        }
    }
}

/// The four regions the directory filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Europe,
    Asia,
    Americas,
    MiddleEastAfrica,
}

impl Region {
    pub const ALL: [Region; 4] = [Region::Europe, Region::Asia, Region::Americas, Region::MiddleEastAfrica];

    pub fn code(self) -> &'static str {
        match self {
            Region::Europe => "europe",
            Region::Asia => "asia",
            Region::Americas => "americas",
            Region::MiddleEastAfrica => "middle-east-africa",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A priority country of the initiative.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    pub region: Region,
    /// One line on what Sweden does with this country.
    pub summary: Text,
    pub source: String,
}

/// How an organisation takes part in the initiative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    MainCoordinator,
    Coordinator,
    Member,
    CoOpted,
}

impl Role {
    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "main-coordinator" => Some(Role::MainCoordinator),
            "coordinator" => Some(Role::Coordinator),
            "member" => Some(Role::Member),
            "co-opted" => Some(Role::CoOpted),
            _ => None,
        }
    }
}

/// A coordinating organisation, or a member of one (Intsam's funders).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub role: Role,
    /// Ids of the organisations this one belongs to (e.g. Formas in Intsam).
    #[serde(default)]
    pub member_of: Vec<String>,
    #[serde(default)]
    pub website: Option<String>,
    pub source: String,
}

/// Whether a presence abroad is an office or Vinnova's innovation scouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PresenceKind {
    Office,
    Scout,
}

/// An office or a team of scouts in a city abroad.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub id: String,
    pub kind: PresenceKind,
    pub name: Text,
    /// The organisation that runs it, if it is one of the dataset's organisations.
    #[serde(default)]
    pub organisation: Option<String>,
    pub country: String,
    pub city: Text,
    pub description: Text,
    #[serde(default)]
    pub website: Option<String>,
    /// When it opened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub since: Option<String>,
    pub source: String,
}

/// A LinkedIn group. Its address is often not published: then `url` is absent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub name: Text,
    pub countries: Vec<String>,
    pub description: Text,
    #[serde(default)]
    pub url: Option<String>,
    pub source: String,
}

/// A dated fact: a partnership signed, an office opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub countries: Vec<String>,
    pub title: Text,
    pub source: String,
}

/// A recurring activity of the initiative's common annual cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub name: Text,
    /// The months (1–12) it takes place in, every year.
    pub months: Vec<u32>,
    /// The countries it concerns; empty for all.
    #[serde(default)]
    pub countries: Vec<String>,
    /// The id of the organisation that runs it.
    #[serde(default)]
    pub organiser: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub source: String,
}

/// The whole dataset, holding only records that passed validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub schema_version: u32,
    /// The initiative's own page.
    pub source: String,
    /// When the source page was last updated, as the page says.
    pub updated: Option<String>,
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    pub offices: Vec<Office>,
    pub groups: Vec<Group>,
    pub events: Vec<Event>,
    pub activities: Vec<Activity>,
}

impl Dataset {
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code))
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn offices_in<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Office> + 'a {
        self.offices.iter().filter(move |o| o.country == code)
    }

    pub fn groups_for<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Group> + 'a {
        self.groups.iter().filter(move |g| g.countries.iter().any(|c| c == code))
    }

    pub fn events_for<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events.iter().filter(move |e| e.countries.iter().any(|c| c == code))
    }
}
