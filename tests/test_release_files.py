"""Earlier data releases on the open-data page (issue 16, section 3, second bullet): each as-of date that was
published and is no longer current is offered as a dated, citable zip made from that release's data (its last
first-parent commit) with today's download code, or as its raw YAML when today's code cannot read it; cached
by the release's commit. A throwaway repository is made here with fixed dates:

1 2024-07-01 (China) the mini data as of 2024-06-30;
2 2024-08-02 a report value changed (agencies 3 -> 5), and hostile entries in the tree (a folder named `..`,
  a symbolic link to a place outside): release 2024-06-30's final state;
3 2024-10-09 as of 2024-09-30, with a zone file today's code cannot read: release 2024-09-30, raw YAML;
4 2025-01-10 as of 2024-12-31, readable again: the current release (today's downloads).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI

GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]
OUTSIDE = "outside-target"  # where the hostile link points (relative to the materialised folder's parents)


def git(repo: Path, *args: str, when: str = "2024-01-01T00:00:00+00:00", stdin: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    proc = subprocess.run([*GIT, *args], cwd=repo, env=env, check=True, capture_output=True, text=True, input=stdin)
    return proc.stdout.strip()


def commit(repo: Path, message: str, when: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, when=when)
    return git(repo, "rev-parse", "HEAD")


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _hostile(repo: Path, parent: str, when: str) -> str:
    """A commit whose tree is HEAD's with hostile entries in the data folder: a folder named `..` holding a
    YAML file, and a symbolic link `linked.yaml` to a file outside; made with git's plumbing (a work tree
    cannot hold them). HEAD is moved to it; the index keeps the plain tree (the next commit drops them)."""
    blob = git(repo, "hash-object", "-w", "--stdin", stdin="escaped: true\n")
    link = git(repo, "hash-object", "-w", "--stdin", stdin=f"../../{OUTSIDE}")
    inner = git(repo, "mktree", stdin=f"100644 blob {blob}\tescaped.yaml\n")
    data = git(repo, "ls-tree", "HEAD:data") + f"\n040000 tree {inner}\t..\n120000 blob {link}\tlinked.yaml\n"
    data_tree = git(repo, "mktree", stdin=data)
    root = "\n".join(
        f"040000 tree {data_tree}\tdata" if line.endswith("\tdata") else line
        for line in git(repo, "ls-tree", "HEAD").splitlines()
    )
    tree = git(repo, "mktree", stdin=root + "\n")
    sha = git(repo, "commit-tree", tree, "-p", parent, "-m", "report <b> & hostile", when=when)
    git(repo, "update-ref", "refs/heads/main", sha)
    return sha


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    r = tmp_path_factory.mktemp("releases") / "repo"
    shutil.copytree(MINI, r / "data")
    git(r, "init", "-q", "-b", "main")
    shas: dict[str, Any] = {"top": r, "c1": commit(r, "first", "2024-07-01T09:00:00+08:00")}
    replace_once(r / "data/zones/demo-zone/annual/2023.yaml", "  agencies: 3", "  agencies: 5")
    plain = commit(r, "report", "2024-08-02T10:00:00+08:00")
    shas["c2"] = _hostile(r, shas["c1"], "2024-08-02T10:00:00+08:00")
    assert git(r, "rev-parse", f"{plain}^{{tree}}") != git(r, "rev-parse", f"{shas['c2']}^{{tree}}")
    replace_once(r / "data/site.yaml", "as_of: 2024-06-30", "as_of: 2024-09-30")
    broken = r / "data/zones/demo-zone/indicators.yaml"
    shas["good_indicators"] = broken.read_text(encoding="utf-8")
    broken.write_text("indicators: [unclosed\n", encoding="utf-8")
    shas["c3"] = commit(r, "as of September, a broken file", "2024-10-09T10:00:00+08:00")
    broken.write_text(shas["good_indicators"], encoding="utf-8")
    replace_once(r / "data/site.yaml", "as_of: 2024-09-30", "as_of: 2024-12-31")
    shas["c4"] = commit(r, "as of December", "2025-01-10T10:00:00+08:00")
    return shas


def build(repo: dict[str, Any], out: Path, cache: Path, history: bool = True) -> Any:
    from generator.build import build_site_sources
    from generator.options import Options

    top = repo["top"]
    options = Options(data=top / "data", out=out, pdf=False, pdf_cache=cache, history=top if history else None)
    result = build_site_sources(options)
    assert result.written is not None, [str(p) for p in result.log.problems]
    return result


@pytest.fixture(scope="module")
def built(repo: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build(repo, out / "generated", out / "cache")
    return out


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def _tree(repo: dict[str, Any], sha: str) -> dict[str, bytes]:
    """The regular files of the data folder at `sha`, relative to it, read with git."""
    top = repo["top"]
    out = {}
    for line in git(top, "ls-tree", "-r", "-z", sha, "--", "data").split("\0"):
        if not line:
            continue
        meta, path = line.split("\t", 1)
        if meta.split()[0] in ("100644", "100755") and ".." not in path.split("/"):
            rel = path.removeprefix("data/")
            out[rel] = subprocess.run(["git", "show", f"{sha}:{path}"], cwd=top, check=True, capture_output=True).stdout
    return out


def test_exactly_the_earlier_releases_are_listed_newest_first(repo: dict[str, Any], built: Path) -> None:
    page = (built / "generated/data/index.md").read_text(encoding="utf-8")
    section = page[page.index("{ #data-releases }") :]
    first = section.index("截至 2024 年 12 月 31 日")
    second = section.index("截至 2024 年 9 月 30 日")
    third = section.index("截至 2024 年 6 月 30 日")
    assert first < second < third
    assert "2024 年 6 月 30 日" not in section[:second]
    assert section.count("releases/zones-data-") == 2 * 2  # each earlier release: its link and its citation
    assert "（releases/zones-data-2024-06-30.zip）" not in section  # links, not text
    # the release of 2024-06-30: its last commit (the second, 2 August), readable
    assert f"{repo['c2'][:7]}" in section and "2024 年 8 月 2 日" in section
    assert "(releases/zones-data-2024-06-30.zip)" in section
    # the release of 2024-09-30: the third commit, unreadable: the raw YAML and why
    assert f"{repo['c3'][:7]}" in section and "2024 年 10 月 9 日" in section
    assert "(releases/zones-data-2024-09-30-yaml.zip)" in section
    assert repo["c1"][:7] not in section and repo["c4"][:7] not in section
    files = sorted(p.name for p in (built / "generated/data/releases").iterdir())
    assert files == ["zones-data-2024-06-30.zip", "zones-data-2024-09-30-yaml.zip"]
    for name in files:
        size = (built / "generated/data/releases" / name).stat().st_size
        assert _size_text(size) in section, (name, size)


def _size_text(size: int) -> str:
    from generator import i18n
    from generator.site.release_files import size_text

    with i18n.use("zh_CN"):
        return size_text(size)


def _problems(repo: dict[str, Any], sha: str, tmp: Path) -> int:
    """The errors today's loader and checker find in the data folder at `sha` (extracted with git archive)."""
    from generator.data.load import load_data
    from generator.data.problems import Severity
    from generator.data.validate import validate_data
    from generator.diff import read_base

    folder = read_base(repo["top"] / "data", sha, tmp)
    _catalog, log = validate_data(load_data(folder))
    return log.count(Severity.ERROR)


