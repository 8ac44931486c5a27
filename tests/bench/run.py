"""`make bench`: build time, page weight over gzip, and Lighthouse medians for the sample site.

Not part of `make test` (slow, machine-dependent figures). Prints one table and writes the figures to
build/bench/results.json. Targets (issue 14): build < 20 s; a zone page with every chart drawn <= 450 KB and a
page without charts <= 200 KB transferred (gzip); Lighthouse 12.2.3 mobile, median of 5 runs, on a zone page,
an indicator page, the home page and the case library: performance >= 95, accessibility, best practices and
SEO = 100.

The site is built from the sample data plus the contract fixture pages (/chart-fixture/, four charts, and
/chart-fixture-below/), whose weight is measured too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT)]

from chart_contract import CHROMIUM, FLAGS, add_fixture_page  # noqa: E402
from serve import start_server  # noqa: E402

LIGHTHOUSE = ROOT / ".tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHART_PAGE_LIMIT = 450_000  # bytes transferred, a zone page with every chart drawn
PLAIN_PAGE_LIMIT = 200_000


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "DATA": str(ROOT / "zones_data")}


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env(), capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return time.perf_counter() - start


def measure_build(tmp: Path) -> dict[str, float]:
    """The steps of `make site`, each timed, on a private copy of the project (the working tree is untouched)."""
    project = tmp / "build-project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
    (project / "generator").symlink_to(ROOT / "generator")
    py = sys.executable
    data = str(ROOT / "zones_data")
    check = timed([py, "-m", "generator", "check", "--strict", "--data", data], project)
    generate = timed([py, "-m", "generator", "generate", "--out", str(tmp / "gen"), "--data", data], project)
    mkdocs = timed([py, "-m", "mkdocs", "build", "--strict", "-d", str(tmp / "build-site")], project)
    # `make site` = check + mkdocs build (the MkDocs hook runs generate itself)
    return {"check": check, "generate": generate, "mkdocs build": mkdocs, "total (make site)": check + mkdocs}


def build_fixture_site(tmp: Path, site_url: str) -> Path:
    add_fixture_page(tmp / "project")
    out = tmp / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    subprocess.run(cmd, cwd=tmp / "project", env={**env(), "SITE_URL": site_url}, check=True, capture_output=True)
    return out


VISIBLE_DRAWN = (
    "[...document.querySelectorAll('.chart-plot')].filter(el => el.offsetParent !== null)"
    ".every(el => el.dataset.rendered)"
)


def page_weight(base_url: str, paths: list[str]) -> dict[str, dict[str, Any]]:
    """Bytes on the wire (bodies as sent, gzip where the server compresses) for a first visit with an empty
    cache, after scrolling to the bottom and every chart being drawn."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 412, "height": 823}, locale="zh-CN")
            page = context.new_page()
            responses: list[Any] = []
            page.on("requestfinished", lambda request, responses=responses: responses.append(request))
            page.goto(base_url + path, wait_until="load")
            height = page.evaluate("document.documentElement.scrollHeight")
            for y in range(0, height + 800, 500):
                page.evaluate(f"window.scrollTo(0, {y})")
                page.wait_for_timeout(50)
            # charts in collapsed groups (zone pages) and content tabs: open each, bring its charts into view
            closed = page.locator("details:not([open]) > summary")
            while closed.count():
                closed.first.click()
            for label in page.locator(".tabbed-labels > label").all():
                label.click()
                for plot in page.locator(".tabbed-block .chart-plot").all():
                    if plot.is_visible():
                        plot.scroll_into_view_if_needed()
                        page.wait_for_timeout(50)
                page.wait_for_function(VISIBLE_DRAWN)
            for _ in range(20):  # charts drawn above move the ones below: visit the undrawn ones until none is left
                undrawn = page.query_selector_all(".chart-plot:not([data-rendered])")  # handles: stay bound when drawn
                pending = [p for p in undrawn if p.is_visible()]
                if not pending:
                    break
                for plot in pending:
                    plot.scroll_into_view_if_needed()
                    page.wait_for_timeout(150)
            page.wait_for_function("[...document.querySelectorAll('.chart-plot')].every(el => el.dataset.rendered)")
            page.wait_for_load_state("networkidle")
            by_type: dict[str, int] = {}
            total = 0
            for request in responses:
                sizes = request.sizes()
                body = sizes["responseBodySize"]
                if not body and request.resource_type == "script":  # a worker's script: Chromium reports no size
                    response = request.response()
                    body = int(response.headers.get("content-length", 0)) if response else 0
                kind = request.resource_type
                by_type[kind] = by_type.get(kind, 0) + body
                if os.environ.get("BENCH_URLS"):
                    print(f"  {body:>8} {kind:<10} {request.url}", file=sys.stderr)
                total += body
            results[path] = {
                "bytes": total,
                "requests": len(responses),
                "by_type": by_type,
                "charts": page.evaluate("document.querySelectorAll('.chart-plot').length"),
            }
            context.close()
        browser.close()
    return results


