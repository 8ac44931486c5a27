"""Stage 2, validate: parsed documents -> a typed catalog and the problems found.

First each file is checked on its own against its model (`check_model`); then the rules that need
several records (`rules.py`) run on what passed, and on what can still be read of the files that did
not (`partial.py`: their value problems come in the same run; nothing of them is published). Every
problem is collected; nothing stops at the first.
"""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.data import layout, rules
from generator.data.catalog import Catalog
from generator.data.kinds import KINDS
from generator.data.load import DataFolder, Document
from generator.data.messages import editor_text
from generator.data.models import (
    IndicatorSystem,
    RefItem,
    SiteConfig,
    Task,
    code_lists,
)
from generator.data.partial import Partial, Unsure, lenient_empty, salvage
from generator.data.problems import Problem, ProblemLog

M = TypeVar("M")

_PY_ERRORS: dict[str, tuple[str, str, str]] = {
    # pydantic's error type -> (code, text, hint): the keys of the texts in messages.LOAD_TEXTS ("" for no hint)
    "dict_type": ("wrong-type", "wrong-type-mapping", "wrong-type-mapping-hint"),
    "model_type": ("wrong-type", "wrong-type-mapping", "wrong-type-mapping-hint"),
    "model_attributes_type": ("wrong-type", "wrong-type-mapping", "wrong-type-attributes-hint"),
    "list_type": ("wrong-type", "wrong-type-list", "wrong-type-list-hint"),
    "int_type": ("wrong-type", "wrong-type-integer", "wrong-type-integer-hint"),
    "int_parsing": ("wrong-type", "wrong-type-integer", "wrong-type-integer-hint"),
    "string_type": ("wrong-type", "wrong-type-text", ""),
    "too_short": ("missing-field", "missing-field-too-short", "missing-field-too-short-hint"),
    "greater_than_equal": ("invalid-value", "invalid-value-too-small", ""),
    "less_than_equal": ("invalid-value", "invalid-value-too-large", ""),
}


def validate_data(folder: DataFolder) -> tuple[Catalog | None, ProblemLog]:
    """Check every document and the rules between them. The catalog is None when a file the whole
    site depends on (site.yaml, the indicator system, the reference lists) is missing or invalid; the
    rules still run on what can be read of them, so every file's problems are reported in one run."""
    log = ProblemLog()
    log.extend(folder.problems)
    for doc in folder.documents():
        log.extend(doc.problems)
    partials: dict[str, Partial] = {}
    complete = True
    book = _code_book(folder)
    site = _required(folder, folder.site, layout.SITE.rel(), layout.SITE.model, log, partials)
    system = _required(
        folder,
        folder.indicator_system,
        layout.INDICATOR_SYSTEM.rel(),
        layout.INDICATOR_SYSTEM.model,
        log,
        partials,
        book,
    )
    refs: dict[str, tuple[RefItem, ...]] = {}
    unsure_refs: dict[str, Unsure] = {}
    tasks: tuple[Task, ...] = ()
    for name in rules.REFERENCE_NAMES:
        ref_doc = folder.references.get(name)
        ref_file = layout.reference_file(name)
        items = _required(folder, ref_doc, ref_file.rel, ref_file.kind.model, log, partials, book)
        part = partials.get(ref_doc.path) if ref_doc is not None else None
        if isinstance(items, Partial):
            items = items.value
        if items is None:
            unsure_refs[name] = Unsure(every=True)
            complete = False
            items = []
        elif part is not None:
            unsure_refs[name] = part.dropped_ids(())
            complete = False
        refs[name] = tuple(items)
        if ref_file.kind is layout.TASKS:
            tasks = tuple(items)
    zones: dict[str, Any] = {}
    for zone_id, files in sorted(folder.zones.items()):
        zones[zone_id] = _check_zone_files(files, log, partials, book)
    if isinstance(site, Partial) or site is None:
        complete = False
        site = site.value if isinstance(site, Partial) else lenient_empty(SiteConfig)
    if isinstance(system, Partial) or system is None:
        complete = False
        system = system.value if isinstance(system, Partial) else lenient_empty(IndicatorSystem)
    context = rules.Context(folder, site, system, refs, tasks, log, partials, unsure_refs)
    catalog = rules.check_catalog(context, zones)
    return (catalog if complete else None), log


def _required(
    folder: DataFolder,
    doc: Document | None,
    name: str,
    model: Any,
    log: ProblemLog,
    partials: dict[str, Partial],
    book: CodeBook | None = None,
) -> Any:
    if doc is None:
        zh, en = editor_text("missing-field-no-file", name=name)
        hint = editor_text("missing-field-no-file-hint")[0]
        log.add(Problem(f"{folder.display_root}/{name}", 0, "", "missing-field", zh, en, hint))
        return None
    return read_model(doc, model, log, partials, book)


# --- coded fields: the allowed codes of each, for the hint on a wrong one --------------------------

CodeBook = dict[str, list[rules.Coded]]


