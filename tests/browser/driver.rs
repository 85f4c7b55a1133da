//! Starts a WebDriver server for one engine and opens browser sessions on it; the page actions
//! the scenarios use are in `page.rs`.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
    /// Chromium emulating a phone (390×844, touch): runs the touch scenarios only.
    ChromiumTouch,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
            Engine::ChromiumTouch => "chromium-touch",
        }
    }

    /// The engine an `ATLAS_ENGINES` entry names.
    pub fn from_name(name: &str) -> Option<Engine> {
        [Engine::Chromium, Engine::Firefox, Engine::Webkit, Engine::ChromiumTouch].into_iter().find(|e| e.name() == name)
    }
}

/// The viewport every session starts with (CSS px), whatever the engine.
pub const VIEWPORT: (u32, u32) = (1280, 900);

/// The emulated phone's viewport for the touch pass (CSS px).
pub const PHONE: (u32, u32) = (390, 844);

/// Test-only browser chrome styles: the browsers' own toolbars must not keep the window wider than
/// a phone (Firefox stops at 500 px, WebKitGTK's MiniBrowser at 447 px), or `Page::resize(360, …)`
/// could not give the page a 360 px viewport. They touch the browser's UI, never the page.
const FIREFOX_USER_CHROME: &str = ":root, :root * { min-width: 0 !important; }\n";
const WEBKIT_GTK_CSS: &str = "button, entry { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n";

