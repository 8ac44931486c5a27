"""The catalogue is the only source of words (issue 13): generator/i18n.py and generator/locale/.

- every message `pybabel extract` finds in the code and the templates is in the catalogue, translated, and
  every catalogue entry is still used;
- the pseudo-locale: the sample site's pages built with `qps` (every catalogue entry wrapped in ⟦…⟧) carry no
  CJK text outside the wrapped words, once the strings that come from the loaded YAML are taken out;
- no CJK literal is left in generator/**/*.py outside the input vocabulary (generator/data/vocabulary.py), nor in
  the templates and the theme's overrides (site_src/overrides/, whose words MkDocs' theme environment takes from
  the same catalogue): `REMAINING` lists what the migration has not reached yet, exactly, so that it only shrinks.
"""

from __future__ import annotations

import ast
import html
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po

from conftest import MINI, ROOT, SAMPLE, generated
from generator import i18n
from generator.site.common import make_env
from generator.site.markup import Safe

CJK = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
VOCABULARY = "generator/data/vocabulary.py"  # the input words the loader and the Excel import must recognise

# What the migration to the catalogue has not reached yet: file -> number of CJK string literals (Python) or of
# lines with CJK text (templates). Exact: a file that loses some must be updated here, and the goal is {}.
REMAINING: dict[str, int] = {}


def cjk_literals(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)
    )


def cjk_lines(path: Path) -> int:
    """Lines with CJK text in a template, its comments ({# … #}) left out."""
    text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
    return sum(1 for line in text.splitlines() if CJK.search(line))


def counted() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel != VOCABULARY and (n := cjk_literals(path)):
            found[rel] = n
    templates = [*(ROOT / "generator" / "templates").rglob("*"), *(ROOT / "site_src" / "overrides").rglob("*")]
    for path in sorted(templates):
        if path.is_file() and (n := cjk_lines(path)):
            found[path.relative_to(ROOT).as_posix()] = n
    return found


def test_no_word_outside_the_catalogue_but_those_listed() -> None:
    found = counted()
    changed = {
        f: (REMAINING.get(f, 0), n)
        for f, n in (dict.fromkeys(REMAINING, 0) | found).items()
        if found.get(f, 0) != REMAINING.get(f, 0)
    }
    assert not changed, (
        "CJK literals per file (listed → now); move new words into generator/locale/ and update REMAINING: "
        + ", ".join(f"{f}: {a} → {b}" for f, (a, b) in sorted(changed.items()))
    )


def extracted(tmp_path: Path) -> list[Any]:
    pot = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "-q", "extract", "-F", "babel.cfg", "--no-wrap", "-o", str(pot), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def test_every_extracted_message_is_in_the_catalogue_and_every_entry_is_used(tmp_path: Path) -> None:
    catalogue = i18n.catalogue(i18n.SOURCE_LOCALE)
    messages = extracted(tmp_path)
    missing = [
        f"{m.id!r} ({m.locations[0][0]}:{m.locations[0][1]})"
        for m in messages
        if catalogue.get(m.id, context=m.context) is None
    ]
    assert not missing, "not in generator/locale/zh_CN: " + "; ".join(missing)
    untranslated = [m.id for m in catalogue if m.id and not (m.string if isinstance(m.string, str) else all(m.string))]
    assert not untranslated, f"entries without their words: {untranslated}"
    used = {(m.context, m.id) for m in messages}
    unused = [m.id for m in catalogue if m.id and (m.context, m.id) not in used]
    assert not unused, f"catalogue entries no code uses (remove them): {unused}"


def test_a_catalogue_entry_is_only_in_one_file(tmp_path: Path) -> None:
    """The locale's files are merged; a message in two of them is refused, not silently shadowed."""
    first = i18n.catalogue(i18n.SOURCE_LOCALE)
    assert len([m for m in first if m.id]) >= 1
    assert i18n._("yes") == "是"
    with i18n.use(i18n.PSEUDO_LOCALE):
        assert i18n._("yes") == "⟦是⟧"
    assert i18n._("yes") == "是"  # the block's locale ends with the block


# ---- the pseudo-locale ----------------------------------------------------------------------------------------


