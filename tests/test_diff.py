"""`python -m generator diff BASE_REF`: a pull request's data changes in Chinese, from two git versions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
import sys
import types
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from markdown_it import MarkdownIt
from pydantic import BaseModel

from conftest import MINI, ROOT, load_catalog
from generator.data import models

GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


def _diff(repo: Path, ref: str = "HEAD") -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "diff", ref, "--data", str(repo / "data")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the mini dataset without its 2023 report and case."""
    shutil.copytree(MINI, tmp_path / "data")
    zone = tmp_path / "data/zones/demo-zone"
    (tmp_path / "keep").mkdir()
    shutil.move(zone / "annual/2023.yaml", tmp_path / "keep/2023.yaml")
    shutil.move(zone / "cases/demo-case.yaml", tmp_path / "keep/demo-case.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "data")
    _git(tmp_path, "commit", "-qm", "base")
    shutil.move(tmp_path / "keep/2023.yaml", zone / "annual/2023.yaml")
    shutil.move(tmp_path / "keep/demo-case.yaml", zone / "cases/demo-case.yaml")
    return tmp_path


def test_an_unchanged_folder_says_so(repo: Path) -> None:
    _git(repo, "add", "data")
    _git(repo, "commit", "-qm", "year")
    code, out, _ = _diff(repo)
    assert code == 0 and "数据没有变化。" in out


def test_new_year_case_event_and_changed_values_are_described(repo: Path) -> None:
    zone_yaml = repo / "data/zones/demo-zone/zone.yaml"
    zone_yaml.write_text(zone_yaml.read_text(encoding="utf-8").replace("operator: 演示运营中心", "operator: 新运营中心")
                         + "  - kind: evaluated\n    date: 2024-06-01\n    result: confirmed\n", encoding="utf-8")  # fmt: skip
    baseline = repo / "data/zones/demo-zone/annual/2022.yaml"
    baseline.write_text(baseline.read_text(encoding="utf-8").replace("contract_value: 10.5", "contract_value: 1.05"),
                        encoding="utf-8")  # fmt: skip
    code, out, _ = _diff(repo)
    assert code == 0, out
    assert "- 演示示范区 · 运营主体：“演示运营中心” → “新运营中心”" in out
    assert (
        "- 演示示范区 · 建设程序事件：新增（日期：2024-06-01；事件类型：总结评估（`evaluated`）；评估结论：认定（`confirmed`））"
        in out
    )
    assert "- 演示示范区 2022 年 技术合同成交额：10.5 → 1.05（-90%）" in out
    assert "- 演示示范区：新增 2023 年度数据（6 项指标）" in out
    assert "  - 技术合同成交额：上年 1.05 → 12.5（+1,090.5%） ⚠ 变化超过十倍" in out  # new year vs the year before
    assert "- 新增案例：**演示经验**（演示示范区）" in out
    assert "有 1 处数值变化超过十倍" in out


def test_data_with_errors_falls_back_to_the_changed_files(repo: Path) -> None:
    (repo / "data/zones/demo-zone/annual/2023.yaml").write_text("values: [\n", encoding="utf-8")
    code, out, _ = _diff(repo)
    assert code == 0
    assert "未通过检查" in out and "data/zones/demo-zone/cases/demo-case.yaml" not in out  # untracked: not in git diff
    _git(repo, "add", "data")
    code, out, _ = _diff(repo)
    assert "- 新增 `data/zones/demo-zone/annual/2023.yaml`" in out


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    code, out, err = _diff(repo, "no-such-branch")
    assert code == 2 and "no-such-branch" in err and not out


# --- issue 11, review route: every change shown, data shown only as text ------------------------------


class _Values:
    """Fresh, distinct values for every type the models use; a type it does not know fails the test, so a
    field of a new type cannot slip past the field walk below."""

    def __init__(self) -> None:
        self.n = 0
        self.models: set[type[BaseModel]] = set()

    def scalar(self, validator: str) -> Any:
        self.n += 1
        n = self.n
        made: dict[str, Callable[[], Any]] = {
            "_name": lambda: f"名称{n}号",
            "_markdown": lambda: f"文字{n}号",
            "_paragraph": lambda: f"段落{n}号",
            "_url": lambda: f"https://example.org/p{n}",
            "_police_filing": lambda: f"桂公网安备 {n:014d}号",  # issue 15
            "_id": lambda: f"id-{n}",
            "_key": lambda: f"key{n}",
            "_year": lambda: 1990 + n % 100,
            "_date": lambda: dt.date(2001, 1, 1) + dt.timedelta(days=n),
            "_bool": lambda: n % 2 == 0,
            "_number": lambda: Decimal(f"{7000 + n}.5"),
            "_text_or_number": lambda: f"{8000 + n}",
        }
        assert validator in made, f"no test value for the scalar type {validator}: teach tests/test_diff.py"
        return made[validator]()

    def value(self, ann: Any) -> Any:
        origin, args = get_origin(ann), get_args(ann)
        if origin is Annotated:
            for meta in args[1:]:
                func = getattr(meta, "func", None)
                if func is not None:
                    return self.scalar(func.__name__)
            return self.value(args[0])
        if origin in (Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            return self.value(members[0])
        if origin is Literal:
            return args[0]
        if origin is list:
            variants = _variants(args[0])
            return [self.value(v) for v in variants] if len(variants) > 1 else [self.value(args[0])]
        if origin is dict:
            return {self.value(args[0]): self.value(args[1])}
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return self.model(ann)
        if ann is int:
            self.n += 1
            return 100 + self.n
        raise AssertionError(f"no test value for {ann!r}: teach tests/test_diff.py")

    def field(self, f: Any) -> Any:
        """A value for a model field (pydantic keeps a top-level Annotated's validator in its metadata)."""
        for meta in f.metadata:
            func = getattr(meta, "func", None)
            if func is not None:
                return self.scalar(func.__name__)
        return self.value(f.annotation)

    def model(self, cls: type[BaseModel]) -> Any:
        self.models.add(cls)
        return cls.model_construct(**{name: self.field(f) for name, f in cls.model_fields.items()})


def _variants(ann: Any) -> list[Any]:
    """The members of a union of models (events), else [ann]."""
    while get_origin(ann) is Annotated:
        ann = get_args(ann)[0]
    if get_origin(ann) in (Union, types.UnionType):
        return [_variants(a)[0] for a in get_args(ann) if a is not type(None)]
    return [ann]


def _short(label: str) -> str:
    return re.split(r"[（(：:]", label, maxsplit=1)[0].strip()


def _tokens(value: Any) -> list[str]:
    """The texts by which a value can be recognised in the summary."""
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in _tokens(getattr(value, name))]
    if isinstance(value, (list, tuple)):
        return [t for item in value for t in _tokens(item)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*_tokens(k), *_tokens(v))]
    if value is None or isinstance(value, bool):
        return []
    return [value.isoformat() if isinstance(value, dt.date) else str(value)]


