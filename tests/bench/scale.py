"""`make bench-scale`: build the site from a synthetic 500-zone dataset and compare the figures with targets.

Not part of `make test` (not collected by pytest: the file name does not start with test_). It writes a valid
synthetic data folder into a temporary directory, then times in one run `check --strict`, the generator
alone without and with the summary PDFs (`generate --out` with PDF=0, then PDF=1: the difference is the PDF
step, also given per PDF) and `mkdocs build --strict` on a private copy of the project as published, PDFs
included (the MkDocs hook runs the generator too, so MkDocs' own time is reported as the build's time minus
the generator's with PDFs). Peak memory is each step's maximum resident set size; the built site's size,
page count and search index size (raw and gzipped) come from the output. Prints one table, writes build/bench/scale.json.

The dataset: zones z001-nanning … round-robin over the 14 cities, approved over ten years 2023–2032 (the
guideline applies from 2023, so `approved-before-guideline` rules out earlier approvals; the ten-year span
is therefore 2023–2032 with as_of 2033-03-31, after the last year's report deadline), applied →
public_notice → approved (→ evaluated once the period has ended), a 2–3-year period, a baseline report for
the year before approval and a report for every year from approval to 2032 (submitted on time in January),
a value for every indicator, five cases per zone (file names unique site-wide), everything marked sample.

    .venv/bin/python tests/bench/scale.py [--zones 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = ROOT / "zones_data"
AS_OF = dt.date(2033, 3, 31)
FIRST_YEAR, YEARS = 2023, 10
CASES_PER_ZONE = 5

# A plausible baseline per indicator (the sample zone nanning-hitech's), scaled per zone, grown per year.
BASE: dict[str, float] = {
    "tech_contract_turnover": 34.7,
    "invention_patents_per_10k": 23.1,
    "transfer_demo_agencies": 6,
    "university_transfer_agencies": 4,
    "trained_tech_brokers": 156,
    "tech_broker_engineers": 13,
    "new_enterprises": 4757,
    "tech_smes": 1130,
    "hitech_enterprises": 685,
    "hitech_per_10k_enterprises": 174.3,
    "hitech_revenue_share": 64.4,
    "rd_expenditure_ratio": 2.29,
    "local_sci_funds": 2.10,
    "vc_institutions": 22,
    "vc_fund_size": 32.0,
    "tech_bank_branches": 4,
    "maker_spaces": 12,
    "incubators": 9,
    "incubated_enterprises": 655,
    "pilot_bases": 1,
    "innovation_platforms": 67,
    "platform_members": 395,
    "matchmaking_events": 35,
}
TEXT = {
    "iur_policies": "出台示范区产学研合作项目管理办法（示例），明确合作项目立项、经费和成果权属规则。",
    "sci_finance_policies": "设立科技成果转化贷款风险补偿资金（示例）。",
}
TARGETS = {
    "whole build (check + mkdocs build)": ("s", 300.0),
    "whole build without PDFs (PDF=0: minus the PDF step)": ("s", 300.0),
    "peak memory": ("MB", 4096.0),
    "output size": ("MB", 1024.0),
    "search index, gzipped": ("MB", 2.0),
}


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def load_reference(name: str) -> list[dict[str, Any]]:
    import yaml

    data: list[dict[str, Any]] = yaml.safe_load((SRC / "reference" / f"{name}.yaml").read_text(encoding="utf-8"))
    return data


def indicator_kinds() -> dict[str, str]:
    import yaml

    system = yaml.safe_load((SRC / "indicator_system.yaml").read_text(encoding="utf-8"))
    return {ind["id"]: ind["kind"] for ind in system["indicators"]}


def fmt(kind: str, value: float) -> str:
    if kind == "count":
        return str(max(0, round(value)))
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def make_dataset(data: Path, n_zones: int, seed: int = 2033) -> dict[str, int]:
    rng = random.Random(seed)
    data.mkdir(parents=True)
    shutil.copy(SRC / "indicator_system.yaml", data / "indicator_system.yaml")
    shutil.copytree(SRC / "reference", data / "reference")
    shutil.copytree(SRC / "schemas", data / "schemas")
    site = (SRC / "site.yaml").read_text(encoding="utf-8")
    lines = [f"as_of: {AS_OF.isoformat()}" if line.startswith("as_of:") else line for line in site.splitlines()]
    (data / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    cities = load_reference("cities")
    tags = [t["id"] for t in load_reference("tags")]
    tasks = [t["id"] for t in load_reference("tasks")]
    kinds = indicator_kinds()
    assert set(kinds) == set(BASE) | set(TEXT), "indicator system changed: update BASE/TEXT in scale.py"
    numeric = list(BASE)
    counts = {"zones": 0, "reports": 0, "cases": 0}
    for i in range(1, n_zones + 1):
        city = cities[(i - 1) % len(cities)]
        zone_id = f"z{i:03d}-{city['id']}"
        folder = data / "zones" / zone_id
        (folder / "annual").mkdir(parents=True)
        (folder / "cases").mkdir()
        year = FIRST_YEAR + (i - 1) % YEARS
        approved = dt.date(year, rng.randint(3, 10), rng.randint(1, 28))
        applied = approved - dt.timedelta(days=rng.randint(100, 160))
        notice = approved - dt.timedelta(days=rng.randint(15, 40))
        end = year + rng.choice((1, 2))
        events = [
            f"  - kind: applied\n    date: {applied}",
            f"  - kind: public_notice\n    date: {notice}",
            f"  - kind: approved\n    date: {approved}\n    document: 桂科成字〔{year}〕示例{i}号",
        ]
        evaluated = dt.date(end + 1, 3, rng.randint(1, 28))
        if evaluated <= AS_OF:
            events.append(f"  - kind: evaluated\n    date: {evaluated}\n    result: confirmed")
        scale = rng.uniform(0.3, 1.5)
        level = "national" if i % 7 == 0 else "regional"
        zone_yaml = f"""# 合成的规模测试数据（tests/bench/scale.py），数字均为虚构。
