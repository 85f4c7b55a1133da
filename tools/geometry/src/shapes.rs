//! Planar polygon helpers on projected pixel coordinates: rounding to the
//! integer grid, SVG path output and a marker point per country.

use crate::simplify::segment_distance;
use crate::topojson::Point;

/// A ring on the integer pixel grid, without the closing duplicate point.
pub type GridRing = Vec<[i64; 2]>;

/// Rounds a ring to whole pixels and removes the points rounding made
/// redundant (consecutive duplicates, closing duplicate). Returns `None`
/// when fewer than 3 points remain, i.e. the ring has no visible area.
pub fn round_ring(ring: &[Point]) -> Option<GridRing> {
    let mut out: GridRing = Vec::with_capacity(ring.len());
    for p in ring {
        let q = [p[0].round() as i64, p[1].round() as i64];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    (out.len() >= 3).then_some(out)
}

/// SVG path data: absolute `M` for each ring start, then relative `l`
/// steps, `z` to close. Numbers are separated by a space, or by nothing
/// before a minus sign (valid SVG and a few percent smaller).
pub fn svg_path(rings: &[GridRing]) -> String {
    let mut d = String::new();
    for ring in rings {
        d.push('M');
        push_pair(&mut d, ring[0], true);
        d.push('l');
        for (k, w) in ring.windows(2).enumerate() {
            push_pair(&mut d, [w[1][0] - w[0][0], w[1][1] - w[0][1]], k == 0);
        }
        d.push('z');
    }
    d
}

fn push_pair(d: &mut String, [x, y]: [i64; 2], after_command: bool) {
    for (n, v) in [x, y].into_iter().enumerate() {
        if !(after_command && n == 0) && v >= 0 {
            d.push(' ');
        }
        d.push_str(&v.to_string());
    }
}

/// Shoelace area (sign depends on winding).
pub fn signed_area(ring: &[Point]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// Area of a polygon: outer ring minus holes.
pub fn polygon_area(polygon: &[Vec<Point>]) -> f64 {
    let outer = polygon.first().map_or(0.0, |r| signed_area(r).abs());
    let holes: f64 = polygon.iter().skip(1).map(|r| signed_area(r).abs()).sum();
    outer - holes
}

/// Area-weighted centroid of a ring; `None` for a degenerate ring.
pub fn centroid(ring: &[Point]) -> Option<Point> {
    let n = ring.len();
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (p, q) = (ring[i], ring[(i + 1) % n]);
        let cross = p[0] * q[1] - q[0] * p[1];
        a += cross;
        cx += (p[0] + q[0]) * cross;
        cy += (p[1] + q[1]) * cross;
    }
    (a.abs() > 1e-12).then(|| [cx / (3.0 * a), cy / (3.0 * a)])
}

/// Even-odd point-in-polygon test over all rings (so holes count as outside).
pub fn contains(polygon: &[Vec<Point>], p: Point) -> bool {
    let mut inside = false;
    for ring in polygon {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]) {
                inside = !inside;
            }
        }
    }
    inside
}

fn distance_to_edges(polygon: &[Vec<Point>], p: Point) -> f64 {
    polygon
        .iter()
        .flat_map(|ring| (0..ring.len()).map(move |i| (ring[i], ring[(i + 1) % ring.len()])))
        .map(|(a, b)| segment_distance(p, a, b))
        .fold(f64::INFINITY, f64::min)
}

/// Marker position for a country: the centroid of its largest polygon, or,
/// when that falls outside (crescent shapes like Norway or Croatia), the
/// grid point inside the polygon farthest from its edges — a cheap
/// approximation of the pole of inaccessibility.
pub fn representative_point(polygons: &[Vec<Vec<Point>>]) -> Option<Point> {
    let largest = polygons.iter().filter(|p| !p.is_empty()).max_by(|a, b| polygon_area(a).total_cmp(&polygon_area(b)))?;
    if let Some(c) = centroid(&largest[0]) {
        if contains(largest, c) {
            return Some(c);
        }
    }
    Some(inaccessibility_point(largest).unwrap_or(largest[0][0]))
}

fn inaccessibility_point(polygon: &[Vec<Point>]) -> Option<Point> {
    const STEPS: usize = 40;
    let outer = &polygon[0];
    let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in outer {
        for k in 0..2 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    let mut best: Option<(f64, Point)> = None;
    for i in 0..=STEPS {
        for j in 0..=STEPS {
            let p = [min[0] + (max[0] - min[0]) * i as f64 / STEPS as f64, min[1] + (max[1] - min[1]) * j as f64 / STEPS as f64];
            if !contains(polygon, p) {
                continue;
            }
            let d = distance_to_edges(polygon, p);
            if best.is_none_or(|(bd, _)| d > bd) {
                best = Some((d, p));
            }
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_drops_duplicates_and_degenerate_rings() {
        let ring = [[0.1, 0.2], [0.4, 0.0], [5.0, 0.0], [5.0, 5.0], [0.0, 0.0]];
        assert_eq!(round_ring(&ring), Some(vec![[0, 0], [5, 0], [5, 5]]));
        assert_eq!(round_ring(&[[0.0, 0.0], [0.2, 0.3], [0.0, 0.1]]), None);
    }

    #[test]
    fn path_is_compact_relative() {
        let d = svg_path(&[vec![[10, 20], [15, 20], [15, 12]], vec![[1, 1], [2, 1], [2, 2]]]);
        assert_eq!(d, "M10 20l5 0 0-8zM1 1l1 0 0 1z");
    }

    #[test]
    fn marker_of_a_c_shape_is_inside() {
        // A "C" whose centroid lies in the opening.
        let c = vec![vec![[0.0, 0.0], [10.0, 0.0], [10.0, 2.0], [2.0, 2.0], [2.0, 8.0], [10.0, 8.0], [10.0, 10.0], [0.0, 10.0]]];
        let p = representative_point(std::slice::from_ref(&c)).unwrap();
        assert!(contains(&c, p), "{p:?} not inside");
    }
}