def test_an_unreadable_release_is_its_raw_yaml_with_a_note(repo: dict[str, Any], built: Path, tmp_path: Path) -> None:
    files = _zip(built / "generated/data/releases/zones-data-2024-09-30-yaml.zip")
    readme = files.pop("README.txt").decode("utf-8")
    assert files == {f"data/{k}": v for k, v in _tree(repo, repo["c3"]).items()}
    count = _problems(repo, repo["c3"], tmp_path)
    assert count >= 1
    assert repo["c3"] in readme and "截至 2024 年 9 月 30 日" in readme and f"{count} 个问题" in readme
    page = (built / "generated/data/index.md").read_text(encoding="utf-8")
    note = next(line for line in page.splitlines() if "2024-09-30-yaml.zip" in line and "问题" in line)
    assert f"{count} 个问题" in note and "原始数据" in note


def test_a_readable_release_is_todays_downloads_of_its_last_commit(repo: dict[str, Any], built: Path) -> None:
    from generator import i18n
    from generator.data.history import materialised, read_history
    from generator.data.load import load_data
    from generator.data.validate import validate_data
    from generator.site.download_files import download_files

    files = _zip(built / "generated/data/releases/zones-data-2024-06-30.zip")
    readme = files.pop("README.txt").decode("utf-8")
    assert repo["c2"] in readme and "截至 2024 年 6 月 30 日" in readme and "2024 年 8 月 2 日" in readme
    values = csv.DictReader(io.StringIO(files["zones-indicators.csv"].decode("utf-8-sig")))
    agencies = [row for row in values if row["indicator"] == "agencies" and row["year"] == "2023"]
    assert [row["value"] for row in agencies] == ["5"]  # the final state (commit 2), not the first (3)
    history = read_history(repo["top"])
    with materialised(history, repo["c2"], "data") as folder, i18n.use("zh_CN"):
        catalog, log = validate_data(load_data(folder))
        assert catalog is not None and not log.failing(False)
        expected = download_files(catalog, catalog.site.site_url)
    assert files == {k.removeprefix("data/"): v for k, v in expected.items()}
    assert "linked.yaml" not in str(sorted(files)) and "escaped" not in str(sorted(files))


