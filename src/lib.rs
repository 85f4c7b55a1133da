//! Innovation Atlas: Sweden's International Innovation Initiative as a world map and directory.
//!
//! Pure logic (no browser needed, tested by `cargo test`) lives in the top-level modules; the
//! Leptos components live in [`ui`]. See ARCHITECTURE.md for the map of the code.

/// Browser helpers shared by the app and the editor.
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod countries;
pub mod dataset;
pub mod directory;
/// The editor's draft of the data file (pure: the editor in `src/editor/` shows it).
pub mod draft;
pub mod editor;
pub mod export;
pub mod html;
pub mod i18n;
pub mod json;
pub mod order;
pub mod placement;
pub mod render;
pub mod schema;
/// The pages' static content: written by the build (`src/bin/static_pages.rs`), and by the web
/// editor when it publishes (never by the app).
pub mod static_page;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod view_state;
pub mod world;

/// The app in the browser (wasm32 only, like the editor's components and `browser`).
#[cfg(target_arch = "wasm32")]
pub mod ui;
