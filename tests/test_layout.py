"""The data folder's layout is defined once (generator/data/layout.py, issue 13): every data file has exactly
one kind, every kind's model and schema exist, and the loader, the checker, the `schema` command, the data
dictionary and the scaffolds spell out no path of their own."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from conftest import MINI, ROOT, SAMPLE
from generator.data import layout
from generator.data.load import load_data
from generator.data.schema import make_schemas
from generator.site.data_dictionary import dictionary_view

DATASETS = [pytest.param(SAMPLE, id="sample"), pytest.param(MINI, id="mini")]


def data_files(root: Path) -> list[tuple[str, ...]]:
    """Every file below `root` as its parts, hidden ones (.gitkeep, .DS_Store) left out as the loader does."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        here = Path(folder).relative_to(root).parts
        out += [(*here, name) for name in files if not name.startswith(".")]
    return sorted(out)


@pytest.mark.parametrize("root", DATASETS)
def test_every_data_file_has_exactly_one_kind_and_its_ids_give_back_its_path(root: Path) -> None:
    files = data_files(root)
    assert len(files) > 10
    for rel in files:
        kinds = [kind.name for kind in layout.FILE_KINDS if kind.match(rel) is not None]
        assert len(kinds) == 1, (rel, kinds)
        found = layout.match(rel)
        assert found is not None and found.kind.name == kinds[0]
        assert found.rel == "/".join(rel)
        assert found.kind.path(root, **found.ids) == root.joinpath(*rel)


def test_ids_are_parsed_from_the_path() -> None:
    def ids(path: str) -> tuple[str, dict[str, str]] | None:
        found = layout.match(tuple(path.split("/")))
        return None if found is None else (found.kind.name, dict(found.ids))

    assert ids("zones/nanning-hitech/annual/2024.yaml") == ("annual", {"zone": "nanning-hitech", "year": "2024"})
    assert ids("zones/nanning-hitech/cases/tech-sub-branch-fund.yaml") == (
        "case",
        {"zone": "nanning-hitech", "case": "tech-sub-branch-fund"},
    )
    assert ids("zones/guilin-hitech/indicators.yaml") == ("zone_indicators", {"zone": "guilin-hitech"})
    assert ids("zones/yulin-agri/images/Photo.JPG") == ("image", {"zone": "yulin-agri", "image": "Photo.JPG"})
    assert ids("reference/tasks.yaml") == ("tasks", {"list": "tasks"})
    assert ids("reference/cities.yaml") == ("reference", {"list": "cities"})
    assert ids("schemas/zone.schema.json") == ("schema", {"schema": "zone.schema.json"})
    assert ids("site.yaml") == ("site", {})
    for nowhere in ("reference/towns.yaml", "zones/a/annual/2024.YAML", "zones/a/notes.txt", "zones/a", "x.yaml"):
        assert ids(nowhere) is None, nowhere
    assert layout.ZONE_FOLDER.holding(("zones", "a", "notes.txt")) == {"zone": "a"}
    assert layout.ZONE_FOLDER.holding(("zones", "a")) is None
    for kind in layout.FILE_KINDS:  # every file with a zone id lies in that zone's folder
        if "zone" in kind.ids:
            parts = kind.parts(**{name: "x" if name != "zone" else "z" for name in kind.ids})
            assert layout.ZONE_FOLDER.holding(parts) == {"zone": "z"}, kind.name


def test_every_kind_has_its_model_schema_and_title() -> None:
    schemas = make_schemas([])
    committed = {p.name for p in (SAMPLE / layout.SCHEMA.folder[0]).iterdir()}
    named = [kind.schema for kind in layout.FILE_KINDS if kind.schema]
    assert len(named) == len(set(named)) and set(named) == set(schemas) == committed
    for kind in layout.FILE_KINDS:
        if kind.model is None:  # images and the schemas themselves: files, not YAML data
            assert not kind.schema and not kind.title, kind.name
            continue
        TypeAdapter(kind.model)  # a model pydantic can use
        assert kind.title and kind.schema, kind.name
        assert (SAMPLE / layout.SCHEMA.rel(schema=kind.schema)).is_file(), kind.schema
    shown = [(f["file"], f["what"]) for f in dictionary_view()]
    assert sorted(shown) == sorted((k.shown, k.title) for k in layout.FILE_KINDS if k.model is not None)


@pytest.mark.parametrize("root", DATASETS)
def test_every_data_file_names_the_schema_of_its_kind(root: Path) -> None:
    named = 0
    for rel in data_files(root):
        found = layout.match(rel)
        assert found is not None
        if found.kind.generated or found.kind.model is None:
            continue
        first = root.joinpath(*rel).read_text(encoding="utf-8").split("\n", 1)[0]
        schema = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        if schema is not None:
            named += 1
            assert Path(schema.group(1)).name == found.kind.schema, rel
    assert named >= 8


