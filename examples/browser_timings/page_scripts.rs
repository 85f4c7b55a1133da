//! The JavaScript the measurements run inside the page, and the selectors it is given for the
//! app and for the reference page.

/// What differs between the app and the reference page: where to look.
pub(crate) struct Selectors {
    /// JavaScript expression, true once the map and the directory can be used.
    pub(crate) ready: &'static str,
    /// The element whose subtree holds the directory (observed after a keystroke).
    pub(crate) directory: &'static str,
    /// The list of entries inside it: the change that counts.
    pub(crate) entries: &'static str,
    /// What a visitor clicks to select South Korea.
    pub(crate) country: &'static str,
    /// What appears when the country is selected.
    pub(crate) details: &'static str,
    /// What shows the number of entries (read once per page, for the report).
    pub(crate) count: &'static str,
}

pub(crate) const APP: Selectors = Selectors {
    // The app has taken the page over and shows the loaded data: the map's countries buttons.
    ready: "document.documentElement.classList.contains('atlas-ready') && document.querySelector('.map [role=button]')",
    directory: ".directory",
    entries: "ul.entries",
    country: "#map-country-KR circle.marker-hit",
    // The country's details are in the page: selecting shows them (their `hidden` goes).
    details: ".details:not([hidden]) h2",
    count: ".result-count",
};

pub(crate) const REFERENCE: Selectors = Selectors {
    ready: "document.getElementById('directory-heading') && document.querySelector('#map path.jvm-region')",
    directory: "#directory",
    entries: "#entries",
    country: "#map path.jvm-region[data-code=KR]",
    details: "#details-heading",
    count: "#count",
};

/// Injected into every new document before its own scripts. `extra` runs first (the editor's
/// fresh start, see `editor.rs`).
pub(crate) fn init_script(ready: &str, extra: &str) -> String {
    format!(
        r#"(() => {{
  {extra}
  const b = window.__bench = {{ shifts: [] }};
  // Largest contentful paint: the last candidate the browser reported (read after SETTLE).
  try {{
    new PerformanceObserver((list) => {{
      const entries = list.getEntries();
      if (entries.length) b.lcp = entries[entries.length - 1].startTime;
    }}).observe({{ type: 'largest-contentful-paint', buffered: true }});
  }} catch (e) {{}}
  // Bytes over the network for this page so far: the document and every resource (0 for a
  // file taken from the cache, the headers' size for a 304).
  b.transferred = () => (performance.getEntriesByType('navigation')[0]?.transferSize ?? 0)
    + performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.transferSize || 0), 0);
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
    // Classes too: the app marks <html> as started.
    observer.observe(document, {{ childList: true, subtree: true, attributes: true, attributeFilter: ['class'] }});
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
pub(crate) const ARM_KEYSTROKE: &str = r#"
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
pub(crate) const SELECT_COUNTRY: &str = r#"
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
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  setTimeout(() => reject(new Error('the details did not appear within 10 s of the click')), 10000);
  t0 = performance.now();
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
});
"#;

/// What a visit cost, read after SETTLE: LCP, bytes transferred, and how the browser navigated.
pub(crate) const READ_VISIT: &str = "const b = window.__bench; return {
    lcp: b.lcp ?? null,
    transferred: b.transferred(),
    resources: performance.getEntriesByType('resource').length,
    navigation: performance.getEntriesByType('navigation')[0]?.type ?? null,
};";

/// Two frames and a short pause: lets the page finish what it started.
pub(crate) const SETTLE: &str = "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150))));";

pub(crate) const BACKSPACE: &str = "\u{E003}";
