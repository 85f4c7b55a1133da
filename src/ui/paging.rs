//! Long lists (the directory, the timeline) show a page at a time: rendering thousands of rows
//! would cost frames on every keystroke with a large dataset.

use leptos::prelude::*;

use crate::dataset::Lang;

/// How many rows of a list show: one page, back to one page whenever `source` changes.
#[derive(Clone, Copy)]
pub struct Paging {
    shown: RwSignal<usize>,
    page: usize,
}

impl Paging {
    pub fn new<T: Send + Sync + 'static>(source: Memo<T>, page: usize) -> Paging {
        Paging::starting_with(source, page, page)
    }

    /// Like [`Paging::new`], but the list's very first render shows only `first` rows (enough
    /// to fill a screen) and fills up to a page in the next task: on a slow phone, building a
    /// whole page at once would block input for long while the app starts.
    pub fn starting_with<T: Send + Sync + 'static>(source: Memo<T>, page: usize, first: usize) -> Paging {
        let shown = RwSignal::new(first.min(page));
        if first < page {
            set_timeout(move || shown.update(|n| *n = (*n).max(page)), std::time::Duration::ZERO);
        }
        // Back to one page whenever the list changes (not at creation: `first` stands then).
        Effect::new(move |created: Option<()>| {
            source.track();
            if created.is_some() {
                shown.set(page);
            }
        });
        Paging { shown, page }
    }

    /// Rows to render now (tracked).
    pub fn limit(self) -> usize {
        self.shown.get()
    }
}

/// "Show 30 more (2178 not shown yet)", when `total` rows exceed what shows.
#[component]
pub fn ShowMore(paging: Paging, #[prop(into)] total: Signal<usize>, lang: Memo<Lang>) -> impl IntoView {
    let hidden = move || total.get().saturating_sub(paging.limit());
    view! {
        <Show when=move || { hidden() > 0 }>
            <button type="button" class="show-more" on:click=move |_| paging.shown.update(|n| *n += paging.page)>
                {move || crate::i18n::show_more(hidden().min(paging.page), hidden(), lang.get())}
            </button>
        </Show>
    }
}
