"""A composite index per zone and year, built the way the European Innovation Scoreboard builds its Summary
Innovation Index, with a robustness check over eight variants and strengths and weaknesses per zone.

The steps, for the quantitative indicators of the official system (never a zone's own indicators, never
the qualitative category, the policy environment):

1. Input value. Intensive indicators (kind percent, per_10k) are levels: they do not grow with a zone's
   size. Extensive ones (count, amount) grow with size, so comparing levels would rank big zones first;
   they enter as the growth rate on the previous year ((x_t − x_{t−1}) / x_{t−1}), which needs both years
   (the baseline report gives the year before the first). A marker (not available / not applicable), a value not reported,
   or a previous year without a number (or equal to zero) leaves the value missing — never zero.
2. Outliers, per indicator and year (EIS): a value above mean + 2 s.d. (sample s.d., of the zones with a
   number that year) is replaced by the highest of the other values, one below mean − 2 s.d. by the lowest.
   With n values no value can lie more than (n − 1)/√n s.d. from the mean, so the rule can act only from
   6 zones on.
3. Eligibility, per indicator and year: at least 2 zones with a number and not all equal after step 2;
   otherwise the indicator cannot be normalised that year and is left out of every zone's score.
4. Transform (EIS): an indicator whose values are skewed — adjusted sample skewness (as Excel's SKEW) above
   1 over all its treated values of all years, at least 3 values, none negative — enters as its square
   root. Pooled over the years so that the same indicator is treated the same way every year.
5. Normalisation across the zones of the year: min-max, (t − min) / (max − min), 0–1. The z-score variant
   divides by the sample s.d. instead of the range, (t − min) / s.d., so that both have their zero at the
   lowest zone (a true zero, which the performance groups' ratios to the average need).
6. Scores: the mean of the zone's normalised values in each category (first-level indicator), then the mean of its
   category scores (equal weight per category; the variant weights each indicator equally instead).
   Missing values are left out of the means. A zone-year whose score rests on fewer than 70 % of the
   indicators eligible that year is not shown. A year is published when at least 2 zones have a shown
   score. Scores are shown ×100, rounded to one decimal.
7. Ranks on the shown (rounded) scores, competition ranking (1, 1, 3). Performance groups by the ratio of
   the shown score to the average of the year's shown scores (EIS thresholds).
8. Robustness: ranks and groups under {min-max, z-score} × {per category, per indicator} × {with, without
   the transform}; the range of ranks and whether the group changes.
9. Strengths and weaknesses: the zone's percentile rank among the zones with a number, per eligible
   indicator, on the input value (higher is better for every indicator of the system).

Pure computation: no Markdown, no HTML, no words. Groups and reasons are values (the enums below, with their
parameters); the site words them from the catalogue (generator/site/composite_words.py). Same input, same
output (everything sorted, no clock).
"""

from __future__ import annotations

import bisect
import enum
import hashlib
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from generator.analysis.memo import Memo
from generator.data.catalog import Catalog
from generator.data.kinds import KINDS

INTENSIVE = tuple(code for code, kind in KINDS.items() if kind.index == "level")  # used as levels
EXTENSIVE = tuple(code for code, kind in KINDS.items() if kind.index == "growth")  # as growth rates on the year before
SKEW_LIMIT = 1.0
SKEW_MIN_VALUES = 3
OUTLIER_SD = 2
COVERAGE_PERCENT = 70  # a score needs at least this share of the year's eligible indicators
MIN_ZONES = 2  # an indicator needs numbers from this many zones; a year this many shown scores
TOP = 3  # strengths and weaknesses shown per zone-year

LEADING_ABOVE = 125  # performance groups (EIS): above this % of the average, leading
STRONG_FROM = 100  # from this % up to LEADING_ABOVE, strong
MODERATE_FROM = 70  # from this % up to (not including) STRONG_FROM, moderate; below, catching up


