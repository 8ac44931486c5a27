"""Plain-language sentences from the numbers: what a chart or a dashboard shows, in words a reader can
check against the table beside it.

Pure functions on Decimals; nothing here rounds a value as written (values are shown as the report wrote
them, with thousands separators) and only computed growth rates are rounded (half-up, one decimal).

Rules the sentences keep:

- A change is stated only between two numbers: a year that is 暂无 / 不适用 / not reported is named as
  such ("上年暂无，无可比数值") and never read as zero or as a fall.
- Percent-kind indicators change in 百分点 (2.05% after 1.8% is "提高 0.25 个百分点"), the others by their
  growth rate ("增长 19%"); a rate on a base of zero or below is not a rate, so the absolute change is
  given instead ("增加 3 家").
- The baseline (基期, the year before approval) is the year before the first report year. Its change to
  the first report year IS stated, and always named: "比上年（基期）增长 19%". A baseline value is never
  ranked against other zones' annual values (the indicator pages rank annual reports only).
- Ranks are by value, higher first, among the zones that reported a number for that indicator that year;
  ties share a rank ("并列第 2 位"); when only one zone reported there is no rank, and the sentence says so.
- Ratios (percent, per 10,000) are never summed or averaged; totals are for summable indicators only and
  say how many zones they cover.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.site.series import Point, Series, fmt_decimal, missing_label

# --- numbers --------------------------------------------------------------------------------


def number_text(written: str) -> str:
    """A value as the report wrote it, with thousands separators in its integer part ("5074" → "5,074",
    "24.0" stays "24.0"). Anything that is not a plain decimal is returned unchanged."""
    text = written.strip()
    sign = ""
    if text[:1] in "+-" and text[1:2].isdigit():
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    whole, dot, frac = text.partition(".")
    if not whole.isdigit() or (dot and not frac.isdigit()):
        return written
    return f"{sign}{int(whole):,}{dot}{frac}"


def exact_text(value: Decimal) -> str:
    """A computed figure that needs no rounding (a difference or a total of written values): thousands
    separated, no exponent, no trailing zeros."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def in_unit(value: str, ind: Indicator) -> str:
    """ "35.2%" for percent-kind, "12.5 亿元" otherwise."""
    if KINDS[ind.kind].percent or ind.unit == "%":
        return f"{value}%"
    return f"{value} {ind.unit}" if ind.unit else value


def value_text(ind: Indicator, point: Point) -> str:
    return in_unit(number_text(point.shown), ind)


def rate_text(rate: Decimal) -> str:
    """The size of a growth rate, rounded half-up to one decimal ("18%", not "18.0%"); a non-zero rate too
    small to show is "不足 0.1%", never "0%"."""
    shown = fmt_decimal(abs(rate), 1)
    return "不足 0.1%" if shown == "0" else f"{shown}%"


# --- a change -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """`after` compared with `before` for one indicator."""

    direction: int  # 1 rose, -1 fell, 0 unchanged
    diff: Decimal  # after - before, exact
    rate: Decimal | None  # growth rate in %, unrounded; None for percent-kind or a base of zero or below
    percent_points: bool  # the change is in 百分点 (percent-kind)


def compare(ind: Indicator, before: Decimal, after: Decimal) -> Change:
    diff = after - before
    direction = (diff > 0) - (diff < 0)
    if KINDS[ind.kind].percent:
        return Change(direction, diff, None, True)
    rate = diff / before * 100 if before > 0 else None
    return Change(direction, diff, rate, False)


def change_phrase(ind: Indicator, ch: Change) -> str:
    """ "增长 19%", "下降 5.3%", "提高 0.25 个百分点", "下降 0.3 个百分点", "增加 3 家", "持平"."""
    if ch.direction == 0:
        return "持平"
    size = abs(ch.diff)
    if ch.percent_points:
        return f"{'提高' if ch.direction > 0 else '下降'} {exact_text(size)} 个百分点"
    if ch.rate is not None:
        return f"{'增长' if ch.direction > 0 else '下降'} {rate_text(ch.rate)}"
    return f"{'增加' if ch.direction > 0 else '减少'} {in_unit(exact_text(size), ind)}"


