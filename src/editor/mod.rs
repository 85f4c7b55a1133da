//! The web editor (`editor.html`, its own wasm bundle `atlas-editor`): Vinnova's web editors
//! keep `initiative.json` current in the browser. It shows and changes the pure draft
//! (`crate::draft`), checks it with the app's own validator, previews it in the atlas itself,
//! and writes the file the one canonical way.

pub mod labels;
pub mod text;

/// Declares the editor's components (Leptos, the page): wasm32 only, like `crate::ui`.
/// `labels` and `text` are pure, and tested natively.
macro_rules! components {
    ($($module:ident),* $(,)?) => {
        $(
            #[cfg(target_arch = "wasm32")]
            mod $module;
        )*
    };
}

components!(app, changes, choice, download, fields, form, lists, merge, open, preview, publish, records, state, storage, summary);

/// Entry point of the editor's page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Innovation Atlas editor: {info}").into());
    }));
    let document = leptos::prelude::document();
    let Some(root) = document.get_element_by_id("editor") else { return };
    if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
        leptos::mount::mount_to(root, app::EditorApp).forget();
    }
    // The start-up script's explanations no longer apply (src/web/loader.js).
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("app-started");
    }
    if let Some(status) = document.get_element_by_id("app-status") {
        status.set_text_content(None);
    }
}
