"""The policy guidance: reference pages about the guideline — what it is, the procedure, the seven main tasks (with the
experience library's count of cases for each) and the construction plan outline (Attachment 1).

The prose comes from the guideline (zones_data/../seed) and lives in the templates; every list the data
has (event kinds, evaluation results, tasks, plan sections) is taken from the catalog.
"""

from __future__ import annotations

from typing import Any

from generator.data.catalog import Catalog
from generator.data.links import safe_href
from generator.data.models import PLAN_SECTIONS
from generator.i18n import N_, _, pgettext
from generator.site.common import Context, Section, front_matter, h
from generator.site.markup import Safe, link
from generator.site.paths import (
    CASES_INDEX,
    INDICATORS_INDEX,
    NEWS_INDEX,
    POLICY_INDEX,
    POLICY_PAGES,
    POLICY_PLAN,
    POLICY_PROCEDURE,
    POLICY_TASKS,
    href,
    hrefs,
)

# What Attachment 1 says each plan section must contain; sections it only names are said to be so.
# (Messages of the catalogue, translated where shown.)
PLAN_CONTENTS = {
    "approach": N_("Guiding ideas, basic principles, construction goals and so on"),
    "tasks": N_(
        "Reforming the systems and mechanisms of transferring and commercialising scientific and technological "
        "achievements, carrying out demonstration projects of it, building public service platforms for it, "
        "setting up start-up incubators for it, strengthening technology transfer agencies and their staff, "
        "strengthening the support and safeguards of it, and so on"
    ),
    "organisation": N_(
        "The builder, the operating mechanism, the management rules, the staffing and so on; the operating "
        "mechanism must include a partially state-funded public institution or research institute able to take on "
        "projects of the Autonomous Region's science and technology programmes"
    ),
    "safeguards": N_("Policy, organisational, staffing and funding safeguards and so on"),
}
NOT_LISTED = N_("(the outline lists only the heading, not what the section contains)")

# What each event kind means on this site (the ids are fixed by the program; names come from the data).
EVENT_NOTES = {
    "applied": N_("The city's science and technology bureau submits the construction plan and indicator system"),
    "public_notice": N_("Publicly announced after the review"),
    "approved": N_(
        "The Department of Science and Technology of the Autonomous Region approves the construction; the "
        "approval document's number is recorded"
    ),
    "plan_revised": N_("The construction plan and its targets revised after the review's or an inspection's opinions"),
    "report_submitted": N_("The date an annual construction report was submitted, taken from each year's data"),
    "evaluated": N_("The summary evaluation at the end of the construction period, and its conclusion"),
}


def policy_section() -> str:
    return pgettext("policy pages", "Policy guidance")


PAGES = POLICY_PAGES


def make_policy_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    site = catalog.site
    out = Section()
    policy_url = safe_href(site.policy_url, web_only=True)
    original = pgettext("policy pages", "Original text")
    url = Safe(f'<a href="{h(policy_url)}" rel="noopener">{h(original)}</a>') if policy_url else ""
    out.pages[POLICY_INDEX] = env.get_template("policy_index.md.j2").render(
        fm=front_matter(
            policy_section(),
            False,
            _(
                "The main points of “%(title)s”, the construction procedure, the main tasks and the construction "
                "plan outline",
                title=site.policy_title,
            ),
        ),
        title=site.policy_title,
        url=url,
        links=hrefs(POLICY_INDEX, procedure=POLICY_PROCEDURE, tasks=POLICY_TASKS, plan=POLICY_PLAN,
                    indicators=INDICATORS_INDEX),
    )  # fmt: skip
    out.pages[POLICY_PROCEDURE] = env.get_template("policy_procedure.md.j2").render(
        fm=front_matter(
            pgettext("policy pages", "Construction procedure"),
            False,
            _(
                "A zone's application, public announcement, approval, construction, annual reports, end-of-period "
                "evaluation and the evaluation's conclusion"
            ),
        ),
        results=list(catalog.references.get("evaluation_results", ())),
        kinds=[{"name": k.name, "name_en": k.name_en, "note": _(EVENT_NOTES[k.id]) if k.id in EVENT_NOTES else ""}
               for k in catalog.references.get("event_kinds", ())],
        links=hrefs(POLICY_PROCEDURE, news=NEWS_INDEX, plan=POLICY_PLAN, indicators=INDICATORS_INDEX,
                    cases=CASES_INDEX),
    )  # fmt: skip
    out.pages[POLICY_TASKS] = env.get_template("policy_tasks.md.j2").render(**_tasks_view(catalog))
    out.pages[POLICY_PLAN] = env.get_template("policy_plan.md.j2").render(
        fm=front_matter(
            pgettext("policy pages", "Construction plan outline"),
            False,
            _("Attachment 1 of the guideline: the nine parts of a zone's construction plan"),
        ),
        sections=[{"title": title, "content": _(PLAN_CONTENTS.get(key, NOT_LISTED))}
                  for key, (title, _en) in PLAN_SECTIONS.items()],
    )  # fmt: skip
    out.nav = [{policy_section(): PAGES}]
    return out


def task_counts(catalog: Catalog) -> dict[str, int]:
    """The number of cases in the library for each task id (zero included)."""
    counts = {t.id: 0 for t in catalog.tasks}
    for case in catalog.cases:
        counts[case.case.task] = counts.get(case.case.task, 0) + 1
    return counts


def _tasks_view(catalog: Catalog) -> dict[str, Any]:
    counts = task_counts(catalog)
    tasks = [
        {"number": t.number, "name": t.name, "name_en": t.name_en,
         "cases": link(counts[t.id], href(POLICY_TASKS, f"{CASES_INDEX}?task={t.id}")) if counts[t.id] else 0}
        for t in sorted(catalog.tasks, key=lambda t: t.number)
    ]  # fmt: skip
    sample = any(catalog.zones[c.zone_id].is_sample for c in catalog.cases)
    return {
        "fm": front_matter(
            pgettext("policy pages", "Main tasks"),
            sample,
            _("The seven tasks of the guideline's “6. Main tasks”, and the cases of experience for each"),
        ),
        "tasks": tasks,
        "total": len(catalog.cases),
        "links": hrefs(POLICY_TASKS, cases=CASES_INDEX),
    }
