"""The editors' guide as built: its examples render as code blocks, and what it says matches what the code does.

The sample site is the run's one build of it (conftest's `sample_site`). Every code example of a
hand-written page (site_src/**/*.md) must come out as a <pre><code> block holding exactly the example's text;
no page at all (generated pages included) may show a multi-line inline code span (a fence the Markdown
processor did not recognise) or a list item swallowed into a paragraph (the "run-on line" of issue 11).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run_check
from generator.data.load import IMAGE_SUFFIXES, MAX_IMAGE_BYTES

SITE_SRC = ROOT / "site_src"


@pytest.fixture(scope="module")
def site(sample_site: Path) -> Path:
    """The run's one build of the sample data (conftest's `sample_site`): no second build for the guide."""
    return sample_site


# ---- reading pages --------------------------------------------------------------------------------------


@dataclass
class Blocks(HTMLParser):
    """The text of each <pre>, of each <code> outside a <pre>, and of each <p> of a page."""

    pre: list[str] = field(default_factory=list)
    inline_code: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    _open: list[tuple[str, list[str]]] = field(default_factory=list)
    _in_pre: int = 0

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self._in_pre += 1
        if tag == "pre" or tag == "p" or (tag == "code" and not self._in_pre):
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag and (tag != "code" or not self._in_pre):
            _, parts = self._open.pop()
            text = "".join(parts)
            {"pre": self.pre, "p": self.paragraphs, "code": self.inline_code}[tag].append(text)
            if self._open:  # the enclosing block sees the text too
                self._open[-1][1].append(text)
        if tag == "pre":
            self._in_pre -= 1

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def blocks(page: Path) -> Blocks:
    parser = Blocks()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


FENCE = re.compile(r"^(?P<indent>[ ]*)(?P<fence>```+|~~~+)[ ]*(?P<lang>[\w-]*)[ ]*$")


def fenced_examples(source: str) -> Iterator[tuple[int, str, str]]:
    """(line, language, text) of each fenced code block of a Markdown source, its indentation removed."""
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        start = FENCE.match(lines[i])
        if not start:
            i += 1
            continue
        indent, fence = start["indent"], start["fence"]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != fence:
            line = lines[j]
            assert not line.strip() or line.startswith(indent), f"line {j + 1}: less indented than its fence"
            body.append(line[len(indent) :])
            j += 1
        assert j < len(lines), f"line {i + 1}: fence never closed"
        yield i + 1, start["lang"], "\n".join(body) + "\n"
        i = j + 1


def built_page(site: Path, source: Path) -> Path:
    rel = source.relative_to(SITE_SRC).with_suffix("")
    return site / (rel.parent if rel.name == "index" else rel) / "index.html"


def hand_written_pages() -> list[Path]:
    skip = ("generated", "overrides", "assets")
    return sorted(p for p in SITE_SRC.rglob("*.md") if p.relative_to(SITE_SRC).parts[0] not in skip)


# ---- code examples --------------------------------------------------------------------------------------


def test_every_code_example_of_a_hand_written_page_is_a_code_block(site: Path) -> None:
    pages = hand_written_pages()
    assert {p.relative_to(SITE_SRC).as_posix() for p in pages} >= {"guide/index.md", "guide/web.md", "guide/excel.md"}
    examples = 0
    problems: list[str] = []
    for source in pages:
        built = blocks(built_page(site, source))
        for line, lang, text in fenced_examples(source.read_text(encoding="utf-8")):
            examples += 1
            if text.rstrip("\n") not in {pre.rstrip("\n") for pre in built.pre}:  # a last newline or not
                name = source.relative_to(SITE_SRC).as_posix()
                problems.append(f"{name}:{line}: the {lang or 'code'} example is not a <pre><code> block")
    assert examples >= 5  # the web guide's three YAML examples and the Excel guide's two commands
    assert problems == [], "\n".join(problems)


def test_no_page_runs_code_or_list_items_into_a_line(site: Path) -> None:
    """Whatever the source, no built page shows a multi-line inline code span (an unrecognised fence) or a
    paragraph with a list item in it (a list broken by a block the list could not hold)."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    item = re.compile(r"\n[ ]*(\d+\.|[-*+])[ ]+\S")
    problems: list[str] = []
    for page in pages:
        name = page.relative_to(site).as_posix()
        found = blocks(page)
        problems += [f"{name}: inline code over several lines: {c[:60]!r}" for c in found.inline_code if "\n" in c]
        problems += [f"{name}: a list item inside a paragraph: {p[:80]!r}" for p in found.paragraphs if item.search(p)]
        problems += [f"{name}: a code fence shown as text" for p in found.paragraphs if "```" in p]
    assert problems == [], "\n".join(problems)


