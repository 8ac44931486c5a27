"""News: one dated announcement per lifecycle event in zone.yaml, as posts of Material's blog plugin, and
an Atom feed of the same posts.

The posts are real Markdown files (`news/posts/<slug>.md` under the generated folder, which MkDocs serves
at the root); the blog's own index is the hand-written `site_src/news/index.md`, because the blog plugin
looks for it on disk (see mkdocs_bridge.py). Only events dated on or before the data's as-of date are
published, and every date in the feed comes from the data, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.links import safe_href
from generator.data.models import Approved, Evaluated, PlanRevised, PublicNotice
from generator.site.common import Context, Section, front_matter, h
from generator.site.markup import Safe, block, inline, link
from generator.site.paths import zone_page

NEWS_DIR = "news"
ATOM = "http://www.w3.org/2005/Atom"

# Title after the zone's name, by event kind (evaluations by result).
_TITLES = {
    "applied": "提交建设申报",
    "public_notice": "通过论证审定并公示",
    "approved": "获批建设",
    "plan_revised": "修订建设方案",
    "confirmed": "通过建设期满评估获得认定",
    "rectification": "建设期满评估结论为整改",
    "revoked": "经建设期满评估被撤销",
    "further_support": "建设期满评估获得后续支持",
}


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
        out.pages[f"{NEWS_DIR}/posts/{post.slug}.md"] = _post_page(post)
    base = ctx.site_url or catalog.site.site_url
    # At the site's root, not under news/: Material's instant navigation fetches `sitemap.xml` next to every
    # <link rel="alternate"> (the feed's autodiscovery link), and only the root has one.
    out.files[FEED] = make_feed(catalog, posts, base)
    out.nav = [{"新闻动态": f"{NEWS_DIR}/index.md"}]
    return out


def collect_posts(catalog: Catalog) -> list[Post]:
    """Every published event as a post, newest first (ties by zone id, then slug)."""
    posts: list[Post] = []
    for zone in sorted(catalog.zones.values(), key=lambda z: z.id):
        seen: dict[str, int] = {}
        for event in zone.zone.events:
            if event.date > catalog.as_of:
                continue
            slug = f"{event.date.isoformat()}-{zone.id}-{event.kind.replace('_', '-')}"
            seen[slug] = seen.get(slug, 0) + 1
            if seen[slug] > 1:  # the same kind twice on one day: keep both, numbered in file order
                slug = f"{slug}-{seen[slug]}"
            posts.append(_post(catalog, zone, event, slug))
    return sorted(posts, key=lambda p: (p.date, p.slug), reverse=True)


def _post(catalog: Catalog, zone: ZoneRecord, event: Any, slug: str) -> Post:
    key = event.result if isinstance(event, Evaluated) else event.kind
    city = catalog.ref_name("cities", zone.zone.city)
    when = _long_date(event.date)
    before, after = _sentence(catalog, event, when, city)
    extra: list[str] = []
    url = safe_href(event.url, web_only=True) if isinstance(event, PublicNotice) else ""
    if url:
        extra.append(f'<p><a href="{h(url)}" rel="noopener">公示原文</a></p>')
    if event.note:
        extra.append(block(event.note))
    return Post(
        slug=slug,
        date=event.date,
        title=zone.zone.name + _TITLES[key],
        category=catalog.ref_name("event_kinds", event.kind),
        zone=zone,
        before=before,
        after=after,
        extra=Safe("\n\n".join(extra)),
    )


def _sentence(catalog: Catalog, event: Any, when: str, city: str) -> tuple[str, str]:
    if isinstance(event, Approved):
        return f"{when}，自治区科技厅批复位于{city}的", f"建设，批复文号为{event.document}。"
    if isinstance(event, PublicNotice):
        return f"{when}，位于{city}的", "建设方案经专家论证审定，进入公示。"
    if isinstance(event, PlanRevised):
        changed = f"，调整了 {len(event.targets)} 项建设期末目标值" if event.targets else ""
        return f"{when}，位于{city}的", f"修订了建设方案{changed}。"
    if isinstance(event, Evaluated):
        result = catalog.ref_name("evaluation_results", event.result)
        document = f"（{event.document}）" if event.document else ""
        return f"{when}，自治区科技厅对位于{city}的", f"开展建设期满总结评估，结论为“{result}”{document}。"
    return f"{when}，{city}科技局报送", "的建设申报材料（建设方案和建设指标体系）。"


def _post_page(post: Post) -> str:
    fm = front_matter(
        post.title,
        post.zone.is_sample,
        post.text,
        slug=post.slug,
        categories=[post.category],
    )
    fm = Safe(fm.removesuffix("---\n") + f"date: {post.date.isoformat()}\n---\n")  # a YAML date, unquoted
    zone = link(post.zone.zone.name, "../../" + zone_page(post.zone.id))
    body = f"{inline(post.before)}{zone}{inline(post.after)}"
    meta = f"发布日期：{_long_date(post.date)}　类别：{inline(post.category)}"
    # The excerpt on the news index ends at `more`; the index shows the date and category itself.
    parts = [fm, f"# {inline(post.title)}\n", body + "\n", "<!-- more -->\n", f'<p class="news-meta">{meta}</p>\n', "[← 返回新闻动态](../index.md)\n"]
    if post.extra:
        parts.append(post.extra + "\n")
    return "\n".join(parts)


def post_url(base: str, post: Post) -> str:
    return f"{base.rstrip('/')}/{NEWS_DIR}/{post.slug}/"


FEED = "feed.xml"


def make_feed(catalog: Catalog, posts: list[Post], base: str) -> bytes:
    """An Atom feed of the posts, newest first; `updated` is the newest event's date (or the as-of date)."""
    ET.register_namespace("", ATOM)
    home = f"{base.rstrip('/')}/{NEWS_DIR}/"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _sub(feed, "id", home)
    _sub(feed, "title", f"{catalog.site.title} · 新闻动态")
    newest = posts[0].date if posts else catalog.as_of
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
        sample = "（示例数据：事件和文号为虚构）" if post.zone.is_sample else ""
        _sub(entry, "summary", post.text + sample, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _long_date(day: dt.date) -> str:
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00+08:00"  # midnight in China; the data has dates, not times
