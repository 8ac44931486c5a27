"""Open data: the downloads (CSV, Excel, JSON, Data Package) and the two pages that explain them.

Everything is made from the validated catalog, in memory; `write.py` writes it. Paths are relative to
the generated folder, which MkDocs serves at the site's root; zone pages link to `data/zones/<id>.csv`.
"""

from __future__ import annotations

from typing import Any

from generator.data.catalog import Catalog
from generator.site.common import Context, Section, front_matter
from generator.site.data_dictionary import dictionary_view
from generator.site.datapackage import make_datapackage
from generator.site.download_columns import MARKER_VALUES, indicator_columns, terms, value_columns, zone_columns
from generator.site.download_data import (
    column_docs,
    indicator_rows,
    make_csv,
    make_json,
    value_rows,
    zone_rows,
)
from generator.site.markup import link
from generator.site.xlsx import make_workbook

DATA = "data"


def zone_csv_path(zone_id: str) -> str:
    """The per-zone CSV, relative to the site's root (zone pages link to it)."""
    return f"{DATA}/zones/{zone_id}.csv"


def make_downloads(ctx: Context) -> Section:
    catalog = ctx.catalog
    out = Section()
    values = value_rows(catalog)
    out.files[f"{DATA}/zones-indicators.csv"] = make_csv(value_columns(), values)
    out.files[f"{DATA}/zones.csv"] = make_csv(zone_columns(), zone_rows(catalog))
    out.files[f"{DATA}/indicators.csv"] = make_csv(indicator_columns(), indicator_rows(catalog))
    for zone_id in sorted(catalog.zones):
        mine = [row for row in values if row.cells["zone"] == zone_id]
        out.files[zone_csv_path(zone_id)] = make_csv(value_columns(), mine)
    out.files[f"{DATA}/zones-data.json"] = make_json(catalog)
    out.files[f"{DATA}/zones-data.xlsx"] = make_workbook(
        catalog.site.title,
        catalog.as_of,
        _workbook_notes(catalog),
        [("指标数据", value_columns(), values), ("示范区", zone_columns(), zone_rows(catalog)),
         ("指标体系", indicator_columns(), indicator_rows(catalog))],
    )  # fmt: skip
    zone_files = {zone_id: f"zones/{zone_id}.csv" for zone_id in catalog.zones}
    out.files[f"{DATA}/datapackage.json"] = make_datapackage(catalog, zone_files)
    out.pages[f"{DATA}/index.md"] = ctx.env.get_template("data_index.md.j2").render(**_index_view(catalog, values))
    out.pages[f"{DATA}/dictionary.md"] = ctx.env.get_template("data_dictionary.md.j2").render(
        fm=front_matter("数据字典", False, "开放数据各列和数据文件各字段的说明"),
        files=dictionary_view(),
        tables=_column_tables(),
    )
    out.nav = [{"开放数据": [f"{DATA}/index.md", f"{DATA}/dictionary.md"]}]
    return out


def _sample_notice(catalog: Catalog) -> str:
    if not catalog.has_sample:
        return ""
    return "本数据含示例数据：sample 列为 true 的行，数字为虚构，仅用于演示网站功能，不代表任何示范区的实际情况。"


def _workbook_notes(catalog: Catalog) -> list[tuple[str, str]]:
    site = catalog.site
    notes = [
        ("内容", f"{site.title}：各示范区年度建设指标数据、示范区名录和建设指标体系。"),
        ("数据截止日期", catalog.as_of.isoformat()),
        ("示例数据", _sample_notice(catalog) or "无"),
        ("标注", "暂无 表示没有数据，不适用 表示该指标不适用；二者都不等于 0，数值列留空。"),
        ("单位", "百分比指标按百分数存储：35 表示 35%。比例类和每万比率指标不能跨示范区相加。"),
        ("数值", "数值与原始数据完全一致；超出 Excel 15 位有效数字精度的数值以文本保存。"),
        ("来源", f"{site.sponsor}；{site.site_url}"),
        ("使用条款", terms()),
        ("列说明", "各列含义见网站“开放数据 · 数据字典”页面。"),
    ]
    return notes


def _column_tables() -> list[dict[str, Any]]:
    return [
        {"file": "zones-indicators.csv、zones/<示范区编号>.csv（工作表“指标数据”）", "columns": column_docs(value_columns())},
        {"file": "zones.csv（工作表“示范区”）", "columns": column_docs(zone_columns())},
        {"file": "indicators.csv（工作表“指标体系”）", "columns": column_docs(indicator_columns())},
    ]  # fmt: skip


def _index_view(catalog: Catalog, values: list[Any]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for row in values:
        counts[row.cells["zone"]] = counts.get(row.cells["zone"], 0) + 1
    zones = [
        {"link": link(z.zone.name, f"zones/{z.id}.csv"), "id": z.id, "rows": counts.get(z.id, 0)}
        for z in sorted(catalog.zones.values(), key=lambda z: z.id)
    ]
    files = [
        (link("zones-indicators.csv", "zones-indicators.csv"), "年度指标数据：每个示范区、年度、指标一行", len(values)),
        (link("zones.csv", "zones.csv"), "示范区名录：每个示范区一行", len(catalog.zones)),
        (link("indicators.csv", "indicators.csv"), "建设指标体系：共同指标和各示范区自设指标", len(indicator_rows(catalog))),
        (link("zones-data.xlsx", "zones-data.xlsx"), "Excel 工作簿：说明、指标数据、示范区、指标体系四个工作表", ""),
        (link("zones-data.json", "zones-data.json"), "全部数据（JSON）：网站信息、指标体系、示范区概况、建设程序事件和年度数值", ""),
        (link("datapackage.json", "datapackage.json"), "Frictionless 数据包描述文件：各 CSV 的表结构", ""),
    ]  # fmt: skip
    return {
        "fm": front_matter("开放数据", catalog.has_sample, "下载示范区年度指标数据（CSV、Excel、JSON）"),
        "as_of": catalog.as_of.isoformat(),
        "sample_notice": _sample_notice(catalog),
        "sponsor": catalog.site.sponsor,
        "licence": terms(),
        "files": [{"link": f[0], "what": f[1], "rows": f[2]} for f in files],
        "markers": MARKER_VALUES,
        "columns": column_docs(value_columns()),
        "zones": zones,
    }
