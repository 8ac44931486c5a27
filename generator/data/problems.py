"""Problems found in the data: one record per defect, collected, never raised.

Every problem names a file, a line, a field and a stable code, in Chinese first and English second.
The catalogue of codes lives in `messages.py`; this module only holds and prints problems.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from generator.data.messages import CODES


class Severity(enum.IntEnum):
    """How bad a problem is. `--strict` turns warnings into errors; notices never fail a check."""

    NOTICE = 0
    WARNING = 1
    ERROR = 2

    @property
    def zh(self) -> str:
        return {0: "提示", 1: "警告", 2: "错误"}[self.value]

    @property
    def en(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Problem:
    """One defect (or fact, for notices) in one place of one file."""

    path: str  # relative to the data folder's parent, '/'-separated
    line: int  # 1-based; 0 when the problem concerns the file as a whole
    field: str  # dotted key path, e.g. `values.tech_contract_turnover`; '' for the whole file
    code: str
    zh: str
    en: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a bug in the generator, not in the data
            raise KeyError(f"unknown problem code {self.code!r}")

    @property
    def severity(self) -> Severity:
        return Severity[CODES[self.code].severity.upper()]

    def format_text(self) -> str:
        """`path:line: field [code] 中文 / English（提示：…）`, the compiler-style line editors read."""
        where = f"{self.path}:{self.line}:" if self.line else f"{self.path}:"
        fld = f" {self.field}" if self.field else ""
        sev = "" if self.severity is Severity.ERROR else f" ({self.severity.zh}/{self.severity.en})"
        hint = f"（提示：{self.hint}）" if self.hint else ""
        return f"{where}{fld} [{self.code}]{sev} {self.zh} / {self.en}{hint}"

    def format_github(self, strict: bool) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request's diff."""
        sev = self.severity
        if strict and sev is Severity.WARNING:
            sev = Severity.ERROR
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}[sev]
        title = f"[{self.code}] {self.field}".strip()
        msg = f"{self.zh} / {self.en}" + (f"（提示：{self.hint}）" if self.hint else "")
        props = f"file={_gh_prop(self.path)}"
        if self.line:
            props += f",line={self.line}"
        props += f",title={_gh_prop(title)}"
        return f"::{level} {props}::{_gh_data(msg)}"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class ProblemLog:
    """Collects problems from every stage; the CLI decides the exit code from it."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def report(self, code: str, path: str, line: int, field_path: str, zh: str, en: str, hint: str = "") -> None:
        self.add(Problem(path, line, field_path, code, zh, en, hint))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        """Stable order: by file, line, field, code; duplicates (same place, same text) once."""
        return sorted(set(self.problems))

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def failing(self, strict: bool) -> bool:
        worst = Severity.WARNING if strict else Severity.ERROR
        return any(p.severity >= worst for p in self.problems)

    def files_with_errors(self) -> set[str]:
        return {p.path for p in self.problems if p.severity is Severity.ERROR}
