"""One place makes internal links (issue 13): every generated page and file has its path in
generator/site/paths.py (relative to the generated folder, which MkDocs serves at the site's root), and
`paths.href(from_page, to_path)` makes the relative link from one to the other, exactly as the pages wrote it
by hand before. No other generator/site module and no template writes a relative page path itself.

What counts as a hand-written relative page path (`hand_written_paths`):

- in Python, a string literal that is not a docstring (an f-string is read with `{}` for each placeholder), and
  in a template, a quoted string, that as a whole is a path: it goes up (`../…`), or it is one or more
  path segments (`[\\w{}.-]`) ending in a page or file name (`.md .csv .json .xlsx .pdf .png .svg .jpg`),
  optionally followed by `?query` or `#anchor`, or it is one or more segments each ending in `/` (a folder
  address: `f"{slug}/"`, or `f"{base}cases/{slug}/"`, an absolute address with the page's path written by hand);
- anywhere in a string (or a template's text), the target of a Markdown link `[…](target)` or of an HTML
  `href="…"`, `src="…"`, `data-index="…"` that is relative: not `http(s):`, `mailto:`, `#…`, `/…`, nor a
  placeholder (`{…}`, a Jinja expression, or a catalogue parameter `%(…)s`).

Prose that names a file (“zones-indicators.csv, zones/<zone id>.csv (sheet …)”) is not a link and is not
matched, nor an absolute address whose path comes from paths.py (`f"{base}/{news_post_url(slug)}"`).

PENDING names the modules and templates not converted yet (others were editing them at the same time); it is
exact, so that it only shrinks: a listed file that no longer has a hand-written path fails the test too.
"""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT

SITE = ROOT / "generator" / "site"
TEMPLATES = ROOT / "generator" / "templates"
PATHS_MODULE = "generator/site/paths.py"

PENDING: set[str] = set()

_EXT = r"(?:md|csv|json|xlsx|pdf|png|svg|jpg)"
WHOLE_PATH = re.compile(
    rf"^(?:\.\./\S*|(?:[\w{{}}.\-]+/)*[\w{{}}\-]+(?:\.[\w{{}}\-]+)*\.{_EXT}(?:[?#]\S*)?|(?:[\w{{}}.\-]+/)+)$"
)
_RELATIVE = r"(?!https?:|mailto:|#|/|\{|%\()"
EMBEDDED = re.compile(rf"\]\({_RELATIVE}(?P<md>[^)\s]+)\)|\b(?:href|src|data-index)=\"{_RELATIVE}(?P<attr>[^\"]+)\"")
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA_STRING = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")


