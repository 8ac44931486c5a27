"""The date each page's content last changed (issue 15: the quarterly checks fail a site whose pages are
undated or unchanged for weeks), from the repository's history (generator/data/history.py), never the clock.

A page's date is the newest first-parent commit that touched the files behind it:

- a zone's pages (`zones/<id>/…`: the zone page and its annual summaries) and its cases (`cases/<slug>`): the
  zone's folder, `zones/<id>/` of the data (its ranks among the zones may move with other zones' data; the date
  is that of its own);
- every other generated page (home, lists, indicators, progress, analysis, policy, news posts, downloads, the
  editors' field reference): the whole data folder;
- a hand-written page of the docs folder (about, the editors' guide, a news post written by hand): its own
  Markdown file;
- the news index and the blog's own pages (archive, categories): the data folder and the docs folder's news/.

Without history (an archive, no git, a shallow clone, files outside the work tree, or files no commit touched
yet), a page is dated by the data's as-of date and says so (`Updated.from_history` is False).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.data.history import History
from generator.data.posts import HandPost
from generator.data.revisions import Revisions
from generator.i18n import _, pgettext
from generator.site.figures import date_text
from generator.site.paths import NEWS, NEWS_INDEX

if TYPE_CHECKING:
    from generator.site.release_files import ReleaseFile


@dataclass(frozen=True)
class Updated:
    day: dt.date
    from_history: bool  # False: the as-of date, for want of history


@dataclass(frozen=True)
class Release:
    """A data release: a first-parent commit that set a new as-of date in site.yaml (issue 15). Its news post
    says what changed since the previous release: generator/diff.py's sections, from the data at the commit
    where the as-of date last changed to the data at this one (build.py)."""

    as_of: dt.date
    previous: dt.date | None  # the previous release's as-of date; None for the first
    changes: tuple[str, ...] | None  # the summary's Markdown lines (values escaped there); None: not comparable

    @property
    def slug(self) -> str:
        return f"data-release-{self.as_of.isoformat()}"


def release_title(release: Release) -> str:
    return pgettext("news", "Data update: the data as of %(date)s", date=date_text(release.as_of))


def release_category() -> str:
    return pgettext("news", "Data updates")


def release_text(release: Release) -> str:
    """The release's sentence (the post's first paragraph, the feed's summary)."""
    if release.previous is None:
        return _("The site published its data as of %(date)s.", date=date_text(release.as_of))
    if release.changes is None:
        return _(
            "The site's data was updated to %(date)s (the previous data was as of %(previous)s).",
            date=date_text(release.as_of), previous=date_text(release.previous),
        )  # fmt: skip
    return _(
        "The site's data was updated to %(date)s. What changed since the previous data (as of %(previous)s) is "
        "listed below.",
        date=date_text(release.as_of), previous=date_text(release.previous),
    )  # fmt: skip


def updated_text(updated: Updated) -> str:
    """The site's latest change, for the home page."""
    if updated.from_history:
        return _("The site's content last changed on %(date)s.", date=date_text(updated.day))
    return _(
        "This copy of the site was built without the version history that dates each change: the date of its "
        "latest change is not known here."
    )


@dataclass(frozen=True)
class Freshness:
    as_of: dt.date
    history: History | None = None
    data: str | None = None  # the data folder relative to the history's top; None: outside it (no history)
    docs: str | None = None  # the docs folder relative to the top
    generated: frozenset[str] = frozenset()  # the generated pages, as the site serves them (`zones/x/index.md`)
    case_zones: Mapping[str, str] = field(default_factory=dict)  # case slug -> its zone's id
    releases: tuple[Release, ...] = ()  # the data releases, newest first (none without history)
    hand_posts: tuple[HandPost, ...] = ()  # the news posts written by hand (generator/data/posts.py)
    # the earlier data releases' downloads, newest first (generator/site/release_files.py); None: no history
    earlier: tuple[ReleaseFile, ...] | None = None
    # the revisions of the published values (issue 16, generator/data/revisions.py); None: no history
    revisions: Revisions | None = None

    def _of(self, *prefixes: str | None) -> Updated:
        if self.history is None or any(p is None for p in prefixes):
            return Updated(self.as_of, False)
        commit = self.history.last_change(*(p for p in prefixes if p is not None))
        return Updated(commit.day, True) if commit is not None else Updated(self.as_of, False)

    def latest(self) -> Updated:
        """The site's latest change: the data's or a hand-written page's (the home page shows it)."""
        return self._of(self.data, self.docs) if self.docs is not None else self._of(self.data)

    def page(self, uri: str) -> Updated:
        """The date of the page served from `uri` (its source path as the site serves it: `about.md`,
        `zones/x/index.md`)."""
        if uri in self.generated:
            parts = uri.split("/")
            zone = parts[1] if parts[0] == "zones" and len(parts) > 2 else None
            if parts[0] == "cases" and len(parts) == 2:
                zone = self.case_zones.get(parts[1].removesuffix(".md"))
            if zone is not None and self.data is not None:
                return self._of(_join(self.data, f"zones/{zone}"))
            return self._of(self.data)
        if uri == NEWS_INDEX or (uri.startswith(NEWS + "/") and not self._is_file(uri)):
            news = None if self.docs is None else _join(self.docs, NEWS)
            return self._of(self.data, news)
        return self._of(None if self.docs is None else _join(self.docs, uri))

    def _is_file(self, uri: str) -> bool:
        return self.history is not None and self.docs is not None and (self.history.top / self.docs / uri).is_file()


def _join(folder: str, rel: str) -> str:
    return f"{folder}/{rel}" if folder else rel
