//! The Leptos components: thin views over the pure modules, one concern a file.

mod app;
mod copy_link;
mod details;
mod directory;
mod dom;
mod frame;
mod geometry;
mod host;
mod loader;
mod map;
mod map_gestures;
mod map_layer;
mod map_names;
mod page;
mod page_data;
mod paging;
mod panel_scroll;
mod panic;
mod rows;
mod scroll;
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

/// The page holds the map, the side panel, the directory and the timeline in `#atlas`; the app
/// takes them over (see `app::Page`) and adds its notices.
fn mount() {
    let Some(atlas) = leptos::prelude::document().get_element_by_id("atlas") else { return };
    let Ok(atlas) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(atlas) else { return };
    page::handle_skip_link();
    leptos::mount::mount_to(atlas, app::App).forget();
    page::mark_started();
}
