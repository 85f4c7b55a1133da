//! Browser tests: the release build in `dist/`, served on loopback, driven through WebDriver as
//! a visitor would use it. Run by `scripts/test.sh` after `trunk build --release`.
//!
//! `cargo test --test browser` runs every scenario on each engine named in `ATLAS_ENGINES`, a
//! comma-separated list of chromium, firefox and webkit (default: chromium; `scripts/test.sh`
//! sets all three); `-- NAME` runs only scenarios whose name contains NAME. Each engine starts
//! its own WebDriver server on a free port (chromedriver, geckodriver, WebKitWebDriver with
//! MiniBrowser on an Xvfb display of its own when there is no DISPLAY); see `driver.rs`.

// WebDriver and a tokio runtime are native-only: in wasm32 (clippy checks every target there)
// this crate is empty, with no main to look for.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod driver;
mod page;
mod run_command;
mod scenarios;
mod server;
mod session;
mod sub_path;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::{Duration, Instant};

use driver::{Driver, Engine};
use page::{Page, TestResult};
use server::Server;
use session::Lane;

pub type Scenario = fn(&Page) -> Pin<Box<dyn Future<Output = TestResult> + '_>>;

/// Turns `async fn name(page: &Page) -> TestResult` items into a named list.
#[macro_export]
macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        pub fn all() -> Vec<(&'static str, $crate::Scenario)> {
            vec![$((stringify!($name), |p| Box::pin($name(p)))),*]
        }
    };
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let dist = PathBuf::from(std::env::var("ATLAS_DIST").unwrap_or_else(|_| "dist".into()));
    if !dist.join("index.html").exists() {
        eprintln!("browser tests: {} has no index.html; build first (scripts/test.sh does)", dist.display());
        std::process::exit(1);
    }
    let engines = std::env::var("ATLAS_ENGINES").unwrap_or_else(|_| "chromium".into());
    let mut known = Vec::new();
    for name in engines.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let Some(engine) = Engine::from_name(name) else {
            eprintln!("browser tests: unknown engine {name} (known: chromium, firefox, webkit, chromium-touch)");
            std::process::exit(1);
        };
        known.push(engine);
    }
    let once: Vec<_> = ONCE
        .into_iter()
        .filter(|(name, _)| known.contains(&Engine::Chromium) && filter.as_deref().is_none_or(|f| name.contains(f)))
        .collect();
    // The checks that run once build the app again (the run command builds into dist/), while the
    // engines' scenarios run: those are served a copy, which no build touches.
    let served = if once.is_empty() {
        dist.clone()
    } else {
        let copy = PathBuf::from("target/browser-dist");
        if let Err(e) = copy_folder(&dist, &copy) {
            eprintln!("browser tests: could not copy {} to {}: {e}", dist.display(), copy.display());
            std::process::exit(1);
        }
        copy
    };
    let (passed, failed) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            once.iter().fold((0, 0), |(p, f), (name, check)| if runtime.block_on(run_once(name, *check)) { (p + 1, f) } else { (p, f + 1) })
        });
        let (p, f) = run_lanes(&known, &served, filter.as_deref());
        let (once_p, once_f) = checks.join().unwrap_or((0, 1));
        (p + once_p, f + once_f)
    });
    report_failures_again();
    println!("\nbrowser: {passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}

/// Copies the folder `from` to `to` (emptied first), files and sub-folders.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Every failure's line, said again at the end: CI logs are read from their tail, and three lanes
/// at once interleave a failure with hundreds of other lines.
static FAILURES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Prints a failure now and keeps it for [`report_failures_again`].
fn report_failure(line: String) {
    println!("{line}");
    FAILURES.lock().unwrap_or_else(|e| e.into_inner()).push(line);
}

fn report_failures_again() {
    let failures = FAILURES.lock().unwrap_or_else(|e| e.into_inner());
    if !failures.is_empty() {
        println!("\nfailures ({}):", failures.len());
        for line in failures.iter() {
            println!("{line}");
        }
    }
}

/// A check that runs once, in Chromium, on a WebDriver server of its own.
type Once = for<'a> fn(&'a Driver) -> Pin<Box<dyn Future<Output = TestResult> + 'a>>;

/// The checks that run once, in a lane of their own beside the engines' scenarios: the README's
/// first command (`run_command.rs`), and a build for a sub-path (`sub_path.rs`).
const ONCE: [(&str, Once); 2] = [
    (run_command::NAME, |d| Box::pin(run_command::check_run_command(d))),
    (sub_path::NAME, |d| Box::pin(sub_path::check_sub_path_build(d))),
];

async fn run_once(name: &str, check: Once) -> bool {
    let started = Instant::now();
    let result = match Driver::start(Engine::Chromium) {
        Ok(driver) => check(&driver).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => {
            println!("[chromium] {name} ... ok ({} ms)", started.elapsed().as_millis());
            true
        }
        Err(e) => {
            report_failure(format!("[chromium] {name} ... FAILED: {e}"));
            false
        }
    }
}

