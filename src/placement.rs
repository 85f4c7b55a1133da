//! Where the map's markers and the selected country's name go so that none hides another, at
//! any width and zoom: markers closer than they can be told apart are spread (each as near its
//! country's point as it can be, the app draws a leader line back to it), and the name goes on
//! the side of its marker that covers no other marker and stays on the map. Plain geometry in
//! map units, so it is tested natively; the app (`ui::map_layer`, `ui::map`) gives it the
//! current scale.
//!
//! ```
//! use innovation_atlas::placement::{spread, place_label, Side};
//! // Two markers 3 units apart that must be 10 apart: each moves out by 3.5.
//! let spread = spread(&[(100.0, 50.0), (103.0, 50.0)], 10.0);
//! assert!((spread[1].0 - spread[0].0 - 10.0).abs() < 0.01);
//! // A name with a marker on its right goes to the left.
//! let place = place_label((100.0, 50.0), (40.0, 10.0), 5.0, &[(120.0, 50.0, 5.0)], (0.0, 0.0, 400.0, 200.0));
//! assert_eq!(place.side, Side::Left);
//! ```

/// Moves points apart until every two are at least `min_distance` from each other, each as
/// little as it can: pairs too close push each other apart along the line between them, a few
/// rounds over all pairs. The same points always give the same result.
pub fn spread(points: &[(f64, f64)], min_distance: f64) -> Vec<(f64, f64)> {
    let mut out = points.to_vec();
    for _ in 0..60 {
        let mut moved = false;
        for i in 0..out.len() {
            for j in i + 1..out.len() {
                let (dx, dy) = (out[j].0 - out[i].0, out[j].1 - out[i].1);
                let distance = dx.hypot(dy);
                if distance >= min_distance - 1e-9 {
                    continue;
                }
                // Two markers on the same point part sideways: west stays west.
                let (ux, uy) = if distance < 1e-9 { (1.0, 0.0) } else { (dx / distance, dy / distance) };
                // A little more than half the gap each, so the rounds end.
                let push = (min_distance - distance) / 2.0 + 1e-6;
                out[i] = (out[i].0 - ux * push, out[i].1 - uy * push);
                out[j] = (out[j].0 + ux * push, out[j].1 + uy * push);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    out
}

/// Which side of its marker a name is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
}

impl Side {
    /// In the order they are tried: beside, then above and below, then the corners.
    const ALL: [Side; 8] =
        [Side::Right, Side::Left, Side::Above, Side::Below, Side::AboveRight, Side::BelowRight, Side::AboveLeft, Side::BelowLeft];
}

/// Where a name goes: the side, and the text's anchor point (`x`, baseline `y`) with SVG's
/// `text-anchor` for that side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelPlace {
    pub side: Side,
    pub x: f64,
    pub y: f64,
    pub text_anchor: &'static str,
    /// The box the name takes: (x, y, width, height).
    pub bounds: (f64, f64, f64, f64),
    /// Placed further out than beside its marker: a line ties them (see [`LabelPlace::leader`]).
    pub far: bool,
}

impl LabelPlace {
    /// For a name placed far out, the line from its marker's edge (of `radius`) to the nearest
    /// point of its box: ((x1, y1), (x2, y2)).
    pub fn leader(&self, at: (f64, f64), radius: f64) -> Option<((f64, f64), (f64, f64))> {
        if !self.far {
            return None;
        }
        let (bx, by, bw, bh) = self.bounds;
        let to = (at.0.clamp(bx, bx + bw), at.1.clamp(by, by + bh));
        let length = (to.0 - at.0).hypot(to.1 - at.1);
        (length > radius).then(|| ((at.0 + (to.0 - at.0) / length * radius, at.1 + (to.1 - at.1) / length * radius), to))
    }
}

/// Places a name of `size` (width, height) beside the marker at `at` of radius `radius`: the
/// first of right, left, above, below and the four corners whose box covers none of the
/// `others` markers (x, y, radius) and lies inside `view` (x, y, width, height); a box that
/// would leave the view is also tried moved inside it. With no such place beside the marker,
/// the same further out (with a leader line). If no place is free, one inside the view that
/// covers the fewest markers (its own too): a name cut off by the map's edge is worst.
pub fn place_label(at: (f64, f64), size: (f64, f64), radius: f64, others: &[(f64, f64, f64)], view: (f64, f64, f64, f64)) -> LabelPlace {
    let gap = radius * 1.5;
    let own = (at.0, at.1, radius);
    let cost = |place: &LabelPlace| {
        let covered = others.iter().chain([&own]).filter(|o| box_meets_circle(place.bounds, **o)).count();
        let outside = outside_area(place.bounds, view);
        let cut_off = if outside > 0.0 { 1e9 + outside } else { 0.0 };
        cut_off + covered as f64 * 1e6 + if place.far { 1e3 } else { 0.0 }
    };
    let candidates = [(gap, false), (gap * FAR, true)].into_iter().flat_map(|(distance, far)| {
        Side::ALL.into_iter().flat_map(move |side| {
            let place = LabelPlace { far, ..candidate(side, at, size, distance) };
            [place, moved_inside(place, view)]
        })
    });
    let mut best: Option<(LabelPlace, f64)> = None;
    for place in candidates {
        let c = cost(&place);
        if best.is_none_or(|(_, b)| c < b) {
            best = Some((place, c));
        }
    }
    best.map(|(place, _)| place).unwrap_or_else(|| candidate(Side::Right, at, size, gap))
}

/// How much further out than beside its marker a name goes when nothing beside it is free.
const FAR: f64 = 2.5;

/// The place moved the least that brings its box inside `view` (where it fits).
fn moved_inside(place: LabelPlace, (vx, vy, vw, vh): (f64, f64, f64, f64)) -> LabelPlace {
    let (bx, by, bw, bh) = place.bounds;
    let dx = (vx - bx).max(0.0) + ((vx + vw) - (bx + bw)).min(0.0);
    let dy = (vy - by).max(0.0) + ((vy + vh) - (by + bh)).min(0.0);
    LabelPlace { x: place.x + dx, y: place.y + dy, bounds: (bx + dx, by + dy, bw, bh), ..place }
}

fn candidate(side: Side, (x, y): (f64, f64), (w, h): (f64, f64), gap: f64) -> LabelPlace {
    // A baseline sits 30% of the box above its foot: below it go the descenders and the halo.
    let baseline = |top: f64| top + h * 0.7;
    // A corner is as far out as the side's gap, diagonally.
    let corner = gap * std::f64::consts::FRAC_1_SQRT_2;
    let (left, top, text_anchor) = match side {
        Side::Right => (x + gap, y - h / 2.0, "start"),
        Side::Left => (x - gap - w, y - h / 2.0, "end"),
        Side::Above => (x - w / 2.0, y - gap - h, "middle"),
        Side::Below => (x - w / 2.0, y + gap, "middle"),
        Side::AboveRight => (x + corner, y - corner - h, "start"),
        Side::BelowRight => (x + corner, y + corner, "start"),
        Side::AboveLeft => (x - corner - w, y - corner - h, "end"),
        Side::BelowLeft => (x - corner - w, y + corner, "end"),
    };
    let anchor_x = match text_anchor {
        "start" => left,
        "end" => left + w,
        _ => left + w / 2.0,
    };
    LabelPlace { side, x: anchor_x, y: baseline(top), text_anchor, bounds: (left, top, w, h), far: false }
}

fn box_meets_circle((bx, by, bw, bh): (f64, f64, f64, f64), (cx, cy, r): (f64, f64, f64)) -> bool {
    let nearest_x = cx.clamp(bx, bx + bw);
    let nearest_y = cy.clamp(by, by + bh);
    (cx - nearest_x).hypot(cy - nearest_y) < r
}

/// How much of a box lies outside the view: exactly 0 for a box wholly inside (the areas
/// subtracted would differ by rounding, and an inside box be taken to leave the view).
fn outside_area((bx, by, bw, bh): (f64, f64, f64, f64), (vx, vy, vw, vh): (f64, f64, f64, f64)) -> f64 {
    let e = 1e-9 * (vw + vh);
    if bx >= vx - e && by >= vy - e && bx + bw <= vx + vw + e && by + bh <= vy + vh + e {
        return 0.0;
    }
    let inside_w = ((bx + bw).min(vx + vw) - bx.max(vx)).max(0.0);
    let inside_h = ((by + bh).min(vy + vh) - by.max(vy)).max(0.0);
    bw * bh - inside_w * inside_h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::world;

    fn anchor(code: &str) -> (f64, f64) {
        world().shape(code).expect("on the map").anchor
    }

    const PRIORITY: [&str; 9] = ["US", "BR", "FR", "DE", "IL", "IN", "CN", "KR", "JP"];

    #[test]
    fn markers_on_a_phone_are_spread_apart_and_stay_near_their_countries() {
        // At 320 px the map is 288 px wide; markers are kept 17 px apart (`ui::map`).
        let units_per_px = world().width / 288.0;
        let min = 17.0 * units_per_px;
        let points: Vec<_> = PRIORITY.iter().map(|c| anchor(c)).collect();
        let spread = spread(&points, min);
        for i in 0..spread.len() {
            for j in i + 1..spread.len() {
                let d = (spread[i].0 - spread[j].0).hypot(spread[i].1 - spread[j].1);
                assert!(d >= min - 0.01, "{} and {} are {d:.1} apart, less than {min:.1}", PRIORITY[i], PRIORITY[j]);
            }
            let moved = (spread[i].0 - points[i].0).hypot(spread[i].1 - points[i].1);
            assert!(moved <= min, "{} moved {moved:.1} units, more than a marker's spacing", PRIORITY[i]);
        }
    }

    #[test]
    fn markers_far_apart_do_not_move() {
        let points = [(10.0, 10.0), (100.0, 10.0), (10.0, 100.0)];
        assert_eq!(spread(&points, 20.0), points);
    }

    #[test]
    fn a_name_near_the_east_edge_goes_where_no_marker_is() {
        // Japan, with South Korea's marker to its west and the map's edge to its east.
        let (jp, kr) = (anchor("JP"), anchor("KR"));
        let view = (0.0, 0.0, world().width, world().height);
        let place = place_label(jp, (60.0, 16.0), 4.0, &[(kr.0, kr.1, 4.0)], view);
        assert!(!box_meets_circle(place.bounds, (kr.0, kr.1, 4.0)), "{place:?} covers South Korea");
        assert_eq!(outside_area(place.bounds, view), 0.0, "{place:?} leaves the map");
    }

    #[test]
    fn a_place_that_covers_a_marker_is_never_taken_while_one_is_free() {
        // Israel on a 343 px map, once given a place above it over Germany's marker (a box wholly
        // inside the map was taken to leave it by a rounding error).
        let u = 1000.0 / 343.0;
        let others: Vec<_> = [(257.7, 104.6), (355.4, 282.0), (496.0, 88.0), (534.0, 59.2), (710.6, 160.3), (758.0, 115.1)]
            .iter()
            .map(|&(x, y)| (x, y, 6.5 * u))
            .collect();
        let place = place_label((589.5, 129.4), (72.6 * u, 24.3 * u), 8.0 * u, &others, (0.0, 0.0, 1000.0, 436.0));
        assert!(others.iter().all(|o| !box_meets_circle(place.bounds, *o)), "{place:?}");
        assert_eq!(outside_area(place.bounds, (0.0, 0.0, 1000.0, 436.0)), 0.0, "{place:?}");
    }

    #[test]
    fn hemmed_in_by_neighbours_the_name_goes_further_out_with_a_leader() {
        let ring: Vec<_> = (0..8)
            .map(|i| f64::from(i) * std::f64::consts::FRAC_PI_4)
            .map(|a| (100.0 + 6.0 * a.cos(), 100.0 + 6.0 * a.sin(), 1.0))
            .collect();
        let place = place_label((100.0, 100.0), (20.0, 6.0), 2.0, &ring, (0.0, 0.0, 200.0, 200.0));
        assert!(ring.iter().all(|o| !box_meets_circle(place.bounds, *o)), "{place:?}");
        assert!(place.far, "{place:?}");
        let ((x1, y1), _) = place.leader((100.0, 100.0), 2.0).expect("a leader line");
        assert!(((x1 - 100.0).hypot(y1 - 100.0) - 2.0).abs() < 1e-9, "the line starts at the marker's edge");
    }

    #[test]
    fn with_no_free_side_the_name_covers_the_fewest_markers() {
        let others = [(20.0, 0.0, 3.0), (-20.0, 0.0, 3.0), (0.0, -12.0, 3.0)];
        let place = place_label((0.0, 0.0), (30.0, 8.0), 3.0, &others, (-100.0, -100.0, 200.0, 200.0));
        assert_eq!(place.side, Side::Below);
    }
}
