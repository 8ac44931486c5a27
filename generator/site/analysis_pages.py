"""Comparative analysis pages: the composite index by year (analysis/index.md) and how it is computed with a
worked example from the data (analysis/method.md). The zone page's overall-performance section is
composite_words.py's.

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
from generator.i18n import pgettext
from generator.site.charts import (
    Chart,
    ImageSite,
    ImageTexts,
    calculated_source,
    chart_html,
    chart_id,
    image_site,
    ranking_chart,
    with_image,
    with_summary,
)
from generator.site.common import Context, Section, front_matter
from generator.site.composite_words import (
    excluded_text,
    group_name,
    group_rule,
    input_text,
    items_joined,
    missing_text,
    names_joined,
    not_shown_text,
    score_text,
    variant_label,
)
from generator.site.composite_words import ind_name as _ind_name
from generator.site.composite_words import zone_name as _name
from generator.site.markup import Safe, inline, link
from generator.site.paths import ANALYSIS_INDEX, ANALYSIS_METHOD, href, hrefs, indicator_name, zone_page
from generator.site.series import fmt_decimal, with_unit
from generator.site.share import page_card

INDEX_PAGE = ANALYSIS_INDEX
METHOD_PAGE = ANALYSIS_METHOD


def make_analysis_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    result = ctx.analysis.composite
    out = Section()
    out.pages[INDEX_PAGE] = env.get_template("analysis_index.md.j2").render(
        **_index_view(catalog, result, image_site(ctx, INDEX_PAGE), ctx)
    )
    out.pages[METHOD_PAGE] = env.get_template("analysis_method.md.j2").render(**_method_view(catalog, result, ctx))
    out.nav = [{_section(): [INDEX_PAGE, METHOD_PAGE]}]
    return out


# --- wording -------------------------------------------------------------------------------------


def _category_names(catalog: Catalog, result: ci.Composite) -> list[tuple[str, str]]:
    return [(c.id, c.name) for c in catalog.categories if c.id in result.categories]


def _qualitative(catalog: Catalog) -> list[str]:
    return [ind.id for ind in catalog.indicators if not KINDS[ind.kind].numeric]


def _group_label(group: ci.Group | None) -> str:
    if group is None:
        return "—"
    return pgettext("composite index", "%(group)s (%(rule)s)", group=group_name(group), rule=group_rule(group))


def _groups() -> list[str]:
    return [
        pgettext("composite index", "%(group)s: %(rule)s", group=group_name(g), rule=group_rule(g)) for g in ci.GROUPS
    ]


def _named(catalog: Catalog, ind_id: str, reason: str, linked: bool = False) -> Safe:
    """An indicator with the reason it is left out, on the composite index's page; `linked` (an item of a list) links
    its name to its page."""
    name = _linked(catalog, ind_id, INDEX_PAGE) if linked else inline(_ind_name(catalog, ind_id))
    return Safe(pgettext("composite index", "%(indicator)s (%(reason)s)", indicator=name, reason=inline(reason)))


def _linked(catalog: Catalog, ind_id: str, here: str) -> Safe:
    """An indicator's name on the page `here`, linked to its page (paths.indicator_name)."""
    ind = catalog.indicator(ind_id)
    return indicator_name(catalog, ind, here) if ind else inline(ind_id)


def _variant_groups(score: ci.ZoneScore) -> str:
    """The performance groups a zone falls in under the variants of the calculation: "always <group>", or each
    group, from the highest (issue 14: a column that asked "group stable?")."""
    groups = [g for g in ci.GROUPS if g in score.variant_groups]
    if not groups:
        return "—"
    if len(groups) == 1:
        return pgettext(
            "composite index: the groups under the variants", "always %(group)s", group=group_name(groups[0])
        )
    return pgettext("composite index: the groups under the variants", ", ").join(group_name(g) for g in groups)


