"""An annual report as YAML text in the project's layout, merged with the file it replaces.

Layout: schema line, a comment, `year`/`baseline` when the old file had them (or for a baseline year),
`submitted:`, `highlights:`, `values:` in the indicator system's order with the shorthand `key: 12`,
`key: 暂无` or `key: {value: 12, note: …}`, each with the indicator's name and unit in a comment.
Numbers are written as read (exact decimal text); every other string is quoted when YAML would misread it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.data.load import parse_text
from generator.data.models import AnnualReport, Indicator
from generator.data.problems import ProblemLog
from generator.data.types import MARKERS, parse_number
from generator.data.validate import check_model
from generator.editors.cell_values import Entry
from generator.editors.common import EditorError, schema_line, unit_label, yaml_text


def render_annual(
    data: Path,
    target: Path,
    zone_name: str,
    indicators: list[Indicator],
    sheet: Any,
    old: dict[str, Any] | None,
    baseline: bool,
) -> tuple[str, list[str]]:
    """The file's text and the lines telling what changed against `old` (None: a new file)."""
    old = old or {}
    changes: list[str] = []
    kept: list[str] = []
    lines = [
        schema_line(data, target, "annual-report.schema.json"),
        f"# {zone_name} {sheet.year} 年度建设指标数据（由 Excel 填报表导入：import-xlsx）。",
        *_head(sheet, old, baseline, changes, kept),
        "values:",
        *_values(indicators, sheet, old, changes, kept),
    ]
    text = "\n".join(lines) + "\n"
    _validate(text, str(target))
    report = ["变更 / changes (旧 old -> 新 new):", *changes] if changes else ["没有变更 / no changes"]
    if kept:
        report.append("表格中留空、保留原有内容 / left empty in the sheet, kept from the file: " + "、".join(kept))
    return text, report


def _head(sheet: Any, old: dict[str, Any], baseline: bool, changes: list[str], kept: list[str]) -> list[str]:
    lines = []
    if isinstance(old.get("year"), str):
        lines.append(f"year: {_scalar(old['year'])}")
    if old.get("baseline") is not None or baseline:
        lines.append(f"baseline: {old.get('baseline') or 'true'}")
    submitted = sheet.submitted.isoformat() if sheet.submitted else old.get("submitted")
    if isinstance(submitted, str):
        iso = re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", submitted)
        lines.append(f"submitted: {submitted if iso else yaml_text(submitted)}")
        _diff(changes, "报送日期（submitted）", old.get("submitted"), submitted)
    old_highlights = old.get("highlights") if isinstance(old.get("highlights"), list) else []
    highlights = sheet.highlights or old_highlights
    if highlights:
        lines += ["highlights:", *(f"  - {yaml_text(str(h))}" for h in highlights)]
    if sheet.highlights and old_highlights and sheet.highlights != old_highlights:
        changes.append("  年度建设亮点（highlights）: 已按表格替换 / replaced by the sheet's")
    elif old_highlights and not sheet.highlights:
        kept.append("年度建设亮点（highlights）")
    return lines


def _values(
    indicators: list[Indicator], sheet: Any, old: dict[str, Any], changes: list[str], kept: list[str]
) -> list[str]:
    old_values = dict(old["values"]) if isinstance(old.get("values"), dict) else {}
    lines = []
    for ind in indicators:
        previous = old_values.pop(ind.id, None)
        if ind.id in sheet.entries:
            entry, note = sheet.entries[ind.id]
            new = _merged(entry, note, previous)
            _diff(changes, f"{ind.name}（{ind.id}）", _shown(previous), _shown(new))
        elif previous is not None:
            new = previous
            kept.append(f"{ind.name}（{ind.id}）")
        else:
            continue
        lines.append(f"  {ind.id}: {_entry_yaml(new)}  # {ind.name}（{unit_label(ind)}）")
    for ind_id, previous in old_values.items():  # ids the sheet does not know: keep them as they were
        lines.append(f"  {ind_id}: {_entry_yaml(previous)}")
        kept.append(ind_id)
    return lines


def _merged(entry: Entry, note: str | None, previous: Any) -> Any:
    """The sheet's value with the sheet's note, else the old note; the old source is always kept."""
    old = previous if isinstance(previous, dict) else {}
    old_value = previous if isinstance(previous, str) else old.get("value")
    value: Any = entry.marker or entry.value
    if entry.number is not None and isinstance(old_value, str):
        before = parse_number(old_value.strip())
        if before is not None and before == entry.number:
            value = old_value.strip()  # 13.0 stays 13.0 when the sheet says 13
    note = note or old.get("note")
    out = {"marker" if entry.marker else "value": value}
    if note:
        out["note"] = note
    if old.get("source"):
        out["source"] = old["source"]
    return out if len(out) > 1 else value


def _shown(entry: Any) -> str:
    if entry is None:
        return "（无）"
    if isinstance(entry, dict):
        main = entry.get("value") or entry.get("marker") or ""
        return f"{main}（说明：{entry['note']}）" if entry.get("note") else str(main)
    return str(entry)


def _diff(changes: list[str], label: str, before: Any, after: Any) -> None:
    before = "（无）" if before is None else str(before)
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
    """The written file must pass its model; anything else is a bug here, never the editor's fault."""
    log = ProblemLog()
    doc = parse_text(text.encode("utf-8"), path)
    log.extend(doc.problems)
    if doc.ok:
        check_model(doc, AnnualReport, log)
    if log.problems:
        raise EditorError(
            "生成的 YAML 未通过检查（程序错误，请报告）",
            "the generated YAML does not pass its model (a bug; please report it)",
            details=tuple(p.format_text() for p in log.problems),
        )
