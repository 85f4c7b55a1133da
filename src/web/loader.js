/*! Innovation Atlas start-up script — MIT licence.
 * scripts/externalize_loader.py writes this file into the build as loader-<hash>.js, with the
 * app's two file addresses filled in (under Trunk's public URL: "./", or what --public-url
 * says), in place of Trunk's inline loader (the strict CSP allows no inline script). It:
 * - lets the static page's first frame show before the app's download starts (at most 200 ms
 *   later);
 * - says in words why the interactive map is not there when it cannot start: no WebAssembly,
 *   a file that failed, or one that has not arrived after 5 seconds. The page's own texts, in its
 *   language, are in the data- attributes of #app-status; the static directory stays;
 * - inside an iframe, tells the host page how tall the page is ({type: "innovation-atlas:height",
 *   height}), whether the app runs or not: public/embed.js sizes the iframe with it.
 */
const GLUE = "__GLUE__";
const WASM = "__WASM__";
const SLOW_MS = 5000;

const root = document.documentElement;
const status = document.getElementById("app-status");

/** Shows the page's explanation `reason` (no-wasm, failed, slow), unless the app runs. */
function explain(reason) {
  if (root.classList.contains("app-started")) return;
  // The app's controls (zoom, the keyboard hint) are not coming, or not yet: out of the way.
  root.classList.remove("can-run");
  if (status) status.textContent = status.getAttribute("data-" + reason) || "";
}

/** Posts the page's height to the host page now and whenever it changes. */
function reportHeightToParent() {
  const page = document.getElementById("app");
  if (window.parent === window || !page || typeof ResizeObserver !== "function") return;
  let last = 0;
  const send = () => {
    // #app holds the whole page (body has no margin, #app contains its children's margins),
    // and its height does not depend on the iframe's: resizing the iframe cannot feed back.
    // Rounded up: a fraction of a pixel short would show a 1 px scrollbar.
    const height = Math.ceil(page.getBoundingClientRect().height);
    if (height > 0 && height !== last) {
      last = height;
      window.parent.postMessage({ type: "innovation-atlas:height", height }, "*");
    }
  };
  send();
  new ResizeObserver(send).observe(page);
}

/**
 * Resolves once the static page's first frame is on screen (its paint timing entry has arrived;
 * the page's `<link rel=expect>` holds that frame until the page is parsed), or after 200 ms in
 * a tab that paints none. Before that, the app's download would count towards the page's largest
 * paint in Lighthouse's simulation.
 */
function firstPaint() {
  return new Promise((resolve) => {
    const next = () => setTimeout(resolve);
    setTimeout(resolve, 200);
    const types = (typeof PerformanceObserver === "function" && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes("paint")) {
      requestAnimationFrame(next);
      return;
    }
    new PerformanceObserver((_, observer) => {
      observer.disconnect();
      next();
    }).observe({ type: "paint", buffered: true });
  });
}

async function start() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    explain("no-wasm");
    return;
  }
  const slow = setTimeout(() => explain("slow"), SLOW_MS);
  try {
    await firstPaint();
    const glue = await import(GLUE);
    await glue.default({ module_or_path: WASM });
  } catch (error) {
    console.error("Innovation Atlas: the interactive map could not start.", error);
    explain("failed");
  } finally {
    clearTimeout(slow);
  }
}

reportHeightToParent();
start();
