"""What can still be read of a file that failed its model, so its value problems come in the same run.

A file with a structural problem (a date written 2025/1/22, a misspelt field, a list where a value
belongs) fails its model; its structural problems are reported from that strict run. Then `salvage`
drops only the failing parts — the invalid leaf, the unknown field; a required field's whole
container when that field is gone — and validates the rest against a lenient copy of the root model
(every top-level field optional). The result is a `Partial`: the record the rules check, with the
places that were dropped, so that

- nothing is published from it (the rules never put a partial record into the catalog), and
- no rule reports a consequence of the dropped parts as a second problem ("missing field" because it
  was dropped, an unknown indicator because the indicator's own definition was dropped, …): the
  rules ask `Partial.unsure` / `Partial.absent_unsure` before they judge anything that depends on what
  is gone.

Dropped list items leave the other items' positions as written: `Partial.original` maps the positions
the rules see back to the editor's, so every message keeps the editor's line and index.
"""

from __future__ import annotations

import copy
import functools
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, create_model

from generator.data.models import (
    Applied,
    Approved,
    Evaluated,
    Indicator,
    Park,
    Period,
    PlanRevised,
    PublicNotice,
    Results,
)

RELAXED = (Park, Period, Applied, PublicNotice, Approved, PlanRevised, Evaluated, Results, Indicator)

Key = tuple[Any, ...]
_GONE = object()  # a dropped part, kept in place so the other parts keep their positions
_ROUNDS = 64


@dataclass(frozen=True)
class Unsure:
    """Codes that may exist but could not be read (their definition was dropped): never report them unknown."""

    ids: frozenset[str] = frozenset()
    every: bool = False  # the whole list could not be read

    def __contains__(self, code: object) -> bool:
        return self.every or code in self.ids

    def __or__(self, other: Unsure) -> Unsure:
        return Unsure(self.ids | other.ids, self.every or other.every)

    def __bool__(self) -> bool:
        return self.every or bool(self.ids)


@dataclass(frozen=True)
class Partial:
    """A record read from a file that failed its model, and where it is incomplete."""

    value: Any
    dropped: frozenset[Key]  # the editor's key paths that were dropped (the failing parts)
    unknown_in: frozenset[Key]  # containers holding an unknown field or key: any absence in them is unsure
    raw: Any = None  # the data as written
    maps: dict[Key, tuple[int, ...]] = field(default_factory=dict)  # list path -> original index of each kept item

    def original(self, key: Iterable[Any]) -> Key:
        """A key path as the rules see it (dropped items removed) -> as the editor wrote it."""
        out: list[Any] = []
        for part in key:
            kept = self.maps.get(tuple(out))
            if kept is not None and isinstance(part, int) and 0 <= part < len(kept):
                part = kept[part]
            out.append(part)
        return tuple(out)

    @functools.cached_property
    def _below(self) -> frozenset[Key]:
        """Every path at or above a dropped part."""
        return frozenset(d[:n] for d in self.dropped for n in range(len(d) + 1))

    def unsure(self, key: Iterable[Any]) -> bool:
        """Whether anything at, above or below `key` (rules' positions) was dropped."""
        where = self.original(key)
        return where in self._below or any(where[:n] in self.dropped for n in range(len(where)))

    def absent_unsure(self, key: Iterable[Any]) -> bool:
        """Whether the absence of the field at `key` may come from the structural problem (dropped, or
        not written while an unknown field beside it may be this one misspelt)."""
        where = self.original(key)
        return self.unsure(key) or (where[:-1] in self.unknown_in and _at(self.raw, where) is None)

    def dropped_item(self, list_key: Key) -> bool:
        """Whether a whole item of the list at `list_key` (or the list itself) was dropped."""
        n = len(list_key)
        return any(d == list_key[: len(d)] or (len(d) == n + 1 and d[:n] == list_key) for d in self.dropped)

    def dropped_keys(self, dict_key: Key) -> Unsure:
        """The keys dropped from the mapping at `dict_key` (every key when the mapping itself was dropped)."""
        n = len(dict_key)
        if any(d == dict_key[: len(d)] for d in self.dropped):
            return Unsure(every=True)
        return Unsure(frozenset(str(d[n]) for d in self.dropped if len(d) > n and d[:n] == dict_key))

    def dropped_ids(self, list_key: Key, id_field: str = "id") -> Unsure:
        """The ids written in the dropped items of the list at `list_key` (every id when one is unreadable)."""
        if any(list_key[: len(d)] == d for d in self.dropped):
            return Unsure(every=True)
        items = _at(self.raw, list_key)
        if not isinstance(items, list):
            return Unsure()
        ids: set[str] = set()
        for d in self.dropped:
            if len(d) > len(list_key) and d[: len(list_key)] == list_key and isinstance(d[len(list_key)], int):
                item = items[d[len(list_key)]] if d[len(list_key)] < len(items) else None
                code = item.get(id_field) if isinstance(item, dict) else None
                if not isinstance(code, str):
                    return Unsure(every=True)
                ids.add(code.strip())
        return Unsure(frozenset(ids))


