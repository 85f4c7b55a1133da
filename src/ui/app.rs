//! The page: header, the status line, map, details and directory, footer.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::dataset::Lang;
use crate::i18n::t;

use super::details::CountryDetails;
use super::directory::DirectorySection;
use super::map::WorldMap;
use super::state::{AppState, History};
use super::timeline::TimelineSection;
use super::status::{DataProblems, EditorPanelOnError, LoadStatus};

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
    let lang = state.lang;
    let embed = Memo::new(move |_| state.view.with(|v| v.embed));
    follow_language_in_document(lang);
    Effect::new(move || {
        if let Some(body) = document().body() {
            body.set_class_name(if embed.get() { "embed" } else { "" });
        }
    });
    let ready = Memo::new(move |_| state.ready().is_some());
    let stage = reveal_in_stages(ready);

    view! {
        <a class="skip-link" href="#directory-heading" on:click=skip_to_directory>
            {move || t(lang.get()).skip_to_directory}
        </a>
        <header class="page-header" class:visually-hidden=embed>
            <h1>{move || t(lang.get()).app_title}</h1>
            <p class="intro">{move || t(lang.get()).intro}</p>
        </header>
        <main id="main">
            <div class="toolbar">
                <LanguageSwitch/>
            </div>
            <LoadStatus/>
            <EditorPanelOnError/>
            <Show when=move || { stage.get() >= Stage::Map }>
                <DataProblems/>
                <WorldMap/>
                <CountryDetails/>
            </Show>
            <Show when=move || { stage.get() >= Stage::Directory }>
                <DirectorySection/>
            </Show>
            <Show when=move || { stage.get() >= Stage::All }>
                <TimelineSection/>
            </Show>
        </main>
        // After the data: a footer shown while loading would jump down when the content arrives.
        <Show when=move || { !embed.get() && stage.get() >= Stage::All }>
            <Footer/>
        </Show>
    }
}

/// How much of the page shows below the status line, in the order a visitor sees it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Stage {
    Nothing,
    Map,
    Directory,
    All,
}

/// Once the data is ready, the map (and details) render in the next task, the directory in
/// the one after and the timeline and footer last. On a slow phone one task reading the data
/// and building the whole page would block input for hundreds of milliseconds; shorter
/// ones do not.
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
                        Stage::Directory => {
                            set_timeout(move || advance(ready, set_stage, Stage::All), std::time::Duration::ZERO)
                        }
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

/// `<html lang>` and the document title follow the chosen language.
fn follow_language_in_document(lang: Memo<Lang>) {
    Effect::new(move || {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        document().set_title(t(lang).app_title);
    });
}

/// The router would treat `#…` as a navigation; move focus to the directory instead.
fn skip_to_directory(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(heading) = document().get_element_by_id("directory-heading") {
        use wasm_bindgen::JsCast;
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
            heading.scroll_into_view();
        }
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let other = move || match state.lang.get() {
        Lang::En => Lang::Sv,
        Lang::Sv => Lang::En,
    };
    let switch = move |_| {
        let next = other();
        state.update_view(History::Replace, |v| v.lang = Some(next));
    };
    view! {
        <button type="button" class="language-switch" lang=move || other().code() on:click=switch>
            {move || t(state.lang.get()).other_language}
        </button>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let statement = move || match lang.get() {
        Lang::En => "accessibility.html",
        Lang::Sv => "tillganglighet.html",
    };
    view! {
        <footer class="page-footer">
            <p>
                {move || t(lang.get()).footer_source} " 2020-10-22. "
                <a href="https://www.vinnova.se/en/m/international-innovation-initiative/" target="_blank" rel="noopener noreferrer">
                    "vinnova.se" <span class="visually-hidden">" " {move || t(lang.get()).new_tab}</span>
                </a>
            </p>
            <p><a href=statement target="_self" rel="external">{move || t(lang.get()).accessibility_link}</a></p>
        </footer>
    }
}
