//! Browser timings for `scripts/bench.sh`: drives Debian's Chromium through chromedriver and
//! measures, inside the page with `performance.now()`:
//!
//! - load → interactive: from navigation start until the map's buttons and the directory exist
//!   (a MutationObserver injected before any page script, through Chrome DevTools'
//!   `Page.addScriptToEvaluateOnNewDocument`);
//! - keystroke → painted: from the `input` event of a real keystroke ("k") in `#search` until
//!   the changed list is painted;
//! - select → painted: from a click dispatched on a country until `#details-heading` is painted.
//!
//! "Painted" is when the first frame after the DOM change has rendered: its animation frame
//! callback posts a task at the highest priority (`scheduler.postTask`, `user-blocking`), which
//! runs as soon as that frame's style, layout, paint and commit are done, ahead of any timer
//! the page queued meanwhile. `raf2` = two requestAnimationFrame callbacks (always at least
//! one whole frame later).
//!
//! For the keystroke the time is also split: `handled` = when the keystroke's task (handlers
//! and the microtasks they queue) ended, `frame` = when the next frame began; between the two
//! the main thread waits for the display's next frame. `work` = `handled` + the frame's
//! rendering (`paint` − `frame`): the main thread's time for the update, which must fit in
//! one frame for no frame to be dropped.
//!
//! Every measured run is a first visit with a cold cache (Chrome DevTools'
//! `Network.clearBrowserCache` before navigating), followed by a second visit to the same
//! address with the cache as the first left it: for both, load → interactive, the largest
//! contentful paint (the last `largest-contentful-paint` entry) and the bytes transferred
//! (the navigation's and every resource's `transferSize`: 0 for a file from the cache).
//!
//! The web editor (KIND `editor`, `editor.rs`): open → record list shown, a keystroke in its
//! search → painted, typing in a record's name → painted.
//!
//! A measuring tool, not a test: it prints every run as JSON on stdout and asserts nothing.
//!
//! Usage: cargo run --example browser_timings -- [--runs N] NAME=KIND=URL...
//! (KIND is `app` for Innovation Atlas, `ref` for the jsvectormap reference page, `editor` for
//! the web editor's editor.html.)

// It drives a browser over WebDriver with native-only crates: there is nothing of it in wasm32.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod chromedriver;
mod editor;
mod page_scripts;

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use chromedriver::Driver;
use page_scripts::{init_script, Selectors, APP, ARM_KEYSTROKE, BACKSPACE, READ_VISIT, REFERENCE, SELECT_COUNTRY, SETTLE};

type Error = Box<dyn std::error::Error>;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    App,
    Reference,
    Editor,
}

struct Target {
    name: String,
    kind: Kind,
    url: String,
}

impl Target {
    fn selectors(&self) -> &'static Selectors {
        if self.kind == Kind::Reference {
            &REFERENCE
        } else {
            &APP
        }
    }

    fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::App => "app",
            Kind::Reference => "ref",
            Kind::Editor => "editor",
        }
    }

    /// What runs first in every new document of this target's session.
    fn init_script(&self) -> String {
        match self.kind {
            Kind::Editor => init_script(editor::READY, editor::FRESH_START),
            _ => init_script(self.selectors().ready, ""),
        }
    }
}

/// One visit of `url` from a blank page: a first visit (`cold`: the browser's cache cleared
/// first) or a second one (the cache as the visits before left it). Load → interactive, then
/// LCP and bytes transferred once the page has settled.
async fn visit(driver: &Driver, session: &str, client: &Client, url: &str, cold: bool) -> Result<Value, Error> {
    client.goto("about:blank").await?;
    if cold {
        driver.cdp(session, "Network.clearBrowserCache", json!({}))?;
    }
    client.goto(url).await?;
    let interactive = client.execute("return window.__bench.ready;", vec![]).await?;
    client.execute(SETTLE, vec![]).await?;
    let mut cost = client.execute(READ_VISIT, vec![]).await?;
    cost["interactive"] = interactive;
    Ok(cost)
}

/// One run: a first visit (load → interactive, one keystroke, clear, select a country), then a
/// second visit.
async fn measure_run(driver: &Driver, session: &str, client: &Client, target: &Target) -> Result<Value, Error> {
    let s = target.selectors();
    let first = visit(driver, session, client, &target.url, true).await?;

    client.execute(ARM_KEYSTROKE, vec![json!(s.directory), json!(s.entries)]).await?;
    let search = client.find(Locator::Css("#search")).await?;
    search.send_keys("k").await?;
    let keystroke = client.execute("return window.__bench.keystroke;", vec![]).await?;
    search.send_keys(BACKSPACE).await?;
    client.execute(SETTLE, vec![]).await?;

    let select = client.execute(SELECT_COUNTRY, vec![json!(s.country), json!(s.details)]).await?;
    let second = visit(driver, session, client, &target.url, false).await?;
    Ok(json!({
        "interactive": first["interactive"],
        "first_visit": first,
        "second_visit": second,
        "keystroke": keystroke,
        "select": select,
    }))
}

