//! Opening: the published file by default, a saved draft where there is one, a local file when
//! asked (picked or dropped). A draft that began from another version of the published file is
//! never silently kept or dropped: the editor asks.

use std::sync::Arc;

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
    storage::when_saved_elsewhere(move || follow_saved_draft(editor));
    storage::when_left(move || leave_other_tabs(editor));
    storage::when_back(move || rejoin_other_tabs(editor));
    leptos::task::spawn_local(async move {
        let published = fetch_text(PUBLISHED).await;
        if let Ok(text) = &published {
            editor.published.set_value(Some(text.clone()));
        }
        match (storage::load(), published) {
            // A draft from a file of this computer is that file's: the published one is no base.
            (Some(saved), _) if saved.is_local() && editor.resume(&saved) => {}
            (Some(saved), Ok(text)) if saved.base == text && editor.resume(&saved) => {}
            (Some(saved), Ok(_)) if !saved.is_local() => {
                editor.stale_draft.set(Some(Arc::new(saved)));
                editor.screen.set(Screen::Open);
            }
            (Some(saved), Err(_)) if editor.resume(&saved) => {}
            (_, Ok(text)) => {
                editor.open_published(&text);
            }
            (_, Err(error)) => {
                editor.open_error.set(Some(error.message(editor.lang)));
                editor.screen.set(Screen::Open);
            }
        }
    });
}

/// "Open another file": asks first if that would put aside changes not yet downloaded.
pub fn open_another(editor: Editor) {
    if editor.unsaved_work() {
        let confirmed = window().confirm_with_message(t(editor.lang).replace_draft).unwrap_or(false);
        if !confirmed {
            return;
        }
    }
    editor.open_error.set(None);
    editor.screen.set(Screen::Open);
}

/// The earlier draft back; the one open now takes its place as the earlier one.
pub fn open_earlier(editor: Editor) {
    let Some(earlier) = storage::earlier() else {
        editor.earlier.set(None);
        return;
    };
    if !editor.keep_current_aside() {
        storage::forget_earlier();
        editor.earlier.set(None);
    }
    if editor.resume(&earlier) {
        editor.save_now();
    }
}

/// Discards the saved draft, once the visitor has confirmed what that deletes.
fn discard_stale_draft(editor: Editor) {
    let confirmed = window().confirm_with_message(t(editor.lang).discard_confirm).unwrap_or(false);
    if !confirmed {
        return;
    }
    if let Some(published) = editor.published.get_value() {
        storage::clear();
        editor.open_published(&published);
    }
}

/// Merges the saved draft that began from an older published file into the one published now.
pub fn merge_stale_draft(editor: Editor) {
    let (Some(saved), Some(published)) = (editor.stale_draft.get_untracked(), editor.published.get_value()) else { return };
    editor.comparison.set(None);
    super::merge::merge_into_published(editor, saved, &published);
}

