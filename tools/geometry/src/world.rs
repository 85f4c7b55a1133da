//! Rendering `world.txt`: every country of the 1:110m map cut at the
//! antimeridian, projected, simplified and rounded to integer SVG paths,
//! plus marker-only lines for the countries too small for that map.

use std::collections::{BTreeMap, BTreeSet};

use crate::inputs::Inputs;
use crate::markers::small_country_markers;
use crate::projection::MapProjection;
use crate::shapes::{self, GridRing};
use crate::topojson::{Feature, Point};
use crate::{antimeridian, simplify, DROPPED, MARGIN, TOLERANCE, UNKNOWN_CODE, WIDTH};

/// ISO alpha-2 code of a feature: via its numeric id, else by matching its
/// Natural Earth name against every English name variant.
fn feature_code(f: &Feature, numeric: &BTreeMap<&str, &str>, en: &BTreeMap<String, Vec<String>>) -> Option<String> {
    if let Some(code) = f.id.as_deref().and_then(|id| numeric.get(id)) {
        return Some(code.to_string());
    }
    let name = f.name.as_deref()?;
    en.iter().find(|(_, variants)| variants.iter().any(|v| v == name)).map(|(code, _)| code.clone())
}

pub(crate) struct WorldText {
    pub(crate) text: String,
    pub(crate) unknown: Vec<String>,
    pub(crate) matched_by_name: Vec<(String, String)>,
    pub(crate) markers: Vec<String>,
    pub(crate) unmarked: Vec<String>,
}

pub(crate) fn feature_label(f: &Feature) -> String {
    f.name.clone().unwrap_or_else(|| format!("id {:?}", f.id))
}

pub(crate) fn render_world(inputs: &Inputs, header: &str) -> Result<WorldText, String> {
    let numeric: BTreeMap<&str, &str> = inputs.codes.iter().map(|r| (r.numeric.as_str(), r.alpha2.as_str())).collect();
    let mut unknown = Vec::new();
    let mut matched_by_name = Vec::new();
    let topology = antimeridian::cut(&inputs.topology);
    let mut kept: Vec<(String, &Feature)> = Vec::new();
    for f in &topology.features {
        let code = feature_code(f, &numeric, &inputs.en);
        let label = feature_label(f);
        match &code {
            None => unknown.push(label),
            Some(c) if f.id.is_none() => matched_by_name.push((label, c.clone())),
            _ => {}
        }
        let code = code.unwrap_or_else(|| UNKNOWN_CODE.to_string());
        if !DROPPED.contains(&code.as_str()) {
            kept.push((code, f));
        }
    }

    let arcs = &topology.arcs;
    let (south, north) = latitude_range(arcs, kept.iter().map(|(_, f)| *f))?;
    let (proj, height) = MapProjection::fit(WIDTH, MARGIN, south, north);
    let projected: Vec<Vec<Point>> = arcs.iter().map(|arc| arc.iter().map(|p| proj.project(p[0], p[1])).collect()).collect();
    if projected.iter().flatten().any(|p| !(p[0].is_finite() && p[1].is_finite())) {
        return Err("countries-110m.json: a coordinate projects to a non-finite point".into());
    }
    let simplified: Vec<Vec<Point>> = projected.iter().map(|arc| simplify::douglas_peucker(arc, TOLERANCE)).collect();

    let mut lines = Vec::with_capacity(kept.len());
    for (code, f) in &kept {
        let label = f.name.as_deref().unwrap_or(code);
        let (float_polys, grid_rings) =
            country_rings(f, &projected, &simplified).map_err(|e| format!("countries-110m.json: {label}: {e}"))?;
        if grid_rings.is_empty() {
            return Err(format!("countries-110m.json: {label} has no visible polygon at this scale"));
        }
        let [x, y] = shapes::representative_point(&float_polys).ok_or_else(|| format!("countries-110m.json: {label}: no marker point"))?;
        lines.push((code.clone(), format!("{code}\t{x:.1}\t{y:.1}\t{}", shapes::svg_path(&grid_rings))));
    }

    // Countries missing at 1:110m: a marker from the 1:50m map, no path.
    let mut with_shape: BTreeSet<&str> = kept.iter().map(|(c, _)| c.as_str()).collect();
    with_shape.extend(DROPPED.iter().copied());
    with_shape.remove(UNKNOWN_CODE);
    let unknown_110m: BTreeSet<&str> = unknown.iter().map(String::as_str).collect();
    let (markers, unmarked) = small_country_markers(&inputs.topology_50m, &proj, |f| feature_code(f, &numeric, &inputs.en), &with_shape)?;
    let unmarked: Vec<String> = unmarked.into_iter().filter(|name| !unknown_110m.contains(name.as_str())).collect();
    let marker_codes: Vec<String> = markers.iter().map(|(c, _)| c.clone()).collect();
    for (code, [x, y]) in markers {
        lines.push((code.clone(), format!("{code}\t{x:.1}\t{y:.1}\t")));
    }

    // Stable sort: shapes sharing a code ("-") keep the data's order.
    lines.sort_by(|a, b| a.0.cmp(&b.0));

    let mut out = format!("{header}\nviewbox 0 0 {} {}\n", WIDTH as i64, height as i64);
    for (_, line) in lines {
        out.push_str(&line);
        out.push('\n');
    }
    Ok(WorldText { text: out, unknown, matched_by_name, markers: marker_codes, unmarked })
}

