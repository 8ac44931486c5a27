"""Stage 1, load: read one YAML file into plain values, every key with its line.

The only place that reads editors' files. What it guarantees:

- every scalar stays the text the editor wrote (a `str`), or `None` for an empty value: no YAML 1.1
  guessing (`NO` is not False, `012` is not octal 10, `1.10` is not 1.1, `3:30` is not 210). The
  models decide, field by field, what a text means (see `models.py`);
- duplicate keys, anchors/aliases (and so alias bombs), explicit tags, deep nesting and files over
  1 MB are refused with a problem, never a crash or a hang;
- a UTF-8 byte-order mark is accepted; a file in another encoding (GBK, likely from Windows tools)
  is named as such; full-width colons and U+3000 indentation get problems that name them;
- invisible characters (no-break and other Unicode spaces, zero-width characters, a BOM inside the
  file, bidi controls) are named with their line and column, never removed: an error where they break
  the structure or change a number, date or code, a warning in free text;
- text that can only come from a broken list or a misindented field (a list item merged into the item
  above, a field swallowed by the text above it) is reported on the line to change;
- a YAML syntax error is reported on the line the editor must change (the unclosed quote, the key
  without a space after its colon), not where the parser gave up.
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

from generator.data import layout, models
from generator.data.image_size import image_size
from generator.data.layout import REFERENCE_LISTS as REFERENCE_LISTS  # where the checker and the tests read it
from generator.data.messages import INVISIBLE_CHARACTERS, editor_text
from generator.data.problems import Problem, Severity
from generator.data.vocabulary import (
    DATE_DAY,
    DATE_MONTH,
    DATE_YEAR,
    FULLWIDTH_COLON,
    IDEOGRAPHIC_SPACE,
    NOT_APPLICABLE,
    NOT_AVAILABLE,
)

MAX_BYTES = 1_000_000
MAX_DEPTH = 20

Key = tuple[str | int, ...]

try:  # the C parser is ~10x faster; the events it yields are the same
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader


@dataclass
class Document:
    """One parsed file: its data, the line of every key path, and what went wrong reading it."""

    path: str  # display path, '/'-separated
    data: Any = None
    lines: dict[Key, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No error: the data can be validated (warnings, such as an invisible character in a text,
        travel with it)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def line_of(self, key: Key) -> int:
        """The line of the deepest known prefix of `key` (a missing field points at its parent)."""
        for end in range(len(key), -1, -1):
            line = self.lines.get(tuple(key[:end]))
            if line:
                return line
        return 1


def load_document(path: Path, display: str, root: Path | None = None) -> Document:
    """Read and parse one file. Never raises for bad content; problems go into the document.

    `root` is the data folder `path` lies in: no component of `path` below it may be a link (without it,
    the file itself may not be one). The file must be a regular file; at most MAX_BYTES + 1 bytes are read."""
    doc = Document(display)
    try:
        base, rel = _below(path, root)
        raw, size = read_below(base, rel, MAX_BYTES)
    except NotRegular as refused:
        doc.problems.append(refused.problem(display))
        return doc
    except OSError as exc:
        _problem(doc, "unexpected-file", 0, *editor_text("unexpected-file-unreadable", reason=exc.strerror))
        return doc
    if max(size, len(raw)) > MAX_BYTES:
        size = max(size, len(raw))
        _problem(doc, "file-too-large", 0, *editor_text("file-too-large-bytes", size=size, limit=MAX_BYTES))
        return doc
    return parse_text(raw, display)


def parse_text(raw: bytes, display: str) -> Document:
    """Parse bytes already read (pure; used by the tests and the fuzzers)."""
    doc = Document(display)
    if len(raw) > MAX_BYTES:
        _problem(doc, "file-too-large", 0, *editor_text("file-too-large-bytes", size=len(raw), limit=MAX_BYTES))
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    _scan_keyboard_traps(text, doc)
    if not doc.ok:
        return doc
    _compose(text, doc)
    return doc


# --- decode ----------------------------------------------------------------------------------


def _decode(raw: bytes, doc: Document) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = editor_text("not-utf8-hint")[0]
        try:
            raw.decode("gb18030")
            zh, en = editor_text("not-utf8-gbk")
        except UnicodeDecodeError:
            zh, en = editor_text("not-utf8-other")
        _problem(doc, "not-utf8", line, zh, en, hint)
        return None
    if "\x00" in text:
        _problem(
            doc,
            "not-utf8",
            text[: text.index("\x00")].count("\n") + 1,
            *editor_text("not-utf8-nul"),
            editor_text("not-utf8-nul-hint")[0],
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- traps from Chinese keyboards ------------------------------------------------------------

_FULLWIDTH_COLON_KEY = re.compile(rf"^[ ]*(?:-[ ]+)?([A-Za-z_][A-Za-z0-9_-]*)[ {IDEOGRAPHIC_SPACE}]*{FULLWIDTH_COLON}")
_BAD_INDENT = re.compile(rf"^[ ]*(?:-[ ]+)*[{IDEOGRAPHIC_SPACE}\t]|^[ ]*(?:-[ ]+)*-\t")
_BLOCK_START = re.compile(r":[ ]*[|>][+-]?[0-9]?[ ]*(#.*)?$")


def _scan_keyboard_traps(text: str, doc: Document) -> None:
    in_block = False
    block_indent = 0
    content_indent: int | None = None  # of the block's first line of text
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if in_block:  # inside a `|` or `>` block: free text, where full-width colons are normal
            if not stripped or indent > block_indent:
                if stripped and content_indent is None:
                    content_indent = indent
                _scan_invisible(line, number, doc, block_indent=content_indent or indent)
                continue
            in_block = False
        if stripped.startswith("#"):  # a comment is not read, but YAML ends it at a line break it sees
            if any(char in _BREAKS for char in line):
                _scan_invisible(line, number, doc)
            continue
        bad = _BAD_INDENT.match(line)
        if bad:
            char = bad.group()[-1]
            name = editor_text("load-name-tab" if char == "\t" else "load-name-ideographic-space")
            effect = editor_text("load-invisible-indent")
            zh, en = editor_text(
                "load-invisible",
                column=len(bad.group()),
                name=name[0],
                name_en=name[1],
                code=f"{ord(char):04X}",
                effect=effect[0],
                effect_en=effect[1],
                more="",
                more_en="",
            )
            _problem(doc, "ideographic-space", number, zh, en, editor_text("load-invisible-fix-indent")[0])
            continue
        match = _FULLWIDTH_COLON_KEY.match(line)
        if match and ": " not in line[: match.end()] and not line[: match.end()].rstrip().endswith(":"):
            zh, en = editor_text("fullwidth-colon-key", name=match.group(1))
            _problem(doc, "fullwidth-colon", number, zh, en, editor_text("fullwidth-colon-hint")[0])
            continue
        _scan_invisible(line, number, doc)
        if _BLOCK_START.search(line):
            in_block, block_indent, content_indent = True, indent, None


# --- invisible characters --------------------------------------------------------------------

_BREAKS = frozenset("\u0085\u2028\u2029")  # line breaks to YAML only
_SPACE_LIKE = frozenset("\u00a0\u1680\u202f\u205f" + "".join(chr(c) for c in range(0x2000, 0x200B)))
_INV = "".join(INVISIBLE_CHARACTERS)
_INVISIBLE = re.compile(f"[{_INV}]")
_KEY_AT = re.compile(rf"[A-Za-z0-9_{_INV}][A-Za-z0-9_\-{_INV}]*[ \t{_INV}]*:(?=[ \t{_INV}]|$)")
# what a number, a date, a code, an id, a file name, a link or a marker looks like, once the invisible
# characters are taken out: an invisible character there changes the value
_CODED = re.compile(
    rf"[-+]?[0-9][0-9,]*(\.[0-9]+)?%?|[0-9]{{4}}[-/.{DATE_YEAR}][0-9]{{1,2}}([-/.{DATE_MONTH}][0-9]{{1,2}}{DATE_DAY}?)?"
    rf"|[A-Za-z0-9_./-]+|(https?://|mailto:)\S+|{NOT_AVAILABLE}|{NOT_APPLICABLE}"
)


def _leading_end(line: str) -> int:
    """Where the line's indentation (spaces, list dashes and anything blank-looking) ends."""
    i = 0
    while i < len(line):
        char = line[i]
        nxt = line[i + 1] if i + 1 < len(line) else " "
        if (
            char in " \t" + IDEOGRAPHIC_SPACE
            or char in INVISIBLE_CHARACTERS
            or (char == "-" and (nxt in " \t" or nxt in _INV))
        ):
            i += 1
        else:
            break
    return i