# ---- what the guide says the code does ------------------------------------------------------------------


def guide_section(page: str, heading: str) -> str:
    """The Markdown of one `## heading` section of a hand-written guide page (an empty string when absent)."""
    text = (SITE_SRC / "guide" / page).read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(heading)}[ ]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


def bullet(section: str, label: str) -> str:
    """The whole list item (with its continuation lines) that starts with `label`."""
    match = re.search(rf"^- {re.escape(label)}.*?(?=^- |^\s*$|\Z)", section, re.M | re.S)
    return match.group(0) if match else ""


def png_of_size(size: int) -> bytes:
    """A real PNG (the site's favicon) padded after its end to exactly `size` bytes."""
    data = (SITE_SRC / "assets" / "favicon.png").read_bytes()
    assert len(data) < size
    return data + b"\0" * (size - len(data))


def test_the_guide_states_the_image_formats_and_size_limit_the_checker_enforces(data_copy: Path) -> None:
    section = guide_section("web.md", "图片的格式和大小")
    formats = bullet(section, "**格式**")
    assert set(re.findall(r"`(\.[a-z0-9]+)`", formats)) == set(IMAGE_SUFFIXES), formats
    size = bullet(section, "**大小**")
    assert [int(n.replace(",", "")) for n in re.findall(r"([\d,]{5,}) 字节", size)] == [MAX_IMAGE_BYTES], size
    assert [float(n) * 1_000_000 for n in re.findall(r"不超过 (\d+(?:\.\d+)?) MB", size)] == [MAX_IMAGE_BYTES], size
    # ... and the checker does what the guide says: the formats it names as refused are refused, and a file
    # of exactly the limit passes where one byte more does not
    refused = set(re.findall(r"\b[A-Z]{3,4}\b", formats)) - {"PNG", "JPEG"}
    assert refused >= {"SVG", "GIF", "BMP"}, formats
    images = next(data_copy.glob("zones/*/images"))
    (images / "at-the-limit.png").write_bytes(png_of_size(MAX_IMAGE_BYTES))
    code, lines = run_check(data_copy, "--strict")
    # (an image no case names gets a notice that it is not published: a fact, not a refusal)
    refusals = [line for line in lines if "at-the-limit" in line and "(提示/notice)" not in line]
    assert code == 0 and not refusals, lines
    (images / "one-byte-over.png").write_bytes(png_of_size(MAX_IMAGE_BYTES + 1))
    for name in refused:
        assert f".{name.lower()}" not in IMAGE_SUFFIXES
        (images / f"picture.{name.lower()}").write_bytes(b"not an image the site takes")
    code, lines = run_check(data_copy, "--strict")
    assert code == 1
    for name in ["one-byte-over.png", *(f"picture.{n.lower()}" for n in refused)]:
        mine = [line for line in lines if f"/images/{name}" in line]
        assert mine and not [line for line in mine if "警告/warning" in line or "提示/notice" in line], (name, lines)


