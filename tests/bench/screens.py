"""`make screens`: full-page screenshots of every page type at 375 px and 1280 px, into build/screens/.

For a reviewer to look at what readers see (CI uploads the folder as an artifact). Not part of `make test`.
The site is built from the data folder (`DATA`, default zones_data) into a temporary folder, served on
127.0.0.1 with gzip (tests/bench/serve.py), and opened in Debian's Chromium (/usr/bin/chromium).

Page types come from the sitemap, so a type added later is photographed without touching this script: a page's
type is its address with each varying part replaced by `*` — a part that is a year, or one of five or more
siblings (a zone, an indicator, a case, a news post); the first page of each type is taken, plus the 404 page.
Every collapsed group with a chart is opened and every chart drawn before the picture is taken. The file names are the
type (`zones-*-*` → `zones-x-x`) and the width: `build/screens/zones-x-375.png`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT)]

from chart_contract import CHROMIUM, FLAGS  # noqa: E402
from serve import start_server  # noqa: E402

WIDTHS = (375, 1280)

# Polled until it holds: opens every collapsed group that holds a chart (not the reading aids' menu) and brings the first chart not yet drawn into view, so the
# lazy renderer draws each chart, as when a reader scrolls down the page.
EVERY_CHART_DRAWN = """() => {
  document.querySelectorAll('details:not([open])').forEach(d => { if (d.querySelector('.chart-plot')) d.open = true; });
  const waiting = [...document.querySelectorAll('.chart-plot')].filter(el => !el.dataset.rendered && !el.dataset.error);
  if (waiting.length) waiting[0].scrollIntoView({block: 'center'});
  return waiting.length === 0;
}"""


def build(project: Path, out: Path, data: Path, site_url: str) -> None:
    """`mkdocs build --strict` of a private copy of the project (the working tree is untouched)."""
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
    (project / "generator").symlink_to(ROOT / "generator")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "DATA": str(data)}
    env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"the build failed:\n{proc.stdout}\n{proc.stderr}")


SHOW_ALL = ".indicator-block { content-visibility: visible !important; }"


def page_types(paths: list[str]) -> dict[str, str]:
    """{type: first page of that type} for the sitemap's paths (relative, ending in /; "" is the home page)."""
    parts = [[p for p in path.strip("/").split("/") if p] for path in paths]
    siblings = Counter("/".join(p[:-1]) for p in parts if p)
    types: dict[str, str] = {}
    for path, segs in zip(paths, parts, strict=True):
        key = ["*" if i and (seg.isdigit() or siblings["/".join(segs[:i])] >= 5) else seg for i, seg in enumerate(segs)]
        types.setdefault("/".join(key) or "home", path)
    return types


def file_name(kind: str) -> str:
    return re.sub(r"[^0-9A-Za-z_\u4e00-\u9fff-]+", "-", kind.replace("*", "x")).strip("-") or "home"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", ROOT / "zones_data")))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screens")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = tmp / "site"
        site.mkdir()
        server, base_url = start_server(site)
        try:
            build(tmp / "project", site, args.data.resolve(), base_url)
            sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
            paths = [unquote(loc[len(base_url) :]) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
            shots = {**page_types(paths), "404": "404.html"}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                for width in WIDTHS:
                    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
                    context.set_default_timeout(20_000)
                    for kind, path in shots.items():
                        page = context.new_page()
                        page.goto(base_url + path)
                        page.wait_for_load_state("load")
                        if page.locator(".chart-plot").count():
                            page.wait_for_function(EVERY_CHART_DRAWN, polling=250)
                        # a full-page picture does not scroll: the indicator blocks that `content-visibility: auto`
                        # leaves unpainted off-screen (site.css) are shown as a reader scrolling to them sees them
                        page.add_style_tag(content=SHOW_ALL)
                        page.evaluate("window.scrollTo(0, 0)")
                        page.wait_for_timeout(300)
                        target = args.out / f"{file_name(kind)}-{width}.png"
                        page.screenshot(path=str(target), full_page=True)
                        page.close()
                        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}  /{path}")
                    context.close()
                browser.close()
        finally:
            server.shutdown()
    print(f"{len(shots) * len(WIDTHS)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
