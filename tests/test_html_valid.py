"""Every page of the sample site is valid HTML: the W3C Nu HTML checker (vnu.jar from the npm package
vnu-jar, pinned in node-tools/package-lock.json and installed by `make tools`) over all pages in one JVM run,
on Debian's default-jre-headless (`make sysdeps`). Errors only; the one kind left alone is Material's own
autocomplete="off" on its checkbox toggles (a theme attribute we do not write), filtered by its exact message.

Where Java or the jar is missing the test is skipped with the reason, except on CI (CI set), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

VNU = ROOT / ".tools" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's <input type="checkbox" … autocomplete="off"> toggles (drawer, search): the theme's markup.
THEME_MESSAGES = {
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
}


def _java() -> str:
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("java (apt-get install default-jre-headless, or `make sysdeps`)")
    if not VNU.exists():
        missing.append(f"{VNU.relative_to(ROOT)} (`make tools`)")
    if missing:
        reason = "the HTML checker needs " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    assert java is not None
    return java


@pytest.fixture(scope="module")
def vnu_errors(sample_site: Path) -> list[dict[str, Any]]:
    """The checker's errors over every HTML page of the sample site, from one run of one JVM."""
    java = _java()
    pages = sorted(str(p) for p in sample_site.rglob("*.html"))
    assert len(pages) > 50
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--exit-zero-always", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(proc.stderr)
    errors = []
    for message in report["messages"]:
        if message["type"] == "info":
            continue
        page = Path(message.get("url", "").removeprefix("file:"))
        where = page.relative_to(sample_site).as_posix() if page.is_relative_to(sample_site) else str(page)
        errors.append({**message, "page": where})
    return errors


def summary(errors: list[dict[str, Any]]) -> str:
    counts = Counter(e["message"] for e in errors)
    lines = [f"{n} × {message}" for message, n in counts.most_common()]
    lines += [f"{e['page']}:{e.get('lastLine')}: {e['extract']!r}" for e in errors[:10]]
    return "\n".join(lines)


def test_chart_containers_carry_no_markdown_attribute(vnu_errors: list[dict[str, Any]]) -> None:
    found = [e for e in vnu_errors if "“markdown”" in e["message"]]
    assert found == [], summary(found)


def test_every_label_names_a_control_on_its_page(vnu_errors: list[dict[str, Any]]) -> None:
    found = [e for e in vnu_errors if "“for” attribute of the “label”" in e["message"]]
    assert found == [], summary(found)


def test_every_page_is_valid_html(vnu_errors: list[dict[str, Any]]) -> None:
    found = [e for e in vnu_errors if e["message"] not in THEME_MESSAGES]
    assert found == [], summary(found)
