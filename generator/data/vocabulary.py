"""The input vocabulary: the Chinese words and characters the loader and the Excel import must recognise in
what editors write (暂无, 不适用, units, 【待填写】, the full-width characters they detect). They are the data's
language, not the site's words: the site's and the tools' words are in the catalogue (generator/i18n.py,
generator/locale/). This is the one module of generator/ whose string literals may hold CJK text
(tests/test_catalogue.py).

Each area keeps its words in its own block below.
"""

from __future__ import annotations
