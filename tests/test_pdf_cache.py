"""The summary PDF cache is pruned (issue 14, ways through): CI keeps `build/pdf-cache` between runs with
actions/cache, and a cache that only grows keeps every PDF any build ever rendered. A build that succeeded keeps
the PDFs of the last few builds (`PDF_CACHE_KEEP`, 2 by default: the production and the Pages address) and
removes the rest; a failed build removes nothing; nothing outside the cache's own files is ever touched.

The builds here are `python -m generator generate` in-process with WeasyPrint replaced by a stand-in (the cache
is what is tested, not the PDFs): each site address gives other print HTML, so other cache keys."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from conftest import MINI
from generator.cli import main
from generator.site import summary_pages


def _fake_pdf(html: str) -> bytes:
    return b"%PDF-stand-in " + hashlib.sha256(html.encode()).hexdigest().encode()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(summary_pages, "html_to_pdf", _fake_pdf)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # rendered in this process, by the stand-in
    monkeypatch.setenv("PDF", "1")
    monkeypatch.delenv("PDF_CACHE_KEEP", raising=False)
    folder = tmp_path / "pdf-cache"
    monkeypatch.setenv("PDF_CACHE", str(folder))
    return folder


def _generate(data: Path, out: Path, address: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("SITE_URL", address)
    return main(["generate", "--data", str(data), "--out", str(out)])


def _pdfs(cache: Path) -> set[str]:
    return {p.name for p in cache.glob("*.pdf")}


@pytest.mark.xfail(strict=True, reason="issue 14: the PDF cache is never pruned")
def test_a_build_keeps_the_pdfs_of_the_last_two_builds_only(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    sets = []
    seen: set[str] = set()
    for address in ("https://a.example.cn/", "https://b.example.cn/", "https://c.example.cn/"):
        assert _generate(MINI, out, address, monkeypatch) == 0
        sets.append(_pdfs(cache) - seen)
        seen |= sets[-1]
    first, second, third = sets
    reports = len(list(MINI.glob("zones/*/annual/*.yaml")))  # one PDF per zone and reported year
    assert [len(s) for s in sets] == [reports, reports, reports]
    assert not _pdfs(cache) & first  # the first build's PDFs are gone
    assert _pdfs(cache) == second | third  # the last two builds' kept
    # the same build again: nothing rendered, nothing removed
    assert _generate(MINI, out, "https://c.example.cn/", monkeypatch) == 0
    assert _pdfs(cache) == second | third
