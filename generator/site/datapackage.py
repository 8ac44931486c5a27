"""The Frictionless Data Package (v1 descriptor) describing the open-data files.

The CSVs are UTF-8 with a byte-order mark (for Excel): the descriptor names the encoding `utf-8`, the
IANA name the specification asks for; a BOM is part of UTF-8 and Frictionless skips it when reading
(tests/test_downloads.py validates the written files offline to keep that true). The JSON document is
listed as a plain (non-tabular) resource, which the specification allows.
"""

from __future__ import annotations

import json
from typing import Any

from generator.data.catalog import Catalog
from generator.site.download_columns import Column, indicator_columns, value_columns, zone_columns

NAME = "gx-tech-transfer-zones"
MISSING = [""]


def _schema(columns: tuple[Column, ...], key: list[str], zone_field: str | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [c.field() for c in columns], "missingValues": MISSING}
    if key:
        schema["primaryKey"] = key
    if zone_field:
        schema["foreignKeys"] = [{"fields": [zone_field], "reference": {"resource": "zones", "fields": ["id"]}}]
    return schema


def _table(name: str, path: str, title: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name, "path": path, "title": title, "description": description, "profile": "tabular-data-resource",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True,
                    "header": True},
        "schema": schema,
    }  # fmt: skip


def make_datapackage(catalog: Catalog, zone_files: dict[str, str]) -> bytes:
    """`zone_files`: zone id -> path of its CSV, relative to the descriptor."""
    site = catalog.site
    values = _schema(value_columns(), ["zone", "year", "indicator"], "zone")
    resources = [
        _table("zones", "zones.csv", "示范区名录", "每个示范区一行：名称、设区市、级别、状态、批复日期、建设期",
               _schema(zone_columns(), ["id"], None)),
        _table("zones-indicators", "zones-indicators.csv", "示范区年度指标数据",
               "每个示范区、年度、指标一行；暂无 / 不适用 记在 marker 列，不等于 0", values),
        _table("indicators", "indicators.csv", "建设指标体系", "指引附件2的共同指标，以及各示范区自设指标",
               _schema(indicator_columns(), [], None)),
    ]  # fmt: skip
    for zone_id, path in sorted(zone_files.items()):
        resources.append(_table(f"zone-{zone_id}", path, f"{catalog.zones[zone_id].zone.name}年度指标数据",
                                f"zones-indicators.csv 中示范区 {zone_id} 的各行", values))  # fmt: skip
    resources.append({
        "name": "zones-data", "path": "zones-data.json", "title": "全部数据（JSON）", "format": "json",
        "mediatype": "application/json", "encoding": "utf-8",
        "description": "网站信息、指标体系、各示范区概况、建设程序事件和年度数值；数值为与原始数据一致的字符串",
    })  # fmt: skip
    descriptor = {
        "profile": "data-package",
        "name": NAME,
        "title": site.title,
        "description": _description(catalog),
        "created": f"{site.as_of.isoformat()}T00:00:00Z",
        "homepage": site.site_url,
        "contributors": [{"title": site.sponsor, "role": "publisher"}],
        "keywords": ["科技成果转移转化", "示范区", "广西"],
        "resources": resources,
    }
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _description(catalog: Catalog) -> str:
    text = f"数据截至 {catalog.as_of.isoformat()}。使用条款由主办单位（{catalog.site.sponsor}）规定。"
    if catalog.has_sample:
        text += "含示例数据：sample 为 true 的行数字为虚构，仅用于演示。"
    return text
