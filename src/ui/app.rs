//! The app in the page's `#atlas`: it takes over the page's map and side panel, puts its
//! notices above them, and builds the directory and timeline in place of the page's directory.
//! The header, footer, skip link and language switch are the static page's (see `page.rs`).

use leptos::prelude::*;
use leptos_router::components::Router;

use leptos::portal::Portal;

use super::details::take_over_side_panel;
use super::directory::DirectorySection;
use super::dom::by_id;
use super::map::take_over_map;
use super::page;
use super::page_data::follow_data;
use super::state::AppState;
use super::status::{DataProblems, DraftBanner, EditorPanelOnError, LoadStatus};
use super::timeline::TimelineSection;

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
    // The map and the panel beside it are the page's: taken over, never built again.
    let revision = follow_data(state);
    take_over_map(state, revision);
    take_over_side_panel(state, revision);
    let ready = Memo::new(move |_| state.ready().is_some());
    let stage = reveal_in_stages(ready);
    // The static directory stays until the app can show all of its own at once: swapping part
    // by part would move what is below.
    let complete = move || stage.get() == Stage::All;
    Effect::new(move || {
        if complete() {
            page::remove_static_content();
        }
    });

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
        <div class="app-content" hidden=move || !complete()>
            <Show when=move || { stage.get() >= Stage::Directory }>
                <DirectorySection/>
            </Show>
            <Show when=move || { stage.get() >= Stage::All }>
                <TimelineSection/>
            </Show>
        </div>
    }
}

/// How much of the app is built, in the order a visitor sees it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Stage {
    Nothing,
    Directory,
    All,
}

/// Once the data is ready, the directory is built in the next task and the timeline in the one
/// after. On a slow phone one task reading the data and building both would block input for
/// hundreds of milliseconds; shorter ones do not.
fn reveal_in_stages(ready: Memo<bool>) -> ReadSignal<Stage> {
    let (stage, set_stage) = signal(Stage::Nothing);
    fn advance(ready: Memo<bool>, set_stage: WriteSignal<Stage>, next: Stage) {
        set_timeout(
            move || {
                // The data may have gone again (an editor's reload) before this task ran.
                if ready.get_untracked() {
                    set_stage.set(next);
                    match next {
                        // One task more: the directory's first rows fill up to a page first
                        // (ui/paging.rs), so nothing below them moves once it shows.
                        Stage::Directory => set_timeout(move || advance(ready, set_stage, Stage::All), std::time::Duration::ZERO),
                        Stage::Nothing | Stage::All => {}
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }
    Effect::new(move || {
        if ready.get() {
            advance(ready, set_stage, Stage::Directory);
        } else {
            set_stage.set(Stage::Nothing);
        }
    });
    stage
}
