"""The revisions of published values as pages word them (issue 16; the facts: generator/data/revisions.py, read in
the load stage and handed over in `ctx.freshness.revisions`). A helper module: page modules import it, never
each other.

- `revised_mark`: after a value wherever a Markdown page shows one (the zone, year, indicator, target, case and
  home pages, the zone list, the case suggestions' before and after), the link the mark “revised” to the value's
  history on its zone's page; nothing for a value never revised. `history_address`: that link's address, for the
  raw HTML of the comparison's table (and compare.js) and of the summaries' print HTML.
- `zone_revisions_block`: the zone page's list of its revised values, the latest revision first, each with its
  whole history (date, old → new, the change's title) under an anchor the marks link to.
- `change_lines`: one revision's words, for the all-zones page /data/changes/ and its feed (changes_pages.py).

Commit titles and values are untrusted text: every one passes `inline` (Markdown pages) or the feed's XML writer.
Without history (`revisions` None) the pages say so and mark nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.revisions import Revision, Revisions, ValueKey
from generator.data.types import parse_number
from generator.i18n import _, ngettext, pgettext
from generator.site.common import Context
from generator.site.figures import date_text, figure
from generator.site.markup import Safe, inline, link
from generator.site.paths import DATA_CHANGES, href, indicator_name, zone_page

Escape = Callable[[str], str]  # inline (Markdown) or str (plain text, for the print HTML's autoescape)


def revisions_of(ctx: Context) -> Revisions | None:
    """The build's revisions; None without history."""
    return ctx.freshness.revisions if ctx.freshness is not None else None


def anchor(year: int, indicator: str) -> str:
    """The id of a value's history on its zone's page."""
    return f"revision-{year}-{indicator}"


def mark_word() -> str:
    return pgettext("revisions: a value's mark", "revised")


def revised_mark(revisions: Revisions | None, zone: str, year: int, indicator: str, here: str) -> Safe:
    """The mark “revised” linking the value's history on its zone's page (from the page `here`), or nothing."""
    to = history_address(revisions, zone, year, indicator, href(here, zone_page(zone)))
    return Safe(" " + link(mark_word(), to)) if to else Safe("")


def marked(text: str, revisions: Revisions | None, zone: str, year: int, indicator: str, here: str) -> Safe:
    """A value's words `text` (escaped as Markdown) followed by its `revised_mark`."""
    return Safe(inline(text) + revised_mark(revisions, zone, year, indicator, here))


def history_address(revisions: Revisions | None, zone: str, year: int, indicator: str, zone_address: str) -> str:
    """Where a revised value's history is, for raw HTML (the comparison's table, the PDFs): the zone page's address
    `zone_address` (relative or absolute) and the value's anchor; "" for a value never revised."""
    if revisions is None or not revisions.of(zone, year, indicator):
        return ""
    return f"{zone_address}#{anchor(year, indicator)}"


def value_text(value: str | None) -> str:
    """A value as written, as the site shows it (a number thousands separated); a removed value's words."""
    if value is None:
        return pgettext("revisions: no value", "none (removed)")
    return figure(value) if parse_number(value) is not None else value


def change_text(revision: Revision, escape: Escape = inline) -> Safe:
    """ "old → new" (Markdown, escaped; `escape=str`: plain text, for a template that escapes)."""
    return Safe(
        pgettext(
            "revisions: a value's change", "%(old)s → %(new)s",
            old=escape(value_text(revision.old)), new=escape(value_text(revision.new)),
        )
    )  # fmt: skip


def title_text(revision: Revision, escape: Escape = inline) -> Safe:
    """ "(the change: <title>)" (Markdown, the title escaped; `escape=str`: plain text), or nothing without a
    title."""
    if not revision.title:
        return Safe("")
    return Safe(pgettext("revisions: the change's title", " (the change: %(title)s)", title=escape(revision.title)))


def no_history_text() -> str:
    return _(
        "This copy of the site was built without the version history of its data, so the revisions of the "
        "published values cannot be listed here."
    )


def value_name(catalog: Catalog, zone: str, indicator: str, here: str) -> Safe:
    """The indicator's name (linked to its page when it has one), or its id when the data no longer has it."""
    ind = catalog.indicator(indicator, zone)
    return indicator_name(catalog, ind, here) if ind is not None else inline(indicator)


def zone_name(catalog: Catalog, zone: str, here: str) -> Safe:
    """The zone's name linked to its page, or its id when the data no longer has it."""
    record = catalog.zones.get(zone)
    if record is None:
        return inline(zone)
    name = record.zone.short_name or record.zone.name
    return link(name, href(here, zone_page(zone)))


def zone_revisions_block(ctx: Context, zone: ZoneRecord) -> Safe:
    """The zone page's "data revisions": each revised value with its history, the latest revision first."""
    catalog, revisions = ctx.catalog, revisions_of(ctx)
    here = zone_page(zone.id)
    heading = pgettext("revisions: the zone page's section", "Revisions of the data")
    everything = link(pgettext("revisions: the all-zones page", "all zones' data revisions"), href(here, DATA_CHANGES))
    parts = [f"### {inline(heading)} {{ #revisions }}\n"]
    if revisions is None:
        parts.append(inline(no_history_text()) + "\n")
        return Safe("\n".join(parts))
    mine = revisions.of_zone(zone.id)
    keys = list(dict.fromkeys(r.key for r in mine))  # each value once, by its latest revision
    if not keys:
        parts.append(_("No value this zone published has been revised since (see %(all)s).", all=everything) + "\n")
        return Safe("\n".join(parts))
    parts.append(
        ngettext(
            "%(num)s value this zone published was revised later: its history is below, the latest revision first "
            "(see %(all)s).",
            "%(num)s values this zone published were revised later: their histories are below, the latest revision "
            "first (see %(all)s).",
            len(keys), all=everything,
        ) + "\n"
    )  # fmt: skip
    for key in keys:
        _zone, year, indicator = key
        what = pgettext(
            "revisions: a value", "%(year)s · %(indicator)s", year=year,
            indicator=value_name(catalog, zone.id, indicator, here),
        )  # fmt: skip
        lines = [f'- <span id="{anchor(year, indicator)}"></span>**{what}**\n']
        lines += ["    - " + line + "\n" for line in history_lines(revisions, key)]
        parts.append("".join(lines))
    return Safe("\n".join(parts))


def revision_line(revision: Revision, escape: Escape = inline) -> str:
    """ "<date>: revised, old → new (the change: <title>)" (Markdown, escaped; `escape=str`: plain text)."""
    date, change = date_text(revision.day), change_text(revision, escape)
    return pgettext("revisions: one revision", "%(date)s: revised, %(change)s", date=date, change=change) + title_text(
        revision, escape
    )


def history_lines(revisions: Revisions, key: ValueKey, escape: Escape = inline) -> list[str]:
    """A revised value's history: its revisions, newest first, then its first publication (Markdown, escaped;
    `escape=str`: plain text)."""
    lines = [revision_line(revision, escape) for revision in revisions.of(*key)]
    first = revisions.first.get(key)
    if first is not None:
        lines.append(pgettext(
            "revisions: a value's first publication", "%(date)s: first published as %(value)s",
            date=date_text(first.day), value=escape(value_text(first.value)),
        ))  # fmt: skip
    return lines
