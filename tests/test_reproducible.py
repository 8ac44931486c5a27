"""Same input, same output: two builds of the sample data (zones_data/) from the same commit, in two
different folders, at two different wall-clock times (libfaketime), in two time zones and with two hash
seeds, give byte-identical sites — every file, the sitemap and its .gz, the search index and the feed. The first
is the session's sample build (conftest's `sample_site`, built under SAMPLE_CLOCK for this), the second is made
here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REFERENCE_ENV, SAMPLE, SAMPLE_CLOCK, SAMPLE_CLOCK_ENV, build_site


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not shutil.which("faketime"), reason="needs libfaketime (Debian package faketime)")
def test_two_builds_of_the_sample_data_are_byte_identical(sample_site: Path, tmp_path: Path) -> None:
    year = subprocess.run(
        ["faketime", "2030-12-31 23:59:30", sys.executable, "-c", "import datetime; print(datetime.date.today().year)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert year == "2030"  # the fake clock reaches Python, so the two builds really run at different times
    # the first: the session's sample build (conftest: under SAMPLE_CLOCK, in Asia/Shanghai, hash seed 1)
    assert (SAMPLE_CLOCK, SAMPLE_CLOCK_ENV) == ("2025-03-01 09:30:00", {"TZ": "Asia/Shanghai", "PYTHONHASHSEED": "1"})
    first = sample_site
    second = build_site(
        tmp_path / "second build, another folder 第二次",
        SAMPLE,
        env={**REFERENCE_ENV, "TZ": "America/Los_Angeles", "PYTHONHASHSEED": "4242"},
        prefix=["faketime", "2030-12-31 23:59:30"],
    )
    a, b = files(first), files(second)
    assert "sitemap.xml" in a and "sitemap.xml.gz" in a and "index.html" in a
    only = sorted(set(a) ^ set(b))
    differ = sorted(name for name in set(a) & set(b) if a[name] != b[name])
    assert not only and not differ, f"files in one build only: {only}\nfiles that differ: {differ}"
