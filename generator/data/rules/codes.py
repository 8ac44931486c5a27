"""Coded fields: what to write instead of a wrong code."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.data.messages import editor_text
from generator.data.vocabulary import NAME_SUFFIXES

# --- coded fields: what to write instead of a wrong code ----------------------------------------------

SHORT_LIST = 15  # up to this many codes, a wrong code's hint lists them all; beyond, the close ones first
CLOSE_SHOWN = 5


@dataclass(frozen=True)
class Coded:
    """One allowed code of a coded field, with its Chinese name and other names an editor may write."""

    code: str
    name: str = ""
    aliases: tuple[str, ...] = ()  # English name, short name


def coded(items: Iterable[Any]) -> list[Coded]:
    """Reference items, categories, indicators or tasks as `Coded` (their id, name, English and short name)."""
    out = []
    for item in items:
        aliases = tuple(a for a in (getattr(item, "name_en", None), getattr(item, "short", None)) if a)
        out.append(Coded(item.id, item.name, aliases))
    return out


@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    return re.sub(r"[\s_\-–—]+", "", text).lower()


@functools.lru_cache(maxsize=4096)
def _trimmed(text: str) -> str:
    """A Chinese name without the suffixes editors leave out or add (vocabulary.NAME_SUFFIXES)."""
    return re.sub(NAME_SUFFIXES, "", text.strip())


def suggest_codes(value: str, items: list[Coded]) -> list[Coded]:
    """The codes the editor most likely meant by `value`: its code in another spelling, its Chinese or
    English name (whole, without a suffix, or as part of it), else close spellings. Best first."""
    text = value.strip()
    if not text:
        return []
    plain, trimmed = _plain(text), _trimmed(text)
    exact = [
        c
        for c in items
        if plain == _plain(c.code)
        or (c.name and (text == c.name or (trimmed and trimmed == _trimmed(c.name))))
        or any(plain == _plain(a) for a in c.aliases)
    ]
    if exact:
        return exact
    if len(text) >= 2:
        inside = [c for c in items if c.name and (text in c.name or c.name in text)]
        if inside:
            return inside[:CLOSE_SHOWN]
    return _closest(text, items, 0.6)


def _closest(text: str, items: list[Coded], cutoff: float) -> list[Coded]:
    """Close spellings of a code or a name, the closest first; those clearly farther than the best left out."""
    scored: dict[Coded, float] = {}
    # a code is Latin, a name Chinese: the editor's text is compared with the one it can be a spelling of
    for mine, side in ((_plain(text), 0),) if text.isascii() else ((text.strip(), 1),):
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(mine)  # as difflib.get_close_matches: the cheap bounds first
        for c in items:
            other = _plain(c.code) if side == 0 else c.name
            if not other:
                continue
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                scored[c] = max(scored.get(c, 0.0), matcher.ratio())
    ranked = sorted((c for c in scored if scored[c] >= cutoff), key=lambda c: -scored[c])
    return [c for c in ranked if scored[c] >= scored[ranked[0]] - 0.1][:CLOSE_SHOWN] if ranked else []


def _listed(items: Iterable[Coded], joiner: str | None = None) -> str:
    joiner = editor_text("list-joiner")[0] if joiner is None else joiner
    return joiner.join(editor_text("code-item", code=c.code, name=c.name)[0] if c.name else c.code for c in items)


def code_hint(value: Any, items: list[Coded], where: str = "") -> str:
    """The hint for a wrong code: the code to write when the editor's text names one (code-write: nanning, its name),
    else every allowed code with its Chinese name, or for a long list the close ones and where the rest are."""
    text = value if isinstance(value, str) else ""
    found = suggest_codes(text, items) if any(c.name for c in items) else []  # unnamed: the codes are the words
    if 0 < len(found) <= 2:
        return editor_text("code-write", codes=_listed(found, editor_text("code-or")[0]))[0]
    if len(items) <= SHORT_LIST:
        return editor_text("code-options", codes=_listed(found + [c for c in items if c not in found]))[0]
    if not found and text:
        found = _closest(text, items, 0.4)
    if found:
        return editor_text("code-close", codes=_listed(found), count=len(items), where=where)[0]
    return editor_text("code-all-in", count=len(items), where=where)[0]
