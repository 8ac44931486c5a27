"""Rules between records: references, ids, the zone's life, the years, the values by indicator kind.

Runs after every file passed (or failed) its own model; works on what passed and on what can still be
read of the files that failed (a `Partial`: checked, never published, and no rule judges what was
dropped from it). The rules decide what may be published; generator/data/construct.py then builds the
catalog from it. Each rule is registered with the problem codes it reports (`registry.py`).

The modules, by what they judge: `text` (every text of every file), `names` (ids and file names), `system`
(reference lists and the indicator system), `zones` (a zone's profile, events and targets), `values` (a value
by its indicator's kind), `reports` (annual reports), `cases`; `codes` (what to write instead of a wrong
code); `context` (what every rule is handed); `check` (the order they run in); `registry` (which rule
reports which code).
"""

from generator.data.rules.check import check_catalog
from generator.data.rules.codes import Coded, code_hint, coded, suggest_codes
from generator.data.rules.context import (
    REFERENCE_NAMES,
    Context,
    expected_report_years,
    report_deadline,
    revocation_date,
)

__all__ = [
    "REFERENCE_NAMES",
    "Coded",
    "Context",
    "check_catalog",
    "code_hint",
    "coded",
    "expected_report_years",
    "report_deadline",
    "revocation_date",
    "suggest_codes",
]
