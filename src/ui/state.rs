//! The one place that owns the app's state: the view (read from the URL), the language, the
//! loaded data, and the few transient things components share (map highlight, focus return).
//!
//! Components get it with `expect_context::<AppState>()`; it is `Copy`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::dataset::Lang;
use crate::directory::{Directory, Filter, Outcome};
use crate::timeline::Timeline;
use crate::validate::{LoadError, Loaded};
use crate::view_state::ViewState;

use super::{frame, loader};

/// Where the data is in its journey.
#[derive(Clone)]
pub enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Ready>),
}

/// A readable dataset with its directory and timeline built once.
pub struct Ready {
    pub loaded: Loaded,
    pub directory: Directory,
    pub timeline: Timeline,
}

impl Ready {
    /// Indexes the data for the directory and the timeline.
    fn new(loaded: Loaded) -> Ready {
        let directory = Directory::new(&loaded.dataset);
        let timeline = Timeline::new(&loaded.dataset);
        Ready { loaded, directory, timeline }
    }
}

/// Identity: two `Ready`s are equal only if they are the same load, so memos over them
/// notify when (and only when) new data arrives.
impl PartialEq for Ready {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The router's navigation function, stored so that `AppState` stays `Copy`.
type Navigate = Box<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Whether a view change gets its own history entry (so Back undoes it).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    Push,
    Replace,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub view: Memo<ViewState>,
    /// The page's language: each language has its own page (`index.html`, `sv.html`).
    pub lang: Lang,
    pub load: RwSignal<LoadState>,
    /// The filter the directory's list shows: what is typed at once, a country selected a
    /// painted frame later (the click's frame is the details'; the list is below them).
    pub list_filter: Memo<Filter>,
    /// What `list_filter` decides (the list, the options' counts, the map's lit countries), once
    /// per change, shared by the directory and the map.
    pub outcome: Memo<Option<Outcome>>,
    /// `view` and `outcome` one painted frame behind: what a keystroke changes besides the
    /// list itself (the map's dimming, the options' counts, the timeline) follows these, so
    /// that the list reaches the screen first.
    pub settled_view: Signal<ViewState>,
    pub settled_outcome: Memo<Option<Outcome>>,
    /// Countries marked on the map because a directory entry has the pointer or focus.
    pub highlight: RwSignal<Vec<String>>,
    /// Set when the visitor selects a country, so the details heading takes focus.
    pub focus_details: RwSignal<bool>,
    /// Where focus goes back to when the details close: what had it when they opened.
    return_focus: StoredValue<Option<web_sys::Element>, LocalStorage>,
    navigate: StoredValue<Navigate>,
    path: Memo<String>,
    /// In a host page's iframe with `embed.js`: the host's address, for "Copy link".
    host_link: StoredValue<Option<super::host::HostLink>>,
    /// Search text typed but not yet in the address bar: see [`AppState::set_search`].
    pending_search: RwSignal<Option<String>>,
    search_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// A view shown before the address bar has it: see [`AppState::set_view`].
    pending_view: RwSignal<Option<ViewState>>,
    /// The address bar's changes still to make, in order, once the view is painted.
    address_writes: StoredValue<Vec<(ViewState, History)>>,
}

/// How long typing must pause before the search text goes to the address bar.
const SEARCH_TO_URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

