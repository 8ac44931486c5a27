"""What every page module shares: the `Context` it receives (the catalog, the analysis, the Jinja
environment, the options pages need), front matter, number formatting, and the `Section` each module returns
(Markdown pages, other files, navigation entries).

Python computes, templates present: every figure and label a page shows is prepared in Python;
templates only lay it out. The Jinja environment escapes every printed value for Markdown unless it is
`Safe` (see `markup.py`), so text from YAML cannot inject markup even if a template forgets a filter.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import jinja2

from generator import i18n
from generator.analysis.stage import Analysis
from generator.analysis.stage import sorted_zones as sorted_zones  # the zones' order, one definition
from generator.analysis.stage import zone_sort_key as zone_sort_key
from generator.data.catalog import STATUS_LABELS, Catalog, ZoneRecord
from generator.data.models import Evaluated, Event, Indicator
from generator.i18n import N_
from generator.site.figures import date_text, figure
from generator.site.freshness import Freshness
from generator.site.markup import Safe, block, inline

TEMPLATES = "templates"  # the page templates' folder in the generator package (read by jinja2.PackageLoader)
NOT_REPORTED = "—"
# A section lists its zones (or cases) in the navigation only up to this many. Material renders the open
# section in full on each of its pages, so listing every page makes each page grow with the number of
# zones and the whole site with its square (README, "规模测试 / Scale"); beyond this the section's index
# page (the zone list, the case library) links them. Year pages are never listed: the zone page links them.
# mkdocs.yml's `not_in_nav` names the pages that may be left out.
NAV_MAX_PAGES = 30
# The zones' stages in the order the pages count them: the approved zones first (under construction, then by the
# outcome of the evaluation, revoked last), then those not yet approved.
STAGES = ("building", "due", "confirmed", "further_support", "rectification", "revoked", "public_notice", "applied")
# The indicators a zone is summed up by where there is no room for all of them (the zone list, the home page).
KEY_INDICATORS = ("tech_contract_turnover", "hitech_enterprises", "incubated_enterprises")


@dataclass(frozen=True)
class Context:
    """What a page module receives: the catalog, its analysis (computed once, in build.py: pages only word and
    lay out its facts) and the one Jinja environment."""

    catalog: Catalog
    analysis: Analysis
    env: jinja2.Environment
    site_url: str = ""  # the published address when it overrides site.yaml's (SITE_URL); feeds need it
    pdf: bool = True  # the summary PDFs are made (Options.pdf): pages link them and collect their print HTML
    freshness: Freshness | None = None  # the dates from the repository's history (site/freshness.py)
    # each chart's CSV (path -> bytes), collected as chart_html writes its link (charts.py); pages.py publishes them
    chart_files: dict[str, bytes] = field(default_factory=dict, compare=False)
    # each page's own share card (image path -> its words), collected as pages name theirs (share.page_card)
    share_cards: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)

    @property
    def base_url(self) -> str:
        """The site's published address for every absolute link (the feed, the summary PDFs, the downloads):
        SITE_URL when the build sets it, otherwise site.yaml's."""
        return self.site_url or self.catalog.site.site_url


@dataclass
class Section:
    """What a page module returns: Markdown pages and other files (paths relative to the generated
    folder, which MkDocs serves at the site's root) and its part of the navigation."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)
    pdf_jobs: dict[str, str] = field(default_factory=dict)  # PDF path -> print HTML, for build.py's PDF stage


def _finalize(value: Any) -> Any:
    if isinstance(value, Safe):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return i18n._("yes") if value else i18n._("no")
    if isinstance(value, (int, Decimal)):
        return str(value)
    return inline(value)


def make_env() -> jinja2.Environment:
    """The pages' templates (Markdown): generator/i18n.py's environment, escaping by `_finalize`."""
    env = i18n.make_env(
        jinja2.PackageLoader("generator", TEMPLATES),
        autoescape=False,  # Markdown, not HTML: `_finalize` escapes instead
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: block(text) if text else Safe("")
    # What a `{% set name %}…{% endset %}` block printed (every part escaped as it was printed), to fill a
    # placeholder of the catalogue's words without being escaped twice.
    env.filters["composed"] = Safe
    # The catalogue's words are the site's own Markdown (not escaped); the values they are filled with are
    # escaped as `{{ value }}` would be. (The print HTML gets the same from autoescape.)
    env.globals.update(
        _=lambda message, /, **params: Safe(i18n._(message, **_finalized(params))),
        gettext=lambda message, /, **params: Safe(i18n._(message, **_finalized(params))),
        pgettext=lambda context, message, /, **params: Safe(i18n.pgettext(context, message, **_finalized(params))),
        ngettext=lambda singular, plural, n, /, **params: Safe(
            i18n.ngettext(singular, plural, n, **_finalized(params))
        ),
    )
    return env


def _finalized(params: dict[str, Any]) -> dict[str, Any]:
    return {key: _finalize(value) for key, value in params.items()}


# The page about a zone or an indicator comes before the pages that only mention it (a news post's title
# holds the zone's name too): Material multiplies a page's search score by its front matter's search.boost.
ENTITY_PAGE_SEARCH = {"boost": 4}


def front_matter(title: str, sample: bool, description: str = "", **extra: Any) -> Safe:
    """YAML front matter for MkDocs; values are JSON-encoded (valid YAML, nothing interpreted)."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:  # the theme prints it unescaped into <meta content="…">: escape it for HTML here
        text = html.escape(" ".join(description.split()), quote=True)
        lines.append(f"description: {json.dumps(text, ensure_ascii=False)}")
    if sample:
        lines.append("sample: true")
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}")
    lines.append("---")
    return Safe("\n".join(lines) + "\n")


