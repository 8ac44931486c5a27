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


def test_a_build_keeps_the_pdfs_of_the_last_builds_only(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds for other addresses, keeping one build's PDFs (PDF_CACHE_KEEP=1; the default, 2, and the ledger
    of builds are tested on the cache folder itself below): the first build's PDFs are gone after the second."""
    monkeypatch.setenv("PDF_CACHE_KEEP", "1")
    out = tmp_path / "out"
    assert _generate(MINI, out, "https://a.example.cn/", monkeypatch) == 0
    first = _pdfs(cache)
    assert _generate(MINI, out, "https://b.example.cn/", monkeypatch) == 0
    second = _pdfs(cache) - first
    reports = len(list(MINI.glob("zones/*/annual/*.yaml")))  # one PDF per zone and reported year
    assert len(first) == len(second) == reports
    assert _pdfs(cache) == second  # the first build's PDFs are gone, the last build's kept


def test_a_failed_build_removes_nothing(
    cache: Path, tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PDF_CACHE_KEEP", "1")
    assert _generate(data_copy, tmp_path / "out", "https://a.example.cn/", monkeypatch) == 0
    before = _pdfs(cache)
    (data_copy / "site.yaml").write_text("title: [\n", encoding="utf-8")  # the data fails: nothing built
    assert _generate(data_copy, tmp_path / "out", "https://b.example.cn/", monkeypatch) == 1
    assert before and _pdfs(cache) == before


def test_pruning_touches_only_the_caches_own_files(tmp_path: Path) -> None:
    """Only `<64 hex>.pdf` files directly in the folder (and a dead writer's `.tmp`) are removed: never a
    folder, a file of another name, a link or what it points to, or anything outside."""
    cache = tmp_path / "cache"
    cache.mkdir()
    used, stale = "a" * 64, "b" * 64
    for name in (f"{used}.pdf", f"{stale}.pdf", "notes.pdf", f"{stale}.PDF", f"{stale}.pdf.bak", "README"):
        (cache / name).write_bytes(b"x")
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(b"keep me")
    (cache / f"{'c' * 64}.pdf").symlink_to(outside)
    (cache / f"{'d' * 64}.pdf").mkdir()
    (cache / f"{'d' * 64}.pdf" / f"{stale}.pdf").write_bytes(b"x")
    dead = 2**22 + 12345  # above Linux's largest pid: no such process
    (cache / f"{stale}.{dead}.tmp").write_bytes(b"half")
    (cache / f"{stale}.{os.getpid()}.tmp").write_bytes(b"a running writer's")
    removed = summary_pages.prune_pdf_cache(cache, frozenset({used}), keep=1)
    assert removed == sorted([f"{stale}.pdf", f"{stale}.{dead}.tmp"])
    left = {p.name for p in cache.iterdir()}
    assert left == {f"{used}.pdf", "notes.pdf", f"{stale}.PDF", f"{stale}.pdf.bak", "README", f"{'c' * 64}.pdf",
                    f"{'d' * 64}.pdf", f"{stale}.{os.getpid()}.tmp", summary_pages.LEDGER}  # fmt: skip
    assert outside.read_bytes() == b"keep me" and (cache / f"{'d' * 64}.pdf" / f"{stale}.pdf").exists()


def test_the_ledger_keeps_the_last_builds_and_an_unreadable_one_counts_as_none(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    a, b, c = "a" * 64, "b" * 64, "c" * 64

    def build(key: str, keep: int) -> list[str]:  # a build that made (or found) its one PDF, then pruned
        (cache / f"{key}.pdf").write_bytes(b"x")
        return summary_pages.prune_pdf_cache(cache, frozenset({key}), keep=keep)

    assert build(a, 3) == [] and build(b, 3) == []
    assert build(a, 3) == []  # the same set again moves to the front, not listed twice: a, b
    assert build(c, 2) == [f"{b}.pdf"]  # the builds: c, a
    assert _pdfs(cache) == {f"{a}.pdf", f"{c}.pdf"}
    (cache / f"{b}.pdf").write_bytes(b"x")
    assert build(c, 0) == []  # 0: keep everything
    (cache / summary_pages.LEDGER).write_text('{"builds": [["../../etc/passwd"], 7]}', encoding="utf-8")
    assert build(c, 2) == [f"{a}.pdf", f"{b}.pdf"]  # an unreadable ledger names no file: only this build's kept
    assert summary_pages.prune_pdf_cache(tmp_path / "missing", frozenset(a)) == []
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize(("value", "keep"), [(None, 2), ("", 2), ("3", 3), ("0", 0), ("all", 0), ("-1", 0), ("２", 0)])
def test_pdf_cache_keep_from_the_environment(value: str | None, keep: int) -> None:
    from generator.options import keep_count

    assert keep_count(value) == keep


class _Counter:
    def __init__(self, warnings: int) -> None:
        self.warnings = warnings

    def get_counts(self) -> list[tuple[str, int]]:
        return [("WARNING", self.warnings)] if self.warnings else []


@pytest.mark.parametrize("warnings", [0, 1])
def test_the_hook_prunes_after_the_whole_site_unless_strict_mode_will_fail_it(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: int
) -> None:
    """MkDocs (and ProperDocs) fail a strict build after the last on_post_build when a warning was logged: the
    hook's on_post_build runs after every plugin's and prunes only when no such warning was counted."""
    import logging

    from generator import mkdocs_bridge
    from generator.build import BuildResult
    from generator.data.problems import ProblemLog
    from generator.options import Options
    from generator.site.write import WriteResult

    cache.mkdir()
    used, stale = cache / f"{'d' * 64}.pdf", cache / f"{'e' * 64}.pdf"
    used.write_bytes(b"x")
    stale.write_bytes(b"x")
    options = Options(data=MINI, out=tmp_path / "out", pdf_cache=cache)
    result = BuildResult(ProblemLog(), None, WriteResult(1, 1, 0), [], frozenset({"d" * 64}))  # what on_config kept
    counter = _Counter(warnings)
    logger = logging.getLogger("mkdocs")
    monkeypatch.setattr(logger, "handlers", [*logger.handlers, counter])
    (tmp_path / "site").mkdir()  # the built site, where on_post_build also writes the CSP snippet
    mkdocs_bridge.on_post_build(
        {mkdocs_bridge.BUILT: (options, result), "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path / "docs")}
    )
    assert used.exists() and stale.exists() == bool(warnings)
    assert mkdocs_bridge.on_post_build.mkdocs_priority < -100  # type: ignore[attr-defined]  # after Material's


def test_a_cache_that_cannot_be_written_is_left_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pruning never fails a build: a ledger that cannot be written (a read-only or full disk) prunes nothing."""
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / f"{'b' * 64}.pdf"
    stale.write_bytes(b"x")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "write_text", refuse)
    assert summary_pages.prune_pdf_cache(cache, frozenset({"a" * 64}), keep=1) == []
    assert stale.exists()


def test_the_share_images_kept_in_the_cache_are_pruned_with_the_pdfs(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The zone pages' share images are cached in the same folder (generator/site/share.py): a build keeps the
    images of the last builds, as it keeps their PDFs, and a renamed zone's old image goes."""
    import re
    import shutil

    monkeypatch.setenv("PDF_CACHE_KEEP", "1")
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(MINI, data)
    assert _generate(data, out, "https://a.example.cn/", monkeypatch) == 0
    first = {p.name for p in cache.glob("share-*.png")}
    assert first
    zone = data / "zones" / "demo-zone" / "zone.yaml"
    zone.write_text(re.sub(r"(?m)^name: .*$", "name: 改过名称的示范区", zone.read_text(encoding="utf-8"), count=1))
    assert _generate(data, out, "https://a.example.cn/", monkeypatch) == 0
    second = {p.name for p in cache.glob("share-*.png")}
    assert len(second) == len(first) and second != first  # one image redrawn, and the old one gone


def test_a_cases_share_card_kept_in_the_cache_goes_when_the_case_is_retitled(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page that names one thing has its own card (generator/site/share.py), pruned like the zone's: a case
    given a new title gets a new card, and its old card leaves the cache."""
    import shutil

    monkeypatch.setenv("PDF_CACHE_KEEP", "1")
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(MINI, data)
    assert _generate(data, out, "https://a.example.cn/", monkeypatch) == 0
    second = {p.name for p in cache.glob("share-*.png")}
    card = out / "share" / "cases" / "demo-case.png"
    old = card.read_bytes()
    case = data / "zones" / "demo-zone" / "cases" / "demo-case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("title: 演示经验", "title: 改过标题的经验", 1))
    assert _generate(data, out, "https://a.example.cn/", monkeypatch) == 0
    third = {p.name: p.read_bytes() for p in cache.glob("share-*.png")}
    assert len(third) == len(second) and [third[n] for n in set(third) - second] == [card.read_bytes()]
    assert old not in third.values() and card.read_bytes() != old
