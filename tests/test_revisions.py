"""The revisions of the published values (issue 16, generator/data/revisions.py): read from a throwaway repository
made here with fixed dates — a value changed twice (once by a merged pull request whose title is in the merge's
body), a value removed, values only written differently, a version that does not parse, a year file deleted and
written again, a hostile commit title — and checked as an exact list; the same commits give the same list."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]
HOSTILE = "<script>alert(1)</script> [链接](http://evil.example/) *强调*"
PR_TITLE = "修正 b 的数值 <b>粗</b>"


def git(repo: Path, *args: str, when: str = "2024-01-01T00:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    proc = subprocess.run([*GIT, *args], cwd=repo, env=env, check=True, capture_output=True, text=True)
    return proc.stdout.strip()


def commit(repo: Path, files: dict[str, str | None], message: str, when: str) -> str:
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, when=when)
    return git(repo, "rev-parse", "HEAD")


Y23 = "data/zones/z1/annual/2023.yaml"
Y24 = "data/zones/z1/annual/2024.yaml"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    r = tmp_path_factory.mktemp("revisions") / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    shas = {"c1": commit(r, {
        Y23: "values:\n  a: 1.5\n  b: 10\n  c: 暂无\n  d: 出台政策。\n",
        Y24: "values:\n  a: 2\n",
        "data/zones/z1/zone.yaml": "name: x\n",
        "data/site.yaml": "as_of: 2024-01-01\n",
    }, "first", "2024-01-10T08:00:00+00:00")}  # fmt: skip
    # a reformatted value (1.5 -> 1.50), a changed one (b), a removed one (d), a new one (e: not a revision)
    shas["c2"] = commit(r, {Y23: "values:\n  a: 1.50\n  b: 12\n  c: 暂无\n  e: 1576.0\n"}, HOSTILE,
                        "2024-02-01T02:00:00+00:00")  # fmt: skip
    shas["c3"] = commit(r, {Y23: "values: [\n"}, "broken", "2024-02-02T02:00:00+00:00")  # does not parse: skipped
    shas["c4"] = commit(r, {Y23: "values:\n  a: 1.50\n  b: 12\n  c: 暂无\n  e: 1576\n"}, "mended",
                        "2024-02-03T02:00:00+00:00")  # fmt: skip
    git(r, "checkout", "-qb", "fix-b")
    shas["s1"] = commit(r, {Y23: "values:\n  a: 1.50\n  b: 15\n  c: 暂无\n  e: 1576\n",
                            Y24: "values:\n  a:\n    value: 2.0\n    note: 注\n"}, "side commit",
                        "2024-02-10T00:00:00+00:00")  # fmt: skip
    git(r, "checkout", "-q", "main")
    message = f"Merge pull request #12 from someone/fix-b\n\n{PR_TITLE}\n\nmore text [x](y)"
    git(r, "merge", "-q", "--no-ff", "-m", message, "fix-b", when="2024-03-05T20:00:00+00:00")  # the 6th in China
    shas["m"] = git(r, "rev-parse", "HEAD")
    shas["c5"] = commit(r, {Y24: None}, "year 2024 deleted", "2024-04-01T00:00:00+00:00")
    shas["c6"] = commit(r, {Y24: "values:\n  a: 3\n"}, "year 2024 again", "2024-05-01T00:00:00+00:00")
    shas["c7"] = commit(r, {"data/site.yaml": "as_of: 2024-06-30\n"}, "not a value", "2024-06-01T00:00:00+00:00")
    shas["top"] = str(r)
    return shas


def revisions(top: str, data: str | None = "data") -> Any:
    from generator.data.history import read_history
    from generator.data.revisions import read_revisions

    history = read_history(Path(top))
    assert history is not None
    return read_revisions(history, data)


def test_the_exact_revisions_newest_first(repo: dict[str, str]) -> None:
    from generator.data.revisions import Revision

    got = revisions(repo["top"])
    assert got.changes == (
        Revision("z1", 2024, "a", repo["c6"], dt.date(2024, 5, 1), "2.0", "3", "year 2024 again"),
        Revision("z1", 2023, "b", repo["m"], dt.date(2024, 3, 6), "12", "15", PR_TITLE),
        Revision("z1", 2023, "b", repo["c2"], dt.date(2024, 2, 1), "10", "12", HOSTILE),
        Revision("z1", 2023, "d", repo["c2"], dt.date(2024, 2, 1), "出台政策。", None, HOSTILE),
    )
    # 1.5 -> 1.50, 2 -> {value: 2.0, note}, 1576.0 -> 1576 are the same values; e was added, not revised
    assert got.of("z1", 2023, "a") == () and got.of("z1", 2024, "a") == (got.changes[0],)
    assert [r.sha for r in got.of("z1", 2023, "b")] == [repo["m"], repo["c2"]]
    assert got.of_zone("z1") == got.changes and got.of_zone("z2") == ()
    first = got.first[("z1", 2023, "b")]
    assert (first.sha, first.day, first.value) == (repo["c1"], dt.date(2024, 1, 10), "10")
    assert got.first[("z1", 2023, "e")].sha == repo["c2"]
    # what was read: the commits that touched an annual file (c1 c2 c3 c4 m c5 c6), the two files, their versions
    assert (got.commits, got.files, got.reads, got.skipped) == (7, 2, 9, 1)


def test_the_title_of_a_merged_pull_request_is_its_own(repo: dict[str, str]) -> None:
    from generator.data.history import change_title, read_history, read_titles

    history = read_history(Path(repo["top"]))
    titles = read_titles(history)
    assert titles[repo["m"]] == PR_TITLE and titles[repo["c2"]] == HOSTILE and repo["s1"] not in titles
    assert change_title("Merge pull request #3 from a/b", 2, "") == "Merge pull request #3 from a/b"
    assert change_title("Merge pull request #3 from a/b", 1, "t") == "Merge pull request #3 from a/b"  # no merge
    assert change_title("Merge branch 'x'", 2, "body") == "Merge branch 'x'"
    assert change_title("a\tb  c", 1, "") == "a b c"
    assert change_title("长" * 300, 1, "") == "长" * 199 + "…"


def test_the_same_commits_give_the_same_revisions(repo: dict[str, str]) -> None:
    assert revisions(repo["top"]) == revisions(repo["top"])


def test_a_data_folder_outside_the_work_tree_has_no_revisions(repo: dict[str, str]) -> None:
    assert revisions(repo["top"], None) is None
    assert revisions(repo["top"], "elsewhere").changes == ()


# --- the pages: the mini data in a repository with known commits ------------------------------------------------

PAGE_PR = "<script>alert(1)</script> [链接](http://evil.example/) 修正合同额"
PAGE_SUBJECT = "*再改* `码` <img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def site_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini data: 2024-07-01 everything; a merged pull request (2024-08-02, its title hostile) that changes the
    demo zone's 2023 contract value 12.5 → 13.0; 2024-09-01 (a hostile subject) 13.0 → 14, the 2023 R&D ratio
    removed and the patents' 3.6 written 3.60 (the same value)."""
    import shutil

    from conftest import MINI, replace_once

    r = tmp_path_factory.mktemp("revised") / "repo"
    shutil.copytree(MINI, r / "data")
    (r / "docs").mkdir()
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "first", when="2024-07-01T09:00:00+08:00")
    report = r / "data" / "zones" / "demo-zone" / "annual" / "2023.yaml"
    git(r, "checkout", "-qb", "fix")
    replace_once(report, "contract_value: 12.5", "contract_value: 13.0")
    git(r, "commit", "-qam", "side", when="2024-07-20T09:00:00+08:00")
    git(r, "checkout", "-q", "main")
    git(r, "merge", "-q", "--no-ff", "-m", f"Merge pull request #4 from city/fix\n\n{PAGE_PR}", "fix",
        when="2024-08-02T10:00:00+08:00")  # fmt: skip
    replace_once(report, "contract_value: 13.0", "contract_value: 14")
    replace_once(report, "  rd_ratio: 2.05\n", "")
    replace_once(report, "value: 3.6\n", "value: 3.60\n")
    git(r, "commit", "-qam", PAGE_SUBJECT, when="2024-09-01T09:00:00+08:00")
    return r


