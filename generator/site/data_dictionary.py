"""The data dictionary, made from the models: every field of every data file with its type, whether it is
required, and its Chinese and English descriptions (the models are the one definition of the data)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.data import layout
from generator.data.models import (
    field_words,
)
from generator.i18n import NP_, pgettext

# Every kind of data file (layout.py) as (its kind: path shown and what it holds, in the catalogue's words where
# shown; the model of one record): the files that
# hold one record first, then the lists (the reference lists), each in the layout's order.
FILES: list[tuple[layout.FileKind, type[BaseModel]]] = [
    (kind, kind.item_model)
    for kind in sorted((k for k in layout.FILE_KINDS if k.model is not None), key=lambda k: k.is_list)
]

_TRUE_OR_FALSE = NP_("dictionary type", "true or false")
_SCALARS = {  # the validators of the scalar types (models.py) -> the type's words (NP_: translated when read)
    "_name": NP_("dictionary type", "text (one line)"),
    "_police_filing": NP_("dictionary type", "text (one line)"),  # issue 15: a public-security filing number
    "_markdown": NP_("dictionary type", "text (Markdown allowed)"),
    "_paragraph": NP_("dictionary type", "text (Markdown allowed)"),
    "_url": NP_("dictionary type", "web address"),
    "_id": NP_("dictionary type", "id"),
    "_key": NP_("dictionary type", "id"),
    "_year": NP_("dictionary type", "year"),
    "_date": NP_("dictionary type", "date (YYYY-MM-DD)"),
    "_bool": _TRUE_OR_FALSE,
    "_number": NP_("dictionary type", "number"),
    "_text_or_number": NP_("dictionary type", "number or text"),
}
_PLAIN = {
    int: NP_("dictionary type", "whole number"),
    str: NP_("dictionary type", "text"),
    bool: _TRUE_OR_FALSE,
}


@dataclass(frozen=True)
class FieldDoc:
    path: str  # dotted, `[]` for list items
    type: str
    required: bool
    zh: str
    en: str


def model_fields(model: type[BaseModel], prefix: str = "") -> list[FieldDoc]:
    """Every field of `model` and of the models inside it, in declaration order."""
    out: list[FieldDoc] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        label, nested, suffix = _describe(info.annotation, list(info.metadata))
        zh, en = _texts(info)
        out.append(FieldDoc(path, label, info.is_required(), zh, en))
        for inner in nested:
            inner_prefix = f"{path}{suffix}."
            if len(nested) > 1:  # a union of event kinds: name the kind
                kind = inner.model_fields["kind"].annotation
                inner_prefix = f"{path}{suffix}({typing.get_args(kind)[0]})."
            out.extend(model_fields(inner, inner_prefix))
    return out


def _texts(info: FieldInfo) -> tuple[str, str]:
    return field_words(info)  # tests/test_docs.py requires both on every field


def _describe(annotation: Any, metadata: list[Any]) -> tuple[str, list[type[BaseModel]], str]:
    """(type label, models inside, path suffix for their fields)."""
    for item in metadata:
        func = getattr(item, "func", None)
        if func is not None and func.__name__ in _SCALARS:
            return pgettext(*_SCALARS[func.__name__]), [], ""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _describe(args[0], list(annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        parts = [_describe(a, []) for a in args if a is not type(None)]
        if len(parts) == 1:
            return parts[0]
        models = [m for p in parts for m in p[1]]
        if models:
            return pgettext("dictionary type", "object (by its kind)"), models, ""
        return pgettext("data dictionary: between the types of a union", " or ").join(p[0] for p in parts), [], ""
    if origin is typing.Literal:
        return (
            pgettext("dictionary type", "one of: %(values)s", values=" / ".join(str(a) for a in args)),
            [],
            "",
        )
    if origin is list:
        label, nested, _suffix = _describe(args[0], [])
        return pgettext("dictionary type", "list of %(item)s", item=label), nested, "[]"
    if origin is dict:
        value_label, nested, _suffix = _describe(args[1], [])
        key = pgettext("data dictionary: a mapping's key in a field's path", "<id>")
        words = pgettext(
            "dictionary type",
            "mapping (%(key)s: %(value)s)",
            key=_describe(args[0], [])[0],
            value=value_label,
        )
        return words, nested, f".{key}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pgettext("dictionary type", "object"), [annotation], ""
    plain = _PLAIN.get(annotation)
    return (pgettext(*plain) if plain else str(annotation)), [], ""


def dictionary_view() -> list[dict[str, Any]]:
    """Per data file: its path, what it holds, and its fields."""
    required, optional = pgettext("data dictionary", "required"), pgettext("data dictionary", "optional")
    return [
        {"file": kind.shown, "what": kind.title, "fields": [
            {"path": f.path, "type": f.type, "required": required if f.required else optional, "zh": f.zh, "en": f.en}
            for f in model_fields(model)
        ]}
        for kind, model in FILES
    ]  # fmt: skip
