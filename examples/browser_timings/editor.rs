//! The web editor (`editor.html`): open → record list shown, a keystroke in its search → the
//! list painted, typing in a record's English name → painted. Each run opens the published
//! file fresh: the browser's cache is cleared, and so is localStorage (where the editor keeps
//! its draft) before any of the page's scripts run.

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::chromedriver::Driver;
use crate::page_scripts::{ARM_KEYSTROKE, BACKSPACE, SETTLE};
use crate::Error;

/// True once the editor shows its record list.
pub(crate) const READY: &str = "document.querySelector('.records li')";

/// Run first in every document of the editor's session (see `init_script`): a fresh start
/// (`localStorage.clear()`, in the top page only: the preview's iframe reads the draft), and no
/// "Leave site?" prompt for the typed change when the next run navigates away.
pub(crate) const FRESH_START: &str = "if (window === window.top) {
    try { localStorage.clear(); } catch (e) {}
    window.addEventListener('beforeunload', (e) => e.stopImmediatePropagation(), true);
  }";

/// The first office (3rd kind button, first record) is opened and its English name typed in.
const OFFICES: &str = ".kinds li:nth-child(3) button";

/// What the editor shows once open (read once per page, for the report).
pub(crate) async fn facts(client: &Client, url: &str) -> Result<Value, Error> {
    client.goto(url).await?;
    client.execute("return window.__bench.ready;", vec![]).await?;
    client.execute(SETTLE, vec![]).await?;
    let script = "return {
        records: document.querySelectorAll('.records li').length,
        kinds: [...document.querySelectorAll('.kinds button')].map((b) => b.textContent.trim()),
        alert: !!document.querySelector('[role=alert]:not(:empty)'),
    };";
    Ok(client.execute(script, vec![]).await?)
}

/// One run: a cold open, the search keystroke, then typing in the first office's name.
pub(crate) async fn measure_run(driver: &Driver, session: &str, client: &Client, url: &str) -> Result<Value, Error> {
    client.goto("about:blank").await?;
    driver.cdp(session, "Network.clearBrowserCache", json!({}))?;
    client.goto(url).await?;
    let open = client.execute("return window.__bench.ready;", vec![]).await?;
    client.execute(SETTLE, vec![]).await?;

    // "o" in the search of the list shown at first (countries): the list changes.
    client.execute(ARM_KEYSTROKE, vec![json!(".record-list"), json!(".records")]).await?;
    let search = client.find(Locator::Css("#record-search")).await?;
    search.send_keys("o").await?;
    let filter = client.execute("return window.__bench.keystroke;", vec![]).await?;
    search.send_keys(BACKSPACE).await?;
    client.execute(SETTLE, vec![]).await?;

    client.find(Locator::Css(OFFICES)).await?.click().await?;
    client.wait().for_element(Locator::Css(&format!("{OFFICES}[aria-pressed=true]"))).await?;
    client.execute(SETTLE, vec![]).await?;
    client.find(Locator::Css(".record-choice")).await?.click().await?;
    let name = client.wait().for_element(Locator::Css("#field-name-en")).await?;
    client.execute(SETTLE, vec![]).await?;

    // One character at the end of the name: the record's heading and its row in the list follow.
    client.execute(ARM_KEYSTROKE, vec![json!("#editor"), json!("#record-heading, .records")]).await?;
    name.send_keys("e").await?;
    let typing = client.execute("return window.__bench.keystroke;", vec![]).await?;
    client.execute(SETTLE, vec![]).await?;
    Ok(json!({ "open": open, "filter": filter, "typing": typing }))
}
