"""The repository's history, read in the load stage: what was published, when (issue 15; issue 16 reuses it).

"Published" means present on a first-parent commit of the checked-out branch (main: each merged pull request
is one first-parent commit). `read_history` runs ONE `git log --first-parent --name-only` over the work tree
and parses it once: every first-parent commit, newest first, with its committer date and the files it
touched (a merge counts the files it changed against its first parent). Pages ask it for the newest commit
that touched the files behind them (`last_change`); later work reads a file's content at an old commit
(`read`, one `git cat-file --batch` for any number of files and commits).

No history is a normal case, never an error: an archive without .git, git missing, a shallow clone (its
oldest commit would seem to add every file) or a data folder outside the work tree all give None (or no
commit for those files), and the pages fall back to the data's as-of date and say so. Nothing here reads the
clock: the same commits give the same answers. Dates are the committer's, as a day in China (UTC+8).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

CHINA = dt.timezone(dt.timedelta(hours=8))
_START = "\x1e"  # starts a commit's header in the log's output (paths are NUL-terminated: -z)
_FIELD = "\x1f"
_FORMAT = f"--format={_START}%H{_FIELD}%cI{_FIELD}%s"
_V = TypeVar("_V")


@dataclass(frozen=True)
class Commit:
    sha: str
    when: dt.datetime  # the committer date (a merge's: when it was merged)
    subject: str  # the first line of the message: untrusted text, escape it where it is shown
    paths: frozenset[str]  # the files it touched, relative to the work tree's top, as git names them

    @property
    def day(self) -> dt.date:
        """The day it was committed, in China."""
        return self.when.astimezone(CHINA).date()

    def touches(self, prefixes: Iterable[str]) -> bool:
        return any(_under(path, prefix) for prefix in prefixes for path in self.paths)


def _under(path: str, prefix: str) -> bool:
    """`path` is `prefix` or inside the folder `prefix` ("" is the whole tree)."""
    prefix = prefix.rstrip("/")
    return not prefix or path == prefix or path.startswith(prefix + "/")


@dataclass(frozen=True)
class History:
    top: Path  # the work tree's top folder
    commits: tuple[Commit, ...]  # the first-parent commits of HEAD, newest first

    def rel(self, path: Path) -> str | None:
        """`path` relative to the top, as git names it; None outside the work tree."""
        try:
            rel = path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return None
        return "" if rel == "." else rel

    def touching(self, *prefixes: str) -> tuple[Commit, ...]:
        """The commits that touched a file at or under any of `prefixes`, newest first."""
        return tuple(c for c in self.commits if c.touches(prefixes))

    def last_change(self, *prefixes: str) -> Commit | None:
        """The newest commit that touched a file at or under any of `prefixes`; None if none did."""
        return next((c for c in self.commits if c.touches(prefixes)), None)

    def read(self, wanted: Sequence[tuple[str, str]]) -> list[bytes | None]:
        """The content of each (commit, path) in `wanted`, None where the file did not exist at that commit:
        one `git cat-file --batch` for all of them."""
        if not wanted:
            return []
        request = "".join(f"{sha}:{path}\n" for sha, path in wanted).encode("utf-8")
        out = _git(self.top, "cat-file", "--batch", stdin=request)
        if out is None:
            return [None] * len(wanted)
        found: list[bytes | None] = []
        at = 0
        for _ in wanted:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                found.append(out[at : at + size])
                at += size + 1  # the content, then a newline
            else:  # "<name> missing", or not a file
                found.append(None)
        return found


def _git(where: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        proc = subprocess.run(["git", *args], cwd=where, input=stdin, capture_output=True, check=False)
    except OSError:  # git is not installed
        return None
    return proc.stdout if proc.returncode == 0 else None


def read_history(where: Path) -> History | None:
    """The history of the git work tree that holds `where`; None without one (no .git, no git, a shallow
    clone, no commit yet)."""
    if not where.is_dir():
        return None
    about = _git(where, "rev-parse", "--is-shallow-repository", "--show-toplevel")
    if about is None:
        return None
    shallow, _sep, top = about.decode("utf-8", "replace").partition("\n")
    if shallow.strip() != "false" or not top.strip():
        return None
    root = Path(top.strip()).resolve()
    log = _git(root, "-c", "core.quotepath=off", "log", "--first-parent", "--diff-merges=first-parent",
               "--no-renames", "-z", "--name-only", _FORMAT, "HEAD", "--")  # fmt: skip
    if log is None:
        return None
    return History(root, tuple(parse_log(log.decode("utf-8", "replace"))))


def parse_log(text: str) -> list[Commit]:
    """The commits of `git log -z --name-only` with `_FORMAT`, in its order."""
    commits: list[Commit] = []
    header: list[str] | None = None
    paths: list[str] = []

    def close() -> None:
        if header is not None:
            sha, when, subject = header
            commits.append(Commit(sha, dt.datetime.fromisoformat(when), subject, frozenset(paths)))

    for token in text.split("\0"):
        token = token.lstrip("\n")
        if token.startswith(_START):
            close()
            header = token[1:].split(_FIELD, 2)
            paths = []
        elif token:
            paths.append(token)
    close()
    return commits


# --- issue 16 (§3, second bullet): the data releases, and an old commit's data folder on disk -------------------
# Added for the earlier data releases of the open-data page (generator/site/release_files.py). A release is an
# as-of date; its commits are the first-parent commits that carried it (`carried`: runs of a file's value along
# the history). An old commit's data folder is written into a temporary folder of ours by `materialised`: git's
# names are untrusted (a tree made with git's plumbing may hold `..`, a link to anywhere, a name with a line
# break), so only regular files with plain names are written, each opened without following a link and checked
# to be inside the folder; symbolic links and submodules are left out, never followed.


def carried(history: History, path: str, value: Callable[[bytes | None], _V | None]) -> list[tuple[_V, Commit, Commit]]:
    """The runs of the value `value` gives the file `path` along the first-parent commits, oldest first: (the
    value, the first commit that carried it, the last commit that still did). A commit that did not touch `path`
    carries its parent's value; a commit whose version gives None carries none (it ends a run). The file is read
    at the commits that touched it, in one call."""
    oldest_first = history.commits[::-1]
    touching = [c for c in oldest_first if c.touches((path,))]
    read = dict(zip((c.sha for c in touching), history.read([(c.sha, path) for c in touching]), strict=True))
    runs: list[tuple[_V, Commit, Commit]] = []
    now: _V | None = None
    for commit in oldest_first:
        if commit.sha in read:
            new = value(read[commit.sha])
            if new is not None and new != now:
                runs.append((new, commit, commit))
            now = new
        if now is not None:  # the run of `now` is the last one: it goes on to this commit
            runs[-1] = (runs[-1][0], runs[-1][1], commit)
    return runs


_FILE_MODES = frozenset({"100644", "100755"})


def _plain(part: str) -> bool:
    """A path part that names nothing but itself: not empty, not `.` or `..`, no backslash, no control character."""
    return part not in ("", ".", "..") and "\\" not in part and all(ord(c) >= 0x20 and ord(c) != 0x7F for c in part)


def safe_tree_files(history: History, sha: str, prefix: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The regular files at or under `prefix` (a folder, "" the whole tree) in commit `sha`'s tree, as (path,
    blob id) sorted by path, and the paths left out (sorted): symbolic links, submodules and every path with a
    part that is not plain (`_plain`). One `git ls-tree`; ([], []) when git cannot list the tree."""
    spec = [prefix] if prefix else []
    out = _git(history.top, "--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", sha, "--", *spec)
    if out is None:
        return [], []
    files: list[tuple[str, str]] = []
    skipped: list[str] = []
    for record in out.decode("utf-8", "surrogateescape").split("\0"):
        if not record:
            continue
        meta, _tab, path = record.partition("\t")
        mode, _kind, blob = [*meta.split(), "", "", ""][:3]
        inside = _under(path, prefix)
        if inside and mode in _FILE_MODES and all(_plain(part) for part in path.split("/")) and path.isprintable():
            files.append((path, blob))
        elif inside:
            skipped.append(path)
    # a tree made with git's plumbing may name a path twice, or as a file and as a folder: which one is meant is
    # not knowable, so every such path is left out
    counts = Counter(path for path, _blob in files)
    folders = {path.rsplit("/", 1)[0] for path, _blob in files if "/" in path}
    folders = {"/".join(parent.split("/")[: i + 1]) for parent in folders for i in range(parent.count("/") + 1)}
    clash = {path for path, count in counts.items() if count > 1 or path in folders}
    clash |= {path for path, _blob in files if any(_under(path, other) and path != other for other in clash)}
    skipped += [path for path, _blob in files if path in clash]
    return sorted(f for f in files if f[0] not in clash), sorted(skipped)


