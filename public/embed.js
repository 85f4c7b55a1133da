/*! Innovation Atlas host script — MIT licence.
 * Sizes the Innovation Atlas iframe to its content. Paste it once after the iframe.
 * The app inside the iframe sends {"type": "innovation-atlas:height", "height": <number>}
 * whenever its content height changes. This script accepts only that shape, and only from
 * a frame on this page, and sets that frame's height. It sends nothing back.
 */
(function () {
  "use strict";
  var MAX_HEIGHT = 20000;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "innovation-atlas:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });
})();
