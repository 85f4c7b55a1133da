/*! Innovation Atlas host script — MIT licence.
 * Paste it once, as a plain <script src> (not async, not defer) before the atlas's iframe(s),
 * which should be loading="lazy": when this page's address carries a view, it then puts a
 * copy of the iframe with that view's address in its place before the iframe loads. (After
 * the iframes it works too, at the cost of loading an atlas twice when the address carries a
 * view. A host script that kept a reference to the iframe before this one ran should look
 * it up again.) For each iframe that shows the atlas from the folder this script
 * comes from, it
 * - sizes the iframe to its content: the page in the iframe sends
 *   {"type": "innovation-atlas:height", "height": <CSS px>} whenever its height changes;
 * - keeps the atlas's view in this page's address, in one parameter, so that the address bar,
 *   a shared link, a reload and Back/Forward all carry it: ?atlas=country%3DJP. The atlas sends
 *   {"type": "innovation-atlas:view", "view": "country=JP", "history": "push" | "replace"};
 *   selecting a country adds a history entry, typing and filtering replace it. The rest of the
 *   address (path, other parameters, #anchor) is left exactly as it was;
 * - opens the atlas in the view this page's address carries, by setting the iframe's address
 *   before it loads, and tells the atlas what to show when Back or Forward changes the address,
 *   and which address "Copy link" should copy: {"type": "innovation-atlas:host", "view": "…",
 *   "lang": "en" | "sv" (the iframe's own language, which a view need not say),
 *   "start": "<this page's address without a view>", "link": "<… with __VIEW__ in its place>"}.
 *
 * Several atlases on one page: name each, <iframe data-atlas="sv" …>, and its view goes in
 * ?atlas-sv=… . <iframe data-atlas="off" …> keeps the iframe's view to itself (it is still sized).
 *
 * Safety: view messages are taken only from the iframes this script manages (by event.source)
 * and only from the atlas's origin; heights only from the atlas's own iframes (managed or
 * data-atlas="off"), from the atlas's origin (or an opaque one, for a sandbox without
 * allow-same-origin), never from another iframe on the page. A view, from a
 * message or from the address, is taken only if it is made of the six known keys (q, kind,
 * region, org, country, lang) with well-formed values, and it is written back re-encoded;
 * anything else is ignored whole, and the atlas opens at its start.
 */
