"""Share images (issue 16): the picture a chat or a social site shows beside a link to a page (`og:image`).

A zone page's image names the zone and the site (and says "sample data" when the zone's figures are sample data),
so a pasted link never shows a figure without its context; every other page shares the site's image. The
images are drawn with Pillow in Debian's Noto Sans CJK (`fonts-noto-cjk`, `make sysdeps`): the theme's
social-cards plugin would fetch web fonts, which the publishing machine may not.

The pages stage only describes the images (`ShareCard`, plain text from the data, drawn as text, never read
as markup); build.py draws them after the pages, like the PDFs, and keeps each in the PDF cache folder under
the hash of everything that makes it (its texts, this module's drawing version and the font file's size), so a
rebuild draws only what changed. Same card, same bytes: no time, no metadata in the PNG.

The meta tags are written by site_src/overrides/partials/share-meta.html from the page's front matter
(`share_image`, a path under the site's root) and the site's address.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.analysis.stage import sorted_zones
from generator.data.catalog import Catalog
from generator.i18n import pgettext
from generator.site.paths import SHARE_SITE, zone_share_image

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
_SC = 2  # the face of the collection with Simplified Chinese glyph forms (JP 0, KR 1, SC 2, TC 3)
SIZE = (1200, 630)  # the size social sites ask for (1.91:1)
VERSION = "2"  # change it when the drawing changes: the cache keys change with it
CACHED = ".png"  # the cache folder's files are share-<cache key>.png (a cache's file name, not a page's path)
CACHE_PREFIX = "share-"
_BACKGROUND = (26, 35, 126)  # Material's indigo 900: the theme's primary colour, darker (white text ≥ 12:1)
_TEXT = (255, 255, 255)
_MUTED = (197, 202, 233)  # indigo 100 (≥ 9:1 on the background)
_SAMPLE = (255, 213, 79)  # amber 300, with dark text
_MARGIN = 72


@dataclass(frozen=True)
class ShareCard:
    """What a share image says: its title (a zone's name, or the site's), the line under it, the site's name,
    and whether the figures are sample data. Plain text from the data."""

    title: str
    subtitle: str
    site: str
    sample: bool

    def words(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "subtitle": self.subtitle, "site": self.site}
        if self.sample:
            out["sample"] = pgettext("share image: the sample marking", "Sample data")
        return out


def card_key(words: dict[str, Any]) -> str:
    """The cache key of a card's image: its words, the drawing's version and the fonts' sizes."""
    fonts = [f"{f.name}:{f.stat().st_size if f.is_file() else 0}" for f in (FONT, FONT_BOLD)]
    text = repr((VERSION, fonts, sorted(words.items())))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _font(bold: bool, size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT_BOLD if bold else FONT), size, index=_SC)


def _lines(draw: Any, text: str, font: Any, width: int, most: int) -> list[str]:
    """`text` cut into lines no wider than `width` (at any character: Chinese has no spaces), at most `most`
    lines, the last one ending in … when the text is longer."""
    lines: list[str] = []
    line = ""
    for char in " ".join(text.split()):
        if draw.textlength(line + char, font=font) <= width or not line:
            line += char
            continue
        lines.append(line)
        line = char.lstrip()
    if line:
        lines.append(line)
    if len(lines) > most:
        last = lines[most - 1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1]
        lines = [*lines[: most - 1], last + "…"]
    return lines


_FOOT = 120  # the foot band's height: the site's name
_GAP = 24  # the least room between the text and the foot band
_TITLE = (68, 92)  # the title's font size and line pitch
_SUBTITLE = (36, 52)  # the subtitle's
_TITLE_LINES, _SUBTITLE_LINES = 3, 2  # at most


