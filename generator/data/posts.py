"""The news posts editors write by hand (`site_src/news/posts/*.md`, README: how to post news by hand), read in
the load stage so that the home page's latest news and the feed list them with the generated posts (issue 15:
the quarterly checks fail a site whose news is not updated for two weeks). Only the front matter and the
first heading are read, with the project's safe YAML reader; everything read is untrusted text, escaped where
it is shown. A post whose front matter cannot be read or has no date is left out here (the blog plugin reports
it when it builds the page)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator.data.load import parse_text

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n(.*)\Z", re.S)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


@dataclass(frozen=True)
class HandPost:
    uri: str  # its source as the site serves it: news/posts/<name>.md
    date: dt.date
    title: str
    slug: str | None  # where the blog serves it (news/<slug>/); None: the blog derives it from the title
    category: str | None


def read_hand_posts(docs: Path, folder: str = "news/posts") -> tuple[HandPost, ...]:
    """The hand-written posts of `docs`/`folder`, by file name."""
    found = []
    for path in sorted((docs / folder).glob("*.md")) if (docs / folder).is_dir() else ():
        post = _read(path, f"{folder}/{path.name}")
        if post is not None:
            found.append(post)
    return tuple(found)


def _read(path: Path, uri: str) -> HandPost | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    parts = _FRONT.match(text)
    if parts is None:
        return None
    doc = parse_text(parts.group(1).encode("utf-8"), uri)
    meta = doc.data if doc.ok and isinstance(doc.data, dict) else {}
    day = _day(meta.get("date"))
    heading = _HEADING.search(parts.group(2))
    title = meta.get("title") if isinstance(meta.get("title"), str) else (heading.group(1) if heading else None)
    if day is None or not title:
        return None
    slug = meta.get("slug") if isinstance(meta.get("slug"), str) else None
    categories = meta.get("categories")
    category = categories[0] if isinstance(categories, list) and categories and isinstance(categories[0], str) else None
    return HandPost(uri, day, title, slug, category)


def _day(value: object) -> dt.date | None:
    if isinstance(value, dict):  # the blog plugin's `date: {created: …}`
        value = value.get("created")
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
