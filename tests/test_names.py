"""Names that collide with the site (issue 12, item 7): an id that becomes a file name (a case slug, an indicator
id, a zone folder) may not be a name the site itself uses in that folder, and no name in the data folder may be
one Windows reserves. The names the site uses are found from what it generates, so a page added later is
covered without anyone remembering this rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI, ROOT, generated, replace_once, run_check

# Where an id becomes a file name: folder -> (the id's kind, whether the id names a page `F/X.md`, served at
# F/X/, or a folder `F/X/`). A page F/index.md is served at F/ itself: it takes the name "index" from ids that
# name pages (their source would be the same file) but not from ids that name folders (F/index/ is another URL).
ID_FOLDERS = {"cases": ("case", True), "indicators": ("indicator", True), "zones": ("zone", False)}


def site_names(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """For each folder where ids become file names, the names the site uses there for something else."""
    catalog, site = generated(MINI, pdf=False)  # the run's shared generation of the mini data, PDF=0
    ids = {
        "cases": {c.slug for c in catalog.cases},
        "indicators": {i.id for i in catalog.indicators},
        "zones": set(catalog.zones),
    }
    hand_written = [p.relative_to(ROOT / "site_src").as_posix() for p in (ROOT / "site_src").rglob("*") if p.is_file()]
    names: dict[str, set[str]] = {folder: set() for folder in ID_FOLDERS}
    for path in [*site.pages, *site.files, *hand_written]:
        folder, _, rest = path.partition("/")
        if folder not in ID_FOLDERS or not rest:
            continue
        name = rest.split("/")[0].split(".")[0]
        if name in ids[folder] or (name == "index" and "/" not in rest and not ID_FOLDERS[folder][1]):
            continue
        names[folder].add(name)
    return names


def test_the_site_uses_index_beside_case_and_indicator_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert site_names(tmp_path, monkeypatch) == {"cases": {"index"}, "indicators": {"index"}, "zones": set()}


def test_every_name_the_site_uses_beside_ids_is_refused_as_an_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_copy: Path
) -> None:
    names = site_names(tmp_path, monkeypatch)
    zone = data_copy / "zones/demo-zone"
    for name in names["cases"]:
        shutil.copy(zone / "cases/demo-case.yaml", zone / f"cases/{name}.yaml")
    for name in names["zones"]:
        shutil.copytree(data_copy / "zones/applied-zone", data_copy / f"zones/{name}")
    for name in names["indicators"]:  # the first indicator takes the name, in the system and in the reports
        replace_once(data_copy / "indicator_system.yaml", "id: contract_value", f"id: {name}")
        for report in ("2022", "2023"):
            replace_once(zone / f"annual/{report}.yaml", "contract_value:", f"{name}:")
        replace_once(zone / "zone.yaml", "  contract_value: 20", f"  {name}: 20")
        replace_once(zone / "zone.yaml", "      contract_value: 25", f"      {name}: 25")
        replace_once(zone / "cases/demo-case.yaml", "indicators: [contract_value]", f"indicators: [{name}]")
    code, lines = run_check(Path("data"), "--strict")
    refused = {line.split(": [reserved-name]")[0].split(":")[0] for line in lines if "[reserved-name]" in line}
    expected = {f"data/zones/demo-zone/cases/{n}.yaml" for n in names["cases"]}
    expected |= {f"data/zones/{n}" for n in names["zones"]}
    expected |= {"data/indicator_system.yaml"} if names["indicators"] else set()
    assert code == 1 and refused == expected, lines