class Group(enum.Enum):
    """A performance group (EIS), by the ratio of a zone's shown score to the year's average (`group_of`)."""

    LEADING = "leading"  # above LEADING_ABOVE %
    STRONG = "strong"  # STRONG_FROM % to LEADING_ABOVE %
    MODERATE = "moderate"  # MODERATE_FROM % to below STRONG_FROM %
    CATCHING_UP = "catching-up"  # below MODERATE_FROM %


GROUPS: tuple[Group, ...] = tuple(Group)  # from the highest


class Gap(enum.Enum):
    """Why a zone-year has no input value for an indicator (`Missing`)."""

    MARKER = "marker"  # the report has a marker for it (its `marker`: the data's own word)
    NOT_REPORTED = "not-reported"  # no value and no marker
    NO_PREVIOUS_REPORT = "no-previous-report"  # a growth rate: there is no report for the year before
    PREVIOUS_MARKER = "previous-marker"  # a growth rate: the year before has a marker (its `marker`)
    PREVIOUS_NOT_REPORTED = "previous-not-reported"  # a growth rate: the year before has no value and no marker
    PREVIOUS_ZERO = "previous-zero"  # a growth rate: the year before is 0
    PREVIOUS_NEGATIVE = "previous-negative"  # a growth rate: the year before is below 0


@dataclass(frozen=True)
class Missing:
    """Why an input value is missing: the gap, and the marker where the gap is one."""

    gap: Gap
    marker: str | None = None


class Exclusion(enum.Enum):
    """Why an indicator cannot be normalised in a year, so is left out of every zone's score (`Excluded`)."""

    TOO_FEW_VALUES = "too-few-values"  # fewer than MIN_ZONES zones have a number
    TOO_FEW_GROWTH_RATES = (
        "too-few-growth-rates"  # MIN_ZONES zones or more have a number this year, fewer a growth rate
    )
    VALUES_EQUAL = "values-equal"  # levels: every zone's value is the same
    GROWTH_RATES_EQUAL = "growth-rates-equal"  # growth rates: every zone's rate is the same (the values may differ)
    EQUAL_AFTER_OUTLIERS = "equal-after-outliers"  # the inputs differ, but are all equal once outliers are replaced


@dataclass(frozen=True)
class Excluded:
    """An indicator left out of a year: why, the zones with an input value (`values`) and those with a number
    for the year (`reported`; for a level the same, for a growth rate maybe more)."""

    why: Exclusion
    values: int
    reported: int


class NotShown(enum.Enum):
    """Why a zone-year has no score shown (`ZoneScore.reason`; its `used` and `eligible` are the numbers)."""

    NO_ELIGIBLE_INDICATOR = "no-eligible-indicator"  # no indicator can be normalised that year
    LOW_COVERAGE = "low-coverage"  # numbers for fewer than COVERAGE_PERCENT % of the eligible indicators
    TOO_FEW_SHOWN = "too-few-shown"  # fewer than MIN_ZONES zones have a score that year: not published


INPUT_COLUMNS = ["zone", "year", "indicator", "category", "basis", "value", "current", "previous", "reason"]


@dataclass(frozen=True)
class Options:
    method: str = "minmax"  # "minmax" or "zscore"
    weighting: str = "category"  # "category" (equal weight per category) or "indicator"
    transform: bool = True  # square root for skewed indicators


DEFAULT = Options()
VARIANTS: tuple[Options, ...] = tuple(
    Options(m, w, t) for m in ("minmax", "zscore") for w in ("category", "indicator") for t in (True, False)
)


@dataclass(frozen=True)
class Standing:
    """A zone's place on one indicator in one year."""

    indicator: str
    value: float  # the input value (a level, or a growth rate as a fraction)
    rank: int  # 1 = highest; ties share a rank
    among: int  # zones with a number
    percentile: Decimal  # (among − rank) / (among − 1) × 100, one decimal
    tied: bool = False  # another zone has the same value (and so the same rank)


