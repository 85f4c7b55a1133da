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
//! A measuring tool, not a test: it prints every run as JSON on stdout and asserts nothing.
//!
//! Usage: cargo run --example browser_timings -- [--runs N] NAME=KIND=URL...
//! (KIND is `app` for Innovation Atlas or `ref` for the jsvectormap reference page.)

mod chromedriver;
mod page_scripts;

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use chromedriver::Driver;
use page_scripts::{init_script, Selectors, APP, ARM_KEYSTROKE, BACKSPACE, REFERENCE, SELECT_COUNTRY, SETTLE};

type Error = Box<dyn std::error::Error>;

struct Target {
    name: String,
    kind: String,
    url: String,
}

impl Target {
    fn selectors(&self) -> &'static Selectors {
        if self.kind == "ref" {
            &REFERENCE
        } else {
            &APP
        }
    }
}

/// One navigation: load → interactive, one keystroke, clear, select a country.
async fn measure_run(client: &Client, target: &Target) -> Result<Value, Error> {
    let s = target.selectors();
    client.goto(&target.url).await?;
    let interactive = client.execute("return window.__bench.ready;", vec![]).await?;
    client.execute(SETTLE, vec![]).await?;

    client.execute(ARM_KEYSTROKE, vec![json!(s.directory), json!(s.entries)]).await?;
    let search = client.find(Locator::Css("#search")).await?;
    search.send_keys("k").await?;
    let keystroke = client.execute("return window.__bench.keystroke;", vec![]).await?;
    search.send_keys(BACKSPACE).await?;
    client.execute(SETTLE, vec![]).await?;

    let select = client.execute(SELECT_COUNTRY, vec![json!(s.country), json!(s.details)]).await?;
    Ok(json!({ "interactive": interactive, "keystroke": keystroke, "select": select }))
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
    let mut out = json!({ "name": target.name, "kind": target.kind, "url": target.url, "runs": [], "errors": [] });
    let client = match driver.session().await {
        Ok(c) => c,
        Err(e) => {
            out["errors"] = json!([format!("no WebDriver session: {e}")]);
            return out;
        }
    };
    let result: Result<(), Error> = async {
        let session = client.session_id().await?.ok_or("no session id")?;
        driver.cdp(&session, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": init_script(target.selectors().ready) }))?;
        out["facts"] = page_facts(&client, target).await?;
        // One warm-up run (browser and server caches of the process), not counted.
        if let Err(e) = measure_run(&client, target).await {
            out["errors"].as_array_mut().unwrap().push(json!(format!("warm-up: {e}")));
        }
        for i in 0..runs {
            match tokio::time::timeout(Duration::from_secs(60), measure_run(&client, target)).await {
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
            (Some(name), Some(kind @ ("app" | "ref")), Some(url)) => {
                targets.push(Target { name: name.into(), kind: kind.into(), url: url.into() })
            }
            _ => return Err(format!("expected NAME=app|ref=URL, got {arg:?}")),
        }
    }
    if targets.is_empty() {
        return Err("usage: browser_timings [--runs N] NAME=app|ref=URL...".into());
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
