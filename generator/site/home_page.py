"""The home page: which zones are doing well, at a glance and with numbers. In its first screens: the zones by
status (each status counted on its own, with what it counts; each approved zone with its key figures and a
link), the end-of-period targets by status (the counts of /progress/), the performance groups of the latest
composite index (those of /analysis/) and the latest news; then what the programme is, featured cases and the
latest year's totals, folded. The facts come from `ctx.analysis`; this module words and lays them out."""

from __future__ import annotations

from typing import Any

from generator.analysis import composite as ci
from generator.analysis.targets import STATUSES
from generator.data.catalog import CaseRecord, Catalog, ZoneRecord
from generator.i18n import NP_, pgettext
from generator.site.common import (
    KEY_INDICATORS,
    STAGES,
    Context,
    Section,
    fmt_number,
    front_matter,
    h,
    post_title,
    published_events,
    sorted_zones,
    stage_count,
    zone_short,
    zone_sort_key,
)
from generator.site.composite_words import group_name, group_rule, score_text
from generator.site.figures import date_text, reading_text
from generator.site.freshness import release_title, updated_text
from generator.site.markup import Safe, inline, link
from generator.site.paths import (
    ANALYSIS_INDEX,
    HOME,
    NEWS_INDEX,
    POLICY_INDEX,
    PROGRESS_INDEX,
    ZONES_INDEX,
    case_page,
    href,
    hrefs,
    indicator_name,
    news_post,
    zone_page,
)
from generator.site.progress_words import count_text, listed
from generator.site.revision_words import revised_mark, revisions_of
from generator.site.series import with_unit

APPROVED = STAGES[:6]
# What each status's count counts (translated where used).
MEANINGS = {
    "building": NP_("home page: what a status's count counts", "approved, within the construction period"),
    "due": NP_("home page: what a status's count counts", "construction period over, the evaluation not yet concluded"),
    "confirmed": NP_("home page: what a status's count counts", "confirmed by the end-of-period evaluation"),
    "further_support": NP_("home page: what a status's count counts", "given further support after the evaluation"),
    "rectification": NP_("home page: what a status's count counts", "to be rectified after the evaluation"),
    "revoked": NP_("home page: what a status's count counts", "revoked after the evaluation: no longer a zone"),
    "public_notice": NP_("home page: what a status's count counts", "passed the review, in public notice, not yet approved"),
    "applied": NP_("home page: what a status's count counts", "applied, not yet reviewed or approved"),
}  # fmt: skip
NEWS = 5  # news posts on the home page


def make_home_page(ctx: Context) -> Section:
    return Section(pages={HOME: ctx.env.get_template("home.md.j2").render(**_home_view(ctx))}, nav=[{_title(): HOME}])


def _title() -> str:
    """The home page's title, and its entry in the navigation."""
    return pgettext("home page: title", "Home")


def _home_view(ctx: Context) -> dict[str, Any]:
    catalog = ctx.catalog
    return {
        # no table of contents: on a wide screen the four answers take two columns beside the navigation
        "fm": front_matter(_title(), catalog.has_sample, catalog.site.description, hide=["toc"]),
        "site": catalog.site,
        "as_of": date_text(catalog.as_of),
        "policy": link(catalog.site.policy_title, href(HOME, POLICY_INDEX)),
        "statuses": _statuses(ctx),
        "targets": _targets(ctx),
        "groups": _groups(ctx),
        "news": _news(ctx),
        "updated": updated_text(ctx.freshness.latest()) if ctx.freshness else "",
        "totals": _totals(ctx),
        "cases": [
            {"link": link(c.case.title, href(HOME, case_page(c.slug))), "summary": c.case.summary}
            for c in _featured(catalog)
        ],
        "links": hrefs(HOME, progress=PROGRESS_INDEX, analysis=ANALYSIS_INDEX, news=NEWS_INDEX, zones=ZONES_INDEX),
    }


def _joined(links: Any) -> Safe:
    """Links to zones in running text."""
    return Safe(pgettext("home page: between zone names", ", ").join(links))


# --- the zones by status ----------------------------------------------------------------------------------


def _statuses(ctx: Context) -> list[dict[str, Any]]:
    """One entry per status that has zones: its count, what it counts, and its zones (with their key figures
    when approved)."""
    zones = sorted_zones(ctx.catalog)
    out = []
    for status in STAGES:
        members = [z for z in zones if z.status == status]
        if not members:
            continue
        out.append({
            "key": h(status),
            "anchor": h("stage-" + status.replace("_", "-")),
            "heading": stage_count(status, len(members)),
            "meaning": pgettext(*MEANINGS[status]),
            "zones": [_card(ctx, z) for z in members] if status in APPROVED else [],
            "names": _joined(
                link(zone_short(z), href(HOME, zone_page(z.id))) for z in members
            ),
        })  # fmt: skip
    return out


