"""Generated datasets for the gate's property test (tests/test_gate.py, `make fuzz-build`): a copy of
tests/fixtures/mini in which every kind of text field (names, Markdown, qualitative values, URLs, reference
names, the indicator system) holds text drawn from the whole Unicode range, and every kind of number field
(values of each indicator kind, targets, revised targets, funding) a number of any magnitude and precision.

Each file is written out by `emit`, one scalar per line, every scalar double-quoted with YAML escapes for
what cannot be written raw (controls, non-characters, lone surrogates), so each generated value has a known
line: when the check refuses one, the test can tell which, put the fixture's value back and check again,
until the check passes and the rest is built."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from conftest import MINI
from generator.data.load import parse_text

Path_ = tuple[str | int, ...]

# Characters worth more than their share of a uniform draw: controls, bidi controls, non-characters,
# line and paragraph separators, the byte-order mark, joiners, combining marks, and the punctuation that
# means something to Markdown, HTML, YAML, JSON, XML, Jinja, CSV, Excel and plotly.
SPECIAL = [
    *(
        "\x00\x01\x07\x08\x0b\x0c\x0d\x1b\x7f\x85\x9b\xa0\xad"
        "\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        "\u3000\ufeff\ufdd0\ufffe\uffff\ufffd\u0301\u20dd\U0001fffe\U0010ffff\U0001f600"
        "<>&\"'`*_[](){}%|#\\$!=+-@~^:;,.\t\n"
    ),
    *["<!--", "-->", "](", "![", "{{", "}}", "{%", "%{", "&#", "\r\n", "javascript:", "data:", "//", "\\u", "{: "],
]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
assert not set(SURROGATES) & set(SPECIAL)


def _plain(char: str) -> bool:
    """Not a control, non-character or surrogate: what the check is expected to let through."""
    import unicodedata

    return unicodedata.category(char) not in ("Cc", "Cs", "Cn") or char in "\n\t"


# Most texts hold only what may well pass the check (bidi controls, joiners, separators, markup characters
# included), so that most of them reach the build; the rest draw from everything.
plain_characters = st.one_of(
    st.characters(exclude_categories=("Cc", "Cs", "Cn")), st.sampled_from([s for s in SPECIAL if all(map(_plain, s))])
)
any_characters = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(SPECIAL))


@st.composite
def texts(draw: st.DrawFn) -> str:
    alphabet = any_characters if draw(st.integers(0, 5)) == 0 else plain_characters
    return "".join(draw(st.lists(alphabet, min_size=1, max_size=24)))


def _digits(draw: st.DrawFn, count: int) -> str:
    """`count` digits: drawn one by one up to 40, beyond that a drawn run repeated (hypothesis draws less)."""
    run = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=1, max_size=min(count, 40))))
    return (run * (count // len(run) + 1))[:count]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A plain decimal as an editor might write it, of any magnitude and precision: mostly as many digits as
    a real figure has, sometimes hundreds or thousands (the check refuses more than 15 before the point)."""
    size = draw(st.integers(1, 15)) if draw(st.integers(0, 4)) else draw(st.sampled_from([16, 30, 309, 400, 5000]))
    whole = draw(st.sampled_from("019")) if size == 1 else str(draw(st.integers(1, 9))) + _digits(draw, size - 1)
    places = draw(st.integers(0, 40)) if draw(st.integers(0, 9)) else draw(st.sampled_from([100, 400, 5000]))
    return whole + ("." + _digits(draw, places) if places else "")


@st.composite
def percents(draw: st.DrawFn) -> str:
    whole = draw(st.integers(0, 99))
    fraction = draw(st.text(alphabet="0123456789", min_size=0, max_size=40))
    return "100" if draw(st.integers(0, 20)) == 0 else f"{whole}" + ("." + fraction if fraction else "")


def near(number: str, digit: str) -> str:
    """The same number with one more decimal: another year's value, never ten times away."""
    return number + digit if "." in number else f"{number}.{digit}"


# --- files: one scalar per line, every scalar double-quoted -------------------------------------------