@dataclasses.dataclass
class _Change:
    what: str  # model.field and the kind of change
    label: str
    old: Any
    new: Any
    before: BaseModel
    after: BaseModel


def _changes(values: _Values, inst: BaseModel, where: str) -> Iterator[_Change]:
    """One change to every field of `inst` and, recursively, of the models inside it: a new value, for
    optional fields none, for lists and mappings an added and a removed item."""
    cls = type(inst)
    for name, f in cls.model_fields.items():
        what, label = f"{where}.{name}", models.field_words(f)[0]
        cur = getattr(inst, name)
        ann = f.annotation
        if isinstance(cur, bool):
            yield _Change(what, label, cur, not cur, inst, inst.model_copy(update={name: not cur}))
            continue
        inner = [a for a in get_args(ann) if a is not type(None)] if type(None) in get_args(ann) else [ann]
        if len(inner) == 1 and get_origin(inner[0]) is Literal:
            others = [a for a in get_args(inner[0]) if a != cur]
            if others:  # an event's kind has one value: changing it makes another event (added/removed)
                yield _Change(what, label, cur, others[0], inst, inst.model_copy(update={name: others[0]}))
            continue
        new = values.field(f)
        yield _Change(what, label, cur, new, inst, inst.model_copy(update={name: new}))
        if type(None) in get_args(ann):
            yield _Change(f"{what}=none", label, cur, None, inst, inst.model_copy(update={name: None}))
        if isinstance(cur, list) and cur:
            added = [*cur, values.field(f)[0]]
            yield _Change(f"{what}+item", label, None, added[-1], inst, inst.model_copy(update={name: added}))
            yield _Change(f"{what}-item", label, cur[0], None, inst, inst.model_copy(update={name: cur[1:]}))
            for i, item in enumerate(cur):
                if isinstance(item, BaseModel):
                    for sub in _changes(values, item, f"{what}[{type(item).__name__}]"):
                        items = [*cur[:i], sub.after, *cur[i + 1 :]]
                        yield dataclasses.replace(sub, before=inst, after=inst.model_copy(update={name: items}))
        if isinstance(cur, dict) and cur:
            key, item = next(iter(cur.items()))
            extra = values.field(f)
            yield _Change(f"{what}+item", label, None, extra, inst, inst.model_copy(update={name: {**cur, **extra}}))
            rest = {k: v for k, v in cur.items() if k != key}
            yield _Change(f"{what}-item", label, {key: item}, None, inst, inst.model_copy(update={name: rest}))
            if isinstance(item, BaseModel):
                for sub in _changes(values, item, f"{what}[]"):
                    yield dataclasses.replace(
                        sub, before=inst, after=inst.model_copy(update={name: {**cur, key: sub.after}})
                    )
            else:
                other = {**cur, key: values.value(get_args(ann)[1])}
                yield _Change(f"{what}[]", label, item, other[key], inst, inst.model_copy(update={name: other}))
        if isinstance(cur, BaseModel):
            for sub in _changes(values, cur, what):
                yield dataclasses.replace(sub, before=inst, after=inst.model_copy(update={name: sub.after}))