def lighthouse(url: str, runs: int, out: Path) -> dict[str, Any]:
    if not LIGHTHOUSE.exists():
        raise SystemExit(
            f"no Lighthouse: mkdir -p .tools/lighthouse && cd .tools/lighthouse && npm i -E lighthouse@12.2.3 ({LIGHTHOUSE})"
        )
    flags = " ".join(
        f'--host-resolver-rules="{f.split("=", 1)[1]}"' if f.startswith("--host-resolver") else f for f in FLAGS
    )
    scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    metrics: dict[str, list[float]] = {"LCP ms": [], "TBT ms": [], "bytes": []}
    for run in range(runs):
        report = out / f"lighthouse-{run}.json"
        cmd = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ]
        subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=180)
        data = json.loads(report.read_text(encoding="utf-8"))
        for category in CATEGORIES:
            scores[category].append(round(100 * (data["categories"][category]["score"] or 0)))
        metrics["LCP ms"].append(data["audits"]["largest-contentful-paint"]["numericValue"])
        metrics["TBT ms"].append(data["audits"]["total-blocking-time"]["numericValue"])
        metrics["bytes"].append(data["audits"]["total-byte-weight"]["numericValue"])
        failing = [
            ref["id"]
            for category in data["categories"].values()
            if category["id"] != "performance"
            for ref in category["auditRefs"]
            if ref.get("weight") and (data["audits"][ref["id"]].get("score") or 1) < 1
        ]
        if failing:
            print(f"  run {run + 1}: failing audits {failing}", file=sys.stderr)
    return {
        "median": {k: statistics.median(v) for k, v in scores.items()},
        "runs": scores,
        "metrics": {k: statistics.median(v) for k, v in metrics.items()},
        "metric_runs": metrics,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (median)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--zone-page", default="zones/nanning-hitech/", help="a zone page")
    parser.add_argument("--indicator-page", default="indicators/tech_contract_turnover/", help="an indicator page")
    parser.add_argument("--home-page", default="", help="the home page")
    parser.add_argument("--cases-page", default="cases/", help="the case library")
    parser.add_argument("--compare-page", default="compare/", help="the comparison of zones (issue 16)")
    parser.add_argument("--plain-page", default="about/", help="a page without charts")
    parser.add_argument("--chart-page", default="chart-fixture/", help="a page with a chart in the first screen")
    args = parser.parse_args()

    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results["build"] = measure_build(tmp)
        server, base_url = start_server(tmp / "site")
        try:
            build_fixture_site(tmp, base_url)
            pages = [
                args.zone_page,
                args.indicator_page,
                args.home_page,
                args.cases_page,
                args.plain_page,
                args.compare_page,
            ]
            results["weight"] = page_weight(base_url, [*pages, args.chart_page])
            if not args.no_lighthouse:
                results["lighthouse"] = {
                    page: lighthouse(base_url + page, args.runs, out)
                    for page in (
                        args.zone_page,
                        args.indicator_page,
                        args.home_page,
                        args.cases_page,
                        args.compare_page,
                    )
                }
        finally:
            server.shutdown()
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    report(results)


def report(results: dict[str, Any]) -> None:
    ok = lambda good: "ok" if good else "MISSED"  # noqa: E731
    print(f"\nmeasured {results['when']} on {results['cpus']} CPUs\n")
    print("| measure | figure | target | |")
    print("|---|---|---|---|")
    for step, seconds in results["build"].items():
        target = "< 20 s" if step.startswith("total") else ""
        print(f"| build: {step} | {seconds:.1f} s | {target} | {ok(seconds < 20) if target else ''} |")
    for page, weight in results["weight"].items():
        limit = CHART_PAGE_LIMIT if weight["charts"] else PLAIN_PAGE_LIMIT
        kinds = ", ".join(f"{k} {v / 1000:.0f}" for k, v in sorted(weight["by_type"].items(), key=lambda kv: -kv[1]))
        print(
            f"| weight /{page} ({weight['charts']} charts, {weight['requests']} requests) | "
            f"{weight['bytes'] / 1000:.0f} KB ({kinds}) | <= {limit // 1000} KB | {ok(weight['bytes'] <= limit)} |"
        )
    for page, lh in results.get("lighthouse", {}).items():
        for category in CATEGORIES:
            median, runs = lh["median"][category], lh["runs"][category]
            print(
                f"| Lighthouse /{page} {category} | {median:g} (runs {runs}) | >= {TARGETS[category]} | "
                f"{ok(median >= TARGETS[category])} |"
            )
        m = lh["metrics"]
        print(
            f"| Lighthouse /{page} medians | LCP {m['LCP ms']:.0f} ms, TBT {m['TBT ms']:.0f} ms, {m['bytes'] / 1000:.0f} KB | | |"
        )


if __name__ == "__main__":
    main()
