"""Ids and file names: names Windows reserves or the site itself uses, and the file-name pattern of annual
reports and cases."""

from __future__ import annotations

import re
from typing import Any, Literal

from generator.data.layout import SITE_CASES, SITE_IMAGES, SITE_INDICATORS, SITE_ZONE_CSVS, SITE_ZONES, site_index
from generator.data.load import Document
from generator.data.messages import editor_text
from generator.data.problems import Problem
from generator.data.rules.context import Context
from generator.data.rules.registry import rule

# Windows reserves these file names in any case and with any suffix (`con.png`, `Nul.tar.png`): a folder or file
# so named cannot be checked out there. (COM and LPT with a superscript digit too.)
RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        "conin$",
        "conout$",
        *(f"{port}{n}" for port in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]),
    }
)
# Names the site itself uses in the folders where an id becomes a file name (cases/<slug>.md,
# indicators/<id>.md, zones/<id>/, data/zones/<id>.csv, images/<zone>/: the folders and their pages are
# layout.py's, where generator/site/paths.py reads them too): an id so named would overwrite that page or be
# overwritten by it. Name -> the page's path and its catalogue name; tests/test_names.py checks the list against
# every path the site generates.
SITE_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    SITE_CASES: {"index": (site_index(SITE_CASES), "page-cases")},
    SITE_INDICATORS: {"index": (site_index(SITE_INDICATORS), "page-indicators")},
    SITE_ZONES: {},  # zones/<id>/index.md beside zones/index.md: another page, no collision
    SITE_ZONE_CSVS: {},
    SITE_IMAGES: {},
}


def reserved_name(what: str, name: str, folder: str = "") -> tuple[str, str, str] | None:
    """Why `name` (a zone folder, case file stem, indicator id or image file name) may not be used, or None:
    (Chinese, English, hint). `folder` is the site folder where it becomes a file name."""
    stem, dot, rest = name.partition(".")
    names = {"what": editor_text(what)[0], "what_en": editor_text(what)[1], "name": name}
    if stem.rstrip(" ").casefold() in RESERVED:
        zh, en = editor_text("name-windows", stem=stem.upper(), **names)
    elif name in SITE_NAMES.get(folder, {}):
        path, page = SITE_NAMES[folder][name]
        zh, en = editor_text(
            "name-generated", path=path, page=editor_text(page)[0], page_en=editor_text(page)[1], **names
        )
    else:
        return None
    return zh, en, editor_text("name-hint", example=f"{stem}-1{dot}{rest}")[0]


ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"


@rule("reserved-name")
def reserved(
    ctx: Context,
    what: str,
    name: str,
    folders: tuple[str, ...] = ("",),
    *,
    path: str = "",
    doc: Document | None = None,
    key: tuple[Any, ...] = (),
) -> bool:
    """A zone folder, case file, indicator id or image file named as Windows reserves or as a page of the site
    (in any of `folders`, the site folders where it becomes a file name): reported at `doc`'s `key`, else on
    the file or folder `path` as a whole. True when reported."""
    found = None
    for folder in folders:
        found = found or reserved_name(what, name, folder)
    if found is None:
        return False
    if doc is not None:
        ctx.report(doc, key, "reserved-name", *found)
    else:
        ctx.add(Problem(path, 0, "", "reserved-name", *found))
    return True


@rule("invalid-id")
def invalid_id(ctx: Context, path: str, name: str, what: Literal["zone", "file"], pattern: str = ID_PATTERN) -> bool:
    """A zone folder or a data file whose name is not an id (lowercase letters, digits and hyphens; an annual
    report's is a year). True when reported."""
    if what == "zone":
        if re.fullmatch(ID_PATTERN, name) and len(name) <= 64:
            return False
        zh, en = editor_text("invalid-id-zone-folder", name=name, quoted=repr(name))
        ctx.add(Problem(path, 0, "", "invalid-id", zh, en, editor_text("invalid-id-zone-folder-hint")[0]))
        return True
    if re.fullmatch(pattern, name) and len(name) <= 64 and name.casefold() not in RESERVED:
        return False
    zh, en = editor_text("invalid-id-file", name=name, quoted=repr(name))
    ctx.add(Problem(path, 0, "", "invalid-id", zh, en, editor_text("invalid-id-file-hint")[0]))
    return True


def _valid_file_id(ctx: Context, doc: Document, stem: str, pattern: str = ID_PATTERN, folder: str = "") -> bool:
    if folder and reserved(ctx, "what-case", stem, (folder,), path=doc.path):
        return False
    return not invalid_id(ctx, doc.path, stem, "file", pattern)