@dataclass(frozen=True)
class ZoneScore:
    zone: str
    year: int
    used: int  # eligible indicators the zone has a number for
    eligible: int  # indicators eligible that year
    shown: bool
    reason: NotShown | None  # why not shown (None when shown)
    score: Decimal | None  # ×100, one decimal; None when not shown
    categories: dict[str, Decimal | None]  # category id -> score ×100 (None: no indicator in it)
    left_out: tuple[tuple[str, Missing], ...]  # eligible indicators without a number: (indicator id, why)
    rank: int | None = None
    relative: Decimal | None = None  # % of the year's average shown score, one decimal
    group: Group | None = None
    rank_low: int | None = None  # best rank over the variants
    rank_high: int | None = None  # worst rank over the variants
    variant_groups: tuple[Group | None, ...] = ()  # group under each of VARIANTS
    strengths: tuple[Standing, ...] = ()
    weaknesses: tuple[Standing, ...] = ()

    @property
    def rank_range(self) -> str:
        if self.rank_low is None or self.rank_high is None:
            return ""
        return str(self.rank_low) if self.rank_low == self.rank_high else f"{self.rank_low}—{self.rank_high}"

    @property
    def stable(self) -> bool | None:
        """Whether the performance group is the same under every variant."""
        if not self.variant_groups:
            return None
        return len(set(self.variant_groups)) == 1


@dataclass(frozen=True)
class YearIndex:
    year: int
    published: bool  # at least MIN_ZONES zones have a shown score
    zones: tuple[ZoneScore, ...]  # shown ones by rank (then zone id), then the others by zone id
    eligible: tuple[str, ...]  # indicator ids, in the system's order
    not_eligible: tuple[tuple[str, Excluded], ...]  # (indicator id, why)
    outliers: tuple[tuple[str, str, float, float], ...]  # (zone, indicator, value, replaced by)
    average: Decimal | None  # mean of the shown scores (×100), two decimals
    detail: pd.DataFrame = field(repr=False)  # the default variant, row per zone × eligible indicator

    @property
    def shown(self) -> list[ZoneScore]:
        return [z for z in self.zones if z.shown]

    def zone(self, zone_id: str) -> ZoneScore | None:
        return next((z for z in self.zones if z.zone == zone_id), None)


@dataclass(frozen=True)
class Composite:
    years: dict[int, YearIndex]  # every year with a non-baseline report, ascending
    inputs: pd.DataFrame  # INPUT_COLUMNS
    skewness: dict[str, float | None]  # per indicator, over all years (None: too few values)
    transformed: tuple[str, ...]  # indicators that enter as square roots
    indicators: tuple[str, ...]  # the order of the system
    categories: tuple[str, ...]  # categories in the index, in the system's order
    category_of: dict[str, str]

    @property
    def published(self) -> list[YearIndex]:
        return [y for y in self.years.values() if y.published]

    def latest_for(self, zone_id: str) -> ZoneScore | None:
        """The zone's latest published year with a shown score."""
        for year in sorted(self.years, reverse=True):
            index = self.years[year]
            score = index.zone(zone_id)
            if index.published and score is not None and score.shown:
                return score
        return None


def as_float(value: Any) -> float:
    """A pandas scalar as a float (for the type checker: pandas scalars are typed loosely)."""
    return float(value)


# --- numbers -----------------------------------------------------------------------------------


def shown_decimal(value: float, places: int = 1) -> Decimal:
    """A float as the reader sees it: first rounded to 9 places (float noise), then half-up."""
    return Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def competition_ranks(values: list[Decimal]) -> list[int]:
    """Rank 1 for the highest; equal values share the rank and the next rank skips (1, 1, 3): one plus
    the number of values above (counted by bisection in the sorted values, so 500 zones stay cheap)."""
    ascending = sorted(values)
    n = len(ascending)
    return [1 + n - bisect.bisect_right(ascending, v) for v in values]


