"""The revisions of the published values, from the repository's history (issue 16), read in the load stage.

"Published" means present on a first-parent commit of the built branch (generator/data/history.py). Every
annual value file (`zones/<zone>/annual/<year>.yaml`, layout.ANNUAL) is read at every first-parent commit that
touched it, all in ONE `git cat-file --batch`, and parsed leniently: a version that does not parse (or is not
a mapping of values) is skipped and counted, never an error; the next readable version is compared with the
last readable one. For each (zone, year, indicator) value, its history starts at the first commit that holds
it; every later change is a revision: the commit's day in China, the old and the new value as the editor
wrote them, and the change's title (a merged pull request's title, history.read_titles).

What counts as a change: the values are compared as what they say, not how they are written: two numbers are
the same when they are equal (1.50 and 1.5, 1576.0 and 1576), a text or a marker (not available, not applicable) when it is the
same after its runs of white space are made one space; a value written with a note (`{value: 12, note: …}`)
is the same value as `12`. A value removed from a file that still exists is a revision (its new value None);
one added back later is one too. A file deleted (a year or zone removed, a zone folder renamed) records no
removals: the pages of that year are gone, and the data release's news says what was deleted (generator/diff.py).

No history (None from read_history, or a data folder outside the work tree) gives None: the pages say so and
never guess. Nothing here reads the clock: the same commits give the same revisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from generator.data.history import History, read_titles
from generator.data.layout import ANNUAL
from generator.data.load import parse_text
from generator.data.types import parse_number

ValueKey = tuple[str, int, str]  # (zone id, year, indicator id)


@dataclass(frozen=True)
class Revision:
    """One change of one published value by one first-parent commit."""

    zone: str
    year: int
    indicator: str
    sha: str
    day: dt.date  # the commit's day in China
    old: str | None  # as the editor wrote it; None: there was no value (it had been removed)
    new: str | None  # None: removed
    title: str  # the change's title: untrusted text, escape it where it is shown

    @property
    def key(self) -> ValueKey:
        return (self.zone, self.year, self.indicator)


@dataclass(frozen=True)
class Published:
    """Where a value's history starts: the first first-parent commit that holds it."""

    sha: str
    day: dt.date
    value: str


@dataclass(frozen=True)
class Revisions:
    changes: tuple[Revision, ...]  # newest first (the commit's place in the history, then zone, year, indicator)
    first: Mapping[ValueKey, Published] = field(default_factory=dict)  # every value ever published
    commits: int = 0  # the first-parent commits that touched an annual file (what was read, for the README)
    files: int = 0  # the annual files ever touched
    reads: int = 0  # the (commit, file) versions read, in one git cat-file --batch
    skipped: int = 0  # the versions that could not be read as values

    def of(self, zone: str, year: int, indicator: str) -> tuple[Revision, ...]:
        """The revisions of one value, newest first."""
        return self._by_key().get((zone, year, indicator), ())

    def of_zone(self, zone: str) -> tuple[Revision, ...]:
        return tuple(r for r in self.changes if r.zone == zone)

    def _by_key(self) -> dict[ValueKey, tuple[Revision, ...]]:
        cached: dict[ValueKey, tuple[Revision, ...]] | None = self.__dict__.get("_cache")
        if cached is None:
            grouped: dict[ValueKey, list[Revision]] = {}
            for revision in self.changes:
                grouped.setdefault(revision.key, []).append(revision)
            cached = {key: tuple(found) for key, found in grouped.items()}
            object.__setattr__(self, "_cache", cached)
        return cached


def read_revisions(history: History, data: str | None) -> Revisions | None:
    """The revisions of the values in the annual files below `data` (the data folder relative to the history's
    top, "" for the top itself); None when the data folder is outside the work tree."""
    if data is None:
        return None
    files: dict[str, tuple[str, int]] = {}  # path -> (zone, year)
    for commit in history.commits:
        for path in commit.paths:
            where = _annual(path, data)
            if where is not None:
                files[path] = where
    order = {c.sha: place for place, c in enumerate(history.commits)}  # 0: the newest
    wanted = [(c.sha, path) for path in sorted(files) for c in reversed(history.commits) if path in c.paths]
    contents = history.read(wanted)
    titles = read_titles(history) if wanted else {}
    days = {c.sha: c.day for c in history.commits}
    subjects = {c.sha: c.subject for c in history.commits}
    changes: list[Revision] = []
    first: dict[ValueKey, Published] = {}
    skipped = 0
    last: dict[str, dict[str, str]] = {}  # path -> its last readable values
    for (sha, path), content in zip(wanted, contents, strict=True):
        if content is None:  # deleted at this commit: no removals (see above); a later version compares with the last
            continue
        values = _values(content, path)
        if values is None:
            skipped += 1
            continue
        zone, year = files[path]
        before = last.get(path)
        title = titles.get(sha, subjects[sha])
        for indicator in sorted(set(values) | set(before or {})):
            key = (zone, year, indicator)
            old, new = (before or {}).get(indicator), values.get(indicator)
            if key not in first:
                if new is not None:
                    first[key] = Published(sha, days[sha], new)
                continue
            if not same(old, new):
                changes.append(Revision(zone, year, indicator, sha, days[sha], old, new, title))
        last[path] = values
    changes.sort(key=lambda r: (order[r.sha], r.zone, r.year, r.indicator))
    commits = len({sha for sha, _path in wanted})
    return Revisions(tuple(changes), first, commits, len(files), len(wanted), skipped)


def _annual(path: str, data: str) -> tuple[str, int] | None:
    """(zone, year) of an annual value file's path (relative to the top), else None."""
    if data:
        if not path.startswith(data.rstrip("/") + "/"):
            return None
        path = path[len(data.rstrip("/")) + 1 :]
    ids = ANNUAL.match(tuple(path.split("/")))
    if ids is None or not ids["year"].isdigit():
        return None
    return ids["zone"], int(ids["year"])


def _values(content: bytes, path: str) -> dict[str, str] | None:
    """A version's values, each as written (a number, a text or a marker); None when it cannot be read."""
    doc = parse_text(content, path)
    if not doc.ok or not isinstance(doc.data, dict):
        return None
    values = doc.data.get("values", {})
    if values is None:
        return {}
    if not isinstance(values, dict):
        return None
    out: dict[str, str] = {}
    for indicator, entry in values.items():
        if isinstance(entry, dict):
            entry = entry.get("value") if entry.get("value") is not None else entry.get("marker")
        if isinstance(indicator, str) and isinstance(entry, str) and entry.strip():
            out[indicator] = entry.strip()
    return out


def same(old: str | None, new: str | None) -> bool:
    """Whether two written values say the same (see the module's docstring)."""
    if old is None or new is None:
        return old is new
    a, b = _number(old), _number(new)
    if a is not None and b is not None:
        return a == b
    return " ".join(old.split()) == " ".join(new.split())


def _number(text: str) -> Decimal | None:
    try:
        return parse_number(text)
    except (ValueError, ArithmeticError):
        return None