def salvage(data: Any, model: Any, clean_loc: Any) -> Partial | None:
    """Drop the failing parts of `data` until the rest passes a lenient copy of `model`; None when
    nothing sensible is left (the file is not a mapping or list at all)."""
    if not isinstance(data, dict | list):
        return None
    adapter = _lenient(model)
    work = copy.deepcopy(data)
    dropped: set[Key] = set()
    unknown_in: set[Key] = set()
    for _ in range(_ROUNDS):
        compact, maps = _compact(work, ())
        try:
            value = adapter.validate_python(compact)
        except ValidationError as exc:
            changed = False
            for err in exc.errors(include_url=False):
                loc = tuple(p for p in clean_loc(compact, tuple(err["loc"])) if p != "[key]")
                loc = Partial(None, frozenset(), frozenset(), maps=maps).original(loc)
                if err["type"] == "extra_forbidden" or tuple(err["loc"])[-1:] == ("[key]",):
                    unknown_in.add(loc[:-1])
                target = loc[:-1] if err["type"] == "missing" else loc
                dropped.update({loc, target})
                if not target:
                    return None
                changed = _drop(work, target) or changed
            if not changed:
                return None
            continue
        return Partial(value, frozenset(dropped), frozenset(unknown_in), data, maps)
    return None  # pragma: no cover - every round drops at least one part of a finite document


@functools.cache
def _lenient(model: Any) -> TypeAdapter[Any]:
    """The model with every top-level field optional (None when dropped or left out), and so the fields of
    the parts the rules read field by field (parks, period, events, a case's results, indicators): a wrong
    date in an event drops the date, not the event."""
    return TypeAdapter(_relaxed_model(model) if _is_model(model) else _relax(model))


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


@functools.cache
def _relaxed_model(model: Any) -> Any:
    fields: dict[str, Any] = {
        name: (Optional[_relax(info.rebuild_annotation())], Field(None))  # noqa: UP045 - built at run time
        for name, info in model.model_fields.items()
        if info.is_required() and not _is_tag(info.annotation)
    }
    return create_model(f"Partial{model.__name__}", __base__=model, **fields)


def _is_tag(annotation: Any) -> bool:
    """An event's `kind`, a literal of one value: it chooses the event's model and is never dropped alone."""
    return get_origin(annotation) is Literal and len(get_args(annotation)) == 1


def _relax(annotation: Any) -> Any:
    """`annotation` with the models the rules read field by field replaced by their relaxed copies."""
    origin, args = get_origin(annotation), get_args(annotation)
    if _is_model(annotation):
        return _relaxed_model(annotation) if annotation in RELAXED else annotation
    forms: Any = {"annotated": Annotated, "union": Union, "list": list, "dict": dict}  # subscripted at run time
    if origin is Annotated:
        return forms["annotated"][(_relax(args[0]), *annotation.__metadata__)]
    if origin in (Union, types.UnionType):
        return forms["union"][tuple(_relax(a) for a in args)]
    if origin is list and args:
        return forms["list"][_relax(args[0])]
    if origin is dict and len(args) == 2:
        return forms["dict"][args[0], _relax(args[1])]
    return annotation


def _compact(node: Any, where: Key) -> tuple[Any, dict[Key, tuple[int, ...]]]:
    maps: dict[Key, tuple[int, ...]] = {}
    if isinstance(node, dict):
        out: dict[Any, Any] = {}
        for k, v in node.items():
            if v is not _GONE:
                out[k], sub = _compact(v, (*where, k))
                maps.update(sub)
        return out, maps
    if isinstance(node, list):
        kept = tuple(i for i, v in enumerate(node) if v is not _GONE)
        if len(kept) != len(node):
            maps[where] = kept
        items = []
        for i in kept:
            item, sub = _compact(node[i], (*where, i))
            items.append(item)
            maps.update(sub)
        return items, maps
    return node, maps


def _drop(work: Any, key: Key) -> bool:
    parent = _at(work, key[:-1])
    last = key[-1]
    if isinstance(parent, dict) and last in parent and parent[last] is not _GONE:
        parent[last] = _GONE
        return True
    if isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent) and parent[last] is not _GONE:
        parent[last] = _GONE
        return True
    return False


def _at(node: Any, key: Key) -> Any:
    for part in key:
        if isinstance(node, dict):
            inside = part in node
        else:
            inside = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not inside:
            return None
        node = node[part]
        if node is _GONE:
            return None
    return node


def lenient_empty(model: Any) -> Any:
    """The lenient model of a file that could not be read at all: every top-level field None."""
    return _lenient(model).validate_python({})
