"""Comparative analysis pages: the composite index by year (analysis/index.md) and how it is computed with a
worked example from the data (analysis/method.md). The zone page's 综合表现 section is composite_words.py's.

The numbers come from the analysis stage (generator/analysis/composite.py, in `ctx.analysis`); this module
only words and lays them out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.analysis import composite as ci
from generator.analysis.composite import as_float
from generator.data.catalog import Catalog
from generator.data.kinds import KINDS
from generator.site.charts import chart_html, chart_id, ranking_chart, with_summary
from generator.site.common import Context, Section, front_matter
from generator.site.composite_words import (
    excluded_text,
    group_name,
    group_rule,
    input_text,
    missing_text,
    not_shown_text,
    score_text,
    variant_label,
)
from generator.site.composite_words import ind_name as _ind_name
from generator.site.composite_words import zone_name as _name
from generator.site.markup import link
from generator.site.series import fmt_decimal, with_unit

INDEX_PAGE = "analysis/index.md"
METHOD_PAGE = "analysis/method.md"


def make_analysis_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    result = ctx.analysis.composite
    out = Section()
    out.pages[INDEX_PAGE] = env.get_template("analysis_index.md.j2").render(**_index_view(catalog, result))
    out.pages[METHOD_PAGE] = env.get_template("analysis_method.md.j2").render(**_method_view(catalog, result))
    out.nav = [{"比较分析": [INDEX_PAGE, METHOD_PAGE]}]
    return out


# --- wording -------------------------------------------------------------------------------------


def _category_names(catalog: Catalog, result: ci.Composite) -> list[tuple[str, str]]:
    return [(c.id, c.name) for c in catalog.categories if c.id in result.categories]


def _qualitative(catalog: Catalog) -> list[str]:
    return [ind.id for ind in catalog.indicators if not KINDS[ind.kind].numeric]


def _group_label(group: ci.Group | None) -> str:
    return f"{group_name(group)}（{group_rule(group)}）" if group else "—"


def year_sentence(catalog: Catalog, index: ci.YearIndex) -> str:
    """One plain sentence about a year's index that says no more than the numbers."""
    shown = index.shown
    others = [z for z in index.zones if not z.shown]
    if not index.published:
        text = f"{index.year} 年可计算综合指数的示范区不足 {ci.MIN_ZONES} 个，不作比较"
        return text + (f"（{len(index.zones)} 个示范区报送了年度数据）。" if index.zones else "。")
    top = [z for z in shown if z.rank == 1]
    low_score = min(z.score for z in shown if z.score is not None)
    bottom = [z for z in shown if z.score == low_score]
    text = f"{index.year} 年有 {len(shown)} 个示范区可计算综合指数"
    if len(top) == len(shown):
        text += f"，各示范区得分相同（{score_text(top[0].score)}）"
    else:
        names = "、".join(_name(catalog, z.zone) for z in top)
        text += f"，{names}{'并列' if len(top) > 1 else ''}最高（{score_text(top[0].score)}）"
        names = "、".join(_name(catalog, z.zone) for z in bottom)
        text += f"，{names}{'并列' if len(bottom) > 1 else ''}最低（{score_text(low_score)}）"
        text += f"，平均 {fmt_decimal(index.average or Decimal(0), 2)}"
    changed = [z for z in shown if z.stable is False]
    if changed:
        text += f"；{len(changed)} 个示范区的绩效组随计算方案变化，名次差距应谨慎解读"
    else:
        text += "；各示范区的绩效组在 8 种计算方案下不变"
    if others:
        text += f"；另有 {len(others)} 个示范区数据不足，未计算"
    return text + "。指数只反映与当年参与比较的示范区的相对位置。"


# --- the index page ------------------------------------------------------------------------------


