"""Plain-language sentences from the numbers: what a chart or a dashboard shows, in words a reader can
check against the table beside it.

Pure functions on Decimals; nothing here rounds a value as written (values are shown as the report wrote
them, with thousands separators) and only computed growth rates are rounded (half-up, one decimal).

The words are the catalogue's (generator/locale/*/LC_MESSAGES/sentences.po): each sentence is one entry with
its numbers and names as placeholders; where a sentence is assembled from clauses (a zone's chart: the value,
the change, the rank), the clauses and the entry that joins them are entries of their own, with a comment
saying how they combine.

Rules the sentences keep:

- A change is stated only between two numbers: a year that is not available / not applicable / not reported is
  named as such ("the year before was not available, so nothing to compare") and never read as zero or as a fall.
- Percent-kind indicators change in percentage points (2.05% after 1.8% "rose by 0.25 percentage points"), the
  others by their growth rate ("grew by 19%"); a rate on a base of zero or below is not a rate, so the absolute
  change is given instead ("increased by 3 enterprises").
- The baseline (the year before approval) is the year before the first report year. Its change to the first
  report year IS stated, and always named: "grew by 19% on the year before (baseline)". A baseline value is
  never ranked against other zones' annual values (the indicator pages rank annual reports only).
- Ranks are by value, higher first, among the zones that reported a number for that indicator that year;
  ties share a rank ("tied at number 2"); when only one zone reported there is no rank, and the sentence says so.
- Ratios (percent, per 10,000) are never summed or averaged; totals are for summable indicators only and
  say how many zones they cover.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.data.vocabulary import NOT_APPLICABLE, NOT_AVAILABLE
from generator.i18n import _, ngettext, pgettext
from generator.site.figures import figure
from generator.site.series import Point, Series, fmt_decimal, missing_label, unchanged

# --- joining words --------------------------------------------------------------------------


def _list(items: Iterable[str]) -> str:
    """Names or counts one after the other ("A, B and C")."""
    return pgettext("sentences: between the items of a list", ", ").join(items)


def _clauses(items: Iterable[str]) -> str:
    """Clauses of one sentence, each complete in itself."""
    return pgettext("sentences: between clauses", "; ").join(items)


def _end(sentence: str) -> str:
    """A sentence's end, after clauses joined by `_clauses`."""
    return pgettext("sentences: a sentence's end", "%(sentence)s.", sentence=sentence)


def _sentences(*sentences: str) -> str:
    """Sentences one after the other (each already ended), the empty ones left out."""
    text = ""
    for sentence in sentences:
        if sentence:
            text = (
                pgettext("sentences: one after the other", "%(first)s %(next)s", first=text, next=sentence)
                if text
                else sentence
            )
    return text


# --- numbers --------------------------------------------------------------------------------


def number_text(written: str) -> str:
    """A value as the report wrote it, with thousands separators in its integer part ("5074" → "5,074",
    "24.0" stays "24.0"). Anything that is not a plain decimal is returned unchanged."""
    return figure(written)


def exact_text(value: Decimal) -> str:
    """A computed figure that needs no rounding (a difference or a total of written values): thousands
    separated, no exponent, no trailing zeros."""
    return figure(value)


def in_unit(value: str, ind: Indicator) -> str:
    """ "35.2%" for percent-kind, the value and the unit otherwise ("12.5 <unit>")."""
    if KINDS[ind.kind].percent or ind.unit == "%":
        return f"{value}%"
    return f"{value} {ind.unit}" if ind.unit else value


def value_text(ind: Indicator, point: Point) -> str:
    return in_unit(number_text(point.shown), ind)


def rate_text(rate: Decimal) -> str:
    """The size of a growth rate, rounded half-up to one decimal ("18%", not "18.0%"); a non-zero rate too
    small to show is "less than 0.1%", never "0%"."""
    shown = fmt_decimal(abs(rate), 1)
    return _("less than 0.1%%") if shown == "0" else f"{shown}%"


