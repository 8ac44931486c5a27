"""The loader, on bytes (no files): YAML 1.1 traps, limits, keyboard traps, line numbers."""

from __future__ import annotations

import time

import pytest

from generator.data.load import parse_text


def codes(doc) -> list[str]:
    return [p.code for p in doc.problems]


def test_scalars_stay_as_written() -> None:
    doc = parse_text(b"a: NO\nb: 012\nc: 1.10\nd: 3:30\ne: 2024-01-31\nf: yes\ng: ~\nh:\ni: ''\n", "x.yaml")
    assert doc.ok
    assert doc.data == {
        "a": "NO",
        "b": "012",
        "c": "1.10",
        "d": "3:30",
        "e": "2024-01-31",
        "f": "yes",
        "g": None,
        "h": None,
        "i": "",
    }


def test_every_key_keeps_its_line() -> None:
    doc = parse_text(b"a: 1\nlist:\n  - x: 1\n    y: 2\n  - x: 3\nblock: |\n  text\nlast: 2\n", "x.yaml")
    assert doc.lines[("a",)] == 1
    assert doc.lines[("list", 0)] == 3
    assert doc.lines[("list", 0, "y")] == 4
    assert doc.lines[("list", 1, "x")] == 5
    assert doc.lines[("last",)] == 8
    assert doc.line_of(("list", 1, "missing")) == 5  # a missing field points at its parent


def test_bom_and_crlf_are_accepted() -> None:
    doc = parse_text(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", "x.yaml")
    assert doc.ok and doc.data == {"a": "1", "b": "2"} and doc.lines[("b",)] == 2


def test_gbk_is_named() -> None:
    doc = parse_text("名称: 南宁".encode("gbk"), "x.yaml")
    assert codes(doc) == ["not-utf8"] and "GBK" in doc.problems[0].zh


def test_utf16_is_refused() -> None:
    doc = parse_text("a: 1".encode("utf-16"), "x.yaml")
    assert codes(doc) == ["not-utf8"]


def test_duplicate_keys_name_both_lines() -> None:
    doc = parse_text(b"a: 1\nb: 2\na: 3\n", "x.yaml")
    assert codes(doc) == ["duplicate-key"] and doc.problems[0].line == 3 and "1" in doc.problems[0].zh


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n".encode()
        for i in range(20)
    )
    start = time.process_time()
    doc = parse_text(bomb, "x.yaml")
    assert codes(doc) == ["yaml-alias"]
    assert time.process_time() - start < 5  # a guard against a hang, not a benchmark


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    for text in (b"[" * 100_000 + b"]" * 100_000, b"".join(b"  " * i + b"k:\n" for i in range(500))):
        doc = parse_text(text, "x.yaml")
        assert doc.problems and doc.problems[0].code in ("too-deep", "yaml-syntax")


def test_oversized_input_is_refused() -> None:
    assert codes(parse_text(b"a: " + b"x" * 1_000_001, "x.yaml")) == ["file-too-large"]


def test_keyboard_traps_are_named() -> None:
    assert codes(parse_text("name：南宁\n".encode(), "x.yaml")) == ["fullwidth-colon"]
    assert codes(parse_text("a:\n\u3000\u3000b: 1\n".encode(), "x.yaml")) == ["ideographic-space"]
    # a full-width colon inside text is normal Chinese punctuation, not a trap
    assert parse_text("summary: 做法：一是…\nbody: |\n  要点：二是…\n".encode(), "x.yaml").ok


def test_tags_and_multiple_documents_are_refused() -> None:
    assert codes(parse_text(b"a: !!binary aGVsbG8=\n", "x.yaml")) == ["yaml-tag"]
    assert codes(parse_text(b"a: 1\n---\nb: 2\n", "x.yaml")) == ["yaml-syntax"]


# --- issue 11: no silent merge --------------------------------------------------------------------
# What YAML makes of a misindented list item, for every kind of list the data has: a plain item indented
# further than its siblings is joined to the item above as one text ("甲。 - 乙。"), which passed the check;
# one indented less (or an item of a list of fields) is a syntax error, which must name the line to change.