def quote(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text` (escapes for what YAML cannot carry raw)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif (
            0x20 <= code <= 0x7E
            or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        ):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02X}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\U{code:08X}")
    return "".join(out) + '"'


def emit(node: Any) -> tuple[str, dict[Path_, int]]:
    """YAML for a tree of dicts, lists and strings; the line of every scalar's path."""
    lines: list[str] = []
    where: dict[Path_, int] = {}

    def walk(value: Any, indent: int, path: Path_) -> None:
        pad = " " * indent
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            head = f"{pad}{key}:" if isinstance(value, dict) else f"{pad}-"
            if isinstance(child, str):
                where[(*path, key)] = len(lines) + 1
                lines.append(f"{head} {quote(child)}")
            elif not child:
                lines.append(f"{head} {'{}' if isinstance(child, dict) else '[]'}")
            else:
                lines.append(head)
                walk(child, indent + 2, (*path, key))

    walk(node, 0, ())
    return "\n".join(lines) + "\n", where


# --- the dataset ----------------------------------------------------------------------------------

FILES = [
    "site.yaml",
    "indicator_system.yaml",
    "reference/tags.yaml",
    "reference/event_kinds.yaml",
    "reference/cities.yaml",
    "zones/demo-zone/zone.yaml",
    "zones/demo-zone/indicators.yaml",
    "zones/demo-zone/annual/2022.yaml",
    "zones/demo-zone/annual/2023.yaml",
    "zones/demo-zone/cases/demo-case.yaml",
]
MD = "md"  # Markdown text
NAME = "name"  # one line of plain text
TEXT = "text"  # a qualitative value (plain text, line breaks allowed)
URL = "url"
NUMBER = "number"
PERCENT = "percent"


@dataclass
class Dataset:
    trees: dict[str, Any]  # file -> its data (dicts, lists, strings)
    slots: dict[tuple[str, Path_], str] = field(default_factory=dict)  # generated value -> its kind
    original: dict[tuple[str, Path_], str] = field(default_factory=dict)  # the fixture's value (to put back)

    def set(self, file: str, path: Path_, kind: str, value: str, fallback: str) -> None:
        node = self.trees[file]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        self.slots[(file, path)] = kind
        self.original[(file, path)] = fallback

    def write(self, data: Path) -> dict[tuple[str, int], tuple[str, Path_]]:
        """Write every file into a fresh copy of the fixture; (file as shown, line) -> slot."""
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(MINI, data)
        lines: dict[tuple[str, int], tuple[str, Path_]] = {}
        for file, tree in self.trees.items():
            text, where = emit(tree)
            (data / file).write_text(text, encoding="utf-8", errors="surrogatepass")
            for path, line in where.items():
                if (file, path) in self.slots:
                    lines[(f"{data.name}/{file}", line)] = (file, path)
        return lines

    def value(self, slot: tuple[str, Path_]) -> str:
        node = self.trees[slot[0]]
        for step in slot[1]:
            node = node[step]
        return str(node)

    def reset(self, slot: tuple[str, Path_]) -> None:
        file, path = slot
        node = self.trees[file]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = self.original[slot]


def fixture_trees() -> dict[str, Any]:
    trees = {}
    for file in FILES:
        doc = parse_text((MINI / file).read_bytes(), file)
        assert doc.ok, doc.problems
        trees[file] = doc.data
    return trees


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    ds = Dataset(fixture_trees())
    t = ds.trees

    def text(file: str, path: Path_, kind: str = NAME, fallback: str = "演示文字") -> None:
        drawn = draw(texts())
        ds.set(file, path, kind, "https://example.org/" + drawn if kind == URL else drawn, fallback)

    def number(file: str, path: Path_, value: str, fallback: str) -> None:
        ds.set(file, path, NUMBER, value, fallback)

    site = "site.yaml"
    t[site].update({"organizer": "", "website_code": "", "error_report": "", "policy_url": ""})
    t[site]["contact"].update({"phone": "", "address": ""})
    # police_filing has a format (issue 15: the footer links its 14 digits), checked by test_govfooter.py
    for key in ("title", "description", "sponsor", "organizer", "icp", "website_code", "policy_title"):
        text(site, (key,))
    for key in ("email", "phone", "address"):
        text(site, ("contact", key))
    text(site, ("error_report",), URL, "https://example.org/error")
    text(site, ("policy_url",), URL, "https://example.org/policy")

    system = "indicator_system.yaml"
    text(system, ("source",))
    for i in range(len(t[system]["categories"])):
        text(system, ("categories", i, "name"), NAME, t[system]["categories"][i]["name"])
        text(system, ("categories", i, "name_en"), NAME, t[system]["categories"][i]["name_en"])
    for i, ind in enumerate(t[system]["indicators"]):
        ind.update({"definition": "", "note": ""})
        text(system, ("indicators", i, "name"), NAME, ind["name"])
        text(system, ("indicators", i, "name_en"), NAME, ind["name_en"])
        if "unit" in ind:
            text(system, ("indicators", i, "unit"), NAME, ind["unit"])
        text(system, ("indicators", i, "definition"), MD)
        text(system, ("indicators", i, "note"), MD)
    for ref in ("reference/tags.yaml", "reference/event_kinds.yaml", "reference/cities.yaml"):
        for i, item in enumerate(t[ref][:2]):
            if ref.endswith("tags.yaml") and i == 0:
                item["note"] = ""
                text(ref, (i, "note"), MD)
            text(ref, (i, "name"), NAME, item["name"])
            text(ref, (i, "name_en"), NAME, item["name_en"])

    zone = "zones/demo-zone/zone.yaml"
    z = t[zone]
    z["short_name"] = ""
    z["industries"].append("")
    z["period"]["note"] = ""
    z["funding"] = [{"source": "", "amount": "", "year": "2023", "note": ""}]
    z["plan"] = {key: "" for key in ("overview", "tasks", "evidence")}
    for key in ("name", "short_name", "management_department", "operator"):
        text(zone, (key,), NAME, z.get(key) or "演示")
    for i in range(len(z["industries"])):
        text(zone, ("industries", i))
    text(zone, ("parks", 0, "name"), NAME, z["parks"][0]["name"])
    text(zone, ("period", "note"), MD)
    text(zone, ("funding", 0, "source"))
    number(zone, ("funding", 0, "amount"), draw(numbers()), "100")
    text(zone, ("funding", 0, "note"), MD)
    for key in z["plan"]:
        text(zone, ("plan", key), MD)
    for i, event in enumerate(z["events"]):
        event["note"] = ""
        text(zone, ("events", i, "note"), MD)
        if event["kind"] == "approved":
            text(zone, ("events", i, "document"), NAME, event["document"])
        if event["kind"] == "public_notice":
            event["url"] = ""
            text(zone, ("events", i, "url"), URL, "https://example.org/notice")
    targets = {"contract_value": draw(numbers()), "demo_projects": draw(numbers())}
    for key, value in targets.items():
        number(zone, ("targets", key), value, z["targets"][key])
    revised = next(e for e in z["events"] if e["kind"] == "plan_revised")
    number(zone, ("events", z["events"].index(revised), "targets", "contract_value"), draw(numbers()), "25")

    own = "zones/demo-zone/indicators.yaml"
    o = t[own]["indicators"][0]
    o["definition"] = ""
    text(own, ("indicators", 0, "name"), NAME, o["name"])
    text(own, ("indicators", 0, "unit"), NAME, o["unit"])
    text(own, ("indicators", 0, "definition"), MD)

    before, after = "zones/demo-zone/annual/2022.yaml", "zones/demo-zone/annual/2023.yaml"
    t[before]["values"]["demo_projects"] = "1"  # a number both years, so the pair is compared
    for ind, strategy in (
        ("contract_value", numbers()),
        ("patents_per_10k", numbers()),
        ("agencies", numbers().map(lambda s: s.split(".")[0])),
        ("rd_ratio", percents()),
        ("demo_projects", numbers().map(lambda s: s.split(".")[0])),
    ):
        base = draw(strategy)
        old = t[before]["values"][ind]
        number(before, ("values", ind), base, old if isinstance(old, str) else "1")
        if draw(st.integers(0, 4)) == 0:
            new = draw(strategy)  # anything: may jump tenfold (a warning the strict check refuses)
        elif ind in ("agencies", "demo_projects"):
            new = base
        else:
            new = near(base, "3") if base != "100" else base
        entry = t[after]["values"][ind]
        path: Path_ = ("values", ind, "value") if isinstance(entry, dict) else ("values", ind)
        number(after, path, new, entry["value"] if isinstance(entry, dict) else entry)
    for file in (before, after):
        t[file]["values"]["policies"] = ""
        text(file, ("values", "policies"), TEXT, "出台配套政策。")
    text(after, ("values", "patents_per_10k", "note"), MD)
    text(after, ("values", "patents_per_10k", "source"))
    t[after]["highlights"] = ["", "", ""]
    for i in range(3):
        text(after, ("highlights", i), MD)

    case = "zones/demo-zone/cases/demo-case.yaml"
    c = t[case]
    c["source"]["url"] = ""
    c["images"][0]["caption"] = ""
    text(case, ("title",), NAME, c["title"])
    for key in ("summary", "background", "practices"):
        text(case, (key,), MD)
    text(case, ("results", "text"), MD)
    text(case, ("replicability", "conditions"), MD)
    text(case, ("replicability", "fits"), MD)
    text(case, ("policy_basis", 0))
    text(case, ("source", "name"))
    text(case, ("source", "url"), URL, "https://example.org/source")
    text(case, ("images", 0, "alt"))
    text(case, ("images", 0, "caption"))
    if draw(st.integers(0, 3)) == 0:  # a lone surrogate (a \\uD800 escape) in one text: YAML refuses it
        slot = draw(st.sampled_from(sorted((s for s, k in ds.slots.items() if k != NUMBER), key=repr)))
        value = ds.value(slot)
        at = draw(st.integers(0, len(value)))
        ds.set(slot[0], slot[1], ds.slots[slot], value[:at] + draw(st.sampled_from(SURROGATES)) + value[at:],
               ds.original[slot])  # fmt: skip
    return ds
