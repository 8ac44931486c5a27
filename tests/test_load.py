"""The loader, on bytes (no files): YAML 1.1 traps, limits, keyboard traps, line numbers."""

from __future__ import annotations

import time

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
