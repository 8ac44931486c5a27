"""A zone's 年度建设情况数据摘要 (annual summary of its construction data): one page per zone and report
year, built from the published data (never the zone's own 年度建设报告), and a PDF of the latest one.

The summary says what the zone is (basic facts), the year's indicator values with the change on the year
before, how far the year's values reached the targets in force at the year's end, the year's highlights,
its experiences (cases) and its events. `summary_data` computes it all once as plain text; the Markdown page
and the print HTML (rendered to PDF by WeasyPrint) only lay it out.

PDF: on unless the options say no (`PDF=0`: `make serve` does, so live reload stays fast). WeasyPrint
renders a standalone HTML page with its own CSS and the system's Noto CJK fonts; it may fetch nothing (the
URL fetcher refuses every URL), and the PDF carries no dates, so the same data gives the same bytes.
The pages only collect each PDF's print HTML (`Section.pdf_jobs`); build.py's PDF stage renders them all at
once after the pages (`render_pdfs`): on several cores in parallel, and each one kept in the cache folder the
options name (`build/pdf-cache/` by default, or `PDF_CACHE`) under the hash of its HTML and the WeasyPrint
version, so a rebuild renders only the summaries whose content changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.resources
import os
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import markupsafe

from generator import i18n
from generator.analysis.stage import Analysis
from generator.analysis.targets import BEHIND, ON_COURSE, Judgement, fmt_fraction
from generator.data.catalog import STATUS_LABELS, Catalog, ZoneRecord, derive_status
from generator.data.kinds import KINDS
from generator.data.models import Approved, Evaluated, Indicator
from generator.site.common import Context, Section, category_name, front_matter, sorted_zones, zone_short
from generator.site.markup import block, link
from generator.site.paths import summary_pdf_path, year_page, zone_csv_path
from generator.site.progress_words import reason_text, status_label
from generator.site.series import NOT_REPORTED, Point, changes, fmt_decimal, with_unit, zone_series

DISCLAIMER = (
    "本摘要由本站根据已公开的年度数据自动生成，汇总该年度的指标数值、目标进度、建设亮点、经验案例和建设程序事件，"
    "不是示范区报送的年度建设报告，也不代替年度建设报告。"
)
SAMPLE_NOTE = "本摘要中的数字和事件为虚构的示例，仅用于演示网站功能，不代表任何示范区的真实情况。"
PRINT_CSS = "templates/summary_print.css"  # in the generator package


def summary_title(zone: ZoneRecord, year: int) -> str:
    return f"{zone_short(zone)} {year} 年度建设情况数据摘要"


def latest_year(zone: ZoneRecord) -> int | None:
    return max(zone.reports) if zone.reports else None


# --- the data ---------------------------------------------------------------------------------------


def _submission(zone: ZoneRecord, year: int) -> str:
    report = zone.reports[year]
    due = dt.date(year + 1, 1, 31).isoformat()
    if report.report.baseline:
        when = f"，报送日期 {report.report.submitted.isoformat()}" if report.report.submitted else ""
        return f"基期数据（批复建设前一年的基线），随申报材料提供{when}。"
    if report.report.submitted is None:
        return f"未记录报送日期（应于 {due} 前报送）。"
    timing = "按时报送" if report.on_time else "逾期报送"
    return f"年度建设报告报送日期：{report.report.submitted.isoformat()}（截止日期 {due}，{timing}）。"


def _facts(catalog: Catalog, zone: ZoneRecord, year: int) -> list[tuple[str, str]]:
    z = zone.zone
    approved = next((e for e in z.events if isinstance(e, Approved)), None)
    year_end = dt.date(year, 12, 31)
    at_year_end = derive_status(tuple(z.events), z.period.end, min(year_end, catalog.as_of))
    parks = "；".join(
        f"{p.name}（{catalog.ref_name('park_levels', p.level)}{catalog.ref_name('park_kinds', p.kind)}）"
        for p in z.parks
    )
    return [
        ("示范区全称", z.name),
        ("建设主体", catalog.ref_name("cities", z.city)),
        ("级别", catalog.ref_name("zone_levels", z.level)),
        ("载体园区", parks),
        (f"{year} 年末状态", STATUS_LABELS[at_year_end][0]),
        (f"当前状态（截至 {catalog.as_of.isoformat()}）", STATUS_LABELS[zone.status][0]),
        ("建设期", f"{z.period.start}—{z.period.end} 年"),
        ("批复日期", approved.date.isoformat() if approved else "尚未批复"),
        ("批复文号", approved.document if approved else "—"),
        ("管理部门", z.management_department),
    ]


def _point(zone: ZoneRecord, ind: Indicator, year: int) -> tuple[Point, str]:
    series = zone_series(zone, ind)
    index = next(i for i, p in enumerate(series.points) if p.year == year)
    return series.points[index], changes(series)[index]


def _values(catalog: Catalog, zone: ZoneRecord, year: int, indicators: list[Indicator]) -> list[dict[str, str]]:
    rows = []
    for ind in indicators:
        if not KINDS[ind.kind].numeric:
            continue
        series = zone_series(zone, ind)
        index = next(i for i, p in enumerate(series.points) if p.year == year)
        before = next((p for p in series.points if p.year == year - 1), None)
        rows.append({
            "category": category_name(catalog, ind) if ind in catalog.indicators else "自设指标",
            "name": ind.name, "unit": ind.unit or "", "value": series.points[index].shown,
            "before": before.shown if before else NOT_REPORTED, "change": changes(series)[index],
        })  # fmt: skip
    return rows


def target_share(value: Decimal | None, target: Decimal) -> str:
    """The share of the end-of-period target that one year's value reaches ("—" without a number or with a
    zero target). Only the share: whether that is on course is generator/analysis/targets.py's business,
    and the lead can put its status into the 目标进度 table's last column here."""
    if value is None or target == 0:
        return NOT_REPORTED
    return fmt_decimal(value / target * 100, 1) + "%"