def group_of(relative: Decimal) -> Group:
    """EIS thresholds on the ratio to the average (in %): > 125 leading, 100–125 strong, 70–<100 moderate,
    < 70 catching up."""
    if relative > LEADING_ABOVE:
        return Group.LEADING
    if relative >= STRONG_FROM:
        return Group.STRONG
    if relative >= MODERATE_FROM:
        return Group.MODERATE
    return Group.CATCHING_UP


def _group_or_none(relative: Decimal | None) -> Group | None:
    return None if relative is None else group_of(relative)


def relatives(scores: list[Decimal]) -> tuple[Decimal | None, list[Decimal | None]]:
    """The average of the shown scores (two decimals) and each score's share of it (%, one decimal)."""
    if not scores:
        return None, []
    mean = sum(scores, Decimal(0)) / len(scores)
    if mean <= 0:
        return mean.quantize(Decimal("0.01"), ROUND_HALF_UP), [None for _ in scores]
    return mean.quantize(Decimal("0.01"), ROUND_HALF_UP), [
        (s / mean * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) for s in scores
    ]


# --- inputs --------------------------------------------------------------------------------------


def build_inputs(catalog: Catalog) -> pd.DataFrame:
    """One row per zone, non-baseline report year and quantitative indicator of the official system."""
    rows = []
    indicators = [ind for ind in catalog.indicators if ind.kind in (*INTENSIVE, *EXTENSIVE)]
    for zone_id, zone in sorted(catalog.zones.items()):
        for year, report in sorted(zone.reports.items()):
            if report.report.baseline:
                continue
            before = zone.reports.get(year - 1)
            for ind in indicators:
                reading = report.readings.get(ind.id)
                current = reading.number if reading is not None else None
                previous = None
                value = math.nan
                reason: Missing | None = None
                if current is None:
                    marker = reading.marker if reading is not None else None
                    reason = Missing(Gap.MARKER, marker) if marker else Missing(Gap.NOT_REPORTED)
                if ind.kind in INTENSIVE:
                    if current is not None:
                        value = float(current)
                else:
                    prev_reading = before.readings.get(ind.id) if before is not None else None
                    previous = prev_reading.number if prev_reading is not None else None
                    if current is None:
                        pass
                    elif before is None:
                        reason = Missing(Gap.NO_PREVIOUS_REPORT)
                    elif previous is None:
                        marker = prev_reading.marker if prev_reading is not None else None
                        reason = Missing(Gap.PREVIOUS_MARKER, marker) if marker else Missing(Gap.PREVIOUS_NOT_REPORTED)
                    elif previous == 0:
                        reason = Missing(Gap.PREVIOUS_ZERO)
                    elif previous < 0:
                        reason = Missing(Gap.PREVIOUS_NEGATIVE)
                    else:
                        value = float((current - previous) / previous)
                rows.append({
                    "zone": zone_id, "year": year, "indicator": ind.id, "category": ind.category,
                    "basis": "level" if ind.kind in INTENSIVE else "growth", "value": value,
                    "current": current, "previous": previous, "reason": reason,
                })  # fmt: skip
    return pd.DataFrame(rows, columns=INPUT_COLUMNS)


# --- the computation ------------------------------------------------------------------------------


def _treat_outliers(values: pd.Series) -> pd.Series:
    """EIS outliers: beyond mean ± 2 sample s.d. → the highest / lowest of the values that are not."""
    if len(values) < 3:
        return values
    mean, sd = values.mean(), values.std(ddof=1)
    if not sd > 0:
        return values
    high = values > mean + OUTLIER_SD * sd
    low = values < mean - OUTLIER_SD * sd
    rest = values[~(high | low)]
    out = values.copy()
    out[high] = rest.max()
    out[low] = rest.min()
    return out


def _skewness(values: pd.Series) -> float | None:
    if len(values) < SKEW_MIN_VALUES:
        return None
    skew = as_float(values.skew())
    return 0.0 if math.isnan(skew) else skew