def build_pages(repo: Path, out: Path, history: bool = True) -> dict[str, bytes]:
    from generator.build import build_site_sources
    from generator.options import Options

    result = build_site_sources(Options(data=repo / "data", out=out, pdf=False, history=repo if history else None))
    assert result.written is not None, [str(p) for p in result.log.problems]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(site_repo: Path) -> dict[str, bytes]:
    return build_pages(site_repo, site_repo / "docs" / "generated")


def test_a_revised_value_is_marked_where_its_tables_show_it(site: dict[str, bytes]) -> None:
    zone = site["zones/demo-zone/index.md"].decode()
    mark = "[已修订](index.md#revision-2023-contract_value)"
    row = next(line for line in zone.splitlines() if line.startswith("| 数值 |") and "14 [已修订]" in line)
    assert row.count("[已修订]") == 1 and mark in row  # 2023's 14; 2022's 10.5 never changed
    assert "3.60" in zone and "#revision-2023-patents_per_10k" not in zone  # written differently: not a revision
    assert "#revision-2023-rd_ratio" in zone  # removed: the table's "—" is marked too
    year = site["zones/demo-zone/2023.md"].decode()
    assert "14 [已修订](index.md#revision-2023-contract_value)" in year
    indicator = site["indicators/contract_value.md"].decode()
    assert indicator.count("[已修订](../zones/demo-zone/index.md#revision-2023-contract_value)") == 2  # ranking, trends
    assert "已修订" not in site["indicators/patents_per_10k.md"].decode()


