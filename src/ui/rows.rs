//! The directory's rows in the page's list, keyed by entry: the page ships the first page; a
//! change of filters hides the rows that no longer match, shows the ones that do, and writes
//! (with the build's own `static_page::directory::entry_row`) only those not in the list yet,
//! each in its place in the directory's order. A keystroke that narrows the list touches no
//! row that stays.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::dataset::Lang;
use crate::directory::Filter;
use crate::static_page::directory::entry_row;

use super::dom::{find_all, set_hidden};
use super::state::Ready;

/// The rows in the list, by their place in the directory's order.
#[derive(Default)]
pub struct Rows {
    /// The data the rows were read for: another load means another list.
    data: Option<Arc<Ready>>,
    /// Entry index → its place in the directory's order.
    place: Vec<usize>,
    /// Place → (entry index, its `<li>`).
    rows: BTreeMap<usize, (usize, web_sys::Element)>,
}

impl Rows {
    /// Shows exactly the entries `wanted` (indices, in the directory's order) in `list`.
    pub fn show(&mut self, list: &web_sys::Element, ready: &Arc<Ready>, wanted: &[usize], lang: Lang) {
        if self.data.as_ref().is_none_or(|d| !Arc::ptr_eq(d, ready)) || !self.rows.values().all(|(_, li)| li.is_connected()) {
            self.read(list, ready, lang);
        }
        let wanted_set: HashSet<usize> = wanted.iter().copied().collect();
        for (index, li) in self.rows.values() {
            set_hidden(li, !wanted_set.contains(index));
        }
        for &index in wanted {
            let Some(&place) = self.place.get(index) else { continue };
            if self.rows.contains_key(&place) {
                continue;
            }
            let html = entry_row(&ready.directory.entries[index], index, lang);
            // Before the first row that comes after it, else at the end.
            let li = match self.rows.range(place..).next() {
                Some((_, (_, next))) => next.insert_adjacent_html("beforebegin", &html).ok().and_then(|_| next.previous_element_sibling()),
                None => list.insert_adjacent_html("beforeend", &html).ok().and_then(|_| list.last_element_child()),
            };
            if let Some(li) = li {
                self.rows.insert(place, (index, li));
            }
        }
    }

    /// Reads the rows the list holds (the page's, or what newer data wrote) for `ready`.
    fn read(&mut self, list: &web_sys::Element, ready: &Arc<Ready>, lang: Lang) {
        let everything = Filter::default();
        self.place = vec![0; ready.directory.entries.len()];
        for (place, index) in ready.directory.matching_indices(&everything, lang).enumerate() {
            self.place[index] = place;
        }
        self.rows.clear();
        for li in find_all(list, "li.entry[data-entry]") {
            let index = li.get_attribute("data-entry").and_then(|i| i.parse::<usize>().ok());
            match index.and_then(|i| Some((i, *self.place.get(i)?))) {
                Some((index, place)) => {
                    self.rows.insert(place, (index, li));
                }
                // Not a row of this data: gone.
                None => li.remove(),
            }
        }
        self.data = Some(ready.clone());
    }
}
