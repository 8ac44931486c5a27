"""Page weight (issue 14, fast pages): a zone page with every chart drawn is at most 450 KB transferred.

`make bench` measures it in Chromium (tests/bench/run.py, `page_weight`); this test adds up the same bytes from
the built sample site, as the bench's server sends them (gzip level 6 for text, tests/bench/serve.py), so that a
change that makes every page heavier fails here rather than at the next benchmark: the page, the stylesheets
and scripts it links, what its scripts fetch (plotly.js and its zh-CN locale where a page has a chart; Material's
sitemap.xml twice, once for instant navigation and once for the feed's alternate link), and the favicon.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

LIMIT = 450_000  # bytes transferred, a zone page with every chart drawn (issue 14)
TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def sent(site: Path, path: str) -> int:
    """The bytes the bench's server sends for `path` (a site-relative address)."""
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    body = file.read_bytes()
    return len(gzip.compress(body, compresslevel=6, mtime=0)) if file.suffix in TEXT else len(body)


def first_visit(site: Path, page: str) -> dict[str, int]:
    """Every address a first visit of `page` fetches, with its bytes."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    base = "/" + page
    linked = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    paths = [base] + [urlsplit(urljoin(base, href)).path for href in linked if "://" not in href]
    if 'class="chart-plot"' in html:
        paths += ["/assets/vendor/plotly/plotly-site.min.js", "/assets/vendor/plotly/plotly-locale-zh-cn.js"]
    if 'id="compare"' in html:  # fetched by tables.js (issue 16)
        paths.append("/assets/compare.js")
    if 'id="zone-highlight"' in html:
        paths.append("/assets/highlight.js")
    paths += ["/sitemap.xml", "/assets/favicon.png"]
    weights = {path: sent(site, path) for path in paths}
    weights["/sitemap.xml (again)"] = weights["/sitemap.xml"]
    return weights


def test_a_zone_page_with_every_chart_is_at_most_450_kb(sample_site: Path) -> None:
    pages = [f"zones/{p.parent.name}/" for p in sorted(sample_site.glob("zones/*/index.html"))]
    weights = {page: first_visit(sample_site, page) for page in pages}
    charted = [page for page in pages if "/assets/vendor/plotly/plotly-site.min.js" in weights[page]]
    assert len(charted) >= 3  # the sample's zones with reports
    heaviest = max(charted, key=lambda page: sum(weights[page].values()))
    total = sum(weights[heaviest].values())
    listing = ", ".join(
        f"{path} {size / 1000:.1f}" for path, size in sorted(weights[heaviest].items(), key=lambda kv: -kv[1])
    )
    assert total <= LIMIT, f"/{heaviest}: {total / 1000:.1f} KB > {LIMIT / 1000:.0f} KB ({listing})"


def test_the_comparison_page_is_at_most_450_kb(sample_site: Path) -> None:
    """The comparison page (issue 16) carries every zone's numbers and draws its bars without plotly."""
    weights = first_visit(sample_site, "compare/")
    assert "/assets/compare.js" in weights
    assert "/assets/vendor/plotly/plotly-site.min.js" not in weights
    total = sum(weights.values())
    assert total <= LIMIT, f"/compare/: {total / 1000:.1f} KB > {LIMIT / 1000:.0f} KB"


# ---- the site's own scripts and stylesheets, published minified ----------------------

JS = """/* A block comment
   over two lines. */
(function () {
  // a line comment

  var url = "http://example.invalid/*x*/";  // code, then a comment: kept whole
  /* a comment */ var after = 1;
  /* one line */
  return url + after;
})();
"""


def test_compact_leaves_out_comments_and_spaces_and_keeps_the_code() -> None:
    from generator.site.published_assets import compact

    assert (
        compact(JS, ".js") == '(function(){var url="http://example.invalid/*x*/";var after=1;return url+after;})();\n'
    )
    css = '/* house style */\n.a { color: red; } /* gone */\n\n/* two\n   lines */\n.b { content: "/* kept */"; }\n'
    assert compact(css, ".css") == '.a{color:red}.b{content:"/* kept */"}\n'


def test_published_scripts_and_stylesheets_are_the_sources_minified(sample_site: Path) -> None:
    import shutil
    import subprocess

    from generator.site.published_assets import compact

    sources = Path(__file__).resolve().parent.parent / "site_src" / "assets"
    own = [p for p in sorted(sources.rglob("*")) if p.suffix in {".js", ".css"} and "vendor" not in p.parts]
    assert {p.name for p in own} >= {"charts.js", "tables.js", "site.css"}
    node = shutil.which("node")
    for source in own:
        published = sample_site / "assets" / source.relative_to(sources)
        text = published.read_text(encoding="utf-8")
        assert text == compact(source.read_text(encoding="utf-8"), source.suffix), published
        assert "\n\n" not in text and len(text) < len(source.read_text(encoding="utf-8")) * 0.8, published
        if node and source.suffix == ".js":  # still JavaScript
            subprocess.run([node, "--check", str(published)], check=True, capture_output=True)
    vendored = sources / "vendor" / "plotly" / "plotly-site.min.js"
    assert (sample_site / "assets" / "vendor" / "plotly" / "plotly-site.min.js").read_bytes() == vendored.read_bytes()