def fmt_number(value: Decimal, unit: str = "") -> str:
    """A computed figure (an exact total of written values): every decimal kept, no trailing zeros,
    thousands separated."""
    text = figure(value)
    return f"{text} {unit}".strip() if unit and unit != "%" else text + (unit if unit == "%" else "")


def h(text: object) -> Safe:
    """Text escaped for raw HTML that we write into a page (attributes included)."""
    return Safe(html.escape(str(text), quote=True))


def zone_short(zone: ZoneRecord) -> str:
    return zone.zone.short_name or zone.zone.name


def category_name(catalog: Catalog, ind: Indicator) -> str:
    return next((c.name for c in catalog.categories if c.id == ind.category), ind.category)


def _submission(event: str, year: int, on_time: bool | None) -> str:
    """The event of a report's submission: its name, the report's year and whether it was on time (None: not
    judged)."""
    if on_time is None:
        return i18n.pgettext("zone events: a report's submission", "%(event)s (%(year)s)", event=event, year=year)
    if on_time:
        return i18n.pgettext(
            "zone events: a report's submission", "%(event)s (%(year)s, on time)", event=event, year=year
        )
    return i18n.pgettext("zone events: a report's submission", "%(event)s (%(year)s, late)", event=event, year=year)


# A post's title, by event kind (evaluations by result); translated where used.
_TITLES = {
    "applied": N_("%(zone)s applies to be built"),
    "public_notice": N_("%(zone)s passes the review and is publicly announced"),
    "approved": N_("%(zone)s is approved to be built"),
    "plan_revised": N_("%(zone)s revises its construction plan"),
    "confirmed": N_("%(zone)s passes the end-of-period evaluation and is confirmed"),
    "rectification": N_("The end-of-period evaluation of %(zone)s concludes: rectification"),
    "revoked": N_("%(zone)s is revoked after the end-of-period evaluation"),
    "further_support": N_("%(zone)s receives further support after the end-of-period evaluation"),
}


def post_title(zone: ZoneRecord, event: Event) -> str:
    """The title of an event's news post (the news section's posts, the home page's latest news)."""
    key = event.result if isinstance(event, Evaluated) else event.kind
    return i18n._(_TITLES[key], zone=zone.zone.name)


def stage_count(status: str, count: int) -> str:
    """How many zones have a status (e.g. "under construction: 1 zone")."""
    return i18n.pgettext(
        "home page: a status and how many zones have it",
        "%(status)s: %(count)s zones",
        status=STATUS_LABELS[status][0],
        count=count,
    )


def stage_counts(zones: Iterable[ZoneRecord]) -> str:
    """How many of these zones have each status, every status on its own: a count of
    zones never adds statuses together unsaid."""
    statuses: list[str] = [z.status for z in zones]
    return i18n.pgettext("a list of counts", ", ").join(stage_count(s, n) for s in STAGES if (n := statuses.count(s)))


def published_events(catalog: Catalog) -> list[tuple[ZoneRecord, Event, str]]:
    """Every lifecycle event dated on or before the as-of date, with the slug of its news post (ASCII: date,
    zone id, kind): zones by id, each zone's events in file order. The news section makes a post of each, the
    home page links the latest."""
    out: list[tuple[ZoneRecord, Event, str]] = []
    for zone in sorted(catalog.zones.values(), key=lambda z: z.id):
        seen: dict[str, int] = {}
        for event in zone.zone.events:
            if event.date > catalog.as_of:
                continue
            slug = f"{event.date.isoformat()}-{zone.id}-{event.kind.replace('_', '-')}"
            seen[slug] = seen.get(slug, 0) + 1
            if seen[slug] > 1:  # the same kind twice on one day: keep both, numbered in file order
                slug = f"{slug}-{seen[slug]}"
            out.append((zone, event, slug))
    return out


def zone_events(catalog: Catalog, zone: ZoneRecord) -> list[dict[str, Any]]:
    """Lifecycle events from zone.yaml plus the report submissions derived from the annual reports (the zone
    page lists them, the home page shows the latest of all zones)."""
    out: list[dict[str, Any]] = []
    for event in zone.zone.events:
        label = catalog.ref_name("event_kinds", event.kind)
        if isinstance(event, Evaluated):
            label = i18n.pgettext(
                "zone events: an event with its result",
                "%(event)s: %(result)s",
                event=label,
                result=catalog.ref_name("evaluation_results", event.result),
            )
        document = getattr(event, "document", None)
        out.append({"date": event.date, "label": label, "document": document or "", "note": event.note or ""})
    for year, report in zone.reports.items():
        if report.report.submitted and not report.report.baseline:
            out.append(
                {
                    "date": report.report.submitted,
                    "document": "",
                    "note": "",
                    "label": _submission(catalog.ref_name("event_kinds", "report_submitted"), year, report.on_time),
                }
            )
    out.sort(key=lambda e: e["date"])
    return [{**e, "date": date_text(e["date"])} for e in out]
