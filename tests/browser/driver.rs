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
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
        }
    }
}

pub struct Driver {
    process: Child,
    pub port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Driver {
    pub fn start(engine: Engine) -> Result<Driver, String> {
        let port = free_port();
        let program = match engine {
            Engine::Chromium => std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()),
        };
        let process = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {program}: {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(format!("{program} did not listen on port {port}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Driver { process, port })
    }

    pub async fn session(&self, engine: Engine) -> Result<Client, String> {
        let caps = match engine {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=en-GB"],
                    "prefs": {"intl.accept_languages": "en-GB,en"}
                }
            }),
        };
        let caps = caps.as_object().cloned().unwrap_or_default();
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("no WebDriver session: {e}"))
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