name: {city["name"]}第{i}号科技成果转移转化示范区（示例）
short_name: {city["name"]}{i}号示范区
sample: true
level: {level}
city: {city["id"]}
parks:
  - name: {city["name"]}第{i}号高新技术产业开发区
    kind: hitech_zone
    level: regional
industries: [电子信息, 智能制造]
management_department: {city["name"]}科学技术局
operator: {city["name"]}科技成果转化服务中心（示例）
period:
  start: {year}
  end: {end}
funding:
  - source: 自治区科技计划项目经费
    amount: {rng.randint(50, 300)}
    year: {year}
plan:
  overview: 示范区依托园区建设，聚焦特色产业（示例文字）。
  tasks: |
    1. 开展职务科技成果赋权改革试点；
    2. 建设技术转移服务平台。
targets:
  tech_contract_turnover: {fmt("amount", BASE["tech_contract_turnover"] * scale * 1.6)}
  hitech_enterprises: {fmt("count", BASE["hitech_enterprises"] * scale * 1.3)}
events:
{chr(10).join(events)}
"""
        (folder / "zone.yaml").write_text(zone_yaml, encoding="utf-8")
        values = {ind: BASE[ind] * scale * rng.uniform(0.8, 1.2) for ind in numeric}
        for ind in numeric:
            if kinds[ind] == "percent":
                values[ind] = min(values[ind], 80.0)
        for report_year in range(year - 1, AS_OF.year):
            if report_year >= year:
                for ind in numeric:
                    values[ind] *= rng.uniform(0.97, 1.15)
                    if kinds[ind] == "percent":
                        values[ind] = min(values[ind], 95.0)
            head = ["baseline: true"] if report_year == year - 1 else []
            if report_year >= year:
                head.append(f"submitted: {dt.date(report_year + 1, 1, rng.randint(5, 31))}")
                head.append("highlights:\n  - 技术转移服务平台运行良好（示例）。")
            body = [f"  {ind}: {fmt(kinds[ind], values[ind])}" for ind in numeric]
            body += [f"  {ind}: {text}" for ind, text in TEXT.items()]
            text = "# 合成数据，数字均为虚构。\n" + "\n".join(head) + "\nvalues:\n" + "\n".join(body) + "\n"
            (folder / "annual" / f"{report_year}.yaml").write_text(text, encoding="utf-8")
            counts["reports"] += 1
        for c in range(1, CASES_PER_ZONE + 1):
            case_year = rng.randint(year, AS_OF.year - 1)
            case = f"""# 合成案例，情节和数字为虚构。
