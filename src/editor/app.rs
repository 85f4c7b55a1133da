//! The editor's page: header, notices, the toolbar with the status line, the error summary, and
//! the main area (opening, the record list and form, what changed, the preview).

use leptos::ev;
use leptos::prelude::*;

use crate::dataset::Lang;

use super::changes::ChangesView;
use super::download::{download, download_draft};
use super::form::RecordForm;
use super::merge::ConflictsView;
use super::open::{begin, OpenScreen};
use super::preview::PreviewView;
use super::records::RecordList;
use super::state::{Editor, Screen};
use super::summary::ErrorSummary;
use super::text::t;

#[component]
pub fn EditorApp() -> impl IntoView {
    let lang = page_lang();
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document().set_title(t(lang).title);
    let editor = Editor::provide(lang);
    begin(editor);
    undo_and_redo_keys(editor);
    let s = t(lang);
    let other = if lang == Lang::En { Lang::Sv } else { Lang::En };
    let screen = editor.screen;
    // A saved draft compared with the published file is a view of its own: no toolbar that
    // would act on the draft open underneath.
    let editing =
        move || matches!(screen.get(), Screen::Edit | Screen::Changes | Screen::Preview) && editor.comparison.with(Option::is_none);
    view! {
        <header class="page-header">
            <div class="editor-title">
                <h1>{s.title}</h1>
                <a class="language-switch" href=format!("?lang={}", other.code()) hreflang=other.code() lang=other.code()>
                    {s.other_language}
                </a>
            </div>
            <p class="intro">{s.intro}</p>
        </header>
        <main id="main">
            <Notices/>
            <Show when=editing>
                <Toolbar/>
            </Show>
            <p class="status" role="status" aria-live="polite">{move || editor.status_line()}</p>
            <ErrorSummary/>
            <super::publish::PublishProblem/>
            <AfterDownload/>
            {move || match screen.get() {
                Screen::Opening => view! { <p class="loading">{s.opening}</p> }.into_any(),
                Screen::Open => view! { <OpenScreen/> }.into_any(),
                Screen::Edit => view! {
                    <div class="editor-layout">
                        <RecordList/>
                        <RecordForm/>
                    </div>
                }
                .into_any(),
                Screen::Changes => view! { <ChangesView/> }.into_any(),
                Screen::Preview => view! { <PreviewView/> }.into_any(),
                Screen::Conflicts => view! { <ConflictsView/> }.into_any(),
            }}
        </main>
    }
}

/// The editor's language: `?lang=sv`, else the browser's.
fn page_lang() -> Lang {
    let search = window().location().search().unwrap_or_default();
    crate::view_state::ViewState::from_query(&search)
        .lang
        .unwrap_or_else(|| Lang::from_browser(&window().navigator().language().unwrap_or_default()))
}

/// What the editor must say before anything else: another tab, a failed save.
#[component]
fn Notices() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    view! {
        <Show when=move || editor.other_tab.get()>
            <div class="notice" role="alert">
                <p>{s.other_tab}</p>
                <Show when=move || editor.read_only.get()>
                    <p>{s.read_only}</p>
                    <button type="button" on:click=move |_| super::open::edit_in_this_tab(editor)>{s.edit_here}</button>
                </Show>
            </div>
        </Show>
        {move || editor.earlier.get().map(|earlier| {
            let (file, time) = (earlier.file.clone(), earlier.time.clone());
            view! {
                <div class="notice">
                    <p>{s.earlier_kept} " " {file} " (" {time} ")."</p>
                    <button type="button" on:click=move |_| super::open::open_earlier(editor)>{s.open_earlier}</button>
                </div>
            }
        })}
        <Show when=move || editor.storage_failed.get()>
            <div class="notice error" role="alert">
                <p>{s.storage_failed}</p>
                <button type="button" on:click=move |_| download_draft(editor)>{s.download_draft}</button>
            </div>
        </Show>
    }
}

#[component]
fn Toolbar() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    let can_undo = move || editor.with(|d| d.can_undo()).unwrap_or(false);
    let can_redo = move || editor.with(|d| d.can_redo()).unwrap_or(false);
    let pressed = move |screen: Screen| move || if editor.screen.get() == screen { "true" } else { "false" };
    let show = move |screen: Screen| move |_| editor.screen.set(screen);
    view! {
        <div class="toolbar editor-toolbar" role="toolbar" aria-label=s.editing>
            <button type="button" aria-pressed=pressed(Screen::Edit) on:click=show(Screen::Edit)>{s.editing}</button>
            <button type="button" aria-pressed=pressed(Screen::Changes) on:click=show(Screen::Changes)>{s.what_changed}</button>
            <button type="button" aria-pressed=pressed(Screen::Preview) on:click=show(Screen::Preview)>{s.preview}</button>
            <span class="toolbar-gap"></span>
            <button type="button" aria-disabled=move || (!can_undo()).to_string() aria-keyshortcuts="Control+Z Meta+Z"
                on:click=move |_| undo(editor)>{s.undo}</button>
            <button type="button" aria-disabled=move || (!can_redo()).to_string() aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
                on:click=move |_| redo(editor)>{s.redo}</button>
            <button type="button" class="primary" on:click=move |_| download(editor)>{s.download}</button>
            <button type="button" on:click=move |_| super::publish::download_for_publishing(editor)>{s.download_bundle}</button>
            <button type="button" on:click=move |_| super::open::open_another(editor)>{s.open_other}</button>
        </div>
    }
}

/// After a download: what to do with the file, and how to check it.
#[component]
fn AfterDownload() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    view! {
        {move || editor.downloaded.get().map(|downloaded| view! {
            <section class="after-download" aria-labelledby="next-heading">
                <h2 id="next-heading">{s.next_heading}</h2>
                <ol>
                    <li>{if downloaded.bundle { s.next_unpack } else { s.next_replace }}</li>
                    <li>{s.next_check}</li>
                </ol>
            </section>
        })}
    }
}

pub fn undo(editor: Editor) {
    editor.change(|d| {
        d.seal();
        d.undo();
    });
}

pub fn redo(editor: Editor) {
    editor.change(|d| {
        d.seal();
        d.redo();
    });
}

/// Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes, in a field too: the draft's
/// undo, which covers structural edits, replaces the field's own.
fn undo_and_redo_keys(editor: Editor) {
    let handle = window_event_listener(ev::keydown, move |e| {
        let command = e.ctrl_key() || e.meta_key();
        let key = e.key().to_lowercase();
        if !command || e.alt_key() || editor.screen.get_untracked() != Screen::Edit {
            return;
        }
        match key.as_str() {
            "z" if e.shift_key() => redo(editor),
            "z" => undo(editor),
            "y" => redo(editor),
            _ => return,
        }
        e.prevent_default();
    });
    std::mem::forget(handle);
}
