//! Douglas–Peucker line simplification.
//!
//! Applied per TopoJSON arc (not per ring) so that a border shared by two
//! countries is simplified once and both countries still meet exactly.

use crate::topojson::Point;

/// Keeps the endpoints and every point needed to stay within `tolerance`
/// of the original line. A closed arc (first == last) works too: the
/// distance to a zero-length segment is the distance to its point.
pub fn douglas_peucker(line: &[Point], tolerance: f64) -> Vec<Point> {
    if line.len() <= 2 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    // Explicit stack instead of recursion: long arcs cannot overflow it.
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut far = (0.0, 0);
        for i in a + 1..b {
            let d = segment_distance(line[i], line[a], line[b]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    line.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
    let (qx, qy) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - qx).powi(2) + (p[1] - qy).powi(2)).sqrt()
}