MERGED = [
    ("highlight-3-spaces", "highlights:\n  - 甲。\n   - 乙。\n", [("list-item-merged", 3, "highlights[0]")]),
    ("highlight-4-spaces", "highlights:\n  - 甲。\n    - 乙。\n", [("list-item-merged", 3, "highlights[0]")]),
    ("highlight-first-1-space", "highlights:\n - 甲。\n  - 乙。\n", [("list-item-merged", 3, "highlights[0]")]),
    ("highlight-last", "highlights:\n  - 甲。\n  - 乙。\n   - 丙。\n", [("list-item-merged", 4, "highlights[1]")]),
    (
        "highlight-two-merged",
        "highlights:\n  - 甲。\n   - 乙。\n   - 丙。\n",
        [("list-item-merged", 3, "highlights[0]"), ("list-item-merged", 4, "highlights[0]")],
    ),
    ("zero-indented-list", "highlights:\n- 甲。\n - 乙。\nvalues: {}\n", [("list-item-merged", 3, "highlights[0]")]),
    ("star-marker", "highlights:\n  - 甲。\n   * 乙。\n", [("list-item-merged", 3, "highlights[0]")]),
    ("industries", "industries:\n  - 电子信息\n   - 生物医药\n", [("list-item-merged", 3, "industries[0]")]),
    ("policy-basis", "policy_basis:\n  - 《法》\n   - 《指引》\n", [("list-item-merged", 3, "policy_basis[0]")]),
    ("tags", "tags:\n  - ip\n   - sci-finance\n", [("list-item-merged", 3, "tags[0]")]),
    (
        "nested-list",
        "a:\n  - x: 1\n    list:\n      - 甲。\n       - 乙。\n    y: 2\n",
        [("list-item-merged", 5, "a[0].list[0]")],
    ),
    ("highlight-1-space-less", "highlights:\n  - 甲。\n - 乙。\nvalues: {}\n", [("yaml-syntax", 3, "")]),
    ("first-item-3-spaces", "highlights:\n   - 甲。\n  - 乙。\n", [("yaml-syntax", 3, "")]),
    (
        "events-3-spaces",
        "events:\n  - kind: applied\n    date: 2023-01-10\n   - kind: approved\n",
        [("yaml-syntax", 4, "")],
    ),
    (
        "events-1-space",
        "events:\n  - kind: applied\n    date: 2023-01-10\n - kind: approved\n",
        [("yaml-syntax", 4, "")],
    ),
    (
        "events-5-spaces",
        "events:\n  - kind: applied\n    date: 2023-01-10\n     - kind: approved\n",
        [("yaml-syntax", 4, "")],
    ),
    ("parks-field-3", "parks:\n  - name: 甲\n     kind: hitech_zone\n", [("yaml-syntax", 3, "")]),
    ("parks-field-1", "parks:\n  - name: 甲\n   kind: hitech_zone\n", [("yaml-syntax", 3, "")]),
    ("targets-field-3", "targets:\n  a: 1\n   b: 2\n", [("yaml-syntax", 3, "")]),
    # a list under a one-line text: joined into that text (a warning: it may be meant as text)
    (
        "summary-list",
        "summary: 甲：\n  - 乙；\n  - 丙。\n",
        [("line-merged", 2, "summary"), ("line-merged", 3, "summary")],
    ),
    (
        "event-note",
        "events:\n  - kind: applied\n    date: 2023-01-10\n    note: 甲\n      - 乙\n",
        [("line-merged", 5, "events[0].note")],
    ),
    ("folded", "background: >\n  甲\n  - 乙\n", [("line-merged", 3, "background")]),
    # a field indented too far inside a text block above it: the field is gone
    (
        "plan-section-swallowed",
        "plan:\n  overview: |\n    甲\n    foundation: |\n      - 乙\n  tasks: 丙\n",
        [("key-merged", 4, "plan.foundation")],
    ),
    (
        "case-field-swallowed",
        "title: 甲\nbackground: |\n  乙\n  practices: 丙\n",
        [("key-merged", 4, "practices")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in MERGED])
def test_a_broken_list_is_reported_on_the_line_to_change(text: str, expected: list[tuple[str, int, str]]) -> None:
    doc = parse_text(text.encode(), "x.yaml")
    assert [(p.code, p.line, p.field) for p in doc.problems] == expected


@pytest.mark.parametrize(
    "text",
    [
        "practices: |\n  - 甲；\n  - 乙。\n",  # a Markdown list in a text block is text
        "summary: 甲 - 乙\n",
        "summary: 甲\n  乙\n",  # a long text over two lines
        'highlights:\n  - "甲\n   - 乙"\n',  # quoted: the editor chose the text
        "plan:\n  overview: |\n    甲\n  foundation: 乙\n",
        "plan:\n  overview: |\n    foundation: 甲\n  foundation: 乙\n",  # the field is there: text about it
        "background: |\n  note: 甲\n",  # `note` is no field of a case
        "highlights:\n  - 甲。\n  - 乙。\n",
        "highlights:\n  - 注意：甲。\n  - 网址:https://example.org\n",  # a Chinese colon; no field before the colon
        "parks:\n  - name: 甲\n    kind: x\n",
        "highlights:\n  - https://example.org\n  - 10:30 开会\n",
    ],
)
def test_lists_and_texts_that_are_right_stay_silent(text: str) -> None:
    assert parse_text(text.encode(), "x.yaml").problems == []


def test_a_merged_item_is_named_not_repaired() -> None:
    doc = parse_text("highlights:\n  - 甲。\n   - 乙。\n".encode(), "x.yaml")
    assert doc.data == {"highlights": ["甲。 - 乙。"]}  # the text as YAML read it, never changed silently
    assert not doc.ok  # an error: a list item can only be merged by mistake
    problem = doc.problems[0]
    assert "“- 乙。”" in problem.zh and "第 2 行" in problem.zh
    assert problem.hint == "列表每一项的“- ”要上下对齐：这一行开头应为 2 个空格，与第 2 行相同。"


def test_a_joined_line_is_a_warning_and_the_file_is_still_read() -> None:
    doc = parse_text("summary: 甲：\n  - 乙。\n".encode(), "x.yaml")
    assert doc.ok and doc.data == {"summary": "甲： - 乙。"}
    assert [p.severity.name for p in doc.problems] == ["WARNING"]


# --- issue 11: invisible characters, named with their line and column --------------------------------
# Where one is decides what it does: in the indentation or next to a key it breaks the structure, in a
# number, date, code or link it changes the value (errors); in a text a reader cannot see it (a warning).

INVISIBLE = [
    ("nbsp-indent", "a:\n\u00a0\u00a0b: 1\n", "invisible-char", 2, 1, "00A0"),
    ("nbsp-after-dash", "a:\n  -\u00a0b\n", "invisible-char", 2, 4, "00A0"),
    ("bom-at-line-start", "a: 1\n\ufeffb: 2\n", "invisible-char", 2, 1, "FEFF"),
    ("ideographic-then-nbsp", "a:\n  \u2003b: 1\n", "invisible-char", 2, 3, "2003"),
    ("zwsp-in-key", "ye\u200bar: 2024\n", "invisible-char", 1, 3, "200B"),
    ("nbsp-before-colon", "year\u00a0: 2024\n", "invisible-char", 1, 5, "00A0"),
    ("nbsp-instead-of-space", "year:\u00a02024\n", "invisible-char", 1, 6, "00A0"),
    ("nbsp-after-number", "year: 2024\u00a0\n", "invisible-char", 1, 11, "00A0"),
    ("zwnj-in-number", "a: 12\u200c5\n", "invisible-char", 1, 6, "200C"),
    ("word-joiner-in-date", "d: 2024-01\u2060-20\n", "invisible-char", 1, 11, "2060"),
    ("bom-in-number", "a: 1\ufeff2\n", "invisible-char", 1, 5, "FEFF"),
    ("zwj-in-code", "task: mech\u200danism\n", "invisible-char", 1, 11, "200D"),
    ("zwsp-in-flow-code", "tags: [ip, sci\u200b-finance]\n", "invisible-char", 1, 15, "200B"),
    ("thin-space-in-id", "city: nan\u2009ning\n", "invisible-char", 1, 10, "2009"),
    ("zwsp-in-marker", "a: 暂无\u200b\n", "invisible-char", 1, 6, "200B"),
    ("zwsp-in-link", "url: https://example.org/\u200ba\n", "invisible-char", 1, 26, "200B"),
    ("ltr-mark-in-quoted-number", 'a: "1\u200e2"\n', "invisible-char", 1, 6, "200E"),
    ("nbsp-in-text", "name: 南宁\u00a0高新区\n", "invisible-in-text", 1, 9, "00A0"),
    ("narrow-nbsp-in-text", "name: 南宁\u202f高新区\n", "invisible-in-text", 1, 9, "202F"),
    ("math-space-in-text", "name: 南宁\u205f高新区\n", "invisible-in-text", 1, 9, "205F"),
    ("ogham-space-in-text", "name: 南宁\u1680高新区\n", "invisible-in-text", 1, 9, "1680"),
    ("en-quad-in-text", "name: 南宁\u2000高新区\n", "invisible-in-text", 1, 9, "2000"),
    ("hair-space-in-text", "name: 南宁\u200a高新区\n", "invisible-in-text", 1, 9, "200A"),
    ("zwsp-in-text", "summary: 甲\u200b乙\n", "invisible-in-text", 1, 11, "200B"),
    ("zwj-in-list-text", "highlights:\n  - 甲\u200d乙\n", "invisible-in-text", 2, 6, "200D"),
    ("rlo-in-text", "summary: 甲\u202e乙\n", "invisible-in-text", 1, 11, "202E"),
    ("isolate-in-text", "summary: 甲\u2066乙\u2069\n", "invisible-in-text", 1, 11, "2066"),
    ("rlm-in-text", "summary: 甲\u200f乙\n", "invisible-in-text", 1, 11, "200F"),
    ("soft-hyphen-in-text", "summary: 甲\u00ad乙\n", "invisible-in-text", 1, 11, "00AD"),
    ("nbsp-in-block-text", "practices: |\n  1. 甲\u00a0乙\n", "invisible-in-text", 2, 7, "00A0"),
    ("nbsp-cutting-block-indent", "practices: |\n  甲\n \u00a0乙\n", "invisible-char", 3, 2, "00A0"),
    ("nbsp-in-quoted-text", 'name: "南宁\u00a0高新区"\n', "invisible-in-text", 1, 10, "00A0"),
    # line breaks to YAML only: the text and every line number after them would be misread
    ("line-separator-in-text", "summary: 甲\u2028乙\nb: 1\n", "invisible-char", 1, 11, "2028"),
    ("paragraph-separator-in-quotes", 'summary: "甲\u2029乙"\nb: 1\n', "invisible-char", 1, 12, "2029"),
    ("next-line-in-block", "practices: |\n  甲\x85乙\n", "invisible-char", 2, 4, "0085"),
    ("line-separator-in-comment", "a: 1\n# 注释\u2028更多\nb: 2\n", "invisible-char", 2, 5, "2028"),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "char"), [pytest.param(*case[1:], id=case[0]) for case in INVISIBLE]
)
def test_invisible_characters_are_named_where_they_are(text: str, code: str, line: int, column: int, char: str) -> None:
    doc = parse_text(text.encode(), "x.yaml")
    assert [(p.code, p.line) for p in doc.problems] == [(code, line)]
    problem = doc.problems[0]
    assert f"第 {column} 列有一个" in problem.zh and f"（U+{char}）" in problem.zh
    assert f"column {column}: " in problem.en and f"(U+{char})" in problem.en
    assert problem.hint


