"""What a pull request changes in the data, in Chinese Markdown, for the reviewer who merges it.

`python -m generator diff BASE_REF` reads the data folder as it was at BASE_REF (with `git archive`, so
the working tree is never touched), validates both versions and compares the catalogs field by field:
the site settings, the indicator system, the reference lists, each zone (every profile field, plan
section, target, event, own indicator and image file), each annual report (its submission date,
highlights, and every value with its note and source; a new year with all its values, a deleted year
with ⚠) and each case (every field). The comparison walks the models (`generator/data/models.py`), so
a field added there is compared without a change here. A zone folder or case file renamed is shown as a
rename (matched by content), never as one thing deleted and another added. If either version does not
validate, the summary lists the changed files instead (the check step reports the errors).

Everything taken from the data (and the file names and the base ref) is shown as text: Markdown and
HTML characters are escaped, line breaks shown as ⏎, invisible and direction-changing characters named
(⟨U+202E⟩), and long values cut with a note, so no value can add a heading, a link, an image, a comment
or a table, or hide or reorder a line of the summary. CI appends the summary to the job summary.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tarfile
import tempfile
import types
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.analysis.numbers import fmt_decimal
from generator.data import layout
from generator.data.catalog import Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.load import load_data
from generator.data.messages import editor_text
from generator.data.models import AnnualReport, IndicatorSystem, Value, ZoneIndicators, coded_fields, field_words
from generator.data.rules.reports import tenfold_jump
from generator.data.types import parse_number
from generator.data.validate import validate_data
from generator.data.vocabulary import SPACES_SHOWN
from generator.i18n import bilingual, pgettext
from generator.site.paths import case_page, page_url, zone_page

TEXT_LIMIT = 300  # characters of one value shown; the rest is counted, not shown
NAME_LIMIT = 60  # characters of a name used to head a line (zone, case, indicator)
SUMMARY_LIMIT = 900_000  # bytes: GitHub refuses a job summary over 1 MiB (the rest is for the closing lines)
RENAME_SHARE = 0.6  # share of equal fields at which a deleted and an added record are one renamed record


class DiffError(Exception):
    """BASE_REF or the data folder cannot be read with git."""


@dataclass
class Summary:
    lines: list[str] = field(default_factory=list)
    jumps: int = 0  # values that moved more than tenfold
    deleted: int = 0  # published things deleted (a zone, a year, a case)

    def add(self, line: str) -> None:
        self.lines.append(line)


def _t(key: str, **fields: object) -> str:
    return editor_text(key, **fields)[0]


# The summary's punctuation, from the catalogue (the words of the editors' tools: editors.po).


def _said(path: str, change: str) -> str:
    """A line's subject and what it says of it: `path: change` in the catalogue's punctuation."""
    return pgettext("diff", "%(path)s: %(change)s", path=path, change=change)


def _named(name: str, what: str) -> str:
    """A name with its id in brackets."""
    return pgettext("editors", "%(name)s (%(what)s)", name=name, what=what)


def _listed(items: Any) -> str:
    """Items in a row (names, values, the things to check)."""
    return pgettext("editors", ", ").join(items)


def _fields(items: Any) -> str:
    """A record's fields in a row."""
    return pgettext("editors", "; ").join(items)


# --- data shown as text ------------------------------------------------------------------------

_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_MARKDOWN = set("\\`*_{}[]()#+-.!|<>&~:@^=$")  # ASCII punctuation Markdown, HTML or GitHub could read
_PLAIN_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./@+~^-]*")


def text(value: str, limit: int = TEXT_LIMIT) -> str:
    """`value` as Markdown that renders as this text and nothing else: on one line (breaks as ⏎), invisible
    characters named (⟨U+200B⟩), at most `limit` characters (the rest counted)."""
    flat = _BREAKS.sub("\n", value)
    out: list[str] = []
    used = 0
    for i, char in enumerate(flat):
        if i >= limit or used >= 2 * limit:
            out.append(_t("diff-truncated", total=len(flat), rest=len(flat) - i))
            break
        if char == "\n":
            unit = "⏎"
        elif char in _MARKDOWN:
            unit = "\\" + char
        elif char == "⏎" or (  # the marker itself, typed in the data, is named like the invisible ones
            unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
            or (unicodedata.category(char) == "Zs" and char not in SPACES_SHOWN)
        ):
            unit = f"⟨U+{ord(char):04X}⟩"
        else:
            unit = char
        out.append(unit)
        used += len(unit)
    return "".join(out)


