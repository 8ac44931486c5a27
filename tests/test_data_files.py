"""Only regular files inside the data folder are read (issue 12, item 1).

A pull request can put a symbolic link into the data folder (git keeps it): a link to the build machine's
files (`/etc/passwd`, the process environment) must never be read or published, a link to `/dev/zero` or a
FIFO must not make `check` eat all memory or wait forever. No path component below the data folder may be a
link (a linked images/ or zone folder neither); what is not a regular file is refused with a problem naming
it; every file is read with a bounded read. The exact report line is in tests/broken/not-regular-file.yaml.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, ROOT, replace_once, run_check
from generator.build import build_site_sources
from generator.options import Options

CASE = "zones/demo-zone/cases/demo-case.yaml"
IMAGES = "zones/demo-zone/images"
CODE = "[not-regular-file]"


def _refused(lines: list[str], shown: str) -> list[str]:
    """The report lines about `shown` (a display path)."""
    return [line for line in lines if line.startswith(f"{shown}: ")]


def _check_in_a_box(tmp: Path, timeout: float = 60) -> tuple[int, list[str]]:
    """`check --strict` in a child process with at most 1 GB of memory and a time limit, so that a loader
    that reads /dev/zero to the end or blocks on a FIFO fails the test instead of the machine."""

    def limit() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--strict", "--data", "data"],
        cwd=tmp,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
    )
    return proc.returncode, [line for line in proc.stdout.splitlines() if line]


def test_a_linked_image_is_refused_and_never_published(data_copy: Path, tmp_path: Path) -> None:
    """The attack of the issue: a case shows `images/passwd.png`, a link to /etc/passwd."""
    (data_copy / IMAGES / "passwd.png").symlink_to("/etc/passwd")
    replace_once(data_copy / CASE, "file: demo.png", "file: passwd.png")
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    mine = _refused(lines, "data/zones/demo-zone/images/passwd.png")
    assert len(mine) == 1 and CODE in mine[0], lines
    assert not any("root:" in line for line in lines)
    result = build_site_sources(Options(data=Path("data"), out=tmp_path / "out"))
    assert result.written is None
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("link", "target"),
    [
        pytest.param(f"{IMAGES}/env.png", "/proc/self/environ", id="image-to-environ"),
        pytest.param(f"{IMAGES}/copy.png", "demo.png", id="image-to-image-inside"),
        pytest.param("zones/demo-zone/cases/passwd.yaml", "/etc/passwd", id="case-to-passwd"),
        pytest.param("zones/demo-zone/annual/2024.yaml", "2023.yaml", id="annual-to-annual-inside"),
        pytest.param("reference/tags.yaml", "/etc/hostname", id="reference-list-replaced"),
    ],
)
def test_a_link_to_a_file_is_refused_with_its_own_problem(data_copy: Path, link: str, target: str) -> None:
    """Links to a file outside or inside the data folder alike: no component below the folder is a link."""
    path = data_copy / link
    if path.exists():
        path.unlink()
    path.symlink_to(target)
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    mine = _refused(lines, f"data/{link}")
    assert len(mine) == 1 and CODE in mine[0], lines


def test_a_linked_images_folder_is_refused_and_nothing_in_it_is_read(data_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(data_copy / IMAGES, elsewhere)
    (data_copy / IMAGES).symlink_to(elsewhere, target_is_directory=True)
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    mine = _refused(lines, f"data/{IMAGES}")
    assert len(mine) == 1 and CODE in mine[0], lines
    assert not _refused(lines, f"data/{IMAGES}/demo.png")


def test_a_linked_zone_folder_is_refused_not_silently_left_out(data_copy: Path, tmp_path: Path) -> None:
    """A zone folder that is a link (to a copy of another zone) is named, not dropped without a word."""
    elsewhere = tmp_path / "other"
    shutil.copytree(MINI / "zones/demo-zone", elsewhere)
    (data_copy / "zones/other-zone").symlink_to(elsewhere, target_is_directory=True)
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    assert [line for line in lines if line.startswith("data/zones/other-zone")] == _refused(
        lines, "data/zones/other-zone"
    )
    mine = _refused(lines, "data/zones/other-zone")
    assert len(mine) == 1 and CODE in mine[0], lines


def test_a_folder_link_further_up_is_refused(data_copy: Path, tmp_path: Path) -> None:
    """`reference/` as a link: every reference list behind it is unread, the link itself is named."""
    elsewhere = tmp_path / "reference"
    shutil.move(data_copy / "reference", elsewhere)
    (data_copy / "reference").symlink_to(elsewhere, target_is_directory=True)
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    mine = _refused(lines, "data/reference")
    assert len(mine) == 1 and CODE in mine[0], lines


@pytest.mark.parametrize("name", [CASE, f"{IMAGES}/demo.png"])
def test_a_link_to_dev_zero_is_refused_without_reading_it(data_copy: Path, tmp_path: Path, name: str) -> None:
    """Today the size limit reads st_size (0 for a device) and the loader reads until memory runs out."""
    (data_copy / name).unlink()
    (data_copy / name).symlink_to("/dev/zero")
    code, lines = _check_in_a_box(tmp_path)
    assert code == 1
    mine = _refused(lines, f"data/{name}")
    assert len(mine) == 1 and CODE in mine[0], lines


def test_a_fifo_is_refused_without_waiting_for_a_writer(data_copy: Path, tmp_path: Path) -> None:
    os.mkfifo(data_copy / "zones/demo-zone/cases/pipe.yaml")
    code, lines = _check_in_a_box(tmp_path, timeout=30)
    assert code == 1
    mine = _refused(lines, "data/zones/demo-zone/cases/pipe.yaml")
    assert len(mine) == 1 and CODE in mine[0], lines


def test_every_read_is_bounded(tmp_path: Path) -> None:
    """At most limit + 1 bytes are read, whatever the file's size says (a growing file, a /proc file)."""
    from generator.data.load import read_below

    (tmp_path / "big").write_bytes(b"x" * 100)
    assert read_below(tmp_path, ("big",), 10) == (b"x" * 11, 100)
    assert read_below(tmp_path, ("big",), 100) == (b"x" * 100, 100)
    with open("/proc/self/environ", "rb") as handle:  # a regular file whose st_size is 0
        start = handle.read(4)
    assert read_below(Path("/proc/self"), ("environ",), 3)[0] == start