# --- a change -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """`after` compared with `before` for one indicator."""

    direction: int  # 1 rose, -1 fell, 0 unchanged
    diff: Decimal  # after - before, exact
    rate: Decimal | None  # growth rate in %, unrounded; None for percent-kind or a base of zero or below
    percent_points: bool  # the change is in percentage points (percent-kind)


def compare(ind: Indicator, before: Decimal, after: Decimal) -> Change:
    diff = after - before
    direction = (diff > 0) - (diff < 0)
    if KINDS[ind.kind].percent:
        return Change(direction, diff, None, True)
    rate = diff / before * 100 if before > 0 else None
    return Change(direction, diff, rate, False)


def _rate_change(rate: Decimal) -> str:
    """A growth rate with its direction ("grew by 19%", "fell by 5.3%")."""
    if rate > 0:
        return _("grew by %(rate)s", rate=rate_text(rate))
    return _("fell by %(rate)s", rate=rate_text(rate))


def _points_change(diff: Decimal) -> str:
    """A percent-kind indicator's change with its direction ("rose by 0.25 percentage points")."""
    if diff > 0:
        return _("rose by %(points)s percentage points", points=exact_text(abs(diff)))
    return _("fell by %(points)s percentage points", points=exact_text(abs(diff)))


def change_phrase(ind: Indicator, ch: Change) -> str:
    """ "grew by 19%", "fell by 5.3%", "rose by 0.25 percentage points", "increased by 3 <unit>", "unchanged"
    (in the site's words)."""
    if ch.direction == 0:
        return unchanged()
    if ch.percent_points:
        return _points_change(ch.diff)
    if ch.rate is not None:
        return _rate_change(ch.rate)
    amount = in_unit(exact_text(abs(ch.diff)), ind)
    if ch.direction > 0:
        return _("increased by %(amount)s", amount=amount)
    return _("decreased by %(amount)s", amount=amount)


def _year_name(p: Point) -> str:
    if p.baseline:
        return pgettext("sentences: a year", "%(year)s (baseline)", year=p.year)
    return pgettext("sentences: a year", "%(year)s", year=p.year)


def _absence(p: Point) -> str:
    return p.marker or missing_label()


def _year_without_number(p: Point) -> str:
    return pgettext(
        "sentences: a year without a number", "%(year)s: %(absence)s", year=_year_name(p), absence=_absence(p)
    )


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
        return _("only this zone reported a number for this indicator that year, so it is not ranked")
    if rank.tied:
        return _(
            "among the %(zones)s zones that reported this indicator, by value from highest to lowest, it is tied at number %(position)s",
            zones=rank.of,
            position=rank.position,
        )
    return _(
        "among the %(zones)s zones that reported this indicator, by value from highest to lowest, it is number %(position)s",
        zones=rank.of,
        position=rank.position,
    )


# --- a zone's indicator (one chart on the zone page) ----------------------------------------


def _previous_clause(ind: Indicator, series: Series, latest: Point) -> tuple[str, Point | None]:
    """The change on the year before, or why there is none ("" when there is no year before); and the previous
    year's point if named."""
    before = next((p for p in series.points if p.year == latest.year - 1), None)
    if before is None:
        if any(p.year < latest.year for p in series.points):
            return _("there was no annual report the year before, so there is nothing to compare"), None
        return "", None
    if before.number is None or latest.number is None:
        if before.baseline:
            clause = _(
                "the year before (baseline): %(absence)s, so there is nothing to compare", absence=_absence(before)
            )
        else:
            clause = _("the year before: %(absence)s, so there is nothing to compare", absence=_absence(before))
        return clause, before
    ch = compare(ind, before.number, latest.number)
    if ch.direction == 0:
        if before.baseline:
            return _("unchanged on the year before (baseline)"), before
        return _("unchanged on the year before"), before
    if before.baseline:
        return _("%(change)s on the year before (baseline)", change=change_phrase(ind, ch)), before
    return _("%(change)s on the year before", change=change_phrase(ind, ch)), before


