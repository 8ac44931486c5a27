"""After Material's end of life (issue 15): the site builds with ProperDocs, the fork of MkDocs 1.6 by its original
maintainers (pinned in requirements.in and the lock; it installs only the `properdocs` package and, when it runs,
answers MkDocs' imports itself, so Material and the hook load unchanged beside MkDocs in the same venv), and the
two builds are the same, page by page and file by file.

One extra build: ProperDocs builds the session's sample project (conftest's `sample_site`: the same generated
pages under the same site_src, the same settings, its PDFs from the session's cache) into a folder of its own,
and every file is compared with the MkDocs build's. What must differ is normalised, and only that:
`NORMALISED` (the generator meta tag names the tool). Any other difference fails, listed file by file."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REFERENCE_ENV, SAMPLE

# What must differ between the two builds, each with its reason (the README lists them too).
NORMALISED = {
    "the generator meta tag names the tool that built the page": (
        re.compile(rb'<meta name="generator" content="[^"]*">'),
        b'<meta name="generator" content="">',
    ),
}


def _normalised(data: bytes) -> bytes:
    for pattern, replacement in NORMALISED.values():
        data = pattern.sub(replacement, data)
    return data


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("properdocs") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("properdocs is not installed: `make .venv/.installed` installs it from requirements.lock")
        pytest.skip("properdocs is not installed in this venv (make .venv/.installed installs it from the lock)")
    project = sample_site.parent / "project"  # the sample build's own sources: the same generated pages
    out = tmp_path_factory.mktemp("properdocs") / "site"
    env = {**os.environ, "DATA": str(SAMPLE), "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env |= REFERENCE_ENV
    env.pop("SOURCE_DATE_EPOCH", None)  # as conftest's builds: the dates come from the data
    cmd = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"properdocs build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return out


def test_properdocs_builds_the_same_site_as_mkdocs(sample_site: Path, properdocs_site: Path) -> None:
    mkdocs, properdocs = _files(sample_site), _files(properdocs_site)
    assert sorted(mkdocs) == sorted(properdocs), {
        "only MkDocs": sorted(set(mkdocs) - set(properdocs)),
        "only ProperDocs": sorted(set(properdocs) - set(mkdocs)),
    }
    differ = [
        rel for rel in mkdocs if _normalised(mkdocs[rel].read_bytes()) != _normalised(properdocs[rel].read_bytes())
    ]
    assert not differ, f"{len(differ)} files differ beyond {list(NORMALISED)}: {differ[:20]}"
    # the normalisation hides only the tag: each tool names itself in it
    page = "index.html"
    assert b"mkdocs-1.6" in mkdocs[page].read_bytes() and b"ProperDocs 1.6" in properdocs[page].read_bytes()