def test_the_zone_page_lists_its_revisions_newest_first_with_each_value_s_history(site: dict[str, bytes]) -> None:
    from generator.site.markup import inline

    zone = site["zones/demo-zone/index.md"].decode()
    block = zone[zone.index("### 数据修订记录 { #revisions }") :]
    assert "本示范区已发布的数据中有 2 项后来作了修订" in block
    contract = block.index('<span id="revision-2023-contract_value"></span>')
    assert contract < block.index('<span id="revision-2023-rd_ratio"></span>')  # same commit: by indicator id
    lines = block[contract:].splitlines()[1:4]
    assert lines == [
        f"    - 2024 年 9 月 1 日：修订，13.0 → 14（修订说明：{inline(PAGE_SUBJECT)}）",
        f"    - 2024 年 8 月 2 日：修订，12.5 → 13.0（修订说明：{inline(PAGE_PR)}）",
        "    - 2024 年 7 月 1 日：首次发布，数值为 12.5",
    ]
    assert "2024 年 9 月 1 日：修订，2.05 → 无（已删除）" in block
    assert "<script>" not in zone and "<img" not in zone and "[链接](http" not in zone and "*再改*" not in zone


def test_the_changes_page_and_its_feed_list_every_revision_as_text(site: dict[str, bytes]) -> None:
    import xml.etree.ElementTree as ET

    from generator.site.markup import inline

    page = site["data/changes.md"].decode()
    assert "共 3 处修订。" in page
    first, second = page.index("## 2024 年 9 月 1 日"), page.index("## 2024 年 8 月 2 日")
    assert first < second
    assert f"修订说明：{inline(PAGE_SUBJECT)}" in page and f"修订说明：{inline(PAGE_PR)}" in page
    assert "<script>" not in page and "<img" not in page and "[链接](http" not in page
    assert "13.0 → 14 |" in page and "2.05 → 无（已删除） |" in page
    assert "[Atom 订阅源（changes&#46;xml）](changes.xml)" in page
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(site["data/changes.xml"])
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [
        f"2024 年 9 月 1 日 数据修订：{PAGE_SUBJECT}",  # as text: the XML writer escapes it
        f"2024 年 8 月 2 日 数据修订：{PAGE_PR}",
    ]
    assert feed.findtext(f"{atom}updated") == "2024-09-01T00:00:00+08:00"
    summary = entries[0].findtext(f"{atom}summary") or ""
    assert summary.splitlines()[0].endswith("：13.0 → 14")
    assert b"<script>" not in site["data/changes.xml"] and b"&lt;script&gt;" in site["data/changes.xml"]
    assert "已发布数据的修订记录" in site["data/index.md"].decode()  # linked from the open-data page


def test_the_same_commits_give_the_same_pages(site_repo: Path, site: dict[str, bytes], tmp_path: Path) -> None:
    again = build_pages(site_repo, tmp_path / "again")
    for path in ("data/changes.md", "data/changes.xml", "zones/demo-zone/index.md", "zones/demo-zone/2023.md",
                 "indicators/contract_value.md"):  # fmt: skip
        assert again[path] == site[path], path


def test_without_history_the_pages_say_so_and_mark_nothing(site_repo: Path, tmp_path: Path) -> None:
    pages = build_pages(site_repo, tmp_path / "none", history=False)
    zone = pages["zones/demo-zone/index.md"].decode()
    said = "这份网站副本生成时没有可读取的数据版本记录，因此这里无法列出已发布数据的修订情况。"
    assert said in zone and "已修订]" not in zone
    assert said in pages["data/changes.md"].decode()
    assert b"<entry>" not in pages["data/changes.xml"]


