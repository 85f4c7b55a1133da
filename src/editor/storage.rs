//! The draft in this browser (localStorage), so that a reload, a crash or a closed tab loses
//! nothing; and the other tabs of the editor (BroadcastChannel), so that two tabs do not
//! overwrite each other's draft unawares.

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::draft::{STORAGE_KEY, STORAGE_KEY_TEXT};

/// What the draft began from; its text is stored beside it (`STORAGE_KEY_TEXT`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Saved {
    /// The file the draft began from, as it was.
    pub base: String,
    /// Its name: initiative.json, or the local file's.
    pub file: String,
    /// When it was last saved, HH:MM.
    pub time: String,
    /// Undo and redo (`Draft::history`).
    #[serde(default)]
    pub history: String,
    /// The draft's text (stored under its own key).
    #[serde(skip)]
    pub text: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved draft, if there is one.
pub fn load() -> Option<Saved> {
    let storage = storage()?;
    let mut saved: Saved = serde_json::from_str(&storage.get_item(STORAGE_KEY).ok().flatten()?).ok()?;
    saved.text = storage.get_item(STORAGE_KEY_TEXT).ok().flatten()?;
    Some(saved)
}

/// Saves the draft; false if the browser would not (full, private, turned off).
pub fn save(saved: &Saved) -> bool {
    let Some(storage) = storage() else { return false };
    let Ok(meta) = serde_json::to_string(saved) else { return false };
    storage.set_item(STORAGE_KEY_TEXT, &saved.text).is_ok() && storage.set_item(STORAGE_KEY, &meta).is_ok()
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
        let _ = storage.remove_item(STORAGE_KEY_TEXT);
    }
}

/// The time now as HH:MM, local.
pub fn now() -> String {
    let date = js_sys::Date::new_0();
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Today as YYYY-MM-DD, local.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// Messages between the editor's tabs: "hello" from a tab that opens, "here" from the ones
/// already open, "mine" from a tab that takes over the editing.
pub struct Tabs {
    channel: web_sys::BroadcastChannel,
}

impl Tabs {
    /// Starts listening; `on_message` gets each other tab's word.
    pub fn open(on_message: impl Fn(String) + 'static) -> Option<Tabs> {
        let channel = web_sys::BroadcastChannel::new("innovation-atlas-editor").ok()?;
        let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(word) = e.data().as_string() {
                on_message(word);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        // The channel lives as long as the page.
        listener.forget();
        Some(Tabs { channel })
    }

    pub fn say(&self, word: &str) {
        let _ = self.channel.post_message(&word.into());
    }
}

/// Runs `save` when the page is hidden (another tab, the phone's home screen) or left, the
/// last moments a browser surely gives a page.
pub fn save_when_hidden(save: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    // Shown again, a save due anyway is only made early: no need to ask which it was.
    let listener = Closure::<dyn Fn()>::new(save);
    let callback = listener.as_ref().unchecked_ref();
    let _ = window.add_event_listener_with_callback("pagehide", callback);
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", callback);
    }
    listener.forget();
}

/// Asks before the page is left while `unsaved_work` says there is work not yet downloaded.
pub fn ask_before_leaving(unsaved_work: impl Fn() -> bool + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(move |e: web_sys::BeforeUnloadEvent| {
        if unsaved_work() {
            e.prevent_default();
            e.set_return_value("unsaved");
        }
    });
    let _ = window.add_event_listener_with_callback("beforeunload", listener.as_ref().unchecked_ref());
    listener.forget();
}
