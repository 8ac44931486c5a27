// Printing: open every closed <details> (the zone page's indicator groups and the reading aids are closed
// by default) so the printout holds all their tables, and close again afterwards the ones we opened.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details:not([open])").forEach(function (el) {
      if (el.classList.contains("reading-aids")) return;  // a header control, hidden in print anyway
      el.setAttribute("open", "");
      opened.push(el);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (el) { el.removeAttribute("open"); });
    opened = [];
  });
})();
