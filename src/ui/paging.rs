//! Long lists (the directory, the timeline) show a page at a time: rendering thousands of rows
//! would cost frames on every keystroke with a large dataset.

use leptos::prelude::*;

use super::frame::after_next_paint;

/// How many rows of a list show: one page (as the page ships it), back to one page whenever
/// `source` changes.
///
/// After a change a page comes in two steps: `first` rows (a screenful) at once, the rest of
/// the page once that is painted. Writing a whole page at once would hold a slow phone's next
/// keystroke.
#[derive(Clone, Copy)]
pub struct Paging {
    limit: Memo<usize>,
    /// Rows asked for since `source` last changed: (that change's number, rows).
    asked: RwSignal<(u64, usize)>,
    changes: Memo<u64>,
    page: usize,
}

impl Paging {
    pub fn new<T: Send + Sync + 'static>(source: Memo<T>, page: usize, first: usize) -> Paging {
        let first = first.min(page);
        // Counts the source's changes, so that what was asked for applies to one list only.
        let changes = Memo::new(move |previous: Option<&u64>| {
            // Read, not only tracked: a memo read by nothing else must run to notice a change.
            source.with(|_| ());
            previous.map_or(0, |n| n + 1)
        });
        // The page ships the first page whole: that is what shows until the list changes.
        let asked = RwSignal::new((0, page));
        let limit = Memo::new(move |_| {
            let (change, rows) = asked.get();
            if change == changes.get() {
                rows
            } else {
                first
            }
        });
        // Fills up to a page once the screenful is painted, unless the list changed again.
        Effect::new(move || {
            let change = changes.get();
            after_next_paint(move || {
                if changes.try_get_untracked() == Some(change) && limit.try_get_untracked().is_some_and(|l| l < page) {
                    asked.set((change, page));
                }
            });
        });
        Paging { limit, asked, changes, page }
    }

    /// Rows to render now of `total` (tracked): see [`rows_shown`].
    pub fn shown(self, total: usize) -> usize {
        rows_shown(self.limit.get(), total, self.page)
    }

    /// The rows a page holds.
    pub fn page_size(self) -> usize {
        self.page
    }

    /// One page more.
    pub fn show_more(self) {
        self.asked.set((self.changes.get_untracked(), self.limit.get_untracked() + self.page));
    }
}

pub use crate::static_page::directory::rows_shown;
