"""Share images (issue 16): the picture a chat or a social site shows beside a link to a page (`og:image`).

Each page that names one thing has its own image saying what it is, with the site's name (and "sample data" where
the page marks its figures as sample), so a pasted link never shows a figure without its context, nor a generic
picture: a zone page (the zone's name, its city and level), an indicator page (its name, its type and unit), a
case (its title, its zone's short name), a zone's year summary (its title, the zone's name), the analysis pages
and the news posts, generated or written by hand (their titles, the section; a post's date). The lists and the
sections' overview pages (the home page, the zone, indicator and case lists, progress, policy, open data, the
guide, the news index) and the other pages written by hand (about, the guide's) share the site's image. The
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
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.analysis.stage import sorted_zones
from generator.data.catalog import Catalog
from generator.i18n import pgettext
from generator.site.paths import SHARE_SITE, page_share_image, zone_share_image

if TYPE_CHECKING:
    from generator.site.common import Context

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
_SC = 2  # the face of the collection with Simplified Chinese glyph forms (JP 0, KR 1, SC 2, TC 3)
SIZE = (1200, 630)  # the size social sites ask for (1.91:1)
VERSION = "4"  # change it when the drawing changes: the cache keys change with it
CACHED = ".png"  # the cache folder's files are share-<cache key>.png (a cache's file name, not a page's path)
CACHE_PREFIX = "share-"
_BACKGROUND = (26, 35, 126)  # Material's indigo 900: the theme's primary colour, darker (white text ≥ 12:1)
_TEXT = (255, 255, 255)
_MUTED = (197, 202, 233)  # indigo 100 (≥ 9:1 on the background)
_SAMPLE = (255, 213, 79)  # amber 300, with dark text
_SAMPLE_TEXT = (33, 33, 33)
_FOOT_BAND = (13, 18, 77)
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


# Line breaking (Chinese 避头尾): closing marks and sentence punctuation (，。、：；！？… and the like) never begin a
# line, opening marks never end one: known by their Unicode categories.
_NO_START = ("Pe", "Pf", "Po")
_NO_END = ("Ps", "Pi")
_CARRY = 3  # at most this many characters move to the next line (a run of marks is broken anyway)
_category = unicodedata.category


def _lines(draw: Any, text: str, font: Any, width: int, most: int) -> list[str]:
    """`text` cut into lines no wider than `width` (at any character: Chinese has no spaces, but a closing mark
    never begins a line nor an opening one ends it), at most `most` lines, the last one ending in … when the text
    is longer. Only the characters of those lines are measured, however long the text."""
    lines: list[str] = []
    line = ""
    for char in " ".join(text.split()):
        if draw.textlength(line + char, font=font) <= width or not line:
            line += char
            continue
        carry = char  # what begins the next line: a few characters more where the break falls between marks
        while len(carry) <= _CARRY and len(line) > 1 and (_category(carry[0]) in _NO_START or _category(line[-1]) in _NO_END):  # fmt: skip
            carry, line = line[-1] + carry, line[:-1]
        lines.append(line)
        line = carry.lstrip()
        if len(lines) > most:
            break
    if line and len(lines) <= most:
        lines.append(line)
    if len(lines) > most:
        last = lines[most - 1]
        while last and (
            draw.textlength(last + "…", font=font) > width or _category(last[-1]) in _NO_END or last[-1] == " "
        ):
            last = last[:-1]
        lines = [*lines[: most - 1], last + "…"]
    return lines


_FOOT = 120  # the foot band's height: the site's name
_GAP = 20  # the least room between the text and the foot band
_TITLE = (68, 86)  # the title's font size and line pitch
_SUBTITLE = (36, 52)  # the subtitle's
_TITLE_LINES, _SUBTITLE_LINES = 3, 2  # at most
_STEPS = 16  # the shades of the glyphs' antialiasing between a text's colour and its ground, in the PNG's palette


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
        draw.text((_MARGIN + 20, 56 + 14), label, font=font, fill=_SAMPLE_TEXT)
        top = 56 + int(box[3]) + 28 + 32
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
    draw.rectangle((0, SIZE[1] - _FOOT, SIZE[0], SIZE[1]), fill=_FOOT_BAND)
    foot = _font(False, 36)
    site = _lines(draw, str(words["site"]), foot, width, 1)[0]
    draw.text((_MARGIN, SIZE[1] - _FOOT + 38), site, font=foot, fill=_TEXT)
    out = io.BytesIO()
    # in a fixed palette (the card's colours and their antialiasing shades): a quarter of the bytes, no slower,
    # and each colour the same on every card whatever its text
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _palette() -> Any:
    """The cards' palette: each text colour blended into its ground in `_STEPS` shades (grounds and texts
    included), at most 256 colours."""
    from PIL import Image

    pairs = ((_BACKGROUND, _TEXT), (_BACKGROUND, _MUTED), (_FOOT_BAND, _TEXT), (_SAMPLE, _SAMPLE_TEXT))
    colours: list[tuple[int, ...]] = []
    for ground, text in pairs:
        for k in range(_STEPS):
            shade = tuple(round(g + (t - g) * k / (_STEPS - 1)) for g, t in zip(ground, text, strict=True))
            if shade not in colours:
                colours.append(shade)
    image = Image.new("P", (1, 1))
    image.putpalette([v for c in colours for v in c] + list(_BACKGROUND) * (256 - len(colours)))
    return image


def _fits(font: Any, lines: int, pitch: int) -> int:
    """The height `lines` lines of `font` take, from the first line's top to the last line's lowest ink."""
    return (lines - 1) * pitch + int(font.getbbox("gjpqy…")[3])  # the lowest ink: the descenders (CJK is above)


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


def page_card(ctx: Context, page: str, title: str, subtitle: str, sample: bool) -> str:
    """The share image of the generated `page` (`paths.page_share_image`), saying `title` and `subtitle` with the
    site's name (and the sample marking when the page marks its figures as sample): kept in the context for
    pages.py to hand to build.py; returns its path for the page's front matter (`share_image`)."""
    path = page_share_image(page)
    ctx.share_cards[path] = ShareCard(title, subtitle, ctx.catalog.site.title, sample).words()
    return path
