"""Indicator pages: the indicator system as a reference table, and one page per quantitative indicator."""

from __future__ import annotations

from typing import Any

from generator.data.catalog import Catalog
from generator.site.common import KIND_LABELS, Context, Section, category_name, front_matter


def make_indicator_pages(ctx: Context) -> Section:
    out = Section()
    out.pages["indicators/index.md"] = ctx.env.get_template("indicators.md.j2").render(**_indicators_view(ctx.catalog))
    out.nav = [{"指标体系": ["indicators/index.md"]}]
    return out


def _indicators_view(catalog: Catalog) -> dict[str, Any]:
    rows = [{
        "number": ind.number or "", "category": category_name(catalog, ind), "name": ind.name,
        "name_en": ind.name_en, "unit": ind.unit or "—", "kind": KIND_LABELS[ind.kind],
        "summable": "可以" if ind.summable else "不可", "incomplete": ind.incomplete, "note": ind.note or "",
    } for ind in catalog.indicators]
    return {"fm": front_matter("建设指标体系", False), "rows": rows, "source": catalog.indicator_source}
