"""An annual report as YAML text in the project's layout, merged with the file it replaces.

Layout: schema line, a comment, `year`/`baseline` when the old file had them (or for a baseline year),
`submitted:`, `highlights:`, `values:` in the indicator system's order with the shorthand `key: 12`,
`key: <marker>` (a word of the input vocabulary) or `key: {value: 12, note: …}`, each with the indicator's name
and unit in a comment.
Numbers are written as read (exact decimal text); every other string is quoted when YAML would misread it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.data.layout import ANNUAL
from generator.data.load import parse_text
from generator.data.messages import DELETE_WORD, editor_text
from generator.data.models import AnnualReport, Indicator
from generator.data.problems import ProblemLog, Severity
from generator.data.types import MARKERS, parse_number
from generator.data.validate import check_model
from generator.editors.cell_values import Entry
from generator.editors.common import EditorError, schema_line, unit_label, yaml_text
from generator.i18n import N_, _, bilingual, pgettext

SUBMITTED_LABEL = N_("submission date (submitted)")
HIGHLIGHTS_LABEL = N_("the year's highlights (highlights)")


def render_annual(
    data: Path,
    target: Path,
    zone_name: str,
    indicators: list[Indicator],
    sheet: Any,
    old: dict[str, Any] | None,
    baseline: bool,
) -> tuple[str, list[str]]:
    """The file's text and the lines telling what changed against `old` (None: a new file), what the sheet
    removed and what was kept from the file."""
    old = old or {}
    log = _Log()
    lines = [
        schema_line(data, target, ANNUAL),
        "# "
        + _(
            "%(zone)s %(year)s annual indicator data (imported from the Excel sheet: import-xlsx).",
            zone=zone_name,
            year=sheet.year,
        ),
        *_head(sheet, old, baseline, log),
    ]
    values = _values(indicators, sheet, old, log)
    lines += ["values:", *values] if values else ["values: {}"]  # a sheet with a date and no value yet
    text = "\n".join(lines) + "\n"
    _validate(text, str(target))
    report = [_("changes (old -> new):"), *log.changes] if log.changes else [bilingual("no changes")]
    report += log.removed
    if log.kept:
        report.append(editor_text("force-kept", items=pgettext("editors", ", ").join(log.kept))[0])
    if log.notes:
        report.append(bilingual("notes kept from the file") + ": " + pgettext("editors", "; ").join(log.notes))
    if log.sources:
        report.append(bilingual("sources kept from the file") + ": " + pgettext("editors", "; ").join(log.sources))
    return text, report


@dataclass
class _Log:
    changes: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _head(sheet: Any, old: dict[str, Any], baseline: bool, log: _Log) -> list[str]:
    lines = []
    if isinstance(old.get("year"), str):
        lines.append(f"year: {_scalar(old['year'])}")
    if old.get("baseline") is not None or baseline:
        lines.append(f"baseline: {old.get('baseline') or 'true'}")
    submitted = sheet.submitted.isoformat() if sheet.submitted else old.get("submitted")
    if isinstance(submitted, str):
        iso = re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", submitted)
        lines.append(f"submitted: {submitted if iso else yaml_text(submitted)}")
        _diff(log.changes, _(SUBMITTED_LABEL), old.get("submitted"), submitted)
        if not sheet.submitted and old.get("submitted"):
            log.kept.append(_(SUBMITTED_LABEL))
    old_highlights = old.get("highlights") if isinstance(old.get("highlights"), list) else []
    highlights = [] if sheet.clear_highlights else sheet.highlights or old_highlights
    if highlights:
        lines += ["highlights:", *(f"  - {yaml_text(str(h))}" for h in highlights)]
    if sheet.clear_highlights and old_highlights:
        removed = bilingual("removed as the sheet says", count=len(old_highlights))
        log.changes.append(f"  {_(HIGHLIGHTS_LABEL)}: {removed}")
    elif sheet.highlights and old_highlights and sheet.highlights != old_highlights:
        replaced = bilingual("replaced by the sheet's")
        log.changes.append(f"  {_(HIGHLIGHTS_LABEL)}: {replaced}")
    elif old_highlights and not sheet.highlights:
        log.kept.append(_(HIGHLIGHTS_LABEL))
    return lines


def _values(indicators: list[Indicator], sheet: Any, old: dict[str, Any], log: _Log) -> list[str]:
    old_values = dict(old["values"]) if isinstance(old.get("values"), dict) else {}
    lines = []
    for ind in indicators:
        previous = old_values.pop(ind.id, None)
        label = pgettext("editors", "%(name)s (%(what)s)", name=ind.name, what=ind.id)
        if ind.id in sheet.entries:
            entry, note = sheet.entries[ind.id]
            if entry is None and previous is None:
                continue  # 删除 in the note of an empty row: nothing to remove
            new = _merged(entry, note, previous, label, log)
            _diff(log.changes, label, _shown(previous), _shown(new))
        elif previous is not None:
            new = previous
            log.kept.append(label)
        else:
            continue
        comment = pgettext("editors", "%(name)s (%(what)s)", name=ind.name, what=unit_label(ind))
        lines.append(f"  {ind.id}: {_entry_yaml(new)}  # {comment}")
    for ind_id, previous in old_values.items():  # ids the sheet does not know: keep them as they were
        lines.append(f"  {ind_id}: {_entry_yaml(previous)}")
        log.kept.append(ind_id)
    return lines


def _merged(entry: Entry | None, note: str | None, previous: Any, label: str, log: _Log) -> Any:
    """The sheet's value with the sheet's note, else the old note (the delete word removes it); the old source is
    kept."""
    old = previous if isinstance(previous, dict) else {}
    old_value = previous if isinstance(previous, str) else old.get("value")
    if entry is None:  # only 删除 in the note: the value stays as it was
        value: Any = old_value if old_value is not None else old.get("marker")
        is_marker = old_value is None
    else:
        value = entry.marker or entry.value
        is_marker = entry.marker is not None
        if entry.number is not None and isinstance(old_value, str):
            before = parse_number(old_value.strip())
            if before is not None and before == entry.number:
                value = old_value.strip()  # 13.0 stays 13.0 when the sheet says 13
    if note == DELETE_WORD:
        if old.get("note"):
            log.removed.append(editor_text("force-removed-note", label=label, note=old["note"])[0])
        note = None
    elif not note and old.get("note"):
        note = old["note"]
        log.notes.append(pgettext("editors", "%(label)s: %(text)s", label=label, text=note))
    out = {"marker" if is_marker else "value": value}
    if note:
        out["note"] = note
    if old.get("source"):
        out["source"] = old["source"]
        log.sources.append(pgettext("editors", "%(label)s: %(text)s", label=label, text=old["source"]))
    return out if len(out) > 1 else value


def _shown(entry: Any) -> str:
    if entry is None:
        return pgettext("editors", "(none)")
    if isinstance(entry, dict):
        main = entry.get("value") or entry.get("marker") or ""
        return _("%(value)s (note: %(note)s)", value=main, note=entry["note"]) if entry.get("note") else str(main)
    return str(entry)


def _diff(changes: list[str], label: str, before: Any, after: Any) -> None:
    before = pgettext("editors", "(none)") if before is None else str(before)
    if before != str(after):
        changes.append(f"  {label}: {before} -> {after}")


def _scalar(text: str, flow: bool = False) -> str:
    stripped = text.strip()
    if stripped in MARKERS or parse_number(stripped) is not None:
        return stripped
    return yaml_text(text, flow=flow)


def _entry_yaml(entry: Any) -> str:
    if entry is None:
        return ""
    if isinstance(entry, dict):
        parts = [
            f"{k}: {_scalar(v, flow=True) if k in ('value', 'marker') else yaml_text(v, flow=True)}"
            for k, v in entry.items()
            if isinstance(v, str)
        ]
        return "{" + ", ".join(parts) + "}"
    return _scalar(str(entry))


def _validate(text: str, path: str) -> None:
    """The written file must pass its model; anything else is a bug here, never the editor's fault. Warnings
    about what the editor typed (an invisible character in a text) are no bug: the check of the written
    file reports them."""
    log = ProblemLog()
    doc = parse_text(text.encode("utf-8"), path)
    log.extend(doc.problems)
    if doc.ok:
        check_model(doc, AnnualReport, log)
    if log.count(Severity.ERROR):
        raise EditorError.say(
            N_("the generated YAML does not pass its model (a bug; please report it)"),
            details=tuple(p.format_text() for p in log.problems),
        )