_Place = Callable[[Any, Any], Any]


def _kinds(base: Any) -> dict[str, tuple[type[BaseModel], _Place]]:
    """Every kind of data file, with how one of its models goes into a catalog."""
    zone_id = "demo-zone"
    record = base.zones[zone_id]
    report = record.reports[2023]

    def zone_record(c: Any, **kw: Any) -> Any:
        return dataclasses.replace(c, zones={**c.zones, zone_id: dataclasses.replace(c.zones[zone_id], **kw)})

    def ref(c: Any, m: Any) -> Any:
        return dataclasses.replace(c, references={**c.references, "tags": (m,)})

    def task(c: Any, m: Any) -> Any:
        return dataclasses.replace(c, references={**c.references, "tasks": (m,)}, tasks=(m,))

    return {
        "site.yaml": (models.SiteConfig, lambda c, m: dataclasses.replace(c, site=m)),
        "indicator_system.yaml": (
            models.IndicatorSystem,
            lambda c, m: dataclasses.replace(
                c, indicator_source=m.source, categories=tuple(m.categories), indicators=tuple(m.indicators)
            ),
        ),
        "reference/tags.yaml": (models.RefItem, ref),
        "reference/tasks.yaml": (models.Task, task),
        "zone.yaml": (models.Zone, lambda c, m: zone_record(c, zone=m)),
        "indicators.yaml": (models.ZoneIndicators, lambda c, m: zone_record(c, own_indicators=tuple(m.indicators))),
        "annual/2023.yaml": (
            models.AnnualReport,
            lambda c, m: zone_record(c, reports={**record.reports, 2023: dataclasses.replace(report, report=m)}),
        ),
        "cases/demo-case.yaml": (
            models.Case,
            lambda c, m: dataclasses.replace(c, cases=tuple(dataclasses.replace(k, case=m) for k in c.cases)),
        ),
    }


