"""The generator's layering and its state (issue 13, stage 2), read from the source with `ast`.

1. Layers. `generator/data` (load, validate, the catalog) ← `generator/analysis` (facts computed from the
   catalog, once, in build.py's analyse stage) ← `generator/site` (pages: words and layout), with the entry
   points on top. A module may import only from the layers `ALLOWED` names for its own layer: never upwards.
   Every import counts, also one inside a function or under `if TYPE_CHECKING`.
2. Page modules. A page module is a module of generator/site that defines, at its top level, a `make_*`
   function whose return annotation is `Section` (it produces pages). Only the assembler,
   generator/site/pages.py, imports page modules: a page never reads another page module for a fact (facts
   come from the `Analysis` in its `Context`), and shared wording and paths live in helper modules.
3. No module-level mutable state: no `global` statement, no module-level list, dict or set that code changes
   (a cache keyed on a catalog's identity, a result kept across builds), and no functools cache on a function
   that takes a catalog or a zone. Memoising a pure function of plain values (`functools.cache` on a function
   of strings, numbers or classes) is allowed. The one cache that is kept across the rebuilds of `mkdocs serve`
   is an explicit object the MkDocs hook makes and hands to the build (`SERVE_MEMO` in mkdocs_bridge.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

# A module's layer: its package under generator/ (data, analysis, site, editors), or its file's name for the
# modules directly in generator/. Each layer may import from these layers (its own included, where listed).
ALLOWED: dict[str, set[str]] = {
    "i18n": set(),  # the catalogue of words, under everything: imports nothing from the generator
    "data": {"i18n", "data"},
    "analysis": {"i18n", "data", "analysis"},
    "site": {"i18n", "data", "analysis", "site"},
    "editors": {"i18n", "data", "editors"},  # the editors' tools: the catalog and its rules, never pages
    # `python -m generator diff`: the catalog and the editors' reading; the site's paths, since the summary links
    # the pages that change (generator/site/paths.py is the one place of every page's address)
    "diff": {"i18n", "data", "analysis", "editors", "site"},
    "options": set(),  # the build's options: imports nothing from the generator
    # the pipeline: every stage; diff for the data releases' news posts (issue 15: what changed since the last as-of)
    "build": {"i18n", "data", "analysis", "site", "options", "diff"},
    "mkdocs_bridge": {"i18n", "build", "data", "analysis", "site", "options"},  # the hook: the pipeline, options, memo
    "cli": {"i18n", "build", "data", "analysis", "site", "editors", "diff", "options"},  # the command line
    "__main__": {"cli"},
    "__init__": set(),
}
MUTATORS = {"append", "extend", "insert", "pop", "popitem", "remove", "clear", "update", "setdefault", "add",
            "discard", "sort", "reverse"}  # fmt: skip
CACHES = {"cache", "lru_cache", "cached_property"}
HEAVY_ARGUMENTS = {"Catalog", "ZoneRecord", "CaseRecord", "ReportRecord", "Context", "Analysis"}
HOOK_MEMO = "generator.mkdocs_bridge"  # the one module that keeps a `Memo` (point 3 of the module's docstring)


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the generator package."""
    out = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
        out[".".join(parts)] = path
    return out


def layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__init__"


def imported(module: str, tree: ast.AST) -> set[str]:
    """The generator modules (or packages) `module` imports, relative imports resolved."""
    package = module.rsplit(".", 1)[0]  # generator.site.x and generator.site.__init__ are in generator.site
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "generator"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])]
                )
            if base.split(".")[0] != "generator":
                continue
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return found


def known(name: str, names: dict[str, Path]) -> str | None:
    """The generator module `name` refers to (a `from pkg import module` names a module), or None."""
    if name in names:
        return name
    if f"{name}.__init__" in names:
        return f"{name}.__init__"
    return None


def page_modules(names: dict[str, Path]) -> set[str]:
    out = set()
    for name, path in names.items():
        if layer(name) != "site":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and node.name.startswith("make_")
                and node.returns is not None
                and ast.unparse(node.returns).strip("'\"") == "Section"
            ):
                out.add(name)
    return out


