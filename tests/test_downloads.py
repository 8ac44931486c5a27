"""Open data: every download re-read and compared with the catalog's readings (the YAML as written)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import frictionless
import openpyxl
import pandas as pd
import pytest

from conftest import MINI, ROOT, SAMPLE, generated
from generator.analysis.stage import analyse
from generator.data.catalog import Catalog
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site.data_dictionary import FILES, model_fields
from generator.site.download_data import neutralise
from generator.site.markup import inline
from generator.site.pages import make_pages
from generator.site.search_words import SEARCH_WORDS
from generator.site.xlsx import exact_in_excel

DATASETS = [pytest.param(SAMPLE, id="sample"), pytest.param(MINI, id="mini")]
FORMULA = ("=", "+", "-", "@")


def generate(data: Path, *, shared: bool = True) -> tuple[Catalog, dict[str, bytes], dict[str, str]]:
    """Catalog, files and pages of `data`: the run's shared generation for the unchanged folders unless
    `shared` is false (a fresh one, for comparing two)."""
    if shared and data in (SAMPLE, MINI):
        catalog, site = generated(data)  # the run's shared generation of the unchanged folder
        return catalog, site.files, site.pages
    catalog, log = validate_data(load_data(data))
    assert catalog is not None and not log.failing(False)
    site = make_pages(catalog, analyse(catalog))
    return catalog, site.files, site.pages


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA else text


def expected_readings(catalog: Catalog) -> dict[tuple[str, str, str], dict[str, str]]:
    """(zone, year, indicator) -> what the tidy table must say, from the catalog's readings."""
    out = {}
    for zone_id, zone in catalog.zones.items():
        for year, report in zone.reports.items():
            for ind_id, r in report.readings.items():
                value = "" if r.marker else (r.text or "")  # the text as written (numbers stripped)
                out[(zone_id, str(year), ind_id)] = {"value": value, "marker": r.marker or "",
                                                     "note": r.note or "", "source": r.source or ""}  # fmt: skip
    assert out  # a comparison over nothing proves nothing
    return out


@pytest.mark.parametrize("data", DATASETS)
def test_every_reading_is_in_the_tidy_csv_exactly_once_and_exactly_as_written(data: Path) -> None:
    catalog, files, _ = generate(data)
    frame = read_csv(files["data/zones-indicators.csv"])
    assert {"zone", "year", "indicator", "value", "unit", "marker", "sample", "own"} <= set(frame.columns)
    expected = expected_readings(catalog)
    keys = list(zip(frame["zone"], frame["year"], frame["indicator"], strict=True))
    assert len(keys) == len(set(keys)) == len(expected)  # nothing missing, nothing twice, nothing invented
    for row in frame.to_dict("records"):
        want = expected[(row["zone"], row["year"], row["indicator"])]
        got = {k: unneutralise(row[k]) for k in want}
        assert got == want, row
        reading = catalog.zones[row["zone"]].reports[int(row["year"])].readings[row["indicator"]]
        if reading.number is not None:
            assert Decimal(row["value"]) == reading.number and "E" not in row["value"].upper()
    assert (frame["marker"] != "").any() and set(frame["marker"]) <= {"", "暂无", "不适用"}
    assert (frame[frame["marker"] != ""]["value"] == "").all()  # a marker is never a number
    assert set(frame["sample"]) <= {"true", "false"}


def test_own_indicators_are_flagged() -> None:
    catalog, files, _ = generate(MINI)
    frame = read_csv(files["data/zones-indicators.csv"])
    own = frame[frame["own"] == "true"]
    assert set(own["indicator"]) == {i.id for i in catalog.zones["demo-zone"].own_indicators}
    assert set(frame[frame["own"] == "false"]["indicator"]) <= {i.id for i in catalog.indicators}


@pytest.mark.parametrize("data", DATASETS)
def test_csvs_have_a_bom_and_crlf_line_ends(data: Path) -> None:
    _, files, _ = generate(data)
    csvs = [p for p in files if p.endswith(".csv")]
    assert len(csvs) >= 4
    for path in csvs:
        assert files[path].startswith(b"\xef\xbb\xbf"), path
        text = files[path].decode("utf-8-sig")
        rows = len(read_csv(files[path]))
        assert text.endswith("\r\n") and text.count("\r\n") == rows + 1 == text.count("\n"), path


@pytest.mark.parametrize("data", DATASETS)
def test_per_zone_csvs_partition_the_whole(data: Path) -> None:
    catalog, files, _ = generate(data)
    whole = read_csv(files["data/zones-indicators.csv"])
    parts = []
    for zone_id, zone in catalog.zones.items():
        part = read_csv(files[f"data/zones/{zone_id}.csv"])
        assert list(part.columns) == list(whole.columns)
        assert set(part["zone"]) <= {zone_id}
        if not zone.reports:
            assert part.empty  # header only
        parts.append(part)
    combined = pd.concat(parts).sort_values(["zone", "year", "indicator"]).reset_index(drop=True)
    assert combined.equals(whole.sort_values(["zone", "year", "indicator"]).reset_index(drop=True))
    assert len(read_csv(files["data/zones.csv"])) == len(catalog.zones)