thread_local! {
    /// The channel to the editor's other tabs, once open.
    static TABS: std::cell::RefCell<Option<Tabs>> = const { std::cell::RefCell::new(None) };
    /// Another tab took over the editing since the editing tab closed.
    static TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn say_to_other_tabs(word: &str) {
    TABS.with(|tabs| {
        if let Some(tabs) = tabs.borrow().as_ref() {
            tabs.say(word);
        }
    });
}

/// Says goodbye to the other tabs and stops hearing them.
fn leave_other_tabs(editor: Editor) {
    let word = if editor.read_only.get_untracked() { "bye" } else { "bye-editing" };
    if let Some(tabs) = TABS.with(|tabs| tabs.borrow_mut().take()) {
        tabs.close_with(word);
    }
}

/// Back from the back/forward cache: listens again and counts the tabs open now, which answer
/// its "hello".
fn rejoin_other_tabs(editor: Editor) {
    editor.other_tab.set(false);
    watch_other_tabs(editor);
}

/// Another tab has the editor open: say so; the tab that came last only shows, until its
/// visitor chooses to edit there (then the other one only shows). When the editing tab
/// closes, one of the others takes over the editing; when the last other tab closes, the
/// notice goes.
fn watch_other_tabs(editor: Editor) {
    let opened = Tabs::open(move |word| match word.as_str() {
        "hello" => {
            editor.other_tab.set(true);
            say_to_other_tabs(if editor.read_only.get_untracked() { "here-showing" } else { "here-editing" });
        }
        "here-editing" | "mine" => {
            TAKEN.with(|t| t.set(true));
            editor.other_tab.set(true);
            editor.read_only.set(true);
        }
        "here-showing" => editor.other_tab.set(true),
        "bye" => recount_other_tabs(editor),
        "bye-editing" => take_over_soon(editor),
        _ => {}
    });
    TABS.with(|tabs| *tabs.borrow_mut() = opened);
    say_to_other_tabs("hello");
}

/// Forgets the other tabs and asks who is still there (they answer "here-…").
fn recount_other_tabs(editor: Editor) {
    editor.other_tab.set(false);
    say_to_other_tabs("hello");
}

/// The editing tab closed: after a moment of its own (so that of several tabs one goes first),
/// this tab takes over, unless another has.
fn take_over_soon(editor: Editor) {
    if !editor.read_only.get_untracked() {
        return recount_other_tabs(editor);
    }
    TAKEN.with(|t| t.set(false));
    let wait = std::time::Duration::from_millis((js_sys::Math::random() * 150.0) as u64);
    set_timeout(
        move || {
            if TAKEN.with(|t| t.get()) {
                return;
            }
            edit_in_this_tab(editor);
            recount_other_tabs(editor);
        },
        wait,
    );
}

/// A tab that only shows follows the draft as the editing tab saves it: it never shows text
/// older than the saved draft.
fn follow_saved_draft(editor: Editor) {
    if !editor.read_only.get_untracked() {
        return;
    }
    let (screen, kind, selected) = (editor.screen.get_untracked(), editor.kind.get_untracked(), editor.selected.get_untracked());
    if let Some(saved) = storage::load() {
        if editor.resume(&saved) {
            editor.status.set(String::new());
            editor.kind.set(kind);
            editor.selected.set(selected);
            if matches!(screen, Screen::Changes | Screen::Preview) {
                editor.screen.set(screen);
            }
        }
    }
}

/// This tab edits from now on, from the draft as last saved; the other tabs only show.
pub fn edit_in_this_tab(editor: Editor) {
    TAKEN.with(|t| t.set(true));
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
            editor.open_local(&text, &name);
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
    // A draft open now is kept aside (the earlier draft), not deleted.
    let open_published = move |_| {
        if let Some(text) = editor.published.get_value() {
            editor.open_published(&text);
        }
    };
    let has_draft = move || editor.with(|_| ()).is_some() && editor.stale_draft.with(Option::is_none);
    let earlier = move || editor.screen.with(|_| storage::earlier()).filter(|_| editor.stale_draft.with(Option::is_none));
    view! {
        <section class="open" aria-labelledby="open-heading">
            <h2 id="open-heading">{s.open_heading}</h2>
            {move || editor.open_error.get().map(|message| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h3>{s.cannot_open}</h3>
                    <p class="alert-message">{message}</p>
                </div>
            })}
            {move || editor.stale_draft.get().map(|_| view! {
                <div class="notice">
                    <p>{s.published_changed}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| merge_stale_draft(editor)>{s.keep_draft}</button>
                        <button type="button" on:click=move |_| compare_stale(editor)>{s.compare}</button>
                        <button type="button" on:click=move |_| discard_stale_draft(editor)>{s.discard_draft}</button>
                    </div>
                </div>
            })}
            <div class="actions">
                // Every way out of this screen keeps the draft: back to it as it was.
                <Show when=has_draft>
                    <button type="button" class="primary" on:click=move |_| back_to_draft(editor)>{s.back_to_draft}</button>
                </Show>
                <Show when=move || editor.published.with_value(Option::is_some) && editor.stale_draft.with(Option::is_none)>
                    <button type="button" on:click=open_published>{s.open_published}</button>
                </Show>
                {move || earlier().map(|kept| view! {
                    <button type="button" on:click=move |_| open_earlier(editor)>
                        {format!("{} ({}, {})", s.open_earlier, kept.file, kept.time)}
                    </button>
                })}
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

/// Back to the draft open before "Open another file", as it was.
fn back_to_draft(editor: Editor) {
    editor.open_error.set(None);
    editor.screen.set(Screen::Edit);
}

/// Shows what the saved draft changes against the published file as it is now.
fn compare_stale(editor: Editor) {
    let (Some(saved), Some(published)) = (editor.stale_draft.get_untracked(), editor.published.get_value()) else { return };
    super::changes::compare(editor, &published, &saved.text);
}
