"""Problems found in the data: one record per defect, collected, never raised.

Every problem names a file, a line, a field and a stable code, in Chinese first and English second.
The catalogue of codes lives in `messages.py`; this module only holds and prints problems.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field

from generator.data.messages import CODES
from generator.data.vocabulary import IDEOGRAPHIC_SPACE
from generator.i18n import NP_, pgettext


class Severity(enum.IntEnum):
    """How bad a problem is. `--strict` turns warnings into errors; notices never fail a check."""

    NOTICE = 0
    WARNING = 1
    ERROR = 2

    @property
    def zh(self) -> str:
        """Its name in the locale's words (in a problem line, before the English `en`)."""
        return pgettext(*_SEVERITY_NAMES[self.value])

    @property
    def en(self) -> str:
        return self.name.lower()


# a severity's name in a problem line (`(警告/warning)`), by its value
_SEVERITY_NAMES = (
    NP_("problem severity", "notice"),
    NP_("problem severity", "warning"),
    NP_("problem severity", "error"),
)


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
        """`path:line: field [code] <words> / English<hint>`, the compiler-style line editors read: the
        problem's text in the locale's words and in English, then its hint in the locale's framing.
        Every part that can carry data text is shown with `terminal_text`: one line, inert."""
        path = terminal_text(self.path)
        where = f"{path}:{self.line}:" if self.line else f"{path}:"
        fld = f" {terminal_text(self.field)}" if self.field else ""
        sev = "" if self.severity is Severity.ERROR else f" ({self.severity.zh}/{self.severity.en})"
        return f"{where}{fld} [{self.code}]{sev} {self._message()}"

    def _message(self) -> str:
        hint = pgettext("problem line", "(hint: %(hint)s)", hint=terminal_text(self.hint)) if self.hint else ""
        return f"{terminal_text(self.zh)} / {terminal_text(self.en)}{hint}"

    def format_github(self, strict: bool) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request's diff."""
        sev = self.severity
        if strict and sev is Severity.WARNING:
            sev = Severity.ERROR
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}[sev]
        title = f"[{self.code}] {terminal_text(self.field)}".strip()
        props = f"file={_gh_prop(terminal_text(self.path))}"
        if self.line:
            props += f",line={self.line}"
        props += f",title={_gh_prop(title)}"
        return f"::{level} {props}::{_gh_data(self._message())}"


# --- data text on a terminal and in a CI log (issue 12, item 6) ---------------------------------------
# A terminal acts on escape sequences (colours, OSC 8 hyperlinks, clearing the screen), BEL, backspace and a
# lone CR (which overwrites the line); bidi controls reorder what is shown; GitHub Actions reads every line a
# step prints for workflow commands (`::cmd::` at a line's start, the older `##[cmd]` anywhere in a line:
# `stop-commands` would silence the real annotations, `add-mask` hide any text) and splits lines at CR and LF.
# So every character that is not plainly visible is named as ⟨U+XXXX⟩ (as `diff` shows data), a line break
# is shown as ⏎, and the runner's syntax is broken by naming one of its characters: the line shows what the
# data says and does nothing. What it returns is returned unchanged by it, so it can be applied at every
# place that prints (a problem line printed again by an editors' command is not escaped twice).
_NAMED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})  # controls, format (bidi), surrogates, unassigned
_RUNNER_SYNTAX = re.compile(r"(?<=:):|(?<=##)\[")


def _named(char: str) -> str:
    return f"⟨U+{ord(char):04X}⟩"


def terminal_text(text: str) -> str:
    """`text` (which may come from the data) as it may be printed: on one line, nothing a terminal or a CI
    runner acts on, every invisible character named (⟨U+202E⟩), a line break as ⏎."""
    out: list[str] = []
    for char in text.replace("\r\n", "\n"):
        category = unicodedata.category(char)
        if char == "\n":
            out.append("⏎")
        elif category in _NAMED or (category == "Zs" and char not in (" ", IDEOGRAPHIC_SPACE)):
            out.append(_named(char))
        else:
            out.append(char)
    return _RUNNER_SYNTAX.sub(lambda m: _named(m.group()), "".join(out))


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