def _code_book(folder: DataFolder) -> CodeBook:
    """Every code list as written (read before the files are validated, so a wrong code anywhere, even in
    the indicator system itself, gets the list's codes and names in its hint)."""
    book: CodeBook = {name: _raw_coded(doc.data) for name, doc in folder.references.items()}
    system = folder.indicator_system.data if folder.indicator_system is not None else None
    system = system if isinstance(system, dict) else {}
    book["categories"] = _raw_coded(system.get("categories"))
    book["indicators"] = _raw_coded(system.get("indicators"))
    book["indicator_kinds"] = [rules.Coded(code, kind.name) for code, kind in KINDS.items()]
    return book


def _raw_coded(items: Any) -> list[rules.Coded]:
    out = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            name = item.get("name")
            aliases = tuple(a.strip() for a in (item.get("name_en"), item.get("short")) if isinstance(a, str))
            out.append(rules.Coded(item["id"].strip(), name.strip() if isinstance(name, str) else "", aliases))
    return out


def _coded_field(model: Any, loc: tuple[Any, ...], is_key: bool = False) -> str | None:
    """The code list of the field at `loc` (a cleaned location) in a file of `model`, if it takes a code;
    with `is_key`, of the mapping's keys (`values:`, `targets:`). The models say which (`CodeList`)."""
    path = tuple("#" if isinstance(p, int) else p for p in loc if p != "[key]")
    if is_key:
        path = (*path[:-1], "*")
    return code_lists(model).get(path) if isinstance(model, type) and issubclass(model, BaseModel) else None


def _code_hint(
    model: Any, loc: tuple[Any, ...], value: Any, book: CodeBook | None, expected: str = "", is_key: bool = False
) -> str:
    """The hint for a wrong code at `loc`: the code to write, or the allowed codes with their names. For a
    literal field, the codes are the ones pydantic expected (`expected`), named from the book."""
    codes = re.findall(r"'([^']*)'", expected)
    list_name = _coded_field(model, loc, is_key)
    items = (book or {}).get(list_name or "", [])
    if codes:
        names = {c.code: c for c in items}
        items = [names.get(code, rules.Coded(code)) for code in codes]
    where = {"categories": layout.INDICATOR_SYSTEM.rel(), "indicators": editor_text("code-where-indicators")[0]}.get(
        list_name or "", layout.reference_file(list_name).rel if list_name in rules.REFERENCE_NAMES else ""
    )
    return rules.code_hint(value, items, where)


def _check_zone_files(files: Any, log: ProblemLog, partials: dict[str, Partial], book: CodeBook) -> dict[str, Any]:
    """Each file of a zone against its model; cross-record rules come later. A file that fails its model
    is given as the `Partial` record that can still be read of it (None when nothing can)."""
    out: dict[str, Any] = {"zone": None, "indicators": None, "annual": {}, "cases": {}}
    if files.zone is None:
        zh, en = editor_text("missing-field-no-zone-file")
        hint = editor_text("missing-field-no-zone-file-hint")[0]
        log.add(Problem(files.shown(layout.ZONE), 0, "", "missing-field", zh, en, hint))
    if files.indicators is not None:
        out["indicators"] = read_model(files.indicators, layout.ZONE_INDICATORS.model, log, partials, book)
        own = files.indicators.data.get("indicators") if isinstance(files.indicators.data, dict) else None
        book = {**book, "indicators": book["indicators"] + _raw_coded(own)}
    if files.zone is not None:
        out["zone"] = read_model(files.zone, layout.ZONE.model, log, partials, book)
    for stem, doc in sorted(files.annual.items()):
        out["annual"][stem] = read_model(doc, layout.ANNUAL.model, log, partials, book)
    for stem, doc in sorted(files.cases.items()):
        out["cases"][stem] = read_model(doc, layout.CASE.model, log, partials, book)
    return out


def read_model(
    doc: Document, model: Any, log: ProblemLog, partials: dict[str, Partial], book: CodeBook | None = None
) -> Any:
    """`check_model`, and when the file fails it, what can still be read of it (a `Partial`, also kept
    in `partials` under the file's path), so the rules can report its value problems in the same run."""
    value = check_model(doc, model, log, book)
    if value is not None or not doc.ok or doc.data is None:
        return value
    part = salvage(doc.data, model, _clean_loc)
    if part is not None:
        partials[doc.path] = part
    return part


