//! The app in the page's `#atlas`: it takes over the page's map, side panel, directory and
//! timeline, and puts its notices above them.
//! The header, footer, skip link and language switch are the static page's (see `page.rs`).

use leptos::prelude::*;
use leptos_router::components::Router;

use leptos::portal::Portal;

use super::details::take_over_side_panel;
use super::directory::take_over_directory;
use super::dom::by_id;
use super::frame::one_task_each;
use super::map::take_over_map;
use super::page;
use super::page_data::follow_data;
use super::state::AppState;
use super::status::{DataProblems, DraftBanner, EditorPanelOnError, LoadStatus};
use super::timeline::take_over_timeline;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Page/>
        </Router>
    }
}

#[component]
fn Page() -> impl IntoView {
    let state = AppState::provide();
    page::follow_view_in_language_switch(state.view, state.lang);
    // Everything the visitor sees is the page's: taken over, never built again. Newer data
    // than the page's is written in place first.
    let revision = follow_data(state);
    // The map, then the side panel, then the directory and the timeline below them, each in a
    // task of its own after the one that mounts the app: one long task at start (its code
    // compiled as it first runs) would keep a phone from answering a tap for its whole length.
    let taken_over = RwSignal::new(false);
    one_task_each(vec![
        Box::new(move || take_over_map(state, revision)),
        Box::new(move || take_over_side_panel(state, revision)),
        Box::new(move || {
            take_over_directory(state, revision);
            take_over_timeline(state);
            taken_over.set(true);
        }),
    ]);
    page::mark_ready_while(Memo::new(move |_| taken_over.get() && state.ready().is_some()));

    // The editor's preview follows the draft as the editor saves it (a storage event here).
    if state.view.with_untracked(|v| v.draft) {
        let handle = window_event_listener(leptos::ev::storage, move |_| state.reload());
        on_cleanup(move || handle.remove());
    }

    // The notices go above the map, in the place the page keeps for them.
    let notices = by_id("app-notices").or_else(|| document().body().map(Into::into));
    view! {
        <Portal mount=notices.expect("the page has a body")>
            <DraftBanner/>
            <LoadStatus/>
            <EditorPanelOnError/>
            <DataProblems/>
        </Portal>
    }
}
