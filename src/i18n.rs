//! Every piece of UI text, in English and Swedish side by side. A key without both languages
//! does not compile; a test checks that neither is empty.
//!
//! ```
//! use innovation_atlas::{i18n::t, dataset::Lang};
//! assert_eq!(t(Lang::Sv).search_label, "Sök");
//! ```

use crate::dataset::{Lang, Region};
use crate::directory::Kind;

/// A table of UI texts, English and Swedish side by side (the app's here, the editor's in
/// `editor::text`): `Strings`, and `t(lang)` to pick one.
macro_rules! strings {
    ($($key:ident: $en:expr, $sv:expr;)*) => {
        /// The UI's texts in one language.
        pub struct Strings { $(pub $key: &'static str,)* }
        const EN: Strings = Strings { $($key: $en,)* };
        const SV: Strings = Strings { $($key: $sv,)* };
        impl Strings {
            /// Every (key, text) pair, for the completeness test.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }

        /// The texts for `lang`.
        pub fn t(lang: $crate::dataset::Lang) -> &'static Strings {
            match lang {
                $crate::dataset::Lang::En => &EN,
                $crate::dataset::Lang::Sv => &SV,
            }
        }
    };
}
pub(crate) use strings;

strings! {
    app_title: "International Innovation Initiative", "Internationella innovationsinitiativet";
    intro: "Where Sweden works with priority countries on innovation: who is there, the LinkedIn groups to join, and where to read more.",
        "Här samarbetar Sverige med prioriterade länder om innovation: vilka som finns på plats, LinkedIn-grupperna att gå med i och var du kan läsa mer.";
    skip_to_directory: "Skip to directory", "Hoppa till förteckningen";
    language_label: "Language", "Språk";
    other_language: "Svenska", "English";
    loading: "Loading the initiative's data…", "Hämtar initiativets data…";
    error_heading: "The data could not be shown", "Det gick inte att visa uppgifterna";
    try_again: "Try again", "Försök igen";
    crash_message: "Something went wrong in the app. Reload the page to try again.",
        "Något gick fel i appen. Ladda om sidan för att försöka igen.";
    data_problems_heading: "Data problems", "Problem i data";
    data_problems_intro: "These records in the data file were left out or shown without a link.",
        "Dessa poster i datafilen visas inte, eller visas utan länk.";
    no_problems: "No problems found in the data.", "Inga problem hittades i data.";
    open_editor: "Fix them in the data editor", "Rätta dem i dataredigeraren";
    previewing_draft: "Preview of a draft from the data editor: not published.", "Förhandsvisning av ett utkast från dataredigeraren: inte publicerat.";
    no_draft_to_preview: "Preview from the data editor, but this browser holds no saved draft: this is the published data.", "Förhandsvisning från dataredigeraren, men den här webbläsaren har inget sparat utkast: detta är de publicerade uppgifterna.";
    map_heading: "Map", "Karta";
    timeline_intro: "Partnerships signed and offices opened, oldest first. The filters above apply.",
        "Ingångna partnerskap och öppnade kontor, äldst först. Filtren ovan gäller.";
    timeline_empty: "No dated facts match these filters.", "Inga daterade uppgifter matchar filtren.";
    annual_cycle_heading: "Annual cycle", "Årshjul";
    annual_cycle_intro: "The initiative brings international innovation activities together in a common annual cycle.",
        "Initiativet samlar internationella innovationsaktiviteter i ett gemensamt årshjul.";
    annual_cycle_empty: "No recurring activities have been published yet.", "Inga återkommande aktiviteter har publicerats ännu.";
    organiser: "Organiser", "Arrangör";
    download_csv: "Download CSV", "Ladda ner CSV";
    csv_name: "Name", "Namn";
    csv_city: "City", "Stad";
    csv_description: "Description", "Beskrivning";
    csv_links: "Links", "Länkar";
    map_label: "World map of the initiative's priority countries. The directory below lists the same information as text.",
        "Världskarta över initiativets prioriterade länder. Förteckningen nedan har samma uppgifter i textform.";
    map_keys_hint: "On the map: arrow keys move between countries, Enter selects, + and − zoom, Escape closes.",
        "På kartan: piltangenterna flyttar mellan länder, Enter väljer, + och − zoomar, Escape stänger.";
    zoom_in: "Zoom in", "Zooma in";
    zoom_out: "Zoom out", "Zooma ut";
    zoom_reset: "Reset map", "Återställ kartan";
    map_priority_country: "Priority country.", "Prioriterat land.";
    map_outside_filters: "Outside the current filters.", "Utanför filtren.";
    legend_heading: "Legend", "Teckenförklaring";
    legend_priority: "Priority country (ringed marker)", "Prioriterat land (markering med ring)";
    legend_selected: "Selected country (thick outline)", "Valt land (tjock kontur)";
    legend_dimmed: "Priority country outside the current filters (striped)", "Prioriterat land utanför filtren (randigt)";
    legend_other: "Other countries", "Övriga länder";
    map_disclaimer: "Borders shown are not an official position.", "Gränserna på kartan är inget officiellt ställningstagande.";
    directory_heading: "Directory", "Förteckning";
    search_label: "Search", "Sök";
    search_hint: "Names, cities and descriptions", "Namn, städer och beskrivningar";
    filter_kind: "Kind", "Typ";
    filter_region: "Region", "Region";
    filter_org: "Coordinator", "Samordnare";
    filter_country: "Country", "Land";
    all_option: "All", "Alla";
    clear_filters: "Clear filters", "Rensa filter";
    active_filters: "Filters", "Filter";
    copy_link: "Copy link", "Kopiera länk";
    link_copied: "Link copied.", "Länken är kopierad.";
    copy_fallback: "Copy the selected address:", "Kopiera den markerade adressen:";
    no_results: "No entries match these filters.", "Inga poster matchar filtren.";
    kind_country: "Country", "Land";
    kind_office: "Office", "Kontor";
    kind_scout: "Innovation scouts", "Innovationsscouter";
    kind_group: "LinkedIn group", "LinkedIn-grupp";
    kind_organisation: "Organisation", "Organisation";
    region_europe: "Europe", "Europa";
    region_asia: "Asia", "Asien";
    region_americas: "The Americas", "Amerika";
    region_middle_east_africa: "Middle East & Africa", "Mellanöstern och Afrika";
    in_sweden: "Sweden-wide", "Hela Sverige";
    close: "Close", "Stäng";
    present_heading: "Who is there", "Vilka som finns på plats";
    nobody_listed: "No office or scouts are listed for this country.", "Inget kontor eller scouter finns listade för det här landet.";
    groups_heading: "LinkedIn groups", "LinkedIn-grupper";
    no_groups: "No LinkedIn group is listed for this country yet.", "Ingen LinkedIn-grupp finns listad för det här landet ännu.";
    timeline_heading: "Timeline", "Tidslinje";
    sources_heading: "Sources", "Källor";
    source_label: "Source", "Källa";
    source_missing: "Source not given", "Källa saknas";
    website: "Website", "Webbplats";
    linkedin_group: "LinkedIn group", "LinkedIn-grupp";
    link_not_published: "Link not published — search LinkedIn for the group name",
        "Länken är inte publicerad — sök efter gruppens namn på LinkedIn";
    new_tab: "(opens in a new tab)", "(öppnas i en ny flik)";
    since: "Since", "Sedan";
    not_a_priority_country: "is not one of the initiative's priority countries.", "är inte ett av initiativets prioriterade länder.";
    footer_source: "Source: Vinnova, “International Innovation Initiative”, last updated", "Källa: Vinnova, ”International Innovation Initiative”, senast uppdaterad";
    accessibility_link: "Accessibility statement", "Tillgänglighetsredogörelse";
    footer_source_plain: "Source: Vinnova, “International Innovation Initiative”.", "Källa: Vinnova, ”International Innovation Initiative”.";
    choose_country: "Choose a country on the map, or here, to see who is there.",
        "Välj ett land på kartan, eller här, för att se vilka som finns på plats.";
    no_country_matches: "No priority country has entries that match these filters.",
        "Inget prioriterat land har poster som matchar filtren.";
    more_below: "More below ↓", "Mer nedanför ↓";
    back_to_map: "Back to the map", "Tillbaka till kartan";
    priority_countries_heading: "Priority countries", "Prioriterade länder";
    organisations_heading: "Coordinating organisations", "Samordnande organisationer";
    static_map_label: "World map of the initiative's priority countries. Each one links to its entry in the directory below.",
        "Världskarta över initiativets prioriterade länder. Varje land länkar till sin post i förteckningen nedan.";
    page_description: "Where Sweden works with priority countries on innovation: offices of science and innovation, Vinnova's scouts, Business Sweden and the LinkedIn groups to join.",
        "Här samarbetar Sverige med prioriterade länder om innovation: innovations- och forskningskontor, Vinnovas scouter, Business Sweden och LinkedIn-grupperna att gå med i.";
}

/// Why the interactive map is not running, as the page explains it to the visitor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The browser has no WebAssembly (Apple's Lockdown Mode, managed browsers).
    NoWasm,
    /// JavaScript is off.
    NoScript,
    /// The app's files failed to load, or it stopped while starting.
    Failed,
    /// The app's files have not arrived after a few seconds.
    Slow,
}

impl Unavailable {
    pub const ALL: [Unavailable; 4] = [Unavailable::NoWasm, Unavailable::NoScript, Unavailable::Failed, Unavailable::Slow];

    /// The name the page's start-up script knows it by (`data-` attributes of `#app-status`).
    pub fn code(self) -> &'static str {
        match self {
            Unavailable::NoWasm => "no-wasm",
            Unavailable::NoScript => "no-script",
            Unavailable::Failed => "failed",
            Unavailable::Slow => "slow",
        }
    }
}

