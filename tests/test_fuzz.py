"""Hostile and broken input: the loader and the validator over many mutated data files (random bytes,
truncations, deep nesting, huge numbers, NaN/Infinity, odd Unicode, long lines, many keys). Each case
ends in success or in problems naming a file: never an uncaught exception, never a hang, never a memory
blow-up. The cases run in a child process under an address-space limit, each under its own alarm; the
cases are made from a fixed seed, so every run tries the same inputs."""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
SEED = 20261130
CASE_SECONDS = 5  # CPU seconds each case may use (a profiling timer fires after it: load on the machine can't)
WALL_SECONDS = 30  # and a wall-clock alarm as the backstop against a hang that uses no CPU
MEMORY_BYTES = 3 * 1024**3  # address-space limit of the worker
MAX_RSS_KB = 1024 * 1024  # peak resident memory of the worker after all cases

TARGETS = [
    "zones/demo-zone/annual/2023.yaml",
    "zones/demo-zone/zone.yaml",
    "zones/demo-zone/cases/demo-case.yaml",
    "zones/demo-zone/indicators.yaml",
    "site.yaml",
    "indicator_system.yaml",
    "reference/cities.yaml",
]
ANNUAL, ZONE, CASE = TARGETS[0], TARGETS[1], TARGETS[2]

ODD_VALUES = [
    b"1e400",
    b"-1e400",
    b"1e-400",
    b"9" * 5000,
    b"1" + b"0" * 5000 + b".5",
    b"0." + b"0" * 5000 + b"1",
    b"1" * 4301,
    b"0x1F",
    b"1_000",
    b"1,000",
    b".nan",
    b".NaN",
    b"NaN",
    b"nan",
    b"Infinity",
    b"-Infinity",
    b".inf",
    b"-.inf",
    b"+.INF",
    b"inf",
    b"sNaN",
    b"-0",
    b"1e",
    b"1e+99999999999999999999",
    "１２３".encode(),  # full-width digits
    "１２.５".encode(),
    "12\u200b3".encode(),  # zero-width space
    "\u200f12.5".encode(),  # right-to-left mark
    "\u202e12.5".encode(),  # right-to-left override
    "1\u03012".encode(),  # combining acute accent
    "e\u0301\u0301\u0301".encode(),
    "٣".encode(),  # Arabic-Indic digit
    "12\ufeff5".encode(),  # BOM in the middle
    b"\xed\xa0\x80",  # a lone surrogate encoded as UTF-8 bytes (invalid UTF-8)
    b"12\xed\xb0\x805",
    b"\xc0\xaf",  # overlong encoding
    b"\x00",
    "暂无\u200b".encode(),
    "不\u0301适用".encode(),
    "'\u202e'".encode(),
    b'"\\ud800"',  # an escaped lone surrogate inside a double-quoted scalar
    b'"\\U0010FFFF\\x00"',
    b"[" * 2000 + b"]" * 2000,
    b"{a: " * 2000 + b"1" + b"}" * 2000,
    b"x" * 900_000,
]


def _set(raw: bytes, key: bytes, value: bytes) -> bytes:
    """Replace the first scalar value of `key:` with `value`."""
    return re.sub(rb"(?m)^(\s*" + re.escape(key) + rb":)[^\n]*", lambda m: m.group(1) + b" " + value, raw, count=1)


