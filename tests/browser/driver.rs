//! Starts a WebDriver server for one engine and wraps the few page actions the scenarios use.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::server::Server;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Fails the scenario with a message when `cond` is false.
#[macro_export]
macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+).into());
        }
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// The engine an `ATLAS_ENGINES` entry names.
    pub fn from_name(name: &str) -> Option<Engine> {
        [Engine::Chromium, Engine::Firefox, Engine::Webkit].into_iter().find(|e| e.name() == name)
    }
}

/// The window every session starts with (CSS px), whatever the engine.
pub const WINDOW: (u32, u32) = (1280, 900);

/// A WebDriver server (and, for WebKit without a display, the Xvfb it draws on). Its output goes
/// to `target/webdriver-ENGINE.log`, to read when a scenario fails.
pub struct Driver {
    process: Child,
    pub port: u16,
    xvfb: Option<Xvfb>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        // The browser went with its driver; the display can go now.
        drop(self.xvfb.take());
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
            .args(["-displayfd", "1", "-screen", "0", "1920x1200x24", "-nolisten", "tcp"])
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

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.into())
}

impl Driver {
    pub fn start(engine: Engine) -> Result<Driver, String> {
        let port = free_port();
        let (program, args) = match engine {
            Engine::Chromium => (env_or("CHROMEDRIVER", "chromedriver"), vec![format!("--port={port}")]),
            Engine::Firefox => (
                env_or("GECKODRIVER", "geckodriver"),
                vec!["--host=127.0.0.1".into(), format!("--port={port}"), "--log=warn".into()],
            ),
            Engine::Webkit => (env_or("WEBKITWEBDRIVER", "WebKitWebDriver"), vec![format!("--port={port}")]),
        };
        let xvfb = match engine {
            Engine::Webkit if std::env::var("DISPLAY").map_or(true, |d| d.is_empty()) => Some(Xvfb::start()?),
            _ => None,
        };
        std::fs::create_dir_all("target").map_err(|e| e.to_string())?;
        let log_path = format!("target/webdriver-{}.log", engine.name());
        let log = std::fs::File::create(&log_path).map_err(|e| format!("{log_path}: {e}"))?;
        let mut command = Command::new(&program);
        command
            .args(&args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log);
        if let Some(x) = &xvfb {
            command.env("DISPLAY", &x.display);
        }
        if engine == Engine::Webkit {
            // WebKitGTK takes the page's languages (Accept-Language, navigator.languages) from the
            // locale; this is the counterpart of the other engines' en-GB preference.
            command.env("LANGUAGE", "en_GB:en");
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
        Ok(Driver { process, port, xvfb })
    }

    pub async fn session(&self, engine: Engine) -> Result<Client, String> {
        let caps = match engine {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": env_or("CHROMIUM", "/usr/bin/chromium"),
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", format!("--window-size={},{}", WINDOW.0, WINDOW.1),
                        "--lang=en-GB"],
                    "prefs": {"intl.accept_languages": "en-GB,en"}
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": env_or("FIREFOX", "/usr/bin/firefox-esr"),
                    "args": ["-headless"],
                    "prefs": {"intl.accept_languages": "en-GB,en"}
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
        let caps = caps.as_object().cloned().unwrap_or_default();
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("no WebDriver session: {e}"))?;
        if engine != Engine::Chromium {
            // Chromium gets its size from --window-size; the others start at their own default.
            if let Err(e) = client.set_window_size(WINDOW.0, WINDOW.1).await {
                let _ = client.close().await;
                return Err(format!("could not size the window: {e}"));
            }
        }
        Ok(client)
    }
}

/// One scenario's browser tab, pointed at its own sub-path on the test server.
pub struct Page {
    pub client: Client,
    pub server: Server,
    pub scenario: String,
}

pub const WAIT: Duration = Duration::from_secs(10);

impl Page {
    pub async fn open(&self, query: &str) -> TestResult {
        self.client.goto(&self.server.url(&self.scenario, query)).await?;
        Ok(())
    }

    /// Opens the app and waits until the directory (so the data) is shown.
    pub async fn open_ready(&self, query: &str) -> Result<(), Box<dyn std::error::Error>> {
        self.open(query).await?;
        self.wait("#directory-heading").await?;
        Ok(())
    }

    pub async fn wait(&self, css: &str) -> Result<Element, Box<dyn std::error::Error>> {
        Ok(self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await.map_err(|e| format!("waiting for {css}: {e}"))?)
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>, Box<dyn std::error::Error>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    pub async fn count(&self, css: &str) -> Result<usize, Box<dyn std::error::Error>> {
        Ok(self.find_all(css).await?.len())
    }

    pub async fn text(&self, css: &str) -> Result<String, Box<dyn std::error::Error>> {
        Ok(self.wait(css).await?.text().await?)
    }

    /// Polls until `css`'s text satisfies `ok`; returns the last text seen on time-out.
    pub async fn wait_text(&self, css: &str, ok: impl Fn(&str) -> bool) -> Result<String, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + WAIT;
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if ok(&text) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                return Err(format!("{css}: text was {text:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls a JavaScript expression until it is truthy.
    pub async fn wait_js(&self, expr: &str) -> Result<Value, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.js(&format!("return {expr};")).await?;
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for `{expr}` (last value {v})").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn js(&self, script: &str) -> Result<Value, Box<dyn std::error::Error>> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    pub async fn click(&self, css: &str) -> TestResult {
        self.wait(css).await?.click().await?;
        Ok(())
    }

    /// Sends keys to whatever has focus, as a keyboard user would.
    pub async fn keys(&self, keys: &str) -> TestResult {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    pub async fn url(&self) -> Result<String, Box<dyn std::error::Error>> {
        Ok(self.client.current_url().await?.to_string())
    }

    pub async fn focused_label(&self) -> Result<String, Box<dyn std::error::Error>> {
        let v = self
            .js("const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || '').trim() : '';")
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    pub async fn screenshot(&self, name: &str) -> TestResult {
        let png = self.client.screenshot().await?;
        let dir = std::path::Path::new("target/screenshots");
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join(format!("{name}.png")), png)?;
        Ok(())
    }

    pub async fn resize(&self, width: u32, height: u32) -> TestResult {
        self.client.set_window_size(width, height).await?;
        Ok(())
    }
}
