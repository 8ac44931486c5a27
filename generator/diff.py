"""What a pull request changes in the data, in Chinese, for a reviewer: zones added or changed, lifecycle
events added or removed, indicator values changed (old -> new, with the change in percent and a warning
for implausible jumps), annual reports and cases added or removed.

`python -m generator diff BASE_REF` reads the data folder as it was at BASE_REF (with `git archive`, so
the working tree is never touched), validates both versions and compares the catalogs. If either version
does not validate, it falls back to the list of changed files (the check step reports the errors).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.data.catalog import Catalog, Reading, ZoneRecord
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site.series import fmt_decimal

JUMP = Decimal(10)  # a value that grows or shrinks more than tenfold gets a warning


class DiffError(Exception):
    """BASE_REF or the data folder cannot be read with git."""


@dataclass
class Summary:
    lines: list[str] = field(default_factory=list)
    warnings: int = 0

    def add(self, line: str) -> None:
        self.lines.append(line)


def read_base(data: Path, base_ref: str, into: Path) -> Path:
    """Extract the data folder as it was at `base_ref` into `into`; returns the extracted folder."""
    data = data.resolve()
    try:
        top = Path(_git(data, "rev-parse", "--show-toplevel").decode().strip())
        rel = data.relative_to(top).as_posix()
        _git(top, "rev-parse", "--verify", "--quiet", f"{base_ref}^{{commit}}")
    except (subprocess.CalledProcessError, ValueError) as exc:
        raise DiffError(f"无法读取 git 版本 {base_ref} / cannot read git revision {base_ref}") from exc
    target = into / "base"
    target.mkdir(parents=True)
    try:
        archive = _git(top, "archive", "--format=tar", base_ref, "--", rel)
    except subprocess.CalledProcessError:  # the folder did not exist at base_ref: everything is new
        return target
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / rel


def _git(cwd: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout


def changed_files(data: Path, base_ref: str) -> list[str]:
    out = _git(data.resolve(), "diff", "--name-status", base_ref, "--", ".").decode("utf-8", "replace")
    return [line for line in out.splitlines() if line.strip()]


def describe_diff(data: Path, base_ref: str) -> Summary:
    """The Markdown summary of the data changes between `base_ref` and the working tree's data folder."""
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = read_base(data, base_ref, Path(tmp))
        base_exists = base_dir.exists() and any(base_dir.iterdir())
        old, old_log = validate_data(load_data(base_dir)) if base_exists else (None, None)
        new, new_log = validate_data(load_data(data))
    summary = Summary()
    summary.add(f"## 数据变更摘要（与 `{base_ref}` 相比）")
    summary.add("")
    broken = "本次修改后的" if new is None or new_log.failing(False) else ""
    if not broken and old_log is not None and (old is None or old_log.failing(False)):
        broken = "比较基准中的"
    if new is None or broken:
        summary.add(f"{broken}数据未通过检查，无法逐项比较；请先按检查结果修正。变动的文件：")
        summary.add("")
        summary.lines += [f"- `{line}`" for line in changed_files(data, base_ref)] or ["- （无）"]
        return summary
    before = old or _empty_like(new)
    sections = [_zones(before, new, summary), _events(before, new), _values(before, new, summary), _cases(before, new)]
    body = [line for section in sections for line in section]
    summary.lines += body or ["数据没有变化。"]
    if summary.warnings:
        summary.add("")
        summary.add(f"**请核实：有 {summary.warnings} 处数值变化超过十倍（标有 ⚠）。**")
    return summary


def _empty_like(catalog: Catalog) -> Catalog:
    return Catalog(catalog.site, catalog.categories, catalog.indicators, catalog.indicator_source,
                   catalog.references, catalog.tasks, {}, ())  # fmt: skip


def _name(zone: ZoneRecord) -> str:
    return zone.zone.short_name or zone.zone.name


def _zones(old: Catalog, new: Catalog, summary: Summary) -> list[str]:
    out = []
    for zone_id in sorted(set(new.zones) - set(old.zones)):
        z = new.zones[zone_id]
        out.append(f"- 新增示范区：**{z.zone.name}**（`{zone_id}`，{new.ref_name('cities', z.zone.city)}）")
    for zone_id in sorted(set(old.zones) - set(new.zones)):
        out.append(f"- 删除示范区：**{old.zones[zone_id].zone.name}**（`{zone_id}`）")
    for zone_id in sorted(set(old.zones) & set(new.zones)):
        a, b = old.zones[zone_id].zone, new.zones[zone_id].zone
        fields = [label for label, x, y in (
            ("名称", a.name, b.name), ("简称", a.short_name, b.short_name), ("级别", a.level, b.level),
            ("设区市", a.city, b.city), ("建设期", a.period, b.period), ("载体园区", a.parks, b.parks),
            ("特色产业", a.industries, b.industries), ("管理部门", a.management_department, b.management_department),
            ("运营主体", a.operator, b.operator), ("资金投入", a.funding, b.funding), ("建设方案", a.plan, b.plan),
            ("示例数据标记", a.sample, b.sample),
        ) if x != y]  # fmt: skip
        if fields:
            out.append(f"- {_name(new.zones[zone_id])}：修改了{'、'.join(fields)}")
        for key in sorted(set(a.targets) | set(b.targets)):
            x, y = a.targets.get(key), b.targets.get(key)
            if x != y:
                ind = new.indicator(key, zone_id)
                out.append(f"- {_name(new.zones[zone_id])}：期末目标 {ind.name if ind else key} {_v(x)} → {_v(y)}")
    return (["### 示范区", "", *out, ""]) if out else []


