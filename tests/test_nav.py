"""The navigation stays small as the data grows: year pages are never listed, zone and case pages only up
to NAV_MAX_PAGES (beyond that their section's index page links them), and mkdocs.yml's `not_in_nav` covers
every generated page the navigation leaves out, so `mkdocs build --strict` does not fail on them."""

from __future__ import annotations

from typing import Any

import pathspec
import pytest
import yaml

from conftest import ROOT, SAMPLE, generated
from generator.analysis.stage import analyse
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site import case_pages, paths, zone_pages
from generator.site.pages import make_pages


def _site() -> Any:
    catalog, _ = validate_data(load_data(SAMPLE))
    assert catalog is not None
    return catalog, make_pages(catalog, analyse(catalog))  # its own: the test patches the generator first


def _paths(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for v in nav.values() for p in _paths(v)]
    return [p for item in nav for p in _paths(item)]


def _not_in_nav() -> list[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nexclude_docs:")[0])
    return [line.strip() for line in config["not_in_nav"].splitlines() if line.strip()]


def _ignored(page: str, patterns: list[str]) -> bool:
    """Matched the way MkDocs matches `not_in_nav` (pathspec's gitignore rules, paths from the docs root)."""
    return pathspec.GitIgnoreSpec.from_lines(patterns).match_file(page)


def test_small_sites_list_zones_and_cases_but_never_year_pages() -> None:
    catalog, site = generated(SAMPLE)  # the run's shared generation: the generator as it is
    listed = set(_paths(site.nav))
    for zone_id, zone in catalog.zones.items():
        assert paths.zone_page(zone_id) in listed
        for year in zone.reports:
            assert paths.year_page(zone_id, year) not in listed
    for case in catalog.cases:
        assert f"cases/{case.slug}.md" in listed


def test_large_sites_list_only_the_section_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zone_pages, "NAV_MAX_PAGES", 1)
    monkeypatch.setattr(case_pages, "NAV_MAX_PAGES", 1)
    _catalog, site = _site()
    sections = {next(iter(item)): item[next(iter(item))] for item in site.nav}
    assert sections["示范区"] == ["zones/index.md", {"示范区对比": "compare/index.md"}]  # the section's own pages
    assert sections["经验案例"] == ["cases/index.md"]
    patterns = _not_in_nav()
    left_out = [p for p in site.pages if p.startswith(("zones/", "cases/")) and p not in _paths(site.nav)]
    assert left_out and all(_ignored(p, patterns) for p in left_out), [p for p in left_out if not _ignored(p, patterns)]
    assert not _ignored("index.md", patterns) and not _ignored("indicators/index.md", patterns)