def _card(ctx: Context, zone: ZoneRecord) -> dict[str, Any]:
    """An approved zone's key figures: its latest composite index and group, its targets by status, and the
    latest values of the key indicators."""
    lines = []
    revisions = revisions_of(ctx)  # a revised key value is marked
    score = ctx.analysis.composite.latest_for(zone.id)
    if score is not None and score.group is not None:
        lines.append(pgettext("home page: a zone's composite index", "Composite index %(year)s: %(score)s, group "
                              "“%(group)s”", year=score.year, score=score_text(score.score),
                              group=group_name(score.group)))  # fmt: skip
    progress = ctx.analysis.progress_for(zone.id)
    if progress is not None and progress.targets:
        counts = listed(count_text(s, n) for s in STATUSES if (n := progress.count(s)))
        lines.append(pgettext("home page: a zone's targets", "%(total)s end-of-period targets: %(counts)s",
                              total=len(progress.targets), counts=counts))  # fmt: skip
    for ind in ctx.catalog.indicators:
        if ind.id not in KEY_INDICATORS:
            continue
        latest = _latest(zone, ind.id)
        if latest is not None:
            lines.append(Safe(pgettext("home page: a key figure", "%(indicator)s: %(value)s (%(year)s)",
                                       indicator=indicator_name(ctx.catalog, ind, HOME),
                                       value=inline(with_unit(latest[0], ind.unit)), year=latest[1])
                              + revised_mark(revisions, zone.id, latest[1], ind.id, HOME)))  # fmt: skip
    return {"key": h(zone.id), "link": link(zone_short(zone), href(HOME, zone_page(zone.id))), "lines": lines}


def _latest(zone: ZoneRecord, ind_id: str) -> tuple[str, int] | None:
    """The zone's latest non-baseline value of an indicator as the site shows it (`reading_text`: as written,
    thousands separated, or its marker), and its year."""
    for year in sorted(zone.reports, reverse=True):
        report = zone.reports[year]
        reading = report.readings.get(ind_id)
        if not report.report.baseline and reading is not None:
            return reading_text(reading) or "—", year
    return None


# --- targets, groups, news --------------------------------------------------------------------------------


def _targets(ctx: Context) -> dict[str, Any]:
    counts = ctx.analysis.target_counts()
    return {
        "total": sum(counts.values()),
        "counts": [count_text(s, n) for s, n in counts.items()],
    }


def _groups(ctx: Context) -> dict[str, Any]:
    """The latest published year of the composite index: each performance group with its zones."""
    published = ctx.analysis.composite.published
    if not published:
        return {}
    index = published[-1]
    groups = []
    for group in ci.GROUPS:
        members = [z for z in index.shown if z.group is group]
        if not members:
            continue
        names = [
            pgettext("home page: a zone and its score", "%(zone)s (%(score)s)",
                     zone=link(zone_short(ctx.catalog.zones[z.zone]), href(HOME, zone_page(z.zone))),
                     score=score_text(z.score))
            for z in members
        ]  # fmt: skip
        groups.append({
            "key": h(group.value),
            "line": Safe(pgettext("home page: a performance group, its rule and its zones", "**%(group)s: %(count)s zones** "
                             "(%(rule)s): %(zones)s", group=group_name(group), count=len(members),
                             rule=group_rule(group), zones=_joined(names))),
        })  # fmt: skip
    changes = [link(zone_short(ctx.catalog.zones[z.zone]), href(HOME, zone_page(z.zone))) for z in index.shown
               if z.stable is False]  # fmt: skip
    return {"year": index.year, "groups": groups, "changes": _joined(changes) if changes else ""}


def _news(ctx: Context) -> list[dict[str, Any]]:
    """The latest news posts (the news section's, newest first: the events', the data releases' and those
    written by hand), each linked."""
    posts = [(event.date, news_post(slug), post_title(zone, event))
             for zone, event, slug in published_events(ctx.catalog)]  # fmt: skip
    if ctx.freshness is not None:
        posts += [(r.as_of, news_post(r.slug), release_title(r)) for r in ctx.freshness.releases]
        posts += [(post.date, post.uri, post.title) for post in ctx.freshness.hand_posts]
    latest = sorted(posts, key=lambda p: (p[0], p[1]), reverse=True)[:NEWS]
    return [{"date": date_text(day), "link": link(title, href(HOME, page))} for day, page, title in latest]


# --- below the first screens ------------------------------------------------------------------------------


def _totals(ctx: Context) -> list[dict[str, Any]]:
    """The latest year's totals of the summable indicators, one table per year and set of zones added up (the
    heading names them once)."""
    catalog = ctx.catalog
    tables: dict[tuple[int, tuple[str, ...]], list[dict[str, Any]]] = {}
    for total in ctx.analysis.totals:
        ind = catalog.indicator(total.indicator)
        assert ind is not None
        tables.setdefault((total.year, total.zone_ids), []).append({
            "name": indicator_name(catalog, ind, HOME),
            "value": fmt_number(total.total, ind.unit or ""),
        })  # fmt: skip
    return [
        {
            "year": year,
            "zones": _joined(link(zone_short(z), href(HOME, zone_page(z.id))) for z in _in_order(catalog, zone_ids)),
            "names": pgettext("home page: between zone names", ", ").join(
                zone_short(z) for z in _in_order(catalog, zone_ids)
            ),
            "rows": rows,
        }
        for (year, zone_ids), rows in sorted(tables.items(), key=lambda t: -t[0][0])
    ]


def _in_order(catalog: Catalog, zone_ids: tuple[str, ...]) -> list[ZoneRecord]:
    return sorted((catalog.zones[z] for z in zone_ids), key=zone_sort_key)


def _featured(catalog: Catalog, count: int = 4) -> list[CaseRecord]:
    """The newest case of each task, newest first, so the home page shows a spread of the seven tasks."""
    picked: list[CaseRecord] = []
    for case in sorted(catalog.cases, key=lambda c: (-c.case.year, c.slug)):
        if len(picked) < count and case.case.task not in {p.case.task for p in picked}:
            picked.append(case)
    return picked
