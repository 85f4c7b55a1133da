//! Build step: writes the directory and the map into the built `index.html` and writes
//! `sv.html` beside it (see `innovation_atlas::static_page`). Trunk runs it after every build
//! (a post-build hook in Trunk.toml), on the folder it is about to publish.
//!
//! Usage: static-pages [DIR]   (default: $TRUNK_STAGING_DIR, else dist)

use std::process::ExitCode;

/// A build step: there is nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::SUCCESS
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("dist"));
    match write_pages(&dir) {
        Ok(files) => {
            println!("static pages: wrote {} in {}", files.join(" and "), dir.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("static pages: the build stops here.\n{message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_pages(dir: &std::path::Path) -> Result<Vec<String>, String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()));
    let template = read("index.html")?;
    let json = read("data/initiative.json")?;
    let pages = innovation_atlas::static_page::pages(&template, &json)?;
    let mut written = Vec::new();
    for (name, html) in pages {
        std::fs::write(dir.join(name), html).map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
        written.push(name.to_string());
    }
    Ok(written)
}
