//! Marker-only lines for countries too small for the 1:110m map: a marker
//! point from the 1:50m map, and no outline.

use std::collections::{BTreeMap, BTreeSet};

use crate::antimeridian;
use crate::projection::MapProjection;
use crate::shapes;
use crate::topojson::{Feature, Point, Topology};
use crate::world::feature_label;

type Markers = (Vec<(String, Point)>, Vec<String>);

/// Marker points (projected with `proj`) for the countries of a finer map
/// (1:50m) whose code is not in `with_shape`, sorted by code. Features
/// sharing a code are merged; the marker sits on the largest polygon, found
/// by the same [`shapes::representative_point`] as for outlined countries,
/// but on full-detail rings: these countries are too small for the pixel
/// grid. Also returns the names of features without an ISO code.
pub(crate) fn small_country_markers(
    topology: &Topology,
    proj: &MapProjection,
    code_of: impl Fn(&Feature) -> Option<String>,
    with_shape: &BTreeSet<&str>,
) -> Result<Markers, String> {
    const SOURCE: &str = "countries-50m.json";
    let topology = antimeridian::cut(topology);
    let mut by_code: BTreeMap<String, Vec<&Feature>> = BTreeMap::new();
    let mut unmarked = Vec::new();
    for f in &topology.features {
        match code_of(f) {
            None => unmarked.push(feature_label(f)),
            Some(code) if !with_shape.contains(code.as_str()) => by_code.entry(code).or_default().push(f),
            Some(_) => {}
        }
    }
    // Project only the arcs the markers need.
    let mut projected: Vec<Vec<Point>> = vec![Vec::new(); topology.arcs.len()];
    for f in by_code.values().flatten() {
        for &r in f.polygons.iter().flatten().flatten() {
            let i = if r >= 0 { r as usize } else { (!r) as usize };
            if projected[i].is_empty() {
                projected[i] = topology.arcs[i].iter().map(|p| proj.project(p[0], p[1])).collect();
                if projected[i].iter().any(|p| !(p[0].is_finite() && p[1].is_finite())) {
                    return Err(format!("{SOURCE}: a coordinate projects to a non-finite point"));
                }
            }
        }
    }
    let mut markers = Vec::with_capacity(by_code.len());
    for (code, features) in by_code {
        let mut polygons = Vec::new();
        for f in features {
            let label = f.name.as_deref().unwrap_or(&code);
            polygons.extend(marker_polygons(f, &projected).map_err(|e| format!("{SOURCE}: {label}: {e}"))?);
        }
        let point = shapes::representative_point(&polygons).ok_or_else(|| format!("{SOURCE}: {code}: no marker point"))?;
        markers.push((code, point));
    }
    Ok((markers, unmarked))
}

/// A feature's polygons as full-detail projected rings. Rings cut at the
/// antimeridian come as several chains: each outer chain becomes a polygon
/// of its own (as in [`country_rings`](crate::world::country_rings)); rings with < 3 points are skipped.
fn marker_polygons(f: &Feature, arcs: &[Vec<Point>]) -> Result<Vec<Vec<Vec<Point>>>, String> {
    let mut polygons: Vec<Vec<Vec<Point>>> = Vec::new();
    for polygon in &f.polygons {
        let first_of_polygon = polygons.len();
        for (k, refs) in polygon.iter().enumerate() {
            for chain in antimeridian::ring_chains(arcs, refs)? {
                if chain.len() < 3 {
                    continue;
                }
                if k == 0 {
                    polygons.push(vec![chain]);
                } else if let Some(outer) = polygons.get_mut(first_of_polygon) {
                    outer.push(chain);
                }
            }
            if k == 0 && polygons.len() == first_of_polygon {
                break;
            }
        }
    }
    Ok(polygons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topojson::ArcPolygon;
    use crate::{MARGIN, WIDTH};

    fn square(lon: f64, lat: f64, size: f64) -> Vec<Point> {
        vec![[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    }

    #[test]
    fn markers_only_for_codes_without_a_shape_on_the_largest_polygon() {
        let feature = |id: &str, polygons: Vec<ArcPolygon>| Feature { id: Some(id.into()), name: Some(format!("name {id}")), polygons };
        let topo = Topology {
            // A tiny island, a bigger island, and a country that has a shape.
            arcs: vec![square(103.0, 1.0, 0.1), square(104.0, 1.0, 0.5), square(10.0, 50.0, 1.0)],
            features: vec![
                feature("702", vec![vec![vec![0]], vec![vec![1]]]),
                feature("276", vec![vec![vec![2]]]),
                Feature { id: None, name: Some("Nowhere".into()), polygons: vec![vec![vec![2]]] },
            ],
        };
        let (proj, _) = MapProjection::fit(WIDTH, MARGIN, -56.0, 84.0);
        let code_of = |f: &Feature| match f.id.as_deref() {
            Some("702") => Some("SG".to_string()),
            Some("276") => Some("DE".to_string()),
            _ => None,
        };
        let with_shape = BTreeSet::from(["DE"]);
        let (markers, unmarked) = small_country_markers(&topo, &proj, code_of, &with_shape).unwrap();
        assert_eq!(unmarked, vec!["Nowhere".to_string()]);
        assert_eq!(markers.len(), 1);
        let (code, [x, y]) = &markers[0];
        assert_eq!(code, "SG");
        // On the bigger island (104..104.5°E), not the tiny one.
        let west = proj.project(104.0, 1.25)[0];
        let east = proj.project(104.5, 1.25)[0];
        assert!(west < *x && *x < east, "x {x} not in {west}..{east}");
        let south = proj.project(104.25, 1.0)[1];
        let north = proj.project(104.25, 1.5)[1];
        assert!(north < *y && *y < south, "y {y} not in {north}..{south}");
    }
}
