"""Helpers the editors' commands share: errors in two languages, the validated catalog, YAML text, safe writes."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.data import layout
from generator.data.catalog import Catalog
from generator.data.messages import editor_text
from generator.data.models import Indicator, field_words
from generator.data.rules.context import revocation_date
from generator.data.rules.reports import report_year_refusal, year_out_of_range_text
from generator.data.vocabulary import NO_UNIT
from generator.data.vocabulary import PLACEHOLDER as PLACEHOLDER  # what the scaffolds leave for the editor to replace
from generator.i18n import N_, _


class EditorError(Exception):
    """A refusal the editor can act on (exit 1), in Chinese and English."""

    def __init__(self, zh: str, en: str, exit_code: int = 1, details: tuple[str, ...] = ()) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en, self.exit_code, self.details = zh, en, exit_code, details

    @classmethod
    def say(
        cls, message: str, /, *, exit_code: int = 1, details: tuple[str, ...] = (), **params: object
    ) -> EditorError:
        """The refusal of one catalogue message (an English message id, marked `N_("…")` where it is written so
        that the catalogue's test finds it): the locale's words, then the English."""
        return cls(_(message, **params), message % params, exit_code, details)


def load_catalog(data: Path) -> Catalog:
    """The validated catalog of a data folder, or an error when the data is too broken to build one."""
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    catalog, _log = validate_data(load_data(data))
    if catalog is None:
        raise EditorError.say(
            N_("the data folder %(data)s has errors in its base files; run check and fix them first"), data=data
        )
    return catalog


def zone_record(catalog: Catalog, data: Path, zone_id: str) -> Any:
    """The zone's validated record; an error naming the file when it is missing or does not pass its model."""
    record = catalog.zones.get(zone_id)
    if record is None:
        path = layout.ZONE.path(data, zone=zone_id)
        if path.exists():
            raise EditorError.say(N_("%(path)s has errors; run check and fix them first"), path=path)
        raise EditorError.say(N_("no zone %(zone)r (%(path)s does not exist)"), zone=zone_id, path=path)
    return record


def check_year(catalog: Catalog, record: Any, year: int) -> None:
    """Refuse a year the checker would refuse (its own rule, `report_year_refusal`, said up front). The year
    before the approval is the baseline."""
    approved = record.approved
    revoked = revocation_date(record.zone)
    baseline = approved is not None and year == approved.year - 1
    refusal = report_year_refusal(year, approved, catalog.as_of, revoked, baseline)
    if refusal == "not-approved":
        raise EditorError.say(N_("zone %(zone)r is not approved: no annual data"), zone=record.id)
    if refusal == "before-approval" and approved is not None:  # before the baseline year
        raise EditorError.say(
            N_("%(year)s is before the baseline year %(baseline)s"), year=year, baseline=approved.year - 1
        )
    if refusal == "not-ended":
        raise EditorError.say(
            N_("year %(year)s has not ended by the as-of date %(as_of)s"), year=year, as_of=catalog.as_of
        )
    if refusal is not None:  # revoked: what check says
        raise EditorError(*year_out_of_range_text(refusal, year=year, revoked=revoked))


def zone_indicators(catalog: Catalog, zone_id: str) -> list[Indicator]:
    """The indicator system's indicators in order, then the zone's own."""
    return [*catalog.indicators, *catalog.zones[zone_id].own_indicators]


def unit_label(ind: Indicator) -> str:
    """The unit column of the Excel template and the YAML comments: a qualitative indicator has none."""
    return ind.unit if ind.unit else NO_UNIT


def field_zh(model: Any, name: str) -> str:
    """The Chinese description of a model field: scaffold comments come from the models, so they never drift."""
    return field_words(model.model_fields[name])[0] or name


def schema_line(data: Path, target: Path, kind: layout.FileKind) -> str:
    """Line 1 of every data file of `kind`: its schema, relative to the file, as the existing files write it."""
    rel = os.path.relpath(layout.SCHEMA.path(data, schema=kind.schema), target.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"


_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*")
_FIELD_LIKE = re.compile(r"[a-z_][a-z0-9_]*:\S")


def yaml_text(text: str, flow: bool = False) -> str:
    """A string as a YAML scalar: plain when every reader (ours, VS Code's) reads it back as the same text,
    else double-quoted (JSON escapes are valid YAML)."""
    plain = _PLAIN.fullmatch(text) is not None and text == text.strip() and ": " not in text
    plain = plain and not _FIELD_LIKE.match(text)  # `note:甲` reads as a field without its space to our loader
    if plain and flow:
        plain = not any(c in text for c in ",[]{}")
    if plain:
        try:
            plain = yaml.safe_load(f"k: {text}") == {"k": text}
        except yaml.YAMLError:
            plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise EditorError.say(N_("file exists, not overwritten: %(path)s"), path=path)


def write_new(path: Path, text: str, *, data: Path, overwrite: bool = False) -> None:
    """Write a file of the data folder `data` atomically (temporary file in the same folder, then rename);
    refuse to replace one, and refuse to write through a link (a linked folder would send it elsewhere)."""
    refuse_link(data, path)
    if not overwrite:
        refuse_existing(path)
    write_atomic(path, text.encode("utf-8"))


def refuse_link(data: Path, path: Path) -> None:
    """An error when writing `path` would go through a symbolic link (or a special file) in the data folder."""
    from generator.data.load import NotRegular, check_writable_below

    try:
        check_writable_below(data, path)
    except NotRegular as refused:
        where = "/".join(refused.rel)
        zh, en = editor_text("write-through-link", path=path, where=where)
        raise EditorError(zh, en) from refused


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a hidden temporary file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