def _normalised(detail: pd.DataFrame, options: Options, transformed: tuple[str, ...]) -> pd.Series:
    t = detail["treated"].copy()
    if options.transform:
        sqrt = detail["indicator"].isin(transformed)
        t[sqrt] = t[sqrt] ** 0.5
    low = t.groupby(detail["indicator"]).transform("min")
    if options.method == "minmax":
        scale = t.groupby(detail["indicator"]).transform("max") - low
    else:
        scale = t.groupby(detail["indicator"]).transform(lambda s: s.std(ddof=1))
    return (t - low) / scale


def _raw_scores(
    detail: pd.DataFrame, options: Options, transformed: tuple[str, ...]
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Overall and per-category scores (0–1 for min-max) per zone, from the zones' available values."""
    frame = detail.assign(norm=_normalised(detail, options, transformed))
    by_category = frame.groupby(["zone", "category"], sort=True)["norm"].mean()
    categories: dict[str, dict[str, float]] = {}
    for key, value in by_category.items():
        pair: tuple[Any, Any] = key  # type: ignore[assignment]
        categories.setdefault(str(pair[0]), {})[str(pair[1])] = as_float(value)
    if options.weighting == "category":
        overall = by_category.groupby(level="zone").mean()
    else:
        overall = frame.groupby("zone", sort=True)["norm"].mean()
    return {str(z): float(v) for z, v in overall.items()}, categories


def _all_standings(detail: pd.DataFrame) -> dict[str, list[Standing]]:
    """Each zone's standing on each indicator of the year (zone -> standings in indicator-id order)."""
    found: dict[str, list[Standing]] = {}
    for indicator, group in detail.groupby("indicator", sort=True):
        values = [Decimal(repr(v)) for v in group["value"]]
        ranks = competition_ranks(values)
        n = len(values)
        for zone, value, rank in zip(group["zone"], group["value"], ranks, strict=True):
            percentile = (Decimal(n - rank) / (n - 1) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
            tied = ranks.count(rank) > 1
            found.setdefault(str(zone), []).append(Standing(str(indicator), float(value), rank, n, percentile, tied))
    return found


def _standings(found: list[Standing], order: dict[str, int]) -> tuple[tuple[Standing, ...], ...]:
    strengths = sorted((s for s in found if s.percentile > 50), key=lambda s: (-s.percentile, order[s.indicator]))
    weaknesses = sorted((s for s in found if s.percentile < 50), key=lambda s: (s.percentile, order[s.indicator]))
    return tuple(strengths[:TOP]), tuple(weaknesses[:TOP])


def _year_detail(inputs: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str, float, float]]]:
    """Rows with a number, with the outlier-treated value, for one year."""
    have = inputs[inputs["value"].notna()].copy()
    have["value"] = have["value"].astype(float)
    have["treated"] = have.groupby("indicator", sort=True)["value"].transform(_treat_outliers)
    changed = have[have["treated"] != have["value"]]
    outliers = [
        (str(r.zone), str(r.indicator), as_float(r.value), as_float(r.treated))
        for r in changed.sort_values(["indicator", "zone"]).itertuples()
    ]
    return have, outliers