def test_every_module_has_a_layer() -> None:
    assert {layer(m) for m in modules()} <= set(ALLOWED)


def test_no_module_imports_from_a_higher_layer() -> None:
    names = modules()
    wrong = []
    for name, path in names.items():
        for target in imported(name, ast.parse(path.read_text(encoding="utf-8"))):
            resolved = known(target, names)
            if resolved is None or resolved == "generator.__init__":
                continue
            if layer(resolved) not in ALLOWED[layer(name)]:
                wrong.append(f"{name} imports {target} ({layer(name)} may import {sorted(ALLOWED[layer(name)])})")
    assert not wrong, "\n".join(wrong)


def test_the_page_modules_are_found() -> None:
    """The rule below is only as good as this list: every section maker of pages.py is a page module."""
    found = page_modules(modules())
    expected = {f"generator.site.{m}" for m in (
        "home_page", "zone_pages", "case_pages", "indicator_pages", "progress_pages", "analysis_pages",
        "policy_pages", "news", "downloads", "guide_pages", "summary_pages",
    )}  # fmt: skip
    assert expected <= found, sorted(expected - found)


def test_only_the_assembler_imports_page_modules() -> None:
    names = modules()
    pages = page_modules(names)
    wrong = []
    for name, path in names.items():
        if name == "generator.site.pages" or layer(name) != "site":
            continue
        for target in imported(name, ast.parse(path.read_text(encoding="utf-8"))):
            resolved = known(target, names)
            if resolved in pages and resolved != name:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(sorted(set(wrong)))


def _mutated_names(tree: ast.Module) -> set[str]:
    """Names changed in place inside a function or method of the module (when it runs, not while the module is
    imported): x.append(…), x[k] = …, x[:] = …, del x[k], x |= …"""
    out = set()
    bodies = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]
    for node in (inner for body in bodies for inner in ast.walk(body)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in MUTATORS
            and isinstance(node.func.value, ast.Name)
        ):
            out.add(node.func.value.id)
        targets: list[ast.expr] = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for t in targets:
            if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                out.add(t.value.id)
            if isinstance(node, ast.AugAssign) and isinstance(t, ast.Name):
                out.add(t.id)
    return out


def _container(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, (ast.Name, ast.Attribute))
        and (value.func.id if isinstance(value.func, ast.Name) else value.func.attr)
        in {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque"}
    )


def test_no_module_level_mutable_state() -> None:
    wrong = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        mutated = _mutated_names(tree)
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for t in targets:
                if isinstance(t, ast.Name) and t.id in mutated and _container(value):
                    wrong.append(f"{name}.{t.id}: a module-level container changed in place")
                memo = isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1] == "Memo"
                if isinstance(t, ast.Name) and memo and name != HOOK_MEMO:
                    wrong.append(f"{name}.{t.id}: a module-level Memo outside the MkDocs hook")
        for found in ast.walk(tree):
            if isinstance(found, ast.Global):
                wrong.append(f"{name}: global {', '.join(found.names)}")
            if isinstance(found, (ast.FunctionDef, ast.AsyncFunctionDef)):
                cached = any(
                    ast.unparse(d.func if isinstance(d, ast.Call) else d).split(".")[-1] in CACHES
                    for d in found.decorator_list
                )
                arguments = [*found.args.posonlyargs, *found.args.args, *found.args.kwonlyargs]
                heavy = [a.arg for a in arguments if a.annotation is not None
                         and set(ast.unparse(a.annotation).replace("|", " ").split()) & HEAVY_ARGUMENTS]  # fmt: skip
                if cached and heavy:
                    wrong.append(f"{name}.{found.name}: a functools cache on a function of {', '.join(heavy)}")
                if cached and not arguments:
                    wrong.append(f"{name}.{found.name}: a functools cache on a function of no arguments (a global)")
    assert not wrong, "\n".join(wrong)