def code(value: str) -> str:
    """An id, file name or git ref: in a code span when it is plain, else as escaped text."""
    return f"`{value}`" if _PLAIN_CODE.fullmatch(value) and len(value) <= 200 else text(value, NAME_LIMIT)


def web_path(value: str) -> str:
    """A page's address on the site (made of ids the check has passed), as text."""
    return value if re.fullmatch(r"[A-Za-z0-9/_-]+", value) else text(value, NAME_LIMIT)


def quoted(value: str) -> str:
    return f"“{text(value)}”"


# --- reading base and changes with git -----------------------------------------------------------


def read_base(data: Path, base_ref: str, into: Path) -> Path:
    """Extract the data folder as it was at `base_ref` into `into`; returns the extracted folder."""
    data = data.resolve()
    try:
        top = Path(_git(data, "rev-parse", "--show-toplevel").decode().strip())
        rel = data.relative_to(top).as_posix()
        _git(top, "rev-parse", "--verify", "--quiet", f"{base_ref}^{{commit}}")
    except (subprocess.CalledProcessError, ValueError) as exc:
        raise DiffError(bilingual("cannot read git revision %(ref)s", ref=base_ref)) from exc
    target = into / "base"
    target.mkdir(parents=True)
    try:
        archive = _git(top, "archive", "--format=tar", base_ref, "--", rel)
    except subprocess.CalledProcessError:  # the folder did not exist at base_ref: everything is new
        return target
    links: list[tarfile.TarInfo] = []

    def files_only(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        if member.issym() or member.islnk():
            links.append(member)
            return None
        return tarfile.data_filter(member, path)

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter=files_only)
    _make_links(target, links)
    return target / rel


def _make_links(target: Path, links: list[tarfile.TarInfo]) -> None:
    """Recreate the base's symbolic links as links (never followed: the loader refuses them, so the base fails
    its check as it would have), after every file, so that nothing is extracted through one; a link whose own
    place would be outside `target` is left out."""
    top = target.resolve()
    for member in links:
        if not member.issym():
            continue  # git archive writes no hard links
        place = target / member.name
        try:
            place.parent.resolve().relative_to(top)
        except ValueError:
            continue
        if place.parent.is_dir() and not place.is_symlink() and not place.exists():
            os.symlink(member.linkname, place)