def year_sentence(catalog: Catalog, index: ci.YearIndex) -> str:
    """One plain sentence about a year's index that says no more than the numbers."""
    shown = index.shown
    others = [z for z in index.zones if not z.shown]
    # the sentence is made of clauses, each an entry that starts with its own punctuation (the #. comments in
    # composite.po say which); the numbers decide which clauses it has
    if not index.published:
        if index.zones:
            return pgettext(
                "composite index: the year's sentence",
                "In %(year)s fewer than %(min)s zones have a composite index: no comparison (%(count)s zones reported "
                "annual data).",
                year=index.year,
                min=ci.MIN_ZONES,
                count=len(index.zones),
            )
        return pgettext(
            "composite index: the year's sentence",
            "In %(year)s fewer than %(min)s zones have a composite index: no comparison.",
            year=index.year,
            min=ci.MIN_ZONES,
        )
    top = [z for z in shown if z.rank == 1]
    low_score = min(z.score for z in shown if z.score is not None)
    bottom = [z for z in shown if z.score == low_score]
    text = pgettext(
        "composite index: a clause",
        "In %(year)s %(count)s zones have a composite index",
        year=index.year,
        count=len(shown),
    )
    if len(top) == len(shown):
        text += pgettext(
            "composite index: a clause", ", every zone with the same score (%(score)s)", score=score_text(top[0].score)
        )
    else:
        names = names_joined([_name(catalog, z.zone) for z in top])
        score = score_text(top[0].score)
        if len(top) > 1:
            text += pgettext(
                "composite index: a clause", ", %(names)s jointly highest (%(score)s)", names=names, score=score
            )
        else:
            text += pgettext("composite index: a clause", ", %(names)s highest (%(score)s)", names=names, score=score)
        names = names_joined([_name(catalog, z.zone) for z in bottom])
        score = score_text(low_score)
        if len(bottom) > 1:
            text += pgettext(
                "composite index: a clause", ", %(names)s jointly lowest (%(score)s)", names=names, score=score
            )
        else:
            text += pgettext("composite index: a clause", ", %(names)s lowest (%(score)s)", names=names, score=score)
        text += pgettext(
            "composite index: a clause", ", average %(average)s", average=fmt_decimal(index.average or Decimal(0), 2)
        )
    changed = [z for z in shown if z.stable is False]
    if changed:
        text += pgettext(
            "composite index: a clause",
            "; the performance group of %(count)s zones changes with the variant of the calculation: read the "
            "differences of rank with care",
            count=len(changed),
        )
    else:
        text += pgettext(
            "composite index: a clause",
            "; every zone's performance group stays the same under the %(variants)s variants of the calculation",
            variants=len(ci.VARIANTS),
        )
    if others:
        text += pgettext(
            "composite index: a clause",
            "; another %(count)s zones have too little data and have no index",
            count=len(others),
        )
    return text + pgettext(
        "composite index: a clause", ". The index only shows the position relative to the zones compared that year."
    )


# --- the index page ------------------------------------------------------------------------------


def _section() -> str:
    """The section's name (the navigation; the line under the title on its pages' share images)."""
    return pgettext("composite index: navigation", "Comparative analysis")


def _share(ctx: Context, page: str, title: str) -> str:
    """An analysis page's share image: its title and the section's name (share.py)."""
    return page_card(ctx, page, title, _section(), ctx.catalog.has_sample)


def _index_view(catalog: Catalog, result: ci.Composite, site: ImageSite, ctx: Context) -> dict[str, Any]:
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
                "rank": z.rank, "zone": link(_name(catalog, z.zone), href(INDEX_PAGE, zone_page(z.zone))),
                "score": score_text(z.score), "relative": f"{fmt_decimal(z.relative, 1)}%" if z.relative is not None else "—",
                "group": group_name(z.group), "range": z.rank_range,
                "stable": _variant_groups(z),
                "coverage": f"{z.used}/{z.eligible}",
                "categories": [score_text(z.categories.get(c)) for c, _ in categories],
                "qualitative": pgettext("composite index", "%(filled)s/%(count)s filled in", filled=filled,
                                        count=len(qualitative)),
            })  # fmt: skip
        not_shown = [
            {
                "zone": link(_name(catalog, z.zone), href(INDEX_PAGE, zone_page(z.zone))),
                "reason": not_shown_text(z, index),
            }
            for z in index.zones
            if not z.shown
        ]
        left_out = [
            {"zone": _name(catalog, z.zone),
             "missing": Safe(items_joined([_named(catalog, i, missing_text(why), linked=True) for i, why in z.left_out]))}
            for z in index.zones if z.left_out
        ]  # fmt: skip
        chart = ""
        sentence = year_sentence(catalog, index)
        if index.year == latest:
            bars = [(_name(catalog, z.zone), z.score, score_text(z.score)) for z in index.shown if z.score is not None]
            figure = ranking_chart(
                chart_id("analysis", "composite", str(index.year)),
                pgettext("composite index", "Composite index %(year)s", year=index.year),
                None,
                bars,
            )
            chart = chart_html(_with_image(catalog, with_summary(figure, sentence), index, site))
        years.append({
            "year": index.year, "published": index.published, "sentence": sentence, "chart": chart, "rows": rows,
            "not_shown": not_shown, "left_out": left_out,
            "not_eligible": Safe(items_joined([_named(catalog, i, excluded_text(why)) for i, why in index.not_eligible])),
            "eligible": len(index.eligible),
            "outliers": items_joined([
                pgettext("composite index", "%(indicator)s of %(zone)s", zone=_name(catalog, z),
                         indicator=_ind_name(catalog, i))
                for z, i, _v, _r in index.outliers
            ]),
        })  # fmt: skip
    return {
        "fm": front_matter(
            title := pgettext("composite index: page title", "Composite index"),
            catalog.has_sample,
            pgettext(
                "composite index",
                "The zones' composite index calculated by the method of the European Innovation Scoreboard, their "
                "performance groups and rank ranges",
            ),
            share_image=_share(ctx, INDEX_PAGE, title),
        ),
        "years": years,
        "categories": [name for _, name in categories],
        "groups": _groups(),
        "qualitative_names": names_joined([_ind_name(catalog, q) for q in qualitative]),
        "coverage": ci.COVERAGE_PERCENT,
        "sample": catalog.has_sample,
        "links": hrefs(INDEX_PAGE, method=METHOD_PAGE),
    }