def _segment(value: str, pos: int) -> str:
    """The part of a value holding position `pos`: the whole value, or one item of a flow list."""
    if value.lstrip()[:1] not in ("[", "{"):
        return value
    start = max(value.rfind(c, 0, pos) for c in "[{,:") + 1
    ends = [i for i in (value.find(c, pos) for c in "]},:") if i >= 0]
    return value[start : min(ends) if ends else len(value)]


def _coded(text: str) -> bool:
    bare = _INVISIBLE.sub("", text).strip(" \t")
    if len(bare) >= 2 and bare[0] in "\"'" and bare[-1] == bare[0]:
        bare = bare[1:-1].strip(" \t")
    return bool(bare) and _CODED.fullmatch(bare) is not None


def _scan_invisible(line: str, number: int, doc: Document, block_indent: int | None = None) -> None:
    """Name every invisible character of one line: where it is decides what it does."""
    hits = [m.start() for m in _INVISIBLE.finditer(line)]
    if not hits:
        return
    found: dict[str, list[int]] = {}
    key_name = shown = ""
    if block_indent is not None:  # a line of a `|` or `>` block: text, unless it cuts the indentation short
        for pos in hits:
            found.setdefault("indent" if pos < block_indent else "text", []).append(pos)
    else:
        lead = _leading_end(line)
        key = _KEY_AT.match(line, lead)
        key_end = lead
        if key:
            key_end = key.end()
            key_name = _INVISIBLE.sub("", key.group()).rstrip(" \t:")
            # `key:` then an invisible character instead of the space: YAML reads no key at all
            while key_end < len(line) and line[key_end] in INVISIBLE_CHARACTERS:
                key_end += 1
        value = line[key_end:]
        comment = re.search(r"[ \t]#", value) if value.lstrip()[:1] not in ("'", '"') else None
        for pos in hits:
            if pos < lead:
                kind = "indent"
            elif pos < key_end:
                kind = "key"
            elif comment and pos - key_end >= comment.start():
                continue  # in a comment, nothing is read
            else:
                part = _segment(value, pos - key_end)
                kind = "value" if _coded(part) else "text"
                if kind == "value" and "value" not in found:
                    shown = _INVISIBLE.sub("", part).strip(" \t\"'")
            found.setdefault(kind, []).append(pos)
    breaks = [pos for pos in hits if line[pos] in _BREAKS]
    if breaks:  # wherever it is, YAML starts a new line there: nothing on this line is read as written
        found = {"break": breaks, **{k: [p for p in v if p not in breaks] for k, v in found.items()}}
    for kind, positions in found.items():
        if positions:
            _report_invisible(doc, number, line, kind, positions, key_name, shown)


def _report_invisible(
    doc: Document, number: int, line: str, kind: str, positions: list[int], key: str, shown: str
) -> None:
    char = line[positions[0]]
    name = INVISIBLE_CHARACTERS[char]
    if kind == "value":
        effect = editor_text("load-invisible-value", value=shown[:40])
    elif kind == "key":
        effect = editor_text("load-invisible-key", field=key)
    else:
        effect = editor_text(f"load-invisible-{kind}")
    more = editor_text("load-invisible-more", count=len(positions)) if len(positions) > 1 else ("", "")
    zh, en = editor_text(
        "load-invisible",
        column=positions[0] + 1,
        name=name.zh,
        name_en=name.en,
        code=f"{ord(char):04X}",
        effect=effect[0],
        effect_en=effect[1],
        more=more[0],
        more_en=more[1],
    )
    if kind == "break":
        fix = "load-invisible-fix-break"
    elif kind == "indent":
        fix = "load-invisible-fix-indent"
    elif char in _SPACE_LIKE and kind != "value":
        fix = "load-invisible-fix-space"
    else:
        fix = "load-invisible-fix-delete"
    code = "invisible-in-text" if kind == "text" else "invisible-char"  # a break is an error wherever it is
    _problem(doc, code, number, zh, en, editor_text(fix)[0])


# --- compose ---------------------------------------------------------------------------------

_NULLS = {"", "~", "null", "Null", "NULL"}


