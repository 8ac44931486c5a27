/* Sortable tables: every <table> inside <div class="sortable-table" markdown="1"> gets header buttons.
 *
 * Numbers sort as numbers (thousands separators, signs, decimals and a trailing % allowed); the markers
 * "—", "暂无" and "不适用" (and empty cells) always sort last, in either direction; text sorts in
 * Chinese (pinyin) order. The sorted column carries aria-sort; the others carry none (WAI-ARIA APG).
 * Re-runs on Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var MISSING = ["", "—", "–", "-", "暂无", "不适用"];
  var NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*%?$/;
  var collator = null;  // created on the first sort: loading ICU's pinyin collation costs a long task

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
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
      while (th.firstChild) button.appendChild(th.firstChild);
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

  function start() {
    document.querySelectorAll(".sortable-table table").forEach(enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