def _year_name(p: Point) -> str:
    return f"{p.year} 年（基期）" if p.baseline else f"{p.year} 年"


def _absence(p: Point) -> str:
    return p.marker or missing_label()


# --- a rank ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rank:
    position: int  # 1 = highest value
    tied: bool
    of: int  # zones with a number


def rank_of(number: Decimal, numbers: Sequence[Decimal]) -> Rank:
    """Competition ranking (1, 1, 3) by value, higher first; `numbers` holds every reporting zone's value,
    this one included, sorted ascending."""
    lo, hi = bisect.bisect_left(numbers, number), bisect.bisect_right(numbers, number)
    if lo == hi:
        raise ValueError("the value ranked must be among the numbers")
    return Rank(len(numbers) - hi + 1, hi - lo > 1, len(numbers))


def rank_phrase(rank: Rank) -> str:
    if rank.of == 1:
        return "该年只有本示范区报送了这项指标的数值，不作排名"
    place = f"{'并列' if rank.tied else ''}第 {rank.position} 位"
    return f"在报送该指标的 {rank.of} 个示范区中按数值从高到低居{place}"


# --- a zone's indicator (one chart on the zone page) ----------------------------------------


def _previous_clause(ind: Indicator, series: Series, latest: Point) -> tuple[str, Point | None]:
    """The change on the year before, or why there is none; and the previous year's point if named."""
    before = next((p for p in series.points if p.year == latest.year - 1), None)
    if before is None:
        if any(p.year < latest.year for p in series.points):
            return "，上年没有年度报告，无可比数值", None
        return "", None
    if before.number is None or latest.number is None:
        return f"，上年{'（基期）' if before.baseline else ''}{_absence(before)}，无可比数值", before
    ch = compare(ind, before.number, latest.number)
    basis = "上年（基期）" if before.baseline else "上年"
    if ch.direction == 0:
        return f"，与{basis}持平", before
    return f"，比{basis}{change_phrase(ind, ch)}", before


def zone_indicator_text(series: Series, peers: Mapping[int, Sequence[Decimal]] | None) -> str:
    """The sentences under one chart on a zone page: the latest year with a number (value, change on the
    year before, rank among zones), then the longer run when it spans more than those two years, then the
    years without a number not already named. `peers` maps a year to every reporting zone's number for
    this indicator (sorted); None for the zone's own indicators, which are not compared across zones."""
    ind = series.indicator
    nums = series.numbers
    if not nums:
        absent = "；".join(f"{_year_name(p)}{_absence(p)}" for p in series.points)
        return f"{ind.name}尚无数值" + (f"（{absent}）" if absent else "") + "。"
    latest = nums[-1]
    last_year = series.points[-1].year
    if latest.year == last_year:
        text = f"{_year_name(latest)}{ind.name}为 {value_text(ind, latest)}"
    else:
        text = f"{ind.name}最近有数值的年份为 {_year_name(latest)}，数值为 {value_text(ind, latest)}"
    clause, named = _previous_clause(ind, series, latest)
    text += clause
    if peers is not None and not latest.baseline and latest.number is not None:
        numbers = peers.get(latest.year, ())
        if latest.number in numbers:
            text += "；" + rank_phrase(rank_of(latest.number, numbers))
    text += "。"
    first = nums[0]
    if len(nums) >= 2 and first.year < latest.year - 1:
        text += _span(ind, nums)
    gaps = [p for p in series.points if p.number is None and p is not named]
    if gaps:
        text += "；".join(f"{_year_name(p)}{_absence(p)}" for p in gaps) + "。"
    return text


def _span(ind: Indicator, nums: list[Point]) -> str:
    first, last = nums[0], nums[-1]
    assert first.number is not None and last.number is not None
    ch = compare(ind, first.number, last.number)
    if ch.direction:
        verb = "增至" if ch.direction > 0 else "降至"
        text = f"{_year_name(first)}至 {last.year} 年，从 {value_text(ind, first)}{verb} {value_text(ind, last)}"
        text += f"（{change_phrase(ind, ch)}）"
    else:
        text = f"{last.year} 年与 {_year_name(first)}持平，均为 {value_text(ind, last)}"
    high = max(nums, key=lambda p: (p.number, -p.year))
    low = min(nums, key=lambda p: (p.number, p.year))
    if len(nums) > 2 and (high not in (first, last) or low not in (first, last)):
        text += f"，其间最高为 {_year_name(high)}的 {value_text(ind, high)}，最低为 {_year_name(low)}的 {value_text(ind, low)}"
    return text + "。"