def generated_paths(data: Path, out: Path) -> set[str]:
    from generator.build import build_site_sources
    from generator.options import Options

    assert build_site_sources(Options(data=data, out=out, pdf=False)).written is not None
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def test_the_guide_says_which_addresses_a_zone_folder_rename_breaks(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the site really does when a zone folder is renamed: every generated address that carries the
    folder name moves to the new name, nothing is left at the old one (no redirect), and the guide names
    each kind of address that moves; a new zone name (not the folder) moves nothing."""
    before = generated_paths(data_copy, tmp_path / "before")
    zone = data_copy / "zones" / "demo-zone"
    text = (zone / "zone.yaml").read_text(encoding="utf-8")
    (zone / "zone.yaml").write_text(
        re.sub(r"(?m)^name: .*$", "name: 改过名称的示范区", text, count=1), encoding="utf-8"
    )
    assert generated_paths(data_copy, tmp_path / "renamed") == before
    zone.rename(zone.with_name("demo-moved"))
    after = generated_paths(data_copy, tmp_path / "moved")
    gone, new = before - after, after - before
    assert gone and all("demo-zone" in p for p in gone)
    assert {p.replace("demo-zone", "demo-moved") for p in gone} == new
    leftovers = [p for p in after if "demo-zone" in (tmp_path / "moved" / p).read_bytes().decode("utf-8", "replace")]
    assert leftovers == [], "a page still points at the old address"
    section = guide_section("web.md", "示范区改名")
    documented = {  # where the address lives -> how the guide names it
        "zones/": "`zones/<编号>/`",
        "news/": "新闻动态",
        "images/": "案例配图",
        "data/zones/": "`data/zones/<编号>.csv`",
        "charts/zones/": "`charts/zones/<编号>/…csv`",  # each chart's CSV (issue 16)
        "share/zones/": "`share/zones/<编号>.png`",  # the zone page's share image (issue 16)
        "share/zones/demo-zone/": "`share/zones/<编号>/<年份>.png`",  # a year summary's share image
        "share/news/posts/": "`share/news/posts/…png`",  # a news post's share image (its address holds the id)
    }
    for path in sorted(gone):
        kind = max((k for k in documented if path.startswith(k)), key=len, default=None)
        assert kind is not None, f"{path}: moves on a rename, and the guide does not say so"
        assert documented[kind] in section, f"{path}: the guide's rename section does not name {documented[kind]}"
    assert "旧地址全部失效" in section and "不会自动跳转" in section


def test_the_web_guides_yaml_examples_pass_the_strict_check(tmp_path: Path) -> None:
    """The guide's annual report and case, as an editor would file them, pass `check --strict` without a
    single problem: the report in the year file the guide names (its values laid over that zone's real
    ones, since the example shows three of them), the case with the guide's image fragment and the image."""
    import shutil

    import yaml
    from PIL import Image

    source = (SITE_SRC / "guide" / "web.md").read_text(encoding="utf-8")
    examples = [(line, text) for line, lang, text in fenced_examples(source) if lang == "yaml"]
    annual = [(line, text) for line, text in examples if "annual-report.schema.json" in text]
    case = [(line, text) for line, text in examples if "case.schema.json" in text]
    images = [(line, text) for line, text in examples if text.startswith("images:")]
    assert len(annual) == len(case) == len(images) == 1 and len(examples) == 3, examples
    # the year file the guide tells the editor to create, last named before the example
    before = "\n".join(source.splitlines()[: annual[0][0]])
    year = re.findall(r"`(\d{4})\.yaml`", before)[-1]

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    zone = data / "zones" / "nanning-hitech"
    report_file = zone / "annual" / f"{year}.yaml"
    assert report_file.is_file(), f"the sample zone has no {year} report to lay the example over"
    report = yaml.safe_load(report_file.read_text(encoding="utf-8"))
    example = yaml.safe_load(annual[0][1])
    report = {**report, **{k: v for k, v in example.items() if k != "values"}}
    report["values"] = {**report["values"], **example["values"]}
    report_file.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")

    record = {**yaml.safe_load(case[0][1]), **yaml.safe_load(images[0][1])}
    (zone / "cases" / "guide-example.yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (zone / "images").mkdir(exist_ok=True)
    for image in record["images"]:
        kind = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}[Path(image["file"]).suffix.lower()]
        Image.new("RGB", (120, 80), "white").save(zone / "images" / image["file"], kind)

    code, lines = run_check(data, "--strict")
    mine = [line for line in lines if f"nanning-hitech/annual/{year}.yaml" in line or "guide-example" in line]
    assert mine == [] and code == 0, lines