def _summary_of(old: Any, new: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The summary of two catalogs, through `describe_diff` with the reading and checking replaced."""
    import generator.diff as diff

    class _Clean:
        def failing(self, strict: bool) -> bool:
            return False

    base = tmp_path / "base"
    base.mkdir(exist_ok=True)
    (base / "site.yaml").write_text("", encoding="utf-8")
    monkeypatch.setattr(diff, "read_base", lambda data, ref, into: base)
    monkeypatch.setattr(diff, "load_data", lambda folder: folder)
    monkeypatch.setattr(diff, "validate_data", lambda folder: (old if folder == base else new, _Clean()))
    return "\n".join(diff.describe_diff(tmp_path / "new", "main").lines)


def _ref_names(catalog: Any, code: Any) -> list[str]:
    return [i.name for items in catalog.references.values() for i in items if i.id == code]


# An annual report's values are shown on lines named by the indicator ("技术合同成交额：10.5 → 12.5"), not by the
# field names "各指标的数值", "数值" and "标注"; the indicator id and the value must still be there.
_NAMED_BY_INDICATOR = re.compile(r"AnnualReport\.values(\+item|-item|\[\]\.value|\[\]\.marker)?(=none)?$")


def test_every_field_of_every_kind_of_file_shows_its_change(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Walks the data model: a change to any field (a new value, none, an added or removed item) appears in
    the summary with the field's name and the value. A field added to models.py later is walked too."""
    base = load_catalog(MINI)
    values = _Values()
    missing: list[str] = []
    walked = 0
    for kind, (cls, place) in _kinds(base).items():
        full = values.model(cls)  # every field filled, optional ones too
        for change in _changes(values, full, f"{kind}:{cls.__name__}"):
            walked += 1
            out = _summary_of(place(base, change.before), place(base, change.after), monkeypatch, tmp_path)
            body = "".join(_render(out.split("\n", 1)[1]).text)  # what the reader sees
            shown = change.new if change.new is not None else change.old
            tokens = _tokens(shown)
            if isinstance(shown, str) and not tokens:
                tokens = [shown]
            names = [n for t in tokens for n in _ref_names(base, t)]
            ok = "数据没有变化" not in body and (
                _short(change.label) in body or _NAMED_BY_INDICATOR.search(change.what)
            )
            if tokens:
                ok = ok and any(t in body for t in [*tokens, *names])
            if not ok:
                missing.append(f"{change.what} ({_short(change.label)}) {change.old!r} -> {change.new!r}")
    all_models = {
        c for c in vars(models).values()
        if isinstance(c, type) and issubclass(c, BaseModel) and c.__module__ == models.__name__
    }  # fmt: skip
    assert all_models - values.models == {models.Strict, models._Event}, "a model no kind of file reaches"
    assert walked > 150
    assert not missing, f"{len(missing)} of {walked} changes not shown:\n" + "\n".join(missing)


def test_a_changed_or_added_or_removed_image_file_is_shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    base = load_catalog(MINI)
    record = base.zones["demo-zone"]

    def with_images(images: dict[str, bytes]) -> Any:
        return dataclasses.replace(base, zones={**base.zones, "demo-zone": dataclasses.replace(record, images=images)})

    png = record.images["demo.png"]
    out = _summary_of(with_images({"demo.png": png}), with_images({"demo.png": png + b"\0"}), monkeypatch, tmp_path)
    assert re.search(r"images/demo\\?\.png.*替换", out), out
    out = _summary_of(with_images({"demo.png": png}), with_images({}), monkeypatch, tmp_path)
    assert re.search(r"删除.*images/demo\\?\.png", out), out
    out = _summary_of(with_images({}), with_images({"demo.png": png}), monkeypatch, tmp_path)
    assert re.search(r"新增.*images/demo\\?\.png", out), out


# Everything a value could use to become Markdown or HTML, or to hide or reorder text.
HOSTILE = (
    "敌意开头\n# 伪造标题\n<!-- 藏起下文\n-->`代码`|a|b|\n|---|---|\n[链接](https://evil.example/x) ![图](https://evil.example/i.png)"
    " <details><summary>展开</summary>藏</details> <a href='https://evil.example'>a</a> ```\n```js\n~~~\n"
    "https://evil.example/y www.evil.example user@evil.example **粗** _斜_ \\* &amp; &#60;b&#62; 1. 列表\n- 列表\n"
    "> 引用\n    缩进代码\n\u202e反转\u202c\u200b零宽\u200d\u2060\ufeff\u2066隔离\u2069\u00a0\u2028\u2029尾\r回车 "
    + "长" * 3000
    + " 结尾"
)


class _Skeleton(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag} {sorted(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_comment(self, data: str) -> None:
        self.parts.append("<!--comment-->")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_GFM = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _render(markdown: str) -> _Skeleton:
    parser = _Skeleton()
    parser.feed(_GFM.render(markdown))
    parser.close()
    return parser


_INVISIBLE = {c for c in HOSTILE if unicodedata.category(c) in ("Cf", "Zl", "Zp", "Cc") and c not in "\n"}
_AUTOLINK = re.compile(r"https?://|www\.|[\w.+-]@[\w-]")  # what GitHub's autolink extension turns into a link


def _assert_text_only(hostile_md: str, benign_md: str, what: str) -> None:
    hostile, benign = _render(hostile_md), _render(benign_md)
    assert hostile.parts == benign.parts, f"{what}: the value changed the summary's structure"
    assert not _AUTOLINK.search(hostile_md), f"{what}: GitHub would link {_AUTOLINK.search(hostile_md)!r}"
    shown = "".join(hostile.text)
    assert not (_INVISIBLE & set(shown)), f"{what}: invisible or reordering characters reach the page"
    assert "敌意开头" in shown, f"{what}: the value is not shown"
    assert max(len(line) for line in hostile_md.splitlines()) < 2000, f"{what}: a very long line"


def _string_changes(values: _Values, inst: BaseModel, where: str) -> Iterator[tuple[str, Callable[[str], Any]]]:
    """Every text field below `inst`, with a function that puts a given text there."""
    for name, f in type(inst).model_fields.items():
        cur = getattr(inst, name)
        ann = f.annotation
        what = f"{where}.{name}"
        if isinstance(cur, str) and get_origin(ann) is not Literal and not isinstance(cur, bool):
            yield what, (lambda text, name=name: inst.model_copy(update={name: text}))
        elif isinstance(cur, list) and cur and isinstance(cur[0], str):
            yield what, (lambda text, name=name, cur=cur: inst.model_copy(update={name: [*cur, text]}))
        elif isinstance(cur, list):
            for i, item in enumerate(cur):
                if isinstance(item, BaseModel):
                    for sub, put in _string_changes(values, item, f"{what}[{type(item).__name__}]"):
                        yield sub, (lambda text, name=name, cur=cur, i=i, put=put: inst.model_copy(
                            update={name: [*cur[:i], put(text), *cur[i + 1:]]}))  # fmt: skip
        elif isinstance(cur, dict):
            for key, item in cur.items():
                if isinstance(item, BaseModel):
                    for sub, put in _string_changes(values, item, f"{what}[]"):
                        yield sub, (lambda text, name=name, cur=cur, key=key, put=put: inst.model_copy(
                            update={name: {**cur, key: put(text)}}))  # fmt: skip
        elif isinstance(cur, BaseModel):
            for sub, put in _string_changes(values, cur, what):
                yield sub, (lambda text, name=name, put=put: inst.model_copy(update={name: put(text)}))


def test_a_hostile_value_in_any_text_field_is_shown_as_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A hostile text in every text field, changed and (for a new zone, year and case) added: rendered as
    GitHub renders the job summary, the summary has exactly the elements it has with a plain value."""
    base = load_catalog(MINI)
    values = _Values()
    checked = 0
    for kind, (cls, place) in _kinds(base).items():
        full = values.model(cls)
        for what, put in _string_changes(values, full, f"{kind}:{cls.__name__}"):
            old = place(base, full)
            hostile_md = _summary_of(old, place(base, put(HOSTILE)), monkeypatch, tmp_path)
            benign_md = _summary_of(old, place(base, put("敌意开头 平常的文字")), monkeypatch, tmp_path)
            _assert_text_only(hostile_md, benign_md, what)
            checked += 1
    assert checked > 60
    # as new records: a new zone (with its years, cases, own indicators), a new year, a new case
    empty = dataclasses.replace(base, zones={}, cases=())
    full_zone = values.model(models.Zone)
    for what, put in _string_changes(values, full_zone, "zone.yaml"):
        record = dataclasses.replace(base.zones["demo-zone"], zone=put(HOSTILE))
        plain = dataclasses.replace(base.zones["demo-zone"], zone=put("敌意开头 平常的文字"))
        hostile_md = _summary_of(empty, dataclasses.replace(base, zones={"demo-zone": record}, cases=()),
                                 monkeypatch, tmp_path)  # fmt: skip
        benign_md = _summary_of(empty, dataclasses.replace(base, zones={"demo-zone": plain}, cases=()),
                                monkeypatch, tmp_path)  # fmt: skip
        _assert_text_only(hostile_md, benign_md, f"new zone: {what}")


def test_a_hostile_new_year_and_case_through_git(repo: Path) -> None:
    """The whole route with real files: hostile text in a new year's highlight and note, and a new case."""
    report = repo / "data/zones/demo-zone/annual/2023.yaml"
    text = report.read_text(encoding="utf-8")
    # (no image: the check refuses one in Markdown since issue 12; the summary's handling of one is tested above)
    markdown = "敌意开头 <!-- 藏 --> [链接](https://evil.example) `x` | y |\u202e反转"
    text = text.replace("  - 启动建设。", f"  - {markdown!r}\n  - |\n    # 伪造标题\n    <details>藏</details>")
    report.write_text(text.replace("    note: 按常住人口计算。", f"    note: {markdown!r}"), encoding="utf-8")
    case = repo / "data/zones/demo-zone/cases/demo-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "title: 演示经验", "title: 敌意开头 [链接](https://evil.example) `x` #"
        ),
        encoding="utf-8",
    )
    code, out, err = _diff(repo)
    assert code == 0, err
    assert "未通过检查" not in out, out
    plain_report = text.replace(
        f"  - {markdown!r}\n  - |\n    # 伪造标题\n    <details>藏</details>", "  - 敌意开头\n  - 二"
    )
    report.write_text(plain_report.replace("    note: 按常住人口计算。", "    note: 敌意开头"), encoding="utf-8")
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "title: 敌意开头 [链接](https://evil.example) `x` #", "title: 敌意开头"
        ),
        encoding="utf-8",
    )
    _, benign, _ = _diff(repo)
    _assert_text_only(out, benign, "new year and case")
    assert "伪造标题" in "".join(_render(out).text)


