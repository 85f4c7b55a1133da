/*! Innovation Atlas page set-up — MIT licence.
 * Runs in <head>, before the page paints (a blocking script, so keep it tiny):
 * - ?embed=1 marks the page for an iframe (the stylesheet hides the page's header and footer);
 * - the visitor gets the page in their language without first seeing the other one: ?lang=
 *   decides, else on index.html a Swedish browser. The wrong page hides itself
 *   (html.switching-language) and is replaced by the right one, with the same query and hash;
 * - a browser that can run the app gets html.can-run: the app's own controls keep their place;
 * - ?country=XX shows that country selected from the first frame (a style sheet made here, which
 *   the app drops once it has taken the page over): the page does not show the whole map and
 *   then jump to the country.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  if (/^(1|true|yes)$/.test((query.get("embed") || "").trim())) root.classList.add("embed");
  var page = root.lang;
  var wanted = (query.get("lang") || "").trim().toLowerCase();
  if (wanted !== "en" && wanted !== "sv") {
    wanted = page === "en" && /^sv\b/i.test(navigator.language || "") ? "sv" : page;
  }
  if (typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function") root.classList.add("can-run");
  var country = (query.get("country") || "").trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(country) && typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in document) {
    try {
      var sheet = new CSSStyleSheet();
      var d = "#details-" + country, m = "#map-country-" + country;
      sheet.replaceSync(
        ".side-panel:has(" + d + ") .choose-country{display:none!important}" + d + "{display:block!important}" +
        m + " .shape{fill:var(--selected);stroke:var(--ink);stroke-width:3}" + m + " .marker{fill:var(--selected);stroke:var(--ink)}"
      );
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (e) { /* an old browser: the app shows the country once it runs */ }
  }
  if (wanted !== page) {
    root.classList.add("switching-language");
    location.replace((wanted === "sv" ? "sv.html" : "./") + location.search + location.hash);
  }
})();
