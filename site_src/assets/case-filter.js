/* The experience library's filter (cases/index.md). The list is complete without JavaScript; the page draws the
   four labelled <select>s and the reset button (case_pages._filter_box: at their size from the first paint, shown
   where JavaScript runs), and this script wires them up: it hides the items that do not match, announces the count
   (aria-live), and keeps the choice in the address (?task=&city=&year=&tag=) so a filtered view can be linked. When nothing matches, the same live line says so and how to widen the
   choice, with one button per chosen filter (naming how many cases are left without it) and one to clear
   them all; their words come from the catalogue through the list's data-words (case_pages.py).
   Runs on every page view of Material's instant navigation. */
(function () {
  "use strict";

  var FIELDS = [
    { key: "task", attr: "task" },
    { key: "city", attr: "city" },
    { key: "year", attr: "year" },
    { key: "tag", attr: "tags" }
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
    count.textContent = drops < 0 ? fill(words.count, { count: shown }) : words.none + (drops > 0 ? words.one : words.clear);
    return chosen;
  }

  function init() {
    var list = document.getElementById("case-list");
    var box = document.getElementById("case-filter");
    var count = document.getElementById("case-count");
    if (!list || !box || !count || box.getAttribute("data-ready")) return;
    var selects = FIELDS.map(function (f) { return document.getElementById("case-filter-" + f.key); });
    var reset = box.querySelector(".case-filter__reset");
    if (!reset || selects.some(function (s) { return !s; })) return;
    box.setAttribute("data-ready", "1");
    var chosen = readQuery();
    selects.forEach(function (select, i) {
      select.value = chosen[FIELDS[i].key];
      if (select.value !== chosen[FIELDS[i].key]) select.value = "";  // an unknown value in the address
    });
    var words = null;
    try { words = JSON.parse(list.getAttribute("data-words") || "null"); } catch (e) { words = null; }
    if (!words) return;
    var update = function () { writeQuery(apply(list, count, selects, words, update)); };
    selects.forEach(function (s) { s.addEventListener("change", update); });
    reset.addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      update();
    });
    apply(list, count, selects, words, update);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