def test_a_new_year_shows_all_its_values_and_its_report(repo: Path) -> None:
    code, out, _ = _diff(repo)
    assert code == 0, out
    assert "- 演示示范区：新增 2023 年度数据（6 项指标）" in out
    for line in (
        "  - 年度建设报告报送日期：2024-01-20",
        "  - 年度建设亮点：“启动建设。”",
        "  - 技术合同成交额：上年 10.5 → 12.5（+19%）",
        "  - 每万人发明专利拥有量：上年 3.2 → 3.6（+12.5%）",
        "  - 每万人发明专利拥有量 · 说明：“按常住人口计算。”",
        "  - 每万人发明专利拥有量 · 数据来源：“演示统计局”",
        "  - 配套政策落实情况：上年 暂无 → 出台配套政策。",
        "  - 演示项目数：上年 不适用 → 4",
    ):
        assert line in out.splitlines(), (line, out)


def _commit(repo: Path, message: str = "next") -> None:
    _git(repo, "add", "-A", "data")
    _git(repo, "commit", "-qm", message)


def test_a_deleted_year_is_a_warning(repo: Path) -> None:
    _commit(repo)
    (repo / "data/zones/demo-zone/annual/2023.yaml").unlink()
    code, out, _ = _diff(repo)
    assert code == 0, out
    assert "- ⚠ 演示示范区：删除 2023 年度数据（已发布的年度数据将从网站上消失），其中：" in out.splitlines(), out
    assert "  - 技术合同成交额：12.5" in out.splitlines()
    assert "有 1 处删除了已发布的内容" in out