def _targets(
    catalog: Catalog, analysis: Analysis, zone: ZoneRecord, year: int, indicators: list[Indicator]
) -> list[dict[str, str]]:
    """Per indicator with a target in force at the year's end (revisions dated up to 31 December count)."""
    targets = zone.targets_at(dt.date(year, 12, 31))
    rows = []
    for ind in indicators:
        if not KINDS[ind.kind].numeric or ind.id not in targets:
            continue
        point, _ = _point(zone, ind, year)
        rows.append({
            "name": ind.name, "unit": ind.unit or "", "target": with_unit(fmt_decimal(targets[ind.id]), ind.unit),
            "value": with_unit(point.shown, ind.unit) if point.number is not None else point.shown,
            "share": target_share(point.number, targets[ind.id]),
            "status": _status(analysis.year_targets[(zone.id, year, ind.id)]),
        })  # fmt: skip
    return rows


def _status(judgement: Judgement) -> str:
    """The year's value against the straight line from the baseline to the target (the analysis stage's
    judgement, analysis/targets.py: `year_judgement`)."""
    line = f"（进度线 {fmt_fraction(judgement.expected)}）" if judgement.expected is not None else ""
    reason = f"：{reason_text(judgement.reason)}" if judgement.reason else ""
    return status_label(judgement.status) + (line if judgement.status in (ON_COURSE, BEHIND) else "") + reason


def _events(catalog: Catalog, zone: ZoneRecord, year: int) -> list[dict[str, str]]:
    """The zone's lifecycle events dated in the year, and the submission of the year's report."""
    out: list[tuple[dt.date, str, str, str]] = []
    for event in zone.zone.events:
        if event.date.year != year:
            continue
        label = catalog.ref_name("event_kinds", event.kind)
        if isinstance(event, Evaluated):
            label += "：" + catalog.ref_name("evaluation_results", event.result)
        out.append((event.date, label, getattr(event, "document", None) or "", event.note or ""))
    report = zone.reports[year]
    if report.report.submitted and not report.report.baseline:
        timing = {True: "按时", False: "逾期", None: ""}[report.on_time]
        label = f"{catalog.ref_name('event_kinds', 'report_submitted')}（{year} 年度，{timing}）"
        out.append((report.report.submitted, label, "", ""))
    out.sort(key=lambda e: (e[0], e[1]))
    return [{"date": d.isoformat(), "label": label, "document": doc, "note": note} for d, label, doc, note in out]


