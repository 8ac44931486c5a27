"""The registry of rules: each rule a small function registered with the problem code(s) it reports.

A rule is declared with `@rule("code", ...)` where it is defined (as Frictionless declares one class per
check): the registry then knows, for every code the rules report, the one function that reports it, and
`Context.add` refuses a code reported outside its own rule (a bug in the generator, caught by the tests
in tests/broken/). The codes the loader and the models report are not rules' (tests/test_rules.py names
them). `check` runs the rules (generator/data/rules/check.py); the editors' tools and `diff` ask the same
functions instead of restating them: `tenfold_jump` (diff's ⚠), `kind_problem` (the Excel import's cells),
`report_year_refusal` (new-year, export-template, import-xlsx), `PLACEHOLDER` (the scaffolds).

The registry is filled once, when the rule modules are imported, and never changed after.
"""

from __future__ import annotations

import functools
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


_BY_CODE: dict[str, Rule] = {}


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
        for code in codes:
            if code in _BY_CODE:
                raise ValueError(f"{code!r} is reported by {_BY_CODE[code].name} already")
        _BY_CODE.update(dict.fromkeys(codes, entry))

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

        return run

    return register


def rules() -> dict[str, Rule]:
    """Every registered rule by the code it reports (the rule modules imported)."""
    import generator.data.rules.check  # noqa: F401  (imports every rule module)

    return dict(_BY_CODE)


def rule_of(code: str) -> Rule | None:
    return rules().get(code)
