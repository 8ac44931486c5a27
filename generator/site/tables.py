"""The old name of the analysis stage, kept for callers written before it (tests/test_golden.py): the pandas
tables are gone; what they fed (the home page's totals) is exact, in generator/analysis/stage.py."""

from __future__ import annotations

from generator.analysis.stage import analyse

make_tables = analyse
