//! The app inside the page's `#atlas`: the status line, map, details, directory and timeline.
//! The header, footer, skip link and language switch are the static page's (see `page.rs`).

use leptos::prelude::*;
use leptos_router::components::Router;

use super::details::CountryDetails;
use super::directory::DirectorySection;
use super::map::WorldMap;
use super::page;
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
    let ready = Memo::new(move |_| state.ready().is_some());
    let stage = reveal_in_stages(ready);
    // The static content stays until the app can show all of it at once: swapping part by
    // part would move what is below.
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

    view! {
        <DraftBanner/>
        <LoadStatus/>
        <EditorPanelOnError/>
        <div class="app-content" hidden=move || !complete()>
            <Show when=move || { stage.get() >= Stage::Map }>
                <DataProblems/>
                // Beside each other on a wide screen, the details after the map on a phone.
                <div class="atlas-view">
                    <WorldMap/>
                    <div class="side-panel"><CountryDetails/></div>
                </div>
            </Show>
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
    Map,
    Directory,
    All,
}

/// Once the data is ready, the map (and details) are built in the next task, the directory in
/// the one after and the timeline last. On a slow phone one task reading the data and building
/// the whole page would block input for hundreds of milliseconds; shorter ones do not.
fn reveal_in_stages(ready: Memo<bool>) -> ReadSignal<Stage> {
    let (stage, set_stage) = signal(Stage::Nothing);
    fn advance(ready: Memo<bool>, set_stage: WriteSignal<Stage>, next: Stage) {
        set_timeout(
            move || {
                // The data may have gone again (an editor's reload) before this task ran.
                if ready.get_untracked() {
                    set_stage.set(next);
                    match next {
                        Stage::Map => advance(ready, set_stage, Stage::Directory),
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
            advance(ready, set_stage, Stage::Map);
        } else {
            set_stage.set(Stage::Nothing);
        }
    });
    stage
}