def _latest_sentence(head: str, change: str, rank: str) -> str:
    """The first sentence under a zone's chart: the latest value, then (if any) its change on the year before,
    then (if any) its rank among the zones."""
    if change and rank:
        return pgettext(
            "sentences: a zone's chart", "%(value)s, %(change)s; %(rank)s.", value=head, change=change, rank=rank
        )
    if change:
        return pgettext("sentences: a zone's chart", "%(value)s, %(change)s.", value=head, change=change)
    if rank:
        return pgettext("sentences: a zone's chart", "%(value)s; %(rank)s.", value=head, rank=rank)
    return _end(head)


def zone_indicator_text(series: Series, peers: Mapping[int, Sequence[Decimal]] | None) -> str:
    """The sentences under one chart on a zone page: the latest year with a number (value, change on the
    year before, rank among zones), then the longer run when it spans more than those two years, then the
    years without a number not already named. `peers` maps a year to every reporting zone's number for
    this indicator (sorted); None for the zone's own indicators, which are not compared across zones."""
    ind = series.indicator
    nums = series.numbers
    if not nums:
        absent = _clauses(_year_without_number(p) for p in series.points)
        if absent:
            return _("%(indicator)s has no number yet (%(years)s).", indicator=ind.name, years=absent)
        return _("%(indicator)s has no number yet.", indicator=ind.name)
    latest = nums[-1]
    last_year = series.points[-1].year
    if latest.year == last_year:
        head = _(
            "%(year)s: %(indicator)s was %(value)s",
            year=_year_name(latest),
            indicator=ind.name,
            value=value_text(ind, latest),
        )
    else:
        head = _(
            "the latest year with a number for %(indicator)s is %(year)s, when it was %(value)s",
            indicator=ind.name,
            year=_year_name(latest),
            value=value_text(ind, latest),
        )
    clause, named = _previous_clause(ind, series, latest)
    rank = ""
    if peers is not None and not latest.baseline and latest.number is not None:
        numbers = peers.get(latest.year, ())
        if latest.number in numbers:
            rank = rank_phrase(rank_of(latest.number, numbers))
    text = _latest_sentence(head, clause, rank)
    first = nums[0]
    span = _span(ind, nums) if len(nums) >= 2 and first.year < latest.year - 1 else ""
    gaps = [p for p in series.points if p.number is None and p is not named]
    absent = _end(_clauses(_year_without_number(p) for p in gaps)) if gaps else ""
    return _sentences(text, span, absent)


def _span(ind: Indicator, nums: list[Point]) -> str:
    first, last = nums[0], nums[-1]
    assert first.number is not None and last.number is not None
    ch = compare(ind, first.number, last.number)
    values = {"first": _year_name(first), "last": last.year}
    if ch.direction > 0:
        text = _(
            "from %(first)s to %(last)s it rose from %(start)s to %(end)s (%(change)s)",
            **values,
            start=value_text(ind, first),
            end=value_text(ind, last),
            change=change_phrase(ind, ch),
        )
    elif ch.direction < 0:
        text = _(
            "from %(first)s to %(last)s it fell from %(start)s to %(end)s (%(change)s)",
            **values,
            start=value_text(ind, first),
            end=value_text(ind, last),
            change=change_phrase(ind, ch),
        )
    else:
        text = _("%(last)s was the same as %(first)s, both %(value)s", **values, value=value_text(ind, last))
    # said when the first year at the highest or the lowest lies in between (as before), and then naming
    # every year that reached it, not only the first (issue 14)
    numbers = [p.number for p in nums if p.number is not None]
    highs = [p for p in nums if p.number == max(numbers)]
    lows = [p for p in nums if p.number == min(numbers)]
    if len(nums) > 2 and (highs[0] not in (first, last) or lows[0] not in (first, last)):
        return pgettext(
            "sentences: a zone's chart",
            "%(span)s; in between, the highest was %(high)s in %(high_year)s and the lowest %(low)s in %(low_year)s.",
            span=text,
            high_year=_list(_year_name(p) for p in highs),
            high=value_text(ind, highs[0]),
            low_year=_list(_year_name(p) for p in lows),
            low=value_text(ind, lows[0]),
        )
    return _end(text)


