"""Progress towards the targets in words, shared by the progress pages (progress_pages.py), the zone page's
"progress towards the targets" section (`targets_block`, which zone_pages.py places) and the year summaries'
target table (`status_label`, `reason_text`). A helper module: the facts come from the analysis stage's
`ZoneProgress` and `Judgement` (statuses and reasons are values there), handed in; the words are the
catalogue's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import jinja2

from generator.analysis.targets import STATUSES, Gap, Reason, Status, TargetProgress, Why, ZoneProgress
from generator.data.catalog import Catalog
from generator.data.revisions import Revisions
from generator.i18n import NP_, pgettext
from generator.site.figures import date_text, figure
from generator.site.markup import Safe, inline, link
from generator.site.paths import PROGRESS_INDEX, PROGRESS_TARGETS, href, indicator_name, zone_page
from generator.site.revision_words import marked

STATUS_WORDS: dict[Status, tuple[str, str]] = {
    Status.ACHIEVED: NP_("progress: a target's status", "achieved"),
    Status.ON_COURSE: NP_("progress: a target's status", "on course"),
    Status.BEHIND: NP_("progress: a target's status", "behind"),
    Status.NOT_ACHIEVED: NP_("progress: a target's status", "not achieved"),
    Status.UNKNOWN: NP_("progress: a target's status", "cannot be judged"),
}


def status_label(status: Status) -> str:
    """A target's status in words (a table cell, a chart's legend, a count)."""
    return pgettext(*STATUS_WORDS[status])


def listed(items: Iterable[str]) -> str:
    """Items of a list in one sentence (years without a number, counts by status)."""
    return pgettext("progress: between the items of a list", ", ").join(items)


def count_text(status: Status, count: int) -> str:
    return pgettext("progress", "%(status)s %(count)s", status=status_label(status), count=count)


def _gap_text(gap: Gap) -> str:
    if gap.marker is None:
        return pgettext("progress", "%(year)s not reported", year=gap.year)
    return pgettext("progress", "%(year)s %(marker)s", year=gap.year, marker=gap.marker)


def reason_words(reason: Reason) -> str:
    """One reason (why a target cannot be judged, or a note on the value judged) in words."""
    gaps = listed(_gap_text(g) for g in reason.gaps)
    year = reason.year
    match reason.why:
        case Why.NO_VALUE if gaps:
            return pgettext("progress", "no yearly value in the construction period yet (%(gaps)s)", gaps=gaps)
        case Why.NO_VALUE:
            return pgettext("progress", "no yearly value in the construction period yet")
        case Why.YEAR_GAP:
            return gaps
        case Why.TARGET_BELOW_BASELINE:
            return pgettext("progress", "the target is below the baseline value: “higher is better” cannot judge it")
        case Why.FINAL_YEAR_MISSING:
            return pgettext("progress", "the construction period is over and its end year (%(year)s) has no value",
                            year=year)  # fmt: skip
        case Why.NO_BASELINE if year is None:
            return pgettext("progress", "no baseline value, so no progress line can be drawn")
        case Why.NO_BASELINE:
            return pgettext("progress", "no baseline (%(year)s) value, so no progress line can be drawn", year=year)
        case Why.NO_BASELINE_REPORT:
            return pgettext("progress", "no baseline (%(year)s) data, so no progress line can be drawn", year=year)
        case Why.BASELINE_GAP if reason.gaps[0].marker is None:
            return pgettext("progress", "baseline (%(year)s) not reported, so no progress line can be drawn",
                            year=reason.gaps[0].year)  # fmt: skip
        case Why.BASELINE_GAP:
            return pgettext("progress", "baseline (%(year)s) %(marker)s, so no progress line can be drawn",
                            year=reason.gaps[0].year, marker=reason.gaps[0].marker)  # fmt: skip
        case Why.JUDGED_EARLIER:
            return pgettext("progress", "%(gaps)s: judged by the value of %(year)s", gaps=gaps, year=year)
        case Why.NOT_APPROVED:
            return pgettext("progress", "the zone has not been approved yet")
        case Why.AFTER_PERIOD:
            return pgettext("progress", "the year is after the construction period")
    raise ValueError(reason)


def reason_text(reasons: Iterable[Reason]) -> str:
    """A judgement's reasons in words, one after the other ("" when there is none)."""
    return pgettext("progress: between the reasons of one status", "; ").join(reason_words(r) for r in reasons)


