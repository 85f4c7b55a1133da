//! Minimal TopoJSON reader: just enough for world-atlas country polygons.
//!
//! TopoJSON stores every shared border once, as an "arc". Polygons refer to
//! arcs by index; a negative index `~i` (= `-i - 1`) means arc `i` reversed.

use serde::Deserialize;
use serde_json::Value;

/// A point as (longitude, latitude) in degrees, or (x, y) after projection.
pub type Point = [f64; 2];

/// A polygon as lists of arc references: the first ring is the outer
/// boundary, any further rings are holes.
pub type ArcPolygon = Vec<Vec<i64>>;

#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The feature id as text (world-atlas uses ISO 3166-1 numeric strings).
    pub id: Option<String>,
    /// `properties.name`, if present.
    pub name: Option<String>,
    pub polygons: Vec<ArcPolygon>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// Arcs with absolute coordinates (transform and delta encoding undone).
    pub arcs: Vec<Vec<Point>>,
    pub features: Vec<Feature>,
}

#[derive(Deserialize)]
struct RawTopology {
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: std::collections::BTreeMap<String, RawObject>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawObject {
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Value>,
    #[serde(default)]
    arcs: Value,
}

/// Parses a TopoJSON document and returns the geometries of `object`
/// (e.g. "countries"). `source` names the file in error messages.
pub fn parse(json: &str, object: &str, source: &str) -> Result<Topology, String> {
    let raw: RawTopology = serde_json::from_str(json).map_err(|e| format!("{source}: not valid TopoJSON: {e}"))?;
    let arcs = decode_arcs(&raw.arcs, raw.transform.as_ref(), source)?;
    let obj = raw.objects.get(object).ok_or_else(|| format!("{source}: no object named {object:?}"))?;
    let mut features = Vec::with_capacity(obj.geometries.len());
    for (n, g) in obj.geometries.iter().enumerate() {
        let polygons = geometry_polygons(g).map_err(|e| format!("{source}: geometry #{n} of {object:?}: {e}"))?;
        for poly in &polygons {
            for &r in poly.iter().flatten() {
                if arc_index(r) >= arcs.len() {
                    return Err(format!("{source}: geometry #{n} refers to missing arc {r}"));
                }
            }
        }
        features.push(Feature {
            id: g.id.as_ref().and_then(value_as_text),
            name: g.properties.as_ref().and_then(|p| p.get("name")).and_then(value_as_text),
            polygons,
        });
    }
    Ok(Topology { arcs, features })
}

fn value_as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Undoes quantization: with a transform, positions are integer deltas from
/// the previous point of the same arc, scaled and translated afterwards.
fn decode_arcs(raw: &[Vec<Vec<f64>>], transform: Option<&Transform>, source: &str) -> Result<Vec<Vec<Point>>, String> {
    raw.iter()
        .enumerate()
        .map(|(i, arc)| {
            let mut acc = [0.0, 0.0];
            arc.iter()
                .map(|pos| {
                    if pos.len() < 2 {
                        return Err(format!("{source}: arc {i} has a position with < 2 numbers"));
                    }
                    Ok(match transform {
                        Some(t) => {
                            acc[0] += pos[0];
                            acc[1] += pos[1];
                            [acc[0] * t.scale[0] + t.translate[0], acc[1] * t.scale[1] + t.translate[1]]
                        }
                        None => [pos[0], pos[1]],
                    })
                })
                .collect()
        })
        .collect()
}

fn geometry_polygons(g: &RawGeometry) -> Result<Vec<ArcPolygon>, String> {
    let parse_err = |e: serde_json::Error| format!("bad arcs: {e}");
    match g.kind.as_deref() {
        Some("Polygon") => Ok(vec![serde_json::from_value(g.arcs.clone()).map_err(parse_err)?]),
        Some("MultiPolygon") => serde_json::from_value(g.arcs.clone()).map_err(parse_err),
        // Null geometries (features without shape) simply have no polygons.
        None => Ok(Vec::new()),
        Some(other) => Err(format!("unsupported geometry type {other:?}")),
    }
}

/// Index of the arc a (possibly negative, i.e. reversed) reference points to.
fn arc_index(r: i64) -> usize {
    if r >= 0 {
        r as usize
    } else {
        (!r) as usize
    }
}

/// Joins the referenced arcs into one ring. Consecutive arcs share their
/// joining point, so the first point of every arc after the first is skipped.
/// Works on any arc set with the same indices (raw or simplified).
pub fn ring<P: Copy>(arcs: &[Vec<P>], refs: &[i64]) -> Result<Vec<P>, String> {
    let mut out = Vec::new();
    for (k, &r) in refs.iter().enumerate() {
        let arc = arcs.get(arc_index(r)).ok_or_else(|| format!("missing arc {r}"))?;
        let skip = usize::from(k > 0);
        if r >= 0 {
            out.extend(arc.iter().skip(skip).copied());
        } else {
            out.extend(arc.iter().rev().skip(skip).copied());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two quantized, delta-encoded arcs that together bound a rectangle:
    /// arc 0 runs south-east-north, arc 1 west-north-east and is used reversed.
    const TINY: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [0.5, 2], "translate": [10, 20]},
        "arcs": [
            [[0, 0], [2, 0], [0, 1]],
            [[0, 0], [0, 1], [2, 0]]
        ],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "752", "properties": {"name": "Box"}, "arcs": [[0, -2]]},
            {"type": "MultiPolygon", "arcs": [[[1]]]}
        ]}}
    }"#;

    #[test]
    fn decodes_quantized_delta_arcs() {
        let t = parse(TINY, "countries", "tiny.json").unwrap();
        assert_eq!(t.arcs[0], vec![[10.0, 20.0], [11.0, 20.0], [11.0, 22.0]]);
        assert_eq!(t.features[0].id.as_deref(), Some("752"));
        assert_eq!(t.features[0].name.as_deref(), Some("Box"));
        assert_eq!(t.features[1].id, None);
    }

    #[test]
    fn tiny_topology_decodes_to_expected_ring() {
        let t = parse(TINY, "countries", "tiny.json").unwrap();
        let r = ring(&t.arcs, &t.features[0].polygons[0][0]).unwrap();
        // Arc 1 reversed is (11,22) (10,22) (10,20); its first point repeats
        // arc 0's last and is skipped.
        assert_eq!(r, vec![[10.0, 20.0], [11.0, 20.0], [11.0, 22.0], [10.0, 22.0], [10.0, 20.0]]);
    }

    #[test]
    fn bad_input_is_an_error_naming_the_file() {
        let e = parse("{", "countries", "broken.json").unwrap_err();
        assert!(e.contains("broken.json"), "{e}");
        let e = parse(&TINY.replace("[[0, -2]]", "[[0, 7]]"), "countries", "tiny.json").unwrap_err();
        assert!(e.contains("tiny.json") && e.contains("missing arc"), "{e}");
    }
}
