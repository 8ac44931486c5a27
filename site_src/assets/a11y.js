/* Reading aids (适老化): text size 标准/大/特大 and a high-contrast mode, remembered in localStorage.
 * The choice lives on <html> (data-text-size, data-contrast), which Material's instant navigation keeps,
 * and site.css scales the root font size from it. The inline script in overrides/main.html applies a
 * saved choice before the first paint; this file handles the controls in the header.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var SIZES = ["normal", "large", "xlarge"];
  var prefersMore = window.matchMedia ? window.matchMedia("(prefers-contrast: more)") : null;

  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: the choice lasts this page */ }
  }

  function textSize() {
    var size = root.getAttribute("data-text-size");
    return SIZES.indexOf(size) >= 0 ? size : "normal";
  }

  function contrastOn() {
    var value = root.getAttribute("data-contrast");
    if (value) return value === "more";
    return !!(prefersMore && prefersMore.matches);  // the system setting, until the reader chooses
  }

  function sync() {
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      if (button === root) return;
      button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === textSize()));
    });
    document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(contrastOn()));
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) return;
    var sizeButton = target.closest("button[data-text-size]");
    if (sizeButton) {
      var size = sizeButton.getAttribute("data-text-size");
      if (size === "normal") root.removeAttribute("data-text-size"); else root.setAttribute("data-text-size", size);
      save("gx.textSize", size);
      sync();
      return;
    }
    if (target.closest("button[data-contrast-toggle]")) {
      var value = contrastOn() ? "normal" : "more";
      root.setAttribute("data-contrast", value);
      save("gx.contrast", value);
      sync();
      return;
    }
    // A click elsewhere closes the panel, like any menu.
    var open = document.querySelector("details.reading-aids[open]");
    if (open && !open.contains(target)) open.removeAttribute("open");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector("details.reading-aids[open]");
    if (open) {
      open.removeAttribute("open");
      open.querySelector("summary").focus();
    }
  });

  // The system setting can change while the page is open (e.g. Windows contrast themes).
  if (prefersMore && prefersMore.addEventListener) prefersMore.addEventListener("change", sync);

  // (A wide table's scrolling region and cue: tables.js.)
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(sync);
  } else {
    sync();
  }
})();
