#[cfg(target_arch = "wasm32")]
fn main() {
    innovation_atlas::ui::start();
}

/// Built natively only because `cargo test` and clippy build every target.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("innovation-atlas runs in the browser: scripts/run.sh builds it with Trunk and serves it");
    std::process::exit(2);
}
