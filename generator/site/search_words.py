"""The site's own words for the search index: a jieba user dictionary made from the data.

Material's search plugin cuts the Chinese of every page into words with jieba before indexing it, and the
search box looks a query up in those words (site_src/assets/javascripts/workers/search-zh.js). jieba knows
everyday Chinese, not this program's names: left to itself it cuts an indicator's or a zone's name into
pieces one way here and another way there. Every name the data gives (indicators and their categories,
zones with their short names, parks, cities, tags, the seven tasks and every other reference list of the
guideline's terms) becomes a word of the dictionary, so each is cut the same way on every page, and a name
added to the data is a word at the next build. The MkDocs hook loads the file into jieba before any page is
indexed; the file (a dot file) is not published.

A word is a run of Chinese characters: jieba sees only such runs (the plugin segments `\\p{Han}+`), so an
indicator name with its unit in brackets gives the name without them, and a run of one character is no word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.data.catalog import Catalog
from generator.site.common import Context, Section

SEARCH_WORDS = ".jieba-userdict"  # under the generated folder; a dot file: MkDocs does not publish it (no page text)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]{2,}")


def _names(catalog: Catalog) -> Iterator[str]:
    for category in catalog.categories:
        yield category.name
    for indicator in catalog.indicators:
        yield indicator.name
    for _list, items in sorted(catalog.references.items()):
        for item in items:
            yield item.name
    for task in catalog.tasks:
        yield task.name
        yield task.short
    for _zone_id, record in sorted(catalog.zones.items()):
        zone = record.zone
        yield zone.name
        if zone.short_name:
            yield zone.short_name
        for park in zone.parks:
            yield park.name
        for indicator in record.own_indicators:
            yield indicator.name


def words(names: Iterable[str]) -> list[str]:
    """The dictionary's words: every run of two Chinese characters or more in the names, once, sorted (the
    order jieba reads them in is fixed, so the same data cuts the same way)."""
    return sorted({run for name in names for run in _HAN.findall(name)})


def search_words(catalog: Catalog) -> list[str]:
    return words(_names(catalog))


def user_dictionary(catalog: Catalog) -> str:
    """jieba's user dictionary format: one word a line (jieba gives each the frequency that keeps it whole)."""
    return "".join(f"{word}\n" for word in search_words(catalog))


def make_search_words(ctx: Context) -> Section:
    out = Section()
    out.files[SEARCH_WORDS] = user_dictionary(ctx.catalog).encode("utf-8")
    return out
