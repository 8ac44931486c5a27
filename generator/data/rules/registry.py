"""The registry of rules: each rule a small function registered with the problem code(s) it reports.

A rule is declared with `@rule("code", ...)` where it is defined (as Frictionless declares one class per
check): the registry then knows, for every code the rules report, the one function that reports it, and
`Context.add` refuses a code reported outside its own rule (a bug in the generator, caught by the tests
in tests/broken/). The codes the loader and the models report are not rules' (tests/test_rules.py names
them). `check` runs the rules (generator/data/rules/check.py); the editors' tools and `diff` ask the same
functions instead of restating them: `tenfold_jump` (diff's ⚠), `kind_problem` (the Excel import's cells),
`report_year_refusal` (new-year, export-template, import-xlsx), `PLACEHOLDER` (the scaffolds).

Nothing is kept at module level: the decorator marks the function (`__rule__`), and `rules()` reads the marks
of the rule modules' functions each time it is asked.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from generator.data.messages import CODES

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Rule:
    """One registered rule: its name (module.function), the codes it reports and what it checks."""

    name: str
    codes: tuple[str, ...]
    doc: str


RULE_MODULES = ("names", "text", "system", "zones", "values", "reports", "cases", "codes", "site")


class Running:
    """The rules running now, innermost last: a problem's code must belong to the innermost one."""

    def __init__(self) -> None:
        self.stack: list[Rule] = []

    def allows(self, code: str) -> bool:
        return bool(self.stack) and code in self.stack[-1].codes


def rule(*codes: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register the decorated function as the one rule reporting `codes`. A function whose first argument
    has a `running` attribute (the `Context`) is tracked while it runs, so a code it reports that is not
    its own is caught."""
    for code in codes:
        if code not in CODES:
            raise KeyError(f"unknown problem code {code!r}")

    def register(func: Callable[P, R]) -> Callable[P, R]:
        entry = Rule(f"{func.__module__.rpartition('.')[2]}.{func.__name__}", codes, (func.__doc__ or "").strip())

        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            running: Running | None = getattr(args[0], "running", None) if args else None
            if running is None:
                return func(*args, **kwargs)
            running.stack.append(entry)
            try:
                return func(*args, **kwargs)
            finally:
                running.stack.pop()

        run.__rule__ = entry  # type: ignore[attr-defined]
        return run

    return register


def rules() -> dict[str, Rule]:
    """Every registered rule by the code it reports, from the marks on the rule modules' functions; a code
    with two rules is refused."""
    found: dict[str, Rule] = {}
    for name in RULE_MODULES:
        module = importlib.import_module(f"generator.data.rules.{name}")
        for value in vars(module).values():
            entry = getattr(value, "__rule__", None)
            if not isinstance(entry, Rule):
                continue
            for code in entry.codes:
                if code in found and found[code] != entry:
                    raise ValueError(f"{code!r} is reported by {found[code].name} and by {entry.name}")
                found[code] = entry
    return found


def rule_of(code: str) -> Rule | None:
    return rules().get(code)