# --- a zone's dashboard ---------------------------------------------------------------------


def _names(items: list[tuple[Decimal, Indicator]], largest: bool) -> tuple[str, Decimal]:
    """The indicator(s) with the largest (or smallest) key, names joined, and that key."""
    best = max(k for k, _i in items) if largest else min(k for k, _i in items)
    names = _list(ind.name for k, ind in items if k == best)
    return names, best


def _extremes(
    label: str,
    rises: list[tuple[Decimal, Indicator]],
    falls: list[tuple[Decimal, Indicator]],
    fmt: Callable[[Decimal], str],
    most: tuple[Callable[..., str], Callable[..., str]],
) -> str:
    """`most`: the clause naming the largest rise and the largest fall, among several."""
    parts: list[str] = []
    for items, largest, largest_of in ((rises, True, most[0]), (falls, False, most[1])):
        if not items:
            continue
        names, key = _names(items, largest)
        size = fmt(key)
        if len(items) == 1 and largest:
            parts.append(_("the only one that rose is %(names)s (%(size)s)", names=names, size=size))
        elif len(items) == 1:
            parts.append(_("the only one that fell is %(names)s (%(size)s)", names=names, size=size))
        else:
            parts.append(largest_of(names=names, size=size))
    if not parts:
        return ""
    between = pgettext("sentences: between the clauses of one sentence", ", ")
    return pgettext("sentences: a zone's year", "%(label)s: %(extremes)s.", label=label, extremes=between.join(parts))


def _absent_counts(counts: Mapping[str | None, int]) -> list[str]:
    """How many indicators have no number, by why (a marker, or None: not reported)."""
    words: list[str] = []
    for why, n in counts.items():
        if not n:
            continue
        if why == NOT_AVAILABLE:
            words.append(ngettext("%(num)s indicator not available", "%(num)s indicators not available", n))
        elif why == NOT_APPLICABLE:
            words.append(ngettext("%(num)s indicator not applicable", "%(num)s indicators not applicable", n))
        else:
            words.append(ngettext("%(num)s indicator not reported", "%(num)s indicators not reported", n))
    return words


def _dashboard_head(year: int, baseline: bool, total: int, with_number: int) -> str:
    if with_number == total and baseline:
        return ngettext(
            "%(year)s (baseline): the %(num)s quantitative indicator on this page has a number",
            "%(year)s (baseline): all %(num)s quantitative indicators on this page have a number",
            total,
            year=year,
        )
    if with_number == total:
        return ngettext(
            "%(year)s: the %(num)s quantitative indicator on this page has a number",
            "%(year)s: all %(num)s quantitative indicators on this page have a number",
            total,
            year=year,
        )
    if baseline:
        return ngettext(
            "%(year)s (baseline): %(count)s of the %(num)s quantitative indicator on this page has a number",
            "%(year)s (baseline): %(count)s of the %(num)s quantitative indicators on this page have a number",
            total,
            year=year,
            count=with_number,
        )
    return ngettext(
        "%(year)s: %(count)s of the %(num)s quantitative indicator on this page has a number",
        "%(year)s: %(count)s of the %(num)s quantitative indicators on this page have a number",
        total,
        year=year,
        count=with_number,
    )