def test_report_dates_highlights_notes_sources_and_removed_values_are_shown(repo: Path) -> None:
    _commit(repo)
    report = repo / "data/zones/demo-zone/annual/2023.yaml"
    text = report.read_text(encoding="utf-8").replace("submitted: 2024-01-20", "submitted: 2024-02-20")
    text = text.replace("  - 启动建设。", "  - 启动建设并完成验收。\n  - 新亮点。")
    text = text.replace("按常住人口计算。", "按户籍人口计算。").replace("source: 演示统计局", "source: 演示科技局")
    report.write_text(text.replace("  agencies: 3\n", "  agencies: 暂无\n"), encoding="utf-8")
    code, out, _ = _diff(repo)
    assert code == 0, out
    lines = out.splitlines()
    for line in (
        "- 演示示范区 2023 年 年度建设报告报送日期：2024-01-20 → 2024-02-20",
        "- 演示示范区 2023 年 年度建设亮点：删除“启动建设。”",
        "- 演示示范区 2023 年 年度建设亮点：新增“启动建设并完成验收。”",
        "- 演示示范区 2023 年 年度建设亮点：新增“新亮点。”",
        "- 演示示范区 2023 年 每万人发明专利拥有量 · 说明：“按常住人口计算。” → “按户籍人口计算。”",
        "- 演示示范区 2023 年 每万人发明专利拥有量 · 数据来源：“演示统计局” → “演示科技局”",
        "- 演示示范区 2023 年 技术转移机构：3 → 暂无",
    ):
        assert line in lines, (line, out)


def test_each_changed_field_of_a_case_and_event_is_shown(repo: Path) -> None:
    _commit(repo)
    case = repo / "data/zones/demo-zone/cases/demo-case.yaml"
    text = case.read_text(encoding="utf-8").replace("background: 背景文字。", "background: 新的背景文字。")
    text = text.replace("  indicators: [contract_value]", "  indicators: [contract_value, agencies]")
    case.write_text(text.replace("    alt: 演示图片：流程示意", "    alt: 流程图"), encoding="utf-8")
    zone = repo / "data/zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("document: 演示〔2023〕1号", "document: 演示〔2023〕2号")
                    .replace("      contract_value: 25", "      contract_value: 30"), encoding="utf-8")  # fmt: skip
    code, out, _ = _diff(repo)
    assert code == 0, out
    lines = out.splitlines()
    for line in (
        "- 演示经验（`demo-case`）· 背景：“背景文字。” → “新的背景文字。”",
        "- 演示经验（`demo-case`）· 取得成效 · 相关指标编号：新增 技术转移机构（`agencies`）",
        "- 演示经验（`demo-case`）· 图片 demo\\.png · 替代文字：“演示图片：流程示意” → “流程图”",
        "- 演示示范区 · 建设程序事件 2023-05-10 批复建设 · 批复文号：“演示〔2023〕1号” → “演示〔2023〕2号”",
        "- 演示示范区 · 建设程序事件 2024-02-01 建设方案修订 · 修订后的期末目标值 技术合同成交额：25 → 30",
    ):
        assert line in lines, (line, out)


