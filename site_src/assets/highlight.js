/* Highlighting zones on an indicator page's charts (issue 16, part 1), like Our World in Data's entity selection.
   Fetched by tables.js where a page has #zone-highlight; then runs on every page view of Material's instant
   navigation. The page carries the zones (data-zones: id, name, and the name as the charts write it) and the
   catalogue's words (data-words); the choice is kept in the address (?highlight=a,b: back, forward and reload
   restore it; ids that are not a zone are left out with a note). The other zones' bars and lines are drawn faint
   and the chosen ones' names bold, their table rows marked (weight and a bar, not colour alone); the figures are
   rewritten in the charts' data-figure and charts.js redraws a drawn chart ("chart-refigure"). Nothing chosen:
   the figures exactly as built. Without JavaScript the box stays hidden and nothing changes. textContent only. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? String(values[key]) : all; });
  }

  function json(el, name) {
    try { return JSON.parse(el.getAttribute(name) || "null"); } catch (err) { return null; }
  }

  function make(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function go(params) {
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState(null, "", url);  // null: Material's instant navigation leaves it to us
    }
  }

  function idsIn(value) {
    return (value || "").split(",").map(function (id) { return id.trim(); }).filter(function (id) { return id; });
  }

  function emphasised(figure, labels) {
    var any = labels.length > 0;
    (figure.data || []).forEach(function (trace) {
      if (trace.type === "bar" && trace.orientation === "h") {
        trace.marker = Object.assign({}, trace.marker, {
          opacity: trace.y.map(function (l) { return !any || labels.indexOf(l) >= 0 ? 1 : 0.3; })
        });
        if (any) {
          figure.layout.yaxis = Object.assign({}, figure.layout.yaxis, {
            tickmode: "array", tickvals: trace.y,
            ticktext: trace.y.map(function (l) { return labels.indexOf(l) >= 0 ? "<b>" + l + "</b>" : l; })
          });
        }
      } else if (trace.type === "scatter") {
        var on = labels.indexOf(trace.name) >= 0;
        if (any) {
          trace.opacity = on ? 1 : 0.25;
          trace.line = Object.assign({}, trace.line, { width: on ? 4 : 2 });
          if (on) trace.name = "<b>" + trace.name + "</b>";
        }
      }
    });
    return figure;
  }

  function startHighlight(box) {
    var zones = json(box, "data-zones");
    var words = json(box, "data-words");
    if (!zones || !words) return;
    var plots = Array.prototype.slice.call(document.querySelectorAll(".chart-plot[data-figure]"));
    var originals = plots.map(function (p) { return p.getAttribute("data-figure"); });
    var note = make("p", "compare-note");
    note.setAttribute("role", "status");
    function show() {
      var asked = idsIn(new URLSearchParams(window.location.search).get("highlight"));
      var known = zones.map(function (z) { return z.id; });
      var chosen = known.filter(function (id) { return asked.indexOf(id) >= 0; });
      var unknown = asked.filter(function (id) { return known.indexOf(id) < 0; });
      note.textContent = unknown.length ? fill(words.unknown, { ids: unknown.join(words.list) }) : "";
      note.hidden = !unknown.length;
      box.textContent = "";
      var set = make("fieldset", "compare-zones");
      set.appendChild(make("legend", "", words.legend));
      zones.forEach(function (z) {
        var label = make("label", "compare-zone");
        var input = document.createElement("input");
        input.type = "checkbox";
        input.value = z.id;
        input.checked = chosen.indexOf(z.id) >= 0;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + z.name));
        set.appendChild(label);
      });
      box.appendChild(set);
      box.appendChild(note);
      box.hidden = false;
      var labels = zones.filter(function (z) { return chosen.indexOf(z.id) >= 0; }).map(function (z) { return z.label; });
      var names = zones.filter(function (z) { return chosen.indexOf(z.id) >= 0; }).map(function (z) { return z.name; });
      plots.forEach(function (plot, k) {
        var figure = labels.length ? JSON.stringify(emphasised(JSON.parse(originals[k]), labels)) : originals[k];
        if (plot.getAttribute("data-figure") === figure) return;
        plot.setAttribute("data-figure", figure);
        plot.dispatchEvent(new CustomEvent("chart-refigure", { bubbles: true }));
      });
      document.querySelectorAll(".chart-table tbody tr").forEach(function (tr) {
        var on = Array.prototype.some.call(tr.cells, function (c) { return names.indexOf(c.textContent.trim()) >= 0; });
        tr.classList.toggle("zone-highlighted", on);
      });
      box.setAttribute("data-ready", "");
    }
    box.onchange = function (event) {
      var ids = Array.prototype.filter.call(box.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
      var params = new URLSearchParams(window.location.search);
      if (ids.length) params.set("highlight", ids.join(",")); else params["delete"]("highlight");
      go(params);
      var value = event.target.value;
      show();
      var again = box.querySelector("input[value=\"" + value + "\"]");
      if (again) again.focus();
    };
    show();
    return show;
  }


  var current = null;

  function start() {
    current = null;
    var box = document.getElementById("zone-highlight");
    if (box) current = startHighlight(box);
  }

  window.addEventListener("popstate", function () { if (current) current(); });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
