//! Long lists (the directory, the timeline) show a page at a time: rendering thousands of rows
//! would cost frames on every keystroke with a large dataset.

use leptos::prelude::*;

use crate::dataset::Lang;

use super::frame::after_next_paint;

/// How many rows of a list show: one page, back to one page whenever `source` changes.
///
/// A page comes in two steps: `first` rows (a screenful) at once, the rest of the page once
/// that is painted. Building a whole page at once would hold a slow phone's next keystroke.
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
            source.track();
            previous.map_or(0, |n| n + 1)
        });
        let asked = RwSignal::new((0, first));
        let limit = Memo::new(move |_| {
            let (change, rows) = asked.get();
            if change == changes.get() { rows } else { first }
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

    /// Rows to render now (tracked).
    pub fn limit(self) -> usize {
        self.limit.get()
    }

    fn show_more(self) {
        self.asked.set((self.changes.get_untracked(), self.limit.get_untracked() + self.page));
    }
}

/// "Show 30 more (2178 not shown yet)", when `total` rows exceed what shows.
#[component]
pub fn ShowMore(paging: Paging, #[prop(into)] total: Signal<usize>, lang: Memo<Lang>) -> impl IntoView {
    let hidden = move || total.get().saturating_sub(paging.limit());
    view! {
        <Show when=move || { hidden() > 0 }>
            <button type="button" class="show-more" on:click=move |_| paging.show_more()>
                {move || crate::i18n::show_more(hidden().min(paging.page), hidden(), lang.get())}
            </button>
        </Show>
    }
}