def test_a_summary_pdf_prints_each_revised_value_s_history_as_text(site_repo: Path) -> None:
    """The print HTML of the year with the revised values: each marked, its history printed with the hostile
    titles as text (autoescape), never as markup."""
    from generator.analysis.stage import analyse
    from generator.build import load_data, validate_data
    from generator.site.summary_pages import summary_html

    catalog, _log = validate_data(load_data(site_repo / "data"))
    assert catalog is not None
    printed = summary_html(catalog, analyse(catalog), catalog.zones["demo-zone"], 2023, "https://example.org/",
                           revisions(str(site_repo)))  # fmt: skip
    mark = '<a href="https://example.org/zones/demo-zone/#revision-2023-contract_value">已修订</a>'
    assert f">14 {mark}</td>" in printed
    history = printed[printed.index("<h2>以上数值的修订记录</h2>") :]
    assert f"2024 年 9 月 1 日：修订，13.0 → 14（修订说明：{html.escape(PAGE_SUBJECT, quote=False)}）" in history
    assert f"修订说明：{html.escape(PAGE_PR, quote=False)}" in history
    assert "<script>" not in printed and "<img" not in printed


def test_a_title_with_control_characters_is_kept_as_printable_text() -> None:
    import xml.etree.ElementTree as ET

    from generator.data.history import change_title

    title = change_title("a\x1bb\x08c\x7fd\x9fe\ufffff", 1, "")
    assert title == "abcdef"
    element = ET.Element("title")
    element.text = title
    ET.fromstring(ET.tostring(element))  # well-formed XML


REVISED_ZONE = "nanning-hitech"
SUFFIX = "0731"  # appended to every value of one zone: figures no page shows by chance
REWORDED = "，经核实更正。"  # ends every qualitative value (a sentence) of that zone instead of its full stop


