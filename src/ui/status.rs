//! What the visitor sees while the data loads or when it cannot be shown, and the editors'
//! panel: the data problems, and the way to the web editor.

use leptos::prelude::*;

use crate::i18n::t;

use super::state::{AppState, LoadState};

#[component]
pub fn LoadStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || match state.load.get() {
        // The page's content is there and usable while the data comes (also when the editor's
        // preview loads a new draft): nothing to say.
        LoadState::Loading => ().into_any(),
        LoadState::Failed(error) => view! {
            <div class="alert" role="alert">
                <h2>{t(lang).error_heading}</h2>
                <p class="alert-message">{error.message(lang)}</p>
                <button type="button" on:click=move |_| state.reload()>{t(lang).try_again}</button>
            </div>
        }
        .into_any(),
        LoadState::Ready(_) => ().into_any(),
    }
}

/// Records that were left out or shown without their link, with a link to the web editor to
/// fix them. Shown when the file has problems (collapsed, so visitors are not alarmed) and
/// always with `?debug=1` (open), also when the published file could not be read at all.
#[component]
pub fn DataProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let debug = move || state.view.with(|v| v.debug);
    let problems = move || state.ready().map(|r| r.loaded.problems.clone()).unwrap_or_default();
    let shown = move || debug() || !problems().is_empty();
    view! {
        <Show when=shown>
            <details class="data-problems" open=debug>
                <summary>{move || format!("{} ({})", t(lang).data_problems_heading, problems().len())}</summary>
                {move || if problems().is_empty() {
                    view! { <p>{t(lang).no_problems}</p> }.into_any()
                } else {
                    view! {
                        <p>{t(lang).data_problems_intro}</p>
                        <ul>
                            {problems().into_iter().map(|p| view! { <li><code>{p.message(lang)}</code></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <EditorLink/>
            </details>
        </Show>
    }
}

/// To the web editor (editor.html, beside this page), in this page's language.
#[component]
fn EditorLink() -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let href = format!("editor.html?lang={}", lang.code());
    view! { <p><a href=href target="_self">{t(lang).open_editor}</a></p> }
}

/// The data problems panel also when the published file could not be read at all (debug).
#[component]
pub fn EditorPanelOnError() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let failed = move || matches!(state.load.get(), LoadState::Failed(_)) && state.view.with(|v| v.debug);
    view! {
        <Show when=failed>
            <section class="data-problems" aria-labelledby="editor-heading">
                <h2 id="editor-heading">{t(lang).data_problems_heading}</h2>
                <EditorLink/>
            </section>
        </Show>
    }
}

/// In the web editor's preview (`?draft=1`): say that this is the draft, not what is published.
#[component]
pub fn DraftBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <Show when=move || state.view.with(|v| v.draft)>
            // Without a saved draft (the editor's browser could not store it) the published data
            // shows: said, never passed off as the draft.
            <p class="preview-banner" role="status">
                {if super::loader::has_draft() { t(lang).previewing_draft } else { t(lang).no_draft_to_preview }}
            </p>
        </Show>
    }
}
