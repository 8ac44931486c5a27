"""Learning from other zones, in words (issue 16, section 4): the zone page's "experience to learn from" (the
other zones' cases that fit its relative weaknesses) and the indicator page's cases that cite it. The facts
come from the analysis (generator/analysis/learn.py); this module words and links them, and computes nothing."""

from __future__ import annotations

from generator.analysis.learn import Evidence, Learning
from generator.data.catalog import CaseRecord, Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.data.revisions import Revisions
from generator.i18n import NP_, pgettext
from generator.site.common import zone_short
from generator.site.figures import reading_text
from generator.site.markup import Safe, inline, link
from generator.site.paths import case_page, href, indicator_name
from generator.site.revision_words import revised_mark
from generator.site.series import fmt_decimal, with_unit

# why a case is offered: the zone's standing on the indicator, as its page's weaknesses list gives it (by the
# value, or by the growth rate for a number or amount; tied where another zone has the same), then the evidence
_STANDING = {
    (False, False): NP_(
        "learning",
        "this zone ranks %(rank)s of the %(among)s zones with a value (percentile %(percentile)s), a relative "
        "weakness; %(evidence)s",
    ),
    (False, True): NP_(
        "learning",
        "this zone ranks tied %(rank)s of the %(among)s zones with a value (percentile %(percentile)s), a relative "
        "weakness; %(evidence)s",
    ),
    (True, False): NP_(
        "learning",
        "this zone's growth rate ranks %(rank)s of the %(among)s zones with a growth rate (percentile "
        "%(percentile)s), a relative weakness; %(evidence)s",
    ),
    (True, True): NP_(
        "learning",
        "this zone's growth rate ranks tied %(rank)s of the %(among)s zones with a growth rate (percentile "
        "%(percentile)s), a relative weakness; %(evidence)s",
    ),
}


def _value(catalog: Catalog, e: Evidence, year: int, page: str, revisions: Revisions | None) -> str:
    """The case zone's value in that year, as the site shows it (thousands separated), with the unit, and the mark
    “revised” (linking its history, from the page `page`) where it was revised after it was published."""
    zone = catalog.zones[e.zone]
    ind = catalog.indicator(e.indicator, e.zone)
    reading = zone.reports[year].readings[e.indicator]
    unit = ind.unit if ind else None
    shown = with_unit(inline(reading_text(reading)), unit if unit in (None, "%") else inline(unit))
    return shown + revised_mark(revisions, e.zone, year, e.indicator, page)


def evidence_sentence(catalog: Catalog, e: Evidence, page: str = "", revisions: Revisions | None = None) -> str:
    """What the data say of the case zone's value: before and after, and whether it rose, fell or stayed
    (Markdown: the editors' words in it, the zone's name and the unit, are escaped), on the page `page`: each value
    revised since it was published (`revisions`, None without history) is marked."""
    zone = inline(zone_short(catalog.zones[e.zone]))
    if e.before is None:
        return pgettext(
            "learning",
            "%(zone)s has no value of this indicator for %(year)s, the year before the case.",
            zone=zone,
            year=e.before_year,
        )
    if e.after is None or e.after_year is None:
        return pgettext(
            "learning",
            "%(zone)s has no value of this indicator from %(year)s, the case's year, on.",
            zone=zone,
            year=e.before_year + 1,
        )
    words = {
        "zone": zone,
        "before": _value(catalog, e, e.before_year, page, revisions),
        "before_year": e.before_year,
        "after": _value(catalog, e, e.after_year, page, revisions),
        "after_year": e.after_year,
    }
    if e.after > e.before:
        return pgettext(
            "learning",
            "%(zone)s's value of this indicator rose from %(before)s (%(before_year)s) to %(after)s (%(after_year)s).",
            **words,
        )
    if e.after < e.before:
        return pgettext(
            "learning",
            "%(zone)s's value of this indicator fell from %(before)s (%(before_year)s) to %(after)s (%(after_year)s).",
            **words,
        )
    return pgettext(
        "learning",
        "%(zone)s's value of this indicator stayed level: %(before)s (%(before_year)s) and %(after)s (%(after_year)s).",
        **words,
    )