def status_text(t: TargetProgress) -> str:
    if not t.reason:
        return status_label(t.status)
    return pgettext("progress", "%(status)s (%(reason)s)", status=status_label(t.status), reason=reason_text(t.reason))


def target_text(t: TargetProgress) -> str:
    """The target (in the indicator's unit), with the original and every revision when the plan was revised."""
    if not t.revisions:
        return str(t.target)
    parts = [str(t.original) if t.original is not None else pgettext("progress: no original target", "not set")]
    for r in t.revisions:
        if r.applied:
            parts.append(pgettext("progress", "%(target)s (revised on %(date)s)", target=r.target,
                                  date=r.date.isoformat()))  # fmt: skip
        else:
            parts.append(pgettext("progress", "%(target)s (revised on %(date)s, after the construction period: not used)",
                                  target=r.target, date=r.date.isoformat()))  # fmt: skip
    return " → ".join(parts)


def counts_text(p: ZoneProgress) -> str:
    """The targets by status; "all <status>" when there are several and they share the one (issue 14: it
    read "of 3 targets: not achieved 3")."""
    present = [s for s in STATUSES if p.count(s)]
    if len(present) == 1 and len(p.targets) > 1:
        return pgettext("progress", "all %(status)s", status=status_label(present[0]))
    return listed(count_text(s, p.count(s)) for s in present)


def zone_sentence(catalog: Catalog, p: ZoneProgress) -> str:
    z = p.zone.zone
    values = {"date": date_text(catalog.as_of), "total": len(p.targets), "counts": counts_text(p)}
    if p.final and p.zone.status != "revoked":
        return pgettext("progress", "As of %(date)s, the construction period (%(start)s–%(end)s) is over; of "
                        "%(total)s end-of-period targets: %(counts)s.", start=z.period.start, end=z.period.end,
                        **values)  # fmt: skip
    if p.final:
        return pgettext("progress", "As of %(date)s, the zone has been revoked; of %(total)s end-of-period "
                        "targets: %(counts)s.", **values)  # fmt: skip
    return pgettext("progress", "As of %(date)s, the construction period runs to the end of %(end)s; of "
                    "%(total)s end-of-period targets: %(counts)s.", end=z.period.end, **values)  # fmt: skip


def _val(year: int | None, shown: str) -> str:
    """A year's value as the analysis gives it (as written, or its marker), as the site shows it: thousands
    separated (`figure` leaves a marker unchanged)."""
    return "—" if year is None else pgettext("progress", "%(year)s: %(value)s", year=year, value=figure(shown))


def _marked(t: TargetProgress, year: int | None, shown: str, here: str, revisions: Revisions | None) -> Safe:
    """A year's value (`_val`) with the mark “revised” where it was revised after it was published."""
    if year is None:
        return Safe(inline(_val(year, shown)))
    return marked(_val(year, shown), revisions, t.zone_id, year, t.indicator.id, here)


def target_row(catalog: Catalog, t: TargetProgress, here: str, revisions: Revisions | None = None) -> dict[str, Any]:
    """One target's row on the page `here`: the base period's and the latest value marked where they were revised
    (`revisions`, None without history)."""
    return {
        "indicator": indicator_name(catalog, t.indicator, here, unit=True),
        "baseline": _marked(t, t.baseline_year, t.baseline_shown, here, revisions),
        "target": target_text(t),
        "latest": _marked(t, t.latest_year, t.latest_shown, here, revisions),
        "expected": t.expected_shown,
        "share": t.share,
        "status": status_text(t),
    }


# --- the zone page's section ------------------------------------------------------------------


def targets_block(
    env: jinja2.Environment, catalog: Catalog, p: ZoneProgress | None, revisions: Revisions | None = None
) -> Safe:
    """The zone page's section on its targets (Markdown) from the zone's progress (`ctx.analysis`), or nothing
    for a zone without targets to judge (`p` None)."""
    if p is None:
        return Safe("")
    here = zone_page(p.zone.id)
    return Safe(env.get_template("zone_targets.md.j2").render(
        sentence=zone_sentence(catalog, p), rows=[target_row(catalog, t, here, revisions) for t in p.targets],
        method=link(pgettext("progress: a link", "how it is judged"), href(here, PROGRESS_TARGETS)),
        overview=link(pgettext("progress: a link", "progress towards the targets of all zones"), href(here, PROGRESS_INDEX)),
    ))  # fmt: skip
