"""Every text of every file, whatever its field: the scaffolds' placeholder left in, characters that are not text."""

from __future__ import annotations

import re
from typing import Any

from generator.data.load import Document
from generator.data.messages import editor_text
from generator.data.problems import Problem
from generator.data.rules.context import Context
from generator.data.rules.registry import rule
from generator.data.vocabulary import PLACEHOLDER  # what a scaffold invented and the editor must replace


@rule("placeholder-text")
def _check_placeholders(ctx: Context) -> None:
    """A scaffolded file still holding the placeholder (vocabulary.PLACEHOLDER) must not be published as if it
    were filled in."""

    def walk(doc: Document, node: Any, key: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(doc, v, (*key, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(doc, v, (*key, i))
        elif isinstance(node, str) and PLACEHOLDER in node:
            text = node.strip()[:40]
            zh, en = editor_text("placeholder-text", placeholder=PLACEHOLDER, text=text, quoted=repr(text))
            ctx.report(doc, key, "placeholder-text", zh, en)

    for doc in ctx.folder.documents():
        walk(doc, doc.data, ())


# Characters that are not text: Unicode's 66 noncharacters (U+FDD0–U+FDEF and the last two of every plane) and
# lone surrogates (YAML's \u escapes can carry both). XML (the feed, the Excel workbook) cannot hold them, the
# blog's post metadata refuses them, UTF-8 cannot encode a surrogate: refused wherever they are written.
_NOT_TEXT = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000))
    + "]"
)


@rule("invalid-character")
def _check_characters(ctx: Context) -> None:
    """Every text of every file, keys too, whatever its field: no noncharacter, no lone surrogate."""

    def walk(doc: Document, node: Any, key: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(doc, k, key)
                walk(doc, v, (*key, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(doc, v, (*key, i))
        elif isinstance(node, str) and (bad := _NOT_TEXT.search(node)):
            char = bad.group()
            code = f"U+{ord(char):04X}"
            zh, en = editor_text("char-surrogate" if 0xD800 <= ord(char) <= 0xDFFF else "char-noncharacter", code=code)
            hint = editor_text("char-hint", at=bad.start() + 1)[0]
            ctx.add(Problem(doc.path, doc.line_of(key), _where(key), "invalid-character", zh, en, hint))

    for doc in ctx.folder.documents():
        walk(doc, doc.data, ())


def _where(key: tuple[Any, ...]) -> str:
    where = ""
    for step in key:
        where += f"[{step}]" if isinstance(step, int) else (f".{step}" if where else str(step))
    return where
