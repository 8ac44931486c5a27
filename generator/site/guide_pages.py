"""The editors' guide: hand-written how-tos in site_src/guide/, plus the reference of every problem code
the check can report, generated from the code catalogue so it can never fall behind."""

from __future__ import annotations

from typing import Any

from generator.data.messages import CODES
from generator.site.common import Context, Section, front_matter
from generator.site.markup import Safe

SEVERITY_LABELS = {
    "error": ("错误", "必须修改，否则不能发布。"),
    "warning": ("警告", "请核实；确认无误可保留，但发布前的严格检查（--strict）会把警告当作错误。"),
    "notice": ("提示", "对工作进度的提示，不是数据错误，不影响发布。"),
}
HAND_WRITTEN = ["guide/index.md", "guide/web.md", "guide/excel.md"]


def make_guide_pages(ctx: Context) -> Section:
    groups: list[dict[str, Any]] = []
    for severity, (label, meaning) in SEVERITY_LABELS.items():
        codes = [c for c in CODES.values() if c.severity == severity]
        groups.append({"label": label, "meaning": meaning,
                       "codes": [{"code": c.code, "anchor": Safe(c.code), "zh": c.zh, "en": c.en, "fix": c.fix} for c in codes]})  # fmt: skip
    page = ctx.env.get_template("guide_checks.md.j2").render(
        fm=front_matter("检查结果说明", False, "数据检查可能报告的每一类问题：含义和改法"), groups=groups,
        count=len(CODES),
    )  # fmt: skip
    return Section(pages={"guide/checks.md": page}, nav=[{"编辑指南": [*HAND_WRITTEN, "guide/checks.md"]}])
