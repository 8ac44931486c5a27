/* The experience library's filter (cases/index.md). The list is complete without JavaScript; this script
   fetches cases/index.json for the choices, adds four labelled <select>s, hides the items that do not
   match, announces "共 N 个案例" (aria-live), and keeps the choice in the address (?task=&city=&year=&tag=)
   so a filtered view can be linked. When nothing matches, the same live line says so and how to widen the
   choice, with one button per chosen filter (naming how many cases are left without it) and one to clear
   them all; their words come from the catalogue through the list's data-words (case_pages.py).
   Runs on every page view of Material's instant navigation. */
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

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function countMatching(items, chosen) {
    var n = 0;
    items.forEach(function (item) { if (matches(item, chosen)) n += 1; });
    return n;
  }

  // Nothing matches: the buttons that widen the choice, after the live line (cleared when something matches).
  function widen(list, count, selects, words, update) {
    var box = document.getElementById("case-widen");
    if (!box) {
      box = document.createElement("div");
      box.id = "case-widen";
      box.className = "case-widen";
      count.parentNode.insertBefore(box, count.nextSibling);
    }
    box.textContent = "";
    var items = Array.prototype.slice.call(list.querySelectorAll(".case-item"));
    var chosen = {};
    selects.forEach(function (s) { chosen[s.name] = s.value; });
    if (countMatching(items, chosen) > 0) {
      box.hidden = true;
      return -1;
    }
    var drops = 0;
    var add = function (text, clear) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = text;
      button.addEventListener("click", function () {
        selects.forEach(function (s) { if (clear(s)) s.value = ""; });
        update();
        var first = selects[0];
        if (first) first.focus();  // the button is gone: keep the reader's place in the filter
      });
      box.appendChild(button);
      box.appendChild(document.createTextNode(" "));
    };
    selects.forEach(function (s) {
      if (!s.value) return;
      var rest = {};
      selects.forEach(function (o) { rest[o.name] = o === s ? "" : o.value; });
      var left = countMatching(items, rest);
      if (left === 0) return;
      var label = document.querySelector('label[for="' + s.id + '"]');
      var name = (label ? label.textContent : "") + s.options[s.selectedIndex].text;
      add(fill(words.drop, { filter: name, count: left }), function (o) { return o === s; });
      drops += 1;
    });
    add(fill(words.all, { count: items.length }), function () { return true; });
    box.hidden = false;
    return drops;
  }

  function apply(list, count, selects, words, update) {
    var chosen = {};
    selects.forEach(function (s) { chosen[s.name] = s.value; });
    var shown = 0;
    Array.prototype.forEach.call(list.querySelectorAll(".case-item"), function (item) {
      var ok = matches(item, chosen);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    var drops = words ? widen(list, count, selects, words, update) : -1;
    count.textContent = drops < 0 ? "共 " + shown + " 个案例" : words.none + (drops > 0 ? words.one : words.clear);
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
        var words = null;
        try { words = JSON.parse(list.getAttribute("data-words") || "null"); } catch (e) { words = null; }
        var update = function () { writeQuery(apply(list, count, controls.selects, words, update)); };
        controls.selects.forEach(function (s) { s.addEventListener("change", update); });
        controls.reset.addEventListener("click", function () {
          controls.selects.forEach(function (s) { s.value = ""; });
          update();
        });
        apply(list, count, controls.selects, words, update);
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
