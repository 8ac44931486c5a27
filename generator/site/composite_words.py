"""The composite index in words, shared by the analysis pages (analysis_pages.py) and the zone page's
overall-performance section (`composite_block`, which zone_pages.py places). A helper module: the facts come
from the analysis stage's `Composite`, handed in; its groups and reasons are values (generator/analysis/
composite.py), worded here from the catalogue (generator/locale/*/LC_MESSAGES/composite.po)."""

from __future__ import annotations

from decimal import Decimal

from generator.analysis import composite as ci
from generator.data.catalog import STATUS_LABELS, Catalog, ZoneRecord
from generator.i18n import NP_, pgettext
from generator.site.common import zone_short
from generator.site.markup import Safe, inline, link
from generator.site.paths import ANALYSIS_INDEX, ANALYSIS_METHOD, href, indicator_page, zone_page
from generator.site.series import fmt_decimal, with_unit

GROUP_NAMES: dict[ci.Group, tuple[str, str]] = {
    ci.Group.LEADING: NP_("performance group", "Leading"),
    ci.Group.STRONG: NP_("performance group", "Strong"),
    ci.Group.MODERATE: NP_("performance group", "Moderate"),
    ci.Group.CATCHING_UP: NP_("performance group", "Catching up"),
}
# why a zone-year has no input value for an indicator (a marker is the data's own word, shown as it is)
GAPS: dict[ci.Gap, tuple[str, str]] = {
    ci.Gap.NOT_REPORTED: NP_("composite index: why no value", "not reported"),
    ci.Gap.NO_PREVIOUS_REPORT: NP_(
        "composite index: why no value", "no data for the year before, so no growth rate can be calculated"
    ),
    ci.Gap.PREVIOUS_MARKER: NP_(
        "composite index: why no value", "%(marker)s the year before, so no growth rate can be calculated"
    ),
    ci.Gap.PREVIOUS_NOT_REPORTED: NP_(
        "composite index: why no value", "not reported the year before, so no growth rate can be calculated"
    ),
    ci.Gap.PREVIOUS_ZERO: NP_(
        "composite index: why no value", "zero the year before, so no growth rate can be calculated"
    ),
    # a negative value the year before is worded as zero (the words of today; issue 14 may say it as it is)
    ci.Gap.PREVIOUS_NEGATIVE: NP_(
        "composite index: why no value", "zero the year before, so no growth rate can be calculated"
    ),
}
# why an indicator is left out of a year (today's words do not yet tell growth rates from values: issue 14)
EXCLUSIONS: dict[ci.Exclusion, tuple[str, str]] = {
    ci.Exclusion.TOO_FEW_VALUES: NP_("composite index: why left out", "fewer than %(min)s zones have a value"),
    ci.Exclusion.TOO_FEW_GROWTH_RATES: NP_(
        "composite index: why left out",
        "fewer than %(min)s zones have a growth rate (%(reported)s zones reported a value)",
    ),
    ci.Exclusion.VALUES_EQUAL: NP_(
        "composite index: why left out", "every zone has the same value, so it cannot be normalised"
    ),
    ci.Exclusion.GROWTH_RATES_EQUAL: NP_(
        "composite index: why left out",
        "the %(values)s zones with a growth rate have the same growth rate, so it cannot be normalised",
    ),
    ci.Exclusion.EQUAL_AFTER_OUTLIERS: NP_(
        "composite index: why left out",
        "every zone's input is the same once outliers are replaced, so it cannot be normalised",
    ),
}
NOT_SHOWN: dict[ci.NotShown, tuple[str, str]] = {
    ci.NotShown.NO_ELIGIBLE_INDICATOR: NP_(
        "composite index: why no score",
        "no indicator can be normalised (each indicator needs a value or a growth rate from at least %(min)s "
        "zones, and not all the same)",
    ),
    ci.NotShown.LOW_COVERAGE: NP_(
        "composite index: why no score",
        "the indicators with a value are only %(used)s/%(eligible)s of those available that year, less than "
        "%(coverage)s%%",
    ),
    ci.NotShown.TOO_FEW_SHOWN: NP_(
        "composite index: why no score",
        "fewer than %(min)s zones have a composite index that year (only %(scored)s), so there is nothing to compare",
    ),
}
METHODS: dict[str, tuple[str, str]] = {
    "minmax": NP_("composite index: variant", "min-max normalisation"),
    "zscore": NP_("composite index: variant", "standardisation by the standard deviation"),
}
WEIGHTINGS: dict[str, tuple[str, str]] = {
    "category": NP_("composite index: variant", "categories weighted equally"),
    "indicator": NP_("composite index: variant", "indicators weighted equally"),
}