def test_a_renamed_zone_folder_and_case_file_are_renames(repo: Path) -> None:
    _commit(repo)
    zones = repo / "data/zones"
    (zones / "demo-zone/cases/demo-case.yaml").rename(zones / "demo-zone/cases/demo-practice.yaml")
    (zones / "demo-zone").rename(zones / "nanning-demo")
    replace = zones / "nanning-demo/zone.yaml"
    replace.write_text(replace.read_text(encoding="utf-8").replace("operator: 演示运营中心", "operator: 新运营中心"),
                       encoding="utf-8")  # fmt: skip
    code, out, _ = _diff(repo)
    assert code == 0, out
    lines = out.splitlines()
    assert (
        "- 示范区文件夹改名：`demo-zone` → `nanning-demo`（**演示示范区**），网址由 /zones/demo-zone/ 改为 /zones/nanning-demo/"
        in lines
    ), out
    assert (
        "- 案例文件改名：`demo-case` → `demo-practice`（**演示经验**），网址由 /cases/demo-case/ 改为 /cases/demo-practice/"
        in lines
    ), out
    assert "- 演示示范区 · 运营主体：“演示运营中心” → “新运营中心”" in lines, out
    assert not re.search("新增示范区|删除示范区|新增事件|删除事件|新增 20|删除 20|新增案例|删除案例", out), out


def test_the_file_list_shows_hostile_file_names_and_refs_as_text(repo: Path) -> None:
    """When the data fails the check the summary lists the changed files: their names and the base ref are
    data too."""
    _commit(repo)
    _git(repo, "branch", "base`<b>x")
    _git(repo, "branch", "基准")
    cases = repo / "data/zones/demo-zone/cases"
    (cases / "敌意开头a`b|c<!--d\n# e[f](www.evil.example)\u202e.yaml").write_text("title: [\n", encoding="utf-8")
    _commit(repo, "hostile")
    code, out, _ = _diff(repo, "base`<b>x")
    assert code == 0 and "未通过检查" in out, out
    for path in cases.glob("敌意开头*"):
        path.rename(cases / "敌意开头 plain.yaml")
    _commit(repo, "plain")
    _, benign, _ = _diff(repo, "基准")
    _assert_text_only(out, benign, "changed files")


def test_a_change_deep_in_a_long_text_is_shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A long text is cut for the summary, but never where it changed: the part that differs is shown."""
    base = load_catalog(MINI)
    long_text = "做法" * 500 + "原来的第三步" + "细节" * 300
    changed = long_text.replace("原来的第三步", "修改后的第三步")

    def with_practices(value: str) -> Any:
        return dataclasses.replace(
            base,
            cases=tuple(
                dataclasses.replace(c, case=c.case.model_copy(update={"practices": value})) for c in base.cases
            ),
        )

    out = _summary_of(with_practices(long_text), with_practices(changed), monkeypatch, tmp_path)
    shown = "".join(_render(out).text)
    assert "原来的第三步" in shown and "修改后的第三步" in shown, out
    assert len(out.encode()) < 5000, out


def test_a_huge_change_stays_under_the_job_summary_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """GitHub refuses a job summary over 1 MiB (and shows none of it): the summary says what it left out."""
    base = load_catalog(MINI)
    ind = base.indicators[0]
    many = tuple(
        ind.model_copy(update={"id": f"extra_{i}", "definition": f"第{i}个" + "很长的解释" * 200}) for i in range(2000)
    )
    out = _summary_of(base, dataclasses.replace(base, indicators=base.indicators + many), monkeypatch, tmp_path)
    assert len(out.encode()) < 1024 * 1024
    assert "以下" in out and "行从略" in out.splitlines()[-1], out.splitlines()[-1]


def test_a_new_zone_year_or_case_lists_every_field(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A new zone, year or case, every field filled: each value in it is shown (what a reviewer approves)."""
    base = load_catalog(MINI)
    values = _Values()
    record = base.zones["demo-zone"]
    zone, report, case = values.model(models.Zone), values.model(models.AnnualReport), values.model(models.Case)
    without_zone = dataclasses.replace(base, zones={k: v for k, v in base.zones.items() if k != "demo-zone"}, cases=())
    without_year = dataclasses.replace(
        base, zones={**base.zones, "demo-zone": dataclasses.replace(record, reports={2022: record.reports[2022]})}
    )
    year = dataclasses.replace(record.reports[2023], report=report)
    for what, old, new, full in (
        ("zone", without_zone, dataclasses.replace(base, zones={**base.zones, "demo-zone": dataclasses.replace(record, zone=zone)}, cases=()), zone),
        ("year", without_year, dataclasses.replace(base, zones={**base.zones, "demo-zone": dataclasses.replace(record, reports={**record.reports, 2023: year})}), report),
        ("case", dataclasses.replace(base, cases=()), dataclasses.replace(base, cases=(dataclasses.replace(base.cases[0], case=case),)), case),
    ):  # fmt: skip
        shown = "".join(_render(_summary_of(old, new, monkeypatch, tmp_path)).text)
        missing = [t for t in _tokens(full) if t not in shown and not any(n in shown for n in _ref_names(base, t))]
        assert not missing, f"new {what}: not shown: {missing}"


