//! What the visitor sees while the data loads or when it cannot be shown, and the editors'
//! list of data problems.

use leptos::prelude::*;

use crate::i18n::t;

use super::state::{AppState, LoadState};

#[component]
pub fn LoadStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || match state.load.get() {
        LoadState::Loading => view! {
            <p class="loading" role="status">{t(lang.get()).loading}</p>
        }
        .into_any(),
        LoadState::Failed(error) => view! {
            <div class="alert" role="alert">
                <h2>{t(lang.get()).error_heading}</h2>
                <p class="alert-message">{error.message(lang.get())}</p>
                <button type="button" on:click=move |_| state.reload()>{t(lang.get()).try_again}</button>
            </div>
        }
        .into_any(),
        LoadState::Ready(_) => ().into_any(),
    }
}

/// Records that were left out or shown without their link. Collapsed, so visitors are not
/// alarmed, and open with `?debug=1` for editors.
#[component]
pub fn DataProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let problems = move || state.ready().map(|r| r.loaded.problems.clone()).unwrap_or_default();
    let open = move || state.view.with(|v| v.debug);
    view! {
        <Show when=move || !problems().is_empty()>
            <details class="data-problems" open=open>
                <summary>{move || format!("{} ({})", t(lang.get()).data_problems_heading, problems().len())}</summary>
                <p>{move || t(lang.get()).data_problems_intro}</p>
                <ul>
                    {move || problems().into_iter().map(|p| view! { <li><code>{p.message(lang.get())}</code></li> }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}
