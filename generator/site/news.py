"""News: one dated announcement per lifecycle event in zone.yaml, as posts of Material's blog plugin, and
an Atom feed of the same posts.

The posts are real Markdown files (`news/posts/<slug>.md` under the generated folder, which MkDocs serves
at the root); the blog's own index is the hand-written `site_src/news/index.md`, because the blog plugin
looks for it on disk (see mkdocs_bridge.py). Only events dated on or before the data's as-of date are
published, and every date in the feed comes from the data, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.links import safe_href
from generator.data.models import Approved, Evaluated, PlanRevised, PublicNotice
from generator.data.posts import HandPost
from generator.i18n import _, ngettext, pgettext
from generator.site.atom import ATOM
from generator.site.atom import stamp as _stamp
from generator.site.atom import sub as _sub
from generator.site.common import Context, Section, front_matter, h, post_title, published_events
from generator.site.figures import date_text
from generator.site.freshness import Release, release_category, release_text, release_title
from generator.site.markup import Safe, block, inline, link
from generator.site.paths import FEED, NEWS_INDEX, href, news_post, news_post_url, page_url, zone_page
from generator.site.share import page_card

MORE = "<!-- more -->"  # the blog plugin's excerpt separator (post_excerpt_separator)

# Where the zone's name is in a post's sentence: the page links the name, so the sentence is split around it
# (the loader refuses a NUL in the data, so no name or city holds it).
_ZONE = "\x00"


def news_section() -> str:
    """The news section's name (the navigation, the feed's title, the posts' link back)."""
    return pgettext("news", "News")


@dataclass(frozen=True)
class Post:
    slug: str  # ASCII: date, zone id, event kind
    date: dt.date
    title: str
    category: str
    zone: ZoneRecord
    before: str  # the generated sentence, in two parts around the zone's name
    after: str
    extra: Safe  # generated Markdown after the sentence (links, the editor's note)

    @property
    def text(self) -> str:
        return f"{self.before}{self.zone.zone.name}{self.after}"


def make_news_pages(ctx: Context) -> Section:
    catalog = ctx.catalog
    posts = collect_posts(catalog)
    out = Section()
    for post in posts:
        out.pages[news_post(post.slug)] = _post_page(post, ctx)
    releases = ctx.freshness.releases if ctx.freshness is not None else ()
    for release in releases:
        out.pages[news_post(release.slug)] = _release_page(catalog, release, ctx)
    base = ctx.base_url
    # At the site's root, not under news/: Material's instant navigation fetches `sitemap.xml` next to every
    # <link rel="alternate"> (the feed's autodiscovery link), and only the root has one.
    hand = ctx.freshness.hand_posts if ctx.freshness is not None else ()
    for hand_post in hand:  # its page is the editor's: the MkDocs hook names this card (mkdocs_bridge.py)
        page_card(ctx, hand_post.uri, hand_post.title, _share_line(hand_post.date), False)
    out.files[FEED] = make_feed(catalog, posts, base, releases, hand)
    out.nav = [{news_section(): NEWS_INDEX}]
    return out


def collect_posts(catalog: Catalog) -> list[Post]:
    """Every published event as a post, newest first (ties by zone id, then slug)."""
    posts = [_post(catalog, zone, event, slug) for zone, event, slug in published_events(catalog)]
    return sorted(posts, key=lambda p: (p.date, p.slug), reverse=True)


def _post(catalog: Catalog, zone: ZoneRecord, event: Any, slug: str) -> Post:
    city = catalog.ref_name("cities", zone.zone.city)
    when = _long_date(event.date)
    before, after = _sentence(catalog, event, when, city)
    extra: list[str] = []
    url = safe_href(event.url, web_only=True) if isinstance(event, PublicNotice) else ""
    if url:
        announcement = _("The announcement")
        extra.append(f'<p><a href="{h(url)}" rel="noopener">{h(announcement)}</a></p>')
    if event.note:
        extra.append(block(event.note))
    return Post(
        slug=slug,
        date=event.date,
        title=post_title(zone, event),
        category=catalog.ref_name("event_kinds", event.kind),
        zone=zone,
        before=before,
        after=after,
        extra=Safe("\n\n".join(extra)),
    )


def _sentence(catalog: Catalog, event: Any, when: str, city: str) -> tuple[str, str]:
    """The post's sentence, in two parts around the zone's name."""
    before, _mark, after = _whole_sentence(catalog, event, when, city).partition(_ZONE)
    return before, after


