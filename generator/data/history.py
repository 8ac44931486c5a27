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

import datetime as dt
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

CHINA = dt.timezone(dt.timedelta(hours=8))
_START = "\x1e"  # starts a commit's header in the log's output (paths are NUL-terminated: -z)
_FIELD = "\x1f"
_FORMAT = f"--format={_START}%H{_FIELD}%cI{_FIELD}%s"


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
