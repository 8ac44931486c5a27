"""Property tests: valid records generated at random pass; one random corruption of a valid file is
reported as a problem with a file and a line (or still passes), never a crash."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from generator.data.load import load_data, parse_text
from generator.data.messages import INVISIBLE_CHARACTERS
from generator.data.models import AnnualReport, Zone
from generator.data.problems import ProblemLog
from generator.data.types import is_written_number
from generator.data.validate import check_model, validate_data

INDICATORS = ["contract_value", "patents_per_10k", "agencies", "rd_ratio"]
numbers = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
# valid text: no control characters, and none of the invisible characters the loader names (they fail the
# strict check on purpose: a reader cannot see them), and no text the rules read as a number put where words belong
# (`12`, and the same after Unicode's compatibility folding: full-width `１２`, superscript `¹`)
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=list(INVISIBLE_CHARACTERS)),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and s.strip() not in ("暂无", "不适用") and not is_written_number(s))


@st.composite
def annual_reports(draw: st.DrawFn) -> str:
    lines = [f"submitted: 2024-01-{draw(st.integers(1, 31)):02d}", "values:"]
    for ind in INDICATORS:
        choice = draw(st.sampled_from(["number", "marker", "full"]))
        value = {"agencies": draw(st.integers(0, 10**6)), "rd_ratio": draw(st.decimals(0, 100, places=2))}.get(
            ind, draw(numbers)
        )
        if choice == "number":
            lines.append(f"  {ind}: {value}")
        elif choice == "marker":
            lines.append(f"  {ind}: {draw(st.sampled_from(['暂无', '不适用']))}")
        else:
            note = draw(text).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'  {ind}:\n    value: {value}\n    note: "{note}"')
    lines.append(f'  policies: "{draw(text).replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"')
    lines.append("  demo_projects: 暂无")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=annual_reports())
def test_valid_reports_pass(report: str, tmp_path_factory) -> None:
    data = tmp_path_factory.mktemp("prop") / "data"
    shutil.copytree(MINI, data)
    (data / "zones/demo-zone/annual/2023.yaml").write_text(report, encoding="utf-8")
    catalog, log = validate_data(load_data(data))
    problems = [p for p in log.problems if p.code != "implausible-jump"]  # random values may jump tenfold
    assert catalog is not None and problems == [], [p.format_text() for p in problems]


VALID = (MINI / "zones/demo-zone/annual/2023.yaml").read_bytes()
ZONE = (MINI / "zones/demo-zone/zone.yaml").read_bytes()


@st.composite
def corruptions(draw: st.DrawFn) -> bytes:
    source = draw(st.sampled_from([VALID, ZONE]))
    kind = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "line"]))
    pos = draw(st.integers(0, len(source)))
    if kind == "truncate":
        return source[:pos]
    if kind == "delete":
        return source[:pos] + source[pos + draw(st.integers(1, 20)) :]
    junk = (
        draw(
            st.sampled_from(
                [
                    b"\x00",
                    b"\xff\xfe",
                    b":",
                    b"- ",
                    b"\t",
                    "：".encode(),
                    "\u3000".encode(),
                    "\u200b".encode(),
                    "\u202e".encode(),
                    "１２".encode(),
                    b"&a",
                    b"*a",
                    b"!!str",
                    b"{",
                    b"[",
                    b"'",
                    b'"',
                    b"|",
                    b">",
                    b"#",
                    b"\n  ",
                    b"1e999",
                    b".nan",
                    b"-.inf",
                    b"9" * 400,
                    "e\u0301".encode(),
                ]
            )
        )
        if kind != "line"
        else draw(st.binary(min_size=1, max_size=30))
    )
    return source[:pos] + junk + source[pos:]


@settings(max_examples=300, deadline=None)
@given(raw=corruptions())
def test_corruptions_are_reported_with_a_file_and_line_never_a_crash(raw: bytes) -> None:
    doc = parse_text(raw, "data/x.yaml")
    log = ProblemLog()
    log.extend(doc.problems)
    if doc.ok:
        check_model(doc, Zone if raw[:4] == ZONE[:4] else AnnualReport, log)
    for problem in log.problems:
        assert problem.path == "data/x.yaml"
        assert problem.line >= 0 and problem.code


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=corruptions())
def test_corrupt_files_in_a_dataset_never_crash_the_check(raw: bytes, tmp_path_factory) -> None:
    data = tmp_path_factory.mktemp("corrupt") / "data"
    shutil.copytree(MINI, data)
    target = "zones/demo-zone/annual/2023.yaml" if raw[:20] != ZONE[:20] else "zones/demo-zone/zone.yaml"
    (data / target).write_bytes(raw)
    _catalog, log = validate_data(load_data(data))
    for problem in log.problems:
        assert problem.path == data.name or problem.path.startswith(data.name + "/"), problem.path
        assert isinstance(problem.line, int)
