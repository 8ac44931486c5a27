"""The history reader (generator/data/history.py, issue 15; issue 16's revisions reuse it): one `git log` over a
small throwaway repository made here, with fixed dates, a side branch merged (first parent only) and files
read back at old commits. No history (a plain folder, a shallow clone, git missing) is None, never an error."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest


def read_history(where: Path) -> Any:
    from generator.data.history import read_history as read

    return read(where)


GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str, when: str = "2024-01-01T00:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    proc = subprocess.run([*GIT, *args], cwd=repo, env=env, check=True, capture_output=True, text=True)
    return proc.stdout.strip()


def commit(repo: Path, files: dict[str, str], message: str, when: str) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, when=when)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> dict[str, str]:
    """main: c1 (data a, b; page), c2 (data a), then a side branch with s1 (zone b) merged as m; c3 the page.
    Returns the commits by name."""
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    shas = {"c1": commit(r, {"data/a.yaml": "as_of: 2024-01-01\n", "data/zones/b/z.yaml": "v: 1\n",
                             "docs/page.md": "x\n"}, "first", "2024-01-10T08:00:00+00:00")}  # fmt: skip
    shas["c2"] = commit(r, {"data/a.yaml": "as_of: 2024-03-31\n"}, "second", "2024-03-31T20:00:00+00:00")
    git(r, "checkout", "-qb", "side", shas["c1"])
    shas["s1"] = commit(r, {"data/zones/b/z.yaml": "v: 2\n"}, "side <b>", "2024-02-01T00:00:00+00:00")
    git(r, "checkout", "-q", "main")
    git(r, "merge", "-q", "--no-ff", "-m", "Merge pull request #7: zone b", "side", when="2024-04-05T01:00:00+00:00")
    shas["m"] = git(r, "rev-parse", "HEAD")
    shas["c3"] = commit(r, {"docs/page.md": "y\n"}, "page", "2024-05-01T00:00:00+08:00")
    shas["top"] = str(r)
    return shas


def test_first_parent_commits_newest_first_with_the_files_they_touched(repo: dict[str, str]) -> None:
    history = read_history(Path(repo["top"]) / "data")
    assert history is not None
    assert history.top == Path(repo["top"]).resolve()
    assert [c.sha for c in history.commits] == [repo["c3"], repo["m"], repo["c2"], repo["c1"]]  # not s1
    merge = history.commits[1]
    assert merge.subject == "Merge pull request #7: zone b"
    assert merge.paths == {"data/zones/b/z.yaml"}  # against its first parent
    assert history.commits[3].paths == {"data/a.yaml", "data/zones/b/z.yaml", "docs/page.md"}


def test_the_newest_commit_behind_a_set_of_files_and_its_day_in_china(repo: dict[str, str]) -> None:
    history = read_history(Path(repo["top"]))
    assert history is not None
    zone = history.last_change("data/zones/b")
    assert zone is not None and zone.sha == repo["m"]  # the merge date, not the side commit's
    assert zone.day == dt.date(2024, 4, 5)
    data = history.last_change("data")
    assert data is not None and data.sha == repo["m"]
    as_of = history.last_change("data/a.yaml")
    assert as_of is not None and as_of.day == dt.date(2024, 4, 1)  # 20:00 UTC is the next morning in China
    page = history.last_change("docs/page.md")
    assert page is not None and page.day == dt.date(2024, 5, 1)
    assert history.last_change("data/zones/b/z") is None  # a prefix is a folder or a file, not a string prefix
    assert [c.sha for c in history.touching("data/a.yaml")] == [repo["c2"], repo["c1"]]
    assert history.rel(Path(repo["top"]) / "data" / "a.yaml") == "data/a.yaml"
    assert history.rel(Path(repo["top"]).parent) is None


def test_files_are_read_back_at_old_commits_in_one_call(repo: dict[str, str]) -> None:
    history = read_history(Path(repo["top"]))
    assert history is not None
    got = history.read([(repo["c1"], "data/a.yaml"), (repo["c2"], "data/a.yaml"), (repo["c1"], "data/none.yaml"),
                        (repo["m"], "data/zones/b/z.yaml"), (repo["c1"], "data/zones/b/z.yaml")])  # fmt: skip
    assert got == [b"as_of: 2024-01-01\n", b"as_of: 2024-03-31\n", None, b"v: 2\n", b"v: 1\n"]


def test_the_same_commits_give_the_same_history(repo: dict[str, str]) -> None:
    assert read_history(Path(repo["top"])) == read_history(Path(repo["top"]) / "docs")


def test_no_history_is_none(repo: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "archive"
    plain.mkdir()
    assert read_history(plain) is None  # an archive: no .git
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo['top']}", str(shallow))
    assert read_history(shallow) is None  # its one commit would seem to add every file
    from generator.data import history as history_module

    monkeypatch.setattr(history_module.subprocess, "run", _no_git)
    assert read_history(Path(repo["top"])) is None


def _no_git(*args: object, **kwargs: object) -> None:
    raise FileNotFoundError("git")