def test_an_invisible_character_in_text_is_kept_and_the_file_read() -> None:
    doc = parse_text("name: 南宁\u00a0高新区\nsummary: 甲\u200b乙\n".encode(), "x.yaml")
    assert doc.ok and doc.data == {"name": "南宁\u00a0高新区", "summary": "甲\u200b乙"}  # never removed silently
    assert [p.line for p in doc.problems] == [1, 2]
    assert doc.problems[0].zh == "第 9 列有一个不换行空格（U+00A0）：读者看不见它，它却会留在网页上"
    assert doc.problems[0].hint == "把它删除后重新输入一个普通空格（若本不需要空格，直接删除）。"
    assert doc.problems[1].hint == "把它删除（它看不见：可删除该位置前后的字符后重新输入）。"


def test_a_changed_value_names_the_value_as_seen() -> None:
    doc = parse_text("values:\n  agencies: 3\u200b\n".encode(), "x.yaml")
    assert not doc.ok and doc.problems[0].zh == "第 14 列有一个零宽空格（U+200B）：看不见，却会改变“3”的值"


def test_several_on_one_line_are_counted_and_each_line_named() -> None:
    doc = parse_text("a:\n\u00a0\u00a0b: 1\n\u00a0\u00a0c: 2\n".encode(), "x.yaml")
    assert [(p.code, p.line) for p in doc.problems] == [("invisible-char", 2), ("invisible-char", 3)]
    assert doc.problems[0].zh.endswith("（这一行共有 2 个看不见的字符）")


