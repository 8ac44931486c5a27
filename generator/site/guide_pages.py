"""The editors' guide: hand-written how-tos in site_src/guide/, plus the reference of every problem code
the check can report, generated from the code catalogue so it can never fall behind."""

from __future__ import annotations

from typing import Any

from generator.data.messages import CODES
from generator.i18n import _, pgettext
from generator.site.common import Context, Section, front_matter
from generator.site.markup import Safe
from generator.site.paths import GUIDE_CHECKS, GUIDE_EXCEL, GUIDE_INDEX, GUIDE_WEB

HAND_WRITTEN = [GUIDE_INDEX, GUIDE_WEB, GUIDE_EXCEL]


def severity_labels() -> dict[str, tuple[str, str]]:
    """Each severity's name and what it means, in the order the reference lists them."""
    return {
        "error": (
            pgettext("editors' guide: severity", "Error"),
            _("Must be corrected, or the data cannot be published."),
        ),
        "warning": (
            pgettext("editors' guide: severity", "Warning"),
            _(
                "Please check; it may stay if it is right, but the strict check before publishing (--strict) treats "
                "warnings as errors."
            ),
        ),
        "notice": (
            pgettext("editors' guide: severity", "Notice"),
            _("A note on the progress of the work, not an error in the data; it does not stop publishing."),
        ),
    }


def make_guide_pages(ctx: Context) -> Section:
    groups: list[dict[str, Any]] = []
    for severity, (label, meaning) in severity_labels().items():
        codes = [c for c in CODES.values() if c.severity == severity]
        groups.append({"label": label, "meaning": meaning,
                       "codes": [{"code": c.code, "anchor": Safe(c.code), "zh": c.zh, "en": c.en, "fix": c.fix} for c in codes]})  # fmt: skip
    page = ctx.env.get_template("guide_checks.md.j2").render(
        fm=front_matter(pgettext("editors' guide", "What the check reports"), False,
                        _("Every kind of problem the data check can report: what it means and how to fix it")),
        groups=groups,
        count=len(CODES),
    )  # fmt: skip
    return Section(pages={GUIDE_CHECKS: page}, nav=[{guide_section(): [*HAND_WRITTEN, GUIDE_CHECKS]}])


def guide_section() -> str:
    return pgettext("editors' guide", "Editors' guide")