# --- a zone's dashboard ---------------------------------------------------------------------


def _names(items: list[tuple[Decimal, Indicator]], largest: bool) -> tuple[str, Decimal]:
    """The indicator(s) with the largest (or smallest) key, names joined, and that key."""
    best = max(k for k, _ in items) if largest else min(k for k, _ in items)
    names = "、".join(ind.name for k, ind in items if k == best)
    return names, best


def _extremes(
    label: str,
    rises: list[tuple[Decimal, Indicator]],
    falls: list[tuple[Decimal, Indicator]],
    fmt: Callable[[Decimal], str],
    words: tuple[str, str],
) -> str:
    parts = []
    for items, largest, word in ((rises, True, words[0]), (falls, False, words[1])):
        if not items:
            continue
        names, key = _names(items, largest)
        size = fmt(key)
        if len(items) == 1:
            parts.append(f"{'上升' if largest else '下降'}的只有{names}（{size}）")
        else:
            parts.append(f"{word}的是{names}（{size}）")
    return f"{label}，" + "，".join(parts) + "。" if parts else ""


def dashboard_summary(series_list: Sequence[Series], year: int) -> str:
    """One paragraph on a zone's report for `year`: how many quantitative indicators have a number, how many
    are 暂无 / 不适用 / not reported, how many rose, fell or stayed the same on the year before (only where
    both years have a number), and the largest rise and fall — growth rates and 百分点 counted apart."""
    if not series_list:
        return ""
    now_points = [next((p for p in s.points if p.year == year), None) for s in series_list]
    if all(p is None for p in now_points):
        return ""
    baseline = any(p is not None and p.baseline for p in now_points)
    total = len(series_list)
    with_number = sum(1 for p in now_points if p is not None and p.number is not None)
    counts = {"暂无": 0, "不适用": 0, missing_label(): 0}
    for p in now_points:
        if p is None or p.number is None:
            counts[missing_label() if p is None or p.marker is None else p.marker] += 1
    head = f"{year} 年度（基期）" if baseline else f"{year} 年度"
    text = f"{head}，本页 {total} 项定量指标" + ("全部有数值" if with_number == total else f"中 {with_number} 项有数值")
    absent = [f"{n} 项{label}" for label, n in counts.items() if n]
    if absent:
        text += "，" + "、".join(absent) + "（不计为零）"
    text += "。"
    previous = [next((p for p in s.points if p.year == year - 1), None) for s in series_list]
    if all(p is None for p in previous):
        if not baseline:
            text += f"没有 {year - 1} 年的数据，不作逐年比较。"
        return text
    basis = "上年（基期）" if any(p is not None and p.baseline for p in previous) else "上年"
    up = down = flat = no_rate = 0
    rate_up: list[tuple[Decimal, Indicator]] = []
    rate_down: list[tuple[Decimal, Indicator]] = []
    pp_up: list[tuple[Decimal, Indicator]] = []
    pp_down: list[tuple[Decimal, Indicator]] = []
    for s, before, now in zip(series_list, previous, now_points, strict=True):
        if before is None or now is None or before.number is None or now.number is None:
            continue
        ch = compare(s.indicator, before.number, now.number)
        up, down, flat = up + (ch.direction > 0), down + (ch.direction < 0), flat + (ch.direction == 0)
        if ch.percent_points and ch.direction:
            (pp_up if ch.direction > 0 else pp_down).append((ch.diff, s.indicator))
        elif ch.rate is not None and ch.direction:
            (rate_up if ch.direction > 0 else rate_down).append((ch.rate, s.indicator))
        elif ch.direction:
            no_rate += 1
    comparable = up + down + flat
    if not comparable:
        return text + f"没有两年都有数值的指标，不与{basis}比较。"
    moves = [f"{n} 项{word}" for n, word in ((up, "上升"), (down, "下降"), (flat, "持平")) if n]
    text += f"与{basis}相比，两年都有数值的 {comparable} 项中，" + "、".join(moves) + "。"
    text += _extremes(
        "按增长率比较（百分比类指标除外" + ("；上年数值不大于零的无增长率，不计入" if no_rate else "") + "）",
        rate_up,
        rate_down,
        lambda r: f"{'增长' if r > 0 else '下降'} {rate_text(r)}",
        ("增幅最大", "降幅最大"),
    )
    text += _extremes(
        "百分比类指标按百分点比较",
        pp_up,
        pp_down,
        lambda d: f"{'提高' if d > 0 else '下降'} {exact_text(abs(d))} 个百分点",
        ("提高最多", "下降最多"),
    )
    return text