def _index_view(catalog: Catalog, result: ci.Composite) -> dict[str, Any]:
    categories = _category_names(catalog, result)
    qualitative = _qualitative(catalog)
    years = []
    published = result.published
    latest = published[-1].year if published else None
    for index in reversed(list(result.years.values())):
        rows = []
        for z in index.shown:
            report = catalog.zones[z.zone].reports[index.year]
            filled = sum(
                1 for q in qualitative if (r := report.readings.get(q)) is not None and r.marker is None and r.text
            )
            rows.append({
                "rank": z.rank, "zone": link(_name(catalog, z.zone), f"../zones/{z.zone}/index.md"),
                "score": score_text(z.score), "relative": f"{fmt_decimal(z.relative, 1)}%" if z.relative is not None else "—",
                "group": group_name(z.group), "range": z.rank_range,
                "stable": {True: "稳定", False: "有变化", None: "—"}[z.stable],
                "coverage": f"{z.used}/{z.eligible}",
                "categories": [score_text(z.categories.get(c)) for c, _ in categories],
                "qualitative": f"已填写 {filled}/{len(qualitative)} 项",
            })  # fmt: skip
        not_shown = [
            {"zone": link(_name(catalog, z.zone), f"../zones/{z.zone}/index.md"), "reason": not_shown_text(z)}
            for z in index.zones
            if not z.shown
        ]
        left_out = [
            {"zone": _name(catalog, z.zone),
             "missing": "；".join(f"{_ind_name(catalog, i)}（{missing_text(why)}）" for i, why in z.left_out)}
            for z in index.zones if z.left_out
        ]  # fmt: skip
        chart = ""
        sentence = year_sentence(catalog, index)
        if index.year == latest:
            bars = [(_name(catalog, z.zone), z.score, score_text(z.score)) for z in index.shown if z.score is not None]
            figure = ranking_chart(
                chart_id("analysis", "composite", str(index.year)), f"{index.year} 年综合指数", None, bars
            )
            chart = chart_html(with_summary(figure, sentence))
        years.append({
            "year": index.year, "published": index.published, "sentence": sentence, "chart": chart, "rows": rows,
            "not_shown": not_shown, "left_out": left_out,
            "not_eligible": "；".join(f"{_ind_name(catalog, i)}（{excluded_text(r)}）" for i, r in index.not_eligible),
            "eligible": len(index.eligible),
            "outliers": "；".join(f"{_name(catalog, z)} 的{_ind_name(catalog, i)}" for z, i, _v, _r in index.outliers),
        })  # fmt: skip
    return {
        "fm": front_matter(
            "综合指数", catalog.has_sample, "各示范区按欧盟创新记分牌方法计算的综合指数、绩效组和排名区间"
        ),
        "years": years,
        "categories": [name for _, name in categories],
        "groups": [f"{group_name(g)}：{group_rule(g)}" for g in ci.GROUPS],
        "qualitative_names": "、".join(_ind_name(catalog, q) for q in qualitative),
        "coverage": ci.COVERAGE_PERCENT,
        "sample": catalog.has_sample,
    }


# --- the method page ------------------------------------------------------------------------------