def _matches(text: str) -> list[str]:
    found = [text] if WHOLE_PATH.match(text) else []
    found += [m.group("md") or m.group("attr") for m in EMBEDDED.finditer(text)]
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def python_paths(source: str) -> list[str]:
    """The hand-written relative paths in a Python module's string literals (docstrings left out)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    in_fstring: set[int] = set()
    texts: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                in_fstring.add(id(value))
                parts.append(value.value if isinstance(value, ast.Constant) else "{}")
            texts.append("".join(str(p) for p in parts))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip | in_fstring:
            texts.append(node.value)
    return list(dict.fromkeys(found for text in texts for found in _matches(text)))


def template_paths(source: str) -> list[str]:
    """The hand-written relative paths in a template: its quoted strings and its text (comments left out)."""
    source = _JINJA_COMMENT.sub("", source)
    found = [m.group("md") or m.group("attr") for m in EMBEDDED.finditer(source)]
    for m in _JINJA_STRING.finditer(source):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        if WHOLE_PATH.match(text):
            found.append(text)
    return list(dict.fromkeys(found))


def hand_written_paths() -> dict[str, list[str]]:
    """Every file of generator/site/ (but paths.py) and generator/templates/ that writes a relative path."""
    result: dict[str, list[str]] = {}
    for path in sorted(SITE.glob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name != PATHS_MODULE and (found := python_paths(path.read_text(encoding="utf-8"))):
            result[name] = found
    for path in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        if found := template_paths(path.read_text(encoding="utf-8")):
            result[path.relative_to(ROOT).as_posix()] = found
    return result


def test_the_pattern_catches_hand_written_paths() -> None:
    module = '''
"""A docstring naming cases/index.md and ../zones/x/ is prose."""
def page(zone, ind, slug, t):
    """Also prose: news/posts/<slug>.md."""
    a = link(zone.name, f"../zones/{zone.id}/index.md")
    b = link(ind.name, f"{ind.id}.md")
    c = "method.md"
    d = f"cases/{slug}.md"
    e = Safe(f"[3](../cases/index.md?task={t})")
    f = f'<ul data-index="index.json">'
    g = f"../zones/{zone.id}/"
    h = _("zones-indicators.csv, zones/<zone id>.csv (sheet “%(sheet)s”)", sheet=s)
    i = f"{base}/news/{slug}/"
    i2 = f"{base}/{news_post_url(slug)}"
    l = {"url": f"{slug}/"}
    j = "[site](https://example.org/a.md)"
    k = link(zone.name, href(HERE, zone_page(zone.id)))
'''
    assert sorted(python_paths(module)) == sorted(
        ["../zones/{}/index.md", "{}.md", "cases/{}.md", "../cases/index.md?task={}", "index.json", "../zones/{}/",
         "method.md", "{}/news/{}/", "{}/"]
    )  # fmt: skip
    template = """{# [a comment](about.md) is not a link #}
{{ _("[Main tasks](tasks.md): the seven tasks") }}
{{ _("[Main tasks](%(tasks)s): the seven tasks", tasks=links.tasks) }}
![{{ i.alt }}]({{ i.src }})
<a href="{{ case_url(c.slug) }}">x</a> <a href="../x/">y</a> [z](#anchor) [w](https://example.org/)
{% include "summary_print.css" %}{{ link_to("index.md") }}
"""
    assert template_paths(template) == ["tasks.md", "../x/", "index.md"]


def test_no_module_or_template_writes_a_relative_path() -> None:
    found = hand_written_paths()
    offenders = {name: paths for name, paths in found.items() if name not in PENDING}
    assert offenders == {}, "use generator/site/paths.py (a path and href) instead of these hand-written paths"


def test_pending_is_exact() -> None:
    found = hand_written_paths()
    done = sorted(name for name in PENDING if name not in found)
    assert done == [], "converted: remove these from PENDING"


def test_href_makes_the_links_the_pages_wrote() -> None:
    from generator.site import paths

    cases = [
        # (from page, to path, the link as the site writes it)
        (paths.case_page("x"), paths.zone_page("z"), "../zones/z/index.md"),
        (paths.CASES_INDEX, paths.page_url(paths.zone_page("z")), "../zones/z/"),
        (paths.CASES_INDEX, paths.page_url(paths.case_page("x")), "x/"),
        (paths.case_page("x"), paths.zone_image("z", "a.jpg"), "../images/z/a.jpg"),
        (paths.case_page("x"), paths.CASES_INDEX + "?task=t1", "index.md?task=t1"),
        (paths.zone_page("z"), paths.case_page("x"), "../../cases/x.md"),
        (paths.zone_page("z"), paths.indicator_page("i"), "../../indicators/i.md"),
        (paths.zone_page("z"), paths.ANALYSIS_METHOD, "../../analysis/method.md"),
        (paths.zone_page("z"), paths.year_page("z", 2023), "2023.md"),
        (paths.year_page("z", 2023), paths.zone_page("z"), "index.md"),
        (paths.year_page("z", 2023), paths.zone_csv_path("z"), "../../data/zones/z.csv"),
        (paths.ZONES_INDEX, paths.zone_page("z"), "z/index.md"),
        (paths.INDICATORS_INDEX, paths.indicator_page("i"), "i.md"),
        (paths.indicator_page("i"), paths.zone_page("z"), "../zones/z/index.md"),
        (paths.POLICY_TASKS, paths.CASES_INDEX + "?task=t1", "../cases/index.md?task=t1"),
        (paths.POLICY_INDEX, paths.POLICY_PROCEDURE, "procedure.md"),
        (paths.POLICY_INDEX, paths.INDICATORS_INDEX, "../indicators/index.md"),
        (paths.news_post("p"), paths.zone_page("z"), "../../zones/z/index.md"),
        (paths.news_post("p"), paths.NEWS_INDEX, "../index.md"),
        (paths.HOME, paths.PROGRESS_INDEX, "progress/index.md"),
        (paths.HOME, paths.case_page("x"), "cases/x.md"),
        (paths.DATA_INDEX, paths.zone_csv_path("z"), "zones/z.csv"),
        (paths.DATA_INDEX, paths.DATA_XLSX, "zones-data.xlsx"),
        (paths.DATAPACKAGE, paths.VALUES_CSV, "zones-indicators.csv"),
        (paths.CASES_INDEX, paths.CASES_JSON, "index.json"),
        (paths.ANALYSIS_METHOD, paths.ANALYSIS_INDEX, "index.md"),
        (paths.year_page("z", 2023), paths.PROGRESS_TARGETS, "../../progress/targets.md"),
    ]
    assert [paths.href(a, b) for a, b, _ in cases] == [link for _, _, link in cases]


def test_page_url_is_where_mkdocs_serves_a_page() -> None:
    from generator.site import paths

    pages = [paths.HOME, paths.CASES_INDEX, paths.case_page("x"), paths.zone_page("z"), paths.year_page("z", 2023)]
    assert [paths.page_url(p) for p in pages] == ["", "cases/", "cases/x/", "zones/z/", "zones/z/2023/"]
    assert paths.href(paths.case_page("x"), paths.page_url(paths.HOME)) == "../"


@pytest.mark.parametrize("page", ["index.md", "zones/z/index.md", "cases/x.md"])
def test_href_to_itself_is_its_file_name(page: str) -> None:
    from generator.site import paths

    assert paths.href(page, page) == page.rsplit("/", 1)[-1]


DIFF_MODULE = "generator/diff.py"
SITE_ADDRESS = re.compile(r"^/?(?:[\w{}.\-]+/)+$")  # a page's address on the site, `/zones/{}/` or `cases/{}/`


def diff_addresses() -> list[str]:
    """The site addresses and relative paths diff.py writes by hand (the summary links the pages that change)."""
    tree = ast.parse((ROOT / DIFF_MODULE).read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip |= {id(v) for v in node.values}
            texts.append("".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            texts.append(node.value)
    found = [t for t in texts if SITE_ADDRESS.match(t)]
    return list(dict.fromkeys(found + python_paths((ROOT / DIFF_MODULE).read_text(encoding="utf-8"))))


def test_diff_takes_the_pages_addresses_from_paths() -> None:
    assert diff_addresses() == []


def test_diff_links_where_the_site_serves_the_pages() -> None:
    from generator.diff import web_path
    from generator.site import paths

    assert web_path("/" + paths.page_url(paths.zone_page("z-1"))) == "/zones/z-1/"
    assert web_path("/" + paths.page_url(paths.case_page("c_2"))) == "/cases/c_2/"
