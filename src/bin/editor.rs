//! The web editor's bundle (`editor.html`): see `innovation_atlas::editor`.

#[cfg(target_arch = "wasm32")]
fn main() {
    innovation_atlas::editor::start();
}

/// Built natively only because `cargo test` and clippy build every target.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("atlas-editor runs in the browser: scripts/run.sh builds it with Trunk and serves editor.html");
    std::process::exit(2);
}
