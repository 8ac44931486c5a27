"""/data/changes/: every revision of a published value, newest first, one group per change (a first-parent
commit: a merged pull request), and its Atom feed (issue 16). The facts are generator/data/revisions.py's (read in
the load stage); the words are revision_words.py's. The feed is made as the news feed is (news.py): ElementTree
writes every text, so a commit's title or a value never becomes markup; its dates are the commits' days, never
the clock. Without history the page and the feed say so and list nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from generator.data.revisions import Revision
from generator.i18n import _, ngettext, pgettext
from generator.site.atom import ATOM
from generator.site.atom import stamp as _stamp
from generator.site.atom import sub as _sub
from generator.site.common import Context, Section, front_matter
from generator.site.figures import date_text
from generator.site.markup import inline, link
from generator.site.paths import DATA_CHANGES, DATA_CHANGES_FEED, file_name, href, page_url
from generator.site.revision_words import (
    change_text,
    no_history_text,
    revisions_of,
    value_name,
    value_text,
    zone_name,
)

FEED_LINES = 20  # the changes a feed entry's summary lists; more are counted


def changes_title() -> str:
    return pgettext("revisions: the all-zones page", "Revisions of the published data")


def make_changes_pages(ctx: Context) -> Section:
    out = Section()
    groups = _groups(ctx)
    out.pages[DATA_CHANGES] = _page(ctx, groups)
    out.files[DATA_CHANGES_FEED] = _feed(ctx, groups)
    return out


def _groups(ctx: Context) -> list[list[Revision]] | None:
    """The revisions by change (commit), newest first; None without history."""
    revisions = revisions_of(ctx)
    if revisions is None:
        return None
    return [list(found) for _sha, found in groupby(revisions.changes, key=lambda r: r.sha)]


def change_id(sha: str) -> str:
    return f"change-{sha[:12]}"


def _page(ctx: Context, groups: list[list[Revision]] | None) -> str:
    catalog = ctx.catalog
    title = changes_title()
    intro = _(
        "Each revision of a value this site published, the latest first: a value counts as published from the first "
        "version of the site's data that holds it, and every later change of it is listed with its date, the old "
        "and the new value and the change's title. On the zone pages, a revised value is marked “%(mark)s”.",
        mark=pgettext("revisions: a value's mark", "revised"),
    )
    fm = front_matter(title, catalog.has_sample, intro)
    feed = link(
        pgettext("revisions: the feed's link", "Atom feed (%(file)s)", file=file_name(DATA_CHANGES_FEED)),
        href(DATA_CHANGES, DATA_CHANGES_FEED),
    )
    parts = [fm, f"# {inline(title)}\n", inline(intro) + "\n"]
    if groups is None:
        parts.append(inline(no_history_text()) + "\n")
        return "\n".join(parts)
    parts.append(_("Subscribe to the revisions: %(feed)s", feed=feed) + "\n")
    if not groups:
        parts.append(inline(_("No published value has been revised yet.")) + "\n")
        return "\n".join(parts)
    count = sum(len(g) for g in groups)
    parts.append(ngettext("%(num)s revision in all.", "%(num)s revisions in all.", count) + "\n")
    labels = [pgettext("templates", "Zone"), pgettext("revisions: a column", "Year of the data"),
              pgettext("templates", "Indicator"), pgettext("revisions: a column", "Old → new")]  # fmt: skip
    cell = '<span class="cell-label" aria-hidden="true">{}</span>'
    for group in groups:
        first = group[0]
        parts.append(f"## {inline(date_text(first.day))} {{ #{change_id(first.sha)} }}\n")
        if first.title:
            parts.append(pgettext("revisions: the change's title", "The change: %(title)s", title=inline(first.title))
                         + "\n")  # fmt: skip
        rows = ['<div class="table-stack table-auto" markdown="1">\n',
                "| " + " | ".join(inline(label) for label in labels) + " |",
                "| --- | ---: | --- | --- |"]  # fmt: skip
        for r in group:
            values = [zone_name(catalog, r.zone, DATA_CHANGES), str(r.year),
                      value_name(catalog, r.zone, r.indicator, DATA_CHANGES), change_text(r)]  # fmt: skip
            rows.append("| " + " | ".join(
                (cell.format(inline(label)) if k else "") + value for k, (label, value) in enumerate(zip(labels, values, strict=True))
            ) + " |")  # fmt: skip
        rows.append("\n</div>\n")
        parts.append("\n".join(rows))
    return "\n".join(parts)


def _feed(ctx: Context, groups: list[list[Revision]] | None) -> bytes:
    """One entry per change, newest first; `updated` is the newest change's day (or the data's as-of date)."""
    catalog = ctx.catalog
    base = ctx.base_url.rstrip("/")
    page = f"{base}/{page_url(DATA_CHANGES)}"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _sub(feed, "id", page)
    _sub(feed, "title", pgettext("revisions: the feed's title", "%(site)s · %(section)s", site=catalog.site.title,
                                 section=changes_title()))  # fmt: skip
    newest = groups[0][0].day if groups else catalog.as_of
    _sub(feed, "updated", _stamp(newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base}/{DATA_CHANGES_FEED}")
    _sub(feed, "link", rel="alternate", type="text/html", href=page)
    if groups is None:
        _sub(feed, "subtitle", no_history_text())
    author = _sub(feed, "author")
    _sub(author, "name", catalog.site.sponsor)
    for group in groups or []:
        first = group[0]
        entry = _sub(feed, "entry")
        url = f"{page}#{change_id(first.sha)}"
        _sub(entry, "id", url)
        _sub(entry, "title", _entry_title(first))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", _stamp(first.day))
        _sub(entry, "updated", _stamp(first.day))
        _sub(entry, "summary", _summary(ctx, group), type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry_title(revision: Revision) -> str:
    if revision.title:
        return pgettext("revisions: a feed entry's title", "Data revised on %(date)s: %(title)s",
                        date=date_text(revision.day), title=revision.title)  # fmt: skip
    return pgettext("revisions: a feed entry's title", "Data revised on %(date)s", date=date_text(revision.day))


def _summary(ctx: Context, group: list[Revision]) -> str:
    """The change's revisions as plain text (the feed's summary: text, never markup)."""
    catalog = ctx.catalog
    lines = []
    for r in group[:FEED_LINES]:
        record = catalog.zones.get(r.zone)
        ind = catalog.indicator(r.indicator, r.zone)
        lines.append(pgettext(
            "revisions: a feed line", "%(zone)s, %(year)s, %(indicator)s: %(old)s → %(new)s",
            zone=(record.zone.short_name or record.zone.name) if record else r.zone, year=r.year,
            indicator=ind.name if ind else r.indicator, old=value_text(r.old), new=value_text(r.new),
        ))  # fmt: skip
    if len(group) > FEED_LINES:
        lines.append(ngettext("and %(num)s more.", "and %(num)s more.", len(group) - FEED_LINES))
    return "\n".join(lines)