def _blobs(top: Path, ids: Sequence[str]) -> list[bytes] | None:
    """The content of each blob in `ids` (hex object names): one `git cat-file --batch`; None if git fails."""
    if not ids:
        return []
    out = _git(top, "cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in ids).encode("ascii"))
    if out is None:
        return None
    found: list[bytes] = []
    at = 0
    for _ in ids:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            return None
        size = int(header[2])
        found.append(out[at : at + size])
        at += size + 1
    return found


def write_tree(history: History, files: Sequence[tuple[str, str]], prefix: str, into: Path) -> Path:
    """Write `files` (from `safe_tree_files`: paths at or under `prefix`) into the existing folder `into`, each at
    its path below it, and return the folder that `prefix` became there. A path that is not plain, or that would
    land outside `into`, go through a link or on a name already written, is not written (OSError when git cannot
    read the files or a file cannot be written)."""
    top = into.resolve()
    contents = _blobs(history.top, [blob for _path, blob in files])
    if contents is None:
        raise OSError(f"git cannot read the files of {prefix or '.'}")
    for (path, _blob), content in zip(files, contents, strict=True):
        parts = path.split("/")
        if not all(_plain(part) for part in parts):
            continue
        target = top.joinpath(*parts)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.parent.resolve() != target.parent or not target.parent.is_relative_to(top):
                continue  # a link on the way (never made here): not written
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(target, flags, 0o644)
        except (FileExistsError, NotADirectoryError):  # a name taken already (`safe_tree_files` leaves none)
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    folder = top.joinpath(*prefix.split("/")) if prefix else top
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def materialised(history: History, sha: str, prefix: str) -> Iterator[Path]:
    """The folder `prefix` as it was at commit `sha`, written into a temporary folder of ours (removed after):
    its regular files with plain names only (`safe_tree_files`, `write_tree`)."""
    files, _skipped = safe_tree_files(history, sha, prefix)
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        yield write_tree(history, files, prefix, Path(tmp))


# --- issue 16: the title of each change (a merged pull request's own title) ----------------------------------

_TITLE_FORMAT = f"--format={_START}%H{_FIELD}%P{_FIELD}%s{_FIELD}%b"
_PULL_MERGE = re.compile(r"Merge pull request #\d+ from \S+")
TITLE_MAX = 200  # characters of a title kept (a longer one is cut, with …)
# what a title may not carry into a page or a feed: control characters (XML 1.0 refuses most of them) and the
# non-characters U+FFFE and U+FFFF; white space is made one space instead
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def read_titles(history: History) -> dict[str, str]:
    """Each first-parent commit's title, by its sha: for GitHub's merge of a pull request (the subject "Merge
    pull request #N from owner/branch", the pull request's title as the first line of the body), that title;
    for any other commit its subject. One more `git log` (issue 15's format is left as it is). The titles are
    untrusted text: escape them where they are shown. {} when git fails."""
    out = _git(history.top, "-c", "i18n.logOutputEncoding=UTF-8", "log", "--first-parent", "-z", _TITLE_FORMAT,
               "HEAD", "--")  # fmt: skip
    if out is None:
        return {}
    titles: dict[str, str] = {}
    for token in out.decode("utf-8", "replace").split("\0"):
        token = token.lstrip("\n")
        if not token.startswith(_START):
            continue
        sha, parents, subject, body = [*token[1:].split(_FIELD, 3), "", "", ""][:4]
        titles[sha] = change_title(subject, len(parents.split()), body)
    return titles


def change_title(subject: str, parents: int, body: str) -> str:
    """A commit's title (see `read_titles`), on one line, printable, at most TITLE_MAX characters."""
    title = subject
    if parents > 1 and _PULL_MERGE.fullmatch(subject.strip()):
        title = next((line for line in body.splitlines() if line.strip()), subject)
    title = " ".join(_UNPRINTABLE.sub("", title).split())
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"
