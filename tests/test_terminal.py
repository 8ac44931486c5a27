"""Problem lines are inert in a terminal and in GitHub Actions (issue 12, item 6).

Data text reaches a terminal (`check`, `make site`), a CI log (every line a step prints is scanned for
workflow commands: `::cmd::` at a line's start, the older `##[cmd]` anywhere in a line) and the annotations
of `--format github`. Escape sequences (CSI, OSC 8 hyperlinks), BEL, backspace, a lone CR that overwrites
the line, DEL, C1 controls, bidi controls, line separators, lone surrogates (a file name that is not UTF-8)
and the runner's own syntax must all be shown as visible text, never acted on. The hostile text is put in a
file name, a key and a value, and the exact output of both formats is asserted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_check
from generator.data.problems import Problem

# a file name: clear the screen, overwrite the line with a fake annotation, the older command syntax
FILE_STEM = "evil\x1b[2J\r::warning::假##[add-mask]k"
# a key: an OSC 8 hyperlink ended by BEL, then a line separator and a bidi override
KEY = "k\x1b]8;;https://e.example/\x07链接\x1b]8;;\x07\u2028\u202e"
# a value: backspace, DEL, C1 CSI, an isolate, a percent-encoded newline, a stop-commands and a newline
VALUE = "1\x08\x7f\x9b\u2066%0A::stop-commands::t\n##[error]x"


def _hostile(data: Path) -> None:
    cases = data / "zones/demo-zone/cases"
    (cases / f"{FILE_STEM}.yaml").write_bytes((cases / "demo-case.yaml").read_bytes())
    annual = data / "zones/demo-zone/annual/2023.yaml"
    text = annual.read_text(encoding="utf-8")
    key = '"k\\e]8;;https://e.example/\\a链接\\e]8;;\\a\\L\\u202e"'  # KEY, written with YAML's escapes
    value = '"1\\b\\x7f\\x9b\\u2066%0A::stop-commands::t\\n##[error]x"'  # VALUE
    text = text.replace("submitted: 2024-01-20", f"submitted: 2024-01-20\n{key}: 1", 1)
    annual.write_text(text.replace("agencies: 3", f"agencies: {value}", 1), encoding="utf-8")


TEXT = [
    "data/zones/demo-zone/annual/2023.yaml:2: k⟨U+001B⟩]8;;https://e.example/⟨U+0007⟩链接⟨U+001B⟩]8;;⟨U+0007⟩"
    "⟨U+2028⟩⟨U+202E⟩ [unknown-field] 未知字段 k⟨U+001B⟩]8;;https://e.example/⟨U+0007⟩链接⟨U+001B⟩]8;;⟨U+0007⟩"
    "⟨U+2028⟩⟨U+202E⟩ / unknown field k⟨U+001B⟩]8;;https://e.example/⟨U+0007⟩链接⟨U+001B⟩]8;;⟨U+0007⟩"
    "⟨U+2028⟩⟨U+202E⟩（提示：可用字段：year、baseline、submitted、highlights、values）",
    "data/zones/demo-zone/annual/2023.yaml:11: values.agencies [value-not-number] “技术转移机构”应填写数字，实际为"
    "“1⟨U+0008⟩⟨U+007F⟩⟨U+009B⟩⟨U+2066⟩%0A:⟨U+003A⟩stop-commands:⟨U+003A⟩t⏎##⟨U+005B⟩error]x” / agencies takes "
    "a number, got '1\\x08\\x7f\\x9b\\u2066%0A:⟨U+003A⟩stop-commands:⟨U+003A⟩t\\n##⟨U+005B⟩error]x'"
    "（提示：只写数字本身（半角、不带单位和千位分隔符）；没有数据写“暂无”，不适用写“不适用”。）",
    "data/zones/demo-zone/cases/evil⟨U+001B⟩[2J⟨U+000D⟩:⟨U+003A⟩warning:⟨U+003A⟩假##⟨U+005B⟩add-mask]k.yaml:"
    " [invalid-id] 文件名“evil⟨U+001B⟩[2J⟨U+000D⟩:⟨U+003A⟩warning:⟨U+003A⟩假##⟨U+005B⟩add-mask]k”不符合规则"
    " / invalid file name 'evil\\x1b[2J\\r:⟨U+003A⟩warning:⟨U+003A⟩假##⟨U+005B⟩add-mask]k'"
    "（提示：年度数据文件名为四位年份（如 2024.yaml）；案例文件名只用小写英文字母、数字和连字符。）",
]

GITHUB = [
    "::error file=data/zones/demo-zone/annual/2023.yaml,line=2,title=[unknown-field] k⟨U+001B⟩]8;;https%3A//"
    "e.example/⟨U+0007⟩链接⟨U+001B⟩]8;;⟨U+0007⟩⟨U+2028⟩⟨U+202E⟩::未知字段 k⟨U+001B⟩]8;;https://e.example/⟨U+0007⟩"
    "链接⟨U+001B⟩]8;;⟨U+0007⟩⟨U+2028⟩⟨U+202E⟩ / unknown field k⟨U+001B⟩]8;;https://e.example/⟨U+0007⟩链接"
    "⟨U+001B⟩]8;;⟨U+0007⟩⟨U+2028⟩⟨U+202E⟩（提示：可用字段：year、baseline、submitted、highlights、values）",
    "::error file=data/zones/demo-zone/annual/2023.yaml,line=11,title=[value-not-number] values.agencies::"
    "“技术转移机构”应填写数字，实际为“1⟨U+0008⟩⟨U+007F⟩⟨U+009B⟩⟨U+2066⟩%250A:⟨U+003A⟩stop-commands:⟨U+003A⟩t⏎"
    "##⟨U+005B⟩error]x” / agencies takes a number, got '1\\x08\\x7f\\x9b\\u2066%250A:⟨U+003A⟩stop-commands:"
    "⟨U+003A⟩t\\n##⟨U+005B⟩error]x'（提示：只写数字本身（半角、不带单位和千位分隔符）；"
    "没有数据写“暂无”，不适用写“不适用”。）",
    "::error file=data/zones/demo-zone/cases/evil⟨U+001B⟩[2J⟨U+000D⟩%3A⟨U+003A⟩warning%3A⟨U+003A⟩假##⟨U+005B⟩"
    "add-mask]k.yaml,title=[invalid-id]::文件名“evil⟨U+001B⟩[2J⟨U+000D⟩:⟨U+003A⟩warning:⟨U+003A⟩假##⟨U+005B⟩"
    "add-mask]k”不符合规则 / invalid file name 'evil\\x1b[2J\\r:⟨U+003A⟩warning:⟨U+003A⟩假##⟨U+005B⟩add-mask]k'"
    "（提示：年度数据文件名为四位年份（如 2024.yaml）；案例文件名只用小写英文字母、数字和连字符。）",
]


def test_text_format_shows_hostile_data_escaped(data_copy: Path) -> None:
    _hostile(data_copy)
    code, lines = run_check(Path("data"))
    assert code == 1
    assert lines == TEXT


def test_github_format_shows_hostile_data_escaped(data_copy: Path) -> None:
    _hostile(data_copy)
    code, lines = run_check(Path("data"), "--format", "github")
    assert code == 1
    assert lines == GITHUB


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_line_carries_a_control_character_or_a_command(data_copy: Path, fmt: str) -> None:
    """Independent of the exact wording: every printed line is one line, free of controls, and only the
    github format's own `::error ` opens a workflow command."""
    _hostile(data_copy)
    _, lines = run_check(Path("data"), "--format", fmt)
    assert len(lines) == 3
    for line in lines:
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line), line
        assert not any(c in line for c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        assert "##[" not in line
        if fmt == "github":
            assert line.startswith("::error file=")
            line = line.split("::", 2)[2]  # the annotation's text, after the command and its properties
        assert "::" not in line


def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(tmp_path: Path) -> None:
    """A lone surrogate (Python's stand-in for a byte that is not UTF-8 in a file name) cannot be printed
    on a strict UTF-8 terminal: it is named, and check reports instead of crashing."""
    import shutil

    from conftest import MINI

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    cases = os.fsencode(data / "zones/demo-zone/cases")
    shutil.copy(os.path.join(cases, b"demo-case.yaml"), os.path.join(cases, b"bad\xff.yaml"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", "data"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "data/zones/demo-zone/cases/bad⟨U+DCFF⟩.yaml: [invalid-id] 文件名“bad⟨U+DCFF⟩”不符合规则 / invalid file"
        " name 'bad\\udcff'（提示：年度数据文件名为四位年份（如 2024.yaml）；案例文件名只用小写英文字母、数字和连字符。）"
    ]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain 中文 text: a, b", "plain 中文 text: a, b"),
        ("\x1b[31mred", "⟨U+001B⟩[31mred"),
        ("a\r\nb\nc\rd", "a⏎b⏎c⟨U+000D⟩d"),
        ("tab\there", "tab⟨U+0009⟩here"),
        ("\u00a0\u3000 ", "⟨U+00A0⟩\u3000 "),
        ("\u200b\ufeff\ud800\ue000\uffff", "⟨U+200B⟩⟨U+FEFF⟩⟨U+D800⟩⟨U+E000⟩⟨U+FFFF⟩"),
        ("a⏎b ⟨U+0041⟩", "a⏎b ⟨U+0041⟩"),
        (":::", ":⟨U+003A⟩⟨U+003A⟩"),
        ("###[x]", "###⟨U+005B⟩x]"),
    ],
)
def test_terminal_text(raw: str, shown: str) -> None:
    from generator.data.problems import terminal_text

    assert terminal_text(raw) == shown
    assert terminal_text(shown) == shown  # idempotent: printing an already shown line again changes nothing


def test_plain_problems_print_as_before() -> None:
    """Ordinary text (Chinese, full-width punctuation, a URL, a single colon) is printed unchanged."""
    problem = Problem("data/zones/a/zone.yaml", 3, "links.0", "invalid-value", "链接：https://x.cn/a", "link: x, y")
    assert (
        problem.format_text() == "data/zones/a/zone.yaml:3: links.0 [invalid-value] 链接：https://x.cn/a / link: x, y"
    )


def test_editors_commands_show_data_inert(tmp_path: Path) -> None:
    """The editors' commands print what they refuse (a slug, a sheet's cell) the same way as check."""
    import shutil

    from conftest import MINI

    shutil.copytree(MINI, tmp_path / "data")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "new-case", "demo-zone", "x\x1b[2Jy\r::error::z", "--data", "data"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "案例编号“x⟨U+001B⟩[2Jy⟨U+000D⟩:⟨U+003A⟩error:⟨U+003A⟩z”不符合规则：只能用小写英文字母、数字和单个连字符，"
        "如 nanning-hitech / invalid case slug 'x\\x1b[2Jy\\r:⟨U+003A⟩error:⟨U+003A⟩z': lowercase letters, digits "
        "and single hyphens only"
    ]