def compute(
    inputs: pd.DataFrame,
    indicators: list[str] | None = None,
    categories: list[str] | None = None,
    memo: Memo | None = None,
) -> Composite:
    """The index from an input frame (INPUT_COLUMNS; `current`, `previous`, `basis` are for display only).
    `indicators` and `categories` give the system's order (default: order of first appearance). With a
    `memo` (generator/analysis/memo.py), a year whose rows are unchanged is taken from it."""
    inputs = inputs.sort_values(["year", "zone", "indicator"], kind="stable").reset_index(drop=True)
    order_list = indicators or list(dict.fromkeys(inputs["indicator"]))
    order = {ind: k for k, ind in enumerate(order_list)}
    category_of = {str(r.indicator): str(r.category) for r in inputs.itertuples()}
    category_list = [c for c in (categories or list(dict.fromkeys(inputs["category"]))) if c in category_of.values()]

    # outliers per year, then skewness per indicator over all years
    details: dict[int, pd.DataFrame] = {}
    outliers: dict[int, list[tuple[str, str, float, float]]] = {}
    for year_key, frame in inputs.groupby("year", sort=True):
        year = int(as_float(year_key))
        details[year], outliers[year] = _year_detail(frame)
    pooled = pd.concat(details.values()) if details else pd.DataFrame(columns=["indicator", "treated"])
    skewness: dict[str, float | None] = {}
    transformed = []
    for ind in order_list:
        values = pooled.loc[pooled["indicator"] == ind, "treated"].astype(float)
        skewness[ind] = _skewness(values)
        skew = skewness[ind]
        if skew is not None and skew > SKEW_LIMIT and bool((values >= 0).all()):
            transformed.append(ind)
    transformed_t = tuple(transformed)

    years: dict[int, YearIndex] = {}
    for year_key, frame in inputs.groupby("year", sort=True):
        year = int(as_float(year_key))

        def one_year(year: int = year, frame: pd.DataFrame = frame) -> YearIndex:
            return _year_index(year, frame, details[year], outliers[year], transformed_t, order, category_list)

        if memo is None:
            years[year] = one_year()
        else:  # a year's index depends only on that year's rows and on the indicators' order and transform
            key = ("composite-year", year, _frame_digest(frame), transformed_t, tuple(order_list), tuple(category_list))
            years[year] = memo.get(key, one_year)
    return Composite(years, inputs, skewness, transformed_t, tuple(order_list), tuple(category_list), category_of)


def _frame_digest(frame: pd.DataFrame) -> str:
    rows = frame.sort_values(["zone", "indicator"], kind="stable").astype(str).to_numpy().tolist()
    return hashlib.sha256(repr((list(frame.columns), rows)).encode()).hexdigest()


