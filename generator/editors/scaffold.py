"""Scaffolds: a valid starting file for a new zone, year or case, every field explained in Chinese.

The comments are the models' own field descriptions (`x-zh`), so they never drift from the schema.
What each scaffold leaves for the editor, and how `check` reports it until it is done:

- new-zone: a zone in 申报中 (applied) that invents nothing. Written as values: the id's city (or --city),
  the name when --name gives it, level regional (what this guideline approves), sample false. Every other
  fact is left for the editor: text as a 【待填写】 placeholder (name, park name, department, operator:
  `placeholder-text`, a warning that `check --strict` refuses), dates, years and codes empty (park kind
  and level, period, the application date: `wrong-type 值为空`, an error). So `check` lists every field
  still to write, with its line, and the zone cannot be published before they are written.
- new-year: every indicator listed with its number, name and unit and last year's value in a comment; the
  values are left empty, so `check` gives one `missing-value` warning per indicator (which fails
  `check --strict`, as CI runs it) and `missing-field` for `submitted` until the editor fills them.
- new-case: every required text empty, so `check` reports `wrong-type 值为空` for each until written:
  an unfinished case must never be published.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.data.catalog import Catalog
from generator.data.layout import ANNUAL, CASE, ZONE
from generator.data.models import (
    PLAN_SECTIONS,
    AnnualReport,
    Case,
    Park,
    Period,
    Replicability,
    Results,
    Source,
    Zone,
)
from generator.editors.common import (
    PLACEHOLDER,
    EditorError,
    check_year,
    field_zh,
    load_catalog,
    refuse_existing,
    schema_line,
    unit_label,
    write_new,
    yaml_text,
    zone_indicators,
    zone_record,
)

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _need_id(text: str, what_zh: str, what_en: str) -> None:
    if not _ID.fullmatch(text) or len(text) > 64:
        raise EditorError(
            f"{what_zh}“{text}”不符合规则：只能用小写英文字母、数字和单个连字符，如 nanning-hitech",
            f"invalid {what_en} {text!r}: lowercase letters, digits and single hyphens only",
            exit_code=2,
        )


def _choices(catalog: Catalog, list_name: str) -> str:
    return "、".join(f"{item.id} {item.name}" for item in catalog.references.get(list_name, ()))


# --- new-zone ---------------------------------------------------------------------------------


def scaffold_zone(data: Path, zone_id: str, city: str | None = None, name: str | None = None) -> Path:
    """Write zones/<zone_id>/zone.yaml for a zone that has applied; returns its path."""
    _need_id(zone_id, "示范区编号", "zone id")
    target = ZONE.path(data, zone=zone_id)
    refuse_existing(target)
    catalog = load_catalog(data)
    cities = {c.id: c.name for c in catalog.references["cities"]}
    city = city or zone_id.split("-")[0]
    if city not in cities:
        raise EditorError(
            f"请用 --city 指定设区市编号（reference/cities.yaml）：{'、'.join(cities)}",
            f"give the host city with --city (one of reference/cities.yaml): {', '.join(cities)}",
            exit_code=2,
        )
    lines = [schema_line(data, target, ZONE), *_zone_lines(catalog, city, cities[city], name)]
    write_new(target, "\n".join(lines) + "\n", data=data)
    return target


def _zone_lines(catalog: Catalog, city: str, city_name: str, name: str | None) -> list[str]:
    """Only what the editor gave (id, city, name) and what the programme fixes (level) is written as a value;
    every other fact is a 【待填写】 placeholder (text) or left empty (dates, years, codes), so `check`
    lists each one with its line until it is written."""
    return [
        f"# 新申报的示范区（由 new-zone 生成）。标有“{PLACEHOLDER}”的内容必须替换，冒号后空着的字段必须填写；",
        "# 检查（check）会逐项列出还没有填写的地方。",
        "# 状态由下面的事件推算：只有 applied（申报）事件时显示为“申报中”。",
        f"# {field_zh(Zone, 'name')}（建设方案封面上的全称）",
        f"name: {yaml_text(name) if name else PLACEHOLDER + '示范区全称'}",
        f"# {field_zh(Zone, 'short_name')}（可选：有简称时删去行首的“# ”并填写）",
        "# short_name: 简称",
        f"# {field_zh(Zone, 'sample')}",
        "sample: false",
        f"# {field_zh(Zone, 'level')}：{_choices(catalog, 'zone_levels')}（按本指引申报的为 regional）",
        "level: regional",
        f"# {field_zh(Zone, 'city')}",
        f"city: {city}  # {city_name}",
        f"# {field_zh(Zone, 'parks')}（可写多个，每个以“- ”开头）",
        "parks:",
        f"  - name: {PLACEHOLDER}载体园区全称  # {field_zh(Park, 'name')}",
        f"    kind:  # {field_zh(Park, 'kind')}：{_choices(catalog, 'park_kinds')}",
        f"    level:  # {field_zh(Park, 'level')}：{_choices(catalog, 'park_levels')}",
        f"# {field_zh(Zone, 'industries')}（每项一行，以“- ”开头；删去行首的“# ”）",
        "# industries:",
        "#   - 特色产业名称",
        f"# {field_zh(Zone, 'management_department')}，如 {city_name}科学技术局",
        f"management_department: {PLACEHOLDER}管理部门全称",
        f"# {field_zh(Zone, 'operator')}",
        f"operator: {PLACEHOLDER}运营主体名称",
        f"# {field_zh(Zone, 'period')}：按建设方案填写四位年份；指引规定原则上 2—3 年",
        "period:",
        f"  start:  # {field_zh(Period, 'start')}",
        f"  end:  # {field_zh(Period, 'end')}",
        f"# {field_zh(Zone, 'plan')}：Markdown 文字，有内容时删去行首的“# ”并填写",
        "# plan:",
        *(f"#   {key}: {zh}" for key, (zh, _en) in PLAN_SECTIONS.items()),
        f"# {field_zh(Zone, 'targets')}，例如：",
        "# targets:",
        *(f"#   {ind.id}: 数值  # {ind.name}（{ind.unit}）" for ind in catalog.indicators[:2] if ind.unit),
        f"# {field_zh(Zone, 'events')}；公示、批复后在下面追加 public_notice、approved 事件",
        "events:",
        "  - kind: applied",
        "    date:  # 申报日期（申报材料报送的日期），写成 年-月-日，如 2025-03-01",
    ]


# --- new-year ---------------------------------------------------------------------------------


def scaffold_year(data: Path, zone_id: str, year: int) -> Path:
    """Write zones/<zone>/annual/<year>.yaml listing every indicator with empty values; returns its path."""
    target = ANNUAL.path(data, zone=zone_id, year=year)
    refuse_existing(target)
    catalog = load_catalog(data)
    record = zone_record(catalog, data, zone_id)
    check_year(catalog, record, year)
    previous = record.reports.get(year - 1)
    baseline = record.approved is not None and year == record.approved.year - 1
    lines = [
        schema_line(data, target, ANNUAL),
        f"# {record.zone.name} {year} 年度建设指标数据（由 new-year 生成）。",
        "# 在每个指标的冒号后填写数值：只写半角数字，不带单位、不用千位分隔符；百分比 35% 写 35。",
        "# 没有数据写“暂无”，不适用写“不适用”；需要说明时写成 {value: 12, note: 说明}。",
        "# 未填写的指标，检查时会提示 missing-value（警告，CI 的 --strict 检查不通过）。",
    ]
    if baseline:
        lines += [f"# {field_zh(AnnualReport, 'baseline')}", "baseline: true"]
    lines += [
        f"# {field_zh(AnnualReport, 'submitted')}，如 {year + 1}-01-20",
        "submitted:",
        f"# {field_zh(AnnualReport, 'highlights')}（每条一行，以“- ”开头；填写时删去行首的“# ”）",
        "# highlights:",
        "#   - 亮点一",
        f"# {field_zh(AnnualReport, 'values')}",
        "values:",
    ]
    for ind in zone_indicators(catalog, zone_id):
        number = f"{ind.number} " if ind.number else "自设 "
        last = ""
        if previous is not None and ind.id in previous.readings:
            reading = previous.readings[ind.id]
            shown = reading.marker or reading.text or ""
            last = f"；{year - 1} 年：{shown[:30]}" if shown else ""
        lines.append(f"  # {number}{ind.name}（{unit_label(ind)}）{last}")
        lines.append(f"  {ind.id}:")
    write_new(target, "\n".join(lines) + "\n", data=data)
    return target


# --- new-case ---------------------------------------------------------------------------------


def scaffold_case(data: Path, zone_id: str, slug: str) -> Path:
    """Write zones/<zone>/cases/<slug>.yaml with every required field empty; returns its path."""
    _need_id(slug, "案例编号", "case slug")
    target = CASE.path(data, zone=zone_id, case=slug)
    refuse_existing(target)
    catalog = load_catalog(data)
    zone_record(catalog, data, zone_id)
    c, r, p, s = Case, Results, Replicability, Source
    lines = [
        schema_line(data, target, CASE),
        "# 新的可复制推广经验案例（由 new-case 生成）。在每个字段的冒号后填写；",
        "# 多段文字写成“字段: |”，下一行起缩进两个空格。全部必填字段写好之前，检查会报告“值为空”。",
        f"# {field_zh(c, 'title')}",
        "title:",
        f"# {field_zh(c, 'year')}（四位数字，如 {catalog.as_of.year}）",
        "year:",
        f"# {field_zh(c, 'task')}：{'、'.join(f'{t.id} {t.short}' for t in catalog.tasks)}",
        "task:",
        f"# {field_zh(c, 'tags')}，如 [tag-a, tag-b]：{_choices(catalog, 'tags')}",
        "tags: []",
        f"# {field_zh(c, 'summary')}",
        "summary:",
        f"# {field_zh(c, 'background')}",
        "background:",
        f"# {field_zh(c, 'practices')}",
        "practices:",
        f"# {field_zh(c, 'results')}",
        "results:",
        f"  text:  # {field_zh(r, 'text')}",
        f"  indicators: []  # {field_zh(r, 'indicators')}",
        f"# {field_zh(c, 'replicability')}",
        "replicability:",
        f"  conditions:  # {field_zh(p, 'conditions')}",
        f"  fits:  # {field_zh(p, 'fits')}",
        f"# {field_zh(c, 'policy_basis')}（每项一行，以“- ”开头）",
        "policy_basis: []",
        f"# {field_zh(c, 'source')}",
        "source:",
        f"  name:  # {field_zh(s, 'name')}",
        f"  # url:  # {field_zh(s, 'url')}",
        f"  # date:  # {field_zh(s, 'date')}",
        f"# {field_zh(c, 'images')}（有图片时删去行首的“# ”）",
        "# images:",
        "#   - file: photo.jpg",
        "#     alt: 描述图片内容",
    ]
    write_new(target, "\n".join(lines) + "\n", data=data)
    return target
