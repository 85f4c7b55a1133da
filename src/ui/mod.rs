//! The Leptos components: thin views over the pure modules, one concern a file.

mod app;
mod details;
mod directory;
mod embed;
mod frame;
mod links;
mod loader;
mod map;
mod paging;
mod panic;
mod state;
mod status;
mod timeline;

/// Entry point of the browser app.
pub fn start() {
    panic::install_hook();
    // Mounting in a task of its own: the one that compiled the wasm is long enough already
    // on a slow phone.
    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
}

fn mount() {
    // index.html holds a static first paint (heading, loading line) in #app; the app replaces it.
    let Some(root) = leptos::prelude::document().get_element_by_id("app") else { return };
    root.set_inner_html("");
    if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
        leptos::mount::mount_to(root, app::App).forget();
    }
    embed::report_height_to_parent();
}
