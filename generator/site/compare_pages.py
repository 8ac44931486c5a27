"""The comparison page (issue 16, part 1): two to four zones side by side in one year, every common indicator
with its sentence, bars and table (generator/site/compare_words.py); the choice in the address, drawn by
site_src/assets/compare.js (which tables.js fetches where the page has `#compare`); without JavaScript the
default comparison, complete."""

from __future__ import annotations

import posixpath

from generator.i18n import _, pgettext
from generator.site.common import Context, Section, front_matter
from generator.site.compare_words import (
    attribute_json,
    controls_html,
    default_choice,
    page_data,
    result_html,
    script_words,
)
from generator.site.markup import Safe
from generator.site.paths import COMPARE, indicator_page, page_url, zone_page
from generator.site.revision_words import revisions_of


def served_link(to_page: str) -> str:
    """The link from the comparison page to `to_page` where MkDocs serves it (raw HTML and JSON)."""
    return posixpath.relpath(page_url(to_page), page_url(COMPARE).rstrip("/") or ".") + "/"


def make_compare_pages(ctx: Context) -> Section:
    catalog = ctx.catalog
    out = Section()
    data = page_data(
        catalog, lambda z: served_link(zone_page(z)), lambda i: served_link(indicator_page(i)), revisions_of(ctx)
    )
    title = pgettext("compare: the page's title", "Compare zones")
    out.pages[COMPARE] = ctx.env.get_template("compare.md.j2").render(
        fm=front_matter(
            title,
            catalog.has_sample,
            _("Two to four zones side by side: every common indicator of one year, with a chart and a table"),
            hide=["toc"],
        ),
        title=title,
        data=Safe(attribute_json(data)),
        words=Safe(attribute_json(script_words())),
        controls=Safe(controls_html(data, default_choice(catalog))),
        result=Safe(result_html(data, default_choice(catalog))),
    )
    return out