def test_files_changed_without_a_data_change_are_listed(repo: Path) -> None:
    """ "数据没有变化" must not hide a changed file: a comment, a hidden or a schema file is listed."""
    _commit(repo)
    zone = repo / "data/zones/demo-zone/zone.yaml"
    zone.write_text("# 一条注释\n" + zone.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "data/zones/demo-zone/.备注.yaml").write_text("note: x\n", encoding="utf-8")
    _commit(repo, "comments")
    code, out, _ = _diff(repo, "HEAD~1")
    assert code == 0, out
    lines = out.splitlines()
    assert "数据没有变化。" in lines[2], out
    assert "- 修改 `data/zones/demo-zone/zone.yaml`" in lines, out
    assert "- 新增 data/zones/demo\\-zone/\\.备注\\.yaml" in lines, out


def test_the_line_break_marker_is_told_apart_from_the_same_character_in_the_data() -> None:
    from generator.diff import text

    assert text("一\n二") == "一⏎二"
    assert text("一⏎二") == "一⟨U+23CE⟩二"


def test_a_hostile_pull_request_cannot_rig_the_reviewers_summary(repo: Path) -> None:
    """Issue 12, item 5, through git as in CI: a pull request whose zone name carries a link and a tracker
    image, whose highlight carries a fake "## ✅ 数据没有变化" heading and opens an HTML comment that a later
    note closes, around a real tenfold jump. Rendered as GitHub renders the job summary: no link, no image,
    no heading but the summary's own, nothing hidden, and the ⚠ line of the jump is shown."""
    _git(repo, "add", "data")
    _git(repo, "commit", "-qm", "the 2023 report and the case")
    zone_yaml = repo / "data/zones/demo-zone/zone.yaml"
    trap = "演示[点此核对](https://evil.example/ok) ![t](https://evil.example/t.png?u=reviewer)示范区"
    zone_yaml.write_text(zone_yaml.read_text(encoding="utf-8").replace("name: 演示示范区", f"name: {trap}"),
                         encoding="utf-8")  # fmt: skip
    report = repo / "data/zones/demo-zone/annual/2023.yaml"
    text = report.read_text(encoding="utf-8").replace("contract_value: 12.5", "contract_value: 1250")  # tenfold
    text = text.replace("  - 启动建设。", "  - |\n    启动建设。\n\n    ## ✅ 数据没有变化\n\n    <!--")
    report.write_text(text.replace("    note: 按常住人口计算。", "    note: '--> 按常住人口计算。'"), encoding="utf-8")
    code, out, err = _diff(repo)
    assert code == 0, err
    assert "未通过检查" not in out, out
    html = _GFM.render(out)
    shown = _render(out)
    visible = "".join(shown.text)
    assert "<a " not in html and "<img" not in html, html
    assert "<!--comment-->" not in shown.parts, "an HTML comment from the data hides part of the summary"
    headings = re.findall(r"<h\d>(.*?)</h\d>", html)
    assert not any("数据没有变化" in h for h in headings), headings
    assert all("✅" not in h for h in headings), headings
    assert re.search(r"技术合同成交额：12\.5 → 1,?250.*⚠ 变化超过十倍", visible), visible
    assert "请核实：有 1 处数值变化超过十倍" in visible, visible
    assert "点此核对" in visible and "数据没有变化" in visible  # the data is shown, as text
