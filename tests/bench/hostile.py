"""`make bench-hostile`: the worst text at every limit builds within twice the sample data's time (issue 12).

Not part of `make test` (not collected by pytest). In one run it builds, the way `make site` does (`check
--strict`, then `mkdocs build --strict` with the summary PDFs, each on a cold PDF cache, on a private copy of
the project), two data folders, alternately, `--rounds` times each, and compares the fastest builds:

- the sample data (`zones_data/`), as it is;
- the same data with one zone, nanning-hitech, made as costly as the limits allow: every text field at its
  length limit (`generator/data/types.py`), every list at its size limit (`generator/data/models.py`) where
  the data can have that many valid items, filled with the text that costs the most per character for its
  kind: for plain text (names, titles, cells, qualitative values) the punctuation that `inline()` escapes to
  the longest character references (`{|}~`, six characters each, one Python-Markdown match per run); for
  Markdown fields (plan and case sections, notes, highlights) `![`, the slowest input for markdown-it-py we
  found among unclosed brackets, emphasis, code, lists, quotes, entities and links (measured per character).

The hostile data must pass `check --strict` (else the benchmark measures nothing). Prints a table, writes
build/bench/hostile.json and exits 1 when the hostile build takes more than twice the sample build.

    .venv/bin/python tests/bench/hostile.py [--rounds 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from generator.data import models, types  # noqa: E402

SRC = ROOT / "zones_data"
ZONE = "nanning-hitech"
PLAIN = "{|}~"  # inline(): each becomes &#123; … &#126;, the longest references it writes
MARKDOWN = "!["  # markdown-it-py's slowest input per character among the ones we tried
RATIO = 2.0


def fill(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


_made = iter(range(10**6))  # every text differs, so no stage can save work by meeting one twice


def _unique() -> str:
    return f"{next(_made):05d}"


def name(length: int = types.NAME_MAX) -> str:
    return _unique() + fill(PLAIN, length - 5)


def paragraph(length: int = types.PARAGRAPH_MAX) -> str:
    return _unique() + fill(MARKDOWN, length - 5)


def section() -> str:
    return _unique() + fill(MARKDOWN, types.SECTION_MAX - 5)


def url() -> str:
    prefix = "https://example.gov.cn/"
    return prefix + fill("a/b~", types.URL_MAX - len(prefix))


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar as written


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")


def make_hostile(dest: Path, every_field: bool = False) -> None:
    """The sample data with one zone at the limits (see the module's docstring). By default each field kind is
    at its length limit once, in the field printed on the most pages, and each list at its size limit; with
    `every_field`, every text field of the zone is at its limit too (a stress figure, not the criterion)."""
    shutil.copytree(SRC, dest)
    folder = dest / "zones" / ZONE
    zone = _load(folder / "zone.yaml")
    zone["name"], zone["short_name"] = name(), name()  # kind name: on nearly every page
    park = zone["parks"][0]
    zone["parks"] = [{**park, "name": name() if every_field else f"园区{i}"} for i in range(models.PARKS_MAX)]
    zone["industries"] = [name() if every_field else f"产业{i}" for i in range(models.INDUSTRIES_MAX)]
    zone["funding"] = [
        {"source": name() if every_field else f"资金{i}", "amount": "100", "year": "2023"}
        | ({"note": paragraph()} if every_field else {})
        for i in range(models.FUNDING_MAX)
    ]
    zone["period"]["note"] = paragraph()  # kind paragraph, as a note
    zone["plan"] = {key: section() if every_field or key == "overview" else "要点。" for key in models.PLAN_SECTIONS}
    events = zone["events"]
    approved = next(e for e in events if e["kind"] == "approved")
    revisions = [e for e in events if e["kind"] == "plan_revised"]
    others = [e for e in events if e["kind"] != "plan_revised"]
    room = models.EVENTS_MAX - len(others)
    day = dt.date.fromisoformat(approved["date"])
    end = dt.date.fromisoformat(next(e for e in events if e["kind"] == "evaluated")["date"])
    step = (end - day).days // (room + 1)
    extra = [
        {"kind": "plan_revised", "date": (day + dt.timedelta(days=step * (i + 1))).isoformat()}
        | ({"note": paragraph()} if every_field or i == room - 1 else {})
        | ({"targets": revisions[0]["targets"]} if revisions and i == 0 else {})
        for i in range(room)
    ]
    for event in others:
        if every_field:
            event["note"] = paragraph()
        if "document" in event:
            event["document"] = name()
    zone["events"] = sorted(others + extra, key=lambda e: e["date"])
    _dump(folder / "zone.yaml", zone)
    system = _load(dest / "indicator_system.yaml")
    text_ids = {i["id"] for i in system["indicators"] if i["kind"] == "text"}
    reports = sorted((folder / "annual").glob("*.yaml"))
    for path in reports:
        report = _load(path)
        latest = path == reports[-1]
        if latest or (every_field and report.get("baseline") != "true"):
            report["highlights"] = [paragraph() for _ in range(models.HIGHLIGHTS_MAX)]  # the year's summary and PDF
        values = report.get("values", {})
        for key, value in list(values.items()):
            if key in text_ids:
                values[key] = {"value": name(types.PARAGRAPH_MAX)}  # a qualitative value: plain text
            elif (latest or every_field) and isinstance(value, str) and value not in types.MARKERS:
                values[key] = {"value": value, "note": paragraph(), "source": name()}
        _dump(path, report)
    tags = [t["id"] for t in _load(dest / "reference" / "tags.yaml")][: models.CASE_LIST_MAX]
    for n, path in enumerate(sorted((folder / "cases").glob("*.yaml"))):
        case = _load(path)
        case["title"], case["summary"] = name(), paragraph()
        if every_field or n == 0:
            case["background"], case["practices"] = section(), section()
            case["results"]["text"] = section()
            case["replicability"] = {"conditions": section(), "fits": section()}
        case["tags"] = tags
        case["policy_basis"] = [name() if every_field else f"政策{i}" for i in range(models.CASE_LIST_MAX)]
        case["source"] = {"name": name(), "url": url()}
        _dump(path, case)


def project_copy(tmp: Path) -> Path:
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
    (project / "generator").symlink_to(ROOT / "generator")
    return project


def build(project: Path, data: Path, tmp: Path, label: str) -> dict[str, float]:
    """`make site` on `data`: check --strict, then mkdocs build --strict with PDFs on a cold cache."""
    py = sys.executable
    cache = Path(tempfile.mkdtemp(prefix="pdf-cache-", dir=tmp))
    env = {**os.environ, "DATA": str(data), "PDF": "1", "PDF_CACHE": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    site = tmp / f"site-{label}"
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    check = subprocess.run([py, "-m", "generator", "check", "--strict", "--data", str(data)], cwd=ROOT, env=env,
                           capture_output=True, text=True)  # fmt: skip
    checked = time.perf_counter()
    if check.returncode != 0:
        raise SystemExit(f"{label}: check --strict failed:\n{check.stdout[-3000:]}")
    done = subprocess.run([py, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project, env=env,
                          capture_output=True, text=True)  # fmt: skip
    end = time.perf_counter()
    if done.returncode != 0:
        raise SystemExit(f"{label}: mkdocs build failed:\n{done.stderr[-3000:]}")
    shutil.rmtree(cache, ignore_errors=True)
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {"check": round(checked - start, 2), "mkdocs build": round(end - checked, 2),
            "whole": round(end - start, 2), "site MB": round(size / 1e6, 1),
            "PDFs": len(list(site.rglob("*.pdf")))}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="builds of each data folder; the fastest counts")
    parser.add_argument("--keep", type=Path, help="write the hostile data folder here too")
    parser.add_argument("--every-field", action="store_true", help="every text field at its limit (stress)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as name_:
        tmp = Path(name_)
        hostile = tmp / "hostile"
        make_hostile(hostile, args.every_field)
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(hostile, args.keep)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in (hostile / "zones" / ZONE).rglob("*.yaml"))
        project = project_copy(tmp)
        runs: dict[str, list[dict[str, float]]] = {"sample": [], "hostile": []}
        for i in range(args.rounds):
            for label, data in (("sample", SRC), ("hostile", hostile)):
                result = build(project, data, tmp, label)
                runs[label].append(result)
                print(f"round {i + 1} {label}: {result}", flush=True)
    best = {label: min(r, key=lambda x: x["whole"]) for label, r in runs.items()}
    ratio = best["hostile"]["whole"] / best["sample"]["whole"]
    ok = ratio <= RATIO
    print()
    print(f"| measure | sample data | hostile zone ({chars:,} characters of YAML) |")
    print("|---|---|---|")
    for key in ("check", "mkdocs build", "whole", "site MB", "PDFs"):
        print(f"| {key} | {best['sample'][key]} | {best['hostile'][key]} |")
    print(f"\nhostile / sample = {ratio:.2f} (limit {RATIO}) {'✔' if ok else '✘'}")
    out = ROOT / "build" / "bench" / "hostile.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
                "hostile_zone_yaml_characters": chars,
                "every_field": args.every_field,
                "runs": runs,
                "best": best,
                "ratio": round(ratio, 2),
                "limit": RATIO,
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