def _whole_sentence(catalog: Catalog, event: Any, when: str, city: str) -> str:
    where = {"date": when, "city": city, "zone": _ZONE}
    if isinstance(event, Approved):
        return _(
            "On %(date)s the Department of Science and Technology of the Autonomous Region approved the "
            "construction of %(zone)s in %(city)s, by the document %(document)s.",
            document=event.document, **where,
        )  # fmt: skip
    if isinstance(event, PublicNotice):
        return _(
            "On %(date)s the construction plan of %(zone)s in %(city)s passed the experts' review and was "
            "publicly announced.",
            **where,
        )  # fmt: skip
    if isinstance(event, PlanRevised):
        if not event.targets:
            return _("On %(date)s %(zone)s in %(city)s revised its construction plan.", **where)
        return ngettext(
            "On %(date)s %(zone)s in %(city)s revised its construction plan, changing %(num)s end-of-period target.",
            "On %(date)s %(zone)s in %(city)s revised its construction plan, changing %(num)s end-of-period "
            "targets.",
            len(event.targets), **where,
        )  # fmt: skip
    if isinstance(event, Evaluated):
        result = catalog.ref_name("evaluation_results", event.result)
        if event.document:
            return _(
                "On %(date)s the Department of Science and Technology of the Autonomous Region evaluated %(zone)s "
                "in %(city)s at the end of its construction period; the conclusion: “%(result)s” (%(document)s).",
                result=result, document=event.document, **where,
            )  # fmt: skip
        return _(
            "On %(date)s the Department of Science and Technology of the Autonomous Region evaluated %(zone)s in "
            "%(city)s at the end of its construction period; the conclusion: “%(result)s”.",
            result=result, **where,
        )  # fmt: skip
    return _(
        "On %(date)s the Science and Technology Bureau of %(city)s submitted the application of %(zone)s (its "
        "construction plan and construction indicator system).",
        **where,
    )  # fmt: skip


def _post_page(post: Post, ctx: Context) -> str:
    fm = front_matter(
        post.title,
        post.zone.is_sample,
        post.text,
        slug=post.slug,
        categories=[post.category],
        share_image=page_card(ctx, news_post(post.slug), post.title, _share_line(post.date), post.zone.is_sample),
    )
    fm = Safe(fm.removesuffix("---\n") + f"date: {post.date.isoformat()}\n---\n")  # a YAML date, unquoted
    zone = link(post.zone.zone.name, href(news_post(post.slug), zone_page(post.zone.id)))
    body = f"{inline(post.before)}{zone}{inline(post.after)}"
    meta = _("Published: %(date)s  Category: %(category)s", date=_long_date(post.date), category=inline(post.category))
    back = link(
        "← " + pgettext("news", "Back to %(section)s", section=news_section()), href(news_post(post.slug), NEWS_INDEX)
    )
    # The news index shows a post up to `more`: the whole news (the sentence, the announcement's link, the
    # editor's note), so the reader of the list misses nothing; after it only what the index shows itself
    # (the date and category) and the way back, for which the list offers no 继续阅读
    # (site_src/overrides/partials/post.html).
    parts = [fm, f"# {inline(post.title)}\n", body + "\n"]
    if post.extra:
        parts.append(post.extra + "\n")
    parts += [MORE + "\n", f'<p class="news-meta">{meta}</p>\n', f"{back}\n"]
    return "\n".join(parts)


# --- the data releases (issue 15): one post per new as-of date, saying what changed -------------------------


def _release_page(catalog: Catalog, release: Release, ctx: Context) -> str:
    title = release_title(release)
    text = release_text(release)
    share = page_card(ctx, news_post(release.slug), title, _share_line(release.as_of), catalog.has_sample)
    fm = front_matter(title, catalog.has_sample, text, slug=release.slug, categories=[release_category()],
                      share_image=share)  # fmt: skip
    fm = Safe(fm.removesuffix("---\n") + f"date: {release.as_of.isoformat()}\n---\n")
    parts = [fm, f"# {inline(title)}\n", inline(text) + "\n", MORE + "\n"]
    if release.changes:
        parts.append("\n".join(safe_summary(release.changes)) + "\n")
    meta = _("Published: %(date)s  Category: %(category)s", date=_long_date(release.as_of),
             category=inline(release_category()))  # fmt: skip
    back = link(
        "← " + pgettext("news", "Back to %(section)s", section=news_section()),
        href(news_post(release.slug), NEWS_INDEX),
    )
    parts += [f'<p class="news-meta">{meta}</p>\n', f"{back}\n"]
    return "\n".join(parts)


