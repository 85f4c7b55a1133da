//! Equal Earth projection (Šavrič, Patterson & Jenny 2018), fitted to pixels.
//!
//! Equal-area, so partner countries are compared at their true relative size,
//! while keeping a familiar, not too distorted look.

use crate::topojson::Point;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Projects longitude/latitude in degrees onto the unit Equal Earth plane
/// (x east, y north; x in about ±2.71, y in about ±1.32).
pub fn equal_earth(lon: f64, lat: f64) -> Point {
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    [x, y]
}

/// Equal Earth scaled into a pixel box: y grows downwards (SVG), north up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapProjection {
    scale: f64,
    /// Pixel x of longitude 0.
    center_x: f64,
    /// Pixel y of the equator.
    equator_y: f64,
}

impl MapProjection {
    /// Fits the whole ±180° width into `width` pixels minus `margin` on each
    /// side, and the latitudes `south..=north` vertically with the same
    /// margin. Returns the projection and the (rounded up) pixel height.
    pub fn fit(width: f64, margin: f64, south: f64, north: f64) -> (MapProjection, f64) {
        // The equator is the widest parallel, so ±180° there bounds x.
        let half_width = equal_earth(180.0, 0.0)[0];
        let scale = (width - 2.0 * margin) / (2.0 * half_width);
        let top = equal_earth(0.0, north)[1];
        let bottom = equal_earth(0.0, south)[1];
        let proj = MapProjection { scale, center_x: width / 2.0, equator_y: margin + scale * top };
        let height = (scale * (top - bottom) + 2.0 * margin).ceil();
        (proj, height)
    }

    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let [x, y] = equal_earth(lon, lat);
        [self.center_x + self.scale * x, self.equator_y - self.scale * y]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> (MapProjection, f64) {
        MapProjection::fit(1000.0, 4.0, -56.0, 84.0)
    }

    #[test]
    fn origin_is_the_horizontal_centre() {
        let (p, _) = map();
        assert!((p.project(0.0, 0.0)[0] - 500.0).abs() < 1e-9);
    }

    #[test]
    fn equator_is_one_horizontal_line() {
        let (p, _) = map();
        let y0 = p.project(0.0, 0.0)[1];
        for lon in [-180.0, -97.5, -1.0, 33.3, 120.0, 180.0] {
            assert!((p.project(lon, 0.0)[1] - y0).abs() < 1e-9, "lon {lon}");
        }
    }

    #[test]
    fn stockholm_is_right_of_and_above_centre() {
        let (p, _) = map();
        let [cx, cy] = p.project(0.0, 0.0);
        let [x, y] = p.project(18.07, 59.33);
        assert!(x > cx && y < cy, "Stockholm at {x},{y}, centre {cx},{cy}");
    }

    #[test]
    fn antimeridian_is_the_left_and_right_extreme_within_the_margin() {
        let (p, h) = map();
        assert!((p.project(-180.0, 0.0)[0] - 4.0).abs() < 1e-9);
        assert!((p.project(180.0, 0.0)[0] - 996.0).abs() < 1e-9);
        for lat in [-56.0, -30.0, 0.0, 45.0, 84.0] {
            let left = p.project(-180.0, lat)[0];
            let right = p.project(180.0, lat)[0];
            for lon in [-179.9, -90.0, 0.0, 90.0, 179.9] {
                let x = p.project(lon, lat)[0];
                assert!(left < x && x < right, "lon {lon} lat {lat}");
            }
        }
        // The fitted latitudes touch the top and bottom margins.
        assert!((p.project(0.0, 84.0)[1] - 4.0).abs() < 1e-9);
        assert!(p.project(0.0, -56.0)[1] <= h - 4.0);
    }

    #[test]
    fn monotonic_in_longitude_and_latitude() {
        let (p, _) = map();
        for lat in (-85..=85).step_by(5).map(f64::from) {
            let xs: Vec<f64> = (-180..=180).map(|lon| p.project(f64::from(lon), lat)[0]).collect();
            assert!(xs.windows(2).all(|w| w[0] < w[1]), "x not increasing at lat {lat}");
        }
        for lon in (-180..=180).step_by(15).map(f64::from) {
            let ys: Vec<f64> = (-89..=89).map(|lat| p.project(lon, f64::from(lat))[1]).collect();
            assert!(ys.windows(2).all(|w| w[0] > w[1]), "y not decreasing northwards at lon {lon}");
        }
    }

    #[test]
    fn matches_published_extent() {
        // Equal Earth's x range at the equator is ±2.7066, y range ±1.3173.
        assert!((equal_earth(180.0, 0.0)[0] - 2.7066).abs() < 1e-4);
        assert!((equal_earth(0.0, 90.0)[1] - 1.3173).abs() < 1e-4);
    }
}