class _Refused(Exception):
    """A file the loader refuses: the problem `code` on `line`, said by the text `text` (a key of
    messages.LOAD_TEXTS, its hint under `text`-hint) filled with `fields`."""

    def __init__(self, code: str, line: int, text: str, /, **fields: object) -> None:
        super().__init__(code)
        self.code, self.line = code, line
        self.zh, self.en = editor_text(text, **fields)
        self.hint = editor_text(f"{text}-hint")[0]


def _compose(text: str, doc: Document) -> None:
    """Build plain values from the parser's events, iteratively, with limits."""
    parser = _Parser(text)
    lines = text.split("\n")
    before = len(doc.problems)
    try:
        doc.data = _build(parser, doc, lines)
    except _Refused as exc:
        doc.data = None
        _problem(doc, exc.code, exc.line, exc.zh, exc.en, exc.hint)
    except yaml.MarkedYAMLError as exc:
        doc.data = None
        del doc.problems[before:]  # what the text looked like up to the error says nothing more
        line, zh, en, hint = _locate_yaml_error(exc, lines)
        _problem(doc, "yaml-syntax", line, zh, en, hint)
    except yaml.YAMLError as exc:
        doc.data = None
        _problem(doc, "yaml-syntax", 0, *editor_text("yaml-syntax-reader", error=exc))
    finally:
        parser.dispose()


def _build(parser: Any, doc: Document, lines: list[str]) -> Any:
    # Each frame: [container, path, pending_key, pending_key_line, swallowed fields [(name, line, problem)]]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    while parser.check_event():
        event = parser.get_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused("yaml-syntax", line, "yaml-syntax-two-documents")
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("yaml-alias", line, "yaml-alias-alias", name=event.anchor)
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            value = frame[0]
            if stack and isinstance(stack[-1][0], list):
                _check_text_read_as_field(value, frame[1], doc)
            for name, _line, problem in frame[4]:  # a field swallowed by the text above, and so missing
                if isinstance(value, dict) and name not in value:
                    doc.problems.append(problem)
            if not stack:
                root = value
            continue
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused("yaml-alias", line, "yaml-alias-anchor", name=anchor)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _Refused("yaml-tag", line, "yaml-tag-tag", tag=tag)
        if isinstance(event, yaml.ScalarEvent):
            plain = event.implicit[0] and not event.style
            value = None if plain and event.value in _NULLS else event.value
            container: dict[str, Any] | list[Any] | None = None
        elif isinstance(event, yaml.MappingStartEvent):
            container = {}
            value = container
        elif isinstance(event, yaml.SequenceStartEvent):
            container = []
            value = container
        else:  # pragma: no cover - PyYAML emits no other event kinds
            continue
        if not stack:
            path: Key = ()
            doc.lines[path] = line
            if container is None:
                root = value
            else:
                stack.append([container, path, None, 0, []])
            continue
        frame = stack[-1]
        parent, parent_path = frame[0], frame[1]
        if isinstance(parent, dict):
            if frame[2] is None:  # this event is a key
                if container is not None or value is None:
                    raise _Refused("yaml-syntax", line, "yaml-syntax-key-not-text")
                if value in parent:
                    first = doc.lines.get((*parent_path, value), 0)
                    raise _Refused("duplicate-key", line, "duplicate-key-first", name=value, first=first)
                frame[2], frame[3] = value, line
                continue
            key: str | int = frame[2]
            parent[key] = value
            doc.lines[(*parent_path, key)] = frame[3]
            frame[2] = None
            if container is None:
                _check_merged(event, lines, doc, (*parent_path, key), frame)
        else:
            key = len(parent)
            parent.append(value)
            doc.lines[(*parent_path, key)] = line
            if container is None:
                _check_merged(event, lines, doc, (*parent_path, key), None)
                _check_field_read_as_text(event, doc, line)
        if container is not None:
            if len(stack) >= MAX_DEPTH:
                raise _Refused("too-deep", line, "too-deep-levels", limit=MAX_DEPTH)
            stack.append([container, (*parent_path, key), None, 0, []])
    return root


# --- text that can only come from a broken list or a misindented field ------------------------

_ITEM_MARK = re.compile(r"([-*+•])(?:[ \t]|$)")
_FIELD_AT = re.compile(r"([a-z_][a-z0-9_]*):")


def _siblings() -> dict[str, frozenset[str]]:
    """For each field name of the models, the names that share a model with it."""
    out: dict[str, set[str]] = {}
    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, models.BaseModel):
            names = set(obj.model_fields)
            for name in names:
                out.setdefault(name, set()).update(names - {name})
    return {k: frozenset(v) for k, v in out.items()}


_SIBLINGS = _siblings()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dotted(path: Key) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _continuations(event: Any, lines: list[str]) -> list[int]:
    """The 0-based lines that YAML joined to the line above into one line of this scalar's text."""
    start, end = event.start_mark.line, min(event.end_mark.line, len(lines) - 1)
    if not event.style:  # plain: every further line is joined with a space
        return [i for i in range(start + 1, end + 1) if lines[i].strip()]
    if event.style == ">":  # folded: lines of the same indentation, one after the other, are joined
        body = [i for i in range(start + 1, end + 1) if lines[i].strip()]
        base = min((_indent(lines[i]) for i in body), default=0)
        return [i for i in body if i - 1 in body and _indent(lines[i]) == base == _indent(lines[i - 1])]
    return []


def _block_lines(event: Any, lines: list[str]) -> list[int]:
    """The 0-based lines holding the text of a `|` or `>` block."""
    start, end = event.start_mark.line, min(event.end_mark.line, len(lines) - 1)
    body = [i for i in range(start + 1, end + 1) if lines[i].strip()]
    if not body:
        return []
    base = _indent(lines[body[0]])
    return [i for i in body if _indent(lines[i]) >= base]


