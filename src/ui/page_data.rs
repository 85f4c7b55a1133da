//! The page's markup and the data it shows, kept in step. The page says which data file it was
//! written from (`#atlas[data-version]`, see `static_page`). When the app loads another one (a
//! data file the web editor published without a build, the editor's preview of a draft), it
//! writes the map's countries, the side panel and the directory again from it with the build's
//! own functions, once, as soon as it is in, and they then follow it as they followed the
//! page's. Nothing is written when the page already shows the file: the usual case.

use leptos::prelude::*;

use crate::static_page::directory::directory_content;
use crate::static_page::map::{descriptions, priority_layer, ABOUT_ID};
use crate::static_page::panel::panel_content;

use super::dom::{by_id, find};
use super::geometry::world_with_outlines;
use super::state::AppState;

/// Counts the times the app wrote the page's data-bearing markup again: what the map and the
/// panel keep current follows it.
pub fn follow_data(state: AppState) -> ReadSignal<u32> {
    let (revision, set_revision) = signal(0u32);
    Effect::new(move || {
        let Some(ready) = state.ready() else { return };
        let Some(atlas) = by_id("atlas") else { return };
        let version = ready.loaded.version.as_str();
        if atlas.get_attribute("data-version").as_deref() == Some(version) {
            return;
        }
        let data = &ready.loaded.dataset;
        if let Some(layer) = by_id("world-map").and_then(|svg| find(&svg, ".priority-layer")) {
            layer.set_inner_html(&priority_layer(data, &world_with_outlines(), state.lang));
        }
        if let Some(about) = by_id(ABOUT_ID) {
            about.set_inner_html(&descriptions(data, state.lang));
        }
        if let Some(panel) = find(&atlas, ".side-panel") {
            panel.set_inner_html(&panel_content(data, state.lang));
        }
        // (The timeline follows by itself: it writes its facts whenever the data is another.)
        if let Some(directory) = find(&atlas, "section.directory") {
            directory.set_inner_html(&directory_content(data, state.lang));
        }
        let _ = atlas.set_attribute("data-version", version);
        set_revision.update(|n| *n += 1);
    });
    revision
}