def draw_card(words: dict[str, Any]) -> bytes:
    """The PNG of a card (`ShareCard.words()`): the title large, up to three lines, the subtitle under it, up to
    two, the site's name at the foot, and the sample marking at the top. The title and the subtitle take the lines
    that fit above the foot band (the subtitle keeps one when it has any), each cut with … when longer: no text is
    drawn under the band or beyond the margins. Deterministic: the same words, the same bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * _MARGIN
    top = 96
    if words.get("sample"):
        font = _font(True, 34)
        label = str(words["sample"])
        box = draw.textbbox((0, 0), label, font=font)
        draw.rectangle((_MARGIN, 56, _MARGIN + int(box[2]) + 40, 56 + int(box[3]) + 28), fill=_SAMPLE)
        draw.text((_MARGIN + 20, 56 + 14), label, font=font, fill=(33, 33, 33))
        top = 56 + int(box[3]) + 28 + 48
    bottom = SIZE[1] - _FOOT - _GAP  # the text's ink ends above this line
    title, sub = _font(True, _TITLE[0]), _font(False, _SUBTITLE[0])
    subtitle = str(words.get("subtitle") or "")
    title_room = bottom - top - (_fits(sub, 1, _SUBTITLE[1]) + 12 if subtitle.strip() else 0)
    for line in _lines(draw, str(words["title"]), title, width, _most(title, title_room, _TITLE, _TITLE_LINES)):
        draw.text((_MARGIN, top), line, font=title, fill=_TEXT)
        top += _TITLE[1]
    if subtitle.strip():
        top += 12
        for line in _lines(draw, subtitle, sub, width, _most(sub, bottom - top, _SUBTITLE, _SUBTITLE_LINES)):
            draw.text((_MARGIN, top), line, font=sub, fill=_MUTED)
            top += _SUBTITLE[1]
    draw.rectangle((0, SIZE[1] - _FOOT, SIZE[0], SIZE[1]), fill=(13, 18, 77))
    foot = _font(False, 36)
    site = _lines(draw, str(words["site"]), foot, width, 1)[0]
    draw.text((_MARGIN, SIZE[1] - _FOOT + 38), site, font=foot, fill=_TEXT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _fits(font: Any, lines: int, pitch: int) -> int:
    """The height `lines` lines of `font` take, from the first line's top to the last line's lowest ink."""
    return (lines - 1) * pitch + int(font.getbbox("国gy…")[3])


def _most(font: Any, room: int, size: tuple[int, int], most: int) -> int:
    """How many lines of `font` (at the pitch of `size`) fit in `room` pixels: at most `most`, at least one."""
    return max((n for n in range(1, most + 1) if _fits(font, n, size[1]) <= room), default=1)


def render_share_images(jobs: dict[str, dict[str, Any]], cache_dir: Path | None) -> dict[str, bytes]:
    """Image path -> PNG bytes for each (path -> card words): from `cache_dir` when the same card was drawn
    before, otherwise drawn and kept there; with no `cache_dir`, drawn and kept nowhere."""
    out: dict[str, bytes] = {}
    for path, words in sorted(jobs.items()):
        key = card_key(words)
        cached = cache_dir / (CACHE_PREFIX + key + CACHED) if cache_dir is not None else None
        if cached is not None and cached.is_file():
            out[path] = cached.read_bytes()
            continue
        out[path] = png = draw_card(words)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            tmp.write_bytes(png)
            tmp.replace(cached)
    return out


def share_jobs(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """The site's share image and one per zone page (path under the site's root -> its card's words)."""
    site = catalog.site.title
    jobs = {SHARE_SITE: ShareCard(site, catalog.site.description or "", site, catalog.has_sample).words()}
    for zone in sorted_zones(catalog):
        z = zone.zone
        place = pgettext("zones: a zone's city and level", "%(city)s · %(level)s",
                         city=catalog.ref_name("cities", z.city), level=catalog.ref_name("zone_levels", z.level))  # fmt: skip
        jobs[zone_share_image(zone.id)] = ShareCard(z.name, place, site, z.sample).words()
    return jobs
