"""The write stage: exact output, unchanged files untouched (so live reload settles), stale files removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.write import MARKER, write_files


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_second_write_of_the_same_files_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    first = write_files(out, {"a.md": b"A", "zones/b.md": b"B"})
    assert (first.total, first.changed, first.removed) == (2, 2, 0)
    before = snapshot(out)
    again = write_files(out, {"a.md": b"A", "zones/b.md": b"B"})
    assert again.changed == 0 and snapshot(out) == before


def test_stale_files_are_removed_and_changes_written(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    write_files(out, {"a.md": b"A", "zones/b.md": b"B"})
    result = write_files(out, {"a.md": b"A2"})
    assert (result.changed, result.removed) == (1, 1)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [MARKER, "a.md"]


def test_refuses_a_foreign_folder_and_escaping_paths(tmp_path: Path) -> None:
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "precious.md").write_text("x")
    with pytest.raises(RuntimeError):
        write_files(foreign, {"a.md": b"A"})
    with pytest.raises(ValueError):
        write_files(tmp_path / "gen", {"../evil.md": b"x"})
    assert not (tmp_path / "evil.md").exists()
