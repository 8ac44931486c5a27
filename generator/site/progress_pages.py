"""建设进展: progress towards the zones' end-of-period targets (an overview with a chart, the table across
zones) and the annual-report submissions year by year. The zone page's section is progress_words.py's.

The facts come from the analysis stage (generator/analysis: targets.py, reporting.py, in `ctx.analysis`);
this module only words and lays them out.
"""

from __future__ import annotations

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
from generator.site.charts import Chart, chart_html, chart_id, plot_text, with_summary
from generator.site.common import Context, Section, front_matter, zone_short
from generator.site.markup import link
from generator.site.progress_words import INDEX, REPORTING, TARGETS, status_label, target_row, zone_sentence

# Colour is never the only cue: each status has its own fill pattern on the chart, and the counts are in a table.
PATTERNS = {ACHIEVED: "", ON_COURSE: "/", BEHIND: "x", NOT_ACHIEVED: "\\", UNKNOWN: "."}
METHOD = (
    "所有数量型指标都按“数值越大越好”判断：最近一个年度的数值达到期末目标即为“已实现”；"
    "否则与进度线比较——进度线是从基期（批复建设前一年）数值到建设期末目标值的直线，"
    "最近年度的数值在线上或线上方为“进度正常”，在线下方为“滞后”。建设期结束后，未达到目标的为“未实现”。"
    "没有基期数值、建设期内没有数值（暂无、不适用或未报送，均不当作零）、目标低于基期值等情况为“无法判断”，并注明原因。"
    "建设方案修订后，自修订之日起按修订后的目标判断（包括修订前已结束年度的数值），同时列出原目标；"
    "建设期结束后的修订不改变结果。"
)


def make_progress_pages(ctx: Context) -> Section:
    catalog, env, analysis = ctx.catalog, ctx.env, ctx.analysis
    progress = list(analysis.progress)
    reporting = (analysis.reporting, analysis.evaluations)
    out = Section()
    out.pages[INDEX] = env.get_template("progress_index.md.j2").render(**_index_view(catalog, progress))
    out.pages[TARGETS] = env.get_template("progress_targets.md.j2").render(**_targets_view(catalog, progress))
    out.pages[REPORTING] = env.get_template("progress_reporting.md.j2").render(**_reporting_view(catalog, *reporting))
    out.nav = [{"建设进展": [INDEX, TARGETS, REPORTING]}]
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
            "text": [str(c) if c else "" for c in counts], "textposition": "inside",
            "marker": {"pattern": {"shape": PATTERNS[status]}},
            "hovertemplate": f"%{{y}}：{status_label(status)} %{{x}} 项<extra></extra>",
        })  # fmt: skip
    layout = {
        "barmode": "stack",
        "xaxis": {"title": {"text": "目标（项）"}, "rangemode": "tozero", "dtick": 1, "fixedrange": True},
        "yaxis": {"type": "category", "autorange": "reversed", "automargin": True, "fixedrange": True},
        "margin": {"l": 16, "r": 16, "t": 24, "b": 80},
        "height": max(220, 120 + 40 * len(progress)),
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.3},
    }
    chart = Chart(chart_id("progress", "status"), "各示范区期末目标进展", "", {"data": data, "layout": layout})
    return with_summary(chart, summary)


def overall_sentence(catalog: Catalog, progress: list[ZoneProgress]) -> str:
    if not progress:
        return f"截至 {catalog.as_of.isoformat()}，尚无设有期末目标的已批复示范区。"
    total = sum(len(p.targets) for p in progress)
    counts = "、".join(f"{status_label(s)} {n} 项" for s in STATUSES if (n := sum(p.count(s) for p in progress)))
    return f"截至 {catalog.as_of.isoformat()}，{len(progress)} 个示范区共设有 {total} 项期末目标：{counts}。"