def _with_image(catalog: Catalog, chart: Chart, index: ci.YearIndex, site: ImageSite) -> Chart:
    """The downloaded image of the year's index chart: its title and year, the score's scale, the site's own
    calculation as the source, the site and the page, the sample marking for sample zones (issue 14)."""
    unit = pgettext("chart image: the composite index's unit", "points (0–100)")
    sample = any(catalog.zones[z.zone].is_sample for z in index.shown)
    source = calculated_source(catalog.site.sponsor)
    return with_image(chart, ImageTexts(chart.title, (index.year,), unit, source, site, sample))


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
            raw_text = pgettext(
                "composite index: the worked example",
                "%(year)s: %(value)s, the year before %(previous)s",
                year=index.year,
                value=raw_text,
                previous=with_unit(fmt_decimal(raw["previous"], 2), ind.unit),
            )
        treated = as_float(r.treated)
        rows.append({
            "zone": _name(catalog, str(r.zone)), "raw": raw_text, "input": input_text(catalog, chosen, as_float(r.value), basis),
            "treated": pgettext("composite index: the worked example", "same as on the left")
            if treated == as_float(r.value) else input_text(catalog, chosen, treated, basis),
            "sqrt": fmt_decimal(ci.shown_decimal(treated**0.5, 4), 4) if bool(r.transformed)
            else pgettext("composite index: the worked example", "not transformed"),
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
    if ind.kind in ci.EXTENSIVE:
        basis = pgettext("composite index: the worked example", "growth rate")
    else:
        basis = pgettext("composite index: the worked example", "level")
    skew = result.skewness.get(chosen)
    return {
        "year": index.year,
        "indicator": ind.name,
        "indicator_link": indicator_name(catalog, ind, METHOD_PAGE),
        "basis": basis,
        "skew": fmt_decimal(ci.shown_decimal(skew, 2), 2) if skew is not None else "—",
        "transformed": chosen in result.transformed,
        "rows": rows,
        "zone": _name(catalog, top.zone),
        "category": cat_names[category],
        "category_parts": names_joined(parts),
        "category_count": len(parts),
        "category_score": score_text(top.categories.get(category)),
        "overall_parts": names_joined(cat_parts),
        "overall_count": len(cat_parts),
        "score": score_text(top.score),
        "average": fmt_decimal(index.average or Decimal(0), 2),
        "relative": fmt_decimal(top.relative, 1) if top.relative is not None else "—",
        "group": _group_label(top.group),
    }


def _method_view(catalog: Catalog, result: ci.Composite, ctx: Context) -> dict[str, Any]:
    categories: list[dict[str, Any]] = []
    for cid, name in _category_names(catalog, result):
        members = [ind for ind in catalog.indicators if ind.category == cid and ind.id in result.indicators]
        categories.append({
            "name": name,
            "levels": Safe(names_joined([indicator_name(catalog, i, METHOD_PAGE) for i in members if i.kind in ci.INTENSIVE]) or "—"),
            "growth": Safe(names_joined([indicator_name(catalog, i, METHOD_PAGE) for i in members if i.kind in ci.EXTENSIVE]) or "—"),
            "count": len(members),
        })  # fmt: skip
    transformed = [
        pgettext(
            "composite index",
            "%(indicator)s (skewness %(skew)s)",
            indicator=_ind_name(catalog, i),
            skew=fmt_decimal(ci.shown_decimal(s, 2), 2),
        )
        for i in result.transformed
        if (s := result.skewness.get(i)) is not None
    ]
    largest = max(categories, key=lambda c: c["count"]) if categories else None
    zones_per_year = names_joined(
        [
            pgettext("composite index", "%(count)s in %(year)s", year=y.year, count=len(y.zones))
            for y in result.years.values()
        ]
    )
    return {
        "fm": front_matter(
            title := pgettext("composite index: page title", "Method notes"),
            catalog.has_sample,
            pgettext(
                "composite index",
                "The composite index's rules of normalisation, transformation, outliers, weights, missing values and "
                "performance groups",
            ),
            share_image=_share(ctx, METHOD_PAGE, title),
        ),
        "categories": categories,
        "qualitative_names": names_joined([_ind_name(catalog, q) for q in _qualitative(catalog)]),
        "transformed": names_joined(transformed)
        if transformed
        else pgettext("composite index", "no indicator needs to be transformed at present"),
        "variants": [variant_label(o) for o in ci.VARIANTS],
        "groups": _groups(),
        "coverage": ci.COVERAGE_PERCENT,
        "example": _worked_example(catalog, result),
        "zones_per_year": zones_per_year or pgettext("composite index", "none yet"),
        "largest": pgettext(
            "composite index", "such as %(category)s with %(count)s", category=largest["name"], count=largest["count"]
        )
        if largest
        else "",
        "sample": catalog.has_sample,
        "links": hrefs(METHOD_PAGE, index=INDEX_PAGE),
    }