MARKDOWN = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s+|\*\*|[*`\[\]|]|\]\([^)]*\)")


def input_words() -> set[str]:
    """The input vocabulary (暂无, 不适用 …): the data's own words, shown as they are written."""
    from generator.data import vocabulary

    words: set[str] = set()
    for value in vars(vocabulary).values():
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, tuple):
            words.update(v for v in value if isinstance(v, str))
    return {w for w in words if CJK.search(w) and not re.search(r"[\\(\[{]", w)}  # not the patterns


def yaml_strings(data: Path) -> list[str]:
    """Every string of the loaded YAML (values and keys; a Markdown text also line by line and between its
    marks), and the input vocabulary, longest first."""
    found: set[str] = input_words()

    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
            for line in value.splitlines():
                yield line
                yield from MARKDOWN.split(line)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(key)
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for path in sorted(data.rglob("*.yaml")):
        found.update(s.strip() for s in walk(yaml.safe_load(path.read_text(encoding="utf-8"))) if s.strip())
    return sorted(found, key=lambda s: (-len(s), s))


WRAPPED = re.compile(
    re.escape(i18n.PSEUDO_OPEN) + r"[^" + i18n.PSEUDO_OPEN + i18n.PSEUDO_CLOSE + r"]*" + re.escape(i18n.PSEUDO_CLOSE)
)


def unwrapped_cjk(text: str, strings: list[str]) -> list[str]:
    """The CJK runs (with a little context) left in `text` once the catalogue's words (⟦…⟧, nested too) and the
    data's strings are taken out (compared as text: the pages' HTML and Markdown escapes undone)."""
    for _ in range(3):  # a chart's figure is JSON in an HTML attribute: escaped twice
        text = html.unescape(text)
    # JSON in an attribute writes `&`, `<`, `>` as JSON escapes (the comparison page's data, compare_words.py)
    text = text.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
    while True:
        shorter = WRAPPED.sub(" ", text)
        if shorter == text:
            break
        text = shorter
    for s in strings:
        if CJK.search(s):
            text = text.replace(s, " ")
    runs = re.finditer(f"(?:{CJK.pattern})+", text)
    return [text[max(0, m.start() - 20) : m.end() + 20].replace("\n", "⏎") for m in runs]


@pytest.mark.parametrize("data", [SAMPLE, MINI], ids=["sample", "mini"])
def test_pseudo_locale_every_word_on_every_page_comes_from_the_catalogue(data: Path) -> None:
    """Every generated page, the print HTML of the summaries, the text downloads and the navigation, built in the
    pseudo-locale: once the catalogue's words (⟦…⟧) and the data's strings are taken out, no CJK text is left."""
    _, site = generated(data, locale=i18n.PSEUDO_LOCALE)
    strings = yaml_strings(data)
    texts = dict(site.pages) | {f"{p} (print HTML)": html for p, html in site.pdf_jobs.items()}
    texts |= {
        p: b.decode("utf-8") for p, b in site.files.items() if p.endswith((".csv", ".json", ".xml", ".md", ".txt"))
    }
    texts["nav"] = yaml.safe_dump(site.nav, allow_unicode=True)
    assert i18n.PSEUDO_OPEN in texts["index.md"] and i18n.PSEUDO_OPEN in texts["nav"]  # the sweep read the words
    left = {path: runs for path, text in texts.items() if (runs := unwrapped_cjk(text, strings))}
    report = [f"{path}: {len(runs)} × e.g. {runs[0]!r}" for path, runs in sorted(left.items())]
    assert not left, f"{sum(map(len, left.values()))} CJK runs outside the catalogue:\n" + "\n".join(report[:60])


def test_the_sweep_finds_a_word_written_in_place() -> None:
    """What the sweep would report: a word outside ⟦…⟧ that is not the data's (here 未译), nested words taken out."""
    found = unwrapped_cjk("⟦年度⟦摘要⟧⟧ 南宁 未译 R&amp;D", ["南宁"])
    assert len(found) == 1 and "未译" in found[0] and "年度" not in found[0] and "南宁" not in found[0]


def test_the_pages_templates_escape_the_values_not_the_catalogues_words() -> None:
    """In the Markdown templates the catalogue's words are the site's own Markdown, and the values that fill
    their placeholders are escaped as `{{ value }}` is (generator/site/common.py): data cannot inject markup."""
    env = make_env()
    line = '{{ pgettext("templates", "%(label)s: %(text)s", label=link, text=raw) }}'
    assert env.from_string(line).render(link=Safe("[a](b.md)"), raw="*x*") == "[a](b.md)：&#42;x&#42;"
    block = (
        "{% set zones %}{{ raw }} {{ link }}{% endset %}"
        '{{ _("Totals of %(year)s: the values of %(zones)s added up", year=2025, zones=zones|composed) }}'
    )
    assert (
        env.from_string(block).render(link=Safe("[a](b.md)"), raw="*x*")
        == "2025 年合计（&#42;x&#42; [a](b.md)的数值相加）"
    )
    with i18n.use(i18n.PSEUDO_LOCALE):
        assert env.from_string(line).render(link="a", raw="b") == "⟦a：b⟧"


def test_a_moved_problem_text_is_found_by_its_key() -> None:
    """The problem texts moved into the catalogue (generator/data/messages.py) carry their key as their context,
    and the words of each are there under it."""
    from generator.data import messages

    moved = {
        key: value
        for table in (messages.EDITOR_TEXTS, messages.RULES_TEXTS, messages.LOAD_TEXTS)
        for key, value in table.items()
        if isinstance(value, tuple)
    }
    assert not [key for key, (context, _) in moved.items() if context != key]
    catalogue = i18n.catalogue(i18n.SOURCE_LOCALE)
    assert not [key for key, (context, message) in moved.items() if catalogue.get(message, context=context) is None]


# The site's own scripts write no words of their own: what they show comes from the page (data-words and
# templates drawn from the catalogue). What they may hold is what they read: the input vocabulary of the data
# (暂无, 不适用: a table cell written so sorts last) and the full stop a chart's label is cut at.
SCRIPT_READS = {"tables.js": {"暂无", "不适用"}, "a11y.js": {"。"}}


def test_the_site_scripts_hold_no_words_of_their_own() -> None:
    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    found = {}
    for script in sorted((ROOT / "site_src" / "assets").glob("*.js")):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script.read_text(encoding="utf-8"), flags=re.S)
        literals = {s for s in re.findall(r'"((?:[^"\\\n]|\\.)*)"', code) if cjk.search(s)}
        literals |= {s for s in re.findall(r"'((?:[^'\\\n]|\\.)*)'", code) if cjk.search(s)}
        extra = literals - SCRIPT_READS.get(script.name, set())
        if extra or cjk.search(re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', "", code)):
            found[script.name] = sorted(extra)
    assert found == {}, found