/// A WebDriver server (and, for WebKit without a display, the Xvfb it draws on). Its output goes
/// to `target/webdriver-ENGINE-PORT.log`, to read when a scenario fails.
pub struct Driver {
    process: Child,
    pub port: u16,
    xvfb: Option<Xvfb>,
    /// Scratch files for this driver's browsers (Firefox profiles, WebKitGTK's style sheet);
    /// removed with the driver.
    scratch: PathBuf,
    sessions: AtomicU32,
    /// Firefox: a profile Firefox has started with once, copied for each session (see
    /// [`Driver::firefox_profile`]).
    firefox_template: std::sync::atomic::AtomicBool,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        // The browser went with its driver; the display and scratch files can go now.
        drop(self.xvfb.take());
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// A private X server for engines that need a display (WebKitGTK has no headless mode).
struct Xvfb {
    process: Child,
    display: String,
}

impl Xvfb {
    /// Starts `Xvfb` on the first free display number; `-displayfd` makes the server pick it and
    /// tell it once it accepts connections, so there is no race with another X server.
    fn start() -> Result<Xvfb, String> {
        use std::io::BufRead;
        let program = std::env::var("XVFB").unwrap_or_else(|_| "Xvfb".into());
        let mut process = Command::new(&program)
            // -noreset: by default the server resets when its last client leaves, and a browser
            // starting in that moment "cannot open display".
            .args(["-displayfd", "1", "-screen", "0", "1920x1200x24", "-nolisten", "tcp", "-noreset"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {program} (Debian package xvfb): {e}"))?;
        let stdout = process.stdout.take().expect("piped stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if !line.trim().is_empty() => Ok(Xvfb { process, display: format!(":{}", line.trim()) }),
            _ => {
                let _ = process.kill();
                let _ = process.wait();
                Err(format!("{program} did not report a display"))
            }
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Removes the scratch folders of earlier test runs that were killed before they could.
fn remove_abandoned_scratch() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix("atlas-browser-").and_then(|rest| rest.rsplit('-').next()) else { continue };
        if pid.parse::<u32>().is_ok() && !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Headless Chromium as root on a closed network, in British English; with a window size
/// argument, or a phone emulation (`mobileEmulation`), when not null.
fn chromium_capabilities(window_size: serde_json::Value, mobile: serde_json::Value) -> serde_json::Value {
    let mut args = vec![
        json!("--headless=new"),
        json!("--no-sandbox"),
        json!("--disable-gpu"),
        json!("--disable-dev-shm-usage"),
        json!("--disable-background-networking"),
        json!("--disable-component-update"),
        json!("--disable-sync"),
        json!("--no-first-run"),
        json!("--disable-quic"),
        json!("--lang=en-GB"),
    ];
    if !window_size.is_null() {
        args.push(window_size);
    }
    let mut options = json!({
        "binary": env_or("CHROMIUM", "/usr/bin/chromium"),
        "args": args,
        "prefs": {"intl.accept_languages": "en-GB,en"}
    });
    if !mobile.is_null() {
        options["mobileEmulation"] = mobile;
    }
    json!({ "browserName": "chrome", "goog:chromeOptions": options })
}

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.into())
}

impl Driver {
    pub fn start(engine: Engine) -> Result<Driver, String> {
        let port = free_port();
        let (program, args) = match engine {
            Engine::Chromium | Engine::ChromiumTouch => (env_or("CHROMEDRIVER", "chromedriver"), vec![format!("--port={port}")]),
            Engine::Firefox => {
                (env_or("GECKODRIVER", "geckodriver"), vec!["--host=127.0.0.1".into(), format!("--port={port}"), "--log=warn".into()])
            }
            Engine::Webkit => (env_or("WEBKITWEBDRIVER", "WebKitWebDriver"), vec![format!("--port={port}")]),
        };
        let xvfb = match engine {
            Engine::Webkit if std::env::var("DISPLAY").map_or(true, |d| d.is_empty()) => Some(Xvfb::start()?),
            _ => None,
        };
        std::fs::create_dir_all("target").map_err(|e| e.to_string())?;
        // Named by port too: an engine may run in several lanes, each with its own server.
        let log_path = format!("target/webdriver-{}-{port}.log", engine.name());
        let log = std::fs::File::create(&log_path).map_err(|e| format!("{log_path}: {e}"))?;
        let mut command = Command::new(&program);
        command.args(&args).stdin(Stdio::null()).stdout(log.try_clone().map_err(|e| e.to_string())?).stderr(log);
        if let Some(x) = &xvfb {
            command.env("DISPLAY", &x.display);
        }
        let scratch = std::env::temp_dir().join(format!("atlas-browser-{}-{port}-{}", engine.name(), std::process::id()));
        let _ = std::fs::remove_dir_all(&scratch);
        remove_abandoned_scratch();
        std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
        if engine == Engine::Webkit {
            // WebKitGTK takes navigator.language and Accept-Language from the locale (the
            // counterpart of the other engines' en-GB preference; scripts/setup.sh generates it,
            // and without it WebKit says en-US), and MiniBrowser's toolbar style from GTK's user
            // style sheet, which lives in XDG_CONFIG_HOME.
            let gtk = scratch.join("gtk-3.0");
            std::fs::create_dir_all(&gtk).map_err(|e| e.to_string())?;
            std::fs::write(gtk.join("gtk.css"), WEBKIT_GTK_CSS).map_err(|e| e.to_string())?;
            command.env("XDG_CONFIG_HOME", &scratch).env("LC_ALL", "en_GB.UTF-8").env_remove("LANGUAGE");
        }
        let mut process = command.spawn().map_err(|e| format!("could not start {program}: {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline || matches!(process.try_wait(), Ok(Some(_))) {
                let _ = process.kill();
                let _ = process.wait();
                return Err(format!("{program} did not listen on port {port} (see {log_path})"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Driver { process, port, xvfb, scratch, sessions: AtomicU32::new(0), firefox_template: Default::default() })
    }

    /// A new browser session; with `javascript` false, the browser runs no script in pages
    /// (WebDriver's own scripts still run, so tests can read the page).
    pub async fn session(&self, engine: Engine, javascript: bool) -> Result<Client, String> {
        if engine == Engine::Firefox {
            self.make_firefox_template().await?;
        }
        let mut caps = match engine {
            Engine::Chromium => {
                chromium_capabilities(json!(format!("--window-size={},{}", VIEWPORT.0, VIEWPORT.1)), serde_json::Value::Null)
            }
            Engine::ChromiumTouch => chromium_capabilities(
                serde_json::Value::Null,
                json!({
                    "deviceMetrics": {"width": PHONE.0, "height": PHONE.1, "pixelRatio": 3.0, "touch": true},
                    "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
                }),
            ),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": env_or("FIREFOX", "/usr/bin/firefox-esr"),
                    "args": ["-headless", "-profile", self.firefox_profile()?],
                    "prefs": {
                        "intl.accept_languages": "en-GB,en",
                        // Reads the profile's chrome/userChrome.css (FIREFOX_USER_CHROME).
                        "toolkit.legacyUserProfileCustomizations.stylesheets": true
                    }
                }
            }),
            Engine::Webkit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": env_or("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
                    "args": ["--automation"]
                }
            }),
        };
        if !javascript {
            match engine {
                Engine::Chromium | Engine::ChromiumTouch => {
                    caps["goog:chromeOptions"]["prefs"]["profile.managed_default_content_settings.javascript"] = json!(2)
                }
                Engine::Firefox => caps["moz:firefoxOptions"]["prefs"]["javascript.enabled"] = json!(false),
                Engine::Webkit => caps["webkitgtk:browserOptions"]["args"] = json!(["--automation", "--enable-javascript=false"]),
            }
        }
        let client = self.connect(caps).await?;
        // Every engine starts with the same viewport (window sizes differ by each browser's chrome);
        // the phone emulation has its own.
        if engine == Engine::ChromiumTouch {
            return Ok(client);
        }
        if let Err(e) = set_viewport(&client, VIEWPORT.0, VIEWPORT.1).await {
            let _ = client.close().await;
            return Err(e);
        }
        Ok(client)
    }

