//! The browser sessions of one engine's lane. Starting a browser was the largest part of a
//! scenario's time (Firefox: 392 of its lane's 720 s in CI, about 4 s a scenario), so a lane keeps
//! its session from one scenario to the next and gives each scenario a fresh tab in it instead.
//!
//! Nothing a scenario leaves behind reaches the next one:
//! - each scenario is served by a server of its own (`main.rs`), so from an origin of its own (a
//!   new port), and browsers key storage (drafts, the saved view), caches, permissions and
//!   `BroadcastChannel` by origin;
//! - the new tab has no history, no `sessionStorage` and no frame or focus left over, every other
//!   window is closed, and the viewport is set back to the standard one;
//! - after a failure (state unknown), and for the scenarios that need a browser without
//!   JavaScript, the lane starts a new browser, as every scenario did before.

use std::time::Duration;

use fantoccini::wd::WindowHandle;
use fantoccini::Client;

use crate::driver::{set_viewport, Driver, Engine, VIEWPORT};
use crate::scenarios::javascript_off;

pub struct Lane {
    pub engine: Engine,
    driver: Driver,
    /// The session of the last scenario, when it passed: kept for the next.
    kept: Option<Client>,
    /// Browsers started in this lane, for the lane's summary line.
    pub started: usize,
}

impl Lane {
    pub fn start(engine: Engine) -> Result<Lane, String> {
        Ok(Lane { engine, driver: Driver::start(engine)?, kept: None, started: 0 })
    }

    /// A session for scenario `name`: the kept one in a fresh tab, or a new browser.
    pub async fn session(&mut self, name: &str) -> Result<Client, String> {
        let javascript = !javascript_off(name);
        if let Some(kept) = self.kept.take() {
            if javascript {
                // A driver that stopped answering must not hold the lane: a new browser then.
                let tab = tokio::time::timeout(Duration::from_secs(20), fresh_tab(self.engine, &kept)).await;
                match tab.unwrap_or_else(|_| Err("no answer within 20 s".into())) {
                    Ok(()) => return Ok(kept),
                    Err(e) => {
                        println!("[{}] {name}: the kept browser could not open a fresh tab ({e}); starting a new one", self.engine.name())
                    }
                }
            }
            // geckodriver holds one session at a time: the kept one ends before another starts.
            self.end(kept).await;
        }
        let client = new_session(self.engine, &mut self.driver, name, javascript).await?;
        self.started += 1;
        Ok(client)
    }

    /// Ends scenario `name`'s session, or keeps it for the next scenario when it passed and has
    /// JavaScript on.
    pub async fn finish(&mut self, name: &str, client: Client, passed: bool) {
        if passed && !javascript_off(name) {
            self.kept = Some(client);
        } else {
            self.end(client).await;
        }
    }

    /// Ends a session, waiting at most 10 s for a driver that may have stopped answering.
    async fn end(&self, client: Client) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.driver.end(self.engine, client)).await;
    }

    pub async fn close(mut self) {
        if let Some(kept) = self.kept.take() {
            self.end(kept).await;
        }
    }
}

/// Opens a new tab, closes every other window, and gives the tab the standard viewport.
async fn fresh_tab(engine: Engine, client: &Client) -> Result<(), String> {
    // A dialog a scenario left open would answer every command with an error.
    let _ = client.dismiss_alert().await;
    let tab: WindowHandle = client.new_window(true).await.map_err(err("new tab"))?.handle;
    for window in client.windows().await.map_err(err("windows"))? {
        if window != tab {
            client.switch_to_window(window).await.map_err(err("switching window"))?;
            client.close_window().await.map_err(err("closing window"))?;
        }
    }
    client.switch_to_window(tab).await.map_err(err("switching to the new tab"))?;
    if matches!(engine, Engine::Chromium | Engine::ChromiumTouch) {
        // Headless Chromium leaves a new tab in the background, where focus events wait for
        // the tab to come to the front (scenarios that focus an element saw none).
        client.issue_cmd(BringToFront).await.map_err(err("bringing the tab to the front"))?;
    }
    if engine == Engine::ChromiumTouch {
        return Ok(());
    }
    let size = client.execute("return [window.innerWidth, window.innerHeight];", vec![]).await.map_err(err("viewport"))?;
    let size = (size[0].as_u64().unwrap_or(0), size[1].as_u64().unwrap_or(0));
    if size != (u64::from(VIEWPORT.0), u64::from(VIEWPORT.1)) {
        set_viewport(client, VIEWPORT.0, VIEWPORT.1).await?;
    }
    Ok(())
}

/// Opens a browser session, within a time limit. A browser that does not come up says nothing
/// about the app, and can leave its WebDriver server stuck (WebKitWebDriver waits for a
/// MiniBrowser that failed to start for good): so one more try, on a freshly started server,
/// before the scenario counts as failed.
async fn new_session(engine: Engine, driver: &mut Driver, name: &str, javascript: bool) -> Result<Client, String> {
    const LIMIT: Duration = Duration::from_secs(60);
    let mut last = String::new();
    for attempt in 1..=2 {
        if attempt > 1 {
            println!("[{}] {name}: no browser session ({last}); restarting the WebDriver server", engine.name());
            *driver = Driver::start(engine)?;
        }
        last = match tokio::time::timeout(LIMIT, driver.session(engine, javascript)).await {
            Ok(Ok(client)) => return Ok(client),
            Ok(Err(e)) => e,
            Err(_) => format!("none within {} s", LIMIT.as_secs()),
        };
    }
    Err(last)
}

/// Names the WebDriver command that failed.
fn err(what: &'static str) -> impl Fn(fantoccini::error::CmdError) -> String {
    move |e| format!("{what}: {e}")
}

/// Chromium's `Page.bringToFront`, through chromedriver's DevTools endpoint.
#[derive(Debug)]
struct BringToFront;

impl fantoccini::wd::WebDriverCompatibleCommand for BringToFront {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"cmd":"Page.bringToFront","params":{}}"#.into()))
    }
}