def make_cases() -> list[tuple[str, str, bytes]]:
    """(name, target file, new bytes) for every case, from a fixed seed."""
    rng = random.Random(SEED)
    originals = {t: (MINI / t).read_bytes() for t in TARGETS}
    cases: list[tuple[str, str, bytes]] = []
    for i, value in enumerate(ODD_VALUES):
        cases.append((f"value-{i}-contract_value", ANNUAL, _set(originals[ANNUAL], b"contract_value", value)))
        cases.append((f"value-{i}-submitted", ANNUAL, _set(originals[ANNUAL], b"submitted", value)))
    for i, value in enumerate(ODD_VALUES[::3]):
        cases.append((f"value-{i}-zone-name", ZONE, _set(originals[ZONE], b"name", value)))
        cases.append((f"value-{i}-period-start", ZONE, _set(originals[ZONE], b"start", value)))
        cases.append((f"value-{i}-event-date", ZONE, _set(originals[ZONE], b"date", value)))
        cases.append((f"value-{i}-case-year", CASE, _set(originals[CASE], b"year", value)))
        cases.append((f"value-{i}-as_of", "site.yaml", _set(originals["site.yaml"], b"as_of", value)))
    structural = {
        "deep-flow": b"values: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "deep-block": b"".join(b"  " * i + b"k:\n" for i in range(2000)),
        "deep-list": b"".join(b"  " * i + b"- \n" for i in range(2000)),
        "deep-dashes": b"values: " + b"- " * 20_000 + b"1\n",
        "many-keys": b"values:\n" + b"".join(b"  k%d: %d\n" % (n, n) for n in range(60_000)),
        "many-items": b"highlights:\n" + b"  - x\n" * 150_000,
        "long-line": b"submitted: 2024-01-20\nhighlights:\n  - " + "长".encode() * 330_000 + b"\n",
        "just-over-1mb": b"a: " + b"x" * 1_000_001,
        "long-key": b"k" * 500_000 + b": 1\n",
        "only-bom": b"\xef\xbb\xbf",
        "bom-middle": originals[ANNUAL].replace(b"values:", b"\xef\xbb\xbfvalues:"),
        "bom-twice": b"\xef\xbb\xbf\xef\xbb\xbf" + originals[ANNUAL],
        "utf16": originals[ANNUAL].decode().encode("utf-16"),
        "utf32": originals[ANNUAL].decode().encode("utf-32"),
        "gbk": originals[ANNUAL].decode().encode("gbk"),
        "nul-bytes": originals[ANNUAL].replace(b"\n", b"\x00\n"),
        "cr-only": originals[ANNUAL].replace(b"\n", b"\r"),
        "nel-ls-ps": originals[ANNUAL].replace(b"\n", "\u2028".encode()),
        "empty": b"",
        "whitespace": b"   \n\t\n",
        "scalar-doc": b"just text\n",
        "list-doc": b"- 1\n- 2\n",
        "null-doc": b"~\n",
        "tab-indent": originals[ANNUAL].replace(b"  ", b"\t"),
        "alias-bomb": b"a: &a [x, x, x, x, x, x, x, x, x]\n"
        + b"".join(b"%c: &%c [*%c, *%c, *%c]\n" % (98 + i, 98 + i, 97 + i, 97 + i, 97 + i) for i in range(20)),
        "merge-key": b"base: &b {a: 1}\nvalues:\n  <<: *b\n",
        "python-tag": b"values: !!python/object/apply:os.system ['echo pwned']\n",
        "directive": b"%YAML 1.1\n%TAG ! tag:x,2000:\n---\nvalues: 1\n",
        "complex-key": b"? [a, b]\n: 1\n",
        "int-keys": b"values:\n  1: 2\n  2024: 3\n  .nan: 1\n  null: 1\n  ~: 2\n",
        "huge-anchor-name": b"a: &" + b"x" * 100_000 + b" 1\n",
        "surrogate-key": b"\xed\xa0\x80: 1\n",
        "zero-width-key": "values:\n  contract\u200b_value: 1\n".encode(),
        "fullwidth-key": "ｖａｌｕｅｓ:\n  contract_value: 1\n".encode(),
        "rtl-key": "values:\n  \u202econtract_value: 1\n".encode(),
        "combining-key": "values:\n  contract_value\u0301: 1\n".encode(),
    }
    for name, raw in structural.items():
        cases.append((f"struct-{name}", ANNUAL, raw))
    for name in ("deep-flow", "many-keys", "bom-middle", "nul-bytes", "alias-bomb", "utf16"):
        cases.append((f"struct-{name}-zone", ZONE, structural[name]))
        cases.append((f"struct-{name}-site", "site.yaml", structural[name]))
        cases.append((f"struct-{name}-system", "indicator_system.yaml", structural[name]))
    for n in range(60):
        target = rng.choice(TARGETS)
        original = originals[target]
        cut = rng.randrange(len(original) + 1)
        cases.append((f"truncate-{n}-at-{cut}", target, original[:cut]))
    for n in range(40):
        target = rng.choice(TARGETS)
        cases.append((f"random-bytes-{n}", target, rng.randbytes(rng.choice([1, 16, 256, 4096]))))
    for n in range(80):
        target = rng.choice(TARGETS)
        raw = bytearray(originals[target])
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(raw) + 1)
            op = rng.choice(["flip", "insert", "delete", "dup"])
            if op == "flip" and pos < len(raw):
                raw[pos] = rng.randrange(256)
            elif op == "insert":
                raw[pos:pos] = rng.choice(ODD_VALUES[:40]) if rng.random() < 0.5 else rng.randbytes(rng.randint(1, 8))
            elif op == "delete":
                del raw[pos : pos + rng.randint(1, 30)]
            else:
                raw[pos:pos] = raw[max(0, pos - 40) : pos]
        cases.append((f"mutate-{n}", target, bytes(raw)))
    return cases


# --- the worker (runs in a child process: `python tests/test_fuzz.py MANIFEST`) -----------------------


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Timeout