/// "The interactive map needs WebAssembly, which this browser has turned off. The directory
/// below is complete as of 22 October 2020." `updated` is the data file's date.
pub fn app_unavailable(why: Unavailable, updated: Option<&str>, lang: Lang) -> String {
    let reason = match (why, lang) {
        (Unavailable::NoWasm, Lang::En) => "The interactive map needs WebAssembly, which this browser has turned off.",
        (Unavailable::NoWasm, Lang::Sv) => "Den interaktiva kartan behöver WebAssembly, som är avstängt i den här webbläsaren.",
        (Unavailable::NoScript, Lang::En) => "The interactive map needs JavaScript, which is turned off in this browser.",
        (Unavailable::NoScript, Lang::Sv) => "Den interaktiva kartan behöver JavaScript, som är avstängt i den här webbläsaren.",
        (Unavailable::Failed, Lang::En) => "The interactive map could not be started; reloading the page may help.",
        (Unavailable::Failed, Lang::Sv) => "Den interaktiva kartan kunde inte startas; det kan hjälpa att ladda om sidan.",
        (Unavailable::Slow, Lang::En) => "The interactive map has not loaded yet.",
        (Unavailable::Slow, Lang::Sv) => "Den interaktiva kartan har inte laddats ännu.",
    };
    let date = updated.map(|d| crate::timeline::format_date(d, lang));
    let rest = match (date, lang) {
        (Some(date), Lang::En) => format!("The directory below is complete as of {date}."),
        (Some(date), Lang::Sv) => format!("Förteckningen nedan är fullständig per {date}."),
        (None, Lang::En) => "The directory below has the same information.".to_string(),
        (None, Lang::Sv) => "Förteckningen nedan har samma uppgifter.".to_string(),
    };
    format!("{reason} {rest}")
}