# --- an indicator's page --------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One zone's value in one year on an indicator page."""

    zone: str  # the zone's short name
    number: Decimal | None
    shown: str  # as written, or the marker
    baseline: bool = False


def ranking_sentence(ind: Indicator, year: int, rows: Sequence[Entry], others: Sequence[Entry] = ()) -> str:
    """The ranking chart: how many zones reported a number in `year`, highest and lowest (ties named
    together), the total for summable indicators with the zones it covers, and the zones without a number."""
    # stable: zones with the same value keep the caller's order
    ranked = sorted((r for r in rows if r.number is not None), key=lambda r: -r.number)  # type: ignore[operator]
    if not ranked:
        return f"{year} 年没有示范区报送{ind.name}的数值。"
    n = len(ranked)
    if n == 1:
        text = f"{year} 年只有{ranked[0].zone}报送了数值（{in_unit(number_text(ranked[0].shown), ind)}），不作排名"
    else:
        top = [r for r in ranked if r.number == ranked[0].number]
        bottom = [r for r in ranked if r.number == ranked[-1].number]
        text = f"{year} 年共 {n} 个示范区报送了数值，"
        if len(top) == n:
            text += f"数值相同，均为 {_same_value(top, ind)}"
        else:
            text += f"最高为{_group(top, ind)}，最低为{_group(bottom, ind)}"
    if ind.summable and n > 1:
        total = sum((r.number for r in ranked if r.number is not None), Decimal(0))
        text += f"；{n} 个示范区合计 {in_unit(exact_text(total), ind)}"
    if others:
        listed = "、".join(f"{o.zone}{o.shown}" for o in sorted(others, key=lambda o: o.zone))
        text += f"；另有{listed}，没有数值，不计入{'排名和合计' if ind.summable else '排名'}"
    return text + "。"


def _same_value(rows: list[Entry], ind: Indicator) -> str:
    """Equal numbers written alike are shown as written; written differently ("3" and "3.0"), as the number."""
    if len({r.shown for r in rows}) == 1:
        return in_unit(number_text(rows[0].shown), ind)
    return in_unit(exact_text(rows[0].number), ind)  # type: ignore[arg-type]


def _group(rows: list[Entry], ind: Indicator) -> str:
    if len(rows) == 1:
        return f"{rows[0].zone}（{in_unit(number_text(rows[0].shown), ind)}）"
    return "、".join(r.zone for r in rows) + f"（均为 {_same_value(rows, ind)}）"


def trend_sentence(lines: Sequence[Sequence[Entry]]) -> str:
    """The trend chart: per zone, its earliest and latest year with a number (the baseline counts as its
    earliest year); how many zones rose, fell or stayed the same between them, and how many have fewer than
    two years with a number. `lines` holds each zone's entries in year order."""
    up = down = flat = single = 0
    for entries in lines:
        nums = [e for e in entries if e.number is not None]
        if len(nums) < 2:
            single += 1
            continue
        diff = nums[-1].number - nums[0].number  # type: ignore[operator]
        up, down, flat = up + (diff > 0), down + (diff < 0), flat + (diff == 0)
    moves = [f"{n} 个{word}" for n, word in ((up, "上升"), (down, "下降"), (flat, "持平")) if n]
    text = ""
    if moves:
        text = "比较各示范区最早与最近有数值的年份（含基期）：" + "、".join(moves).replace("个", "个示范区", 1)
    if single:
        text += ("；" if text else "") + f"{single} 个示范区不足两年有数值，不作比较"
    return text + "。" if text else ""
