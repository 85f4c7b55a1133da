//! Native filter benchmark (`cargo bench --bench filter`): builds the directory from the shipped
//! dataset and from generated ×10 and ×100 datasets, and times typical queries. A measuring
//! tool, not a test: it asserts nothing about time.
//!
//! Prints a readable table on stderr and one JSON line per figure on stdout, prefixed
//! `BENCH_FILTER ` (what `scripts/bench.sh` reads).

use std::hint::black_box;
use std::time::{Duration, Instant};

use innovation_atlas::dataset::{Lang, Region};
use innovation_atlas::directory::{Directory, Filter, Kind};
use innovation_atlas::validate::read_dataset;
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../public/data/initiative.json");
const SCALES: [usize; 3] = [1, 10, 100];
/// Samples per figure; the median of them is reported.
const SAMPLES: usize = 31;
/// Each sample repeats the query until it has run at least this long (clock resolution).
const MIN_SAMPLE: Duration = Duration::from_millis(2);

/// The shipped dataset with every office, group, event and organisation repeated `factor`
/// times (ids suffixed `-2` … `-factor`, organisation references to the copy with the same
/// suffix). Countries stay the nine shipped ones: their codes are unique.
fn scaled_dataset(factor: usize) -> String {
    let mut root: Value = serde_json::from_str(SHIPPED).expect("shipped dataset is JSON");
    let suffix = |id: &str, copy: usize| if copy == 1 { id.to_string() } else { format!("{id}-{copy}") };
    for key in ["organisations", "offices", "groups", "events"] {
        let records = root[key].as_array().cloned().unwrap_or_default();
        let mut out = Vec::with_capacity(records.len() * factor);
        for copy in 1..=factor {
            for record in &records {
                let mut r = record.clone();
                if let Some(id) = r["id"].as_str() {
                    r["id"] = json!(suffix(id, copy));
                }
                if let Some(org) = r.get("organisation").and_then(Value::as_str) {
                    r["organisation"] = json!(suffix(org, copy));
                }
                if let Some(members) = r.get("member_of").and_then(Value::as_array) {
                    let ids: Vec<Value> = members.iter().filter_map(Value::as_str).map(|id| json!(suffix(id, copy))).collect();
                    r["member_of"] = Value::Array(ids);
                }
                out.push(r);
            }
        }
        root[key] = Value::Array(out);
    }
    root.to_string()
}

/// Median time of one call of `f`, in microseconds.
fn median_us<T>(mut f: impl FnMut() -> T) -> f64 {
    // Calibrate: how many calls make one sample long enough to time.
    let mut reps = 1usize;
    loop {
        let t = Instant::now();
        for _ in 0..reps {
            black_box(f());
        }
        if t.elapsed() >= MIN_SAMPLE || reps >= 1 << 20 {
            break;
        }
        reps *= 2;
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..reps {
                black_box(f());
            }
            t.elapsed().as_secs_f64() * 1e6 / reps as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[SAMPLES / 2]
}

fn report(scale: usize, name: &str, entries: usize, results: usize, us: f64) {
    eprintln!("  x{scale:<4} {name:<34} {us:>10.2} µs   ({results} of {entries} entries)");
    println!("BENCH_FILTER {}", json!({ "scale": scale, "name": name, "entries": entries, "results": results, "median_us": us }));
}

fn main() {
    eprintln!("filter benchmark: median of {SAMPLES} samples per figure");
    for scale in SCALES {
        let text = if scale == 1 { SHIPPED.to_string() } else { scaled_dataset(scale) };
        let loaded = read_dataset(&text).expect("dataset loads");
        assert!(loaded.problems.is_empty(), "x{scale} dataset has problems: {:?}", loaded.problems);
        let directory = Directory::new(&loaded.dataset);
        let n = directory.entries.len();

        let read = median_us(|| read_dataset(&text).map(|l| l.dataset.offices.len()));
        report(scale, "read_dataset (parse + validate)", n, loaded.dataset.offices.len(), read);
        let build = median_us(|| Directory::new(&loaded.dataset).entries.len());
        report(scale, "Directory::new", n, n, build);

        let seoul = Filter { q: "seoul".into(), ..Filter::default() };
        let results = directory.matches(&seoul, Lang::En).count();
        report(scale, "matches q=seoul", n, results, median_us(|| directory.matches(&seoul, Lang::En).count()));

        let kind_region = Filter { kind: Some(Kind::Office), region: Some(Region::Asia), ..Filter::default() };
        let results = directory.matches(&kind_region, Lang::En).count();
        let us = median_us(|| directory.matches(&kind_region, Lang::En).count());
        report(scale, "matches kind=office region=asia", n, results, us);

        // What the app computes per keystroke: the list, every option's count, the map's countries.
        let all = Filter::default();
        let results = directory.outcome(&all, Lang::En).matching.len();
        report(scale, "outcome (no filter)", n, results, median_us(|| directory.outcome(&all, Lang::En)));

        let results = directory.outcome(&seoul, Lang::En).matching.len();
        report(scale, "outcome q=seoul", n, results, median_us(|| directory.outcome(&seoul, Lang::En)));
    }
}
