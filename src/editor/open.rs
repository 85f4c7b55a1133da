//! Opening: the published file by default, a saved draft where there is one, a local file when
//! asked (picked or dropped). A draft that began from another version of the published file is
//! never silently kept or dropped: the editor asks.

use leptos::prelude::*;

use crate::browser::fetch_text;

use super::state::{Editor, Screen};
use super::storage::{self, Tabs};
use super::text::t;

/// Where the atlas's data is published, beside `editor.html`.
const PUBLISHED: &str = "data/initiative.json";

/// Starts the editor: the published file, the saved draft, the other tabs.
pub fn begin(editor: Editor) {
    watch_other_tabs(editor);
    storage::ask_before_leaving(move || editor.unsaved_work());
    storage::save_when_hidden(move || editor.save_pending());
    leptos::task::spawn_local(async move {
        let published = fetch_text(PUBLISHED).await;
        if let Ok(text) = &published {
            editor.published.set_value(Some(text.clone()));
        }
        match (storage::load(), published) {
            (Some(saved), Ok(text)) if saved.base == text => {
                editor.resume(&saved);
            }
            (Some(saved), Ok(_)) => {
                editor.stale_draft.set(Some(std::sync::Arc::new(saved)));
                editor.screen.set(Screen::Open);
            }
            (Some(saved), Err(_)) => {
                editor.resume(&saved);
            }
            (None, Ok(text)) => {
                editor.open(&text, "initiative.json");
            }
            (None, Err(error)) => {
                editor.open_error.set(Some(error.message(editor.lang)));
                editor.screen.set(Screen::Open);
            }
        }
    });
}

/// "Open another file": asks first if that would drop changes not yet downloaded.
pub fn open_another(editor: Editor) {
    if editor.unsaved_work() {
        let confirmed = window().confirm_with_message(t(editor.lang).replace_draft).unwrap_or(false);
        if !confirmed {
            return;
        }
    }
    editor.screen.set(Screen::Open);
}

thread_local! {
    /// The channel to the editor's other tabs, once open.
    static TABS: std::cell::RefCell<Option<Tabs>> = const { std::cell::RefCell::new(None) };
}

fn say_to_other_tabs(word: &str) {
    TABS.with(|tabs| {
        if let Some(tabs) = tabs.borrow().as_ref() {
            tabs.say(word);
        }
    });
}

/// Another tab has the editor open: say so; the tab that came last only shows, until its
/// visitor chooses to edit there (then the other one only shows).
fn watch_other_tabs(editor: Editor) {
    let opened = Tabs::open(move |word| match word.as_str() {
        "hello" => {
            editor.other_tab.set(true);
            say_to_other_tabs("here");
        }
        "here" | "mine" => {
            editor.other_tab.set(true);
            editor.read_only.set(true);
        }
        _ => {}
    });
    TABS.with(|tabs| *tabs.borrow_mut() = opened);
    say_to_other_tabs("hello");
}

/// This tab edits from now on, from the draft as last saved; the other tabs only show.
pub fn edit_in_this_tab(editor: Editor) {
    say_to_other_tabs("mine");
    editor.read_only.set(false);
    if let Some(saved) = storage::load() {
        editor.resume(&saved);
    }
}

#[component]
pub fn OpenScreen() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    let (dragging, set_dragging) = signal(false);
    let read_file = move |file: web_sys::File| {
        let name = file.name();
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            editor.open(&text, &name);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            read_file(file);
        }
    };
    let open_published = move |_| {
        if let Some(text) = editor.published.get_value() {
            storage::clear();
            editor.open(&text, "initiative.json");
        }
    };
    view! {
        <section class="open" aria-labelledby="open-heading">
            <h2 id="open-heading">{s.open_heading}</h2>
            {move || editor.open_error.get().map(|message| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h3>{s.cannot_open}</h3>
                    <p class="alert-message">{message}</p>
                </div>
            })}
            {move || editor.stale_draft.get().map(|saved| {
                let keep = saved.clone();
                view! {
                    <div class="notice">
                        <p>{s.published_changed}</p>
                        <div class="actions">
                            <button type="button" on:click=move |_| compare_stale(editor)>{s.compare}</button>
                            <button type="button" class="primary" on:click=move |_| { editor.resume(&keep); }>{s.keep_draft}</button>
                            <button type="button" on:click=open_published>{s.discard_draft}</button>
                        </div>
                    </div>
                }
            })}
            <div class="actions">
                <Show when=move || editor.published.with_value(Option::is_some) && editor.stale_draft.with(Option::is_none)>
                    <button type="button" on:click=open_published>{s.open_published}</button>
                </Show>
            </div>
            <div class="drop-zone" class:dragging=dragging
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); set_dragging.set(true); }
                on:dragleave=move |_| set_dragging.set(false)
                on:drop=on_drop>
                <label for="open-file">{s.open_local}</label>
                <input id="open-file" type="file" accept=".json,application/json" aria-describedby="open-file-hint" on:change=on_pick/>
                <p id="open-file-hint" class="hint">{s.open_local_hint}</p>
            </div>
        </section>
    }
}

/// Shows what the saved draft changes against the published file as it is now.
fn compare_stale(editor: Editor) {
    let (Some(saved), Some(published)) = (editor.stale_draft.get_untracked(), editor.published.get_value()) else { return };
    super::changes::compare(editor, &published, &saved.text);
}
