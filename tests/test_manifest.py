"""Byte-identity guard (issue 13): the sites built from the sample data (zones_data/) and from
tests/fixtures/mini match, file by file, the sha256 manifests in tests/manifest/, made on the commit before
issue 13's redesign. A refactoring leaves both unchanged; a deliberate change of the output is made in a
commit of its own that names it and rewrites the manifest (UPDATE_MANIFEST=1, then read the diff).

The builds are conftest's session-wide `sample_site` and `mini_site` (PDFs on, the address from site.yaml),
shared with the tests that read the built pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

MANIFESTS = Path(__file__).parent / "manifest"


def manifest(site: Path) -> list[str]:
    """`sha256  relative/path` for every file of the built site, sorted by path (sha256sum's format)."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    return [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(site).as_posix()}" for p in files]


def compare(site: Path, name: str) -> None:
    lines = manifest(site)
    path = MANIFESTS / f"{name}.sha256"
    if os.environ.get("UPDATE_MANIFEST"):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = dict(reversed(line.split("  ", 1)) for line in path.read_text(encoding="utf-8").splitlines())
    built = dict(reversed(line.split("  ", 1)) for line in lines)
    report = [f"missing: {p}" for p in sorted(set(expected) - set(built))]
    report += [f"new: {p}" for p in sorted(set(built) - set(expected))]
    report += [f"differs: {p}" for p in sorted(set(built) & set(expected)) if built[p] != expected[p]]
    assert not report, f"{name} site differs from tests/manifest/{name}.sha256:\n" + "\n".join(report)


@pytest.mark.parametrize("name", ["sample", "mini"])
def test_built_site_matches_the_manifest(name: str, request: pytest.FixtureRequest) -> None:
    compare(request.getfixturevalue(f"{name}_site"), name)