def _cases(catalog: Catalog, zone: ZoneRecord, year: int) -> list[dict[str, str]]:
    cases = sorted((c for c in catalog.cases if c.zone_id == zone.id and c.case.year == year), key=lambda c: c.slug)
    tasks = {t.id: t.name for t in catalog.tasks}
    return [{"slug": c.slug, "title": c.case.title, "task": tasks.get(c.case.task, c.case.task)} for c in cases]


def _notes(catalog: Catalog, zone: ZoneRecord, year: int) -> list[dict[str, str]]:
    out = []
    for ind_id, reading in zone.reports[year].readings.items():
        if reading.note or reading.source:
            ind = catalog.indicator(ind_id, zone.id)
            out.append(
                {"name": ind.name if ind else ind_id, "note": reading.note or "", "source": reading.source or ""}
            )
    return out


def summary_data(catalog: Catalog, analysis: Analysis, zone: ZoneRecord, year: int) -> dict[str, Any]:
    """Everything the summary says, as plain text (escaped by whichever template lays it out)."""
    report = zone.reports[year]
    indicators = [*catalog.indicators, *zone.own_indicators]
    label = f"{year} 年度（基期）" if report.report.baseline else f"{year} 年度"
    return {
        "title": f"{zone_short(zone)} {label}建设情况数据摘要",
        "short_title": summary_title(zone, year),
        "year": year,
        "sample": zone.zone.sample,
        "as_of": catalog.as_of.isoformat(),
        "facts": _facts(catalog, zone, year),
        "submission": _submission(zone, year),
        "highlights": list(report.report.highlights),
        "values": _values(catalog, zone, year, indicators),
        "targets": _targets(catalog, analysis, zone, year, indicators),
        "revised": any(e.kind == "plan_revised" and e.date <= dt.date(year, 12, 31) for e in zone.zone.events),
        "qualitative": [
            {"name": ind.name, "text": _point(zone, ind, year)[0].shown}
            for ind in indicators
            if not KINDS[ind.kind].numeric
        ],
        "cases": _cases(catalog, zone, year),
        "events": _events(catalog, zone, year),
        "notes": _notes(catalog, zone, year),
    }


# --- the page ---------------------------------------------------------------------------------------


def _page_view(catalog: Catalog, analysis: Analysis, zone: ZoneRecord, year: int, pdf: bool) -> dict[str, Any]:
    data = summary_data(catalog, analysis, zone, year)
    years = sorted(zone.reports)
    k = years.index(year)
    highlights = "\n".join("- " + item.replace("\n", "\n  ") for item in data["highlights"])
    return {
        **data,
        "fm": front_matter(data["short_title"], zone.zone.sample,
                           f"{zone.zone.name} {year} 年度建设情况数据摘要", search={"exclude": True}),
        "zone_link": link(zone.zone.name, "index.md"),
        "highlights": block(highlights) if highlights else "",
        "cases": [{**c, "link": link(c["title"], f"../../cases/{c['slug']}.md")} for c in data["cases"]],
        "pdf": link(f"下载 PDF（{year} 年度摘要）", f"summary-{year}.pdf") if pdf else "",
        "previous": link(f"{years[k - 1]} 年度", f"{years[k - 1]}.md") if k > 0 else "",
        "next": link(f"{years[k + 1]} 年度", f"{years[k + 1]}.md") if k + 1 < len(years) else "",
        "csv": link("下载本示范区各年度数据（CSV）", "../../" + zone_csv_path(zone.id)),
    }  # fmt: skip


def make_summary_pages(ctx: Context) -> Section:
    """Every zone's summary pages (linked from the zone pages, not listed in the navigation); the print HTML
    of each zone's latest summary goes into the section's `pdf_jobs` (PDF path -> HTML) when `ctx.pdf`, for
    build.py's PDF stage (`render_pdfs` over all zones)."""
    out = Section()
    for zone in sorted_zones(ctx.catalog):
        latest = latest_year(zone)
        for year in sorted(zone.reports):
            with_pdf = ctx.pdf and year == latest
            view = _page_view(ctx.catalog, ctx.analysis, zone, year, with_pdf)
            out.pages[year_page(zone.id, year)] = ctx.env.get_template("zone_year.md.j2").render(**view)
            if with_pdf:
                html = summary_html(ctx.catalog, ctx.analysis, zone, year, ctx.site_url)
                out.pdf_jobs[summary_pdf_path(zone.id, year)] = html
    return out