@pytest.mark.parametrize("data", DATASETS)
def test_workbook_holds_the_same_rows_with_exact_numbers(data: Path) -> None:
    catalog, files, _ = generate(data)
    wb = openpyxl.load_workbook(io.BytesIO(files["data/zones-data.xlsx"]))
    assert wb.sheetnames == ["说明", "指标数据", "示范区", "指标体系"]
    ws = wb["指标数据"]
    header = [c.value for c in ws[1]]
    assert all(c.font.bold for c in ws[1]) and ws.freeze_panes == "A2"
    expected = expected_readings(catalog)
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == len(expected)
    numeric = 0
    for row in rows:
        want = expected[(row["示范区编号"], str(row["年度"]), row["指标编号"])]
        value = row["数值"]
        if isinstance(value, (int, float)):
            numeric += 1
            assert Decimal(str(value)) == Decimal(want["value"])
        else:
            assert (value or "") == want["value"]
        assert (row["标注"] or "") == want["marker"]
    assert numeric > 0
    notes = {r[0]: r[1] for r in wb["说明"].iter_rows(min_row=2, values_only=True)}
    assert notes["数据截止日期"] == catalog.as_of.isoformat() and "使用条款" in notes


def test_numbers_go_into_excel_only_when_exact() -> None:
    assert exact_in_excel(Decimal("2.05")) and exact_in_excel(Decimal("1.10")) and exact_in_excel(Decimal("-3"))
    assert exact_in_excel(Decimal("123456789012345"))
    assert not exact_in_excel(Decimal("1234567890123456"))  # 16 significant digits: Excel would round
    assert not exact_in_excel(Decimal("0.1234567890123456"))


def test_workbook_is_byte_for_byte_deterministic() -> None:
    _, first, _ = generate(MINI)  # the run's shared generation, made earlier
    _, second, _ = generate(MINI, shared=False)  # and one made now, from scratch
    assert first is not second and first == second
    with zipfile.ZipFile(io.BytesIO(first["data/zones-data.xlsx"])) as z:
        assert {i.date_time for i in z.infolist()} == {(2024, 6, 30, 0, 0, 0)}  # the as-of date
        core = z.read("docProps/core.xml").decode()
        assert "2024-06-30T00:00:00Z" in core and core.count("2024-06-30") == 2


@pytest.mark.skipif(not shutil.which("faketime"), reason="needs libfaketime (Debian package faketime)")
def test_downloads_do_not_depend_on_the_clock(tmp_path: Path) -> None:
    _, files, _ = generate(MINI)
    out = tmp_path / "out"
    cmd = ["faketime", "2031-12-31 23:59:00", sys.executable, "-m", "generator", "generate", "--out", str(out),
           "--data", str(MINI)]  # fmt: skip
    # no history, like the run's shared generation it is compared with (with history the feed's date is a commit's)
    env = {**os.environ, "HISTORY": "0"}
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, timeout=120, env=env)
    for path, data in files.items():
        assert (out / path).read_bytes() == data, path


@pytest.mark.parametrize("data", DATASETS)
def test_json_document_is_stable_and_complete(data: Path) -> None:
    catalog, files, _ = generate(data)
    text = files["data/zones-data.json"].decode("utf-8")
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    assert doc["site"]["as_of"] == catalog.as_of.isoformat() and doc["site"]["sample"] == catalog.has_sample
    assert len(doc["indicator_system"]["indicators"]) == len(catalog.indicators)
    zones = {z["id"]: z for z in doc["zones"]}
    for (zone, year, ind), want in expected_readings(catalog).items():
        got = zones[zone]["reports"][year]["values"][ind]
        assert (got["value"] or "", got["marker"] or "") == (want["value"], want["marker"])
    assert all(z["profile"]["events"] and z["profile"]["name"] for z in doc["zones"])


