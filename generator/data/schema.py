"""JSON Schemas (draft-07) made from the models, for editors' completion in VS Code.

Each data file names its schema in its first line (`# yaml-language-server: $schema=…`). The annual
report's schema also lists the indicator ids of the data's indicator system, so an editor typing a value
is offered every indicator with its name and unit. `schema --check` fails when the committed files differ
from what the models and the indicator system make now.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from generator.data import layout
from generator.data.load import NotRegular, check_writable_below, load_document, read_below
from generator.data.models import AnnualReport, IndicatorSystem, Value
from generator.data.types import MARKER_WORDS
from generator.i18n import pgettext

SCHEMAS: dict[str, Any] = {kind.schema: kind.model for kind in layout.FILE_KINDS if kind.schema}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def make_schemas(indicators: list[dict[str, str]]) -> dict[str, str]:
    """File name -> JSON text. `indicators` (id, name, unit) are listed in the annual report's schema."""
    out: dict[str, str] = {}
    for name, model in SCHEMAS.items():
        schema = TypeAdapter(model).json_schema(ref_template="#/definitions/{model}")
        schema = _to_draft_07(schema)
        if model is AnnualReport:
            _list_indicators(schema, indicators)
        schema = {"$schema": DRAFT_07, "$id": name, **schema}
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out


def _to_draft_07(schema: dict[str, Any]) -> dict[str, Any]:
    """pydantic writes 2020-12 (`$defs`, `const` with `enum`); draft-07 readers want `definitions`."""
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    return schema


def _list_indicators(schema: dict[str, Any], indicators: list[dict[str, str]]) -> None:
    value_ref = {"$ref": "#/definitions/Value"}
    shorthand = {"anyOf": [{"type": "number"}, {"type": "string"}, value_ref, {"type": "null"}]}
    props = {}
    for ind in indicators:
        if ind.get("unit"):
            description = pgettext(
                "schema: an indicator of the annual report",
                "%(name)s (%(unit)s); without data write %(not_available)s, where it does not apply write "
                "%(not_applicable)s",
                name=ind["name"],
                unit=ind["unit"],
                **MARKER_WORDS,
            )
        else:
            description = pgettext(
                "schema: an indicator of the annual report",
                "%(name)s (qualitative: write text); without data write %(not_available)s, where it does not apply "
                "write %(not_applicable)s",
                name=ind["name"],
                **MARKER_WORDS,
            )
        props[ind["id"]] = {**shorthand, "description": description}
    values = schema["properties"]["values"]
    values["properties"] = props
    # any other id (a zone-specific indicator) takes the same forms: `12`, `暂无`, or {value, note, source}
    values["patternProperties"] = {pattern: shorthand for pattern in values.get("patternProperties", {})}
    schema.setdefault("definitions", {})["Value"] = TypeAdapter(Value).json_schema(ref_template="#/definitions/{model}")


def _indicator_list(data: Path) -> list[dict[str, str]]:
    system_file = layout.INDICATOR_SYSTEM
    doc = load_document(system_file.path(data), system_file.rel(), data)
    try:
        system = IndicatorSystem.model_validate(doc.data)
    except Exception:  # an invalid system is reported by `check`; the schema then lists no ids
        return []
    return [{"id": i.id, "name": i.name, "unit": i.unit or ""} for i in system.indicators]


def write_schemas(data: Path, check_only: bool = False) -> list[str]:
    """Write (or, with check_only, compare) the schemas under `data/schemas/`; returns stale file names."""
    folder = data.joinpath(*layout.SCHEMA.folder)
    check_writable_below(data, folder, folder=True)  # a linked schemas/ would send the files elsewhere: NotRegular
    stale = []
    for name, text in make_schemas(_indicator_list(data)).items():
        path = layout.SCHEMA.path(data, schema=name)
        if _current(data, layout.SCHEMA.parts(schema=name), len(text.encode("utf-8"))) != text:
            stale.append(name)
            if not check_only:  # a new file renamed over the old name: a link there is replaced, not followed
                folder.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)  # O_EXCL: no link
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
                os.chmod(tmp, 0o644)  # as write_text made it (mkstemp makes 0600)
                os.replace(tmp, path)
    return stale


def _current(data: Path, rel: tuple[str, ...], limit: int) -> str | None:
    """A schema file's text as it is now, or None when it is missing, not a regular file (a link is never
    followed), larger than the schema it should be, or not UTF-8."""
    try:
        raw, _size = read_below(data, rel, limit)
        return raw.decode("utf-8") if len(raw) <= limit else None
    except (NotRegular, OSError, UnicodeDecodeError):
        return None