    /// Ends a session: Firefox is stopped at once (its graceful shutdown, which writes its
    /// session store and databases into a profile that is thrown away anyway, took about 2.4 s
    /// a scenario while the other lane ran; this takes 0.06 s); the other engines close as usual.
    pub async fn end(&self, engine: Engine, client: Client) {
        if engine == Engine::Firefox {
            let _ = Command::new("pkill").args(["-KILL", "-P", &self.process.id().to_string()]).status();
        }
        // After a kill geckodriver answers at once that the browser is gone, and takes the next session.
        let _ = client.close().await;
    }

    async fn connect(&self, caps: serde_json::Value) -> Result<Client, String> {
        let caps = caps.as_object().cloned().unwrap_or_default();
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("no WebDriver session: {e}"))
    }

    fn firefox_template_dir(&self) -> PathBuf {
        self.scratch.join("template")
    }

    /// Starts Firefox once on an empty profile (holding only the test's userChrome.css) and
    /// closes it: what Firefox writes into a new profile on its first start (its databases,
    /// start-up cache) is then done once per driver, not once per scenario. A session on a
    /// copy of it starts in about 1.1 s instead of 2.4 s. No page is opened, so the template
    /// holds nothing of any site.
    async fn make_firefox_template(&self) -> Result<(), String> {
        if self.firefox_template.load(Ordering::SeqCst) {
            return Ok(());
        }
        let template = self.firefox_template_dir();
        let chrome = template.join("chrome");
        std::fs::create_dir_all(&chrome).map_err(|e| format!("{}: {e}", chrome.display()))?;
        std::fs::write(chrome.join("userChrome.css"), FIREFOX_USER_CHROME).map_err(|e| e.to_string())?;
        let caps = json!({
            "browserName": "firefox",
            "moz:firefoxOptions": {
                "binary": env_or("FIREFOX", "/usr/bin/firefox-esr"),
                "args": ["-headless", "-profile", template.to_string_lossy()]
            }
        });
        let client = self.connect(caps).await?;
        client.close().await.map_err(|e| format!("closing the template profile's Firefox: {e}"))?;
        self.firefox_template.store(true, Ordering::SeqCst);
        Ok(())
    }

    /// A profile for each session, a fresh copy of the template (so nothing leaks from one
    /// scenario to the next, as with geckodriver's own temporary profiles). The previous
    /// sessions' profiles are closed by now and are removed.
    fn firefox_profile(&self) -> Result<String, String> {
        let n = self.sessions.fetch_add(1, Ordering::SeqCst);
        let template = self.firefox_template_dir();
        if let Ok(entries) = std::fs::read_dir(&self.scratch) {
            for entry in entries.flatten().filter(|e| e.path() != template) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let profile = self.scratch.join(format!("profile-{n}"));
        let copied = Command::new("cp").arg("-a").arg(&template).arg(&profile).status().map_err(|e| format!("cp: {e}"))?;
        if !copied.success() {
            return Err(format!("could not copy the Firefox profile {} ({copied})", template.display()));
        }
        Ok(profile.to_string_lossy().into_owned())
    }
}

/// Sizes the window so that the page's viewport (`innerWidth` × `innerHeight`) is exactly
/// `width` × `height` CSS px: WebDriver sizes the outer window, and each browser's own chrome
/// takes a different share of it. Fails rather than let a browser's minimum window size quietly
/// give the page another width.
pub async fn set_viewport(client: &Client, width: u32, height: u32) -> Result<(), String> {
    let (want_w, want_h) = (i64::from(width), i64::from(height));
    let (mut outer_w, mut outer_h) = (want_w, want_h);
    let mut seen = (0, 0);
    for _ in 0..4 {
        client
            .set_window_size(outer_w as u32, outer_h as u32)
            .await
            .map_err(|e| format!("could not size the window to {outer_w}×{outer_h}: {e}"))?;
        // The resize may reach the page a moment after the command returns: read until the
        // viewport is right or has stopped changing.
        let mut previous = None;
        for _ in 0..20 {
            let v = client
                .execute("return [window.innerWidth, window.innerHeight];", vec![])
                .await
                .map_err(|e| format!("could not read the viewport: {e}"))?;
            seen = (v[0].as_i64().unwrap_or(0), v[1].as_i64().unwrap_or(0));
            if seen == (want_w, want_h) {
                return Ok(());
            }
            if previous == Some(seen) {
                break;
            }
            previous = Some(seen);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        outer_w += want_w - seen.0;
        outer_h += want_h - seen.1;
        if outer_w < 1 || outer_h < 1 {
            break;
        }
    }
    Err(format!("the viewport could not be made {width}×{height} CSS px (it stayed {}×{})", seen.0, seen.1))
}