def _v(value: Decimal | None) -> str:
    return "（无）" if value is None else str(value)


def _events(old: Catalog, new: Catalog) -> list[str]:
    out = []
    for zone_id in sorted(new.zones):
        before = {(e.kind, e.date) for e in old.zones[zone_id].zone.events} if zone_id in old.zones else set()
        after = {(e.kind, e.date) for e in new.zones[zone_id].zone.events}
        name = _name(new.zones[zone_id])
        for kind, date in sorted(after - before, key=lambda e: (e[1], e[0])):
            out.append(f"- {name}：新增事件 {date.isoformat()} {new.ref_name('event_kinds', kind)}")
        for kind, date in sorted(before - after, key=lambda e: (e[1], e[0])):
            out.append(f"- {name}：删除事件 {date.isoformat()} {old.ref_name('event_kinds', kind)}")
    return (["### 建设程序事件", "", *out, ""]) if out else []


def _shown(reading: Reading | None) -> str:
    if reading is None:
        return "（未报送）"
    return reading.marker or reading.text or "（空）"


def _rate(a: Reading | None, b: Reading | None, summary: Summary) -> str:
    if a is None or b is None or a.number is None or b.number is None:
        return ""
    if a.number == 0:
        return ""
    ratio = b.number / a.number
    text = f"（{'+' if ratio > 1 else ''}{fmt_decimal((ratio - 1) * 100, 1)}%）"
    if ratio > JUMP or (ratio > 0 and ratio < 1 / JUMP) or ratio < 0:
        summary.warnings += 1
        text += " ⚠ 变化超过十倍，请核实单位和数值"
    return text


def _values(old: Catalog, new: Catalog, summary: Summary) -> list[str]:
    out = []
    for zone_id in sorted(new.zones):
        zone = new.zones[zone_id]
        before = old.zones[zone_id].reports if zone_id in old.zones else {}
        for year in sorted(set(zone.reports) | set(before)):
            if year not in zone.reports:
                out.append(f"- {_name(zone)}：删除 {year} 年度数据")
                continue
            report = zone.reports[year]
            if year not in before:
                out.append(f"- {_name(zone)}：新增 {year} 年度数据（{len(report.readings)} 项指标）")
                out += _jumps_from_previous(new, zone, year, summary)
                continue
            out += _reading_changes(new, zone, year, before[year].readings, report.readings, summary)
    return (["### 年度指标数据", "", *out, ""]) if out else []


def _reading_changes(new: Catalog, zone: ZoneRecord, year: int, a: dict[str, Reading], b: dict[str, Reading],
                     summary: Summary) -> list[str]:  # fmt: skip
    out = []
    for key in sorted(set(a) | set(b)):
        x, y = a.get(key), b.get(key)
        if _shown(x) == _shown(y) and (x and x.note) == (y and y.note) and (x and x.source) == (y and y.source):
            continue
        ind = new.indicator(key, zone.id)
        label = ind.name if ind else key
        if _shown(x) == _shown(y):
            out.append(f"- {_name(zone)} {year} 年 {label}：修改了说明或来源")
        else:
            out.append(f"- {_name(zone)} {year} 年 {label}：{_shown(x)} → {_shown(y)}{_rate(x, y, summary)}")
    return out


def _jumps_from_previous(new: Catalog, zone: ZoneRecord, year: int, summary: Summary) -> list[str]:
    """For a new year: the values that moved more than tenfold from the year before."""
    previous = zone.reports.get(year - 1)
    if previous is None:
        return []
    out = []
    for key, reading in sorted(zone.reports[year].readings.items()):
        before = summary.warnings
        rate = _rate(previous.readings.get(key), reading, summary)
        if summary.warnings > before:
            ind = new.indicator(key, zone.id)
            out.append(f"  - {ind.name if ind else key}：上年 {_shown(previous.readings.get(key))} → "
                       f"{_shown(reading)}{rate}")  # fmt: skip
    return out


def _cases(old: Catalog, new: Catalog) -> list[str]:
    a = {c.slug: c for c in old.cases}
    b = {c.slug: c for c in new.cases}
    out = [f"- 新增案例：**{b[s].case.title}**（{_name(new.zones[b[s].zone_id])}）" for s in sorted(set(b) - set(a))]
    out += [f"- 删除案例：**{a[s].case.title}**" for s in sorted(set(a) - set(b))]
    out += [f"- 修改案例：**{b[s].case.title}**" for s in sorted(set(a) & set(b)) if a[s].case != b[s].case]
    return (["### 经验案例", "", *out, ""]) if out else []
