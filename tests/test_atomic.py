"""A build never publishes half a site, and no id writes outside its folder.

`make site` runs in a private copy of the project (Makefile, mkdocs.yml, site_src/ copied; generator/ and
.venv linked), so the Makefile's build-then-swap is what is tested: a failed build (bad data caught by the
check, bad data reaching the MkDocs hook, a broken template, a missing nav page) exits non-zero and leaves
the existing site/ byte for byte as it was. Ids that try to escape (`../x`, absolute paths, `a\\b`, NUL
bytes, `.`/`..`, device names) are refused by the validator, and write_files refuses escaping paths."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, ROOT
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site.write import write_files


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder (relative path -> bytes), symlinks and empty folders included by name."""
    if not folder.exists():
        return {}
    out: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = b"symlink->" + os.readlink(path).encode()
        elif path.is_file():
            out[rel] = path.read_bytes()
        else:
            out[rel + "/"] = b""
    return out


def project_copy(tmp: Path) -> Path:
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
    (project / "generator").symlink_to(ROOT / "generator")
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / ".github").symlink_to(ROOT / ".github")  # the publication script the Makefile runs
    old = project / "site"  # the published site the failed builds must leave alone
    (old / "zones/demo-zone").mkdir(parents=True)
    (old / "index.html").write_bytes("<html>旧网站 / the old site</html>\n".encode())
    (old / "zones/demo-zone/index.html").write_bytes(b"old zone page\n")
    (old / "sitemap.xml").write_bytes(b"<urlset/>\n")
    return project


def make_site(project: Path, data: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "MAKEFLAGS", "MFLAGS")}
    # -o: the shared venv counts as installed whatever the copied files' dates
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", *extra, "site", f"DATA={data}"]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)


def bad_data(tmp: Path) -> Path:
    data = tmp / "data"
    shutil.copytree(MINI, data)
    (data / "zones/demo-zone/annual/2023.yaml").write_text("values: [\n", encoding="utf-8")
    return data


needs_make = pytest.mark.skipif(not shutil.which("make"), reason="needs make")


@needs_make
def test_a_good_build_replaces_the_site(tmp_path: Path) -> None:
    """The harness itself: the same copy with good data does publish (so the failures below are real)."""
    project = project_copy(tmp_path)
    proc = make_site(project, MINI)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (project / "site/zones/demo-zone/index.html").read_bytes() != b"old zone page\n"
    assert b"<urlset" in (project / "site/sitemap.xml").read_bytes()
    assert not (project / "site.tmp").exists() and not (project / "site.old").exists()


@needs_make
def test_bad_data_stops_make_site_at_the_check(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    before = tree(project / "site")
    proc = make_site(project, bad_data(tmp_path))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert tree(project / "site") == before


@needs_make
def test_bad_data_reaching_the_hook_leaves_the_site(tmp_path: Path) -> None:
    """`-o check` skips the check stage, so the MkDocs hook itself meets the bad data and must fail."""
    project = project_copy(tmp_path)
    before = tree(project / "site")
    proc = make_site(project, bad_data(tmp_path), "-o", "check")
    assert proc.returncode != 0
    assert "未构建网站" in proc.stdout + proc.stderr  # the hook's refusal, not some other failure
    assert tree(project / "site") == before


def _break_template(project: Path) -> None:
    main = project / "site_src/overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{% block broken %}{{ unclosed\n", encoding="utf-8")


def _missing_nav_page(project: Path) -> None:
    (project / "site_src/about.md").unlink()  # named in the nav the hook builds (pages.tail_nav)


def _failing_plugin_config(project: Path) -> None:
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "\nnot_a_setting: [\n", encoding="utf-8")


@needs_make
@pytest.mark.parametrize(
    "breakage",
    [
        _break_template,
        _failing_plugin_config,
        _missing_nav_page,
    ],
)
def test_a_failure_in_the_mkdocs_stage_leaves_the_site(tmp_path: Path, breakage) -> None:
    project = project_copy(tmp_path)
    breakage(project)
    before = tree(project / "site")
    proc = make_site(project, MINI)
    assert proc.returncode != 0, f"{breakage.__name__}: the build should fail\n{proc.stdout}\n{proc.stderr}"
    assert tree(project / "site") == before


