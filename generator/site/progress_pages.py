"""The progress pages: progress towards the zones' end-of-period targets (an overview with a chart, the table across
zones) and the annual-report submissions year by year. The zone page's section is progress_words.py's.

The facts come from the analysis stage (generator/analysis: targets.py, reporting.py, in `ctx.analysis`);
this module only words and lays them out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.analysis.reporting import (
    LATE,
    MISSING,
    ON_TIME,
    PENDING,
    UNDATED,
    EvaluationDue,
    ReportingYear,
    Submission,
)
from generator.analysis.targets import (
    ACHIEVED,
    BEHIND,
    NOT_ACHIEVED,
    ON_COURSE,
    STATUSES,
    UNKNOWN,
    ZoneProgress,
)
from generator.data.catalog import Catalog
from generator.data.revisions import Revisions
from generator.i18n import pgettext
from generator.site.charts import (
    Chart,
    ImageSite,
    ImageTexts,
    calculated_source,
    chart_html,
    chart_id,
    image_site,
    plot_text,
    with_image,
    with_summary,
)
from generator.site.common import Context, Section, front_matter, stage_counts, zone_short
from generator.site.figures import date_text
from generator.site.markup import link
from generator.site.paths import PROGRESS_INDEX as INDEX
from generator.site.paths import PROGRESS_REPORTING as REPORTING
from generator.site.paths import PROGRESS_TARGETS as TARGETS
from generator.site.paths import href, year_page, zone_page
from generator.site.progress_words import (
    count_text,
    listed,
    status_label,
    target_row,
    zone_sentence,
)
from generator.site.revision_words import revisions_of

# Colour is never the only cue: each status has its own fill pattern on the chart, and the counts are in a table.
PATTERNS = {ACHIEVED: "", ON_COURSE: "/", BEHIND: "x", NOT_ACHIEVED: "\\", UNKNOWN: "."}


def method() -> str:
    """How the statuses are judged (generator/analysis/targets.py's rules), for the reader."""
    return pgettext(
        "progress",
        "Every quantitative indicator is judged by “higher is better”: a target is “%(achieved)s” when the latest "
        "year's value reaches it; otherwise the value is compared with the progress line, the straight line from "
        "the baseline value (the year before approval) to the target at the end of the construction period: on or "
        "above the line is “%(on_course)s”, below it “%(behind)s”. Once the construction period is over, a target "
        "not reached is “%(not_achieved)s”. Without a baseline value, without a value in the construction period "
        "(not available, not applicable or not reported, none of them read as zero), with a target below the "
        "baseline value and the like, the status is “%(unknown)s”, with the reason. After a revision of the plan "
        "the revised target is used from the revision's date on (also for the values of years that ended before "
        "it), and the original target is listed as well; a revision after the construction period does not "
        "change the outcome.",
        achieved=status_label(ACHIEVED), on_course=status_label(ON_COURSE), behind=status_label(BEHIND),
        not_achieved=status_label(NOT_ACHIEVED), unknown=status_label(UNKNOWN),
    )  # fmt: skip


def make_progress_pages(ctx: Context) -> Section:
    catalog, env, analysis = ctx.catalog, ctx.env, ctx.analysis
    progress = list(analysis.progress)
    reporting = (analysis.reporting, analysis.evaluations)
    out = Section()
    out.pages[INDEX] = env.get_template("progress_index.md.j2").render(
        **_index_view(catalog, progress, image_site(ctx, INDEX))
    )
    out.pages[TARGETS] = env.get_template("progress_targets.md.j2").render(
        **_targets_view(catalog, progress, revisions_of(ctx))
    )
    out.pages[REPORTING] = env.get_template("progress_reporting.md.j2").render(**_reporting_view(catalog, *reporting))
    out.nav = [{pgettext("progress: the section's title", "Progress"): [INDEX, TARGETS, REPORTING]}]
    return out


# --- progress/index.md ----------------------------------------------------------------------------


def status_chart(progress: list[ZoneProgress], summary: str) -> Chart:
    """Per zone, its targets by status: one stacked horizontal bar per zone, first zone on top."""
    labels = [plot_text(zone_short(p.zone)) for p in progress]
    data = []
    for status in STATUSES:
        counts = [p.count(status) for p in progress]
        if not any(counts):
            continue
        data.append({
            "type": "bar", "orientation": "h", "name": status_label(status), "y": labels, "x": counts,
            "text": [str(c) if c else "" for c in counts], "textposition": "inside", "insidetextanchor": "middle",
            # the pattern lies over the segment's own colour (not on white), so its count is read on a solid
            # colour in the contrasting text colour plotly picks for it (issue 14)
            "marker": {"pattern": {"shape": PATTERNS[status], "fillmode": "overlay", "fgopacity": 0.35}},
            "hovertemplate": pgettext("progress chart: a bar's hover text", "%(zone)s: %(status)s %(count)s",
                                      zone="%{y}", status=status_label(status), count="%{x}") + "<extra></extra>",
        })  # fmt: skip
    layout = {
        "barmode": "stack",
        "xaxis": {
            "title": {"text": pgettext("progress chart: the axis", "Targets (count)")},
            "rangemode": "tozero",
            "dtick": 1,
            "fixedrange": True,
        },
        "yaxis": {"type": "category", "autorange": "reversed", "automargin": True, "fixedrange": True},
        "margin": {"l": 16, "r": 16, "t": 24, "b": 80},
        "height": max(220, 120 + 40 * len(progress)),
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.3},
    }
    chart = Chart(
        chart_id("progress", "status"),
        pgettext("progress chart", "Each zone's end-of-period targets"),
        "",
        {"data": data, "layout": layout},
    )
    return with_summary(chart, summary)