def _year_index(
    year: int,
    frame: pd.DataFrame,
    have: pd.DataFrame,
    outliers: list[tuple[str, str, float, float]],
    transformed: tuple[str, ...],
    order: dict[str, int],
    category_list: list[str],
) -> YearIndex:
    counts = have.groupby("indicator")["treated"].agg(["count", "nunique"])
    input_spread = have.groupby("indicator")["value"].nunique()
    basis = {str(r.indicator): str(r.basis) for r in frame.itertuples()}
    eligible: list[str] = []
    not_eligible: list[tuple[str, Excluded]] = []
    for ind in sorted(set(frame["indicator"]), key=lambda i: order[i]):
        n = int(counts.loc[ind, "count"]) if ind in counts.index else 0
        growth = basis[ind] == "growth"
        rows = frame[frame["indicator"] == ind]
        reported = int(rows["current"].notna().sum()) if growth else n
        if n < MIN_ZONES:
            why = Exclusion.TOO_FEW_GROWTH_RATES if growth and reported >= MIN_ZONES else Exclusion.TOO_FEW_VALUES
            not_eligible.append((ind, Excluded(why, n, reported)))
        elif int(counts.loc[ind, "nunique"]) < 2:
            if int(input_spread[ind]) >= 2:
                why = Exclusion.EQUAL_AFTER_OUTLIERS
            else:
                why = Exclusion.GROWTH_RATES_EQUAL if growth else Exclusion.VALUES_EQUAL
            not_eligible.append((ind, Excluded(why, n, reported)))
        else:
            eligible.append(ind)
    detail = have[have["indicator"].isin(eligible)].sort_values(["zone", "indicator"]).reset_index(drop=True)
    reasons: dict[tuple[str, str], Missing] = {}  # why a zone-year's input value is missing (None: it is not)
    for r in frame.itertuples():
        gap: object = r.reason
        if isinstance(gap, Missing):
            reasons[(str(r.zone), str(r.indicator))] = gap

    present = set(zip(detail["zone"].astype(str), detail["indicator"].astype(str), strict=True))
    used_by_zone = {str(z): int(n) for z, n in detail["zone"].value_counts().items()}
    scores: dict[str, ZoneScore] = {}
    for zone in sorted(set(frame["zone"])):
        used = used_by_zone.get(zone, 0)
        left_out = tuple(
            (ind, reasons.get((zone, ind), Missing(Gap.NOT_REPORTED))) for ind in eligible if (zone, ind) not in present
        )
        reason: NotShown | None = None
        if not eligible:
            reason = NotShown.NO_ELIGIBLE_INDICATOR
        elif used * 100 < COVERAGE_PERCENT * len(eligible):
            reason = NotShown.LOW_COVERAGE
        scores[zone] = ZoneScore(zone, year, used, len(eligible), reason is None, reason, None, {}, left_out)
    shown_ids = [z for z, s in scores.items() if s.shown]
    published = len(shown_ids) >= MIN_ZONES

    # every variant: scores, ranks and groups of the shown zones
    per_variant: list[tuple[dict[str, int], dict[str, Group | None]]] = []
    default_overall: dict[str, float] = {}
    default_categories: dict[str, dict[str, float]] = {}
    if shown_ids:
        for options in VARIANTS:
            overall, cats = _raw_scores(detail, options, transformed)
            shown_scores = [shown_decimal(overall[z] * 100) for z in shown_ids]
            ranks = competition_ranks(shown_scores)
            _mean, rel = relatives(shown_scores)
            per_variant.append((
                dict(zip(shown_ids, ranks, strict=True)),
                {z: _group_or_none(r) for z, r in zip(shown_ids, rel, strict=True)},
            ))  # fmt: skip
            if options == DEFAULT:
                default_overall, default_categories = overall, cats
    shown_scores = [shown_decimal(default_overall[z] * 100) for z in shown_ids] if shown_ids else []
    average, rel = relatives(shown_scores)
    ranks = competition_ranks(shown_scores)

    standings = _all_standings(detail) if published else {}
    position = {z: k for k, z in enumerate(shown_ids)}
    out: list[ZoneScore] = []
    for zone, base in scores.items():
        if not base.shown or not published:
            out.append(base)
            continue
        k = position[zone]
        variant_ranks = [v[0][zone] for v in per_variant]
        strengths, weaknesses = _standings(standings.get(zone, []), order)
        mine = default_categories.get(zone, {})
        out.append(ZoneScore(
            zone, year, base.used, base.eligible, True, None, shown_scores[k],
            {c: shown_decimal(mine[c] * 100) if c in mine else None for c in category_list},
            base.left_out, ranks[k], rel[k], _group_or_none(rel[k]),
            min(variant_ranks), max(variant_ranks), tuple(v[1][zone] for v in per_variant), strengths, weaknesses,
        ))  # fmt: skip
    if not published:
        average = None
    shown = sorted((z for z in out if z.shown and z.rank is not None), key=lambda z: (z.rank or 0, z.zone))
    others = sorted((z for z in out if not (z.shown and z.rank is not None)), key=lambda z: z.zone)
    if not published:
        others = [z if not z.shown else _unpublished(z) for z in others]
    default_detail = detail.assign(
        transformed=detail["indicator"].isin(transformed),
        norm=_normalised(detail, DEFAULT, transformed) if len(detail) else pd.Series(dtype=float),
    )
    return YearIndex(year, published, (*shown, *others), tuple(eligible), tuple(not_eligible), tuple(outliers),
                     average, default_detail)  # fmt: skip


def _unpublished(score: ZoneScore) -> ZoneScore:
    return ZoneScore(
        score.zone, score.year, score.used, score.eligible, False, NotShown.TOO_FEW_SHOWN, None, {}, score.left_out
    )


def composite(catalog: Catalog, memo: Memo | None = None) -> Composite:
    """The index for the catalog's zones (official quantitative indicators only)."""
    indicators = [ind.id for ind in catalog.indicators if ind.kind in (*INTENSIVE, *EXTENSIVE)]
    return compute(build_inputs(catalog), indicators, [c.id for c in catalog.categories], memo)