@pytest.mark.parametrize("root", DATASETS)
def test_the_loader_reads_every_data_file_in_its_kind(root: Path) -> None:
    folder = load_data(root)
    assert folder.problems == []
    shown = folder.display_root
    expected = {
        f"{shown}/{'/'.join(rel)}"
        for rel in data_files(root)
        if (found := layout.match(rel)) is not None and found.kind.model is not None
    }
    assert {doc.path for doc in folder.documents()} == expected
    for rel in data_files(root):
        found = layout.match(rel)
        assert found is not None
        if found.kind is layout.ANNUAL:
            assert found.ids["year"] in folder.zones[found.ids["zone"]].annual
        elif found.kind is layout.CASE:
            assert found.ids["case"] in folder.zones[found.ids["zone"]].cases
        elif found.kind is layout.IMAGE:
            assert found.ids["image"] in folder.zones[found.ids["zone"]].images


# --- no module restates the layout ---------------------------------------------------------------------

# The modules that place, check, describe or write data files: each reads the layout from layout.py.
READERS = (
    "generator/data/load.py",
    "generator/data/validate.py",
    "generator/data/schema.py",
    "generator/cli.py",  # the `schema` command's messages
    "generator/site/data_dictionary.py",
    "generator/editors/scaffold.py",
    "generator/editors/common.py",
    "generator/editors/annual_yaml.py",
)
_SENTENCE = re.compile(r"[\s\u3000-\u9fff\uff00-\uffef]")  # a space or a Chinese character: words to a reader


def _layout_words() -> tuple[set[str], set[str], set[str]]:
    """The layout's own words: the names of its folders (`zones`, `annual`), the names of its files and
    schemas (`zone.yaml`, `annual-report.schema.json`), and the fixed ends of the names that carry an id
    (`.yaml`)."""
    folders: set[str] = set()
    names: set[str] = {kind.schema for kind in layout.FILE_KINDS if kind.schema}
    ends: set[str] = set()
    for pattern in (*layout.FILE_KINDS, layout.ZONE_FOLDER):
        for i, piece in enumerate(pattern.pieces):
            if "{" not in piece:
                (names if i == len(pattern.pieces) - 1 else folders).add(piece)
            elif not piece.endswith("}"):
                ends.add(piece[piece.rindex("}") + 1 :])
    return folders, names, ends


def _in_a_path(parent: ast.AST | None) -> bool:
    """Whether a word standing in `parent` is a path's part: joined with `/`, compared with a path's part,
    one of a tuple or list of parts, or given to Path or joinpath."""
    if isinstance(parent, ast.BinOp):
        return isinstance(parent.op, ast.Div)
    if isinstance(parent, ast.Call):
        func = parent.func
        return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in ("Path", "joinpath")
    return isinstance(parent, ast.Compare | ast.Tuple | ast.List)


def path_literals(source: str) -> list[tuple[int, str]]:
    """The strings of `source` that spell out a piece of the data folder's layout: a file or schema name of
    it, a path through one of its folders, a name ending as its files do, or one of its folder names standing
    in a path. Docstrings, keys (`out["annual"]`, a dict's keys: the names of roles in memory, not paths) and
    sentences (with a space or in Chinese: the messages to editors, the message catalogue's business) are not
    looked at."""
    folders, names, ends = _layout_words()
    tree = ast.parse(source)
    skip: set[int] = set()
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Dict):
            skip.update(id(key) for key in node.keys if key is not None)
        if isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = node.value
        if _SENTENCE.search(text):
            continue
        segments = set(text.split("/"))
        if (
            text in names
            or any(text.endswith(end) for end in ends)
            or (len(segments) > 1 and (folders | names) & segments)
            or (text in folders and _in_a_path(parents.get(id(node))))
        ):
            found.append((node.lineno, node.col_offset, text))
    return [(line, text) for line, _col, text in sorted(found)]


def test_the_literal_finder_finds_what_the_layout_says() -> None:
    source = '''
"""Docstring: zones/<id>/zone.yaml is not looked at."""
a = data / "zones" / zone_id / "zone.yaml"
b = rel[0] == "reference" and path.suffix == ".yaml"
c = f"{shown}/zones/{zone_id}"
d = schema_line(data, target, "case.schema.json")
e = out["annual"], {"cases": 1}, "缺少 zone.yaml", "no zone.yaml", field_zh(Case, "images")
f = "annual", "indicators", "site_url", ".yml"
g = root.joinpath("schemas", name), ("zones", zone_id), rel[2] in ("annual",)
'''
    assert path_literals(source) == [
        (3, "zones"),
        (3, "zone.yaml"),
        (4, "reference"),
        (4, ".yaml"),
        (5, "/zones/"),
        (6, "case.schema.json"),
        (8, "annual"),
        (9, "schemas"),
        (9, "zones"),
        (9, "annual"),
    ]


@pytest.mark.parametrize("module", READERS)
def test_no_reader_spells_out_a_path_of_the_layout(module: str) -> None:
    assert path_literals((ROOT / module).read_text(encoding="utf-8")) == []
