/* Renders every chart on a page from the figure JSON the generator wrote beside it.
 *
 * Contract (the page generator writes exactly this; see README "性能 / Performance" and tests/test_browser.py):
 *   <div class="chart" data-search-exclude>
 *   <div class="chart-plot" id="chart-ZONE-INDICATOR" role="img" aria-label="…"></div>
 *   <script type="application/json" class="chart-data">{"data":[…],"layout":{…}}</script>
 *   </div>
 * When a chart is drawn its .chart-plot gets data-rendered="true".
 *
 * plotly.js (the vendored partial bundle + zh-CN locale) is fetched only when a page has a chart, and each
 * chart is drawn only when it comes near the viewport: a zone page must stay light on a phone.
 * Material's instant navigation swaps pages without reloading scripts, so everything re-runs on document$.
 */
(function () {
  "use strict";

  // Vendor URLs are relative to this file, so the site works under any base path and from file://.
  var SELF = document.currentScript && document.currentScript.src;
  var BASE = SELF ? new URL(".", SELF).href : new URL("assets/", document.baseURI).href;
  var VENDOR = [BASE + "vendor/plotly/plotly-site.min.js", BASE + "vendor/plotly/plotly-locale-zh-cn.js"];

  var FONT = '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
    '"Source Han Sans SC", sans-serif';

  /* Colourways: Okabe–Ito hues (colour-blind safe), each adjusted so that every line and marker has at
     least 3:1 contrast (WCAG 1.4.11) against the chart background, and text at least 4.5:1.
     Same hue order in both schemes. tests/test_frontend.py parses this block as JSON and checks the ratios. */
  /* themes:begin */
  var THEMES = {
    "default": {
      "background": "#ffffff",
      "text": "#1f2329",
      "grid": "#d0d4da",
      "line": "#6b7280",
      "colorway": ["#0072B2", "#D55E00", "#008060", "#B9479A", "#9A6700", "#5A6B7B"]
    },
    "slate": {
      "background": "#1e2129",
      "text": "#e2e4e9",
      "grid": "#3a3f4b",
      "line": "#8b93a3",
      "colorway": ["#56B4E9", "#E69F00", "#2FC49A", "#E08FC0", "#F0E442", "#B3BFCC"]
    }
  };
  /* themes:end */

  var CONFIG = {
    locale: "zh-CN",
    displaylogo: false,
    responsive: true,
    // plotly.js 4 shows a "Share chart…" button by default that uploads the figure to cloud.plotly.com:
    // a government statistics page must never send its data to a foreign host.
    showSendToCloud: false,
    showEditInChartStudio: false,
    plotlyServerURL: "",
    // Selection tools and hover-mode toggles confuse more than they help on a statistics page. The camera
    // (toImage) saved the bars alone, with no title, source or sample marking: the buttons under each chart
    // save the whole figure instead (issue 14).
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
      "hoverClosestCartesian", "hoverCompareCartesian", "sendChartToCloud", "toImage"]
  };

  var plotlyReady = null;  // one promise per page load: the bundle is fetched once
  var observer = null;
  var drawn = [];          // charts drawn on this page, re-themed on a palette switch

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  function loadPlotly() {
    if (!plotlyReady) {
      // Both requests start at once; async=false keeps their execution in order (bundle, then locale).
      plotlyReady = window.Plotly ? Promise.resolve() : Promise.all(VENDOR.map(loadScript));
    }
    return plotlyReady;
  }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "slate" : "default";
  }

  function axisTemplate(t) {
    return {
      gridcolor: t.grid, linecolor: t.line, zerolinecolor: t.line, tickcolor: t.line,
      automargin: true, title: { standoff: 8 },
      // Years arrive as strings ("2022"): keep them categories, never a linear axis ticking "2,022.5".
      autotypenumbers: "strict"
    };
  }

  // Chart text follows the reader's text size (适老化): 14 px at Material's standard root size of 20 px.
  function fontSize() {
    var root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
    return Math.round(14 * root / 20);
  }

  // The house template: the figure JSON carries none, so every chart looks alike and the JSON stays small.
  function template(name) {
    var t = THEMES[name];
    return {
      layout: {
        font: { family: FONT, color: t.text, size: fontSize() },
        paper_bgcolor: t.background,
        plot_bgcolor: t.background,
        colorway: t.colorway,
        xaxis: axisTemplate(t),
        yaxis: axisTemplate(t),
        hoverlabel: { font: { family: FONT } },
        legend: { orientation: "h", y: -0.2 },
        margin: { l: 56, r: 16, t: 56, b: 56 },
        separators: ".,"
      }
    };
  }

  function figureOf(plot) {
    var json = plot.getAttribute("data-figure");
    return json ? JSON.parse(json) : null;
  }

  // A fresh copy of the figure each time: Plotly writes computed values back into what it is given.
  function draw(plot) {
    var figure = figureOf(plot);
    if (!figure) return Promise.resolve();
    var layout = figure.layout || {};
    layout.template = template(scheme());
    var config = Object.assign({}, CONFIG);
    return window.Plotly.newPlot(plot, figure.data || [], layout, config).then(function () {
      // plotly.js 4's mode bar buttons are real <button>s; inside role="img" (whose children are
      // presentational) they would be hidden from assistive technology (axe: nested-interactive).
      // Once drawn, the chart is a figure named by the same label; its SVG text, which a screen reader
      // would read as a jumble, is hidden (the data table beside the chart carries the numbers).
      if (plot.getAttribute("role") === "img") plot.setAttribute("role", "figure");
      plot.querySelectorAll("svg.main-svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
      plot.setAttribute("data-rendered", "true");
      plot.setAttribute("data-scheme", scheme());
      plot.setAttribute("data-font-size", String(fontSize()));
      if (drawn.indexOf(plot) < 0) drawn.push(plot);
    });
  }

  /* Charts that come into view together are drawn one per task, so the page stays responsive
     (one long task per chart instead of one for all of them). */
  var queue = [];
  var pumping = false;

  function pump() {
    var plot = queue.shift();
    if (!plot) { pumping = false; return; }
    draw(plot).catch(function (err) {
      plot.setAttribute("data-error", String(err && err.message || err));
      console.error(err);
    }).then(function () {
      plot.removeAttribute("data-rendering");
      setTimeout(pump, 0);
    });
  }

  // A chart that is only near the first screen (inside the observer's 200 px margin, below the fold) waits for
  // the reader's first scroll before plotly.js is fetched and run: a page whose first screen holds no chart
  // loads as text only (running plotly.js is the page's longest task), and the chart is ready when reached.
  function firstScroll(plot) {
    if (window.Plotly || window.scrollY > 0 || plot.getBoundingClientRect().top < window.innerHeight) {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      window.addEventListener("scroll", resolve, { once: true, passive: true });
    });
  }

  function render(plot) {
    if (plot.getAttribute("data-rendered") || plot.getAttribute("data-rendering")) return;
    plot.setAttribute("data-rendering", "true");
    queue.push(plot);
    if (pumping) return;
    pumping = true;
    firstScroll(plot).then(loadPlotly).then(pump, function (err) {
      queue.splice(0).forEach(function (p) {
        p.setAttribute("data-error", String(err.message));
        p.removeAttribute("data-rendering");
      });
      pumping = false;
      plotlyReady = null;  // a later scroll may try again
      console.error(err);
    });
  }

  // Charts of pages left through instant navigation are gone from the document: free their listeners.
  function forgetDetached() {
    drawn = drawn.filter(function (plot) {
      if (document.body.contains(plot)) return true;
      if (window.Plotly) window.Plotly.purge(plot);
      return false;
    });
  }

  function scan() {
    forgetDetached();
    if (observer) observer.disconnect();
    var plots = document.querySelectorAll(".chart-plot:not([data-rendered])");
    if (!plots.length) return;
    if (!("IntersectionObserver" in window)) {
      plots.forEach(render);
      return;
    }
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          render(entry.target);
        }
      });
    }, { rootMargin: "200px 0px" });
    plots.forEach(function (plot) { observer.observe(plot); });
  }

  function retheme() {
    var name = scheme();
    var size = String(fontSize());
    drawn.forEach(function (plot) {
      if (!document.body.contains(plot)) return;
      if (plot.getAttribute("data-scheme") !== name || plot.getAttribute("data-font-size") !== size) draw(plot);
    });
  }

  // Plotly's own responsive mode only listens to window resizes; a chart also changes width when a
  // content tab opens, the text size changes or the sidebar appears. A ResizeObserver sees all of these.
  var resizer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var plot = entry.target;
      if (plot.getAttribute("data-rendered") && entry.contentRect.width > 0 && window.Plotly) {
        window.Plotly.Plots.resize(plot);
      }
    });
  }) : null;

  function watchSize() {
    if (!resizer) return;
    resizer.disconnect();  // drops charts of the previous page
    document.querySelectorAll(".chart-plot").forEach(function (plot) { resizer.observe(plot); });
  }

  // Material content tabs: a chart drawn while its tab was hidden has the wrong width until resized.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!window.Plotly || !input.closest || !input.closest(".tabbed-set")) return;
    input.closest(".tabbed-set").querySelectorAll(".chart-plot[data-rendered]").forEach(function (plot) {
      if (plot.offsetWidth > 0) window.Plotly.Plots.resize(plot);
    });
  });

  /* ---- The downloaded image (issue 14) ------------------------------------------------------------------
     下载 PNG / 下载 SVG under a chart: a copy of the figure, drawn in the light scheme at a fixed size, with the
     generator's texts around it (the buttons' group: data-chart names the chart, data-image holds the title,
     year(s) and unit, the sample marking, source, site and page address). Every text is written as an SVG text node (textContent): nothing from the data is read as
     markup. The on-page chart is left as it is. Plotly's own camera button, which saved the bars alone, is
     removed from the mode bar (CONFIG). */
  var IMAGE = {
    width: 960, pad: 24, scale: 2, font: 14,
    title: { size: 22, weight: "bold", color: "#1f2329" },
    subtitle: { size: 15, weight: "normal", color: "#1f2329" },
    sample: { size: 15, weight: "bold", color: "#b42318" },
    footer: { size: 13, weight: "normal", color: "#4b5563" }
  };
  var measurer = null;

  // The texts of an image, from the buttons' group under its chart.
  function imageOf(group) {
    var json = group && group.getAttribute("data-image");
    return json ? JSON.parse(json) : null;
  }

  // Lines no wider than `max` px in the given style: break between words where there are spaces, anywhere
  // in a run of Chinese (or an address).
  function wrap(text, style, max) {
    measurer = measurer || document.createElement("canvas").getContext("2d");
    measurer.font = style.weight + " " + style.size + "px " + FONT;
    var lines = [];
    var line = "";
    Array.from(String(text)).forEach(function (ch) {
      if (measurer.measureText(line + ch).width > max && line) {
        var cut = line.lastIndexOf(" ");
        var keep = cut > line.length / 2 && /^[\x21-\x7e]*$/.test(line.slice(cut + 1)) ? cut : line.length;
        lines.push(line.slice(0, keep).replace(/\s+$/, ""));
        line = line.slice(keep).replace(/^\s+/, "");
      }
      line += ch;
    });
    if (line) lines.push(line);
    return lines;
  }

  function blockOf(texts, style, max) {
    var lines = [];
    texts.forEach(function (t) { if (t) lines = lines.concat(wrap(t, style, max)); });
    return { lines: lines, style: style, height: lines.length * Math.round(style.size * 1.5) };
  }

  function addText(doc, parent, block, y) {
    block.lines.forEach(function (line, k) {
      var node = doc.createElementNS(parent.namespaceURI, "text");
      node.setAttribute("x", String(IMAGE.pad));
      node.setAttribute("y", String(y + Math.round(block.style.size * 1.5) * k + block.style.size));
      node.setAttribute("font-family", FONT);
      node.setAttribute("font-size", String(block.style.size));
      node.setAttribute("font-weight", block.style.weight);
      node.setAttribute("fill", block.style.color);
      node.textContent = line;  // text, never markup
      parent.appendChild(node);
    });
    return y + block.height;
  }

  // The figure as plotly draws it in the light scheme at the image's width, as an SVG element.
  function plotSvg(plot) {
    var figure = figureOf(plot);
    var layout = figure.layout || {};
    var t = template("default");
    t.layout.font.size = IMAGE.font;
    layout.template = t;
    layout.width = IMAGE.width;
    layout.height = layout.height || 300;
    return window.Plotly.toImage({ data: figure.data || [], layout: layout, config: { locale: "zh-CN" } },
      { format: "svg", width: layout.width, height: layout.height, imageDataOnly: true }).then(function (svg) {
      var text = svg.indexOf("data:") === 0 ? decodeURIComponent(svg.slice(svg.indexOf(",") + 1)) : svg;
      return { svg: new DOMParser().parseFromString(text, "image/svg+xml").documentElement, height: layout.height };
    });
  }

  // The whole image: texts above and below the figure. Resolves to {svg: string, width, height}.
  function composeImage(plot, words) {
    return loadPlotly().then(function () { return plotSvg(plot); }).then(function (chart) {
      var max = IMAGE.width - 2 * IMAGE.pad;
      var head = [blockOf([words.title], IMAGE.title, max), blockOf([words.subtitle], IMAGE.subtitle, max),
        blockOf([words.sample], IMAGE.sample, max)];
      var foot = blockOf(words.footer || [], IMAGE.footer, max);
      var ns = chart.svg.namespaceURI;  // SVG's, from plotly's own image
      var doc = document.implementation.createDocument(ns, "svg", null);
      var root = doc.documentElement;
      var y = IMAGE.pad;
      var background = doc.createElementNS(ns, "rect");
      root.appendChild(background);
      head.forEach(function (block) { y = addText(doc, root, block, y) + (block.lines.length ? 4 : 0); });
      y += 8;
      var figure = doc.importNode(chart.svg, true);
      figure.setAttribute("x", "0");
      figure.setAttribute("y", String(y));
      root.appendChild(figure);
      y = addText(doc, root, foot, y + chart.height + 12) + IMAGE.pad;
      var size = { width: String(IMAGE.width), height: String(y) };
      root.setAttribute("width", size.width);
      root.setAttribute("height", size.height);
      root.setAttribute("viewBox", "0 0 " + size.width + " " + size.height);
      background.setAttribute("width", size.width);
      background.setAttribute("height", size.height);
      background.setAttribute("fill", THEMES["default"].background);
      return { svg: new XMLSerializer().serializeToString(doc), width: IMAGE.width, height: y };
    });
  }

  function toPng(image) {
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = image.width * IMAGE.scale;
        canvas.height = image.height * IMAGE.scale;
        var g = canvas.getContext("2d");
        g.fillStyle = THEMES["default"].background;
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          if (blob) resolve(blob); else reject(new Error("the PNG could not be made"));
        }, "image/png");
      };
      img.onerror = function () { reject(new Error("the SVG could not be drawn")); };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(image.svg);
    });
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function download(button) {
    var group = button.closest(".chart-download");
    var plot = group && document.getElementById(group.getAttribute("data-chart"));
    var words = imageOf(group);
    var format = button.getAttribute("data-format") === "svg" ? "svg" : "png";
    if (!plot || !words || button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    composeImage(plot, words).then(function (image) {
      if (format === "svg") return new Blob([image.svg], { type: "image/svg+xml" });
      return toPng(image);
    }).then(function (blob) {
      save(blob, (words.file || "chart") + "." + format);
    }).catch(function (err) {
      button.setAttribute("data-error", String(err && err.message || err));
      console.error(err);
    }).then(function () {
      button.removeAttribute("aria-busy");
    });
  }

  // One listener for every page: instant navigation swaps the content, not the document.
  function listenForDownloads() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".chart-download-button");
      if (button) download(button);
    });
  }

  function start() {
    scan();
    watchSize();
  }

  function init() {
    listenForDownloads();
    // highlight.js rewrote a chart's figure (zones highlighted on an indicator page): draw it again if drawn
    document.addEventListener("chart-refigure", function (event) {
      if (event.target.getAttribute && event.target.getAttribute("data-rendered") && window.Plotly) draw(event.target);
    });
    new MutationObserver(retheme).observe(document.body, {
      attributes: true, attributeFilter: ["data-md-color-scheme"]
    });
    // a11y.js sets these on <html> when the reader changes text size or contrast
    new MutationObserver(retheme).observe(document.documentElement, {
      attributes: true, attributeFilter: ["data-text-size", "data-contrast"]
    });
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(start);  // fires for the first page too
    } else {
      start();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