def check_model(doc: Document, model: Any, log: ProblemLog, book: CodeBook | None = None) -> Any:
    """Validate one parsed document against a model; problems (with lines) go to the log. `book` holds the
    allowed codes of the coded fields, for the hints on wrong ones."""
    if not doc.ok:
        return None
    if doc.data is None:
        zh, en = editor_text("missing-field-empty-file")
        log.add(Problem(doc.path, 1, "", "missing-field", zh, en, editor_text("missing-field-empty-file-hint")[0]))
        return None
    adapter: TypeAdapter[Any] = model if isinstance(model, TypeAdapter) else TypeAdapter(model)
    try:
        return adapter.validate_python(doc.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            log.add(_problem_from_error(doc, err, model, book))
        return None


def _problem_from_error(doc: Document, err: Any, model: Any, book: CodeBook | None = None) -> Problem:
    loc = _clean_loc(doc.data, tuple(err["loc"]))
    field = _dotted(tuple(p for p in loc if p != "[key]"))
    line = doc.line_of(loc)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if "zh" in ctx:  # one of ours, raised by a type in types.py
        hint = ctx.get("hint", "")
        is_key = tuple(err["loc"])[-1:] == ("[key]",)
        if kind == "invalid-id" and _coded_field(model, loc, is_key):  # a code written in another way
            hint = _code_hint(model, loc, err.get("input"), book, is_key=is_key)
        elif ctx.get("empty") and _field_required(model, loc):
            hint = editor_text("hint-fill-required")[0]
        return Problem(doc.path, line, field, kind, ctx["zh"], ctx["en"], hint)
    if kind == "missing":
        name = str(loc[-1]) if loc else ""
        zh, en = editor_text("missing-field-required", name=name)
        hint = editor_text("missing-field-required-hint", name=name)[0]
        return Problem(doc.path, line, field, "missing-field", zh, en, hint)
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        allowed = _allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        if close:
            hint = editor_text("unknown-field-did-you-mean", name=close[0])[0]
        elif allowed:
            names = editor_text("load-list-separator")[0].join(allowed)
            hint = editor_text("unknown-field-allowed", names=names)[0]
        else:
            hint = ""
        zh, en = editor_text("unknown-field-named", name=name)
        return Problem(doc.path, line, field, "unknown-field", zh, en, hint)
    if kind in ("literal_error", "union_tag_invalid", "enum"):
        got = err.get("input")
        if kind == "union_tag_invalid":
            got = ctx.get("tag")
        expected = str(ctx.get("expected") or ctx.get("expected_tags") or "")
        hint = _code_hint(model, loc, got, book, expected)
        if got == "report_submitted":
            hint = editor_text("invalid-value-report-submitted-hint")[0]
        if got is None:  # `kind:` with nothing after it
            zh, en = editor_text("code-empty")
            return Problem(doc.path, line, field, "invalid-value", zh, en, hint)
        zh, en = editor_text("invalid-value-not-allowed", value=got)
        return Problem(doc.path, line, field, "invalid-value", zh, en, hint)
    if kind == "union_tag_not_found":
        zh, en = editor_text("missing-field-event-kind")
        hint = editor_text("missing-field-event-kind-hint")[0]
        return Problem(doc.path, line, field, "missing-field", zh, en, hint)
    if kind == "too_long":  # a list or mapping over its `max_length` (models.py, issue 12)
        given = err.get("input")
        count = len(given) if isinstance(given, list | dict) else ctx.get("actual_length")
        zh, en = editor_text("too-many-items", count=count, limit=ctx.get("max_length"))
        hint = editor_text("too-many-items-hint", limit=ctx.get("max_length"))[0]
        return Problem(doc.path, line, field, "too-many-items", zh, en, hint)
    code, text, hint = _PY_ERRORS.get(kind, ("wrong-type", "wrong-type-unexplained", ""))
    zh, en = editor_text(text, message=err["msg"])
    return Problem(doc.path, line, field, code, zh, en, editor_text(hint)[0] if hint else "")


def _clean_loc(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """pydantic's location minus the union tags it inserts; stops where the data stops."""
    out: list[Any] = []
    cur = data
    for i, part in enumerate(loc):
        if isinstance(cur, dict):
            if part in cur:
                out.append(part)
                cur = cur[part]
            elif i == len(loc) - 1:
                out.append(part)
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            out.append(part)
            cur = cur[part]
        else:
            break
    return tuple(out)


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _allowed_fields(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at `loc`, for a did-you-mean hint (best effort)."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
    current = _unwrap(current)
    return list(current.model_fields) if _is_model(current) else []


def _field_required(model: Any, loc: tuple[Any, ...]) -> bool:
    """Whether the field at `loc` must be given (so an empty one cannot simply be deleted)."""
    if not loc or not isinstance(loc[-1], str):
        return False
    current: Any = model
    for part in loc[:-1]:
        current = _step(current, part)
    current = _unwrap(current)
    field = current.model_fields.get(loc[-1]) if _is_model(current) else None
    return bool(field is not None and field.is_required())


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional/Union (taking the first non-None member)."""
    for _ in range(10):
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is Annotated or origin in (Union, types.UnionType):
            members = [a for a in args if a is not type(None)] if origin is not Annotated else [args[0]]
            annotation = members[0] if members else None
        else:
            break
    return annotation


def _step(annotation: Any, part: Any) -> Any:
    """Follow one step of a location through models, lists and dicts."""
    annotation = _unwrap(annotation)
    if _is_model(annotation):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    args = get_args(annotation)
    if get_origin(annotation) in (list, tuple) and args:
        return args[0]
    if get_origin(annotation) is dict and len(args) == 2:
        return args[1]
    return None
