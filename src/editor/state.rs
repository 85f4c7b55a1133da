//! The one place that owns the editor's state: the draft and every change to it (each saved
//! in the browser, each checked by the validator once the change is on screen), which record
//! is open, what the list shows, and what the editor has to say. Components get it with
//! `expect_context::<Editor>()`; it is `Copy`.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::dataset::Lang;
use crate::draft::document::Document;
use crate::draft::problems::{check, Found, Severity};
use crate::draft::Draft;
use crate::schema::RecordKind;

use super::lists::{by_name, country_choice, organisation_choice};
use super::storage::{self, Saved};
use super::text::t;

/// How long typing pauses before the draft is saved and checked.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// What fills the editor's main area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Fetching the published file.
    Opening,
    /// Choosing what to open (also when a file could not be opened).
    Open,
    Edit,
    Changes,
    Preview,
    /// A saved draft merged into a changed published file: the fields both changed, to choose.
    Conflicts,
}

/// Which records the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    All,
    Problems,
    MissingSwedish,
    MissingEnglish,
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub lang: Lang,
    draft: StoredValue<Option<Draft>>,
    /// Counts the draft's changes: what shows the draft tracks it.
    pub revision: RwSignal<u64>,
    /// The file's countries, (code, name), by name.
    pub countries: Memo<Vec<(String, String)>>,
    /// The file's organisations, (id, name), by name.
    pub organisations: Memo<Vec<(String, String)>>,
    /// The validator's problems with the draft, as of the last painted change.
    pub found: RwSignal<Arc<Vec<Found>>>,
    pub screen: RwSignal<Screen>,
    pub kind: RwSignal<RecordKind>,
    pub selected: RwSignal<Option<usize>>,
    pub search: RwSignal<String>,
    pub show: RwSignal<Show>,
    /// What just happened, for the polite status line (downloaded, the draft back, …); the
    /// line also says how many problems there are and when the draft was last saved.
    pub status: RwSignal<String>,
    pub saved_at: RwSignal<Option<String>>,
    /// The error summary is up (a download was refused).
    pub summary: RwSignal<bool>,
    pub storage_failed: RwSignal<bool>,
    /// Another tab of the editor is open; this one only shows while `read_only`.
    pub other_tab: RwSignal<bool>,
    pub read_only: RwSignal<bool>,
    /// What was downloaded last (then the "what to do with the file" steps show).
    pub downloaded: RwSignal<Option<super::download::Downloaded>>,
    /// Why the bundle for publishing could not be made (the pages could not be read).
    pub publish_error: RwSignal<Option<String>>,
    /// Why the last file could not be opened.
    pub open_error: RwSignal<Option<String>>,
    /// A saved draft that began from another version of the published file: the visitor
    /// chooses between it and the published file.
    pub stale_draft: RwSignal<Option<Arc<Saved>>>,
    /// A saved draft compared with the published file (while the visitor decides about it).
    pub comparison: RwSignal<Option<Arc<Draft>>>,
    /// The published file's text, once fetched.
    pub published: StoredValue<Option<String>>,
    /// The text of the file the draft began from, as it was (to tell, next time, whether the
    /// published file has changed since).
    base_text: StoredValue<String>,
    /// The name of the file the draft began from.
    pub file_name: RwSignal<String>,
    /// The draft began from a file of this computer, not the published one.
    pub local: RwSignal<bool>,
    /// An earlier draft kept aside when a file was opened over it, offered back once.
    pub earlier: RwSignal<Option<Arc<Saved>>>,
    /// A saved draft and the published file it is being merged into, while the visitor
    /// chooses between the two sides of each conflict.
    pub merging: RwSignal<Option<super::merge::Merging>>,
    /// The record whose deletion waits for a confirmation.
    pub deleting: RwSignal<Option<(RecordKind, usize)>>,
    /// The save and check waiting for typing to pause.
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Editor {
    pub fn provide(lang: Lang) -> Editor {
        let draft = StoredValue::new(None);
        let revision = RwSignal::new(0);
        let editor = Editor {
            lang,
            draft,
            revision,
            countries: by_name(draft, revision, RecordKind::Country, lang, country_choice),
            organisations: by_name(draft, revision, RecordKind::Organisation, lang, organisation_choice),
            found: RwSignal::new(Arc::new(Vec::new())),
            screen: RwSignal::new(Screen::Opening),
            kind: RwSignal::new(RecordKind::Country),
            selected: RwSignal::new(None),
            search: RwSignal::new(String::new()),
            show: RwSignal::new(Show::All),
            status: RwSignal::new(String::new()),
            saved_at: RwSignal::new(None),
            summary: RwSignal::new(false),
            storage_failed: RwSignal::new(false),
            other_tab: RwSignal::new(false),
            read_only: RwSignal::new(false),
            downloaded: RwSignal::new(None),
            publish_error: RwSignal::new(None),
            open_error: RwSignal::new(None),
            stale_draft: RwSignal::new(None),
            comparison: RwSignal::new(None),
            published: StoredValue::new(None),
            base_text: StoredValue::new(String::new()),
            file_name: RwSignal::new(crate::validate::FILE_NAME.into()),
            local: RwSignal::new(false),
            earlier: RwSignal::new(None),
            merging: RwSignal::new(None),
            deleting: RwSignal::new(None),
            pending: StoredValue::new(None),
        };
        provide_context(editor);
        editor
    }

    /// Reads the draft (tracked: re-runs when it changes). None before a file is open.
    pub fn with<R>(self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        self.revision.track();
        self.draft.with_value(|d| d.as_ref().map(f))
    }

    /// Like [`Editor::with`], untracked.
    pub fn with_untracked<R>(self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        self.draft.with_value(|d| d.as_ref().map(f))
    }

    /// Changes the draft: shown at once, saved and checked once it is on screen.
    pub fn change(self, f: impl FnOnce(&mut Draft)) {
        if self.read_only.get_untracked() {
            return;
        }
        let changed = self.draft.try_update_value(|d| d.as_mut().map(f)).flatten().is_some();
        if changed {
            self.status.set(String::new());
            self.revision.update(|r| *r += 1);
            self.save_and_check_soon();
        }
    }

    /// Ends a burst of typing: the next change is an undo step of its own.
    pub fn seal(self) {
        self.draft.update_value(|d| {
            if let Some(d) = d.as_mut() {
                d.seal();
            }
        });
    }

    /// Starts a draft of the published file's `text`.
    pub fn open_published(self, text: &str) -> bool {
        self.open(text, crate::validate::FILE_NAME, false)
    }

    /// Starts a draft of a file of this computer called `name`.
    pub fn open_local(self, text: &str, name: &str) -> bool {
        self.open(text, name, true)
    }

    /// Starts a draft of `text`. A draft with changes open until now is kept aside first (the
    /// earlier draft, offered back), so opening a file never deletes one.
    fn open(self, text: &str, name: &str, local: bool) -> bool {
        match Document::parse(text) {
            Ok(document) => {
                self.keep_current_aside();
                self.start(Draft::open(document), text, name, local);
                true
            }
            Err(error) => {
                self.open_error.set(Some(error.message_for(name, self.lang)));
                self.screen.set(Screen::Open);
                false
            }
        }
    }

    /// Takes up a saved draft again.
    pub fn resume(self, saved: &Saved) -> bool {
        match (Document::parse(&saved.base), Document::parse(&saved.text)) {
            (Ok(base), Ok(current)) => {
                let mut draft = Draft::resume(base, current);
                draft.restore_history(&saved.history);
                self.start(draft, &saved.base, &saved.file, saved.is_local());
                self.status.set(t(self.lang).draft_back.into());
                true
            }
            _ => false,
        }
    }

    /// Takes up a draft merged into the published file `published`: from now on the draft
    /// began from it, so "What changed" lists what publishing would change. The draft as it
    /// was before the merge is kept aside (the earlier draft).
    pub fn take_merged(self, published: &str, merged: Document) {
        if let Ok(base) = Document::parse(published) {
            self.keep_current_aside();
            self.start(Draft::resume(base, merged), published, crate::validate::FILE_NAME, false);
            self.status.set(t(self.lang).merged.into());
        }
    }

    /// The draft as saved now (None before a file is open).
    pub fn saved_now(self) -> Option<Saved> {
        let (text, history) = self.with_untracked(|d| (d.current().to_text(), d.history()))?;
        Some(Saved {
            base: self.base_text.get_value(),
            file: self.file_name.get_untracked(),
            time: storage::now(),
            history,
            local: Some(self.local.get_untracked()),
            text,
        })
    }

    /// Keeps the draft open now aside as the earlier draft, if it has changes; true if it did.
    pub fn keep_current_aside(self) -> bool {
        if !self.with_untracked(Draft::is_changed).unwrap_or(false) {
            return false;
        }
        let Some(saved) = self.saved_now() else { return false };
        let kept = storage::keep_earlier(&saved);
        if kept {
            self.earlier.set(Some(Arc::new(saved)));
        }
        kept
    }

    fn start(self, draft: Draft, base_text: &str, name: &str, local: bool) {
        self.draft.set_value(Some(draft));
        self.base_text.set_value(base_text.to_string());
        self.file_name.set(name.to_string());
        self.local.set(local);
        self.merging.set(None);
        self.comparison.set(None);
        self.open_error.set(None);
        self.stale_draft.set(None);
        self.summary.set(false);
        self.downloaded.set(None);
        self.selected.set(None);
        self.revision.update(|r| *r += 1);
        self.screen.set(Screen::Edit);
        self.save_and_check_soon();
    }

    /// True when the draft has changes not downloaded since they were made.
    pub fn unsaved_work(self) -> bool {
        let changed = self.with_untracked(Draft::is_changed).unwrap_or(false);
        changed && self.downloaded.get_untracked().map(|d| d.revision) != Some(self.revision.get_untracked())
    }

    /// Opens a record in the form.
    pub fn select(self, kind: RecordKind, index: Option<usize>) {
        self.kind.set(kind);
        self.selected.set(index);
        if self.screen.get_untracked() != Screen::Edit {
            self.screen.set(Screen::Edit);
        }
    }

    /// The problems of one record (tracked), worst first.
    pub fn problems_of(self, kind: RecordKind, index: usize) -> Vec<Found> {
        use crate::draft::problems::Place;
        let mut out: Vec<Found> = self.found.with(|found| {
            found
                .iter()
                .filter(|f| matches!(&f.place, Place::Record { kind: k, index: i, .. } if *k == kind && *i == index))
                .cloned()
                .collect()
        });
        out.sort_by_key(|f| f.severity);
        out
    }

    /// The errors (not warnings) in the whole draft, checked now.
    pub fn errors_now(self) -> Vec<Found> {
        let found = self.with_untracked(|d| check(d.current())).unwrap_or_default();
        let errors: Vec<Found> = found.iter().filter(|f| f.severity == Severity::Error).cloned().collect();
        self.found.set(Arc::new(found));
        errors
    }

    /// A field's value in the open record (tracked).
    pub fn field(self, kind: RecordKind, index: usize, field: &str) -> Option<Value> {
        self.with(|d| d.current().field(kind, index, field).cloned()).flatten()
    }

    /// Saving and checking wait until typing pauses: a burst of keystrokes costs one save and
    /// one check, and a large file's check never sits between two keystrokes. Leaving the
    /// page saves at once ([`Editor::save_pending`]).
    fn save_and_check_soon(self) {
        if let Some(waiting) = self.pending.get_value() {
            waiting.clear();
        }
        let waiting = set_timeout_with_handle(
            move || {
                self.pending.set_value(None);
                self.save_now();
                let found = self.with_untracked(|d| check(d.current())).unwrap_or_default();
                self.found.set(Arc::new(found));
            },
            PAUSE,
        );
        self.pending.set_value(waiting.ok());
    }

    /// Saves now a change still waiting for typing to pause (the page is being hidden or left).
    pub fn save_pending(self) {
        if let Some(waiting) = self.pending.get_value() {
            waiting.clear();
            self.pending.set_value(None);
            self.save_now();
        }
    }

    /// Saves the draft in the browser now; says so, or that it could not. The published file
    /// opened and not changed is no draft: then nothing is kept.
    pub fn save_now(self) {
        if self.read_only.get_untracked() {
            return;
        }
        let changed = self.with_untracked(Draft::is_changed).unwrap_or(false);
        let published = self.published.with_value(|p| p.as_deref() == Some(self.base_text.get_value().as_str()));
        if !changed && published && !self.local.get_untracked() {
            storage::clear();
            self.storage_failed.set(false);
            self.saved_at.set(None);
            return;
        }
        let Some(saved) = self.saved_now() else { return };
        let ok = storage::save(&saved);
        self.storage_failed.set(!ok);
        self.saved_at.set(ok.then_some(saved.time));
    }

    /// The status line: what just happened, how many problems, when last saved.
    pub fn status_line(self) -> String {
        let problems = self.found.with(|f| f.len());
        let parts = [
            self.status.get(),
            if problems > 0 { format!("{}.", super::text::problem_count(problems, self.lang)) } else { String::new() },
            self.saved_at.get().map(|time| super::text::saved_at(&time, self.lang)).unwrap_or_default(),
        ];
        parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
    }
}
