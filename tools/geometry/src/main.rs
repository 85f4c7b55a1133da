//! Usage: `atlas-geometry [OUTPUT_DIR]` (default: `<repo>/src/generated`).
//! Inputs come from `$ATLAS_NODE_MODULES` or the setup script's npm cache.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let out_dir = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(atlas_geometry::default_output_dir);
    let result = atlas_geometry::default_node_modules().and_then(|inputs| atlas_geometry::write(&inputs, &out_dir));
    match result {
        Ok(out) => {
            for (name, code) in &out.matched_by_name {
                eprintln!("note: {name:?} has no numeric id, matched by name to {code}");
            }
            for name in &out.unknown {
                eprintln!("note: {name:?} has no ISO 3166-1 code, written as {:?}", atlas_geometry::UNKNOWN_CODE);
            }
            for name in &out.unmarked {
                eprintln!("note: {name:?} (1:50m) has no ISO 3166-1 code, no marker written");
            }
            eprintln!("{} marker-only countries from 1:50m: {}", out.markers.len(), out.markers.join(" "));
            // Show `<repo>/src/generated` rather than `tools/geometry/../../…`.
            let shown = out_dir.canonicalize().unwrap_or(out_dir);
            eprintln!("wrote world.txt and country_names.txt to {}", shown.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