def _check_merged(event: Any, lines: list[str], doc: Document, path: Key, frame: list[Any] | None) -> None:
    """A scalar that swallowed a list item or a field: its text holds a line that can only be one."""
    start = event.start_mark.line
    first = start + 1
    if event.style in ("'", '"'):
        return
    for i in _continuations(event, lines):
        text = lines[i].strip(" \t")
        mark = _ITEM_MARK.match(text)
        if not mark:
            continue
        if frame is None and not event.style:  # an item of a list, merged into the item above
            dash = lines[start].rfind("-", 0, event.start_mark.column)
            zh, en = editor_text("load-item-merged", first=first, item=text[:30])
            hint = editor_text("load-item-merged-fix", spaces=max(dash, 0), first=first)[0]
            doc.problems.append(Problem(doc.path, i + 1, _dotted(path), "list-item-merged", zh, en, hint))
        else:
            name = str(path[-1]) if frame is not None else _dotted(path)
            zh, en = editor_text("load-line-merged", marker=mark.group(1), first=first, field=name)
            fix = "load-line-merged-fix-folded" if event.style == ">" else "load-line-merged-fix"
            hint = editor_text(fix, first=first, field=name)[0]
            doc.problems.append(Problem(doc.path, i + 1, _dotted(path), "line-merged", zh, en, hint))
    if frame is None or not isinstance(path[-1], str):
        return
    siblings = _SIBLINGS.get(path[-1], frozenset())
    candidates = _continuations(event, lines) if not event.style else _block_lines(event, lines)
    for i in candidates:
        found = _FIELD_AT.match(lines[i].strip(" \t"))
        if not found or found.group(1) not in siblings:
            continue
        after = lines[i].strip(" \t")[found.end() :]
        if event.style and after[:1] not in ("", " ", "\t"):
            continue  # in a block, `name:` must be followed by a space or the end of the line to be a field
        name, parent = found.group(1), str(path[-1])
        key_line = frame[3]
        zh, en = editor_text("load-key-merged", field=name, first=key_line, parent=parent)
        spaces = _indent(lines[key_line - 1])
        hint = editor_text("load-key-merged-fix", field=name, first=key_line, parent=parent, spaces=spaces)[0]
        field_path = _dotted((*path[:-1], name))
        frame[4].append((name, i + 1, Problem(doc.path, i + 1, field_path, "key-merged", zh, en, hint)))


_FIELD_NO_SPACE = re.compile(r"([a-z_][a-z0-9_]*):(\S.*)")


def _check_text_read_as_field(value: Any, path: Key, doc: Document) -> None:
    """A list item YAML read as a field: a text with ': ' in it (a word, a colon, a space, more text). No
    field is named in Chinese, so a one-field item whose name is not ASCII is a text."""
    # e.g. `- 注意: 文字`
    if isinstance(value, dict) and len(value) == 1:
        name, text = next(iter(value.items()))
        if not str(name).isascii() and (text is None or isinstance(text, str)):
            zh, en = editor_text("load-stray-colon")
            line = doc.lines.get((*path, name), 0)
            doc.problems.append(
                Problem(doc.path, line, "", "yaml-syntax", zh, en, editor_text("load-stray-colon-fix")[0])
            )


def _check_field_read_as_text(event: Any, doc: Document, line: int) -> None:
    """A list item YAML read as a text: a field without the space after its colon (`- file:demo.png`)."""
    if event.style or event.start_mark.line != event.end_mark.line:
        return
    found = _FIELD_NO_SPACE.fullmatch(event.value)
    if found and found.group(1) in _SIBLINGS:
        zh, en = editor_text("load-missing-space", field=found.group(1))
        fix = editor_text("load-missing-space-fix", field=found.group(1), value=found.group(2).strip())[0]
        doc.problems.append(Problem(doc.path, line, "", "yaml-syntax", zh, en, fix))


# --- where a YAML error is --------------------------------------------------------------------

_MISSING_SPACE = re.compile(r"^([ ]*(?:-[ ]+)*)([A-Za-z_][A-Za-z0-9_-]*):(\S.*)$")
_QUOTE_START = re.compile(r"^[ ]*(?:-[ ]+)*(?:[A-Za-z0-9_-]+:[ ]+)?([\"'])")
_KEY_LINE = re.compile(r"^[ ]*(?:-[ ]+)*[A-Za-z_][A-Za-z0-9_-]*:(?:[ ]|$)")