impl AppState {
    /// Creates the state, provides it as context and starts loading the data.
    pub fn provide() -> AppState {
        let query = use_query_map();
        let pending_search = RwSignal::new(None::<String>);
        let pending_view = RwSignal::new(None::<ViewState>);
        let view = Memo::new(move |_| {
            if let Some(view) = pending_view.get() {
                return view;
            }
            let mut view = query.with(|q| ViewState::from_lookup(|k| q.get(k)));
            if let Some(q) = pending_search.get() {
                view.filter.q = q;
            }
            view
        });
        let lang = super::page::page_lang();
        let location = use_location();
        let load = RwSignal::new(LoadState::Loading);
        let settled_view = frame::settled(view);
        // The list follows what is typed at once; a country selected narrows it a frame later,
        // once the country's details are on screen.
        let list_filter = Memo::new(move |_| {
            let mut filter = view.with(|v| v.filter.clone());
            filter.country = settled_view.with(|s| s.filter.country.clone());
            filter
        });
        let outcome = Memo::new(move |_| {
            let LoadState::Ready(ready) = load.get() else { return None };
            Some(list_filter.with(|f| ready.directory.outcome(f, lang)))
        });
        let settled_outcome = Memo::new(move |_| {
            let LoadState::Ready(ready) = load.get() else { return None };
            settled_view.with(|settled| {
                // Once settled, the view is the list's: reuse what the list computed.
                if list_filter.with_untracked(|f| *f == settled.filter) {
                    outcome.get_untracked()
                } else {
                    Some(ready.directory.outcome(&settled.filter, lang))
                }
            })
        });
        let state = AppState {
            view,
            lang,
            load,
            list_filter,
            outcome,
            settled_view,
            settled_outcome,
            highlight: RwSignal::new(Vec::new()),
            focus_details: RwSignal::new(false),
            return_focus: StoredValue::new_local(None),
            navigate: StoredValue::new(Box::new(use_navigate())),
            path: Memo::new(move |_| location.pathname.get()),
            host_link: StoredValue::new(None),
            pending_search,
            search_timer: StoredValue::new_local(None),
            pending_view,
            address_writes: StoredValue::new(Vec::new()),
        };
        // Back, Forward or any navigation: the address bar wins over what is still pending.
        Effect::new(move || {
            query.track();
            state.cancel_pending_search();
            if state.pending_view.with_untracked(Option::is_some) {
                state.pending_view.set(None);
                state.address_writes.update_value(Vec::clear);
            }
        });
        provide_context(state);
        if view.with_untracked(|v| v.embed) {
            // The host page learns the view the atlas opened with, and answers with its address.
            super::host::listen(state);
            super::host::report(&view.get_untracked(), History::Replace);
        }
        state.reload();
        state
    }

    /// Fetches the published dataset (again) and shows it. Reading the file, indexing it and
    /// showing it are three tasks, not one long one: the browser answers a click or a key
    /// between them (a long task is what Lighthouse counts as blocking time).
    pub fn reload(self) {
        self.load.set(LoadState::Loading);
        leptos::task::spawn_local(async move {
            let draft = self.view.with_untracked(|v| v.draft);
            let state = match loader::load_dataset(draft).await {
                Ok(loaded) => {
                    frame::next_task().await;
                    LoadState::Ready(Arc::new(Ready::new(loaded)))
                }
                Err(e) => LoadState::Failed(e),
            };
            frame::next_task().await;
            self.load.set(state);
        });
    }

    /// The loaded data, if any (tracked).
    pub fn ready(self) -> Option<Arc<Ready>> {
        match self.load.get() {
            LoadState::Ready(r) => Some(r),
            _ => None,
        }
    }

    /// Shows `next` at once and writes it to the address bar once it is painted: the router's
    /// navigation (the browser's `pushState`) costs milliseconds the frame that shows a
    /// selected country cannot spare. In embed mode nothing adds history entries: they would
    /// land on the host page's Back button.
    pub fn set_view(self, next: ViewState, history: History) {
        let first = self.address_writes.with_value(Vec::is_empty);
        self.address_writes.update_value(|writes| {
            if history == History::Push && self.pending_search.with_untracked(Option::is_some) {
                // Back must return to what was typed, so it goes into the current entry first
                // (in an iframe: the host page's current entry).
                writes.push((self.view.get_untracked(), History::Replace));
            }
            match writes.last_mut() {
                // Replacing what is not written yet: one write, which keeps its own entry.
                Some(last) if history == History::Replace => last.0 = next.clone(),
                _ => writes.push((next.clone(), history)),
            }
        });
        self.pending_view.set(Some(next));
        // `next` holds any search text still pending; the address bar gets it with `next`.
        self.cancel_pending_search();
        if first {
            frame::after_next_paint(move || self.write_address());
        }
    }

