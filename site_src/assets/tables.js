/* Tables: sort buttons, and a wide table's scrolling region and cue (issue 14).
 *
 * Sortable tables: every <table> inside <div class="sortable-table" markdown="1"> gets header buttons.
 *
 * Numbers sort as numbers (thousands separators, signs, decimals and a trailing % allowed); the markers
 * "—", "暂无" and "不适用" (and empty cells) always sort last, in either direction; text sorts in
 * Chinese (pinyin) order. The sorted column carries aria-sort; the others carry none (WAI-ARIA APG).
 * A cell's `.cell-label` (its column's name, shown where a table is laid out as cards) is not part of its value.
 * A header holding a link (an indicator's name, linked to its page) keeps it; its sort button follows it.
 *
 * A table wider than its box scrolls inside it (Material's .md-typeset__scrollwrap, or the table itself): the box
 * becomes a named, focusable region (keyboard users scroll it, WCAG 2.1.1), a visible cue above it says that it
 * scrolls (the words: the page's <template id="table-scroll-cue">, from the catalogue), and site.css pins its
 * first column (.is-scrollable). Measured again when the window is resized, a group opened or a tab chosen.
 * A table of records laid out as cards on a phone (.table-stack) keeps its table roles explicitly: CSS display
 * values other than table ones can drop them.
 *
 * Re-runs on Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var MISSING = ["", "—", "–", "-", "暂无", "不适用"];
  var NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*%?$/;
  var collator = null;  // created on the first sort: loading ICU's pinyin collation costs a long task

  function cellText(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var text = "";
    Array.prototype.forEach.call(cell.childNodes, function (node) {
      if (!(node.classList && node.classList.contains("cell-label"))) text += node.textContent;
    });
    return text.replace(/\s+/g, " ").trim();
  }

  function numberOf(text) {
    return NUMBER.test(text) ? parseFloat(text.replace(/[,%\s]/g, "")) : null;
  }

  function sortBy(table, index, direction) {
    var body = table.tBodies[0];
    if (!body) return;
    // Ties keep the table's original order (not the previous sort's), so every sort is reproducible.
    var rows = Array.prototype.slice.call(body.rows).map(function (row) {
      var text = cellText(row, index);
      var position = Number(row.getAttribute("data-row"));
      return { row: row, text: text, number: numberOf(text), missing: MISSING.indexOf(text) >= 0, position: position };
    });
    var numeric = rows.every(function (r) { return r.missing || r.number !== null; });
    var sign = direction === "descending" ? -1 : 1;
    if (!numeric && !collator) collator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });
    rows.sort(function (a, b) {
      if (a.missing !== b.missing) return a.missing ? 1 : -1;  // markers last, whatever the direction
      if (a.missing) return a.position - b.position;
      var order = numeric ? a.number - b.number : collator.compare(a.text, b.text);
      return order ? sign * order : a.position - b.position;  // stable
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }

  function enhance(table) {
    if (table.hasAttribute("data-sortable")) return;
    var head = table.tHead;
    if (!head || !head.rows.length) return;
    table.setAttribute("data-sortable", "true");
    if (table.tBodies[0]) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) { row.setAttribute("data-row", String(i)); });
    }
    Array.prototype.forEach.call(head.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      if (th.querySelector("a[href]")) {
        // a header that links a page (an indicator's name) keeps its link: a link inside a button is a control
        // inside a control. The button after it holds the arrow and, for screen readers, the header's words.
        var name = document.createElement("span");
        name.className = "sort-name";
        name.textContent = th.textContent.replace(/\s+/g, " ").trim();
        button.appendChild(name);
      } else {
        while (th.firstChild) button.appendChild(th.firstChild);
      }
      var icon = document.createElement("span");
      icon.className = "sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(head.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", next);
        sortBy(table, index, next);
      });
    });
  }

  var cues = 0;

  function scrollBox(table) {
    return table.closest(".md-typeset__scrollwrap") || table;
  }

  // What a table is called: its own name (a chart's table is named by a11y.js), its caption, or the heading it
  // sits under (without the heading's ¶ link). Each scrolling region is named after its table, so that two of
  // them on one page are two places in a screen reader's list of landmarks (axe's landmark-unique).
  function tableName(table) {
    var own = table.getAttribute("aria-label") || (table.caption ? table.caption.textContent : "");
    if (own.trim()) return own.trim();
    for (var node = table; node && node.tagName !== "ARTICLE"; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) {
          var heading = before.cloneNode(true);
          heading.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
          return heading.textContent.trim();
        }
      }
    }
    return "";
  }

  function regionLabel(cue, table, used) {
    var name = tableName(table);
    var label = name ? (cue.getAttribute("data-region-named") || "").replace("{table}", name) : "";
    label = label || cue.getAttribute("data-region-label") || "";
    var unique = label;
    for (var k = 2; used[unique]; k++) unique = label + " " + k;  // two tables under one heading: numbered
    used[unique] = true;
    return unique;
  }

  function measure() {
    // All reads first, then all writes: a write between two reads would make the browser lay the page out
    // again for the next table (one forced layout per table, the longest task of a zone page's start).
    var words = document.getElementById("table-scroll-cue");
    var found = [];
    document.querySelectorAll("article table").forEach(function (table) {
      // A closed group's tables are not laid out: asking their width would make the browser lay out the whole group
      // (the zone page's four closed groups, most of its start-up layout). Measured when the group is opened.
      if (table.closest("details:not([open])")) return;
      var box = scrollBox(table);
      if (box.clientWidth > 0) found.push({ box: box, wide: box.scrollWidth > box.clientWidth + 1 });
    });
    var used = {};
    document.querySelectorAll("article [role=region][aria-label]").forEach(function (region) {
      if (!found.some(function (item) { return item.box === region; })) used[region.getAttribute("aria-label")] = true;
    });
    found.forEach(function (item) {
      var box = item.box;
      var before = box.previousElementSibling;
      var cue = before && before.classList.contains("table-cue") ? before : null;
      if (item.wide) {
        if (!cue && words && words.content.firstElementChild) {
          cue = words.content.firstElementChild.cloneNode(true);
          cue.id = "table-cue-" + (++cues);
          box.parentNode.insertBefore(cue, box);
        }
        box.classList.add("is-scrollable");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (cue) {
          box.setAttribute("aria-label", regionLabel(cue, box.querySelector("table") || box, used));
          box.setAttribute("aria-describedby", cue.id);
        }
      } else if (box.classList.contains("is-scrollable")) {
        if (cue) cue.remove();
        box.classList.remove("is-scrollable");
        ["tabindex", "role", "aria-label", "aria-describedby"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }

  function cardRoles(table) {
    if (table.hasAttribute("role")) return;
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (g) { g.setAttribute("role", "rowgroup"); });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell) {
        cell.setAttribute("role", cell.tagName === "TH" ? "columnheader" : "cell");
      });
    });
  }

  var pending = false;
  function later() {  // once per frame, after Material has wrapped the page's tables
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; measure(); });
  }

  // The case library's filter (case-filter.js) is fetched only by the page that has one, the first time it is
  // shown (issue 14: page weight); it then runs on every later view of Material's instant navigation itself.
  var scriptsAt = document.currentScript ? document.currentScript.src : "";
  var caseFilterAsked = false;
  function caseFilter() {
    if (caseFilterAsked || !scriptsAt || !document.getElementById("case-filter")) return;
    caseFilterAsked = true;
    var script = document.createElement("script");
    script.src = new URL("case-filter.js", scriptsAt).href;
    document.head.appendChild(script);
  }

  // The comparison page's zone choice (compare.js) and the indicator pages' highlighted zones (highlight.js),
  // issue 16: fetched the same way, each by the page that has its box.
  var asked = {};
  function pageScript(id, file) {
    if (asked[file] || !scriptsAt || !document.getElementById(id)) return;
    asked[file] = true;
    var script = document.createElement("script");
    script.src = new URL(file, scriptsAt).href;
    document.head.appendChild(script);
  }

  function start() {
    caseFilter();
    pageScript("compare", "compare.js");
    pageScript("zone-highlight", "highlight.js");
    document.querySelectorAll(".sortable-table table").forEach(enhance);
    document.querySelectorAll(".table-stack table").forEach(cardRoles);
    later();
  }

  window.addEventListener("resize", later);
  document.addEventListener("toggle", later, true);  // a group opened: its tables get measured
  document.addEventListener("change", later, true);  // a content tab chosen

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