/// Southern- and northernmost latitude over the given features.
fn latitude_range<'a>(arcs: &[Vec<Point>], features: impl Iterator<Item = &'a Feature>) -> Result<(f64, f64), String> {
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    for f in features {
        for r in f.polygons.iter().flatten().flatten() {
            let index = if *r >= 0 { *r as usize } else { (!*r) as usize };
            for p in arcs.get(index).into_iter().flatten() {
                south = south.min(p[1]);
                north = north.max(p[1]);
            }
        }
    }
    if south > north {
        return Err("countries-110m.json: no coordinates".into());
    }
    Ok((south, north))
}

type CountryRings = (Vec<Vec<Vec<Point>>>, Vec<GridRing>);

/// Builds a country's rings from the simplified arcs. A ring that
/// simplification shrinks below 3 grid points is rebuilt from the full arcs
/// so small islands and countries survive; only rings that are invisible
/// even then are dropped (a polygon whose outer ring is dropped goes too).
/// Rings cut at the antimeridian come as several chains: each outer chain
/// becomes a polygon of its own for the marker computation.
pub(crate) fn country_rings(f: &Feature, full: &[Vec<Point>], simplified: &[Vec<Point>]) -> Result<CountryRings, String> {
    let mut float_polys: Vec<Vec<Vec<Point>>> = Vec::new();
    let mut grid_rings = Vec::new();
    for polygon in &f.polygons {
        let first_of_polygon = float_polys.len();
        for (k, refs) in polygon.iter().enumerate() {
            let chains = antimeridian::ring_chains(simplified, refs)?;
            let full_chains = antimeridian::ring_chains(full, refs)?;
            for (chain, full_chain) in chains.into_iter().zip(full_chains) {
                let Some((ring, grid)) = visible_ring(chain, full_chain) else {
                    continue;
                };
                grid_rings.push(grid);
                if k == 0 {
                    float_polys.push(vec![ring]);
                } else if let Some(outer) = float_polys.get_mut(first_of_polygon) {
                    outer.push(ring);
                }
            }
            if k == 0 && float_polys.len() == first_of_polygon {
                break; // outer ring invisible: its holes are meaningless
            }
        }
    }
    Ok((float_polys, grid_rings))
}

/// The simplified ring if it is still visible on the pixel grid, else the
/// full-detail ring if that is, else nothing.
fn visible_ring(simplified: Vec<Point>, full: Vec<Point>) -> Option<(Vec<Point>, GridRing)> {
    [simplified, full].into_iter().find_map(|ring| shapes::round_ring(&ring).map(|grid| (ring, grid)))
}
