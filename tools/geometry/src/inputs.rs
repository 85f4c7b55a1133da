//! Reading the npm inputs: the two world-atlas maps, the i18n-iso-countries
//! codes and names, and both packages' versions for the files' headers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::names;
use crate::topojson::{self, Topology};

pub(crate) struct Inputs {
    pub(crate) topology: Topology,
    /// The 1:50m map, only for markers of countries missing at 1:110m.
    pub(crate) topology_50m: Topology,
    pub(crate) codes: Vec<names::CodeRow>,
    pub(crate) en: BTreeMap<String, Vec<String>>,
    pub(crate) sv: BTreeMap<String, Vec<String>>,
    pub(crate) world_atlas_version: String,
    pub(crate) i18n_version: String,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn package_version(dir: &Path) -> Result<String, String> {
    let path = dir.join("package.json");
    let doc: serde_json::Value = serde_json::from_str(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    doc.get("version").and_then(|v| v.as_str()).map(String::from).ok_or_else(|| format!("{}: no version", path.display()))
}

pub(crate) fn load(node_modules: &Path) -> Result<Inputs, String> {
    let atlas = node_modules.join("world-atlas");
    let i18n = node_modules.join("i18n-iso-countries");
    let parse_at = |path: PathBuf| -> Result<(String, String), String> { Ok((read(&path)?, path.display().to_string())) };
    let (json, src) = parse_at(atlas.join("countries-110m.json"))?;
    let topology = topojson::parse(&json, "countries", &src)?;
    let (json, src) = parse_at(atlas.join("countries-50m.json"))?;
    let topology_50m = topojson::parse(&json, "countries", &src)?;
    let (json, src) = parse_at(i18n.join("codes.json"))?;
    let codes = names::parse_codes(&json, &src)?;
    let (json, src) = parse_at(i18n.join("langs/en.json"))?;
    let en = names::parse_names(&json, &src)?;
    let (json, src) = parse_at(i18n.join("langs/sv.json"))?;
    let sv = names::parse_names(&json, &src)?;
    Ok(Inputs {
        topology,
        topology_50m,
        codes,
        en,
        sv,
        world_atlas_version: package_version(&atlas)?,
        i18n_version: package_version(&i18n)?,
    })
}