# --- ids that try to escape their folder -----------------------------------------------------------------

FOLDER_NAMES = [
    "CON",
    "NUL",
    "a\\b",
    "a\\..\\..\\x",
    "Demo-Zone",
    "ｄｅｍｏ",
    "demo zone",
    "demo\u200bzone",
    "a--b",
    "x" * 65,
]
HOSTILE_IDS = ["../x", "../../etc", "/etc/passwd", "a/b", "a\\b", ".", "..", "", "a\x00b", "CON", "NUL", "x/../y"]


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_hostile_zone_folder_names_are_refused(name: str, data_copy: Path) -> None:
    shutil.copytree(data_copy / "zones/demo-zone", data_copy / "zones" / name)
    catalog, log = validate_data(load_data(data_copy))
    assert catalog is not None and name not in catalog.zones
    assert any(p.code in ("invalid-id", "reserved-name") and name in p.zh for p in log.problems)  # CON: Windows


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_hostile_case_file_names_are_refused(name: str, data_copy: Path) -> None:
    cases = data_copy / "zones/demo-zone/cases"
    shutil.copy(cases / "demo-case.yaml", cases / f"{name}.yaml")
    catalog, log = validate_data(load_data(data_copy))
    assert catalog is not None and all(c.slug != name for c in catalog.cases)
    assert any(p.code in ("invalid-id", "reserved-name") and p.path.endswith(f"{name}.yaml") for p in log.problems)


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_hostile_ids_that_no_file_system_allows_are_refused_too(hostile: str, data_copy: Path) -> None:
    """Names a Linux folder cannot have (NUL, `/`, `..`) reach the validator through a changed DataFolder:
    the rule is on the id, not on what the file system happened to allow."""
    folder = load_data(data_copy)
    zone = folder.zones.pop("demo-zone")
    zone.cases[hostile] = zone.cases.pop("demo-case")
    folder.zones[hostile] = dataclasses.replace(zone, id=hostile)
    catalog, log = validate_data(folder)
    assert catalog is not None and hostile not in catalog.zones
    assert all(c.slug != hostile and c.zone_id != hostile for c in catalog.cases)
    assert any(p.code in ("invalid-id", "reserved-name") for p in log.problems)  # CON, NUL: reserved on Windows


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt1"])
def test_windows_device_names_are_refused_in_lower_case_too(name: str, data_copy: Path) -> None:
    shutil.copytree(data_copy / "zones/demo-zone", data_copy / "zones" / name)
    catalog, _log = validate_data(load_data(data_copy))
    assert catalog is not None and name not in catalog.zones


def test_generate_with_a_hostile_folder_writes_nothing(data_copy: Path, tmp_path: Path) -> None:
    shutil.copytree(data_copy / "zones/demo-zone", data_copy / "zones/a\\..\\..\\evil")
    out = tmp_path / "out" / "generated"
    before = tree(tmp_path)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", str(out), "--data", str(data_copy)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert tree(tmp_path) == before


ESCAPING = ["../evil.md", "a/../../evil.md", "..", "../", "a\\..\\..\\evil.md", "..\\evil.md", "zones\\x.md"]


