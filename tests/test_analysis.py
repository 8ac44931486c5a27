"""The analysis stage (generator/analysis/stage.py): computed once from the catalog, exact totals, and the
explicit memo the MkDocs hook hands in for `mkdocs serve`'s rebuilds (generator/analysis/memo.py)."""

from __future__ import annotations

import html
import shutil
from decimal import Decimal
from pathlib import Path

from conftest import MINI, SAMPLE, load_catalog, replace_once
from generator.analysis.memo import Memo
from generator.analysis.stage import analyse
from generator.site.pages import make_pages


def test_totals_are_exact_sums_of_the_values_as_written(tmp_path: Path) -> None:
    """0.1 + 0.2 is 0.3 (as floats it is 0.30000000000000004): the home page prints the exact sum."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    turnover = "  tech_contract_turnover: "
    written = {"nanning-hitech": "0.1", "liuzhou-hitech": "0.2"}
    for zone, value in written.items():
        path = data / "zones" / zone / "annual" / "2025.yaml"
        old = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(turnover))
        replace_once(path, old, turnover + value)
    catalog = load_catalog(data)
    total = next(t for t in analyse(catalog).totals if t.indicator == "tech_contract_turnover")
    others = [
        z.reports[2025].readings["tech_contract_turnover"].number
        for zid, z in catalog.zones.items()
        if zid not in written and 2025 in z.reports and not z.reports[2025].report.baseline
    ]
    expected = Decimal("0.3") + sum((n for n in others if n is not None), Decimal(0))
    assert total.year == 2025 and total.total == expected
    assert str(total.total) == str(expected)  # no float noise in the digits either
    home = make_pages(catalog, analyse(catalog), pdf=False).pages["index.md"]
    assert f"| {expected:f} 亿元 |\n" in html.unescape(home).replace(",", "")  # pages write 0.3 as 0&#46;3
    assert "2025 年合计" in html.unescape(home)


def test_a_memo_recomputes_only_the_years_an_edit_changed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    memo = Memo()
    before = analyse(load_catalog(data), memo)
    stored = len(memo)
    assert stored == len(before.composite.years) == 3
    replace_once(
        data / "zones/nanning-hitech/annual/2025.yaml", "tech_contract_turnover: 45.8", "tech_contract_turnover: 45.9"
    )
    catalog = load_catalog(data)
    after = analyse(catalog, memo)
    assert after.composite.years[2023] is before.composite.years[2023]  # unchanged rows: taken from the memo
    assert after.composite.years[2024] is before.composite.years[2024]
    assert after.composite.years[2025] is not before.composite.years[2025]  # the edited year: computed again
    assert len(memo) == stored + 1
    # and what the memo gives is what a fresh computation gives, page for page
    assert make_pages(catalog, after, pdf=False).pages == make_pages(catalog, analyse(catalog), pdf=False).pages


def test_without_a_memo_nothing_is_kept_between_analyses() -> None:
    catalog = load_catalog(MINI)
    first, second = analyse(catalog), analyse(catalog)
    assert first.composite.years.keys() == second.composite.years.keys()
    assert all(first.composite.years[y] is not second.composite.years[y] for y in first.composite.years)