def _with_image(catalog: Catalog, chart: Chart, progress: list[ZoneProgress], site: ImageSite) -> Chart:
    """The downloaded image of the targets chart: its title, the date of the assessment, the count's unit, the
    site's own calculation as the source, the site and the page, the sample marking for sample zones (issue 14)."""
    title = pgettext("chart image: the progress chart's title", "%(title)s (as of %(date)s)", title=chart.title,
                     date=date_text(catalog.as_of))  # fmt: skip
    unit = pgettext("chart image: the progress chart's unit", "targets")
    sample = any(p.zone.is_sample for p in progress)
    return with_image(chart, ImageTexts(title, (), unit, calculated_source(catalog.site.sponsor), site, sample))


def overall_sentence(catalog: Catalog, progress: list[ZoneProgress]) -> str:
    date = date_text(catalog.as_of)
    if not progress:
        return pgettext("progress", "As of %(date)s, no approved zone has end-of-period targets yet.", date=date)
    total = sum(len(p.targets) for p in progress)
    counts = listed(count_text(s, n) for s in STATUSES if (n := sum(p.count(s) for p in progress)))
    zones = stage_counts(p.zone for p in progress)
    return pgettext("progress", "As of %(date)s, the approved zones (%(zones)s) have %(total)s end-of-period targets "
                    "in all: %(counts)s.", date=date, zones=zones, total=total, counts=counts)  # fmt: skip


def _index_view(catalog: Catalog, progress: list[ZoneProgress], site: ImageSite) -> dict[str, Any]:
    summary = overall_sentence(catalog, progress)
    return {
        "fm": front_matter(
            pgettext("progress: the section's title", "Progress"),
            catalog.has_sample,
            pgettext(
                "progress: a page's description",
                "How far each zone has come towards its end-of-period targets, and the submission of the annual reports",
            ),
        ),
        "summary": summary,
        "chart": chart_html(_with_image(catalog, status_chart(progress, summary), progress, site)) if progress else "",
        "statuses": [status_label(s) for s in STATUSES],
        "zones": [
            {
                "link": link(zone_short(p.zone), href(INDEX, zone_page(p.zone.id))),
                "period": f"{p.zone.zone.period.start}—{p.zone.zone.period.end}",
                "total": len(p.targets),
                "counts": [p.count(s) for s in STATUSES],
                "sentence": zone_sentence(catalog, p),
            }
            for p in progress
        ],
        "method": method(),
        "targets": link(pgettext("progress: a link", "the details of each target"), href(INDEX, TARGETS)),
        "reporting": link(pgettext("progress: a link", "the submission of the annual reports"), href(INDEX, REPORTING)),
    }


# --- progress/targets.md --------------------------------------------------------------------------


def _targets_view(catalog: Catalog, progress: list[ZoneProgress], revisions: Revisions | None) -> dict[str, Any]:
    rows = []
    for p in progress:
        for t in p.targets:
            rows.append(
                {
                    "zone": link(zone_short(p.zone), href(TARGETS, zone_page(p.zone.id))),
                    **target_row(catalog, t, TARGETS, revisions),
                }
            )
    return {
        "fm": front_matter(pgettext("progress: a page's title", "Targets in detail"), catalog.has_sample,
                           pgettext("progress: a page's description", "Each zone's end-of-period targets: the "
                                    "baseline value, the latest value, the value the progress line expects and the "
                                    "status")),
        "summary": overall_sentence(catalog, progress),
        "rows": rows,
        "method": method(),
        "overview": link(pgettext("progress: a link", "the overview of the progress"), href(TARGETS, INDEX)),
    }  # fmt: skip