@pytest.mark.parametrize("data", DATASETS)
def test_data_package_validates_with_frictionless(data: Path, tmp_path: Path) -> None:
    _, files, _ = generate(data)
    write_downloads(tmp_path, files)
    report = frictionless.validate(str(tmp_path / "data/datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads(files["data/datapackage.json"])
    names = {r["path"] for r in descriptor["resources"]}
    assert {"zones-indicators.csv", "zones.csv", "zones-data.json"} <= names
    assert len(report.tasks) == len(descriptor["resources"])


def write_downloads(root: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)


HOSTILE = {"=1+2": "policies", "@SUM(A1:A9)": "note", "+cmd|' /C calc'!A0": "source", "-2+3 说明": "note2"}


def hostile_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    report = data / "zones/demo-zone/annual/2023.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("policies: 出台配套政策。", "policies: '=1+2'")
    text = text.replace("note: 按常住人口计算。", "note: '@SUM(A1:A9)'")
    text = text.replace("source: 演示统计局", "source: \"+cmd|' /C calc'!A0\"")
    text = text.replace("agencies: 3", "agencies:\n    value: 3\n    note: '-2+3 说明'")
    report.write_text(text, encoding="utf-8")
    zone = data / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("name: 演示示范区", "name: '=HYPERLINK(1) 示范区'"),
                    encoding="utf-8")  # fmt: skip
    return data


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    _, files, _ = generate(hostile_data(tmp_path))
    assert neutralise("-2.5") == "-2.5" and neutralise("=1") == "'=1" and neutralise("@x") == "'@x"
    frame = read_csv(files["data/zones-indicators.csv"])
    cells = [c for col in frame.columns for c in frame[col]] + [
        c for col in read_csv(files["data/zones.csv"]).columns for c in read_csv(files["data/zones.csv"])[col]
    ]
    planted = [c for c in cells if c.lstrip("'").startswith(("=1+2", "@SUM", "+cmd", "-2+3", "=HYPERLINK"))]
    assert len(planted) >= 5 and all(c.startswith("'") for c in planted)
    assert not [c for c in cells if c.startswith(FORMULA) and not c.lstrip("-").replace(".", "").isdigit()]
    xlsx = files["data/zones-data.xlsx"]
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/"))
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    texts = {c.value: c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ("=1+2", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3 说明", "=HYPERLINK(1) 示范区"):
        assert texts[text].data_type == "s" and texts[text].quotePrefix, text  # kept exactly, as text
    write_downloads(tmp_path / "out", files)
    assert frictionless.validate(str(tmp_path / "out/data/datapackage.json")).valid


def test_pages_explain_the_downloads_and_carry_the_sample_flag() -> None:
    catalog, files, pages = generate(SAMPLE)
    index = pages["data/index.md"]
    assert "sample: true" in index.split("---")[1]
    for zone_id in catalog.zones:
        assert f"(zones/{zone_id}.csv)" in index and f"data/zones/{zone_id}.csv" in files
    for name in ("zones-indicators.csv", "zones.csv", "zones-data.xlsx", "zones-data.json", "datapackage.json"):
        assert f"]({name})" in index
    assert "不是 0" in index and "2026 年 3 月 31 日" in index  # the as-of date, in running text (issue 14)
    dictionary = pages["data/dictionary.md"]
    for _kind, model in FILES:
        for field in model_fields(model):
            assert inline(field.path) in dictionary and inline(field.zh) in dictionary, field.path
            assert f"| {inline(field.en)} |" not in dictionary  # no English column in the Chinese interface (issue 14)
    assert inline("values.<编号>.marker") in dictionary  # fields of models inside a mapping too


def test_the_built_site_serves_the_downloads_and_both_pages(mini_site: Path) -> None:
    _, files, _ = generate(MINI)
    site = mini_site  # mkdocs build --strict: every link to a download resolves
    for path, data in files.items():
        if path == SEARCH_WORDS:  # the search dictionary is read by the build, never published
            assert not (site / path).exists()
            continue
        assert (site / path).read_bytes() == data, path
    for page in ("data", "data/dictionary"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert '<html lang="zh"' in html
    assert 'href="zones-indicators.csv"' in (site / "data/index.html").read_text(encoding="utf-8")
    assert "sample-banner" in (site / "data/index.html").read_text(encoding="utf-8")


def test_markup_in_names_stays_text_on_the_data_pages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    zone = data / "zones/demo-zone/zone.yaml"
    hostile = "name: '演示 *示范区* {: onclick=alert(1) } [x](javascript:alert(1))'"
    zone.write_text(zone.read_text(encoding="utf-8").replace("name: 演示示范区", hostile), encoding="utf-8")
    _, files, pages = generate(data)
    page = pages["data/index.md"]
    assert "javascript:" not in page and "{:" not in page and "*示范区*" not in page
    assert "[演示 &#42;示范区&#42;" in page  # the name shown as written, inside our own link
    assert read_csv(files["data/zones.csv"])["name"].str.contains("javascript:alert", regex=False).any()


# ---- Chinese-headed twins of the CSVs (issue 14) -------------------------------------------------------------


def test_each_csv_has_a_chinese_headed_twin_beside_it_outside_the_data_package() -> None:
    """A Chinese reader opening a CSV in Excel or WPS reads the workbook's Chinese column titles: each table has a
    twin in data/zh/ with the same rows under the Chinese headers; the machine-headed files and the data package
    (which lists only them) stay as they are, valid under frictionless (test above)."""
    from generator.site.download_columns import indicator_columns, value_columns, zone_columns

    _catalog, files, pages = generate(SAMPLE)
    descriptor = json.loads(files["data/datapackage.json"])
    assert all(not r["path"].startswith("zh/") for r in descriptor["resources"])
    for name, columns in (
        ("zones-indicators.csv", value_columns()),
        ("zones.csv", zone_columns()),
        ("indicators.csv", indicator_columns()),
    ):
        machine = files[f"data/{name}"].decode("utf-8-sig").split("\r\n")
        chinese = files[f"data/zh/{name}"].decode("utf-8-sig").split("\r\n")
        assert machine[0] == ",".join(c.name for c in columns)
        assert chinese[0] == ",".join(c.title for c in columns)
        assert chinese[1:] == machine[1:] and len(chinese) > 2, name
        assert f"](zh/{name})" in pages["data/index.md"], name
