//! The initiative's dated facts in order, narrowed by the directory's filters, and the annual
//! cycle of recurring activities by month.
//!
//! ```
//! use innovation_atlas::{timeline, validate::read_dataset, directory::Filter, dataset::Lang};
//! let data = read_dataset(include_str!("../public/data/initiative.json")).unwrap().dataset;
//! let korea = Filter { country: Some("KR".into()), ..Filter::default() };
//! let events = timeline::events(&data, &korea, Lang::En);
//! assert!(events.iter().all(|e| e.countries.contains(&"KR".to_string())));
//! assert!(events.windows(2).all(|w| w[0].date <= w[1].date));
//! ```

use crate::countries;
use crate::dataset::{Activity, Dataset, Event, Lang};
use crate::directory::{Filter, Kind};
use crate::text::fold;

/// `YYYY[-MM[-DD]]` as (year, month, day) with 0 for what is not given, so a year sorts
/// before the dated facts within it.
pub fn date_key(date: &str) -> (u32, u32, u32) {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The dated facts that pass the filters (country, region, search text), oldest first.
/// A kind filter other than "country" hides them: they are facts about countries.
///
/// Builds the search index each call; the app keeps a [`Timeline`] instead.
pub fn events<'a>(data: &'a Dataset, filter: &Filter, lang: Lang) -> Vec<&'a Event> {
    Timeline::new(data).events(data, filter, lang)
}

/// The dated facts sorted once, with their folded search text per language: filtering then
/// costs no allocation per fact, which matters on every keystroke with a large dataset.
pub struct Timeline {
    /// Indices into `Dataset::events`, oldest first.
    order: Vec<usize>,
    /// Per event (same index as `Dataset::events`): title, country names and date, folded,
    /// in English and Swedish.
    haystacks: Vec<[String; 2]>,
}

impl Timeline {
    pub fn new(data: &Dataset) -> Timeline {
        let order = crate::order::indices_by(data.events.len(), &|a, b| {
            let (a, b) = (&data.events[a], &data.events[b]);
            (date_key(&a.date), &a.id).cmp(&(date_key(&b.date), &b.id))
        });
        let haystacks = data
            .events
            .iter()
            .map(|e| {
                Lang::ALL.map(|lang| {
                    let names: Vec<String> = e.countries.iter().map(|c| countries::display_name(c, lang)).collect();
                    fold(&format!("{} {} {}", e.title.get(lang), names.join(" "), e.date))
                })
            })
            .collect();
        Timeline { order, haystacks }
    }

    /// The facts of `data` (the dataset this was built from) that pass `filter`, oldest first.
    pub fn events<'a>(&self, data: &'a Dataset, filter: &Filter, lang: Lang) -> Vec<&'a Event> {
        if filter.kind.is_some_and(|k| k != Kind::Country) || filter.org.is_some() {
            return Vec::new();
        }
        let words: Vec<String> = fold(&filter.q).split_whitespace().map(str::to_string).collect();
        self.order
            .iter()
            .filter(|&&i| words.iter().all(|w| self.haystacks[i][lang.index()].contains(w.as_str())))
            .map(|&i| &data.events[i])
            .filter(|e| filter.country.as_ref().is_none_or(|c| e.countries.contains(c)))
            .filter(|e| filter.region.is_none_or(|r| e.countries.iter().any(|c| data.country(c).is_some_and(|c| c.region == r))))
            .collect()
    }
}

/// A date as a reader of `lang` writes it: "31 January 2017", "November 2017", "2018";
/// "31 januari 2017", "november 2017".
pub fn format_date(date: &str, lang: Lang) -> String {
    let (year, month, day) = date_key(date);
    let month_name = month_name(month, lang);
    match (month, day) {
        (0, _) => year.to_string(),
        (_, 0) => format!("{month_name} {year}"),
        _ => format!("{day} {month_name} {year}"),
    }
}

pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const EN: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const SV: [&str; 12] =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
    let i = (month as usize).wrapping_sub(1);
    match lang {
        Lang::En => EN.get(i).copied().unwrap_or(""),
        Lang::Sv => SV.get(i).copied().unwrap_or(""),
    }
}

/// The recurring activities of each month (1–12) that pass the country and region filters.
pub fn annual_cycle<'a>(data: &'a Dataset, filter: &Filter) -> Vec<(u32, Vec<&'a Activity>)> {
    (1..=12)
        .map(|month| {
            let in_month = data
                .activities
                .iter()
                .filter(|a| a.months.contains(&month))
                .filter(|a| filter.country.as_ref().is_none_or(|c| a.countries.is_empty() || a.countries.contains(c)))
                .filter(|a| {
                    filter.region.is_none_or(|r| {
                        a.countries.is_empty() || a.countries.iter().any(|c| data.country(c).is_some_and(|c| c.region == r))
                    })
                })
                .collect();
            (month, in_month)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sort_year_then_month_then_day() {
        let mut dates = vec!["2019-06", "2017-11", "2017", "2017-01-31", "2009"];
        dates.sort_by_key(|d| date_key(d));
        assert_eq!(dates, ["2009", "2017", "2017-01-31", "2017-11", "2019-06"]);
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        assert_eq!(format_date("2017-01-31", Lang::En), "31 January 2017");
        assert_eq!(format_date("2017-01-31", Lang::Sv), "31 januari 2017");
        assert_eq!(format_date("2019-06", Lang::Sv), "juni 2019");
        assert_eq!(format_date("2018", Lang::En), "2018");
    }
}
