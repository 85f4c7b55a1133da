//! What the visitor sees while the data loads or when it cannot be shown, and the editors'
//! panel: the data problems, and a preview of a local file before it is published.

use leptos::prelude::*;

use crate::i18n::t;
use crate::validate::read_dataset;

use super::page;
use super::state::{AppState, LoadState};

#[component]
pub fn LoadStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || match state.load.get() {
        // At first the static content is there and usable: nothing to say until the data is in.
        // Once the app has taken over (an editor's reload), say that it is coming.
        LoadState::Loading if page::static_content_present() => ().into_any(),
        LoadState::Loading => view! { <p class="loading" role="status">{t(lang).loading}</p> }.into_any(),
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

/// Records that were left out or shown without their link, and the local-file preview.
/// Shown when the file has problems (collapsed, so visitors are not alarmed) and always with
/// `?debug=1` (open), also when the published file could not be read at all.
#[component]
pub fn DataProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let debug = move || state.view.with(|v| v.debug);
    let problems = move || state.ready().map(|r| r.loaded.problems.clone()).unwrap_or_default();
    let preview_of = move || state.ready().and_then(|r| r.preview_of.clone());
    let shown = move || debug() || !problems().is_empty() || preview_of().is_some();
    view! {
        <Show when=shown>
            <details class="data-problems" open=move || debug() || preview_of().is_some()>
                <summary>{move || format!("{} ({})", t(lang).data_problems_heading, problems().len())}</summary>
                {move || preview_of().map(|name| view! {
                    <p class="preview-banner" role="status">
                        {t(lang).previewing} " " <code>{name}</code> ". " {t(lang).nothing_uploaded} " "
                        <button type="button" on:click=move |_| state.reload()>{t(lang).back_to_published}</button>
                    </p>
                })}
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
                <EditorPreview/>
            </details>
        </Show>
    }
}

/// Pick or drop a local `initiative.json` to see it in the app. It is read in the browser
/// only: nothing is uploaded and nothing is stored.
#[component]
pub fn EditorPreview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let (dragging, set_dragging) = signal(false);
    let open_file = move |file: web_sys::File| {
        let name = file.name();
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            state.show(read_dataset(&text), Some(name));
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            open_file(file);
        }
    };
    view! {
        <div class="editor-preview" class:dragging=dragging
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); set_dragging.set(true); }
            on:dragleave=move |_| set_dragging.set(false)
            on:drop=on_drop>
            <label for="preview-file">{t(lang).preview_label}</label>
            <input id="preview-file" type="file" accept=".json,application/json" on:change=on_pick/>
            <p class="hint">{t(lang).preview_hint}</p>
        </div>
    }
}

/// The editor panel also when the published file could not be read at all.
#[component]
pub fn EditorPanelOnError() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let failed = move || matches!(state.load.get(), LoadState::Failed(_)) && state.view.with(|v| v.debug);
    view! {
        <Show when=failed>
            <section class="data-problems" aria-labelledby="editor-heading">
                <h2 id="editor-heading">{t(lang).data_problems_heading}</h2>
                <EditorPreview/>
            </section>
        </Show>
    }
}

