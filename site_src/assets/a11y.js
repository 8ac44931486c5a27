/* Reading aids (适老化, GB/T 37668): text size 标准/大/特大, high contrast, a simplified one-column view, a large
 * cursor, read-aloud with the browser's own speech synthesis, and a reset; the choices are remembered in
 * localStorage (gx.*). They live on <html> (data-text-size, data-contrast, data-simple, data-cursor), which
 * Material's instant navigation keeps, and site.css does the rest. The inline script in overrides/main.html
 * applies a saved text size and contrast before the first paint; this file applies the other choices and
 * handles the controls in the header. Before each chart it puts a link to the chart's data table (which it
 * makes reachable by Tab) and a button that reads the chart's sentences aloud.
 *
 * Read-aloud is off until the reader starts it and uses only a voice of this device (localService): a
 * network voice would send the page's text elsewhere, so without a local Chinese voice nothing is read.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var SIZES = ["normal", "large", "xlarge"];
  var AIDS = { simple: "gx.simple", cursor: "gx.cursor" };  // data-simple="on", data-cursor="large"
  var AID_VALUES = { simple: "on", cursor: "large" };
  var KEYS = ["gx.textSize", "gx.contrast", "gx.simple", "gx.cursor"];
  var prefersMore = window.matchMedia ? window.matchMedia("(prefers-contrast: more)") : null;
  var synth = window.speechSynthesis;
  var canSpeak = !!(synth && window.SpeechSynthesisUtterance);

  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* private mode: the choice lasts this page */ }
  }

  function saved(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
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

  function setAid(name, on) {
    if (on) root.setAttribute("data-" + name, AID_VALUES[name]); else root.removeAttribute("data-" + name);
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function sync() {
    each("[data-text-size]", function (button) {
      if (button !== root) button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === textSize()));
    });
    each("[data-contrast-toggle]", function (button) { button.setAttribute("aria-pressed", String(contrastOn())); });
    each("[data-aid-toggle]", function (button) {
      button.setAttribute("aria-pressed", String(root.hasAttribute("data-" + button.getAttribute("data-aid-toggle"))));
    });
    if (root.hasAttribute("data-simple")) each("article details:not([open])", function (d) { d.setAttribute("open", ""); });
  }

  // ---- read-aloud ----------------------------------------------------------------------------------------

  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, summary, .chart-plot";
  var SKIP = ".headerlink, .chart-download, .chart-aids, .table-cue, script, style, template, [aria-hidden='true']";
  var run = 0;          // the current reading; an utterance of an older one (stopped) is ignored
  var queue = [];
  var current = null;   // the element being read

  function words(text) { return text.replace(/\s+/g, " ").trim(); }

  function ownText(el) {
    var text = "";
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (parent.closest(BLOCKS) === el && !parent.closest(SKIP)) text += node.data;
    }
    return words(text);
  }

  function chartTitle(plot) {
    var label = plot.getAttribute("aria-label") || "";
    var end = label.indexOf("。");
    return end < 0 ? label : label.slice(0, end);
  }

  // What a page reads aloud, in order: the text of each block of the article that is shown (a closed group or
  // a hidden tab is not read), each block's own text only; a chart by its sentences, unless the paragraph just
  // read says them already (the generated pages print each chart's summary above it).
  function pageBlocks() {
    var article = document.querySelector("article") || document.body;
    var out = [];
    Array.prototype.forEach.call(article.querySelectorAll(BLOCKS), function (el) {
      if (el.closest(SKIP) || !el.getClientRects().length) return;
      var text;
      if (el.classList.contains("chart-plot")) {
        text = words(el.getAttribute("aria-label") || "");
        var rest = text.slice(chartTitle(el).length + 1);
        if (rest && out.length && out[out.length - 1].text.indexOf(rest) >= 0) return;
      } else {
        text = ownText(el);
      }
      if (text) out.push({ el: el, text: text });
    });
    return out;
  }

  function localVoice() {
    var voices = synth.getVoices() || [];
    var local = voices.filter(function (v) { return v.localService && /^zh/i.test(v.lang || ""); });
    var exact = local.filter(function (v) { return /^zh[-_]CN$/i.test(v.lang); });
    return exact[0] || local[0] || null;
  }

  function mark(el) {
    if (current) current.classList.remove("aids-reading");
    current = el;
    if (!el) return;
    el.classList.add("aids-reading");
    var box = el.getBoundingClientRect();
    if (box.top < 60 || box.bottom > window.innerHeight) {
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  function speechState(reading, paused) {
    each("[data-speech-pause]", function (b) { b.disabled = !reading; b.setAttribute("aria-pressed", String(!!paused)); });
    each("[data-speech-stop]", function (b) { b.disabled = !reading; });
  }

  function stop() {
    run++;
    queue = [];
    mark(null);
    speechState(false, false);
    if (canSpeak && (synth.speaking || synth.pending || synth.paused)) synth.cancel();
  }

  function next(id, voice) {
    if (id !== run) return;
    var item = queue.shift();
    if (!item) { stop(); return; }
    mark(item.el);
    var utterance = new window.SpeechSynthesisUtterance(item.text);
    utterance.lang = "zh-CN";
    utterance.voice = voice;
    utterance.rate = 0.9;  // a little slower than the default, for older listeners
    utterance.onend = function () { next(id, voice); };
    utterance.onerror = function () { if (id === run) stop(); };
    synth.speak(utterance);
  }

  function say(items) {
    stop();
    var status = document.querySelector("[data-speech-status]");
    var begin = function () {
      var voice = localVoice();
      if (!voice) {
        if (status) status.textContent = status.getAttribute("data-no-voice");
        return;
      }
      if (status) status.textContent = "";
      queue = items.slice();
      speechState(true, false);
      next(run, voice);
    };
    // Voices may arrive a moment after the page: wait for them once, briefly.
    if ((synth.getVoices() || []).length) { begin(); return; }
    var started = false;
    var once = function () { if (!started) { started = true; begin(); } };
    if (synth.addEventListener) synth.addEventListener("voiceschanged", once, { once: true });
    setTimeout(once, 1000);
  }

  function pauseOrResume() {
    if (!current) return;
    if (synth.paused) { synth.resume(); speechState(true, false); } else { synth.pause(); speechState(true, true); }
  }

  // ---- charts: the data table by keyboard, and read-aloud ---------------------------------------------

  var tables = 0;

  function chartAids() {
    var template = document.getElementById("chart-aids");
    if (!template) return;
    var tableLabel = template.content.querySelector("[data-table-label]").getAttribute("data-table-label");
    each("article .chart", function (chart) {
      var plot = chart.querySelector(".chart-plot");
      var before = chart.previousElementSibling;
      if (!plot || (before && before.classList.contains("chart-aids"))) return;
      var aids = template.content.querySelector(".chart-aids").cloneNode(true);
      aids.querySelector(".chart-aids__read").setAttribute("data-chart", plot.id);
      var after = chart.nextElementSibling;
      var table = after && (after.tagName === "TABLE" ? after : after.querySelector("table"));
      var link = aids.querySelector(".chart-aids__table");
      if (table) {
        if (!table.id) table.id = (plot.id || "chart-" + (++tables)) + "-table";
        table.setAttribute("tabindex", "0");
        table.setAttribute("aria-label", tableLabel.replace("{chart}", chartTitle(plot)));
        link.setAttribute("href", "#" + table.id);
      } else {
        link.remove();
      }
      chart.parentNode.insertBefore(aids, chart);
    });
  }

  // ---- simplified view: each content tab's title above its block (the tabs themselves are hidden) --------

  function tabTitles() {
    each("article .tabbed-set", function (set) {
      var labels = set.querySelectorAll(".tabbed-labels > label");
      var blocks = set.querySelectorAll(".tabbed-content > .tabbed-block");
      Array.prototype.forEach.call(blocks, function (block, k) {
        if (!labels[k] || (block.firstElementChild && block.firstElementChild.classList.contains("aids-tab-title"))) return;
        var title = document.createElement("p");
        title.className = "aids-tab-title";
        title.textContent = labels[k].textContent;
        block.insertBefore(title, block.firstChild);
      });
    });
  }

  // ---- the controls ----------------------------------------------------------------------------------

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
    var aid = target.closest("button[data-aid-toggle]");
    if (aid) {
      var name = aid.getAttribute("data-aid-toggle");
      var on = !root.hasAttribute("data-" + name);
      setAid(name, on);
      save(AIDS[name], on ? AID_VALUES[name] : null);
      sync();
      return;
    }
    if (target.closest("button[data-aids-reset]")) {
      stop();
      KEYS.forEach(function (key) { save(key, null); });
      ["data-text-size", "data-contrast", "data-simple", "data-cursor"].forEach(function (a) { root.removeAttribute(a); });
      sync();
      return;
    }
    if (target.closest("button[data-speech-start]")) { say(pageBlocks()); return; }
    if (target.closest("button[data-speech-pause]")) { pauseOrResume(); return; }
    if (target.closest("button[data-speech-stop]")) { stop(); return; }
    var readChart = target.closest("button.chart-aids__read");
    if (readChart) {
      var plot = document.getElementById(readChart.getAttribute("data-chart"));
      if (plot) say([{ el: plot, text: words(plot.getAttribute("aria-label") || "") }]);
      return;
    }
    // A click elsewhere closes the panel, like any menu.
    var open = document.querySelector("details.reading-aids[open]");
    if (open && !open.contains(target)) open.removeAttribute("open");
  });

  // The link to a chart's table moves the focus there (in the capture phase: Material's instant navigation
  // would take the click as a jump to an anchor and leave the focus on the page).
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.chart-aids__table") : null;
    var table = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!table) return;
    event.preventDefault();
    event.stopPropagation();
    table.focus();
    table.scrollIntoView({ block: "nearest" });
  }, true);

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

  Object.keys(AIDS).forEach(function (name) { setAid(name, saved(AIDS[name]) === AID_VALUES[name]); });
  if (canSpeak) {
    each("[data-speech]", function (el) { el.hidden = false; });
    window.addEventListener("pagehide", stop);
  }

  function page() {
    stop();  // a new page (instant navigation): what was being read is gone
    chartAids();
    if (canSpeak) each(".chart-aids__read", function (el) { el.hidden = false; });
    tabTitles();
    sync();
  }

  // (A wide table's scrolling region and cue: tables.js.)
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(page);
  } else {
    page();
  }
})();
