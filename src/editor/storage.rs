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
    /// True when the draft began from a file of this computer, not the published one: it is
    /// compared with that file, never with the published one. (Drafts saved before this was
    /// kept: told by the file's name.)
    #[serde(default)]
    pub local: Option<bool>,
    /// The draft's text (stored under its own key).
    #[serde(skip)]
    pub text: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Saved {
    /// True when the draft began from a local file (see [`Saved::local`]).
    pub fn is_local(&self) -> bool {
        self.local.unwrap_or(self.file != crate::validate::FILE_NAME)
    }
}

/// Where an earlier draft is kept when another file is opened over it (one, the latest).
const EARLIER_KEY: &str = "innovation-atlas:draft:earlier";

/// The saved draft, if there is one.
pub fn load() -> Option<Saved> {
    let storage = storage()?;
    let mut saved: Saved = serde_json::from_str(&storage.get_item(STORAGE_KEY).ok().flatten()?).ok()?;
    saved.text = storage.get_item(STORAGE_KEY_TEXT).ok().flatten()?;
    Some(saved)
}

/// Keeps `saved` aside as the earlier draft (its text and all), replacing any kept before;
/// false if the browser would not.
pub fn keep_earlier(saved: &Saved) -> bool {
    let Some(storage) = storage() else { return false };
    let mut value = serde_json::to_value(saved).unwrap_or_default();
    value["text"] = serde_json::Value::String(saved.text.clone());
    storage.set_item(EARLIER_KEY, &value.to_string()).is_ok()
}

/// The earlier draft kept aside, if there is one.
pub fn earlier() -> Option<Saved> {
    let value: serde_json::Value = serde_json::from_str(&storage()?.get_item(EARLIER_KEY).ok().flatten()?).ok()?;
    let mut saved: Saved = serde_json::from_value(value.clone()).ok()?;
    saved.text = value.get("text")?.as_str()?.to_string();
    Some(saved)
}

pub fn forget_earlier() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(EARLIER_KEY);
    }
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
/// already open, "mine" from a tab that takes over the editing, "bye" from a tab that closes
/// ("bye-editing" from the one that was editing: another takes over).
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

    /// Says a last word and stops listening: a closing tab must not answer the others' "hello"
    /// that its "bye" sets off, or they would count it as still open.
    pub fn close_with(self, word: &str) {
        self.say(word);
        self.channel.close();
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

/// Runs `on_change` when another tab saves the draft (the browser's `storage` event, which a
/// tab never gets for its own saves).
pub fn when_saved_elsewhere(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(STORAGE_KEY) {
            on_change();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Runs `on_leave` once when the page is left for good (closed, reloaded, navigated away).
pub fn when_left(on_leave: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn()>::new(on_leave);
    let _ = window.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Runs `on_return` when the browser shows the page again from its back/forward cache, after
/// `when_left` ran for it.
pub fn when_back(on_return: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(move |e: web_sys::PageTransitionEvent| {
        if e.persisted() {
            on_return();
        }
    });
    let _ = window.add_event_listener_with_callback("pageshow", listener.as_ref().unchecked_ref());
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
