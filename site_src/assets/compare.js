/* Comparing zones (issue 16, part 1). Fetched by tables.js where a page has #compare (the comparison page);
   then runs on every page view of Material's instant navigation.

   The comparison page carries every zone's every year's value (data-compare, JSON) and the catalogue's words as
   templates (data-words: `{name}` is a value's place; generator/site/compare_words.py). This script adds the
   choice (two to four zones, a year), keeps it in the address (?zones=a,b&year=2024: a comparison can be linked;
   back, forward and reload restore it) and draws the chosen comparison: per indicator the sentence, the bars and
   the table, built exactly as the generator builds the default one (compare_words.result_html), with
   textContent only: names and ids from the data or the address are never read as markup. Ids in the address
   that are not a zone are left out, and a note says so. Gaps are computed exactly (BigInt), never in floats.
   (An indicator page's highlighted zones are highlight.js's.) */
(function () {
  "use strict";

  var MAX = 4;

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

  // In the preview opened from disk a folder is not its index page.
  function served(url) {
    return window.location.protocol === "file:" && /\/$/.test(url) ? url + "index.html" : url;
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

  /* ---- exact decimals: the values as written ("5074.5"), compared and subtracted without rounding ---- */

  var TEN = BigInt(10);

  function dec(text) {
    var sign = text.charAt(0) === "-" ? "-" : "";
    var parts = text.replace(/^[+-]/, "").split(".");
    var frac = parts[1] || "";
    return { v: BigInt(sign + parts[0] + frac), scale: frac.length };
  }

  function align(a, b) {
    var s = Math.max(a.scale, b.scale);
    return [a.v * TEN ** BigInt(s - a.scale), b.v * TEN ** BigInt(s - b.scale), s];
  }

  function cmp(a, b) {
    var x = align(a, b);
    return x[0] < x[1] ? -1 : x[0] > x[1] ? 1 : 0;
  }

  // As generator/site/figures.py's figure(): no trailing zeros, the integer part separated by commas in threes.
  function figure(d) {
    var neg = d.v < BigInt(0);
    var digits = (neg ? -d.v : d.v).toString();
    while (digits.length <= d.scale) digits = "0" + digits;
    var whole = digits.slice(0, digits.length - d.scale);
    var frac = digits.slice(digits.length - d.scale).replace(/0+$/, "");
    var text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : "");
    return (neg && text !== "0" ? "-" : "") + text;
  }

  /* ---- the comparison page ---- */

  function inUnit(value, ind) {
    if (ind.percent || ind.unit === "%") return value + "%";
    return ind.unit ? value + " " + ind.unit : value;
  }

  function sentence(words, ind, year, rows) {
    var named = rows.filter(function (r) { return r.cell[1] !== null; });
    var values = { year: year, indicator: ind.name };
    var text;
    if (!named.length) {
      text = fill(words.none, values);
    } else if (named.length === 1) {
      text = fill(words.one, Object.assign(values, { zone: named[0].name, value: inUnit(named[0].cell[0], ind) }));
    } else {
      var high = null, low = null;
      named.forEach(function (r) {
        var n = dec(r.cell[1]);
        if (high === null || cmp(n, high) > 0) high = n;
        if (low === null || cmp(n, low) < 0) low = n;
      });
      var tops = named.filter(function (r) { return cmp(dec(r.cell[1]), high) === 0; });
      var bottoms = named.filter(function (r) { return cmp(dec(r.cell[1]), low) === 0; });
      if (cmp(high, low) === 0) {
        text = fill(words.same, Object.assign(values, { count: named.length, value: inUnit(tops[0].cell[0], ind) }));
      } else {
        var x = align(high, low);
        var gap = figure({ v: x[0] - x[1], scale: x[2] });
        text = fill(words.spread, Object.assign(values, {
          top: tops.map(function (r) { return r.name; }).join(words.list),
          high: inUnit(tops[0].cell[0], ind),
          bottom: bottoms.map(function (r) { return r.name; }).join(words.list),
          low: inUnit(bottoms[0].cell[0], ind),
          gap: ind.percent ? fill(words.points, { change: gap }) : inUnit(gap, ind)
        }));
      }
    }
    var left = rows.filter(function (r) { return r.cell[1] === null; }).map(function (r) {
      return fill(words.left_out_zone, { zone: r.name, why: r.cell[2] });
    });
    if (left.length) text = fill(words.sentences, { first: text, next: fill(words.left_out, { zones: left.join(words.list) }) });
    return text;
  }

  function widths(cells) {
    var top = null;
    cells.forEach(function (c) {
      if (c[1] !== null && Number(c[1]) > 0 && (top === null || cmp(dec(c[1]), top) > 0)) top = dec(c[1]);
    });
    return cells.map(function (c) {
      if (c[1] === null || top === null || Number(c[1]) <= 0) return "";
      return (Number(c[1]) / Number(figure(top).replace(/,/g, "")) * 100).toFixed(1);
    });
  }

  function drawResult(box, data, words, state) {
    var groups = box.querySelectorAll("details.compare-group");
    var open = Array.prototype.map.call(groups, function (d) { return d.open; });  // kept as the reader left them
    box.textContent = "";
    if (state.year === null || state.zones.length < 2) {
      box.appendChild(make("p", "compare-empty", words.too_few));
      return;
    }
    var byId = {};
    data.zones.forEach(function (z) { byId[z.id] = z; });
    var names = state.zones.map(function (id) { return byId[id].name; });
    var caption = make("p", "compare-caption", fill(words.caption, { zones: names.join(words.list), year: state.year }));
    caption.id = "compare-caption";
    box.appendChild(caption);
    var missing = [words.none_shown || "—", null, words.not_reported, ""];
    data.categories.forEach(function (cat, k) {
      var group = make("details", "indicator-group compare-group");
      group.open = k < open.length ? open[k] : k === 0;
      group.appendChild(make("summary", "", cat.summary));
      box.appendChild(group);
      cat.indicators.forEach(function (indId) {
        var ind = data.indicators[indId];
        var cells = state.zones.map(function (id) {
          var year = (data.values[id] || {})[String(state.year)];
          return year && year[indId] ? year[indId] : missing;
        });
        var rows = state.zones.map(function (id, k) { return { id: id, name: byId[id].name, cell: cells[k] }; });
        var section = make("section", "compare-indicator");
        section.id = "compare-" + indId;
        var heading = make("h2");  // the page's sections: h1, then one h2 per indicator
        var a = make("a", "", ind.unit ? fill(words.heading_unit, { name: ind.name, unit: ind.unit }) : ind.name);
        a.href = served(ind.url);
        heading.appendChild(a);
        section.appendChild(heading);
        section.appendChild(make("p", "compare-sentence", sentence(words, ind, state.year, rows)));
        var bars = make("div", "compare-bars");
        bars.setAttribute("aria-hidden", "true");
        var w = widths(cells);
        rows.forEach(function (r, k) {
          var row = make("div", "compare-bar-row");
          row.appendChild(make("span", "compare-bar-name", r.name));
          var track = make("span", "compare-bar-track");
          if (w[k]) {
            var bar = make("span", "compare-bar");
            bar.style.width = w[k] + "%";
            track.appendChild(bar);
          }
          row.appendChild(track);
          row.appendChild(make("span", "compare-bar-value", r.cell[0]));
          bars.appendChild(row);
        });
        section.appendChild(bars);
        var table = make("table");
        var head = table.createTHead().insertRow();
        [words.zone_column, fill(words.value_column, { year: state.year })].forEach(function (t) {
          var th = make("th", "", t);
          th.scope = "col";
          head.appendChild(th);
        });
        var body = table.createTBody();
        rows.forEach(function (r) {
          var tr = body.insertRow();
          var th = make("th");
          th.scope = "row";
          var link = make("a", "", r.name);
          link.href = served(byId[r.id].url);
          th.appendChild(link);
          tr.appendChild(th);
          var td = make("td", "", r.cell[0]);
          if (r.cell[3]) {  // revised after it was published: its history on the zone's page
            td.appendChild(document.createTextNode(" "));
            var mark = make("a", "", words.revised);
            mark.href = served(byId[r.id].url) + r.cell[3];
            td.appendChild(mark);
          }
          tr.appendChild(td);
        });
        section.appendChild(table);
        group.appendChild(section);
      });
    });
  }

  function latestYear(data, zones) {
    var byId = {};
    data.zones.forEach(function (z) { byId[z.id] = z; });
    var lists = zones.map(function (id) { return byId[id].years; });
    if (!lists.length) return data.years.length ? data.years[0] : null;
    var common = lists[0].filter(function (y) { return lists.every(function (l) { return l.indexOf(y) >= 0; }); });
    var pool = common.length ? common : [].concat.apply([], lists);
    return pool.length ? Math.max.apply(null, pool) : (data.years.length ? data.years[0] : null);
  }

  // The choice the address holds, what was left out of it, and the notes that say so.
  function readState(data, words) {
    var params = new URLSearchParams(window.location.search);
    var order = data.zones.map(function (z) { return z.id; });
    var notes = [];
    var asked = params.has("zones") ? idsIn(params.get("zones")) : data["default"].zones.slice();
    var unknown = asked.filter(function (id) { return order.indexOf(id) < 0; });
    if (unknown.length) notes.push(fill(words.unknown, { ids: unknown.join(words.list) }));
    var zones = [];
    asked.forEach(function (id) { if (order.indexOf(id) >= 0 && zones.indexOf(id) < 0) zones.push(id); });
    if (zones.length > MAX) {
      zones = zones.slice(0, MAX);
      notes.push(words.too_many);
    }
    zones.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    var year = null;
    if (params.has("year")) {
      var y = Number(params.get("year"));
      if (data.years.indexOf(y) >= 0 && String(y) === params.get("year")) year = y;
      else notes.push(fill(words.bad_year, { year: params.get("year") }));
    }
    if (year === null) year = params.has("zones") ? latestYear(data, zones) : data["default"].year;
    if (zones.length < 2) notes.push(words.too_few);
    return { zones: zones, year: year, notes: notes };
  }

  function drawControls(box, data, words, state, choose) {
    box.textContent = "";
    var zones = make("fieldset", "compare-zones");
    zones.appendChild(make("legend", "", words.choose_zones));
    data.zones.forEach(function (z) {
      var label = make("label", "compare-zone");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.name = "zone";
      input.value = z.id;
      input.checked = state.zones.indexOf(z.id) >= 0;
      input.disabled = !input.checked && state.zones.length >= MAX;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + z.name));
      zones.appendChild(label);
    });
    box.appendChild(zones);
    var yearLabel = make("label", "compare-year", words.choose_year + " ");
    var select = document.createElement("select");
    select.name = "year";
    data.years.forEach(function (y) {
      var option = make("option", "", fill(words.year_option, { year: y }));
      option.value = String(y);
      option.selected = y === state.year;
      select.appendChild(option);
    });
    yearLabel.appendChild(select);
    box.appendChild(yearLabel);
    box.hidden = false;
    box.onchange = function (event) {
      var picked = Array.prototype.filter.call(box.querySelectorAll("input[name=zone]"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
      choose(picked, Number(select.value), event.target);
    };
  }

  function startCompare(root) {
    var data = json(root, "data-compare");
    var words = json(root, "data-words");
    if (!data || !words) return;
    var controls = root.querySelector("#compare-controls");
    var note = root.querySelector("#compare-note");
    var result = root.querySelector("#compare-result");
    var first = true;
    function show() {
      var state = readState(data, words);
      note.textContent = state.notes.join(" ");
      note.hidden = !state.notes.length;
      // a first view without a choice in the address: the generator's default comparison is already on the page
      // (drawing it again would cost a phone about half a second); only its links are fixed for the preview
      var asWritten = first && !window.location.search;
      first = false;
      drawControls(controls, data, words, state, function (zones, year, target) {
        var params = new URLSearchParams(window.location.search);
        params.set("zones", zones.join(","));
        params.set("year", String(year));  // the year shown stays when the zones change
        go(params);
        show();
        var again = controls.querySelector(target && target.name === "year" ? "select" :
          "input[value=\"" + (target ? target.value : "") + "\"]");
        if (again) again.focus();
      });
      if (asWritten) {
        result.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", served(a.getAttribute("href"))); });
      } else {
        drawResult(result, data, words, state);
      }
      root.setAttribute("data-ready", "");
    }
    show();
    return show;
  }

  var current = null;

  function start() {
    current = null;
    var root = document.getElementById("compare");
    if (root) current = startCompare(root);
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