# --- progress/reporting.md ------------------------------------------------------------------------


def submission_text(s: Submission) -> str:
    if s.state == ON_TIME:
        return pgettext("progress: a report's submission", "submitted on time")
    if s.state == LATE:
        return pgettext("progress: a report's submission", "submitted %(days)s days late", days=s.days)
    if s.state == MISSING:
        return pgettext("progress: a report's submission", "not submitted (%(days)s days past the deadline)",
                        days=s.days)  # fmt: skip
    if s.state == PENDING:
        return pgettext("progress: a report's submission", "deadline not reached yet")
    return pgettext("progress: a report's submission", "submitted, the date of submission not recorded")


def year_sentence(y: ReportingYear) -> str:
    """The year's submissions in one sentence: its start, then each clause whose count is not 0 (each a message)."""
    deadline = date_text(dt.date(y.year + 1, 1, 31))
    text = pgettext("progress: the reports of one year", "For %(year)s, %(due)s annual construction reports are "
                    "due (deadline %(deadline)s), %(submitted)s submitted", year=y.year, due=len(y.rows),
                    deadline=deadline, submitted=y.submitted)  # fmt: skip
    parts = []
    if y.count(ON_TIME):
        parts.append(pgettext("progress: the reports of one year", "%(count)s on time", count=y.count(ON_TIME)))
    if y.count(LATE):
        parts.append(pgettext("progress: the reports of one year", "%(count)s late", count=y.count(LATE)))
    if y.count(UNDATED):
        parts.append(pgettext("progress: the reports of one year", "%(count)s without a date of submission",
                              count=y.count(UNDATED)))  # fmt: skip
    if parts:
        text += pgettext("progress: the reports of one year", " (%(parts)s)", parts=listed(parts))
    if y.count(MISSING):
        text += pgettext("progress: the reports of one year", ", %(count)s past the deadline and still not "
                         "submitted", count=y.count(MISSING))  # fmt: skip
    if y.count(PENDING):
        text += pgettext("progress: the reports of one year", ", %(count)s not due yet", count=y.count(PENDING))
    return pgettext("progress: the reports of one year", "%(sentence)s.", sentence=text)


def _evaluation_text(e: EvaluationDue) -> str:
    start, end = e.zone.zone.period.start, e.period_end
    if e.ended:
        return pgettext("progress: an evaluation due", "Construction period %(start)s–%(end)s, ended at the end of "
                        "%(end)s; no final evaluation recorded yet.", start=start, end=end)  # fmt: skip
    return pgettext("progress: an evaluation due", "Construction period %(start)s–%(end)s, ends at the end of "
                    "%(end)s; the final evaluation is to be made.", start=start, end=end)  # fmt: skip


def _reporting_view(
    catalog: Catalog, years: tuple[ReportingYear, ...], evaluations: tuple[EvaluationDue, ...]
) -> dict[str, Any]:
    return {
        "fm": front_matter(pgettext("progress: a page's title", "Submission of the annual reports"),
                           catalog.has_sample,
                           pgettext("progress: a page's description", "When each zone submitted its annual "
                                    "construction reports, whether on time, and the reports not submitted")),
        "as_of": date_text(catalog.as_of),
        "summary": [{"year": y.year, "due": len(y.rows), "on_time": y.count(ON_TIME), "late": y.count(LATE),
                     "missing": y.count(MISSING), "pending": y.count(PENDING)} for y in years],
        "years": [{
            "year": y.year, "sentence": year_sentence(y),
            "rows": [{
                "zone": link(zone_short(s.zone), href(REPORTING, zone_page(s.zone.id))),
                "deadline": s.deadline.isoformat(),
                "submitted": link(s.submitted.isoformat(), href(REPORTING, year_page(s.zone.id, s.year))) if s.submitted
                else (pgettext("progress: a report's submission", "submitted") if s.state == UNDATED else "—"),
                "state": submission_text(s),
            } for s in y.rows],
        } for y in years],
        "evaluations": [{"zone": link(zone_short(e.zone), href(REPORTING, zone_page(e.zone.id))), "text": _evaluation_text(e)}
                        for e in evaluations],
        "overview": link(pgettext("progress: a link", "the overview of the progress"), href(REPORTING, INDEX)),
    }  # fmt: skip