def _git(cwd: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout


def changed_files(data: Path, base_ref: str) -> list[str]:
    """The changed files as summary lines: what happened (added, modified, renamed …) and the path, as text."""
    raw = _git(data.resolve(), "diff", "-z", "--name-status", base_ref, "--", ".").decode("utf-8", "replace")
    parts = raw.split("\0")
    out = []
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        count = 2 if status[:1] in ("R", "C") else 1
        paths = parts[i + 1 : i + 1 + count]
        i += 1 + count
        key = f"diff-file-{status[:1]}"
        what = _t(key) if key in _FILE_KEYS else text(status)
        out.append(f"- {what} {' → '.join(code(p) for p in paths)}")
    return out


_FILE_KEYS = {f"diff-file-{s}" for s in "AMDRCT"}


# --- the summary ---------------------------------------------------------------------------------


def describe_diff(data: Path, base_ref: str) -> Summary:
    """The Markdown summary of the data changes between `base_ref` and the working tree's data folder."""
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = read_base(data, base_ref, Path(tmp))
        base_exists = base_dir.exists() and any(base_dir.iterdir())
        old, old_log = validate_data(load_data(base_dir)) if base_exists else (None, None)
        new, new_log = validate_data(load_data(data))
    summary = Summary()
    summary.add(f"## {_t('diff-title', base=code(base_ref))}")
    summary.add("")
    broken = "diff-broken-new" if new is None or new_log.failing(False) else ""
    if not broken and old_log is not None and (old is None or old_log.failing(False)):
        broken = "diff-broken-base"
    if new is None or broken:
        summary.add(_t(broken))
        summary.add("")
        summary.lines += changed_files(data, base_ref) or [f"- {_t('diff-no-files')}"]
        return _bounded(summary)
    body = _Differ(old or _empty_like(new), new, summary).sections()
    summary.lines += body or [_t("diff-no-change")]
    if not body:  # the files may still have changed (comments, hidden files, schemas): say which
        files = changed_files(data, base_ref)
        if files:
            summary.lines += ["", _t("diff-files-without-data"), "", *files]
    _bounded(summary)
    checks = []
    if summary.jumps:
        checks.append(_t("diff-check-jumps", count=summary.jumps))
    if summary.deleted:
        checks.append(_t("diff-check-deleted", count=summary.deleted))
    if checks:
        summary.add("")
        summary.add(_t("diff-check", items=_listed(checks)))  # after the cut: always there
    return summary


def describe_between(data: Path, old_ref: str, new_ref: str) -> list[str] | None:
    """The data changes from `old_ref` to `new_ref` (two commits; the data folder as it was at each), as the
    summary's sections: its Markdown lines, every value escaped as text. None when either version does not
    validate (a published release always did). The news post of a data release is made of it
    (generator/build.py, generator/site/news.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        catalogs = []
        for ref, into in ((old_ref, Path(tmp) / "old"), (new_ref, Path(tmp) / "new")):
            into.mkdir()
            folder = read_base(data, ref, into)
            catalog, log = validate_data(load_data(folder)) if folder.is_dir() else (None, None)
            if catalog is None or log is None or log.failing(False):
                return None
            catalogs.append(catalog)
    return _bounded(Summary(_Differ(catalogs[0], catalogs[1], Summary()).sections())).lines


def _bounded(summary: Summary) -> Summary:
    """Keep the summary under GitHub's job-summary limit, saying how much was left out."""
    size = 0
    for i, line in enumerate(summary.lines):
        size += len(line.encode()) + 1
        if size > SUMMARY_LIMIT:
            rest = len(summary.lines) - i
            summary.lines[i:] = ["", _t("diff-too-long", count=rest)]
            break
    return summary


def _empty_like(catalog: Catalog) -> Catalog:
    return Catalog(catalog.site, catalog.categories, catalog.indicators, catalog.indicator_source,
                   catalog.references, catalog.tasks, {}, ())  # fmt: skip


def _name(zone: ZoneRecord) -> str:
    return text(zone.zone.short_name or zone.zone.name, NAME_LIMIT)


def _label(info: FieldInfo) -> str:
    """A field's Chinese name, as its description starts (before the explanation in brackets)."""
    label = field_words(info)[0]
    ends = pgettext("diff: the marks that end a field's name in its description", "(:")
    return re.split(f"[{re.escape(ends)}]", label, maxsplit=1)[0].strip()


def _text_change(a: str, b: str, context: int = 20) -> tuple[str, str]:
    """Two versions of a text, quoted; when either is too long to show whole, the part that differs, with
    some context and where it starts, so that a change deep in a long text is seen."""
    if len(a) <= TEXT_LIMIT and len(b) <= TEXT_LIMIT:
        return quoted(a), quoted(b)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = max(0, head - context)

    def part(value: str) -> str:
        end = min(len(value), len(value) - tail + context)
        shown = ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")
        return _t("diff-from-char", at=start + 1, total=len(value)) + quoted(shown)

    return part(a), part(b)


def _label_fields(item: BaseModel) -> tuple[str, ...]:
    """The fields that name a list item: an event's kind and date, funding's source and year, else its id,
    file or name (none: the item is matched whole)."""
    fields = type(item).model_fields
    if "kind" in fields and "date" in fields:
        return ("kind", "date")
    if "source" in fields and "amount" in fields:
        return ("source", "year")
    return next(((n,) for n in ("id", "file", "name") if n in fields), ())


def _join(path: str, label: str) -> str:
    if not path or path.endswith(" "):
        return path + label
    closed = path.endswith(tuple(pgettext("diff: the marks after which a path's · has no space", ")")))
    return f"{path}· {label}" if closed else f"{path} · {label}"


def _similarity(a: BaseModel, b: BaseModel) -> float:
    names = list(type(b).model_fields)
    return sum(getattr(a, n, None) == getattr(b, n) for n in names) / len(names) if names else 0.0


def _pair(old: dict[str, Any], new: dict[str, Any], model: Any, same: Any) -> dict[str, str]:
    """Deleted and added records that are one record renamed: old key -> new key (best matches first)."""
    candidates = []
    for a in old:
        for b in new:
            x, y = model(old[a]), model(new[b])
            score = _similarity(x, y)
            if same(old[a], new[b]) or score >= RENAME_SHARE:
                candidates.append((-(score + same(old[a], new[b])), a, b))
    pairs: dict[str, str] = {}
    for _, a, b in sorted(candidates):
        if a not in pairs and b not in pairs.values():
            pairs[a] = b
    return pairs


def _is_code(annotation: Any, metadata: list[Any] | None = None) -> bool:
    """Whether a field holds an id (shown as code, with its name when the reference lists know it)."""
    for meta in metadata or []:
        if getattr(getattr(meta, "func", None), "__name__", "") in ("_key", "_id"):
            return True
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return True
    if origin is Annotated:
        return _is_code(args[0], list(args[1:]))
    if origin in (Union, types.UnionType, list):
        return any(_is_code(a) for a in args if a is not type(None))
    return False


@cache
def _reference(cls: type[BaseModel], name: str) -> str:
    """Codes shown with their names: the code list of a model class's field ("indicators": the indicator
    system), as the data files' models say (`CodeList`); empty for a field that takes no code."""
    roots = {kind.item_model for kind in layout.FILE_KINDS if kind.model is not None}
    found = {c.list_name for root in roots for c in coded_fields(root) if (c.owner, c.field) == (cls, name)}
    return found.pop() if len(found) == 1 else ""


@dataclass
class _Field:
    """What a value means: the reference list its codes come from, or whether it is an id."""

    reference: str = ""
    is_code: bool = False


class _Differ:
    def __init__(self, old: Catalog, new: Catalog, summary: Summary) -> None:
        self.old, self.new, self.summary = old, new, summary
        self.zone_id: str | None = None
        self.renamed = _pair(
            {k: v for k, v in old.zones.items() if k not in new.zones},
            {k: v for k, v in new.zones.items() if k not in old.zones},
            lambda r: r.zone,
            lambda a, b: a.zone.name == b.zone.name,
        )
        self.old_id = {new_id: old_id for old_id, new_id in self.renamed.items()}

    def sections(self) -> list[str]:
        out: list[str] = []
        for key, lines in (
            ("diff-section-site", self._site()),
            ("diff-section-system", self._system()),
            ("diff-section-references", self._references()),
            ("diff-section-zones", self._zones()),
            ("diff-section-values", self._values()),
            ("diff-section-cases", self._cases()),
        ):
            if lines:
                out += [f"### {_t(key)}", "", *lines, ""]
        return out

    # --- values shown ---

    def ref_name(self, reference: str, item_id: str) -> str | None:
        if reference == "indicators":
            ind = self.new.indicator(item_id, self.zone_id) or self.old.indicator(
                item_id, self.old_id.get(self.zone_id or "", self.zone_id)
            )
            return ind.name if ind else None
        if reference == "categories":
            found = [c.name for c in (*self.new.categories, *self.old.categories) if c.id == item_id]
            return found[0] if found else None
        for catalog in (self.new, self.old):
            for item in catalog.references.get(reference, ()):
                if item.id == item_id:
                    return item.name
        return None

    def indicator_label(self, key: str) -> str:
        name = self.ref_name("indicators", key)
        return text(name, NAME_LIMIT) if name else code(key)

    def show(self, value: Any, meaning: _Field) -> str:
        if value is None:
            return _t("diff-none")
        if isinstance(value, bool):
            return _t("diff-yes") if value else _t("diff-no")
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, (int, date)):
            return value.isoformat() if isinstance(value, date) else str(value)
        if isinstance(value, BaseModel):
            return pgettext("diff", "(%(fields)s)", fields=_fields(self.inline(value)))
        if isinstance(value, (list, tuple)):
            return _listed(self.show(v, meaning) for v in value) or _t("diff-none")
        if isinstance(value, dict):
            return _fields(_said(self.indicator_label(k), self.show(v, meaning)) for k, v in value.items())
        if meaning.reference or meaning.is_code:
            name = self.ref_name(meaning.reference, value) if meaning.reference else None
            return _named(text(name, NAME_LIMIT), code(value)) if name else code(value)
        return quoted(str(value))

    def inline(self, model: BaseModel) -> list[str]:
        """A model's fields on one line (for an added or removed list item)."""
        out = []
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            if value is None or value in ([], {}):
                continue
            out.append(_said(_label(info), self.show(value, self.meaning(type(model), name, info))))
        return out

    @staticmethod
    def meaning(cls: type[BaseModel], name: str, info: FieldInfo) -> _Field:
        return _Field(_reference(cls, name), _is_code(info.annotation, list(info.metadata)))

    def value_text(self, value: Value | None) -> str:
        """An indicator's value as the report gives it: a number as written, a text, the markers (not available,
        not applicable)."""
        if value is None:
            return _t("diff-not-reported")
        parts = []
        if value.value is not None:
            raw = value.value.strip()
            parts.append(raw if parse_number(raw) is not None else text(value.value))
        if value.marker is not None:
            parts.append(text(value.marker))
        return " / ".join(parts) or _t("diff-blank")

    def item_label(self, item: BaseModel) -> str:
        """How a list item is named in a line: an event by date and kind, funding by source and year, others
        by id, file or name."""
        f = dict(item)
        if "kind" in f and "date" in f:
            return f"{f['date'].isoformat()} {text(self.ref_name('event_kinds', f['kind']) or f['kind'], NAME_LIMIT)}"
        if "source" in f and "amount" in f:
            return text(f["source"], NAME_LIMIT) + (f" {f['year']}" if f["year"] is not None else "")
        for name in ("id", "file", "name"):
            if name in f:
                return code(f[name]) if name == "id" else text(f[name], NAME_LIMIT)
        return ""

    @staticmethod
    def item_key(item: Any) -> Any:
        """What identifies a list item across two versions (the fields its label shows)."""
        if not isinstance(item, BaseModel):
            return item
        names = _label_fields(item)
        return tuple(getattr(item, n) for n in names) if names else item

    # --- comparing ---

    def model(self, path: str, a: BaseModel, b: BaseModel, skip: tuple[str, ...] = ()) -> list[str]:
        out = []
        for name, info in type(b).model_fields.items():
            x, y = getattr(a, name, None), getattr(b, name)
            if name in skip or x == y:
                continue
            out += self.change(_join(path, _label(info)), x, y, self.meaning(type(b), name, info))
        return out

    def change(self, path: str, x: Any, y: Any, meaning: _Field) -> list[str]:
        if isinstance(x, BaseModel) and type(x) is type(y):
            return self.model(path, x, y)
        if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
            return self.items(path, list(x), list(y), meaning)
        if isinstance(x, dict) and isinstance(y, dict):
            out = []
            for key in sorted(set(x) | set(y)):
                if x.get(key) != y.get(key):
                    out += self.change(f"{path} {self.indicator_label(key)}", x.get(key), y.get(key), meaning)
            return out
        if isinstance(x, str) and isinstance(y, str) and not (meaning.reference or meaning.is_code):
            return ["- " + _said(path, " → ".join(_text_change(x, y)))]
        return ["- " + _said(path, f"{self.show(x, meaning)} → {self.show(y, meaning)}")]

    def items(self, path: str, xs: list[Any], ys: list[Any], meaning: _Field) -> list[str]:
        """A list: items removed, added, changed (matched by their id, file, name or kind and date), reordered."""

        def keyed(items: list[Any]) -> dict[Any, Any]:
            seen: Counter[Any] = Counter()
            out = {}
            for item in items:
                key = self.item_key(item)
                out[(key, seen[key])] = item
                seen[key] += 1
            return out

        a, b = keyed(xs), keyed(ys)
        removed = [item for key, item in a.items() if key not in b]
        added = [item for key, item in b.items() if key not in a]
        out = []
        # a long text item (a highlight) edited is shown as one change, so the edit shows however deep it is
        long_removed = [x for x in removed if isinstance(x, str) and len(x) > TEXT_LIMIT]
        long_added = [y for y in added if isinstance(y, str) and len(y) > TEXT_LIMIT]
        for x, y in zip(long_removed, long_added, strict=False):
            removed.remove(x)
            added.remove(y)
            out.append("- " + _said(path, " → ".join(_text_change(x, y))))
        out += [self.listed(path, "diff-removed", item, meaning) for item in removed]
        out += [self.listed(path, "diff-added", item, meaning) for item in added]
        for key, item in b.items():
            if key in a and a[key] != item:
                out += self.change(f"{path} {self.item_label(item)}", a[key], item, meaning)
        common_a = [k for k in a if k in b]
        common_b = [k for k in b if k in a]
        if common_a != common_b:
            labels = [
                self.item_label(b[k]) if isinstance(b[k], BaseModel) else self.show(b[k], meaning) for k in common_b
            ]
            out.append("- " + _said(path, _t("diff-order", items=_listed(labels))))
        return out

    def listed(self, path: str, what: str, item: Any, meaning: _Field) -> str:
        shown = self.show(item, meaning)
        marks = tuple(pgettext("diff: the marks before which an added or removed item has no space", "“("))
        return "- " + _said(path, f"{_t(what)}{'' if shown.startswith(marks) else ' '}{shown}")

    def listing(self, path: str, model: BaseModel, skip: tuple[str, ...] = ()) -> list[str]:
        """Every field of a new or deleted record, one line each (defaults left out)."""
        out = []
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            if name in skip or value is None or value in ([], {}) or (not info.is_required() and value == info.default):
                continue
            out += self.listed_value(_join(path, _label(info)), value, self.meaning(type(model), name, info))
        return out

    def listed_value(self, path: str, value: Any, meaning: _Field) -> list[str]:
        if isinstance(value, BaseModel):
            return self.listing(path, value)
        if isinstance(value, (list, tuple)):
            out = []
            for item in value:
                if isinstance(item, BaseModel):  # its label names it: the fields in the label are left out
                    named = f"{path} {self.item_label(item)}"
                    out += self.listing(named, item, skip=_label_fields(item)) or [f"  - {named}"]
                else:
                    out.append("  - " + _said(path, self.show(item, meaning)))
            return out
        if isinstance(value, dict):
            return [
                line
                for k, v in value.items()
                for line in self.listed_value(f"{path} {self.indicator_label(k)}", v, meaning)
            ]
        return ["  - " + _said(path, self.show(value, meaning))]

    # --- the sections ---

    def _site(self) -> list[str]:
        return self.model(_t("diff-section-site"), self.old.site, self.new.site)

    def _system(self) -> list[str]:
        def system(c: Catalog) -> IndicatorSystem:
            return IndicatorSystem.model_construct(
                source=c.indicator_source, categories=list(c.categories), indicators=list(c.indicators)
            )

        return self.model(_t("diff-section-system"), system(self.old), system(self.new))

    def _references(self) -> list[str]:
        out = []
        for name in sorted(set(self.old.references) | set(self.new.references)):
            a, b = self.old.references.get(name, ()), self.new.references.get(name, ())
            if a != b:
                out += self.items(_t("diff-reference", name=code(name)), list(a), list(b), _Field())
        return out

    def _zones(self) -> list[str]:
        out: list[str] = []
        for zone_id in sorted(set(self.new.zones) - set(self.old.zones) - set(self.old_id)):
            self.zone_id = zone_id
            z = self.new.zones[zone_id]
            city = self.ref_name("cities", z.zone.city) or z.zone.city
            out.append(
                f"- {_t('diff-zone-added', name=text(z.zone.name, NAME_LIMIT), id=code(zone_id), city=text(city))}"
            )
            out += self.listing("", z.zone)
            out += self.listing("", ZoneIndicators.model_construct(indicators=list(z.own_indicators)))
            out += [f"  - {line[2:]}" for line in self._images("", {}, z.images)]
        for zone_id in sorted(set(self.old.zones) - set(self.new.zones) - set(self.renamed)):
            self.zone_id = zone_id
            z = self.old.zones[zone_id]
            self.summary.deleted += 1
            cases = sum(c.zone_id == zone_id for c in self.old.cases)
            out.append("- " + _t("diff-zone-deleted", name=text(z.zone.name, NAME_LIMIT), id=code(zone_id),
                                 url=web_path("/" + page_url(zone_page(zone_id))), years=len(z.reports), cases=cases))  # fmt: skip
            out += self.listing("", z.zone)
            out += self.listing("", ZoneIndicators.model_construct(indicators=list(z.own_indicators)))
            out += [f"  - {line[2:]}" for line in self._images("", z.images, {})]
        for old_id, new_id in sorted(self.renamed.items()):
            out.append("- " + _t("diff-zone-renamed", old=code(old_id), new=code(new_id),
                                 name=text(self.new.zones[new_id].zone.name, NAME_LIMIT),
                                 old_url=web_path("/" + page_url(zone_page(old_id))), new_url=web_path("/" + page_url(zone_page(new_id)))))  # fmt: skip
        for zone_id in sorted(self.new.zones):
            old_id = self.old_id.get(zone_id, zone_id)
            if old_id not in self.old.zones:
                continue
            self.zone_id = zone_id
            a, b = self.old.zones[old_id], self.new.zones[zone_id]
            path = _name(b)
            out += self.model(path, a.zone, b.zone)
            out += self.model(path, ZoneIndicators.model_construct(indicators=list(a.own_indicators)),
                              ZoneIndicators.model_construct(indicators=list(b.own_indicators)))  # fmt: skip
            out += self._images(path, a.images, b.images)
        self.zone_id = None
        return out

    def _images(self, path: str, a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
        out = []
        for name in sorted(set(a) | set(b)):
            shown = text(f"images/{name}")
            if name not in a:
                line = _t("diff-image-added", file=shown, size=f"{len(b[name]):,}")
            elif name not in b:
                line = _t("diff-image-deleted", file=shown, size=f"{len(a[name]):,}")
            elif a[name] != b[name]:
                line = _t("diff-image-replaced", file=shown, old=f"{len(a[name]):,}", new=f"{len(b[name]):,}")
            else:
                continue
            out.append(f"- {_join(path, line)}")
        return out

    def _values(self) -> list[str]:
        out: list[str] = []
        for zone_id in sorted(set(self.new.zones) | (set(self.old.zones) - set(self.renamed))):
            self.zone_id = zone_id
            new_zone = self.new.zones.get(zone_id)
            old_zone = self.old.zones.get(self.old_id.get(zone_id, zone_id))
            zone = new_zone or old_zone
            assert zone is not None
            before = old_zone.reports if old_zone else {}
            after = new_zone.reports if new_zone else {}
            for year in sorted(set(after) | set(before)):
                if year not in after:
                    self.summary.deleted += 1
                    out.append("- " + _t("diff-year-deleted", zone=_name(zone), year=year))
                    out += self.listing("", before[year].report, skip=("values",))
                    out += self._report_values(before[year].report, None)
                    continue
                report = after[year].report
                if year not in before:
                    out.append("- " + _t("diff-year-added", zone=_name(zone), year=year, count=len(report.values)))
                    out += self.listing("", report, skip=("values",))
                    previous = after.get(year - 1)
                    out += self._report_values(report, previous.report if previous else None)
                    continue
                prefix = _t("diff-year", zone=_name(zone), year=year) + " "
                out += self.model(prefix, before[year].report, report, skip=("values",))
                out += self._value_changes(prefix, before[year].report.values, report.values)
        self.zone_id = None
        return out

    def _report_values(self, report: AnnualReport, previous: AnnualReport | None) -> list[str]:
        """A new (or deleted) year's values, each with the year before's when there is one."""
        out = []
        for key, value in report.values.items():
            label = self.indicator_label(key)
            shown = self.value_text(value)
            if previous is not None and key in previous.values:
                before = previous.values[key]
                shown = _t("diff-previous", old=self.value_text(before), new=shown) + self._rate(key, before, value)
            out.append("  - " + _said(label, shown))
            out += self.listing(label, value, skip=("value", "marker"))
        return out

    def _value_changes(self, prefix: str, a: dict[str, Value], b: dict[str, Value]) -> list[str]:
        out = []
        empty = Value.model_construct(value=None, marker=None, note=None, source=None)
        for key in sorted(set(a) | set(b)):
            x, y = a.get(key), b.get(key)
            if x == y:
                continue
            label = prefix + self.indicator_label(key)
            if self.value_text(x) != self.value_text(y):
                change = f"{self.value_text(x)} → {self.value_text(y)}{self._rate(key, x, y)}"
                out.append("- " + _said(label, change))
            out += self.model(label, x or empty, y or empty, skip=("value", "marker"))
        return out

    def _rate(self, key: str, a: Value | None, b: Value | None) -> str:
        ind = self.new.indicator(key, self.zone_id)
        numeric = ind is None or KINDS[ind.kind].numeric
        if a is None or b is None or a.value is None or b.value is None or not numeric:
            return ""
        x, y = parse_number(a.value.strip()), parse_number(b.value.strip())
        if x is None or y is None or x == 0:
            return ""
        ratio = y / x
        change = f"{'+' if ratio > 1 else ''}{fmt_decimal((ratio - 1) * 100, 1)}"
        shown = pgettext("diff", "(%(change)s%%)", change=change)
        if tenfold_jump(x, y):  # the checker's own rule (implausible-jump)
            self.summary.jumps += 1
            shown += _t("diff-jump")
        return shown

    def _cases(self) -> list[str]:
        a = {c.slug: c for c in self.old.cases}
        b = {c.slug: c for c in self.new.cases}

        def zone_of(record: Any, catalog: Catalog) -> str:
            return self.renamed.get(record.zone_id, record.zone_id) if catalog is self.old else record.zone_id

        renamed = _pair(
            {s: c for s, c in a.items() if s not in b},
            {s: c for s, c in b.items() if s not in a},
            lambda r: r.case,
            lambda x, y: x.case.title == y.case.title and zone_of(x, self.old) == zone_of(y, self.new),
        )
        out: list[str] = []
        for slug in sorted(set(b) - set(a) - set(renamed.values())):
            case = b[slug]
            self.zone_id = case.zone_id
            out.append("- " + _t("diff-case-added", title=text(case.case.title, NAME_LIMIT),
                                 zone=_name(self.new.zones[case.zone_id])))  # fmt: skip
            out += self.listing("", case.case)
        for slug in sorted(set(a) - set(b) - set(renamed)):
            case = a[slug]
            self.zone_id = case.zone_id
            self.summary.deleted += 1
            out.append("- " + _t("diff-case-deleted", title=text(case.case.title, NAME_LIMIT), slug=code(slug),
                                 url=web_path("/" + page_url(case_page(slug)))))  # fmt: skip
            out += self.listing("", case.case)
        for old_slug, new_slug in sorted(renamed.items()):
            out.append("- " + _t("diff-case-renamed", old=code(old_slug), new=code(new_slug),
                                 title=text(b[new_slug].case.title, NAME_LIMIT),
                                 old_url=web_path("/" + page_url(case_page(old_slug))), new_url=web_path("/" + page_url(case_page(new_slug)))))  # fmt: skip
        pairs = [(s, s) for s in sorted(set(a) & set(b))] + sorted(renamed.items())
        for old_slug, new_slug in pairs:
            x, y = a[old_slug], b[new_slug]
            self.zone_id = y.zone_id
            path = _named(text(y.case.title, NAME_LIMIT), code(new_slug))
            if zone_of(x, self.old) != y.zone_id:
                out.append("- " + _said(_join(path, _t("diff-case-zone")), f"{code(x.zone_id)} → {code(y.zone_id)}"))
            out += self.model(path, x.case, y.case)
        self.zone_id = None
        return out