    /// Makes the address bar's pending changes, then lets the view follow it again.
    fn write_address(self) {
        let Some(writes) = self.address_writes.try_update_value(std::mem::take) else { return };
        for (view, history) in writes {
            let url = format!("{}{}", self.path.get_untracked(), view.to_query());
            let replace = history == History::Replace || view.embed;
            let options = NavigateOptions { replace, scroll: false, resolve: false, ..NavigateOptions::default() };
            self.navigate.with_value(|navigate| navigate(&url, options));
            if view.embed {
                // The host page's history gets what this page's own would have had.
                super::host::report(&view, history);
            }
        }
        if self.pending_view.with_untracked(Option::is_some) {
            self.pending_view.set(None);
        }
    }

    /// Filters by the search text at once and writes it to the address bar when typing
    /// pauses: the router's navigation costs milliseconds a keystroke cannot spare with a
    /// large dataset, and the address bar needs no entry per keystroke.
    pub fn set_search(self, q: String) {
        self.pending_search.set(Some(q));
        self.search_timer.update_value(|timer| {
            if let Some(timer) = timer.take() {
                timer.clear();
            }
            *timer = set_timeout_with_handle(move || self.write_pending_search(), SEARCH_TO_URL_DELAY).ok();
        });
    }

    fn write_pending_search(self) {
        if self.pending_search.with_untracked(Option::is_some) {
            // The view already holds the text: set_view writes it, then drops what was pending.
            self.set_view(self.view.get_untracked(), History::Replace);
        }
    }

    fn cancel_pending_search(self) {
        if let Some(timer) = self.search_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        if self.pending_search.with_untracked(Option::is_some) {
            self.pending_search.set(None);
        }
    }

    /// Applies `change` to the current view.
    pub fn update_view(self, history: History, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.view.get_untracked();
        change(&mut next);
        self.set_view(next, history);
    }

    /// Selects a country: the details open and take focus, and Back closes them.
    pub fn select_country(self, code: Option<String>) {
        let Some(code) = code else { return self.close_country() };
        let details_open = self.view.with_untracked(|v| v.filter.country.is_some());
        if !details_open {
            self.return_focus.set_value(document().active_element());
        }
        self.focus_details.set(true);
        self.update_view(History::Push, |v| v.filter.country = Some(code));
    }

    /// Closes the details and gives focus back to where it was when they opened.
    pub fn close_country(self) {
        self.update_view(History::Replace, |v| v.filter.country = None);
        let target = self.return_focus.try_update_value(|t| t.take()).flatten();
        request_animation_frame(move || {
            let target = target.filter(|t| t.is_connected()).or_else(|| document().get_element_by_id("directory-heading"));
            if let Some(el) = target {
                crate::browser::focus(&el);
            }
        });
    }

    /// Back to the map from the details below it (on a phone): focus returns where it was when
    /// the details opened (else to the country on the map), and the map comes into view.
    pub fn back_to_map(self) {
        let code = self.view.with_untracked(|v| v.filter.country.clone());
        let target = self
            .return_focus
            .with_value(|t| t.clone())
            // A tap on the map focuses nothing: then focus went back to the page itself.
            .filter(|t| t.is_connected() && t.tag_name() != "BODY")
            .or_else(|| code.and_then(|c| document().get_element_by_id(&format!("map-country-{c}"))));
        if let Some(el) = target {
            super::scroll::focus_without_scrolling(&el);
        }
        if let Some(map) = document().query_selector(".map").ok().flatten() {
            super::scroll::bring_into_view(&map);
        }
    }

    /// The address of the current view, for "Copy link": in a host page that runs `embed.js`,
    /// the host's address with the view (what the visitor sees in the address bar); else this
    /// page's, as the standalone page (a shared link should not open one without its header).
    pub fn current_url(self) -> String {
        let view = self.view.get_untracked();
        if let Some(host) = self.host_link.get_value() {
            return view.host_link(&host.start, &host.link, host.frame_lang);
        }
        let location = window().location();
        let view = ViewState { embed: false, draft: false, ..view };
        format!("{}{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default(), view.to_query())
    }

    /// The host page says where it is and which view its address carries (on load, and after
    /// Back or Forward there): show that view.
    pub fn follow_host(self, view: &str, link: super::host::HostLink) {
        self.host_link.set_value(Some(link));
        let wanted = ViewState::from_query(view);
        let current = self.view.get_untracked();
        if wanted.filter != current.filter {
            self.set_view(ViewState { filter: wanted.filter, ..current }, History::Replace);
        }
    }
}
