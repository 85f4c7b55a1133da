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

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

type Error = Box<dyn std::error::Error>;

/// What differs between the app and the reference page: where to look.
struct Selectors {
    /// JavaScript expression, true once the map and the directory can be used.
    ready: &'static str,
    /// The element whose subtree holds the directory (observed after a keystroke).
    directory: &'static str,
    /// The list of entries inside it: the change that counts.
    entries: &'static str,
    /// What a visitor clicks to select South Korea.
    country: &'static str,
    /// What appears when the country is selected.
    details: &'static str,
    /// What shows the number of entries (read once per page, for the report).
    count: &'static str,
}

const APP: Selectors = Selectors {
    ready: "document.getElementById('directory-heading') && document.querySelector('.map [role=button]')",
    directory: ".directory",
    entries: "ul.entries",
    country: "#map-country-KR circle.marker-hit",
    details: "#details-heading",
    count: ".result-count",
};

const REFERENCE: Selectors = Selectors {
    ready: "document.getElementById('directory-heading') && document.querySelector('#map path.jvm-region')",
    directory: "#directory",
    entries: "#entries",
    country: "#map path.jvm-region[data-code=KR]",
    details: "#details-heading",
    count: "#count",
};

/// Injected into every new document before its own scripts.
fn init_script(ready: &str) -> String {
    format!(
        r#"(() => {{
  const b = window.__bench = {{ shifts: [] }};
  // Layout shifts during load, with the elements that moved (for the report's notes).
  const describe = (n) => !n || n.nodeType !== 1 ? String(n && n.nodeName)
    : n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.classList.length ? '.' + [...n.classList].join('.') : '');
  try {{
    new PerformanceObserver((list) => {{
      for (const e of list.getEntries()) {{
        if (!e.hadRecentInput) b.shifts.push({{ value: e.value, at: e.startTime, moved: (e.sources || []).map((s) => describe(s.node)) }});
      }}
    }}).observe({{ type: 'layout-shift', buffered: true }});
  }} catch (e) {{}}
  b.ready = new Promise((resolve) => {{
    const check = () => {{
      if (!({ready})) return false;
      b.interactive = performance.now();
      resolve(b.interactive);
      return true;
    }};
    const observer = new MutationObserver(() => {{ if (check()) observer.disconnect(); }});
    observer.observe(document, {{ childList: true, subtree: true }});
  }});
  // Runs f in a task of its own, ahead of the page's timers where the browser allows.
  b.urgent = (f) => {{
    if (window.scheduler && scheduler.postTask) return void scheduler.postTask(f, {{ priority: 'user-blocking' }});
    const channel = new MessageChannel();
    channel.port1.onmessage = f;
    channel.port2.postMessage(0);
  }};
  // Resolves after the next frame is painted, with times relative to t0.
  b.afterPaint = (t0) => new Promise((resolve) => {{
    requestAnimationFrame(() => {{
      const frame = performance.now();
      b.urgent(() => {{
        const paint = performance.now();
        requestAnimationFrame(() => resolve({{ frame: frame - t0, paint: paint - t0, raf2: performance.now() - t0 }}));
      }});
    }});
  }});
}})();"#
    )
}

/// Arms the keystroke measurement: starts at the next `input` event, ends when the entries
/// list changed and was painted. The result is `window.__bench.keystroke` (a promise).
const ARM_KEYSTROKE: &str = r#"
const [directorySel, entriesSel] = arguments;
const b = window.__bench;
b.keystroke = new Promise((resolve, reject) => {
  const root = document.querySelector(directorySel);
  if (!root) return reject(new Error('no ' + directorySel));
  let t0 = 0, handled = 0, lastDom = 0, mutations = 0, scheduled = false;
  const inList = (n) => n && (n.nodeType === 1
    ? (n.matches(entriesSel) || !!n.closest(entriesSel) || !!n.querySelector(entriesSel))
    : !!(n.parentElement && n.parentElement.closest(entriesSel)));
  const touchesList = (r) => inList(r.target) || [...r.addedNodes].some(inList) || [...r.removedNodes].some(inList);
  const observer = new MutationObserver((records) => {
    lastDom = performance.now();
    mutations += records.length;
    if (!scheduled && records.some(touchesList)) {
      scheduled = true;
      b.afterPaint(t0).then((r) => {
        observer.disconnect();
        // The keystroke's task ended before the frame began at the latest.
        const ended = Math.min(handled || r.frame, r.frame);
        resolve({ ...r, dom: lastDom - t0, mutations, handled: ended, work: ended + (r.paint - r.frame) });
      });
    }
  });
  window.addEventListener('input', () => {
    t0 = performance.now();
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    // Runs once this task, with the page's handlers and their microtasks, has ended.
    b.urgent(() => { handled = performance.now() - t0; });
  }, { capture: true, once: true });
  setTimeout(() => reject(new Error('the list did not change within 10 s of the keystroke')), 10000);
});
"#;

/// Dispatches a click on the country and resolves when the details heading is painted.
const SELECT_COUNTRY: &str = r#"
const [countrySel, detailsSel] = arguments;
const b = window.__bench;
return new Promise((resolve, reject) => {
  const target = document.querySelector(countrySel);
  if (!target) return reject(new Error('no ' + countrySel));
  let t0 = 0, lastDom = 0, scheduled = false;
  const heading = () => (document.querySelector(detailsSel)?.textContent ?? '').trim();
  const observer = new MutationObserver(() => {
    lastDom = performance.now();
    if (!scheduled && heading()) {
      scheduled = true;
      b.afterPaint(t0).then((r) => { observer.disconnect(); resolve({ ...r, dom: lastDom - t0, heading: heading() }); });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  setTimeout(() => reject(new Error('the details did not appear within 10 s of the click')), 10000);
  t0 = performance.now();
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
});
"#;

/// Two frames and a short pause: lets the page finish what it started.
const SETTLE: &str =
    "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150))));";

const BACKSPACE: &str = "\u{E003}";

struct Driver {
    process: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Driver {
    fn start() -> Result<Driver, Error> {
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let process = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {program}: {e}"))?;
        let driver = Driver { process, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(format!("{program} did not listen on port {port}").into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    async fn session(&self) -> Result<Client, Error> {
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=en-GB"],
                "prefs": {"intl.accept_languages": "en-GB,en"}
            }
        });
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps.as_object().cloned().unwrap_or_default())
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        Ok(client)
    }

    /// A Chrome DevTools command through chromedriver's `goog/cdp/execute` endpoint
    /// (fantoccini has no call for it; a plain HTTP/1.1 POST on loopback is enough).
    fn cdp(&self, session: &str, cmd: &str, params: Value) -> Result<Value, Error> {
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        write!(
            stream,
            "POST /session/{session}/goog/cdp/execute HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        let (head, payload) = read_http_response(&mut stream)?;
        if !head.starts_with("HTTP/1.1 200") {
            return Err(format!("{cmd}: {head} {payload}").into());
        }
        Ok(serde_json::from_str(&payload).unwrap_or(Value::Null))
    }
}

/// Reads one HTTP/1.1 response (headers, then Content-Length bytes): chromedriver keeps the
/// connection open, so reading to the end would wait for the time-out.
fn read_http_response(stream: &mut TcpStream) -> Result<(String, String), Error> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_string();
            let length = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string()))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = stream.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                data.extend_from_slice(&buf[..n]);
            }
            let body = String::from_utf8_lossy(&data[end + 4..]).to_string();
            return Ok((head, body));
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err("chromedriver closed the connection without an answer".into());
        }
        data.extend_from_slice(&buf[..n]);
    }
}

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