def test_hostile_paths_never_escape(repo: dict[str, Any], tmp_path: Path) -> None:
    from generator.data.history import read_history, safe_tree_files, write_tree

    history = read_history(repo["top"])
    assert history is not None
    into = tmp_path / "a" / "b"
    into.mkdir(parents=True)
    (tmp_path / OUTSIDE).write_text("secret\n", encoding="utf-8")
    entries, skipped = safe_tree_files(history, repo["c2"], "data")
    assert sorted(skipped) == ["data/../escaped.yaml", "data/linked.yaml"]
    assert all(".." not in path.split("/") for path, _ in entries)
    folder = write_tree(history, entries, "data", into)
    assert folder == into / "data"
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        [OUTSIDE] + [f"a/b/data/{rel}" for rel in _tree(repo, repo["c2"])]
    )
    assert not any(p.is_symlink() for p in into.rglob("*"))
    assert (tmp_path / OUTSIDE).read_text(encoding="utf-8") == "secret\n"


def test_the_same_commits_give_the_same_bytes_and_a_rebuild_uses_the_cache(
    repo: dict[str, Any], built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.site import release_files

    again = tmp_path / "again"
    build(repo, again / "generated", again / "cache")  # another cache: made afresh
    first = sorted((built / "generated/data/releases").iterdir())
    assert [p.read_bytes() for p in first] == [(again / "generated/data/releases" / p.name).read_bytes() for p in first]
    cached = sorted(p.name for p in (again / "cache").iterdir() if p.name.startswith("release-"))
    assert len(cached) == 2 and all(name.endswith(".zip") for name in cached)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached release was made again")

    monkeypatch.setattr(release_files, "make_release_zip", refuse)
    build(repo, tmp_path / "third" / "generated", again / "cache")
    assert [p.read_bytes() for p in first] == [
        (tmp_path / "third/generated/data/releases" / p.name).read_bytes() for p in first
    ]


def test_pruning_removes_the_releases_no_recent_build_used(tmp_path: Path) -> None:
    from generator.site.summary_pages import prune_pdf_cache

    old, kept = "a" * 64, "b" * 64
    for key in (old, kept):
        (tmp_path / f"release-{key}.zip").write_bytes(b"x")
    assert prune_pdf_cache(tmp_path, frozenset({kept}), keep=1) == [f"release-{old}.zip"]
    assert (tmp_path / f"release-{kept}.zip").is_file()


def test_without_history_the_page_says_earlier_releases_cannot_be_listed(repo: dict[str, Any], tmp_path: Path) -> None:
    build(repo, tmp_path / "generated", tmp_path / "cache", history=False)
    page = (tmp_path / "generated/data/index.md").read_text(encoding="utf-8")
    section = page[page.index("{ #data-releases }") :]
    assert "无法列出以前各版数据" in section and "releases/" not in section
    assert not (tmp_path / "generated/data/releases").exists()


def test_a_tree_that_names_a_path_twice_is_left_out_without_failing(tmp_path: Path) -> None:
    """git's plumbing makes trees a work tree cannot hold: one name twice (two files), and one name as a file
    and as a folder. Such names are left out (which of them is meant is not knowable); the rest is written."""
    from generator.data.history import materialised, read_history, safe_tree_files

    r = tmp_path / "repo"
    (r / "data").mkdir(parents=True)
    (r / "data" / "site.yaml").write_text("as_of: 2024-06-30\n", encoding="utf-8")
    git(r, "init", "-q", "-b", "main")
    commit(r, "first", "2024-07-01T09:00:00+08:00")
    one = git(r, "hash-object", "-w", "--stdin", stdin="v: 1\n")
    two = git(r, "hash-object", "-w", "--stdin", stdin="v: 2\n")
    inner = git(r, "mktree", stdin=f"100644 blob {one}\tinner.yaml\n")
    data = git(r, "ls-tree", "HEAD:data") + (
        f"\n100644 blob {one}\ttwice.yaml\n100644 blob {two}\ttwice.yaml\n100644 blob {one}\tboth\n040000 tree {inner}\tboth\n"
    )
    root = git(r, "mktree", stdin=f"040000 tree {git(r, 'mktree', stdin=data)}\tdata\n")
    sha = git(r, "commit-tree", root, "-p", "HEAD", "-m", "twice", when="2024-08-01T00:00:00+08:00")
    history = read_history(r)
    assert history is not None
    files, skipped = safe_tree_files(history, sha, "data")
    assert [path for path, _blob in files] == ["data/site.yaml"]
    assert skipped == ["data/both", "data/both/inner.yaml", "data/twice.yaml", "data/twice.yaml"]
    with materialised(history, sha, "data") as folder:
        assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == ["site.yaml"]