/// "Data as of 22 October 2020." / "Uppgifterna gäller per 22 oktober 2020."
pub fn data_as_of(updated: &str, lang: Lang) -> String {
    let date = crate::timeline::format_date(updated, lang);
    match lang {
        Lang::En => format!("Data as of {date}."),
        Lang::Sv => format!("Uppgifterna gäller per {date}."),
    }
}

/// The page that is in `lang`, relative to the site's folder (`./` is its index.html).
pub fn page_link(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "./",
        Lang::Sv => "sv.html",
    }
}

pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    let s = t(lang);
    match kind {
        Kind::Country => s.kind_country,
        Kind::Office => s.kind_office,
        Kind::Scout => s.kind_scout,
        Kind::Group => s.kind_group,
        Kind::Organisation => s.kind_organisation,
    }
}

pub fn region_name(region: Region, lang: Lang) -> &'static str {
    let s = t(lang);
    match region {
        Region::Europe => s.region_europe,
        Region::Asia => s.region_asia,
        Region::Americas => s.region_americas,
        Region::MiddleEastAfrica => s.region_middle_east_africa,
    }
}

/// "3 entries" / "1 entry" / "3 poster" / "1 post".
pub fn result_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 entry".into(),
        (Lang::En, n) => format!("{n} entries"),
        (Lang::Sv, 1) => "1 post".into(),
        (Lang::Sv, n) => format!("{n} poster"),
    }
}

/// "Show 30 more (of 2178 not shown)".
pub fn show_more(next: usize, hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Show {next} more ({hidden} not shown yet)"),
        Lang::Sv => format!("Visa {next} till ({hidden} visas inte än)"),
    }
}

/// "…and 70 more in the directory below".
pub fn more_in_directory(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("…and {n} more in the directory below."),
        Lang::Sv => format!("…och {n} till i förteckningen nedan."),
    }
}

/// "…and 170 more in the timeline below".
pub fn more_in_timeline(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("…and {n} more in the timeline below."),
        Lang::Sv => format!("…och {n} till i tidslinjen nedan."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ui_string_has_both_languages() {
        for lang in Lang::ALL {
            for (key, text) in t(lang).entries() {
                assert!(!text.trim().is_empty(), "UI string {key} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn swedish_ui_is_swedish() {
        assert_eq!(t(Lang::Sv).search_label, "Sök");
        assert_eq!(t(Lang::En).other_language, "Svenska");
        assert_eq!(t(Lang::Sv).other_language, "English");
        assert_eq!(result_count(2, Lang::Sv), "2 poster");
        assert_eq!(result_count(1, Lang::En), "1 entry");
    }
}