def test_a_line_break_only_yaml_sees_shifts_no_line() -> None:
    doc = parse_text('a: "甲\u2028乙"\nb: 1\nc: x: y\n'.encode(), "x.yaml")
    assert [(p.code, p.line) for p in doc.problems] == [("invisible-char", 1)]
    assert doc.problems[0].hint == "把它删除；确实要换行的地方直接按回车键。"


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffa: 1\n",  # a byte-order mark at the very start is how some editors save UTF-8
        "a: 1  # 注释\u00a0里的空格\n",  # nothing in a comment is read
        "# \u200b 注释\na: 1\n",
        "summary: 甲\u3000乙\n",  # an ideographic space is visible in Chinese text
    ],
)
def test_harmless_places_stay_silent(text: str) -> None:
    doc = parse_text(text.encode("utf-8"), "x.yaml")
    assert doc.problems == [] and doc.data is not None


# --- issue 11: every YAML error is reported on the line the editor must change ------------------------

CASE = "title: 甲\nyear: 2024\ntask: mechanism\nsummary: 乙\nbackground: 丙\nresults:\n  text: 丁\n  indicators: [a]\n"

YAML_ERRORS = [
    ("unclosed-double-quote", CASE.replace("summary: 乙", 'summary: "乙'), 4, '引号 " 没有成对'),
    ("unclosed-single-quote", CASE.replace("summary: 乙", "summary: '乙"), 4, "引号 ' 没有成对"),
    (
        "unclosed-quote-closed-later",
        CASE.replace("summary: 乙", 'summary: "乙').replace("text: 丁", 'text: "丁"'),
        4,
        '引号 " 没有成对',
    ),
    ("unclosed-quote-in-list", 'highlights:\n  - "甲\n  - 乙\nvalues:\n  a: 1\n', 2, '引号 " 没有成对'),
    ("unclosed-bracket", CASE.replace("[a]", "[a, b"), 8, "方括号"),
    ("unclosed-bracket-mid", CASE.replace("indicators: [a]", "indicators: [a,\n    b\nsource: 戊"), 8, "方括号"),
    ("indent-more", CASE.replace("task: mechanism", "  task: mechanism"), 3, "缩进与同一层的字段不同"),
    ("indent-less", "a:\n  b: 1\n c: 2\n", 3, "缩进与同一层的字段不同"),
    ("indent-nested-more", CASE.replace("  indicators", "    indicators"), 8, "缩进与同一层的字段不同"),
    ("missing-colon", CASE.replace("task: mechanism", "task mechanism"), 3, "缺少“键名: 值”中的冒号"),
    ("missing-colon-last-line", CASE + "source 戊\n", 9, "缺少“键名: 值”中的冒号"),
    ("missing-space", CASE.replace("year: 2024", "year:2024"), 2, "“year:”的冒号后缺少空格"),
    ("missing-space-chinese", CASE.replace("title: 甲", "title:甲"), 1, "“title:”的冒号后缺少空格"),
    ("missing-space-nested", CASE.replace("text: 丁", "text:丁"), 7, "“text:”的冒号后缺少空格"),
    (
        "missing-space-in-list",
        "images:\n  - file:demo.png\n    alt: 甲\n",
        2,
        "“file:”的冒号后缺少空格",
    ),
    ("missing-space-line-8", "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nyear:2024\nh: 8\n", 8, "冒号后缺少空格"),
    ("tab-indent", "a:\n\tb: 1\n", 2, "制表符"),
    ("tab-after-dash", "a:\n  -\tb\n", 2, "制表符"),
    ("item-at-wrong-level-right", "a:\n  - kind: x\n   - kind: y\n", 3, "“- ”与同一列表的其他项没有对齐"),
    ("item-at-wrong-level-left", "a:\n  - b\n - c\nd: 1\n", 3, "“- ”与同一列表的其他项没有对齐"),
    ("stray-colon", CASE.replace("summary: 乙", "summary: 注意: 乙"), 4, "英文冒号"),
    ("stray-colon-at-end", CASE.replace("summary: 乙", "summary: 做法如下:"), 4, "英文冒号"),
    # YAML reads these list items as a field and as a text, without an error of its own
    ("stray-colon-in-list-item", "highlights:\n  - 甲\n  - 注意: 启动建设。\n", 3, "英文冒号"),
    ("missing-space-in-list-item", "images:\n  - file:demo.png\n", 2, "“file:”的冒号后缺少空格"),
    ("duplicate-key", CASE.replace("year: 2024", "year: 2024\nyear: 2025"), 3, "键 year 重复（第一次出现在第 2 行）"),
    ("comment-cut-in-two", "# 示例数据：以下数\n字均为虚构。\nbaseline: true\n", 2, "注释"),
    ("comment-cut-in-a-mapping", "values:\n  a: 1\n  # 说明：单位为\n  亿元。\n  b: 2\n", 4, "注释"),
]


