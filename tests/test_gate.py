"""The check is the one gate (issue 12, item 3): what `check --strict` passes, the whole build completes
(pages, the blog's posts, downloads, feed, PDFs, every output readable); what it refuses, it refuses with a
file and a line, never a crash. Hostile inputs that once passed the check and crashed the build, then a
property test over generated data (text from the whole Unicode range in every kind of text field, numbers of
any magnitude and precision)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whole_build import gate_and_build

from conftest import MINI, replace_once

ANNUAL = "zones/demo-zone/annual/2023.yaml"
BASELINE = "zones/demo-zone/annual/2022.yaml"
ZONE = "zones/demo-zone/zone.yaml"

# name -> edits (file, old, new), and the file and line the check must name when it refuses the input
HOSTILE = {
    "remote-image-in-highlight": (
        [(ANNUAL, "  - 启动建设。", "  - 启动建设 ![图](https://evil.example/t.png)")],
        (ANNUAL, 3),
    ),
    "control-characters-in-qualitative-value": (
        [(ANNUAL, "policies: 出台配套政策。", 'policies: "出台\\x1b[31m配套\\x07政策。"')],
        (ANNUAL, 12),
    ),
    "noncharacter-in-zone-name": ([(ZONE, "name: 演示示范区", 'name: "演示\\uFFFF示范区"')], (ZONE, 1)),
    "thirty-digit-integers": (
        [
            (BASELINE, "agencies: 2", "agencies: 200000000000000000000000000000"),
            (ANNUAL, "agencies: 3", "agencies: 300000000000000000000000000000"),
        ],
        (ANNUAL, 10),
    ),
}


def _dataset(tmp: Path, edits: list[tuple[str, str, str]]) -> Path:
    data = tmp / "data"
    shutil.copytree(MINI, data)
    for file, old, new in edits:
        replace_once(data / file, old, new)
    return data


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_what_the_check_passes_builds_and_what_it_refuses_names_file_and_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits, (file, line) = HOSTILE[name]
    data = _dataset(tmp_path, edits)
    monkeypatch.chdir(tmp_path)
    outcome = gate_and_build(tmp_path, Path("data"))
    if not outcome.passed:
        assert (f"data/{file}", line) in {(p[0], p[1]) for p in outcome.problems}, outcome.problems
    else:
        assert outcome.site is not None and (outcome.site / "zones/demo-zone/index.html").is_file()
    assert data.is_dir()


def test_a_truncated_png_passes_and_builds_or_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _dataset(tmp_path, [])
    image = data / "zones/demo-zone/images/demo.png"
    image.write_bytes(image.read_bytes()[:30])
    monkeypatch.chdir(tmp_path)
    outcome = gate_and_build(tmp_path, Path("data"))
    if not outcome.passed:
        assert "data/zones/demo-zone/images/demo.png" in {p[0] for p in outcome.problems}, outcome.problems


_FETCH = pytest.mark.xfail(
    strict=True, reason="issue 12: the PDF renderer stops the build on an image it may not fetch"
)


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/t.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "/etc/passwd",
    ],
)
def test_the_pdf_renderer_leaves_out_what_it_may_not_fetch_instead_of_crashing(src: str) -> None:
    from generator.site.summary_pages import html_to_pdf

    pdf = html_to_pdf(f'<html><body><p>亮点 <img src="{src}" alt="图"></p></body></html>')
    assert pdf.startswith(b"%PDF-")
