"""政策指引: reference pages about the guideline — what it is, the procedure, the seven main tasks (with the
experience library's count of cases for each) and the construction plan outline (Attachment 1).

The prose comes from the guideline (zones_data/../seed) and lives in the templates; every list the data
has (event kinds, evaluation results, tasks, plan sections) is taken from the catalog.
"""

from __future__ import annotations

from typing import Any

from generator.data.catalog import Catalog
from generator.data.links import safe_href
from generator.data.models import PLAN_SECTIONS
from generator.site.common import Context, Section, front_matter, h
from generator.site.markup import Safe

# What Attachment 1 says each plan section must contain; sections it only names are said to be so.
PLAN_CONTENTS = {
    "approach": "指导思想、基本原则、建设目标等",
    "tasks": "创新科技成果转移转化体制机制、实施科技成果转移转化示范项目、打造科技成果转移转化公共服务平台、"
    "搭建科技成果转移转化创业孵化载体、加强技术转移机构及人才队伍建设、加强科技成果转移转化支撑保障等",
    "organisation": "建设主体、运营机制、管理制度、人员配备等；运营机制中需安排能承担自治区科技计划项目的"
    "差额拨款事业单位或科研机构",
    "safeguards": "政策保障、组织保障、人才保障、资金保障等",
}
NOT_LISTED = "（提纲只列标题，未列明具体内容）"

# What each event kind means on this site (the ids are fixed by the program; names come from the data).
EVENT_NOTES = {
    "applied": "设区市科技局报送建设方案和建设指标体系",
    "public_notice": "论证审定后公示",
    "approved": "自治区科技厅批复建设，记录批复文号",
    "plan_revised": "根据论证或检查意见修订建设方案和目标值",
    "report_submitted": "年度建设报告的报送日期，取自各年度数据",
    "evaluated": "建设期满总结评估及其结论",
}

PAGES = ["policy/index.md", "policy/procedure.md", "policy/tasks.md", "policy/plan-outline.md"]


def make_policy_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    site = catalog.site
    out = Section()
    policy_url = safe_href(site.policy_url, web_only=True)
    url = Safe(f'<a href="{h(policy_url)}" rel="noopener">原文</a>') if policy_url else ""
    out.pages["policy/index.md"] = env.get_template("policy_index.md.j2").render(
        fm=front_matter("政策指引", False, f"《{site.policy_title}》的要点、建设程序、主要任务和建设方案提纲"),
        title=site.policy_title,
        url=url,
    )
    out.pages["policy/procedure.md"] = env.get_template("policy_procedure.md.j2").render(
        fm=front_matter("建设程序", False, "示范区的申报、公示、批复、建设、年度报告、期满评估和评估结论"),
        results=list(catalog.references.get("evaluation_results", ())),
        kinds=[{"name": k.name, "name_en": k.name_en, "note": EVENT_NOTES.get(k.id, "")}
               for k in catalog.references.get("event_kinds", ())],
    )  # fmt: skip
    out.pages["policy/tasks.md"] = env.get_template("policy_tasks.md.j2").render(**_tasks_view(catalog))
    out.pages["policy/plan-outline.md"] = env.get_template("policy_plan.md.j2").render(
        fm=front_matter("建设方案编写提纲", False, "指引附件1：示范区建设方案的九个部分"),
        sections=[{"title": title, "content": PLAN_CONTENTS.get(key, NOT_LISTED)}
                  for key, (title, _en) in PLAN_SECTIONS.items()],
    )  # fmt: skip
    out.nav = [{"政策指引": PAGES}]
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
         "cases": Safe(f"[{counts[t.id]}](../cases/index.md?task={t.id})") if counts[t.id] else 0}
        for t in sorted(catalog.tasks, key=lambda t: t.number)
    ]  # fmt: skip
    sample = any(catalog.zones[c.zone_id].is_sample for c in catalog.cases)
    return {
        "fm": front_matter("主要任务", sample, "指引“六、主要任务”的七项任务及各项任务的经验案例"),
        "tasks": tasks,
        "total": len(catalog.cases),
    }
