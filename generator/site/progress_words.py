"""Progress towards the targets in words, shared by the progress pages (progress_pages.py) and the zone
page's "## 目标进展" section (`targets_block`, which zone_pages.py places). A helper module: the facts come
from the analysis stage's `ZoneProgress`, handed in."""

from __future__ import annotations

from typing import Any

import jinja2

from generator.analysis.targets import STATUSES, TargetProgress, ZoneProgress
from generator.data.catalog import Catalog
from generator.site.markup import Safe, link

INDEX = "progress/index.md"
TARGETS = "progress/targets.md"
REPORTING = "progress/reporting.md"


def status_text(t: TargetProgress) -> str:
    return f"{t.status}（{t.reason}）" if t.reason else t.status


def target_text(t: TargetProgress) -> str:
    """The target (in the indicator's unit), with the original and every revision when the plan was revised."""
    if not t.revisions:
        return str(t.target)
    parts = [str(t.original) if t.original is not None else "未设"]
    for r in t.revisions:
        parts.append(f"{r.target}（{r.date.isoformat()} 修订{'' if r.applied else '，建设期结束后，未采用'}）")
    return " → ".join(parts)


def counts_text(p: ZoneProgress) -> str:
    counts = [f"{s} {p.count(s)} 项" for s in STATUSES if p.count(s)]
    return "、".join(counts)


def zone_sentence(catalog: Catalog, p: ZoneProgress) -> str:
    z = p.zone.zone
    when = (
        f"建设期（{z.period.start}—{z.period.end} 年）已结束"
        if p.final and p.zone.status != "revoked"
        else "示范区已撤销"
        if p.final
        else f"建设期至 {z.period.end} 年底"
    )
    return f"截至 {catalog.as_of.isoformat()}，{when}，{len(p.targets)} 项期末目标中{counts_text(p)}。"


def _val(year: int | None, shown: str) -> str:
    return "—" if year is None else f"{year} 年：{shown}"


def target_row(t: TargetProgress) -> dict[str, Any]:
    unit = t.indicator.unit
    return {
        "indicator": t.indicator.name + (f"（{unit}）" if unit else ""),
        "baseline": _val(t.baseline_year, t.baseline_shown),
        "target": target_text(t),
        "latest": _val(t.latest_year, t.latest_shown),
        "expected": t.expected_shown,
        "share": t.share,
        "status": status_text(t),
    }


# --- the zone page's section ------------------------------------------------------------------


def targets_block(env: jinja2.Environment, catalog: Catalog, p: ZoneProgress | None) -> Safe:
    """The zone page's "## 目标进展" section (Markdown) from the zone's progress (`ctx.analysis`), or nothing
    for a zone without targets to judge (`p` None)."""
    if p is None:
        return Safe("")
    return Safe(env.get_template("zone_targets.md.j2").render(
        sentence=zone_sentence(catalog, p), rows=[target_row(t) for t in p.targets],
        method=link("判断方法", "../../" + TARGETS), overview=link("全部示范区的目标进展", "../../" + INDEX),
    ))  # fmt: skip