title: {city["name"]}{i}号示范区经验做法之{c}（示例）
year: {case_year}
task: {tasks[(i + c) % len(tasks)]}
tags: {_yaml_list(rng.sample(tags, 2))}
summary: 建立部门联席会议，把科技成果转化指标纳入园区绩效考核（示例）。
background: |
  示范区建设任务分属多个部门，过去各自推进，资源难以统筹（示例）。
practices: |
  - 联席会议每季度召开一次，协调重点任务和资金安排；
  - 将技术合同成交额纳入园区年度绩效考核。
results:
  text: 年度任务按期完成（示例）。
  indicators: {_yaml_list(rng.sample(numeric, 2))}
replicability:
  conditions: 市政府主要领导牵头（示例）。
  fits: 所有设区市示范区。
policy_basis:
  - 《广西壮族自治区科技成果转移转化示范区建设指引》六（七）
source:
  name: {city["name"]}人民政府办公室（示例来源）
"""
            (folder / "cases" / f"{zone_id}-case-{c}.yaml").write_text(case, encoding="utf-8")
            counts["cases"] += 1
        counts["zones"] += 1
    return counts


def env(data: Path, pdf: str = "1", cache: Path | None = None) -> dict[str, str]:
    """Each step gets its own empty PDF cache: every PDF a step needs is rendered in that step."""
    full = {**os.environ, "DATA": str(data), "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "PDF": pdf}
    if cache is not None:
        full["PDF_CACHE"] = str(cache)
    full.pop("SOURCE_DATE_EPOCH", None)
    return full


# Runs the command as a child and prints that child's peak RSS (KB), so each step gets its own figure.
_RSS = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[2:]).returncode\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(rc)\n"
)


def timed(
    cmd: list[str], cwd: Path, data: Path, tmp: Path, ok: tuple[int, ...] = (0,), pdf: str = "1"
) -> dict[str, Any]:
    rss_file = tmp / "rss.txt"
    cache = Path(tempfile.mkdtemp(prefix="pdf-cache-", dir=tmp))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _RSS, str(rss_file), *cmd],
        cwd=cwd,
        env=env(data, pdf, cache),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-5000:]}\n{proc.stderr[-5000:]}")
    return {
        "seconds": round(seconds, 1),
        "peak_mb": round(int(rss_file.read_text()) / 1024, 1),
        "out": proc.stdout + proc.stderr,
    }


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zones", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep the dataset and built site in this (new) folder")
    args = parser.parse_args()
    tmp = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        data = tmp / "data"
        t0 = time.perf_counter()
        shape: dict[str, Any] = make_dataset(data, args.zones)
        print(f"dataset: {shape} in {time.perf_counter() - t0:.1f} s → {data}", flush=True)

        project = tmp / "project"
        project.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
        (project / "generator").symlink_to(ROOT / "generator")
        py = sys.executable

        check = timed([py, "-m", "generator", "check", "--strict", "--data", str(data)], project, data, tmp)
        problems = [line for line in check["out"].splitlines() if line.strip()]
        print(f"check: {check['seconds']} s, {check['peak_mb']} MB; last lines: {problems[-3:]}", flush=True)
        gen = timed(
            [py, "-m", "generator", "generate", "--out", str(tmp / "gen"), "--data", str(data)], project, data, tmp,
            pdf="0",
        )  # fmt: skip
        print(f"generate (PDF=0): {gen['seconds']} s, {gen['peak_mb']} MB", flush=True)
        gen_pdf = timed(
            [py, "-m", "generator", "generate", "--out", str(tmp / "gen-pdf"), "--data", str(data)], project, data,
            tmp, pdf="1",
        )  # fmt: skip
        pdfs = sum(1 for _ in (tmp / "gen-pdf").rglob("summary-*.pdf"))
        pdf_step = gen_pdf["seconds"] - gen["seconds"]
        per_pdf = pdf_step / pdfs if pdfs else 0.0
        print(f"generate (PDF=1): {gen_pdf['seconds']} s, {gen_pdf['peak_mb']} MB, {pdfs} PDFs, "
              f"{per_pdf:.2f} s per PDF", flush=True)  # fmt: skip
        site = tmp / "site"
        build = timed([py, "-m", "mkdocs", "build", "--strict", "-d", str(site)], project, data, tmp)
        print(f"mkdocs build: {build['seconds']} s, {build['peak_mb']} MB", flush=True)

        index = site / "search" / "search_index.json"
        raw = index.read_bytes()
        generated_md = sum(1 for _ in (tmp / "gen").rglob("*.md"))
        shape.update(pages=sum(1 for _ in site.rglob("index.html")), generated_md=generated_md)
        mkdocs_own = build["seconds"] - gen_pdf["seconds"]
        whole = check["seconds"] + build["seconds"]
        peak = max(check["peak_mb"], gen["peak_mb"], gen_pdf["peak_mb"], build["peak_mb"])
        out_mb = du(site) / 2**20
        gz_mb = len(gzip.compress(raw, 6)) / 2**20
        docs = len(json.loads(raw)["docs"])
        figures = {
            "check": check["seconds"],
            "generate": gen["seconds"],
            "generate with PDFs": gen_pdf["seconds"],
            "PDF step (generate PDF=1 - PDF=0)": round(pdf_step, 1),
            "PDFs": pdfs,
            "seconds per PDF": round(per_pdf, 2),
            "mkdocs build (incl. generate in the hook)": build["seconds"],
            "mkdocs own (build - generate with PDFs)": round(mkdocs_own, 1),
            "whole build (check + mkdocs build)": round(whole, 1),
            "whole build without PDFs (PDF=0: minus the PDF step)": round(whole - pdf_step, 1),
            "peak memory": peak,
            "peak memory by step (check/generate/generate with PDFs/mkdocs)": [
                check["peak_mb"],
                gen["peak_mb"],
                gen_pdf["peak_mb"],
                build["peak_mb"],
            ],
            "output size": round(out_mb, 1),
            "search index raw": round(len(raw) / 2**20, 2),
            "search index, gzipped": round(gz_mb, 2),
            "search index entries": docs,
        }
        rows: list[tuple[str, str, str, str]] = []
        for name, (unit, limit) in TARGETS.items():
            value = figures[name]
            rows.append((name, f"{value} {unit}", f"< {limit:g} {unit}", "✔" if value < limit else "✘ MISSED"))
        ratio = gen["seconds"] / mkdocs_own if mkdocs_own > 0 else float("inf")
        rows.append(
            (
                "generator ≤ ½ MkDocs' own time",
                f"{gen['seconds']} s / {mkdocs_own:.1f} s = {ratio:.2f}",
                "≤ 0.5",
                "✔" if ratio <= 0.5 else "✘ MISSED",
            )
        )
        print(f"\nshape: {shape}")
        for name in ("check", "generate", "generate with PDFs", "PDF step (generate PDF=1 - PDF=0)", "seconds per PDF",
                     "mkdocs build (incl. generate in the hook)", "search index raw"):  # fmt: skip
            print(f"  {name}: {figures[name]}")
        print(f"\n| {'measure':<40} | {'figure':<28} | {'target':<12} | |")
        print(f"|{'-' * 42}|{'-' * 30}|{'-' * 14}|---|")
        for row in rows:
            print(f"| {row[0]:<40} | {row[1]:<28} | {row[2]:<12} | {row[3]} |")
        results = {
            "measured": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "shape": shape,
            "figures": figures,
            "generator_to_mkdocs_ratio": round(ratio, 2),
            "targets": [dict(zip(("measure", "figure", "target", "ok"), row, strict=True)) for row in rows],
        }
        out = ROOT / "build" / "bench" / "scale.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\n→ {out.relative_to(ROOT)}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