def _moves(up: int, down: int, flat: int) -> list[str]:
    """How many indicators rose, fell, stayed the same (those that did)."""
    moves: list[str] = []
    if up:
        moves.append(ngettext("%(num)s indicator rose", "%(num)s indicators rose", up))
    if down:
        moves.append(ngettext("%(num)s indicator fell", "%(num)s indicators fell", down))
    if flat:
        moves.append(ngettext("%(num)s indicator unchanged", "%(num)s indicators unchanged", flat))
    return moves


def dashboard_summary(series_list: Sequence[Series], year: int) -> str:
    """One paragraph on a zone's report for `year`: how many quantitative indicators have a number, how many
    are not available / not applicable / not reported, how many rose, fell or stayed the same on the year before
    (only where both years have a number), and the largest rise and fall — growth rates and percentage points
    counted apart."""
    if not series_list:
        return ""
    now_points = [next((p for p in s.points if p.year == year), None) for s in series_list]
    if all(p is None for p in now_points):
        return ""
    baseline = any(p is not None and p.baseline for p in now_points)
    total = len(series_list)
    with_number = sum(1 for p in now_points if p is not None and p.number is not None)
    counts: dict[str | None, int] = {NOT_AVAILABLE: 0, NOT_APPLICABLE: 0, None: 0}
    for p in now_points:
        if p is None or p.number is None:
            counts[None if p is None or p.marker is None else p.marker] += 1
    head = _dashboard_head(year, baseline, total, with_number)
    absent = _absent_counts(counts)
    if absent:
        text = pgettext(
            "sentences: a zone's year", "%(head)s, %(absent)s (not counted as zero).", head=head, absent=_list(absent)
        )
    else:
        text = _end(head)
    previous = [next((p for p in s.points if p.year == year - 1), None) for s in series_list]
    if all(p is None for p in previous):
        if not baseline:
            return _sentences(text, _("There are no data for %(year)s, so the years are not compared.", year=year - 1))
        return text
    previous_baseline = any(p is not None and p.baseline for p in previous)
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
        if previous_baseline:
            return _sentences(
                text,
                _(
                    "No indicator has a number in both years, so there is no comparison with the year before (baseline)."
                ),
            )
        return _sentences(
            text, _("No indicator has a number in both years, so there is no comparison with the year before.")
        )
    moves = _list(_moves(up, down, flat))
    if previous_baseline:
        compared = ngettext(
            "On the year before (baseline), of the %(num)s indicator with a number in both years: %(moves)s.",
            "On the year before (baseline), of the %(num)s indicators with a number in both years: %(moves)s.",
            comparable,
            moves=moves,
        )
    else:
        compared = ngettext(
            "On the year before, of the %(num)s indicator with a number in both years: %(moves)s.",
            "On the year before, of the %(num)s indicators with a number in both years: %(moves)s.",
            comparable,
            moves=moves,
        )
    if no_rate:
        by_rate = _(
            "By growth rate (percentage indicators excepted; those whose value the year before was not above zero "
            "have no growth rate and are left out)"
        )
    else:
        by_rate = _("By growth rate (percentage indicators excepted)")
    rates = _extremes(
        by_rate,
        rate_up,
        rate_down,
        _rate_change,
        (
            lambda **v: _("the largest growth is %(names)s (%(size)s)", **v),
            lambda **v: _("the largest fall is %(names)s (%(size)s)", **v),
        ),
    )
    points = _extremes(
        _("Percentage indicators by percentage points"),
        pp_up,
        pp_down,
        _points_change,
        (
            lambda **v: _("the largest rise is %(names)s (%(size)s)", **v),
            lambda **v: _("the largest drop is %(names)s (%(size)s)", **v),
        ),
    )
    return _sentences(text, compared, rates, points)


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
        return _("No zone reported a number for %(indicator)s in %(year)s.", indicator=ind.name, year=year)
    n = len(ranked)
    if n == 1:
        value = in_unit(number_text(ranked[0].shown), ind)
        first = _(
            "In %(year)s only %(zone)s reported a number (%(value)s), so there is no ranking",
            year=year,
            zone=ranked[0].zone,
            value=value,
        )
    else:
        top = [r for r in ranked if r.number == ranked[0].number]
        bottom = [r for r in ranked if r.number == ranked[-1].number]
        if len(top) == n:
            first = _(
                "In %(year)s %(count)s zones reported a number, all the same: %(value)s",
                year=year,
                count=n,
                value=_same_value(top, ind),
            )
        else:
            first = _(
                "In %(year)s %(count)s zones reported a number; the highest: %(top)s, the lowest: %(bottom)s",
                year=year,
                count=n,
                top=_group(top, ind),
                bottom=_group(bottom, ind),
            )
    clauses = [first]
    if ind.summable and n > 1:
        total = sum((r.number for r in ranked if r.number is not None), Decimal(0))
        clauses.append(_("the %(count)s zones' total is %(total)s", count=n, total=in_unit(exact_text(total), ind)))
    if others:
        listed = _list(
            pgettext("sentences: a zone without a number", "%(zone)s: %(value)s", zone=o.zone, value=o.shown)
            for o in sorted(others, key=lambda o: o.zone)
        )
        if ind.summable:
            clauses.append(_("%(zones)s have no number and are left out of the ranking and the total", zones=listed))
        else:
            clauses.append(_("%(zones)s have no number and are left out of the ranking", zones=listed))
    return _end(_clauses(clauses))


