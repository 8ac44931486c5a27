"""The revisions of the published values (issue 16, generator/data/revisions.py): read from a throwaway repository
made here with fixed dates — a value changed twice (once by a merged pull request whose title is in the merge's
body), a value removed, values only written differently, a version that does not parse, a year file deleted and
written again, a hostile commit title — and checked as an exact list; the same commits give the same list."""

from __future__ import annotations

import datetime as dt
import os
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