@pytest.mark.parametrize("rel", ESCAPING)
def test_write_files_refuses_escaping_paths_before_writing(rel: str, tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    out = sandbox / "out" / "gen"
    out.mkdir(parents=True)
    before = tree(sandbox)
    with pytest.raises(ValueError):
        write_files(out, {"a.md": b"A", rel: b"evil"})
    assert tree(sandbox) == before


def test_write_files_refuses_absolute_paths_before_writing(tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    out = sandbox / "gen"
    out.mkdir(parents=True)
    before = tree(sandbox)
    with pytest.raises(ValueError):
        write_files(out, {"a.md": b"A", str(sandbox / "evil.md"): b"evil"})
    assert tree(sandbox) == before


@pytest.mark.parametrize("rel", ["a/\x00b.md", "z\x00.md", "", ".", "./", "a/."])
def test_write_files_refuses_nul_and_empty_paths_before_writing(rel: str, tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    out = sandbox / "gen"
    out.mkdir(parents=True)
    before = tree(sandbox)
    with pytest.raises(ValueError, match=r"escapes|invalid|refus"):
        write_files(out, {"a.md": b"A", rel: b"evil"})
    assert tree(sandbox) == before


# --- an interrupted publication never leaves no site (issue 12, item 9) ----------------------------------
# `make site` builds into site.tmp, then swaps: site -> site.old, site.tmp -> site, site.old removed. A Ctrl-C
# between the two renames used to leave no site/ at all (and `make site-archive` refusing). Now the next run
# restores a whole site before anything else. The script's steps are interrupted through its test hook
# (PUBLISH_INTERRUPT_AT names the step at which it sends itself SIGINT), never by racing a real signal.

PUBLISH = ROOT / ".github" / "scripts" / "publish_site.sh"


def _write_site(folder: Path, label: str) -> dict[str, bytes]:
    (folder / "zones/demo-zone").mkdir(parents=True)
    (folder / "index.html").write_text(f"<html>{label}</html>\n", encoding="utf-8")
    (folder / "zones/demo-zone/index.html").write_text(f"{label} zone page\n", encoding="utf-8")
    (folder / "sitemap.xml").write_text(f"<urlset>{label}</urlset>\n", encoding="utf-8")
    return tree(folder)


def _make(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "PUBLISH_INTERRUPT_AT")}
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", *args]
    return subprocess.run(cmd, cwd=project, env={**full, **(env or {})}, capture_output=True, text=True, timeout=300)


def _publish(project: Path, action: str, step: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PUBLISH_INTERRUPT_AT": step}
    return subprocess.run(
        ["bash", str(PUBLISH), action, "site"], cwd=project, env=env, capture_output=True, text=True, timeout=60
    )


def _assert_whole_and_archived(project: Path, expected: dict[str, bytes]) -> None:
    """`make site-archive` (the next run) finds a whole site, leaves nothing behind and archives it."""
    proc = _make(project, "site-archive", "ARCHIVE=out.tar.gz")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert tree(project / "site") == expected
    assert not (project / "site.old").exists() and not (project / "site.tmp").exists()
    import tarfile

    with tarfile.open(project / "out.tar.gz") as archive:
        files = sorted(m.name.removeprefix("./") for m in archive.getmembers() if m.isfile())
    assert files == sorted(k for k in expected if not k.endswith("/"))


@needs_make
def test_site_archive_restores_the_site_an_interrupted_swap_left_as_site_old(tmp_path: Path) -> None:
    """The state a Ctrl-C between the two renames leaves: no site/, the old one in site.old, the new in site.tmp."""
    project = project_copy(tmp_path)
    old = tree(project / "site")
    (project / "site").rename(project / "site.old")
    _write_site(project / "site.tmp", "new")
    _assert_whole_and_archived(project, old)


@needs_make
def test_make_site_restores_the_site_before_anything_else(tmp_path: Path) -> None:
    """Restored before the check: even a run whose check then fails leaves the whole old site in place."""
    project = project_copy(tmp_path)
    old = tree(project / "site")
    (project / "site").rename(project / "site.old")
    (project / "site.tmp").mkdir()
    (project / "site.tmp/index.html").write_text("half a new site", encoding="utf-8")
    proc = make_site(project, bad_data(tmp_path))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert tree(project / "site") == old
    assert not (project / "site.old").exists() and not (project / "site.tmp").exists()


# step of `publish_site.sh swap` -> which site the next run must find whole
SWAP_STEPS = {
    "removing-stale": "old",  # a leftover site.old from an earlier interruption is being removed
    "built": "old",  # site.tmp complete, nothing renamed yet
    "moved-old": "old",  # site renamed to site.old, site.tmp not yet renamed: no site/ at all
    "moved-new": "new",  # site.tmp is site, site.old still there
    "removing-old": "new",  # site.old half removed
}


@needs_make
@pytest.mark.parametrize("step", sorted(SWAP_STEPS))
def test_an_interruption_at_each_step_of_the_swap_is_recovered(tmp_path: Path, step: str) -> None:
    project = project_copy(tmp_path)
    sites = {"old": tree(project / "site"), "new": _write_site(project / "site.tmp", "new")}
    if step == "removing-stale":
        _write_site(project / "site.old", "stale")
    proc = _publish(project, "swap", step)
    assert proc.returncode != 0, "the hook did not interrupt the swap"
    assert f"interrupted at {step}" in proc.stderr
    _assert_whole_and_archived(project, sites[SWAP_STEPS[step]])


# step of `publish_site.sh recover` -> the state it starts from -> which site must be whole afterwards
RECOVER_STEPS = {
    "recover-restored": "no site, old in site.old, new in site.tmp",
    "recover-removing-old": "new in site, old in site.old",
    "recover-removing-tmp": "old in site, half a build in site.tmp",
}


@needs_make
@pytest.mark.parametrize("step", sorted(RECOVER_STEPS))
def test_an_interruption_of_the_recovery_is_recovered_too(tmp_path: Path, step: str) -> None:
    project = project_copy(tmp_path)
    old = tree(project / "site")
    if step == "recover-restored":
        (project / "site").rename(project / "site.old")
        _write_site(project / "site.tmp", "new")
        expected = old
    elif step == "recover-removing-old":
        (project / "site").rename(project / "site.old")
        expected = _write_site(project / "site", "new")
    else:
        (project / "site.tmp").mkdir()
        (project / "site.tmp/index.html").write_text("half a new site", encoding="utf-8")
        expected = old
    proc = _publish(project, "recover", step)
    assert proc.returncode != 0, "the hook did not interrupt the recovery"
    assert f"interrupted at {step}" in proc.stderr
    _assert_whole_and_archived(project, expected)


@needs_make
def test_make_site_interrupted_between_the_renames_then_rebuilt(tmp_path: Path) -> None:
    """Through make, with the real build: interrupted in the window that had no site/, the next
    `make site-archive` archives the old site, and the next `make site` publishes the new one."""
    project = project_copy(tmp_path)
    old = tree(project / "site")
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    proc = _make(project, "site", f"DATA={data}", env={"PUBLISH_INTERRUPT_AT": "moved-old"})
    assert proc.returncode != 0 and "interrupted at moved-old" in proc.stderr
    assert not (project / "site").exists()  # the window the hook stopped in
    _assert_whole_and_archived(project, old)
    proc = _make(project, "site", f"DATA={data}")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert b"<urlset" in (project / "site/sitemap.xml").read_bytes() and tree(project / "site") != old
    assert not (project / "site.old").exists() and not (project / "site.tmp").exists()


@needs_make
@pytest.mark.parametrize("folder", ["site", "preview"])
def test_make_site_and_make_preview_recover_first_and_swap_last(folder: str) -> None:
    """Both folders CI publishes (the site, the offline preview artifact) go through the script: recovered
    before the build, swapped in after it; never removed with rm -rf or renamed by the recipe itself."""
    proc = subprocess.run(
        ["make", "-n", "-B", "--no-print-directory", folder], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()

    def index(pattern: str) -> int:
        found = [i for i, line in enumerate(lines) if pattern in line]
        assert len(found) == 1, f"{pattern!r} in {lines}"
        return found[0]

    recover = index(f"publish_site.sh recover {folder}")
    build = index(f"--site-dir {folder}.tmp")
    swap = index(f"publish_site.sh swap {folder}")
    assert recover < build < swap
    assert not [line for line in lines if re.search(rf"\b(?:rm -rf|mv)\b[^;&|]*\b{folder}(?:\.old)?\b(?!\.)", line)]


@needs_make
def test_site_archive_is_written_aside_and_renamed(tmp_path: Path) -> None:
    """An interrupted `make site-archive` never leaves a truncated archive under the name a deployer uses:
    tar writes ARCHIVE.tmp, which is renamed only once complete; an old archive stays until then."""
    proc = subprocess.run(
        ["make", "-n", "-B", "--no-print-directory", "-f", str(ROOT / "Makefile"), "site-archive", "ARCHIVE=a.tar.gz"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    tar = [line for line in proc.stdout.splitlines() if line.startswith("tar ")]
    assert len(tar) == 1 and " -czf a.tar.gz.tmp " in tar[0], tar
    assert "mv -f a.tar.gz.tmp a.tar.gz" in proc.stdout
