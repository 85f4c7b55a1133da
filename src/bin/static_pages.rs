//! Build step: writes the directory and the map into the built `index.html` and writes
//! `sv.html` beside it (see `innovation_atlas::static_page`). Trunk runs it after every build
//! (a post-build hook in Trunk.toml), on the folder it is about to publish.
//!
//! Usage: static-pages [DIR]   (default: $TRUNK_STAGING_DIR, else dist)
//!        static-pages --republish DIR   the built pages in DIR written anew for the data file
//!                                       in DIR/data (what the web editor's publishing does)

use std::process::ExitCode;

/// A build step: there is nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::SUCCESS
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let republish = args.first().is_some_and(|a| a == "--republish");
    if republish {
        args.remove(0);
    }
    let dir = args
        .first()
        .cloned()
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("dist"));
    match write_pages(&dir, republish) {
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
fn write_pages(dir: &std::path::Path, republish: bool) -> Result<Vec<String>, String> {
    use innovation_atlas::dataset::Lang;
    use innovation_atlas::static_page::{file_name, pages, republish as write_anew};
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()));
    let json = read("data/initiative.json")?;
    let pages = if republish {
        Lang::ALL
            .into_iter()
            .map(|lang| Ok((file_name(lang), write_anew(&read(file_name(lang))?, &json, lang)?)))
            .collect::<Result<Vec<_>, String>>()?
    } else {
        pages(&read("index.html")?, &json)?
    };
    let mut written = Vec::new();
    for (name, html) in pages {
        std::fs::write(dir.join(name), html).map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
        written.push(name.to_string());
    }
    Ok(written)
}