@pytest.mark.parametrize(("text", "line", "words"), [pytest.param(*case[1:], id=case[0]) for case in YAML_ERRORS])
def test_a_yaml_error_names_the_line_to_change(text: str, line: int, words: str) -> None:
    doc = parse_text(text.encode(), "x.yaml")
    assert [p.line for p in doc.problems] == [line]
    assert words in doc.problems[0].zh


def test_a_misindented_field_is_told_where_it_could_go() -> None:
    doc = parse_text(b"values:\n  a: 1\n  b:\n    value: 2\n    note: x\n   c: 3\n", "x.yaml")
    assert doc.problems[0].line == 6
    assert (
        doc.problems[0].hint
        == "同一层的字段要上下对齐：这一行开头应为 2 个空格（与第 3 行对齐），或 4 个空格（与第 5 行对齐）。"
    )


@pytest.mark.parametrize(
    ("text", "line"), [("background: >\n  甲\n  - 乙\n", 1), ("highlights:\n  - >\n    甲\n    - 乙\n", 2)]
)
def test_a_folded_text_is_told_to_become_a_block(text: str, line: int) -> None:
    hint = parse_text(text.encode(), "x.yaml").problems[0].hint
    assert hint == (
        f"若要分条书写，把第 {line} 行的“>”改为“|”，下面每条另起一行、以“- ”开头并统一缩进；"
        "若这一行是列表的新一项或另一个字段，使它与上一项或上一字段对齐。"
    )


@pytest.mark.parametrize(
    ("text", "column", "name"),
    [
        ("a:\n\u3000\u3000b: 1\n", 1, "全角空格（U+3000）"),
        ("a:\n  - \u3000b\n", 5, "全角空格（U+3000）"),
        ("a:\n\tb: 1\n", 1, "制表符（Tab 键）（U+0009）"),
        ("a:\n  -\tb\n", 4, "制表符（Tab 键）（U+0009）"),
    ],
)
def test_a_tab_or_ideographic_space_in_the_indentation_is_named_with_its_column(
    text: str, column: int, name: str
) -> None:
    doc = parse_text(text.encode(), "x.yaml")
    assert [(p.code, p.line) for p in doc.problems] == [("ideographic-space", 2)]
    assert doc.problems[0].zh.startswith(f"第 {column} 列有一个{name}：")
