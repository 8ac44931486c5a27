"""The indicator kinds, in one table: what a kind means wherever a value of it is checked, read from Excel,
added up, compared with the year before, fed to the composite index or shown.

An indicator's `kind` (indicator_system.yaml, a zone's indicators.yaml) is one of the codes below; the model
(`models.IndicatorKind`) takes exactly these codes, in this order. Every module that treats the kinds
differently asks this table (`KINDS[ind.kind].whole`, `.percent` …) rather than naming a kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.data.models import IndicatorKind
from generator.i18n import NP_, pgettext


@dataclass(frozen=True)
class Kind:
    """What one kind of indicator means."""

    code: IndicatorKind
    marked_name: tuple[str, str]  # its name, in the hint on a wrong kind (validate's code book): NP_, for `name`
    marked_label: tuple[str, str]  # its short name in the indicator tables of the site: NP_, for `label`
    numeric: bool  # values and targets are numbers (False: qualitative, a text); a number needs a unit
    whole: bool = False  # whole numbers only
    lowest: int = 0  # a number below this is refused
    highest: int | None = None  # a number above this is refused
    summable: bool = False  # values may be added up across zones (only then may an indicator say `summable: true`)
    percent: bool = False  # written in percent (35 is 35 %): a % sign or an Excel percent cell is taken, a
    # change is in 百分点, a value is shown with "%"
    index: Literal["level", "growth"] | None = None  # how the composite index takes it: its level, or its
    # growth rate on the previous year (a kind that grows with a zone's size); None: not in the index
    excel_format: str = "General"  # the number format of its value cell in the Excel template

    @property
    def name(self) -> str:
        return pgettext(*self.marked_name)

    @property
    def label(self) -> str:
        return pgettext(*self.marked_label)


# fmt: off
KINDS: dict[str, Kind] = {kind.code: kind for kind in (
    Kind("count", NP_("indicator kind", "count"), NP_("indicator kind, short", "count"),
         numeric=True, whole=True, summable=True, index="growth"),
    Kind("amount", NP_("indicator kind", "amount"), NP_("indicator kind, short", "amount"),
         numeric=True, summable=True, index="growth"),
    Kind("percent", NP_("indicator kind", "percent"), NP_("indicator kind, short", "percent"),
         numeric=True, highest=100, percent=True, index="level"),
    Kind("per_10k", NP_("indicator kind", "rate per 10,000 people or firms"),
         NP_("indicator kind, short", "rate per 10,000"), numeric=True, index="level"),
    Kind("text", NP_("indicator kind", "qualitative text"), NP_("indicator kind, short", "qualitative"),
         numeric=False, excel_format="@"),
)}
# fmt: on
"""Every kind by its code, in the order of `models.IndicatorKind` (tests/test_kinds.py holds them equal)."""