def names_joined(names: list[str]) -> str:
    """Names in running text (indicators, zones, categories)."""
    return pgettext("composite index: between names", ", ").join(names)


def items_joined(items: list[str]) -> str:
    """Items that are phrases of their own (an indicator with its reason)."""
    return pgettext("composite index: between items", "; ").join(items)


def group_name(group: ci.Group | None) -> str:
    return pgettext(*GROUP_NAMES[group]) if group is not None else "—"


def group_rule(group: ci.Group | None) -> str:
    """A group's threshold, as a ratio to the year's average."""
    if group is ci.Group.LEADING:
        return pgettext("performance group", "above %(high)s%% of the average", high=ci.LEADING_ABOVE)
    if group is ci.Group.STRONG:
        return pgettext(
            "performance group", "%(low)s%%–%(high)s%% of the average", low=ci.STRONG_FROM, high=ci.LEADING_ABOVE
        )
    if group is ci.Group.MODERATE:
        return pgettext(
            "performance group", "%(low)s%%–%(high)s%% of the average", low=ci.MODERATE_FROM, high=ci.STRONG_FROM
        )
    if group is ci.Group.CATCHING_UP:
        return pgettext("performance group", "below %(low)s%% of the average", low=ci.MODERATE_FROM)
    return ""


def missing_text(missing: ci.Missing) -> str:
    """Why a zone-year has no input value for an indicator."""
    if missing.gap is ci.Gap.MARKER:
        return missing.marker or ""
    return pgettext(*GAPS[missing.gap], marker=missing.marker or "")


def excluded_text(excluded: ci.Excluded) -> str:
    """Why an indicator is left out of a year."""
    return pgettext(*EXCLUSIONS[excluded.why], min=ci.MIN_ZONES, values=excluded.values, reported=excluded.reported)


def not_shown_text(score: ci.ZoneScore, index: ci.YearIndex) -> str:
    """Why a zone-year has no score shown ("" when it has one); `index`, the year's, counts the zones that
    had a score to show (for "fewer than 2 zones": how many)."""
    if score.reason is None:
        return ""
    scored = sum(1 for z in index.zones if z.reason is ci.NotShown.TOO_FEW_SHOWN)
    return pgettext(
        *NOT_SHOWN[score.reason],
        scored=scored,
        min=ci.MIN_ZONES,
        used=score.used,
        eligible=score.eligible,
        coverage=ci.COVERAGE_PERCENT,
    )


def variant_label(options: ci.Options) -> str:
    """A variant of the calculation, as the method page lists them."""
    if options.transform:
        transform = pgettext("composite index: variant", "square-root transformation")
    else:
        transform = pgettext("composite index: variant", "no transformation")
    return pgettext(
        "composite index: variant",
        "%(method)s, %(weighting)s, %(transform)s",
        method=pgettext(*METHODS[options.method]),
        weighting=pgettext(*WEIGHTINGS[options.weighting]),
        transform=transform,
    )


def score_text(value: Decimal | None) -> str:
    """A score as shown everywhere: one decimal, always (63.0, not 63)."""
    return "—" if value is None else f"{value.quantize(Decimal('0.1')):.1f}"


def zone_name(catalog: Catalog, zone_id: str) -> str:
    return zone_short(catalog.zones[zone_id])


def ind_name(catalog: Catalog, ind_id: str) -> str:
    ind = catalog.indicator(ind_id)
    return ind.name if ind else ind_id