PARALLEL_FROM = 4  # fewer PDFs than this are rendered in this process: starting workers costs more


def _cache_key(html: str) -> str:
    from weasyprint import __version__ as weasyprint_version

    return hashlib.sha256(f"weasyprint {weasyprint_version}\0{html}".encode()).hexdigest()


def render_pdfs(jobs: dict[str, str], cache: Path | None) -> dict[str, bytes]:
    """PDF path -> bytes for each (path -> print HTML): from the `cache` folder when the same HTML was
    rendered before, otherwise rendered (in parallel on every core when there are several) and kept there;
    with no `cache`, rendered and kept nowhere."""
    if not jobs:
        return {}
    keys = {path: _cache_key(html) for path, html in jobs.items()}
    out: dict[str, bytes] = {}
    for path, key in keys.items():
        cached = cache / f"{key}.pdf" if cache is not None else None
        if cached is not None and cached.is_file():
            out[path] = cached.read_bytes()
    todo = sorted(p for p in jobs if p not in out)
    htmls = [jobs[p] for p in todo]
    workers = min(os.cpu_count() or 1, len(todo))
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rendered = list(pool.map(html_to_pdf, htmls, chunksize=max(1, len(todo) // (workers * 4))))
    else:
        rendered = [html_to_pdf(html) for html in htmls]
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    for path, pdf in zip(todo, rendered, strict=True):
        out[path] = pdf
        if cache is None:
            continue
        tmp = cache / f"{keys[path]}.{os.getpid()}.tmp"
        tmp.write_bytes(pdf)
        tmp.replace(cache / f"{keys[path]}.pdf")
    return dict(sorted(out.items()))


# --- the PDF ----------------------------------------------------------------------------------------


def summary_html(catalog: Catalog, analysis: Analysis, zone: ZoneRecord, year: int, site_url: str = "") -> str:
    """The standalone print HTML of a summary (what WeasyPrint renders); text is escaped by autoescape,
    highlights are the same safe Markdown rendering the site uses."""
    data = summary_data(catalog, analysis, zone, year)
    base = (site_url or catalog.site.site_url).rstrip("/") + "/"
    env = i18n.make_env(autoescape=True)  # everything printed is HTML-escaped unless it is markupsafe.Markup
    return env.get_template("summary_print.html.j2").render(
        **data,
        disclaimer=DISCLAIMER,
        sample_note=SAMPLE_NOTE,
        site_title=catalog.site.title,
        page_url=f"{base}zones/{zone.id}/{year}/",
        case_url=lambda slug: f"{base}cases/{slug}/",
        highlights_html=[markupsafe.Markup(block(text)) for text in data["highlights"]],
        css=markupsafe.Markup(importlib.resources.files("generator").joinpath(PRINT_CSS).read_text(encoding="utf-8")),
    )


def summary_pdf(catalog: Catalog, analysis: Analysis, zone: ZoneRecord, year: int, site_url: str = "") -> bytes:
    return html_to_pdf(summary_html(catalog, analysis, zone, year, site_url))


def html_to_pdf(html: str) -> bytes:
    """A4 PDF of a self-contained HTML page: nothing fetched (an image at any URL, remote, `data:` or a file,
    is left out: WeasyPrint shows its alt text; the check refuses such images, and the build must not stop on
    one that got through), no dates in the file (WeasyPrint writes a creation date only when the HTML names
    one; the file identifier is a hash of the content), so the same HTML gives the same bytes with the same
    WeasyPrint and fonts."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher, URLFetchingError
    except (ImportError, OSError) as error:  # OSError: the Debian pango libraries are missing
        raise RuntimeError(
            "PDF 需要 WeasyPrint 和 Debian 的 pango 库（libpango-1.0-0、libpangoft2-1.0-0）；或设 PDF=0 不生成 PDF。"
            f" / PDFs need WeasyPrint and pango, or set PDF=0: {error}"
        ) from error

    class NoFetch(URLFetcher):  # type: ignore[misc]
        """The summary is self-contained: nothing is fetched. The refusal is not fatal: WeasyPrint leaves the
        resource out (an image shows its alt text) and goes on, so the build completes."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            raise URLFetchingError(f"the summary PDF fetches nothing: {url[:80]!r}")

    pdf: bytes = HTML(string=html, url_fetcher=NoFetch()).write_pdf()
    return pdf