def _case_link(catalog: Catalog, e: Evidence, page: str) -> str:
    case = next(c for c in catalog.cases if c.slug == e.case)
    where = pgettext(
        "learning",
        " (%(zone)s, %(year)s)",
        zone=inline(zone_short(catalog.zones[e.zone])),
        year=case.case.year,
    )
    return f"{link(case.case.title, href(page, case_page(e.case)))}{where}"


def lessons_block(
    catalog: Catalog, learning: Learning, zone: ZoneRecord, page: str, revisions: Revisions | None = None
) -> Safe:
    """The zone page's section: for each relative weakness, the other zones' cases whose value of it rose (the
    revised values marked, `revisions`)."""
    heading = pgettext("learning", "Experience to learn from")
    out = [f"## {heading}", ""]
    if zone.id not in learning.lessons:
        out.append(
            pgettext(
                "learning",
                "No experience of other zones is suggested yet: this zone has no composite index, so its relatively "
                "weak indicators are not known.",
            )
        )
        return Safe("\n".join(out) + "\n")
    lessons = learning.lessons[zone.id]
    if not lessons:
        out.append(
            pgettext(
                "learning",
                "No experience of other zones is suggested: no indicator of this zone ranks in the lower half "
                "among the zones.",
            )
        )
        return Safe("\n".join(out) + "\n")
    out.append(
        pgettext(
            "learning",
            "For each relative weakness of this zone (see “Overall performance” above), the cases of other zones "
            "whose results cite that indicator and whose own value of it rose: the value in the year before the "
            "case's year against the latest value from the case's year on. A case whose value did not rise, or "
            "that lacks either value, is not listed.",
        )
    )
    for lesson in lessons:
        s = lesson.standing
        ind = catalog.indicator(s.indicator)
        name = indicator_name(catalog, ind, page) if ind else inline(s.indicator)
        out += ["", f"**{name}**", ""]
        growth = ind is not None and KINDS[ind.kind].index == "growth"  # the index takes it as a growth rate
        if not lesson.cases:
            out.append(
                "- "
                + pgettext(
                    "learning",
                    "No case of another zone cites this indicator with data showing that it rose.",
                )
            )
            continue
        for e in lesson.cases:
            why = pgettext(
                *_STANDING[(growth, s.tied)],
                among=s.among,
                rank=s.rank,
                percentile=fmt_decimal(s.percentile, 1),
                evidence=evidence_sentence(catalog, e, page, revisions),
            )
            colon = pgettext("learning", ": ")
            out.append(f"- {_case_link(catalog, e, page)}{colon}{why}")
    return Safe("\n".join(out) + "\n")


def citing_block(
    catalog: Catalog, learning: Learning, ind: Indicator, page: str, revisions: Revisions | None = None
) -> Safe:
    """The indicator page's section: every case that cites the indicator, with its zone's before and after (the
    revised values marked, `revisions`)."""
    heading = pgettext("learning", "Cases citing this indicator")
    out = [f"## {heading}", ""]
    citing = learning.citing(ind.id)
    if not citing:
        out.append(pgettext("learning", "No case cites this indicator yet."))
        return Safe("\n".join(out) + "\n")
    out.append(
        pgettext(
            "learning",
            "The cases whose results cite this indicator, with their zone's value in the year before the case's "
            "year and its latest value from the case's year on.",
        )
    )
    out.append("")
    for e in citing:
        colon = pgettext("learning", ": ")
        out.append(f"- {_case_link(catalog, e, page)}{colon}{evidence_sentence(catalog, e, page, revisions)}")
    return Safe("\n".join(out) + "\n")


def case_around(
    catalog: Catalog, learning: Learning, case: CaseRecord, here: str, revisions: Revisions | None = None
) -> Safe:
    """A case page's lines under its values table: each cited indicator (linked from the page `here`) and its
    before/after around the case's year (the revised values marked, `revisions`)."""
    mine = [e for e in learning.evidence if e.case == case.slug]
    if not mine:
        return Safe("")
    out = [
        pgettext(
            "learning",
            "Against the case's year (the zone's value in the year before the case's year and its latest value "
            "from the case's year on):",
        ),
        "",
    ]
    colon = pgettext("learning", ": ")
    for e in mine:
        ind = catalog.indicator(e.indicator, e.zone)
        name = indicator_name(catalog, ind, here) if ind else inline(e.indicator)
        out.append(f"- {name}{colon}{evidence_sentence(catalog, e, here, revisions)}")
    return Safe("\n".join(out) + "\n")