(function () {
  "use strict";
  var MAX_HEIGHT = 20000;
  var PLACEHOLDER = "__VIEW__";
  var VALUES = {
    q: /^[^<>"`\u0000-\u001f\u007f]{1,200}$/,
    kind: /^(country|office|scout|group|organisation)$/,
    region: /^(europe|asia|americas|middle-east-africa)$/,
    org: /^[a-z0-9-]{1,64}$/,
    country: /^[A-Za-z]{2}$/,
    lang: /^(en|sv)$/
  };

  var self = document.currentScript;
  var app = self && self.src ? new URL(".", self.src) : null;

  function decode(text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch (error) {
      return null;
    }
  }

  /** "country=JP&q=seoul" → the same view re-encoded, "" for none, null if anything is off. */
  function cleanView(text) {
    if (typeof text !== "string" || text.length > 1000) return null;
    if (text === "") return "";
    var seen = {};
    var out = [];
    var pairs = text.split("&");
    for (var i = 0; i < pairs.length; i++) {
      var at = pairs[i].indexOf("=");
      if (at < 1) return null;
      var key = decode(pairs[i].slice(0, at));
      var value = decode(pairs[i].slice(at + 1));
      if (key === null || value === null || !Object.prototype.hasOwnProperty.call(VALUES, key)) return null;
      if (seen[key] || !VALUES[key].test(value) || /^\s*javascript:/i.test(value)) return null;
      seen[key] = true;
      out.push(key + "=" + encodeURIComponent(value));
    }
    return out.join("&");
  }

  /** The raw value of parameter `name` in a query ("?a=1&b=2"), or null. */
  function readParam(query, name) {
    var pairs = query.replace(/^\?/, "").split("&");
    for (var i = 0; i < pairs.length; i++) {
      var at = pairs[i].indexOf("=");
      if ((at < 0 ? pairs[i] : pairs[i].slice(0, at)) === name) return decode(at < 0 ? "" : pairs[i].slice(at + 1));
    }
    return null;
  }

  /** `query` with parameter `name` set to `encoded` (already encoded; "" removes it), every
   * other parameter left as it was, byte for byte, and in its place. */
  function withParam(query, name, encoded) {
    var pairs = query.replace(/^\?/, "").split("&").filter(function (pair) { return pair !== ""; });
    var found = false;
    var out = [];
    for (var i = 0; i < pairs.length; i++) {
      var key = pairs[i].split("=")[0];
      if (key !== name) out.push(pairs[i]);
      else if (!found && encoded) out.push(name + "=" + encoded);
      found = found || key === name;
    }
    if (!found && encoded) out.push(name + "=" + encoded);
    return out.length ? "?" + out.join("&") : "";
  }

  /** Drops `lang=<lang>` from a clean view: the iframe's own language needs no saying. */
  function withoutLang(view, lang) {
    return view.split("&").filter(function (pair) { return pair !== "" && pair !== "lang=" + lang; }).join("&");
  }

  /** The language an iframe's address asks for: ?lang=, else its page (sv.html is Swedish). */
  function frameLang(src) {
    var url = new URL(src);
    var asked = readParam(url.search, "lang");
    if (asked === "en" || asked === "sv") return asked;
    return /\/sv\.html$/.test(url.pathname) ? "sv" : "en";
  }

  /** This page's address with parameter `name` set to `encodedView` (percent-encoded). */
  function hostAddress(name, encodedView) {
    return location.origin + location.pathname + withParam(location.search, name, encodedView) + location.hash;
  }

  /** The iframe's address showing `view`: its own view keys replaced, everything else kept. */
  function frameAddress(src, view) {
    var url = new URL(src);
    var query = url.search;
    for (var key in VALUES) query = withParam(query, key, "");
    url.search = query + (view ? (query ? "&" : "?") + view : "");
    return url.href;
  }

  function isAtlas(frame) {
    return app !== null && typeof frame.src === "string" && frame.src.indexOf(app.href) === 0;
  }

  // The atlases on this page, each with its parameter's name, its language and its view.
  var atlases = [];
  var used = {};

  function manage(frame) {
    if (frame.__atlas !== undefined || !isAtlas(frame)) return;
    var label = frame.getAttribute("data-atlas");
    var name = label && /^[a-z0-9-]{1,20}$/.test(label) ? "atlas-" + label : "atlas";
    // Opted out, or a second atlas with the same name: it keeps its view to itself.
    frame.__atlas = label !== "off" && !used[name];
    if (!frame.__atlas) return;
    used[name] = true;
    var lang = frameLang(frame.src);
    var view = cleanView(readParam(location.search, name) || "") || "";
    if (view) frame = restarted(frame, frameAddress(frame.src, view));
    atlases.push({ frame: frame, name: name, lang: lang, view: withoutLang(view, lang) });
  }

  /** A fresh copy of `frame` in its place, loading `address`. Setting an iframe's src only
   * queues the new load in WebKit: on a busy computer the first address's page loads, app and
   * all, before it is replaced. Taking the iframe out stops its load at once. */
  function restarted(frame, address) {
    var fresh = frame.cloneNode(true);
    fresh.__atlas = true;
    fresh.src = address;
    if (frame.parentNode) frame.parentNode.replaceChild(fresh, frame);
    return fresh;
  }

  function manageAll(root) {
    if (root.tagName === "IFRAME") manage(root);
    var found = root.getElementsByTagName ? root.getElementsByTagName("iframe") : [];
    for (var i = 0; i < found.length; i++) manage(found[i]);
  }

  manageAll(document);
  // Iframes after this script: managed as the parser adds them, before a lazy one loads.
  new MutationObserver(function (records) {
    for (var r = 0; r < records.length; r++) {
      for (var n = 0; n < records[r].addedNodes.length; n++) {
        if (records[r].addedNodes[n].nodeType === 1) manageAll(records[r].addedNodes[n]);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  function atlasOf(source) {
    for (var i = 0; i < atlases.length; i++) if (atlases[i].frame.contentWindow === source) return atlases[i];
    return null;
  }

  function tellAtlas(atlas) {
    if (!atlas.frame.contentWindow) return;
    atlas.frame.contentWindow.postMessage({
      type: "innovation-atlas:host",
      view: atlas.view,
      lang: atlas.lang,
      start: hostAddress(atlas.name, ""),
      link: hostAddress(atlas.name, PLACEHOLDER)
    }, app.origin);
  }

  /** The origin an atlas iframe's messages come from: the atlas's, or "null" when its sandbox
   * gives it an opaque origin (no allow-same-origin). */
  function atlasOrigin(frame) {
    var sandbox = frame.getAttribute("sandbox");
    var opaque = sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox);
    return opaque ? "null" : app.origin;
  }

  /** Sizes the atlas iframe the message came from: only the atlas's own iframes (by
   * event.source, and from the atlas's origin), never another iframe on this page (an ad, a
   * widget) that sends the same message. */
  function setHeight(event, height) {
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    var all = document.getElementsByTagName("iframe");
    for (var i = 0; i < all.length; i++) {
      var frame = all[i];
      if (frame.contentWindow !== event.source) continue;
      if (frame.__atlas !== undefined && event.origin === atlasOrigin(frame)) frame.style.height = Math.ceil(height) + "px";
      return;
    }
  }

  function followView(event, data) {
    var atlas = atlasOf(event.source);
    if (!atlas || event.origin !== app.origin) return;
    var view = cleanView(data.view);
    if (view === null || (data.history !== "push" && data.history !== "replace")) return;
    view = withoutLang(view, atlas.lang);
    var next = hostAddress(atlas.name, encodeURIComponent(view));
    if (next !== location.href) {
      if (data.history === "push" && view !== atlas.view) history.pushState(history.state, "", next);
      else history.replaceState(history.state, "", next);
    }
    var first = !atlas.greeted;
    atlas.greeted = true;
    atlas.view = view;
    if (first) tellAtlas(atlas);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object") return;
    if (data.type === "innovation-atlas:height") setHeight(event, data.height);
    else if (data.type === "innovation-atlas:view") followView(event, data);
  });

  // Back and Forward: each atlas shows the view the address now carries.
  window.addEventListener("popstate", function () {
    for (var i = 0; i < atlases.length; i++) {
      var view = cleanView(readParam(location.search, atlases[i].name) || "") || "";
      if (view !== atlases[i].view) {
        atlases[i].view = view;
        tellAtlas(atlases[i]);
      }
    }
  });
})();
