/*! Innovation Atlas page set-up — MIT licence.
 * Runs in <head>, before the page paints (a blocking script, so keep it tiny):
 * - ?embed=1 marks the page for an iframe (the stylesheet hides the page's header and footer);
 * - the visitor gets the page in their language without first seeing the other one: ?lang=
 *   decides, else on index.html a Swedish browser. The wrong page hides itself
 *   (html.switching-language) and is replaced by the right one, with the same query and hash.
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
  if (wanted !== page) {
    root.classList.add("switching-language");
    location.replace((wanted === "sv" ? "sv.html" : "./") + location.search + location.hash);
  }
})();
