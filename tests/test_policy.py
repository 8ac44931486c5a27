"""政策指引: the reference pages exist, and the tasks page counts what the experience library holds."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import MINI, SAMPLE, generated
from generator.data.models import PLAN_SECTIONS
from generator.site.policy_pages import PAGES, task_counts


def _pages(data=MINI):  # type: ignore[no-untyped-def]
    return generated(data)  # the run's shared generation of the unchanged folder


def test_policy_pages_exist_and_are_in_the_navigation() -> None:
    _, site = _pages()
    for page in PAGES:
        assert page in site.pages
    titles = [next(iter(item)) for item in site.nav]
    assert titles == ["首页", "示范区", "经验案例", "指标体系", "建设进展", "比较分析", "政策指引", "新闻动态",
                      "开放数据", "编辑指南", "关于本站"]  # fmt: skip
    assert "../indicators/index.md" in site.pages["policy/index.md"]
    # the corrections to the copy of the text are an editorial note: on the about page's note on the sources (issue 14)
    assert "桂政发〔2021〕39号" not in site.pages["policy/index.md"]
    assert "桂政发〔2021〕39号" in (Path(__file__).resolve().parent.parent / "site_src" / "about.md").read_text("utf-8")


def test_tasks_page_counts_equal_the_library() -> None:
    catalog, site = _pages(SAMPLE)
    counts = task_counts(catalog)
    assert sum(counts.values()) == len(catalog.cases) > 0
    text = site.pages["policy/tasks.md"]
    for task in catalog.tasks:
        expected = sum(1 for c in catalog.cases if c.case.task == task.id)
        row = next(line for line in text.splitlines() if line.startswith(f"| {task.number} |"))
        shown = re.search(r"\| \[?(\d+)\]?(?:\([^)]*\))? \|$", row)
        assert shown and int(shown.group(1)) == expected, row
        if expected:
            assert f"../cases/index.md?task={task.id}" in row


def test_procedure_and_outline_list_the_data() -> None:
    catalog, site = _pages()
    procedure = site.pages["policy/procedure.md"]
    for item in (*catalog.references["event_kinds"], *catalog.references["evaluation_results"]):
        assert item.name in procedure
    assert "1—2 个" in procedure and "2—3 年" in procedure and "1 月底前" in procedure
    outline = site.pages["policy/plan-outline.md"]
    for title, _en in PLAN_SECTIONS.values():
        assert title in outline