def _closing_quote(text: str, quote: str, start: int) -> int:
    """Index of the quote that closes a scalar opened just before `start`, or -1."""
    i = start
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def _unclosed_quote(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """The first quote opened before line `upto` (1-based) that swallows what looks like a field, or is
    never closed: (its line, the line where it ends, the quote)."""
    text = "\n".join(lines)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    in_block, block_indent = False, 0
    for number, line in enumerate(lines[:upto], start=1):
        if in_block and (not line.strip() or _indent(line) > block_indent):
            continue
        in_block = False
        if line.lstrip().startswith("#"):
            continue
        if _BLOCK_START.search(line):
            in_block, block_indent = True, _indent(line)
            continue
        opened = _QUOTE_START.match(line)
        if not opened:
            continue
        quote = opened.group(1)
        end = _closing_quote(text, quote, offsets[number - 1] + opened.end())
        end_line = text.count("\n", 0, end) + 1 if end >= 0 else _last_line(lines)
        if end_line == number:
            continue
        swallowed = lines[number : end_line - 1 if end >= 0 else end_line]
        if end < 0 or any(_KEY_LINE.match(s) for s in swallowed):
            return number, end_line, quote
        return None  # a text over several lines, closed before anything that looks like a field
    return None


_STRUCTURAL = re.compile(r"^[ ]*(?:-(?:[ \t]|$)|[A-Za-z0-9_-]+:(?:[ \t]|$)|[\"'\[\]{}#|>]|---|\.\.\.)")


def _comment_cut(lines: list[str], upto: int) -> int:
    """The first line up to `upto` that continues the comment above it without a #: a comment broken in
    two (by a paste, or by hand); YAML reads its second half as data. 0 if none."""
    text_lines = _block_text_lines(lines)
    for number in range(2, min(upto, len(lines)) + 1):
        line, above = lines[number - 1], lines[number - 2]
        if not line.strip() or number in text_lines or not above.lstrip().startswith("#"):
            continue
        if _indent(line) == _indent(above) and not _STRUCTURAL.match(line):
            return number
    return 0


def _last_line(lines: list[str]) -> int:
    return max((number for number, line in enumerate(lines, start=1) if line.strip()), default=1)


def _previous(lines: list[str], line: int, pattern: re.Pattern[str] | None = None) -> int:
    """The 1-based number of the nearest line above `line` with text (matching `pattern`), or 0."""
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if pattern is None or pattern.match(text):
            return number
    return 0


def _locate_yaml_error(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str, str, str]:
    """The line the editor must change, and what is wrong there: (line, zh, en, hint)."""
    problem = str(exc.problem or exc.context or "")
    context = str(exc.context or "")
    pm, cm = exc.problem_mark, exc.context_mark
    line = pm.line + 1 if pm else (cm.line + 1 if cm else 0)
    at = lines[line - 1] if 0 < line <= len(lines) else ""
    quote = _unclosed_quote(lines, line)
    if not quote and "end of stream" in problem and "quoted scalar" in context and cm:
        quote = (cm.line + 1, _last_line(lines), lines[cm.line][cm.column : cm.column + 1])
    if quote:
        opened, until, mark = quote
        zh, en = editor_text("load-unclosed-quote", quote=mark, until=until)
        return opened, zh, en, editor_text("load-unclosed-quote-fix", quote=mark)[0]
    cut = _comment_cut(lines, line)
    if cut:
        zh, en = editor_text("load-comment-cut")
        return cut, zh, en, editor_text("load-comment-cut-fix")[0]
    if "expected ',' or" in problem and cm:
        zh, en = editor_text("load-unclosed-bracket")
        return cm.line + 1, zh, en, editor_text("load-unclosed-bracket-fix")[0]
    if "could not find expected ':'" in problem and cm:
        line = cm.line + 1
        missing = _MISSING_SPACE.match(lines[line - 1])
        if missing:
            zh, en = editor_text("load-missing-space", field=missing.group(2))
            fix = editor_text("load-missing-space-fix", field=missing.group(2), value=missing.group(3).strip())
            return line, zh, en, fix[0]
        zh, en = editor_text("load-missing-colon")
        return line, zh, en, editor_text("load-missing-colon-fix")[0]
    misplaced = (
        "mapping values are not allowed",
        "did not find expected key",
        "did not find expected '-' indicator",
        "expected <block end>",
    )
    if any(needle in problem for needle in misplaced) and at:
        above = _previous(lines, line)
        missing = _MISSING_SPACE.match(lines[above - 1]) if above else None
        if "mapping values" in problem and missing and ": " not in lines[above - 1]:
            zh, en = editor_text("load-missing-space", field=missing.group(2))
            fix = editor_text("load-missing-space-fix", field=missing.group(2), value=missing.group(3).strip())
            return above, zh, en, fix[0]
        dash = at.lstrip(" ")[:1] == "-" and _ITEM_MARK.match(at.lstrip(" ")) is not None
        key_colon = "mapping values" not in problem or (pm is not None and at.find(":") == pm.column)
        if dash or (_KEY_LINE.match(at) and key_colon):
            choices = _aligned_with(lines, line, dash)
            if choices:
                kind = "list" if dash else "key"
                zh, en = editor_text(f"load-{kind}-misaligned")
                options = editor_text("load-indent-choices-or")[0].join(
                    editor_text("load-indent-choice", spaces=c, line=n)[0] for c, n in choices
                )
                return line, zh, en, editor_text(f"load-{kind}-misaligned-fix", choices=options)[0]
        if "mapping values" in problem:
            zh, en = editor_text("load-stray-colon")
            return line, zh, en, editor_text("load-stray-colon-fix")[0]
    zh, en, hint = _explain_yaml_error(problem)
    return line, zh, en, hint


def _aligned_with(lines: list[str], line: int, dash: bool) -> list[tuple[int, int]]:
    """Where a misindented line could go: the open levels just left and right of its column, as
    (spaces, the line that has them). Levels are read upwards, as YAML nests them: each line less
    indented than all below it (down to `line`) opens one; `dash` looks for list items' dashes instead
    of fields."""
    at = lines[line - 1]
    column = _indent(at) if dash else _key_column(at)
    text_lines = _block_text_lines(lines)
    levels: list[tuple[int, int]] = []
    lowest = len(at)
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if number in text_lines or not text.strip() or text.lstrip().startswith("#"):
            continue
        is_dash = text.lstrip(" ")[:1] == "-" and _ITEM_MARK.match(text.lstrip(" ")) is not None
        level = _indent(text) if dash else _key_column(text)
        if level < lowest:
            lowest = level
            if is_dash or not dash:
                levels.append((level, number))
        if lowest == 0:
            break
    left = [lv for lv in levels if lv[0] < column]
    right = [lv for lv in levels if lv[0] > column]
    return sorted(([max(left)] if left else []) + ([min(right)] if right else []))


def _block_text_lines(lines: list[str]) -> set[int]:
    """The 1-based lines inside `|` and `>` blocks: free text, not structure."""
    inside: set[int] = set()
    in_block, block_indent = False, 0
    for number, line in enumerate(lines, start=1):
        if in_block and (not line.strip() or _indent(line) > block_indent):
            inside.add(number)
            continue
        in_block = False
        if not line.lstrip().startswith("#") and _BLOCK_START.search(line):
            in_block, block_indent = True, _indent(line)
    return inside


def _key_column(line: str) -> int:
    """Where a line's key starts (after its indentation and any list dashes)."""
    match = re.match(r"^[ ]*(?:-[ ]+)*", line)
    return match.end() if match else 0


# pyyaml's problem -> what it means to an editor, and what to do (texts in messages.LOAD_TEXTS)
_YAML_HINTS = [
    ("mapping values are not allowed", "yaml-syntax-colon-here", "yaml-syntax-colon-here-hint"),
    ("could not find expected ':'", "yaml-syntax-no-colon", "yaml-syntax-no-colon-hint"),
    ("did not find expected key", "yaml-syntax-indent-or-key", "yaml-syntax-align-keys-hint"),
    ("did not find expected '-' indicator", "yaml-syntax-list-indent", "yaml-syntax-list-indent-hint"),
    ("found unexpected end of stream", "yaml-syntax-end", "yaml-syntax-end-hint"),
    ("found character '\\t'", "yaml-syntax-tab", "yaml-syntax-tab-hint"),
    ("found unknown escape character", "yaml-syntax-escape", "yaml-syntax-escape-hint"),
    ("expected <block end>", "yaml-syntax-indent", "yaml-syntax-align-keys-hint"),
    ("found undefined", "yaml-syntax-symbol", "yaml-syntax-symbol-hint"),
    ("cannot start any token", "yaml-syntax-reserved", "yaml-syntax-reserved-hint"),
]


def _explain_yaml_error(problem: str) -> tuple[str, str, str]:
    """(zh, en, hint) for pyyaml's `problem`: the English is pyyaml's own words."""
    for needle, what, hint in _YAML_HINTS:
        if needle in problem:
            zh, en = editor_text("yaml-syntax-explained", what=editor_text(what)[0], problem=problem)
            return zh, en, editor_text(hint)[0]
    zh, en = editor_text("yaml-syntax-unexplained", problem=problem)
    return zh, en, editor_text("yaml-syntax-unexplained-hint")[0]


def _problem(doc: Document, code: str, line: int, zh: str, en: str, hint: str = "") -> None:
    doc.problems.append(Problem(doc.path, line, "", code, zh, en, hint))


# --- reading files: regular files below the data folder, never through a link ---------------------
#
# git keeps symbolic links, so a pull request can add one: a link to /etc/passwd or the process
# environment would be read and published as an image, a link to /dev/zero (st_size 0) read until memory
# runs out, a FIFO would block the reader for ever. So no component of a path below the data folder may
# be a link, every file is opened without following one (O_NOFOLLOW, relative to its folder's descriptor)
# and checked as opened (fstat: a regular file), and read with a bounded read. Hard links cannot be told
# from the file they link (git never stores one; only a local copy could hold one).

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_BY_DIR_FD = {os.open, os.stat, os.readlink} <= os.supports_dir_fd and bool(_NOFOLLOW and _DIRECTORY)
_CHUNK = 1 << 20


class NotRegular(Exception):
    """A path below the data folder that is never read: a symbolic link, or not a regular file or folder."""

    def __init__(self, rel: tuple[str, ...], mode: int | None = None, target: str = "") -> None:
        super().__init__("/".join(rel))
        self.rel, self.mode, self.target = rel, mode, target

    def problem(self, shown: str) -> Problem:
        """The problem, for the path shown as `shown`."""
        if self.mode is None or stat.S_ISLNK(self.mode):
            target = self.target if len(self.target) <= 200 else self.target[:200] + "…"
            zh, en = editor_text("file-link", target=target or "?")
            hint = editor_text("file-link-hint")[0]
        else:
            device = stat.S_ISCHR(self.mode) or stat.S_ISBLK(self.mode)
            kind = "fifo" if stat.S_ISFIFO(self.mode) else "socket" if stat.S_ISSOCK(self.mode) else "other"
            kind = "device" if device else kind
            what = editor_text(f"file-kind-{kind}")
            zh, en = editor_text("file-special", kind=what[0], kind_en=what[1])
            hint = editor_text("file-special-hint")[0]
        return Problem(shown, 0, "", "not-regular-file", zh, en, hint)


def _below(path: Path, root: Path | None) -> tuple[Path, tuple[str, ...]]:
    """(folder, path below it as parts): below `root` when given, else the file in its own folder."""
    if root is not None:
        try:
            rel = path.relative_to(root).parts
        except ValueError:
            rel = ()
        if rel and ".." not in rel:
            return root, rel
    return path.parent, (path.name,)


def read_below(root: Path, rel: tuple[str, ...], limit: int) -> tuple[bytes, int]:
    """At most `limit` + 1 bytes of the regular file `root/rel…`, and the size it had when opened.

    Raises NotRegular when a component below `root` is a link, a folder on the way is not a folder, or
    the file is not a regular file (FIFO, device, socket); OSError when it cannot be read. `root` itself may
    be a link (the data folder can be given as one)."""
    if not _BY_DIR_FD:  # pragma: no cover - Windows: the same checks by path, one component at a time
        return _read_below_by_path(root, rel, limit)
    fd = os.open(root, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        for i, part in enumerate(rel):
            here = rel[: i + 1]
            info = os.stat(part, dir_fd=fd, follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                raise NotRegular(here, info.st_mode, _readlink(part, fd))
            last = i == len(rel) - 1
            if not _as_expected(info.st_mode, last):
                raise NotRegular(here, info.st_mode)
            flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | (_NONBLOCK | _NOCTTY if last else _DIRECTORY)
            try:
                opened = os.open(part, flags, dir_fd=fd)
            except OSError as exc:  # swapped for a link since the stat above
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise NotRegular(here) from exc
                raise
            os.close(fd)
            fd = opened
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped since the stat above
            raise NotRegular(rel, info.st_mode)
        return _read_at_most(fd, limit), info.st_size
    finally:
        os.close(fd)


def _as_expected(mode: int, last: bool) -> bool:
    """A folder on the way, a regular file at the end."""
    return stat.S_ISREG(mode) if last else stat.S_ISDIR(mode)


def _readlink(part: str, fd: int) -> str:
    try:
        return os.readlink(part, dir_fd=fd)
    except OSError:
        return ""


def _read_below_by_path(root: Path, rel: tuple[str, ...], limit: int) -> tuple[bytes, int]:  # pragma: no cover
    for i in range(len(rel)):
        here = rel[: i + 1]
        info = os.lstat(root.joinpath(*here))
        if stat.S_ISLNK(info.st_mode) or getattr(info, "st_reparse_tag", False):  # a link or a junction
            raise NotRegular(here, stat.S_IFLNK, "")
        if not _as_expected(info.st_mode, i == len(rel) - 1):
            raise NotRegular(here, info.st_mode)
    fd = os.open(root.joinpath(*rel), os.O_RDONLY | _BINARY | _NOFOLLOW | _NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(rel, info.st_mode)
        return _read_at_most(fd, limit), info.st_size
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    """Read to the end of the file or limit + 1 bytes, whichever comes first: a file larger than it says
    (growing, or a /proc file whose size reads 0) never holds more than that in memory."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def check_writable_below(root: Path, path: Path, folder: bool = False) -> None:
    """Raise NotRegular when writing `path` (below the data folder `root`) would go through a link: a
    component that is a link, a folder on the way that is not a folder, an existing file that is not a regular
    file (a folder when `folder`). What does not exist yet is created by the writer."""
    try:
        rel = path.relative_to(root).parts
    except ValueError:
        return  # not in the data folder (an Excel sheet the editor names): the editor's own choice
    for i in range(len(rel)):
        here = rel[: i + 1]
        try:
            info = os.lstat(root.joinpath(*here))
        except FileNotFoundError:
            return
        if stat.S_ISLNK(info.st_mode):
            raise NotRegular(here, info.st_mode, _readlink_path(root.joinpath(*here)))
        if not _as_expected(info.st_mode, i == len(rel) - 1 and not folder):
            raise NotRegular(here, info.st_mode)


def walk_below(root: Path) -> Iterator[tuple[tuple[str, ...], int]]:
    """Every entry below `root` that is not a folder, as (parts, lstat mode), without entering a linked
    folder: a link is yielded as a link. Hidden entries (.gitkeep, .git, .DS_Store) and the generated
    schemas/ are left out, as they hold no data."""
    folders: list[tuple[str, ...]] = [()]
    while folders:
        rel = folders.pop()
        with os.scandir(root.joinpath(*rel)) as entries:
            for entry in entries:
                here = (*rel, entry.name)
                if entry.name.startswith(".") or here in layout.GENERATED_FOLDERS:
                    continue
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISDIR(mode):
                    folders.append(here)
                else:
                    yield here, mode


# --- the data folder ---------------------------------------------------------------------------

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")  # any case (cameras write .JPG); no SVG: it can carry script
MAX_IMAGE_BYTES = 2_000_000
# Formats editors bring that the site does not take, by suffix: the name the message gives them, and its hint.
_IMAGE_FORMATS = {
    ".svg": ("SVG", "image-format-hint-svg"),
    ".svgz": ("SVG", "image-format-hint-svg"),
    ".heic": ("HEIC", "image-format-hint-heic"),
    ".heif": ("HEIF", "image-format-hint-heic"),
    ".bmp": ("BMP", "image-format-hint"),
    ".dib": ("BMP", "image-format-hint"),
    ".gif": ("GIF", "image-format-hint"),
    ".tif": ("TIFF", "image-format-hint"),
    ".tiff": ("TIFF", "image-format-hint"),
    ".avif": ("AVIF", "image-format-hint"),
    ".ico": ("ICO", "image-format-hint"),
    ".psd": ("PSD", "image-format-hint"),
    ".emf": ("EMF", "image-format-hint"),
    ".wmf": ("WMF", "image-format-hint"),
}
_JPEG_SUFFIXES = (".jfif", ".jpe", ".pjpeg", ".pjp")  # JPEG under another name (Windows saves .jfif)


@dataclass
class ZoneFiles:
    """Everything in one zone's folder, parsed; the folder name is the zone's id."""

    id: str
    zone: Document | None = None
    indicators: Document | None = None
    annual: dict[str, Document] = field(default_factory=dict)  # file stem (the year as written) -> doc
    cases: dict[str, Document] = field(default_factory=dict)  # file stem (the slug) -> doc
    images: dict[str, bytes] = field(default_factory=dict)  # file name -> content
    image_files: list[str] = field(default_factory=list)  # every file name in images/, refused ones too
    folder: str = ""  # display path of the zone's folder
    root: str = ""  # display path of the data folder

    def shown(self, kind: layout.FileKind, **ids: object) -> str:
        """The display path of this zone's file of `kind` (`<data>/zones/<id>/zone.yaml`)."""
        return f"{self.root}/{kind.rel(zone=self.id, **ids)}"


@dataclass
class DataFolder:
    """The parsed data folder: every file in its role, plus problems with files that have none."""

    root: Path
    display_root: str
    site: Document | None = None
    indicator_system: Document | None = None
    references: dict[str, Document] = field(default_factory=dict)
    zones: dict[str, ZoneFiles] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def shown(self, kind: layout.Pattern, **ids: object) -> str:
        """The display path of the file (or folder) of `kind` with these ids."""
        return f"{self.display_root}/{kind.rel(**ids)}"

    def documents(self) -> list[Document]:
        docs = [d for d in (self.site, self.indicator_system) if d is not None]
        docs += [self.references[k] for k in sorted(self.references)]
        for zone in self.zones.values():
            docs += [d for d in (zone.zone, zone.indicators) if d is not None]
            docs += [zone.annual[k] for k in sorted(zone.annual)]
            docs += [zone.cases[k] for k in sorted(zone.cases)]
        return docs


def display_root_for(root: Path) -> str:
    """How paths are shown: relative to the working directory when inside it (so GitHub annotations
    land on the right file), else the folder's own name."""
    try:
        rel = root.resolve().relative_to(Path.cwd().resolve())
        return rel.as_posix() if str(rel) != "." else "."
    except ValueError:
        return root.name


def _readlink_path(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""


def load_data(root: Path) -> DataFolder:
    """Parse every file of a data folder. Files in no known place become `unexpected-file` problems:
    nothing an editor writes is silently ignored."""
    folder = DataFolder(root, display_root_for(root))
    shown = folder.display_root

    def disp(path: Path) -> str:
        return f"{shown}/{path.relative_to(root).as_posix()}"

    def unexpected(path: Path, zh: str, en: str, hint: str = "") -> None:
        folder.problems.append(Problem(disp(path), 0, "", "unexpected-file", zh, en, hint))

    if not root.is_dir():
        folder.problems.append(Problem(shown, 0, "", "unexpected-file", *editor_text("unexpected-file-no-folder")))
        return folder
    for rel, mode in sorted(walk_below(root)):
        path = root.joinpath(*rel)
        found = layout.match(rel)
        if not stat.S_ISREG(mode) and found is None:  # a linked folder, a FIFO where no file goes …
            folder.problems.append(NotRegular(rel, mode, _readlink_path(path)).problem(disp(path)))
            continue
        kind, ids = (found.kind, found.ids) if found is not None else (None, {})
        in_zone = layout.ZONE_FOLDER.holding(rel)
        if in_zone is not None:
            _place_zone_file(folder, path, rel, in_zone["zone"], kind, ids, disp, unexpected)
        elif kind is layout.SITE:
            folder.site = load_document(path, disp(path), root)
        elif kind is layout.INDICATOR_SYSTEM:
            folder.indicator_system = load_document(path, disp(path), root)
        elif kind in (layout.REFERENCE, layout.TASKS):
            folder.references[ids["list"]] = load_document(path, disp(path), root)
        else:
            unexpected(path, *editor_text("unexpected-file-no-place"), editor_text("unexpected-file-no-place-hint")[0])
    return folder


def _place_zone_file(
    folder: DataFolder,
    path: Path,
    rel: tuple[str, ...],
    zone_id: str,
    kind: layout.FileKind | None,
    ids: Mapping[str, str],
    disp: Any,
    unexpected: Any,
) -> None:
    """A file in a zone's folder, in its role (its zone has files, even when this one is of no kind)."""
    shown_folder = folder.shown(layout.ZONE_FOLDER, zone=zone_id)
    zone = folder.zones.setdefault(zone_id, ZoneFiles(zone_id, folder=shown_folder, root=folder.display_root))
    if kind is layout.ZONE:
        zone.zone = load_document(path, disp(path), folder.root)
    elif kind is layout.ZONE_INDICATORS:
        zone.indicators = load_document(path, disp(path), folder.root)
    elif kind is layout.ANNUAL:
        zone.annual[ids["year"]] = load_document(path, disp(path), folder.root)
    elif kind is layout.CASE:
        zone.cases[ids["case"]] = load_document(path, disp(path), folder.root)
    elif kind is layout.IMAGE:
        name = ids["image"]
        twin = next((n for n in zone.image_files if n.casefold() == name.casefold()), None)
        zone.image_files.append(name)
        content, problem = _read_image(folder.root, rel, name, disp(path))
        if twin is not None:  # one file on Windows and macOS: a checkout keeps only one of them
            zh, en = editor_text("image-name-clash", name=name, other=twin)
            folder.problems.append(
                Problem(disp(path), 0, "", "duplicate-id", zh, en, editor_text("image-name-clash-hint")[0])
            )
        if problem is None:
            zone.images[name] = content
        else:
            folder.problems.append(problem)
    else:
        unexpected(path, *editor_text("unexpected-file-in-zone"), editor_text("unexpected-file-in-zone-hint")[0])


def _read_image(root: Path, rel: tuple[str, ...], name: str, shown: str) -> tuple[bytes, Problem | None]:
    """The bytes of a file in a zone's images/ and, when it cannot be published, why (one problem, saying
    what to do)."""
    try:
        content, size = read_below(root, rel, MAX_IMAGE_BYTES)
    except NotRegular as refused:
        return b"", refused.problem(shown)
    except OSError as exc:
        zh, en = editor_text("unexpected-file-unreadable", reason=exc.strerror)
        return b"", Problem(shown, 0, "", "unexpected-file", zh, en)
    problem = _image_problem(Path(name), name, shown, max(size, len(content)))
    if problem is None:
        problem = image_content_problem(content, name, shown)
    return content, problem


# What the bytes of an image must be, by suffix (Pillow's format names; a JPEG carrying a second picture, as
# some phones write, is Pillow's MPO: browsers show its first picture, so it is taken as a JPEG).
_IMAGE_KINDS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
_KIND_SHOWN = {"PNG": ("PNG", ".png"), "JPEG": ("JPEG", ".jpg"), "MPO": ("JPEG", ".jpg"), "WEBP": ("WebP", ".webp")}
MAX_IMAGE_PIXELS = 25_000_000  # 5000 × 5000: far more than a page shows (1200 wide); decoding stays bounded


def image_content_problem(content: bytes, name: str, shown: str) -> Problem | None:
    """Why the bytes of `name` (a .png, .jpg, .jpeg or .webp within the size limit) are not a whole, still
    image of the format its suffix says, or None. Decodes the whole image once (a cut image fails only
    then), after its dimensions are known to be within MAX_IMAGE_PIXELS."""
    from PIL import Image, ImageFile, UnidentifiedImageError

    suffix = Path(name).suffix.lower()

    def refused(key: str, code: str, hint: str, **fields: object) -> Problem:
        zh, en = editor_text(key, name=name, suffix=Path(name).suffix, **fields)
        return Problem(shown, 0, "", code, zh, en, editor_text(hint)[0])

    def too_many(width: object, height: object) -> Problem:
        limit = MAX_IMAGE_PIXELS // 10_000
        return refused("image-pixels", "image-dimensions", "image-pixels-hint", width=width, height=height,
                       limit=limit, limit_en=f"{MAX_IMAGE_PIXELS / 1_000_000:g}")  # fmt: skip

    truncated = ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint turns it on when imported: a cut image would pass
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            try:
                image = Image.open(io.BytesIO(content), formats=sorted(set(_IMAGE_KINDS.values())))
            except UnidentifiedImageError:
                return refused("image-content-not-image", "image-format", "image-content-not-image-hint")
            except Image.DecompressionBombError:
                size = image_size(content) or ("?", "?")
                return too_many(*size)
            except Exception:  # a header Pillow cannot read (struct.error, SyntaxError …): damaged
                return refused("image-damaged", "image-damaged", "image-damaged-hint")
            with image:
                kind, right = _KIND_SHOWN.get(image.format or "", ("?", ""))
                if right != _KIND_SHOWN[_IMAGE_KINDS[suffix]][1]:
                    return refused("image-content-other", "image-format", "image-rename-hint", kind=kind, right=right)
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return too_many(width, height)
                frames = getattr(image, "n_frames", 1)
                if image.format != "MPO" and frames > 1:
                    return refused("image-animated", "image-format", "image-animated-hint", frames=frames)
                try:
                    image.load()
                except Exception:  # cut short or corrupt: Pillow raises OSError, SyntaxError, ValueError …
                    return refused("image-damaged", "image-damaged", "image-damaged-hint")
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    return None


def _image_problem(path: Path, name: str, shown: str, size: int) -> Problem | None:
    """Why a file of `size` bytes in a zone's images/ cannot be published, or None."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        if size <= MAX_IMAGE_BYTES:
            return None
        limit = _megabytes(MAX_IMAGE_BYTES)
        zh, en = editor_text("image-too-large", name=name, size=_megabytes(size), bytes=f"{size:,}", limit=limit)
        return Problem(shown, 0, "", "file-too-large", zh, en, editor_text("image-too-large-hint", limit=limit)[0])
    separator = editor_text("load-list-separator")
    suffixes = {"suffixes": separator[0].join(IMAGE_SUFFIXES), "suffixes_en": separator[1].join(IMAGE_SUFFIXES)}
    if suffix in _JPEG_SUFFIXES:
        zh, en = editor_text("image-rename-jpeg", name=name, suffix=path.suffix)
        hint = "image-rename-hint"
    elif suffix in _IMAGE_FORMATS:
        kind, hint = _IMAGE_FORMATS[suffix]
        zh, en = editor_text("image-format", name=name, format=kind, **suffixes)
    else:
        zh, en = editor_text("image-not-image", name=name, **suffixes)
        hint = "image-not-image-hint"
    return Problem(shown, 0, "", "image-format", zh, en, editor_text(hint)[0])


def _megabytes(size: int) -> str:
    """Bytes as MB (1 MB = 1,000,000 bytes) with at most one decimal, rounded up: an image over the limit never
    shows as the limit itself (2,000,001 bytes is 2.1 MB)."""
    mb = (Decimal(size) / 1_000_000).quantize(Decimal("0.1"), rounding=ROUND_UP)
    return format(mb.normalize(), "f")
