"""Front-end files checked without a browser: the vendored plotly.js matches plotly.py, scripts stay on this host."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import yaml

from conftest import ROOT

ASSETS = ROOT / "site_src" / "assets"
VENDOR = ASSETS / "vendor" / "plotly"


BUNDLE = VENDOR / "plotly-site.min.js"  # the site's partial bundle (`make vendor-plotly`, node-tools/plotly/entry.js)


def bundle_version(path: Path) -> str:
    """The version in the bundle's licence header, e.g. `* plotly.js (site: scatter, bar - minified) v4.1.1`."""
    head = path.read_bytes()[:300].decode("ascii")
    match = re.search(r"plotly\.js \(site: scatter, bar - minified\) v(\d+\.\d+\.\d+)", head)
    assert match, f"no version header in {path}: {head!r}"
    return match.group(1)


def test_vendored_plotly_matches_the_python_package() -> None:
    from plotly.offline import get_plotlyjs_version

    assert bundle_version(BUNDLE) == get_plotlyjs_version()
    assert (VENDOR / "VERSION").read_text().strip() == get_plotlyjs_version()


def test_vendored_files_are_complete() -> None:
    assert "MIT License" in (VENDOR / "LICENSE").read_text(encoding="utf-8")
    locale = (VENDOR / "plotly-locale-zh-cn.js").read_text(encoding="utf-8")
    assert 'name:"zh-CN"' in locale and "Plotly.register(locale)" in locale
    assert not (VENDOR / "plotly-basic.min.js").exists(), "one bundle: the site's own"


def test_plotly_bundle_size() -> None:
    """The partial bundle as a server sends it (gzip level 6): 352 KB when it was made, against 396 KB for
    plotly's basic bundle, which a zone page with every chart could not afford (`make bench`: <= 450 KB)."""
    body = BUNDLE.read_bytes()
    assert 900_000 < len(body) < 1_100_000, len(body)
    assert len(gzip.compress(body, compresslevel=6, mtime=0)) <= 360_000


# Where a figure asks for a plotly component: layout keys, and trace keys (error bars; world calendars).
LAYOUT_COMPONENTS = {
    "annotations": "annotations",
    "shapes": "shapes",
    "images": "images",
    "updatemenus": "updatemenus",
    "sliders": "sliders",
    "grid": "grid",
    "selections": "selections",
}
TRACE_COMPONENTS = {"error_x": "errorbars", "error_y": "errorbars", "xcalendar": "calendars", "ycalendar": "calendars"}


def registered(kind: str) -> set[str]:
    text = BUNDLE.read_text(encoding="utf-8")
    return set(re.findall(rf'moduleType:"{kind}",name:"([a-z0-9]+)"', text))


def test_plotly_bundle_holds_every_trace_type_and_component_the_generator_draws() -> None:
    """Every figure of the sample and the mini sites, and of the chart contract's fixture page: its trace types
    and the components its layout and traces ask for are registered in the bundle."""
    from chart_contract import FIGURES

    from conftest import MINI, SAMPLE, generated

    traces, components = registered("trace"), registered("component")
    assert {"scatter", "bar"} <= traces and "pie" not in traces  # what entry.js registers
    figures = [(f"fixture {key}", figure) for key, figure in FIGURES.items()]
    for data in (SAMPLE, MINI):
        for rel, text in generated(data, pdf=False)[1].pages.items():
            for match in re.finditer(r'data-figure="([^"]*)"', text):
                figures.append((rel, json.loads(html.unescape(match.group(1)))))
    assert len(figures) > 50
    missing = set()
    for rel, figure in figures:
        for trace in figure["data"]:
            if trace.get("type", "scatter") not in traces:
                missing.add((rel, f"trace {trace.get('type')}"))
            missing |= {(rel, c) for key, c in TRACE_COMPONENTS.items() if key in trace and c not in components}
        layout = figure.get("layout", {})
        missing |= {(rel, c) for key, c in LAYOUT_COMPONENTS.items() if layout.get(key) and c not in components}
        for axis in (k for k in layout if k.startswith(("xaxis", "yaxis"))):
            for key in ("rangeslider", "rangeselector"):
                if layout[axis].get(key) and key not in components:
                    missing.add((rel, key))
    assert sorted(missing) == []


def mkdocs_scripts() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml carries a python tag for the slugify function; it does not matter here
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_constructor("!ENV", lambda loader, node: None)  # the offline plugin's switch
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return [entry if isinstance(entry, str) else entry["path"] for entry in config.get("extra_javascript", [])]


def test_plotly_is_not_loaded_site_wide() -> None:
    scripts = mkdocs_scripts()
    assert "assets/charts.js" in scripts and "assets/tables.js" in scripts
    assert not [s for s in scripts if "plotly" in s], "plotly.js is loaded by charts.js only on pages with charts"


def test_the_case_filter_is_fetched_only_by_the_case_library() -> None:
    """case-filter.js (2.4 KB) is not on every page: tables.js fetches it where the page has the filter's box
    (the browser tests of the filter run it on the case library, also after instant navigation)."""
    assert "assets/case-filter.js" not in mkdocs_scripts()
    tables = (ASSETS / "tables.js").read_text(encoding="utf-8")
    assert 'new URL("case-filter.js", scriptsAt)' in tables and 'getElementById("case-filter")' in tables


def test_own_scripts_name_no_other_host_and_never_call_plotly_inline() -> None:
    for name in ("charts.js", "tables.js", "a11y.js"):
        text = (ASSETS / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), f"{name} names a URL"
    for template in (ROOT / "site_src" / "overrides").rglob("*.html"):
        assert "Plotly" not in template.read_text(encoding="utf-8"), template


def luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def chart_themes() -> dict[str, dict[str, object]]:
    text = (ASSETS / "charts.js").read_text(encoding="utf-8")
    block = re.search(r"/\* themes:begin \*/\s*var THEMES = (\{.*?\});\s*/\* themes:end \*/", text, re.S)
    assert block, "charts.js lost its themes block"
    themes: dict[str, dict[str, object]] = json.loads(block.group(1))
    return themes


def test_chart_colours_pass_wcag_in_light_and_dark_mode() -> None:
    themes = chart_themes()
    assert set(themes) == {"default", "slate"}  # Material's light and dark schemes
    for name, theme in themes.items():
        background, text = str(theme["background"]), str(theme["text"])
        assert contrast(text, background) >= 4.5, (name, text)  # WCAG 1.4.3 text
        colorway = theme["colorway"]
        assert isinstance(colorway, list) and len(colorway) >= 6
        for colour in colorway:
            assert contrast(colour, background) >= 3.0, (name, colour)  # WCAG 1.4.11 graphics
    # the same number of hues in both schemes, so a trace keeps its place in the colourway
    assert len(themes["default"]["colorway"]) == len(themes["slate"]["colorway"])  # type: ignore[arg-type]