def input_text(catalog: Catalog, ind_id: str, value: float, basis: str) -> str:
    """The value the index uses, as a reader reads it: a level with its unit, or a growth rate."""
    if basis == "growth":
        # the same word as the tables' for no change; a change too small to show is never "0%" (issue 14)
        if value == 0:
            return pgettext("composite index: input", "unchanged on the year before")
        rate = ci.shown_decimal(value * 100, 1)
        if rate == 0:
            if value > 0:
                return pgettext("composite index: input", "up less than 0.1%%")
            return pgettext("composite index: input", "down less than 0.1%%")
        if rate > 0:
            return pgettext("composite index: input", "up %(rate)s%%", rate=fmt_decimal(abs(rate), 1))
        return pgettext("composite index: input", "down %(rate)s%%", rate=fmt_decimal(abs(rate), 1))
    ind = catalog.indicator(ind_id)
    return with_unit(fmt_decimal(ci.shown_decimal(value, 2)), ind.unit if ind else "")


# --- the zone page's section ----------------------------------------------------------------------


def _standing_lines(catalog: Catalog, result: ci.Composite, zone_id: str, items: tuple[ci.Standing, ...]) -> str:
    lines = []
    basis = {str(r.indicator): str(r.basis) for r in result.inputs[result.inputs["zone"] == zone_id].itertuples()}
    for s in items:
        name = link(ind_name(catalog, s.indicator), href(zone_page(zone_id), indicator_page(s.indicator)))
        value = inline(input_text(catalog, s.indicator, s.value, basis.get(s.indicator, "level")))
        # among the zones with a growth rate (for a number or an amount) or a value (a ratio), tied where another
        # zone has the same (issue 14)
        growth = basis.get(s.indicator, "level") == "growth"
        entry = {
            (False, False): NP_(
                "composite index",
                "%(indicator)s: %(value)s, rank %(rank)s of the %(among)s zones with a value (percentile %(percentile)s)",
            ),
            (False, True): NP_(
                "composite index",
                "%(indicator)s: %(value)s, tied at rank %(rank)s of the %(among)s zones with a value (percentile %(percentile)s)",
            ),
            (True, False): NP_(
                "composite index",
                "%(indicator)s: %(value)s, rank %(rank)s of the %(among)s zones with a growth rate (percentile %(percentile)s)",
            ),
            (True, True): NP_(
                "composite index",
                "%(indicator)s: %(value)s, tied at rank %(rank)s of the %(among)s zones with a growth rate (percentile %(percentile)s)",
            ),
        }[(growth, s.tied)]
        words = pgettext(
            *entry,
            indicator=name,
            value=value,
            among=s.among,
            rank=s.rank,
            percentile=fmt_decimal(s.percentile, 1),
        )
        lines.append(f"- {words}")
    return "\n".join(lines)