def _worked_example(catalog: Catalog, result: ci.Composite) -> dict[str, Any] | None:
    published = result.published
    if not published:
        return None
    index = published[-1]
    detail = index.detail
    spread = detail.groupby("indicator")["treated"].nunique()
    # the indicator that shows the most steps: transformed if any, with the most distinct values
    chosen = min(
        index.eligible, key=lambda i: (i not in result.transformed, -int(spread[i]), result.indicators.index(i))
    )
    ind = catalog.indicator(chosen)
    assert ind is not None
    rows_frame = detail[detail["indicator"] == chosen]
    inputs = result.inputs
    rows = []
    for r in rows_frame.sort_values("zone").itertuples():
        raw = inputs[
            (inputs["zone"] == r.zone) & (inputs["year"] == index.year) & (inputs["indicator"] == chosen)
        ].iloc[0]
        basis = str(raw["basis"])
        raw_text = with_unit(fmt_decimal(raw["current"], 2), ind.unit)
        if basis == "growth":
            raw_text = f"{index.year} 年 {raw_text}，上年 {with_unit(fmt_decimal(raw['previous'], 2), ind.unit)}"
        treated = as_float(r.treated)
        rows.append({
            "zone": _name(catalog, str(r.zone)), "raw": raw_text, "input": input_text(catalog, chosen, as_float(r.value), basis),
            "treated": "同左" if treated == as_float(r.value) else input_text(catalog, chosen, treated, basis),
            "sqrt": fmt_decimal(ci.shown_decimal(treated**0.5, 4), 4) if bool(r.transformed) else "不变换",
            "norm": score_text(ci.shown_decimal(as_float(r.norm) * 100, 1)),
        })  # fmt: skip
    top = index.shown[0]
    category = result.category_of[chosen]
    members = detail[(detail["zone"] == top.zone) & (detail["category"] == category)]
    parts = [
        f"{_ind_name(catalog, str(m.indicator))} {score_text(ci.shown_decimal(as_float(m.norm) * 100, 1))}"
        for m in sorted(members.itertuples(), key=lambda m: result.indicators.index(str(m.indicator)))
    ]
    cat_names = dict(_category_names(catalog, result))
    cat_parts = [f"{cat_names[c]} {score_text(v)}" for c, v in top.categories.items() if v is not None]
    basis = "增长率" if ind.kind in ci.EXTENSIVE else "水平值"
    skew = result.skewness.get(chosen)
    return {
        "year": index.year,
        "indicator": ind.name,
        "indicator_link": link(ind.name, f"../indicators/{ind.id}.md"),
        "basis": basis,
        "skew": fmt_decimal(ci.shown_decimal(skew, 2), 2) if skew is not None else "—",
        "transformed": chosen in result.transformed,
        "rows": rows,
        "zone": _name(catalog, top.zone),
        "category": cat_names[category],
        "category_parts": "、".join(parts),
        "category_count": len(parts),
        "category_score": score_text(top.categories.get(category)),
        "overall_parts": "、".join(cat_parts),
        "overall_count": len(cat_parts),
        "score": score_text(top.score),
        "average": fmt_decimal(index.average or Decimal(0), 2),
        "relative": fmt_decimal(top.relative, 1) if top.relative is not None else "—",
        "group": _group_label(top.group),
    }


def _method_view(catalog: Catalog, result: ci.Composite) -> dict[str, Any]:
    categories: list[dict[str, Any]] = []
    for cid, name in _category_names(catalog, result):
        members = [ind for ind in catalog.indicators if ind.category == cid and ind.id in result.indicators]
        categories.append({
            "name": name,
            "levels": "、".join(i.name for i in members if i.kind in ci.INTENSIVE) or "—",
            "growth": "、".join(i.name for i in members if i.kind in ci.EXTENSIVE) or "—",
            "count": len(members),
        })  # fmt: skip
    transformed = [
        f"{_ind_name(catalog, i)}（偏度 {fmt_decimal(ci.shown_decimal(s, 2), 2)}）"
        for i in result.transformed
        if (s := result.skewness.get(i)) is not None
    ]
    largest = max(categories, key=lambda c: c["count"]) if categories else None
    zones_per_year = "、".join(f"{y.year} 年 {len(y.zones)} 个" for y in result.years.values())
    return {
        "fm": front_matter("方法说明", catalog.has_sample, "综合指数的归一化、变换、异常值、权重、缺失值和绩效组规则"),
        "categories": categories,
        "qualitative_names": "、".join(_ind_name(catalog, q) for q in _qualitative(catalog)),
        "transformed": "、".join(transformed) if transformed else "目前没有指标需要变换",
        "variants": [variant_label(o) for o in ci.VARIANTS],
        "groups": [f"{group_name(g)}：{group_rule(g)}" for g in ci.GROUPS],
        "coverage": ci.COVERAGE_PERCENT,
        "example": _worked_example(catalog, result),
        "zones_per_year": zones_per_year or "尚无",
        "largest": f"如{largest['name']}有 {largest['count']} 项" if largest else "",
        "sample": catalog.has_sample,
    }