def _index_view(catalog: Catalog, progress: list[ZoneProgress]) -> dict[str, Any]:
    summary = overall_sentence(catalog, progress)
    return {
        "fm": front_matter("建设进展", catalog.has_sample, "各示范区建设期末目标的完成进度和年度报告报送情况"),
        "summary": summary,
        "chart": chart_html(status_chart(progress, summary)) if progress else "",
        "statuses": [status_label(s) for s in STATUSES],
        "zones": [
            {
                "link": link(zone_short(p.zone), f"../zones/{p.zone.id}/index.md"),
                "period": f"{p.zone.zone.period.start}—{p.zone.zone.period.end}",
                "total": len(p.targets),
                "counts": [p.count(s) for s in STATUSES],
                "sentence": zone_sentence(catalog, p),
            }
            for p in progress
        ],
        "method": METHOD,
        "targets": link("各项目标明细", TARGETS.removeprefix("progress/")),
        "reporting": link("年度报告报送情况", REPORTING.removeprefix("progress/")),
    }


# --- progress/targets.md --------------------------------------------------------------------------


def _targets_view(catalog: Catalog, progress: list[ZoneProgress]) -> dict[str, Any]:
    rows = []
    for p in progress:
        for t in p.targets:
            rows.append({"zone": link(zone_short(p.zone), f"../zones/{p.zone.id}/index.md"), **target_row(t)})
    return {
        "fm": front_matter("目标完成明细", catalog.has_sample, "各示范区每项建设期末目标的基期值、最新值、进度线预期值和完成状态"),
        "summary": overall_sentence(catalog, progress),
        "rows": rows,
        "method": METHOD,
        "overview": link("建设进展概览", "index.md"),
    }  # fmt: skip


# --- progress/reporting.md ------------------------------------------------------------------------


def submission_text(s: Submission) -> str:
    if s.state == ON_TIME:
        return "按时报送"
    if s.state == LATE:
        return f"逾期 {s.days} 天报送"
    if s.state == MISSING:
        return f"未报送（已过截止日期 {s.days} 天）"
    if s.state == PENDING:
        return "尚未到截止日期"
    return "已报送，未记录报送日期"


def year_sentence(y: ReportingYear) -> str:
    text = f"{y.year} 年度应报送 {len(y.rows)} 份年度建设报告（截止日期 {y.year + 1}-01-31），已报送 {y.submitted} 份"
    parts = [f"按时 {y.count(ON_TIME)} 份"] if y.count(ON_TIME) else []
    if y.count(LATE):
        parts.append(f"逾期 {y.count(LATE)} 份")
    if y.count(UNDATED):
        parts.append(f"未记录报送日期 {y.count(UNDATED)} 份")
    text += f"（{'、'.join(parts)}）" if parts else ""
    if y.count(MISSING):
        text += f"，{y.count(MISSING)} 份已过截止日期仍未报送"
    if y.count(PENDING):
        text += f"，{y.count(PENDING)} 份尚未到截止日期"
    return text + "。"


def _evaluation_text(e: EvaluationDue) -> str:
    period = f"建设期 {e.zone.zone.period.start}—{e.period_end} 年"
    if e.ended:
        return f"{period}，已于 {e.period_end} 年底届满，尚未记录总结评估。"
    return f"{period}，将于 {e.period_end} 年底届满，应开展总结评估。"


def _reporting_view(
    catalog: Catalog, years: tuple[ReportingYear, ...], evaluations: tuple[EvaluationDue, ...]
) -> dict[str, Any]:
    return {
        "fm": front_matter("年度报告报送情况", catalog.has_sample, "各示范区年度建设报告的报送日期、是否按时和未报送情况"),
        "as_of": catalog.as_of.isoformat(),
        "summary": [{"year": y.year, "due": len(y.rows), "on_time": y.count(ON_TIME), "late": y.count(LATE),
                     "missing": y.count(MISSING), "pending": y.count(PENDING)} for y in years],
        "years": [{
            "year": y.year, "sentence": year_sentence(y),
            "rows": [{
                "zone": link(zone_short(s.zone), f"../zones/{s.zone.id}/index.md"),
                "deadline": s.deadline.isoformat(),
                "submitted": link(s.submitted.isoformat(), f"../zones/{s.zone.id}/{s.year}.md") if s.submitted
                else ("已报送" if s.state == UNDATED else "—"),
                "state": submission_text(s),
            } for s in y.rows],
        } for y in years],
        "evaluations": [{"zone": link(zone_short(e.zone), f"../zones/{e.zone.id}/index.md"), "text": _evaluation_text(e)}
                        for e in evaluations],
        "overview": link("建设进展概览", "index.md"),
    }  # fmt: skip