def worker(manifest: Path) -> None:
    sys.path.insert(0, str(ROOT))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    spec = json.loads(manifest.read_text(encoding="utf-8"))
    data = Path(spec["data"])
    os.chdir(data.parent)
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.signal(signal.SIGPROF, _on_alarm)
    results = []
    for case in spec["cases"]:
        target = data / case["target"]
        original = target.read_bytes()
        target.write_bytes(Path(case["payload"]).read_bytes())
        start = time.process_time()
        outcome: dict[str, object] = {"name": case["name"]}
        signal.setitimer(signal.ITIMER_PROF, CASE_SECONDS)
        signal.alarm(WALL_SECONDS)
        try:
            catalog, log = validate_data(load_data(data))
            outcome["problems"] = [[p.path, p.line, p.code] for p in log.problems]
            outcome["catalog"] = catalog is not None
        except _Timeout:
            outcome["error"] = f"no result within {CASE_SECONDS} CPU s / {WALL_SECONDS} s"
        except BaseException as exc:  # every escape is the finding
            outcome["error"] = "".join(traceback.format_exception(exc))[-3000:]
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.alarm(0)
        outcome["seconds"] = round(time.process_time() - start, 3)
        target.write_bytes(original)
        results.append(outcome)
    results.append({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
    Path(spec["out"]).write_text(json.dumps(results), encoding="utf-8")


def _run_worker(tmp: Path, cases: list[tuple[str, str, bytes]]) -> list[dict]:
    data = tmp / "data"
    shutil.copytree(MINI, data)
    payloads = tmp / "payloads"
    payloads.mkdir()
    manifest = {"data": str(data), "out": str(tmp / "out.json"), "cases": []}
    for n, (name, target, raw) in enumerate(cases):
        (payloads / str(n)).write_bytes(raw)
        manifest["cases"].append({"name": name, "target": target, "payload": str(payloads / str(n))})
    (tmp / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, __file__, str(tmp / "manifest.json")],
        capture_output=True,
        text=True,
        timeout=WALL_SECONDS * len(cases) + 60,
        env=env,
    )
    assert proc.returncode == 0, f"worker died ({proc.returncode}):\n{proc.stderr[-5000:]}"
    return json.loads((tmp / "out.json").read_text(encoding="utf-8"))


def test_mutated_files_end_in_success_or_problems_naming_a_file(tmp_path: Path) -> None:
    cases = make_cases()
    assert len(cases) > 300
    results = _run_worker(tmp_path, cases)
    maxrss = results.pop()["maxrss_kb"]
    failures = []
    for (name, target, _raw), outcome in zip(cases, results, strict=True):
        assert outcome["name"] == name
        if "error" in outcome:
            failures.append(f"{name} ({target}): {outcome['error']}")
            continue
        if outcome["seconds"] > CASE_SECONDS:
            failures.append(f"{name}: took {outcome['seconds']} CPU s")
        problems = outcome["problems"]
        if not outcome["catalog"] and not problems:
            failures.append(f"{name}: no catalog and no problem")
        for path, line, code in problems:
            if not (path.startswith("data/") or path == "data") or not isinstance(line, int) or not code:
                failures.append(f"{name}: problem without a file in the data folder: {path}:{line} [{code}]")
    assert not failures, "\n\n".join(failures)
    assert maxrss < MAX_RSS_KB, f"worker peaked at {maxrss} kB"


odd_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\u200b", "\u200f", "\u202e", "\ufeff", "\u0301", "\u3000", "：", "１", "\n", "\t", "'", '"']),
    ),
    max_size=60,
)


@settings(
    max_examples=60,
    deadline=10_000,  # wall time, generous: the CPU bound is the timer below
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from([b"name", b"summary", b"title", b"contract_value", b"submitted", b"as_of"]), text=odd_text)
def test_odd_unicode_in_any_field_is_reported_or_accepted(field: bytes, text: str, tmp_path_factory) -> None:
    """In-process and derandomized: any Unicode text (quoted or bare) in a field, under an alarm."""
    data = tmp_path_factory.mktemp("uni") / "data"
    shutil.copytree(MINI, data)
    target = {b"name": ZONE, b"summary": CASE, b"title": CASE, b"as_of": "site.yaml"}.get(field, ANNUAL)
    raw = (MINI / target).read_bytes()
    (data / target).write_bytes(_set(raw, field, text.encode("utf-8", "surrogatepass")))
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    old = signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, CASE_SECONDS)  # CPU time: a busy machine does not trip it
    try:
        catalog, log = validate_data(load_data(data))
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
    assert catalog is not None or log.problems
    assert all(p.path and p.code and isinstance(p.line, int) for p in log.problems)


CLI_CASES = {
    "huge-number": (ANNUAL, b"values:\n  contract_value: " + b"9" * 5000 + b"\n"),
    "deep": (ZONE, b"[" * 100_000),
    "not-utf8": (CASE, b"\xed\xa0\x80: \xff\xfe\n"),
    "nan": (ANNUAL, b"submitted: .nan\nvalues:\n  contract_value: .inf\n  agencies: NaN\n"),
    "empty-site": ("site.yaml", b""),
}


@pytest.mark.parametrize("name", sorted(CLI_CASES))
def test_check_command_on_a_mutated_folder_exits_0_or_1_without_traceback(name: str, tmp_path: Path) -> None:
    target, raw = CLI_CASES[name]
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / target).write_bytes(raw)
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.returncode in (0, 1), (proc.returncode, proc.stderr[-3000:])
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert proc.returncode == 1 and "data/" in proc.stdout  # each of these files is broken, and named


if __name__ == "__main__":
    worker(Path(sys.argv[1]))