_DIFF_LINE = re.compile(r"(?P<lead>#{1,6} |\s*- )?(?P<rest>.*)")


def safe_summary(lines: tuple[str, ...]) -> list[str]:
    """The data-change summary's lines (generator/diff.py: Markdown for GitHub, every value escaped there with
    backslashes and code spans) as the site's Markdown: its headings (one level below the post's title) and list
    items kept, every text read back to plain text and escaped as the site escapes data (`inline`), since
    Python-Markdown does not read every backslash escape GitHub does."""
    out = []
    for line in lines:
        found = _DIFF_LINE.fullmatch(line)
        lead, rest = (found.group("lead") or "", found.group("rest")) if found else ("", line)
        if lead.startswith("#"):
            lead = "## "
        out.append(f"{lead}{inline(_plain(rest))}" if rest.strip() else lead.rstrip())
    return out


def _plain(markdown: str) -> str:
    """The text the summary's Markdown shows: backslash escapes undone, code spans' backticks dropped."""
    out = []
    chars = iter(markdown)
    for char in chars:
        if char == "\\":
            out.append(next(chars, ""))
        elif char != "`":
            out.append(char)
    return "".join(out)


def post_url(base: str, post: Post) -> str:
    return f"{base.rstrip('/')}/{news_post_url(post.slug)}"


def make_feed(
    catalog: Catalog,
    posts: list[Post],
    base: str,
    releases: tuple[Release, ...] = (),
    hand: tuple[HandPost, ...] = (),
) -> bytes:
    """An Atom feed of the posts, newest first; `updated` is the newest post's date (or the as-of date). The
    data releases' posts and those written by hand (with a slug: the blog serves them at news/<slug>/) come
    after the events' posts."""
    ET.register_namespace("", ATOM)
    home = f"{base.rstrip('/')}/{page_url(NEWS_INDEX)}"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _sub(feed, "id", home)
    _sub(feed, "title", pgettext("news", "%(site)s · %(section)s", site=catalog.site.title, section=news_section()))
    hand = tuple(post for post in hand if post.slug)
    newest = max([p.date for p in posts] + [r.as_of for r in releases] + [p.date for p in hand], default=catalog.as_of)
    _sub(feed, "updated", _stamp(newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base.rstrip('/')}/{FEED}")
    _sub(feed, "link", rel="alternate", type="text/html", href=home)
    author = _sub(feed, "author")
    _sub(author, "name", catalog.site.sponsor)
    for post in posts:
        entry = _sub(feed, "entry")
        url = post_url(base, post)
        _sub(entry, "id", url)
        _sub(entry, "title", post.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", _stamp(post.date))
        _sub(entry, "updated", _stamp(post.date))
        _sub(entry, "category", term=post.category)
        sample = _("(sample data: the events and document numbers are invented)") if post.zone.is_sample else ""
        _sub(entry, "summary", post.text + sample, type="text")
    for release in releases:
        entry = _sub(feed, "entry")
        url = f"{base.rstrip('/')}/{news_post_url(release.slug)}"
        _sub(entry, "id", url)
        _sub(entry, "title", release_title(release))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", _stamp(release.as_of))
        _sub(entry, "updated", _stamp(release.as_of))
        _sub(entry, "category", term=release_category())
        _sub(entry, "summary", release_text(release), type="text")
    for hand_post in sorted(hand, key=lambda p: (p.date, p.uri), reverse=True):
        entry = _sub(feed, "entry")
        url = f"{base.rstrip('/')}/{news_post_url(hand_post.slug or '')}"
        _sub(entry, "id", url)
        _sub(entry, "title", hand_post.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", _stamp(hand_post.date))
        _sub(entry, "updated", _stamp(hand_post.date))
        if hand_post.category:
            _sub(entry, "category", term=hand_post.category)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _long_date(day: dt.date) -> str:
    return date_text(day)


def _share_line(day: dt.date) -> str:
    """The line under a post's title on its share image (share.py): the section and the post's date."""
    return pgettext("share image: a news post's section and date", "%(section)s · %(date)s",
                    section=news_section(), date=_long_date(day))  # fmt: skip
