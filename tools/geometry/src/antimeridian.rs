//! Cutting shapes at the antimeridian (±180°).
//!
//! world-atlas 2 stores polygons "stitched" across ±180° (d3-geo clips them
//! on the sphere at render time), so Russia's and Fiji's rings contain
//! segments jumping from about +180° to -180°. A planar projection would
//! draw those as lines across the whole map. We split such arcs at the
//! crossing, which turns a ring into several chains, one per side of the
//! map, each closed on its own along the map edge.

use crate::topojson::{Feature, Point, Topology};

/// True if the segment a→b is shorter the other way round the globe.
fn crosses(a: Point, b: Point) -> bool {
    (b[0] - a[0]).abs() > 180.0
}

/// Where a→b meets the antimeridian: the crossing as seen from a's side
/// and from b's side (same latitude, longitude +180 vs -180).
fn crossing(a: Point, b: Point) -> (Point, Point) {
    let (edge_a, shift) = if a[0] < b[0] { (-180.0, -360.0) } else { (180.0, 360.0) };
    let b_lon = b[0] + shift; // b unwrapped to a's side
                              // a and b both on the edge (+180 then -180): the crossing is a itself.
    let t = if b_lon == a[0] { 0.0 } else { (edge_a - a[0]) / (b_lon - a[0]) };
    let lat = a[1] + t * (b[1] - a[1]);
    ([edge_a, lat], [-edge_a, lat])
}

fn push_distinct(v: &mut Vec<Point>, p: Point) {
    if v.last() != Some(&p) {
        v.push(p);
    }
}

/// Splits one arc (lon/lat) into pieces that never cross ±180°.
pub fn split_arc(arc: &[Point]) -> Vec<Vec<Point>> {
    let mut pieces = vec![Vec::new()];
    for (i, &p) in arc.iter().enumerate() {
        if i > 0 && crosses(arc[i - 1], p) {
            let (end, start) = crossing(arc[i - 1], p);
            let current = pieces.last_mut().expect("pieces is never empty");
            push_distinct(current, end);
            pieces.push(vec![start]);
        }
        push_distinct(pieces.last_mut().expect("pieces is never empty"), p);
    }
    pieces
}

/// Returns a topology whose arcs never cross ±180°: crossing arcs are
/// replaced by their pieces and the references rewritten accordingly.
pub fn cut(topology: &Topology) -> Topology {
    let mut arcs = Vec::with_capacity(topology.arcs.len());
    // For each original arc, the indices of its pieces in `arcs`.
    let mut pieces_of = Vec::with_capacity(topology.arcs.len());
    for arc in &topology.arcs {
        let first = arcs.len() as i64;
        arcs.extend(split_arc(arc));
        pieces_of.push((first..arcs.len() as i64).collect::<Vec<i64>>());
    }
    let rewrite = |r: i64| -> Vec<i64> {
        if r >= 0 {
            pieces_of[r as usize].clone()
        } else {
            // Reversed arc: its pieces in reverse order, each reversed.
            pieces_of[(!r) as usize].iter().rev().map(|&p| !p).collect()
        }
    };
    let features = topology
        .features
        .iter()
        .map(|f| Feature {
            polygons: f
                .polygons
                .iter()
                .map(|poly| poly.iter().map(|ring| ring.iter().flat_map(|&r| rewrite(r)).collect()).collect())
                .collect(),
            ..f.clone()
        })
        .collect();
    Topology { arcs, features }
}

/// Builds a ring from (cut) arcs as one or more chains. Consecutive arcs
/// normally share their joining point (kept once); where they do not, the
/// ring jumps across the antimeridian and a new chain starts. The last
/// chain continues into the first when the ring closes there.
pub fn ring_chains<P: Copy + PartialEq>(arcs: &[Vec<P>], refs: &[i64]) -> Result<Vec<Vec<P>>, String> {
    let mut chains: Vec<Vec<P>> = vec![Vec::new()];
    for &r in refs {
        let arc = arcs.get(if r >= 0 { r as usize } else { (!r) as usize }).ok_or_else(|| format!("missing arc {r}"))?;
        let points: Vec<P> = if r >= 0 { arc.clone() } else { arc.iter().rev().copied().collect() };
        let current = chains.last_mut().expect("chains is never empty");
        match (current.last(), points.first()) {
            (Some(end), Some(start)) if end == start => current.extend(&points[1..]),
            (None, _) => current.extend(points),
            _ => chains.push(points),
        }
    }
    if chains.len() > 1 {
        let last = chains.pop().expect("len > 1");
        if last.last() == chains[0].first() {
            let mut joined = last;
            joined.extend(&chains[0][1..]);
            chains[0] = joined;
        } else {
            chains.push(last);
        }
    }
    Ok(chains)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_crossing_latitude() {
        let pieces = split_arc(&[[170.0, 0.0], [-170.0, 10.0], [-160.0, 10.0]]);
        assert_eq!(pieces, vec![vec![[170.0, 0.0], [180.0, 5.0]], vec![[-180.0, 5.0], [-170.0, 10.0], [-160.0, 10.0]]]);
    }

    #[test]
    fn jump_between_edge_points_is_no_nan() {
        let pieces = split_arc(&[[179.0, 1.0], [180.0, 2.0], [-180.0, 2.0], [-179.0, 3.0]]);
        assert_eq!(pieces, vec![vec![[179.0, 1.0], [180.0, 2.0]], vec![[-180.0, 2.0], [-179.0, 3.0]]]);
    }

    #[test]
    fn ring_crossing_twice_becomes_two_closed_chains() {
        // A box from 170°E to 170°W, as one closed arc.
        let arc = vec![[170.0, 0.0], [-170.0, 0.0], [-170.0, 10.0], [170.0, 10.0], [170.0, 0.0]];
        let topo = Topology { arcs: vec![arc], features: vec![Feature { id: None, name: None, polygons: vec![vec![vec![0]]] }] };
        let cut = cut(&topo);
        let chains = ring_chains(&cut.arcs, &cut.features[0].polygons[0][0]).unwrap();
        assert_eq!(
            chains,
            vec![
                vec![[180.0, 10.0], [170.0, 10.0], [170.0, 0.0], [180.0, 0.0]],
                vec![[-180.0, 0.0], [-170.0, 0.0], [-170.0, 10.0], [-180.0, 10.0]],
            ]
        );
    }
}
