"""What the build installs is exactly what was reviewed (issue 12, item 10).

Python packages come from hash-locked files installed with `--require-hashes` (the installer and the build
backend first, from requirements-bootstrap.lock, so nothing is fetched unchecked, not even to build jieba, the
one package published only as source); the Node tools come from committed package.json + package-lock.json
with `npm ci`. The rules are checked on the Makefile as make would run it (`make -n`), and on deliberately
broken copies, so the test fails when a lock is missing, incomplete or not used."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PY_LOCKS = ("requirements-bootstrap.lock", "requirements.lock")
NODE_DIRS = ("node-tools", "node-tools/lighthouse", "node-tools/plotly")
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>\S+)")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_entries(text: str) -> tuple[dict[str, str], list[str]]:
    """A pip-compile lock: {package: version} and what is wrong with it (an entry without a sha256 hash, a
    line that is not `name==version`, an option that fetches from elsewhere)."""
    entries: dict[str, str] = {}
    problems: list[str] = []
    current = ""
    for raw in text.replace("\\\n", " ").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            problems.append(f"option in a lock: {line}")
            continue
        match = REQUIREMENT.match(line)
        if not match:
            problems.append(f"not pinned with ==: {line}")
            continue
        current = _key(match["name"])
        entries[current] = match["version"]
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})\b", line)
        if not hashes:
            problems.append(f"{current}: no sha256 hash")
    return entries, problems


def _requirements_in(path: Path) -> dict[str, str]:
    wanted = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            match = REQUIREMENT.match(line)
            assert match, f"{path.name}: not pinned with ==: {line}"
            wanted[_key(match["name"])] = match["version"]
    return wanted


def _dry_run(makefile: Path, target: str) -> str:
    """The commands make would run for `target` (always remade, nothing executed), in the project."""
    proc = subprocess.run(
        ["make", "-n", "-B", "--no-print-directory", "-f", str(makefile), target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def install_problems(makefile: Path) -> list[str]:
    """What breaks the install rules in a Makefile (empty when it keeps them all)."""
    problems = []
    pips = [line for line in _dry_run(makefile, ".venv/.installed").splitlines() if " -m pip install " in line]
    used = {}
    for line in pips:
        args = line.split(" -m pip install ", 1)[1]
        files = re.findall(r"(?:^|\s)-r\s+(\S+)", args)
        packages = [a for a in re.sub(r"(?:^|\s)-r\s+\S+", " ", args).split() if not a.startswith("-")]
        if "--require-hashes" not in args.split():
            problems.append(f"pip install without --require-hashes: {line}")
        if packages or not files:
            problems.append(f"pip install of something else than a lock: {line}")
        used.update(dict.fromkeys(files, args.split()))
    for lock in PY_LOCKS:
        if lock not in used:
            problems.append(f"{lock} not installed by .venv/.installed")
    if "--no-build-isolation" not in used.get("requirements.lock", []):
        problems.append("requirements.lock installed with build isolation: build requirements fetched unchecked")
    for target, folder in (("tools", "$(TOOLS)"), ("bench", ".tools/lighthouse"), ("vendor-plotly", ".tools/plotly")):
        commands = _dry_run(makefile, target)
        if re.search(r"\bnpm (?:install|i|add)\b", commands):
            problems.append(f"{target}: npm install instead of npm ci")
        if not re.search(r"\bnpm ci\b[^\n]*--ignore-scripts", commands):
            problems.append(f"{target}: not installed with npm ci --ignore-scripts ({folder})")
    return problems


# ---------------------------------------------------------------- the Python locks


@pytest.mark.parametrize("lock", PY_LOCKS)
def test_python_locks_pin_every_package_with_hashes(lock: str) -> None:
    path = ROOT / lock
    assert path.is_file(), f"{lock} is missing: run make lock"
    entries, problems = lock_entries(path.read_text(encoding="utf-8"))
    assert problems == []
    assert len(entries) >= (2 if "bootstrap" in lock else 50)


def test_locks_hold_exactly_what_the_in_files_ask_for() -> None:
    """Each requirement of the .in files is in its lock at that version; pip and setuptools only in the
    bootstrap lock (so the main install never replaces the installer or the build backend)."""
    for source, lock in (("requirements-bootstrap.in", PY_LOCKS[0]), ("requirements.in", PY_LOCKS[1])):
        entries, _ = lock_entries((ROOT / lock).read_text(encoding="utf-8"))
        for name, version in _requirements_in(ROOT / source).items():
            assert name in entries, f"{name} of {source} is not in {lock}"
            assert re.fullmatch(re.escape(version).replace(r"\*", ".*"), entries[name]), (name, entries[name])
    boot, _ = lock_entries((ROOT / PY_LOCKS[0]).read_text(encoding="utf-8"))
    main, _ = lock_entries((ROOT / PY_LOCKS[1]).read_text(encoding="utf-8"))
    assert set(boot) == {"pip", "setuptools"}
    assert not set(boot) & set(main)


def test_the_lock_checker_finds_broken_locks() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert lock_entries(text)[1] == []
    one_hash = re.search(r"(?m)^pyyaml==\S+ \\\n(?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+", text, re.IGNORECASE)
    assert one_hash, "no pyyaml entry to break: update the test"
    assert lock_entries(text.replace(one_hash.group(), "pyyaml==6.0.4\n"))[1] == ["pyyaml: no sha256 hash"]
    assert lock_entries(text + "requests>=2\n")[1] == ["not pinned with ==: requests>=2"]
    assert lock_entries("--extra-index-url https://x.example/\n" + text)[1] != []


# ---------------------------------------------------------------- the Node locks


@pytest.mark.parametrize("folder", NODE_DIRS)
def test_node_tools_are_locked_with_integrity(folder: str) -> None:
    manifest = ROOT / folder / "package.json"
    lock = ROOT / folder / "package-lock.json"
    assert manifest.is_file() and lock.is_file(), f"{folder}: package.json and package-lock.json are committed"
    wanted = json.loads(manifest.read_text(encoding="utf-8"))["dependencies"]
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    assert packages[""]["dependencies"] == wanted
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: exact versions only, not {version}"
        assert packages[f"node_modules/{name}"]["version"] == version
    for path, entry in packages.items():
        if path and not entry.get("link"):
            assert re.fullmatch(r"sha512-[A-Za-z0-9+/]+=*", entry.get("integrity", "")), f"{path}: no sha512 integrity"


# ---------------------------------------------------------------- the Makefile uses them

needs_make = pytest.mark.skipif(not shutil.which("make"), reason="needs make")


@needs_make
def test_the_makefile_installs_only_from_the_locks() -> None:
    assert install_problems(ROOT / "Makefile") == []


MUTATIONS = {
    "no --require-hashes": ("--require-hashes --no-build-isolation -r", "--no-build-isolation -r"),
    "bootstrap lock unused": ("--require-hashes -r requirements-bootstrap.lock", "--upgrade pip"),
    "build isolation": (" --no-build-isolation", ""),
    "npm install for the tools": ("npm ci --prefix $(TOOLS)", "npm install --prefix $(TOOLS)"),
    "lighthouse by npm i": (
        "npm ci --prefix .tools/lighthouse",
        "npm i -E lighthouse@12.2.3 --prefix .tools/lighthouse",
    ),
    "install scripts run": ("npm ci --prefix $(TOOLS) --ignore-scripts", "npm ci --prefix $(TOOLS)"),
}


@needs_make
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_the_install_checker_catches_a_broken_makefile(tmp_path: Path, mutation: str) -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    old, new = MUTATIONS[mutation]
    assert old in text, f"mutation {mutation!r} no longer applies: update the test"
    (tmp_path / "Makefile").write_text(text.replace(old, new), encoding="utf-8")
    assert install_problems(tmp_path / "Makefile") != []


def test_ci_installs_through_the_makefile() -> None:
    """The workflow and .ci/run install nothing from PyPI or npm themselves: only through make's locked rules."""
    for path in (ROOT / ".github/workflows/site.yml", ROOT / ".ci/run"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bpip3? install\b|\bnpm (?:install|i|add|ci)\b|\bnpx\b", text), path
    assert "make .venv/.installed" in (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")


def test_readme_says_how_to_pin_the_container_by_digest() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## 发布与部署 / Publishing and deployment") :]
    for needed in ("debian:12@sha256:", "docker buildx imagetools inspect", "make lock", "--require-hashes", "npm ci"):
        assert needed in section, needed
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert re.search(r"image: debian:12(?:@sha256:[0-9a-f]{64})?\s+# .*digest", workflow), "where the digest goes"