@pytest.fixture(scope="module")
def sample_revised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample data in a repository: a later commit revises every value of one zone (45.8 -> 45.80731,
    12 -> 120731, a sentence's full stop -> REWORDED), so every place the site shows one of its values shows a revised value. Built with the PDFs' print
    HTML collected (not rendered: that is test_summaries' business) and no share images drawn."""
    import re
    import shutil

    import generator.build
    from conftest import SAMPLE
    from generator.site.figures import figure

    r = tmp_path_factory.mktemp("sample-revised") / "repo"
    shutil.copytree(SAMPLE, r / "data")
    (r / "docs").mkdir()
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "first", when="2024-07-01T09:00:00+08:00")
    shown: set[str] = set()
    for path in sorted((r / "data" / "zones" / REVISED_ZONE / "annual").glob("*.yaml")):

        def revise(m: re.Match[str]) -> str:
            shown.add(figure(m.group(2) + SUFFIX))
            return m.group(1) + m.group(2) + SUFFIX

        def reword(m: re.Match[str]) -> str:  # a qualitative value: a sentence
            new = m.group(2)[:-1] + REWORDED
            shown.add(new)
            return m.group(1) + new

        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^(\s+(?:value: |[a-z0-9_]+: ))(-?\d+(?:\.\d+)?)$", revise, text, flags=re.M)
        path.write_text(re.sub(r"^(\s+[a-z0-9_]+: )(\S.*。)$", reword, text, flags=re.M), encoding="utf-8")
    git(r, "commit", "-qam", "revise", when="2024-08-01T09:00:00+08:00")
    jobs: dict[str, str] = {}

    def collect(found: dict[str, str], cache: Any, keys: Any = None) -> dict[str, bytes]:
        jobs.update(found)
        return {}

    from generator.options import Options

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(generator.build, "render_pdfs", collect)
        mp.setattr(generator.build, "render_share_images", lambda found, cache: {})
        out = r / "docs" / "generated"
        result = generator.build.build_site_sources(Options(data=r / "data", out=out, pdf=True, history=r))
    assert result.written is not None, [str(p) for p in result.log.problems]
    assert len(shown) > 20 and jobs
    pages = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.md"))}
    return {"pages": pages, "print": jobs, "shown": shown}


# the mark after a value: in Markdown a link, in raw HTML (the comparison's table, the PDFs' print HTML) an <a>
_MARK = re.compile(r"[^|\n。；<>\[\]]{0,30}?(?:\[已修订\]\(|<a\b[^>]*>已修订</a>)")
# what is not a place a value is shown as the editors published it: a comparison's sentence and bars (its table
# below them shows the values, marked), the history itself (the zone page's list; /data/changes/ is left out
# whole), attributes (a chart's description and numbers: its table beside it shows them, marked)
_NOT_SHOWN = [
    re.compile(r'<p class="compare-sentence">.*?</p>|<span class="compare-bar-value">.*?</span>', re.S),
    re.compile(r"### 数据修订记录 \{ #revisions \}.*?(?=\n## |\Z)", re.S),
    re.compile(r"<h2>以上数值的修订记录</h2>.*?(?=<h2>)", re.S),
    re.compile(r'\s[\w:-]+="[^"]*"'),
]
_CHART = re.compile(r'<div class="chart-plot"[^>]*? aria-label="([^"]*)"')


def unmarked(text: str, shown: set[str]) -> list[str]:
    """Each place in `text` where a revised value is shown without the mark right after it (its unit and year
    may come between), with its context. A chart's sentence, written above the chart and as its description, is
    the chart's: its table beside it marks the values."""
    charts = {s for d in _CHART.findall(text) for s in html.unescape(d).split("。") if s}
    for pattern in _NOT_SHOWN:
        text = pattern.sub(" ", text)
    text = html.unescape(text)
    for sentence in sorted(charts, key=len, reverse=True):
        text = text.replace(sentence, " ")
    values = "|".join(re.escape(v) for v in sorted(shown, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\d.,])(?:{values})(?![\d])", text):
        if not _MARK.match(text, m.end()):
            out.append(text[max(0, m.start() - 60) : m.end() + 60].replace("\n", "⏎"))
    return out


def test_every_page_marks_every_revised_value_it_shows(sample_revised: dict[str, Any]) -> None:
    """The class of issue 16's marks: wherever a page shows one of the revised zone's values (tables, lists and
    sentences of the zone, year, indicator, target, case and comparison pages), the mark follows it."""
    found = {}
    for path, text in sample_revised["pages"].items():
        if path == "data/changes.md":
            continue  # the history itself
        if bad := unmarked(text, sample_revised["shown"]):
            found[path] = bad
    assert not found, "\n".join(f"{p} ({len(b)}): {b[0]}" for p, b in found.items())


def test_every_summary_pdf_marks_every_revised_value_it_shows(sample_revised: dict[str, Any]) -> None:
    """The summaries' PDFs: the mark after each revised value, and the value's history printed in the summary
    (a printed page has no link to follow)."""
    found = {}
    for path, printed in sample_revised["print"].items():
        if bad := unmarked(printed, sample_revised["shown"]):
            found[path] = bad
    assert not found, "\n".join(f"{p} ({len(b)}): {b[0]}" for p, b in found.items())
    latest = max(p for p in sample_revised["print"] if f"/{REVISED_ZONE}/" in p)
    printed = sample_revised["print"][latest]
    assert "2024 年 8 月 1 日" in printed and "（修订说明：revise）" in printed


def test_the_comparison_carries_each_revised_value_s_mark(sample_revised: dict[str, Any]) -> None:
    """The comparison page's data: each cell of the revised zone has its history's link, for the script's table."""
    page = sample_revised["pages"]["compare/index.md"]
    assert f"../zones/{REVISED_ZONE}/#revision-" in html.unescape(page)


def test_the_zone_list_marks_a_revised_latest_key_value(sample_revised: dict[str, Any]) -> None:
    listing = sample_revised["pages"]["zones/index.md"]
    assert f"[已修订]({REVISED_ZONE}/index.md#revision-" in listing
    assert "[已修订](liuzhou-hitech/" not in listing  # the other zones' values were never changed


def test_every_page_writes_every_large_value_thousands_separated(sample_revised: dict[str, Any]) -> None:
    """The site's one number rule (figures.reading_text: as written, thousands separated) on every page: the revised
    zone's values have grown past a thousand (12 -> 120731), and none may be written without its separators."""
    found = {}
    for path, text in sample_revised["pages"].items():
        text = html.unescape(re.sub(r'\s[\w:-]+="[^"]*"', " ", text))  # not attributes: a chart's numbers are data
        if bad := [text[max(0, m.start() - 60) : m.end() + 20].replace("\n", "⏎")
                   for m in re.finditer(rf"(?<![\d.,])\d+{SUFFIX}(?![\d])", text)]:  # fmt: skip
            found[path] = bad
    assert not found, "\n".join(f"{p} ({len(b)}): {b[0]}" for p, b in found.items())
