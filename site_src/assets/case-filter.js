/* The experience library's filter (cases/index.md). The list is complete without JavaScript; this script
   fetches cases/index.json for the choices, adds four labelled <select>s, hides the items that do not
   match, announces "共 N 个案例" (aria-live), and keeps the choice in the address (?task=&city=&year=&tag=)
   so a filtered view can be linked. Runs on every page view of Material's instant navigation. */
(function () {
  "use strict";

  var FIELDS = [
    { key: "task", label: "主要任务", attr: "task" },
    { key: "city", label: "设区市", attr: "city" },
    { key: "year", label: "年份", attr: "year" },
    { key: "tag", label: "标签", attr: "tags" }
  ];

  function matches(item, chosen) {
    return FIELDS.every(function (f) {
      var want = chosen[f.key];
      if (!want) return true;
      var have = item.getAttribute("data-" + f.attr) || "";
      return f.key === "tag" ? have.split(" ").indexOf(want) >= 0 : have === want;
    });
  }

  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    var chosen = {};
    FIELDS.forEach(function (f) { chosen[f.key] = params.get(f.key) || ""; });
    return chosen;
  }

  function writeQuery(chosen) {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (f) {
      if (chosen[f.key]) params.set(f.key, chosen[f.key]); else params.delete(f.key);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function apply(list, count, selects) {
    var chosen = {};
    selects.forEach(function (s) { chosen[s.name] = s.value; });
    var shown = 0;
    Array.prototype.forEach.call(list.querySelectorAll(".case-item"), function (item) {
      var ok = matches(item, chosen);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = "共 " + shown + " 个案例";
    return chosen;
  }

  function buildControls(box, choices, chosen) {
    var selects = [];
    FIELDS.forEach(function (f) {
      var id = "case-filter-" + f.key;
      var wrap = document.createElement("span");
      wrap.className = "case-filter__field";
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = f.label + "：";
      var select = document.createElement("select");
      select.id = id;
      select.name = f.key;
      select.appendChild(new Option("全部", ""));
      (choices[f.key] || []).forEach(function (c) {
        select.appendChild(new Option(String(c.name), String(c.id)));  // textContent: never parsed as HTML
      });
      select.value = chosen[f.key];
      if (select.value !== chosen[f.key]) select.value = "";  // an unknown value in the address
      wrap.appendChild(label);
      wrap.appendChild(select);
      box.appendChild(wrap);
      box.appendChild(document.createTextNode(" "));  // spacing even without the site's CSS
      selects.push(select);
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button case-filter__reset";
    reset.textContent = "清除筛选";
    box.appendChild(reset);
    return { selects: selects, reset: reset };
  }

  function init() {
    var list = document.getElementById("case-list");
    var box = document.getElementById("case-filter");
    var count = document.getElementById("case-count");
    if (!list || !box || !count || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    var inline = list.getAttribute("data-choices");
    var url = new URL(list.getAttribute("data-index") || "index.json", window.location.href);
    var load = inline  // choices in the page work from disk too (fetch() is blocked on file://)
      ? Promise.resolve({ choices: JSON.parse(inline) })
      : fetch(url.href).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
    load
      .then(function (index) {
        if (!document.body.contains(list)) return;  // the reader navigated away meanwhile
        var controls = buildControls(box, index.choices || {}, readQuery());
        box.setAttribute("role", "search");
        box.setAttribute("aria-label", "筛选案例");
        box.hidden = false;
        var update = function () { writeQuery(apply(list, count, controls.selects)); };
        controls.selects.forEach(function (s) { s.addEventListener("change", update); });
        controls.reset.addEventListener("click", function () {
          controls.selects.forEach(function (s) { s.value = ""; });
          update();
        });
        apply(list, count, controls.selects);
      })
      .catch(function () { /* the full list stays readable */ });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