def test_a_missing_reference_list_is_reported_not_a_crash(data_copy: Path) -> None:
    """A reference list that is missing (or refused, as a link) leaves the rules without its file."""
    (data_copy / "reference/tags.yaml").unlink()
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    assert [line.split(" ")[:2] for line in _refused(lines, "data/reference/tags.yaml")] == [
        ["data/reference/tags.yaml:", "[missing-field]"]
    ], lines


# --- writing into the data folder: the editors' commands and `schema` never write through a link ----------


def _run(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    from generator.cli import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, err.getvalue()


WRITES = [
    pytest.param(("new-case", "demo-zone", "new-case"), "zones/demo-zone/cases", id="new-case-into-linked-cases"),
    pytest.param(("new-year", "demo-zone", "2024"), "zones/demo-zone/annual", id="new-year-into-linked-annual"),
    pytest.param(("new-zone", "wuzhou-hitech", "--city", "wuzhou"), "zones/wuzhou-hitech", id="new-zone-linked"),
]


@pytest.mark.parametrize(("command", "linked"), WRITES)
def test_a_scaffold_never_writes_through_a_linked_folder(
    data_copy: Path, tmp_path: Path, command: tuple[str, ...], linked: str
) -> None:
    """A linked folder in a checkout (from a pull request) must not send the scaffold's file elsewhere."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = data_copy / linked
    if target.exists():
        for item in target.iterdir():
            shutil.move(item, elsewhere / item.name)
        target.rmdir()
    target.symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.name for p in elsewhere.iterdir())
    if command[0] == "new-year":  # the as-of date must be past the year for new-year to go ahead
        replace_once(data_copy / "site.yaml", "as_of: 2024-06-30", "as_of: 2025-03-31")
    code, err = _run(*command, "--data", "data")
    assert sorted(p.name for p in elsewhere.iterdir()) == before
    assert code == 1 and "符号链接" in err, err


def test_schema_never_writes_through_a_link(data_copy: Path, tmp_path: Path) -> None:
    """`make schemas` rewrites zones_data/schemas/*.json: a link there is replaced by the file, never written
    through (it could point at any file the builder can write)."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    assert _run("schema", "--data", "data")[0] == 0
    schemas = data_copy / "schemas"
    (schemas / "zone.schema.json").unlink()
    (schemas / "zone.schema.json").symlink_to(victim)
    assert _run("schema", "--check", "--data", "data")[0] == 1  # a link is not a current schema
    assert _run("schema", "--data", "data")[0] == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (schemas / "zone.schema.json").is_symlink()
    assert _run("schema", "--check", "--data", "data")[0] == 0


def test_schema_refuses_a_linked_schemas_folder(data_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data_copy / "schemas").symlink_to(elsewhere, target_is_directory=True)
    code, err = _run("schema", "--data", "data")
    assert code == 1 and "符号链接" in err, err
    assert list(elsewhere.iterdir()) == []


# --- diff: the base revision is read from git the same way -------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("/etc/passwd", id="absolute"),
        pytest.param("../../../../../../../outside.txt", id="leaving"),
        pytest.param("demo.png", id="inside"),
    ],
)
def test_diff_reads_a_base_holding_a_link_without_following_it(tmp_path: Path, target: str) -> None:
    """A link committed on the base branch (absolute, leaving the folder, or inside it) is not extracted: the
    base is reported as failing the check (it holds a link), not a traceback."""
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
    shutil.copytree(MINI, tmp_path / "data")
    link = tmp_path / "data" / IMAGES / "linked.png"
    link.symlink_to(target)
    for args in (["init", "-q"], ["add", "data"], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], cwd=tmp_path, check=True, capture_output=True)
    link.unlink()
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "HEAD", "--data", str(tmp_path / "data")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "linked.png" in proc.stdout, proc.stdout


# --- the whole build ------------------------------------------------------------------------------------------


def test_the_site_build_stops_on_a_linked_image_and_publishes_nothing_of_it(data_copy: Path, tmp_path: Path) -> None:
    """The attack end to end: `mkdocs build` (the hook regenerates from the data) stops with the problem,
    and no page or file of a site holds the linked file's content."""
    from conftest import build_site

    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=do-not-publish\n", encoding="utf-8")
    (data_copy / IMAGES / "secret.png").symlink_to(secret)
    replace_once(data_copy / CASE, "file: demo.png", "file: secret.png")
    with pytest.raises(AssertionError, match=r"images/secret\.png: \[not-regular-file\]"):
        build_site(tmp_path, data_copy, env={"PDF": "0"})
    site = tmp_path / "site"
    assert not any(b"do-not-publish" in p.read_bytes() for p in site.rglob("*") if p.is_file())
