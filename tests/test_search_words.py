"""The search index's own words (issue 14, "Search finds Chinese words"): the jieba user dictionary is made
from the data's names, not from a hand list, and jieba keeps each name whole once the build has loaded it.
The browser side (queries typed into the search box) is tests/test_browser_search.py."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SAMPLE, generated, load_catalog, replace_once

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def runs(name: str) -> list[str]:
    return HAN_RUN.findall(name)


def names(catalog) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    zones = [r.zone for _, r in sorted(catalog.zones.items())]
    return {
        "indicator": [i.name for i in catalog.indicators] + [c.name for c in catalog.categories],
        "zone": [z.name for z in zones] + [z.short_name for z in zones if z.short_name],
        "park": [p.name for z in zones for p in z.parks],
        "tag": [t.name for t in catalog.references["tags"]],
        "task": [t.name for t in catalog.tasks] + [t.short for t in catalog.tasks],
        "city": [c.name for c in catalog.references["cities"]],
    }


def test_every_name_of_the_data_is_a_word_of_the_dictionary() -> None:
    from generator.site.search_words import search_words

    catalog = load_catalog(SAMPLE)
    words = set(search_words(catalog))
    for kind, listed in names(catalog).items():
        assert listed, kind
        missing = [run for name in listed for run in runs(name) if run not in words]
        assert missing == [], (kind, missing)
    # only the data's names: nothing else is in it
    everything = {run for listed in names(catalog).values() for name in listed for run in runs(name)}
    assert everything <= words


def test_the_dictionary_is_a_file_of_the_build_in_jiebas_format_sorted() -> None:
    from generator.site.search_words import SEARCH_WORDS, search_words

    catalog, site = generated(SAMPLE, pdf=False)
    text = site.files[SEARCH_WORDS].decode("utf-8")
    lines = text.splitlines()
    assert lines == sorted(set(lines)) == search_words(catalog)
    assert all(line and " " not in line for line in lines)  # one word a line, no frequency: jieba gives it
    assert SEARCH_WORDS.startswith(".")  # MkDocs does not publish a dot file


def test_a_name_added_to_the_data_is_a_word_at_the_next_build(data_copy: Path) -> None:
    from generator.site.search_words import search_words

    before = set(search_words(load_catalog(data_copy)))
    assert "概念验证中试平台" not in before and "星海科创园" not in before
    replace_once(data_copy / "reference" / "tags.yaml", "name: 中试基地,", "name: 概念验证中试平台,")
    replace_once(data_copy / "zones" / "demo-zone" / "zone.yaml", "name: 演示高新区", "name: 星海科创园")
    after = set(search_words(load_catalog(data_copy)))
    assert after - before == {"概念验证中试平台", "星海科创园"}
    assert "中试基地" not in after  # the old tag name went with it


def test_jieba_keeps_every_name_whole_once_the_build_loaded_the_dictionary(tmp_path: Path) -> None:
    import jieba

    from generator.mkdocs_bridge import _teach_jieba
    from generator.site.search_words import search_words, user_dictionary

    catalog = load_catalog(SAMPLE)
    path = tmp_path / "words.txt"
    path.write_text(user_dictionary(catalog), encoding="utf-8")
    _teach_jieba(path)
    frequencies = {word: jieba.dt.FREQ[word] for word in search_words(catalog)}
    _teach_jieba(path)  # `mkdocs serve` loads it again at each rebuild: nothing changes
    assert {word: jieba.dt.FREQ[word] for word in frequencies} == frequencies
    split = [word for word in frequencies if jieba.lcut(word) != [word]]
    assert split == []