/// What the page shows after loading, read once (for the report's sanity checks).
async fn page_facts(client: &Client, target: &Target) -> Result<Value, Error> {
    let s = target.selectors();
    client.goto(&target.url).await?;
    client.execute("return window.__bench.ready;", vec![]).await?;
    client.execute(SETTLE, vec![]).await?;
    let script = "const [countSel, entriesSel] = arguments; return {
        data_problems: !!document.querySelector('.data-problems'),
        count: (document.querySelector(countSel)?.textContent ?? '').trim(),
        rows: document.querySelectorAll(entriesSel + ' > li').length,
        load_error: !!document.querySelector('.load-error, .alert[role=alert]'),
        layout_shift: window.__bench.shifts.reduce((sum, s) => sum + s.value, 0),
        shifts: window.__bench.shifts,
    };";
    Ok(client.execute(script, vec![json!(s.count), json!(s.entries)]).await?)
}

async fn measure_target(driver: &Driver, target: &Target, runs: usize) -> Value {
    let mut out = json!({ "name": target.name, "kind": target.kind_name(), "url": target.url, "runs": [], "errors": [] });
    let client = match driver.session().await {
        Ok(c) => c,
        Err(e) => {
            out["errors"] = json!([format!("no WebDriver session: {e}")]);
            return out;
        }
    };
    let result: Result<(), Error> = async {
        let session = client.session_id().await?.ok_or("no session id")?;
        driver.cdp(&session, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": target.init_script() }))?;
        out["facts"] = match target.kind {
            Kind::Editor => editor::facts(&client, &target.url).await?,
            _ => page_facts(&client, target).await?,
        };
        let (session, client) = (session.as_str(), &client);
        let run = move || async move {
            match target.kind {
                Kind::Editor => editor::measure_run(driver, session, client, &target.url).await,
                _ => measure_run(driver, session, client, target).await,
            }
        };
        // One warm-up run (the browser's process and the server), not counted.
        if let Err(e) = run().await {
            out["errors"].as_array_mut().unwrap().push(json!(format!("warm-up: {e}")));
        }
        for i in 0..runs {
            match tokio::time::timeout(Duration::from_secs(60), run()).await {
                Ok(Ok(run)) => out["runs"].as_array_mut().unwrap().push(run),
                Ok(Err(e)) => out["errors"].as_array_mut().unwrap().push(json!(format!("run {}: {e}", i + 1))),
                Err(_) => out["errors"].as_array_mut().unwrap().push(json!(format!("run {}: timed out after 60 s", i + 1))),
            }
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        out["errors"].as_array_mut().unwrap().push(json!(e.to_string()));
    }
    let _ = client.close().await;
    out
}

fn parse_args() -> Result<(usize, Vec<Target>), String> {
    let mut runs = 7;
    let mut targets = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).ok_or("--runs needs a number")?;
            continue;
        }
        let mut parts = arg.splitn(3, '=');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(name), Some(kind @ ("app" | "ref" | "editor")), Some(url)) => {
                let kind = match kind {
                    "app" => Kind::App,
                    "ref" => Kind::Reference,
                    _ => Kind::Editor,
                };
                targets.push(Target { name: name.into(), kind, url: url.into() })
            }
            _ => return Err(format!("expected NAME=app|ref|editor=URL, got {arg:?}")),
        }
    }
    if targets.is_empty() {
        return Err("usage: browser_timings [--runs N] NAME=app|ref|editor=URL...".into());
    }
    Ok((runs, targets))
}

fn main() {
    let (runs, targets) = parse_args().unwrap_or_else(|e| {
        eprintln!("browser_timings: {e}");
        std::process::exit(2);
    });
    let driver = Driver::start().unwrap_or_else(|e| {
        eprintln!("browser_timings: {e}");
        std::process::exit(1);
    });
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut results = Vec::new();
    for target in &targets {
        eprintln!("browser_timings: {} ({} runs)", target.name, runs);
        results.push(runtime.block_on(measure_target(&driver, target, runs)));
    }
    println!("{}", json!({ "runs_per_page": runs, "pages": results }));
}