/// One lane's share of an engine's scenarios: those whose place in the list is `index` modulo
/// `of`.
#[derive(Clone, Copy)]
struct Share {
    engine: Engine,
    index: usize,
    of: usize,
}

/// Runs the engines in lanes at once: Chromium (then its phone emulation) in one lane, Firefox
/// and WebKit each in `ATLAS_LANES_PER_ENGINE` lanes (default 1); `ATLAS_LANES=1` runs
/// everything in one lane, one scenario at a time. On two cores three lanes are the most that
/// help: with Firefox and WebKit in two lanes each, every lane slowed down and the suite took as
/// long (CI, 2026-12-01: 502 s against 472 s), the machine's cores being busy throughout.
fn run_lanes(engines: &[Engine], dist: &Path, filter: Option<&str>) -> (usize, usize) {
    let number = |var: &str| std::env::var(var).ok().and_then(|v| v.trim().parse::<usize>().ok());
    let one_lane = number("ATLAS_LANES") == Some(1);
    let split = if one_lane { 1 } else { number("ATLAS_LANES_PER_ENGINE").unwrap_or(1).max(1) };
    // The first lane: Chromium and its phone emulation (or, in one lane, everything).
    let mut grouped: Vec<Vec<Share>> = vec![Vec::new()];
    for &engine in engines {
        let of = if matches!(engine, Engine::Firefox | Engine::Webkit) { split } else { 1 };
        for index in 0..of {
            let share = Share { engine, index, of };
            if one_lane || matches!(engine, Engine::Chromium | Engine::ChromiumTouch) {
                grouped[0].push(share);
            } else {
                grouped.push(vec![share]);
            }
        }
    }
    let lane = |shares: Vec<Share>| {
        move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            shares.into_iter().fold((0, 0), |(passed, failed), share| {
                let (p, f) = runtime.block_on(run_engine(share, dist, filter));
                (passed + p, failed + f)
            })
        }
    };
    std::thread::scope(|scope| {
        let running: Vec<_> = grouped.into_iter().filter(|g| !g.is_empty()).map(|g| scope.spawn(lane(g))).collect();
        running.into_iter().map(|r| r.join().unwrap_or((0, 1))).fold((0, 0), |(p, f), (lp, lf)| (p + lp, f + lf))
    })
}

async fn run_engine(share: Share, dist: &Path, filter: Option<&str>) -> (usize, usize) {
    let (engine, started) = (share.engine, Instant::now());
    let mut lane = match Lane::start(engine) {
        Ok(lane) => lane,
        Err(e) => {
            report_failure(format!("[{}] could not start: {e}", engine.name()));
            return (0, 1);
        }
    };
    let (mut passed, mut failed) = (0, 0);
    let shared = scenarios::for_engine(engine).into_iter().enumerate().filter(|(i, _)| i % share.of == share.index);
    for (name, scenario) in shared.map(|(_, s)| s) {
        if filter.is_some_and(|f| !name.contains(f)) {
            continue;
        }
        // A server of its own for each scenario: its origin (a new port) keeps what the scenario
        // stored in the browser from the next one (see `session.rs`), and what it set up on the
        // server (a data reply, headers, CSP reports) from the next scenario and engine.
        let server = Server::start(dist.to_path_buf());
        let opening = Instant::now();
        let client = match lane.session(name).await {
            Ok(c) => c,
            Err(e) => {
                report_failure(format!("[{}] {name} ... FAILED (session): {e}", engine.name()));
                failed += 1;
                continue;
            }
        };
        let page = Page { client, server, scenario: name.to_string() };
        let session_ms = opening.elapsed().as_millis();
        let t = Instant::now();
        let outcome = tokio::time::timeout(Duration::from_secs(90), scenario(&page)).await;
        let result = match outcome {
            Ok(r) => r,
            Err(_) => Err("timed out after 90 s".into()),
        };
        match &result {
            Ok(()) => {
                passed += 1;
                println!("[{}] {name} ... ok ({} ms; session {session_ms} ms)", engine.name(), t.elapsed().as_millis());
            }
            Err(e) => {
                failed += 1;
                let _ = page.screenshot(&format!("FAILED-{}-{name}", engine.name())).await;
                report_failure(format!("[{}] {name} ... FAILED: {e}", engine.name()));
            }
        }
        lane.finish(name, page.client, result.is_ok()).await;
    }
    let browsers = lane.started;
    lane.close().await;
    let part = if share.of > 1 { format!(" {}/{}", share.index + 1, share.of) } else { String::new() };
    println!(
        "[{}{part}] {passed} passed, {failed} failed in {:.1} s ({browsers} browsers started)",
        engine.name(),
        started.elapsed().as_secs_f64()
    );
    (passed, failed)
}