def composite_block(catalog: Catalog, result: ci.Composite, zone: ZoneRecord) -> Safe:
    """The zone page's overall-performance section: the latest year with an index (`result`, the analysis
    stage's), or why there is none."""
    method = link(pgettext("composite index: a link", "method notes"), href(zone_page(zone.id), ANALYSIS_METHOD))
    overview = link(
        pgettext("composite index: a link", "comparative analysis"), href(zone_page(zone.id), ANALYSIS_INDEX)
    )
    heading = pgettext("composite index", "Overall performance")
    out = [f"## {heading}", ""]
    score = result.latest_for(zone.id)
    years = sorted(y for y, r in zone.reports.items() if not r.report.baseline)
    if score is None:
        if zone.approved is None or zone.approved > catalog.as_of:
            # a zone not approved has no construction years, so no data to compare (issue 14: it was said to
            # have "no annual data since the approval")
            out.append(
                pgettext(
                    "composite index",
                    "This zone is not approved yet (%(status)s): it has no annual data, so no composite index. The "
                    "method is in the %(method)s.",
                    status=inline(STATUS_LABELS[zone.status][0]),
                    method=method,
                )
            )
            return Safe("\n".join(out) + "\n")
        if not years:
            why = pgettext("composite index: why no score", "no annual data since the approval yet")
        else:
            entry = result.years[years[-1]].zone(zone.id)
            if entry is not None and entry.reason:
                why = pgettext(
                    "composite index: why no score",
                    "%(year)s: %(reason)s",
                    year=years[-1],
                    reason=not_shown_text(entry, result.years[years[-1]]),
                )
            else:
                why = pgettext("composite index: why no score", "no year to compare")
        out.append(
            pgettext(
                "composite index",
                "This zone has no composite index to show yet: %(why)s. The method is in the %(method)s.",
                why=inline(why),
                method=method,
            )
        )
        return Safe("\n".join(out) + "\n")
    index = result.years[score.year]
    words = {
        "year": score.year,
        "score": score_text(score.score),
        "count": len(index.shown),
        "rank": score.rank,
        "relative": fmt_decimal(score.relative, 1) if score.relative is not None else "—",
        "group": inline(group_name(score.group)),
        "rule": inline(group_rule(score.group)),
        "variants": len(ci.VARIANTS),
        "range": score.rank_range,
    }
    if score.stable:
        text = pgettext(
            "composite index",
            "Composite index %(year)s: **%(score)s** (0–100), rank %(rank)s of the %(count)s zones with a composite "
            "index, %(relative)s%% of the average, in the “%(group)s” group (%(rule)s). Under the %(variants)s "
            "variants of the calculation its rank ranges over %(range)s, and its performance group stays the same.",
            **words,
        )
    else:
        quoted = [
            pgettext("composite index", "“%(group)s”", group=group_name(g))
            for g in ci.GROUPS
            if g in score.variant_groups
        ]
        groups = pgettext("composite index: between names", ", ").join(quoted)
        text = pgettext(
            "composite index",
            "Composite index %(year)s: **%(score)s** (0–100), rank %(rank)s of the %(count)s zones with a composite "
            "index, %(relative)s%% of the average, in the “%(group)s” group (%(rule)s). Under the %(variants)s "
            "variants of the calculation its rank ranges over %(range)s, and its performance group differs by "
            "variant: %(groups)s; read it with care.",
            **words,
            groups=inline(groups),
        )
    out.append(text)
    # a rank shared with another zone says so, naming it (issue 14: "rank 2" read as if alone)
    same = [zone_name(catalog, z.zone) for z in index.shown if z.zone != zone.id and z.score == score.score]
    if same:
        out[-1] += pgettext(
            "composite index", " Its score equals %(names)s's: the rank is shared.", names=inline(names_joined(same))
        )
    later = [y for y in years if y > score.year]
    if later:
        entry = result.years[later[-1]].zone(zone.id)
        if entry is not None and entry.reason:
            out += [
                "",
                pgettext(
                    "composite index",
                    "No composite index for %(year)s: %(reason)s.",
                    year=later[-1],
                    reason=inline(not_shown_text(entry, result.years[later[-1]])),
                ),
            ]
    if score.strengths:
        out += [
            "",
            pgettext(
                "composite index",
                "**Relative strengths** (the indicators on which the zone ranked highest among the zones that year):",
            ),
            "",
            _standing_lines(catalog, result, zone.id, score.strengths),
        ]
    if score.weaknesses:
        out += [
            "",
            pgettext(
                "composite index",
                "**Relative weaknesses** (the indicators on which the zone ranked lowest among the zones that year):",
            ),
            "",
            _standing_lines(catalog, result, zone.id, score.weaknesses),
        ]
    out += [
        "",
        pgettext(
            "composite index",
            "The composite index is calculated by the method of the European Innovation Scoreboard (EIS) and only "
            "shows the position relative to the zones compared that year; numbers and amounts count by their "
            "growth on the year before. The zones are compared in %(overview)s, the method is in the %(method)s.",
            overview=overview,
            method=method,
        ),
    ]
    return Safe("\n".join(out) + "\n")