def _same_value(rows: list[Entry], ind: Indicator) -> str:
    """Equal numbers written alike are shown as written; written differently ("3" and "3.0"), as the number."""
    if len({r.shown for r in rows}) == 1:
        return in_unit(number_text(rows[0].shown), ind)
    return in_unit(exact_text(rows[0].number), ind)  # type: ignore[arg-type]


def _group(rows: list[Entry], ind: Indicator) -> str:
    if len(rows) == 1:
        return pgettext(
            "sentences: a zone and its value",
            "%(zone)s (%(value)s)",
            zone=rows[0].zone,
            value=in_unit(number_text(rows[0].shown), ind),
        )
    return pgettext(
        "sentences: zones with the same value",
        "%(zones)s (all %(value)s)",
        zones=_list(r.zone for r in rows),
        value=_same_value(rows, ind),
    )


def _zone_moves(up: int, down: int, flat: int) -> list[str]:
    """How many zones rose, fell, stayed the same (those that did); the first item names the zones, the others
    only count them."""
    words: list[tuple[int, Callable[[], str], Callable[[], str]]] = [
        (
            up,
            lambda: ngettext("%(num)s zone rose", "%(num)s zones rose", up),
            lambda: pgettext("sentences: zones, after the first item of a list", "%(count)s rose", count=up),
        ),
        (
            down,
            lambda: ngettext("%(num)s zone fell", "%(num)s zones fell", down),
            lambda: pgettext("sentences: zones, after the first item of a list", "%(count)s fell", count=down),
        ),
        (
            flat,
            lambda: ngettext("%(num)s zone unchanged", "%(num)s zones unchanged", flat),
            lambda: pgettext("sentences: zones, after the first item of a list", "%(count)s unchanged", count=flat),
        ),
    ]
    moves: list[str] = []
    for n, first, other in words:
        if n:
            moves.append(other() if moves else first())
    return moves


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
    clauses: list[str] = []
    moves = _zone_moves(up, down, flat)
    if moves:
        clauses.append(
            _(
                "Comparing each zone's earliest and latest year with a number (baseline included): %(moves)s",
                moves=_list(moves),
            )
        )
    if single:
        clauses.append(
            ngettext(
                "%(num)s zone has fewer than two years with a number and is not compared",
                "%(num)s zones have fewer than two years with a number and are not compared",
                single,
            )
        )
    return _end(_clauses(clauses)) if clauses else ""
