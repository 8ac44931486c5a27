"""The input vocabulary: the Chinese words and characters the loader and the Excel import must recognise in
what editors write (暂无, 不适用, units, 【待填写】, the full-width characters they detect). They are the data's
language, not the site's words: the site's and the tools' words are in the catalogue (generator/i18n.py,
generator/locale/). This is the one module of generator/ whose string literals may hold CJK text
(tests/test_catalogue.py).

Each area keeps its words in its own block below.
"""

from __future__ import annotations

from typing import Literal, get_args

# --- the models and their scalar types (generator/data/models.py, generator/data/types.py) ---------------------

NOT_AVAILABLE = "暂无"  # the marker of a value with no data: never read as zero
NOT_APPLICABLE = "不适用"  # the marker of a value that does not apply
Marker = Literal["暂无", "不适用"]  # what `marker:` takes (the two words above)
MARKERS: tuple[str, ...] = get_args(Marker)
FULLWIDTH_IN_NUMBERS = r"[０-９．，－＋％]"  # full-width digits and signs typed into a number (a regular expression)
PERCENT_SIGNS = ("%", "％")  # a number written with a percent sign (half- or full-width)
NO_DATA_WRITTEN = ("-", "—", "/", "无", "N/A", "n/a", "NA", "空")  # what editors write for "no data" instead of 暂无
