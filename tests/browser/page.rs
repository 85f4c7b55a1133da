//! Wraps the few page actions the scenarios use (`Page`), with their result type and `check!`.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::driver::set_viewport;
use crate::server::Server;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Fails the scenario with a message when `cond` is false.
#[macro_export]
macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        let holds: bool = $cond;
        if !holds {
            return Err(format!($($msg)+).into());
        }
    };
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
        // The page's content is there at once; the app marks when it shows the loaded data.
        self.wait("html.atlas-ready").await?;
        // Lists show a screenful first and fill up to a page once that is painted.
        self.after_paint().await?;
        Ok(())
    }

    /// Waits until the page has painted a frame and run what it left for after that frame.
    pub async fn after_paint(&self) -> TestResult {
        self.client
            .execute("return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));", vec![])
            .await?;
        Ok(())
    }

    /// Waits until `css` is on the page. Any failed lookup is tried again until `WAIT` runs out:
    /// not only "not there yet" but also a page being replaced (the language redirect), which
    /// WebKit's driver reports as an error of its own ("Callback was not called before the
    /// unload event").
    pub async fn wait(&self, css: &str) -> Result<Element, Box<dyn std::error::Error>> {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return Ok(element),
                Err(_) if std::time::Instant::now() < deadline => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
                Err(e) => return Err(format!("waiting for {css}: {e}").into()),
            }
        }
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>, Box<dyn std::error::Error>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    pub async fn count(&self, css: &str) -> Result<usize, Box<dyn std::error::Error>> {
        Ok(self.find_all(css).await?.len())
    }

    pub async fn text(&self, css: &str) -> Result<String, Box<dyn std::error::Error>> {
        self.with_element(css, |e| async move { e.text().await }).await
    }

    /// Finds `css` and does `action` on it. If the page replaced that element between the two
    /// steps (a re-render: the element went stale, so nothing was done to it), finds the
    /// element again and retries, until `WAIT` runs out. How soon a re-render lands differs
    /// by engine, so without this a scenario can fail on one engine and pass on another.
    async fn with_element<T, F, Fut>(&self, css: &str, action: F) -> Result<T, Box<dyn std::error::Error>>
    where
        F: Fn(Element) -> Fut,
        Fut: std::future::Future<Output = Result<T, fantoccini::error::CmdError>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            let element = self.wait(css).await?;
            match action(element).await {
                Err(e) if e.is_stale_element_reference() && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                result => return Ok(result.map_err(|e| format!("{css}: {e}"))?),
            }
        }
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

    /// Polls a JavaScript expression until it is truthy. A script the page's navigation cut
    /// short (WebKit: "Callback was not called before the unload event") is polled again.
    pub async fn wait_js(&self, expr: &str) -> Result<Value, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = match self.js(&format!("return {expr};")).await {
                Ok(v) => v,
                Err(e) if Instant::now() > deadline => return Err(e),
                Err(_) => Value::Null,
            };
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for `{expr}` (last value {v})").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` with `element` as `arguments[0]`.
    pub async fn js_with(&self, script: &str, element: &Element) -> Result<Value, Box<dyn std::error::Error>> {
        let arg = serde_json::to_value(element)?;
        Ok(self.client.execute(script, vec![arg]).await?)
    }

    pub async fn js(&self, script: &str) -> Result<Value, Box<dyn std::error::Error>> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Clicks `css` as a visitor would: scrolled into view first, then clicked.
    pub async fn click(&self, css: &str) -> TestResult {
        let client = &self.client;
        self.with_element(css, |e| async move {
            // Element Click scrolls the element into view only within its own document, so an
            // element inside an iframe that reaches below the window gets a click at a point off
            // screen, which silently hits nothing (geckodriver; w3c/webdriver#1141). Scrolling
            // every scrolling box, the host page's too, first is what a visitor does anyway; for
            // an element already in view it changes nothing.
            let arg = serde_json::to_value(&e).map_err(fantoccini::error::CmdError::Json)?;
            client.execute("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'}); return true;", vec![arg]).await?;
            e.click().await
        })
        .await
    }

    /// Sends keys to whatever has focus, as a keyboard user would.
    /// A path for a file the scenario writes (a file to open in the page), its own even while
    /// the same scenario runs on another engine at the same time; named `name` (its extension
    /// kept) in a folder of its own, since pages show a chosen file's name.
    pub fn scratch_file(&self, name: &str) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("atlas-files-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(dir.join(name))
    }

    pub async fn keys(&self, keys: &str) -> TestResult {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    pub async fn url(&self) -> Result<String, Box<dyn std::error::Error>> {
        Ok(self.client.current_url().await?.to_string())
    }

    /// Waits until the address satisfies `ok` (the app writes a view to the address bar once
    /// it is painted), and returns it; else the last address seen.
    pub async fn wait_url(&self, ok: impl Fn(&str) -> bool) -> Result<String, String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let url = self.url().await.map_err(|e| e.to_string())?;
            if ok(&url) || Instant::now() > deadline {
                return if ok(&url) { Ok(url) } else { Err(url) };
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
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

    /// Gives the page a `width` × `height` CSS px viewport (see `set_viewport`).
    pub async fn resize(&self, width: u32, height: u32) -> TestResult {
        set_viewport(&self.client, width, height).await?;
        Ok(())
    }

    /// Runs `script` in the page's `i`th iframe, then returns to the page. Each frame step
    /// enters the frame anew: WebKit's driver falls back to the top page when that page's
    /// history changes (the host page's address following the atlas).
    pub async fn frame_js(&self, i: u16, script: &str) -> Result<Value, Box<dyn std::error::Error>> {
        self.client.enter_frame(i).await?;
        let result = self.js(script).await;
        self.client.enter_parent_frame().await?;
        result
    }

    /// Polls a JavaScript expression in the `i`th iframe until it is truthy.
    pub async fn frame_wait(&self, i: u16, expr: &str) -> Result<Value, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.frame_js(i, &format!("return {expr};")).await.unwrap_or(Value::Null);
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("in iframe {i}: timed out waiting for `{expr}` (last value {v})").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks `css` in the `i`th iframe, as a visitor would.
    pub async fn frame_click(&self, i: u16, css: &str) -> TestResult {
        self.client.enter_frame(i).await?;
        let result = self.click(css).await;
        self.client.enter_parent_frame().await?;
        result
    }

    /// Clicks `css` in the `i`th iframe and types `keys` there, a key at a time (typing may
    /// change the host page's address on the way).
    pub async fn frame_type(&self, i: u16, css: &str, keys: &str) -> TestResult {
        self.frame_click(i, css).await.map_err(|e| format!("clicking {css} in iframe {i}: {e}"))?;
        for key in keys.chars() {
            // Into the frame for each try: when the host page's address changes (the atlas's view
            // followed there), WebKit's driver leaves the frame for the top page, where the field
            // is not, between any two steps, and reports that with an empty message.
            let deadline = Instant::now() + WAIT;
            let mut wanted = None;
            loop {
                let attempt = self.type_in_frame(i, css, key, &mut wanted).await;
                let _ = self.client.enter_parent_frame().await;
                match attempt {
                    Ok(()) => break,
                    Err(e) if Instant::now() > deadline => return Err(format!("typing {key:?} in iframe {i}: {css}: {e}").into()),
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                }
            }
        }
        Ok(())
    }

    /// One try at typing `key` into `css` in the `i`th iframe. `wanted` is the field's value
    /// with the key typed, set by the first try: a try that failed after the key went in is not
    /// typed again.
    async fn type_in_frame(&self, i: u16, css: &str, key: char, wanted: &mut Option<String>) -> TestResult {
        self.client.enter_frame(i).await?;
        let field = self.client.find(Locator::Css(css)).await?;
        let value = field.prop("value").await?.unwrap_or_default();
        match wanted {
            Some(done) if *done == value => return Ok(()),
            Some(_) => {}
            None => *wanted = Some(format!("{value}{key}")),
        }
        // To the field itself: WebKit's driver cannot type into the "active element" of a frame.
        field.send_keys(&key.to_string()).await?;
        Ok(())
    }
}
