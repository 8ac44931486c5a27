"""Every field and every problem code is documented in both languages (the editors' guide relies on it)."""

from __future__ import annotations

from pydantic import BaseModel

from conftest import ROOT
from generator import i18n
from generator.data import models
from generator.data.messages import CODES


def all_models() -> list[type[BaseModel]]:
    found = [
        obj for obj in vars(models).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj not in (BaseModel, models.Strict)
    ]  # fmt: skip
    assert len(found) >= 15  # guards against a filter that selects nothing
    return found


def test_every_model_field_is_described_in_chinese_and_english() -> None:
    for model in all_models():
        for name, field in model.model_fields.items():
            assert all(models.field_words(field)), f"{model.__name__}.{name}"


def test_every_problem_code_has_text_and_a_fix() -> None:
    assert len(CODES) >= 30
    for code in CODES.values():
        assert code.severity in ("error", "warning", "notice")
        assert code.zh and code.en and code.fix, code.code


def test_each_problem_code_has_its_own_entries_in_the_catalogue() -> None:
    """A code's words are in the catalogue (problems.po) under its own contexts, `problem <code>` and `fix <code>`:
    two codes never share an entry, and both texts come from the catalogue in every locale."""
    for code in CODES.values():
        assert code.marked_title[0] == f"problem {code.code}", code.code
        assert code.marked_fix[0] == f"fix {code.code}", code.code
        with i18n.use(i18n.PSEUDO_LOCALE):
            assert code.zh.startswith(i18n.PSEUDO_OPEN) and code.fix.startswith(i18n.PSEUDO_OPEN), code.code
        assert not code.en.startswith(i18n.PSEUDO_OPEN), code.code


def test_the_editors_guide_documents_every_problem_code() -> None:
    from conftest import MINI, generated

    pages = generated(MINI)[1].pages
    checks = pages["guide/checks.md"]
    for code in CODES.values():
        assert f"### {code.code.replace('-', '&#45;')} {{ #{code.code} }}" in checks, code.code
    for page in ("guide/index.md", "guide/web.md", "guide/excel.md"):  # hand-written, in the nav
        assert (ROOT / "site_src" / page).is_file()
    assert "data/dictionary.md" in pages


def test_no_fix_tells_an_editor_to_change_as_of() -> None:
    """`as_of` in site.yaml belongs to the department (guide/index.md says so): a fix that mentions it sends the
    editor to the department instead of telling them to edit it."""
    guide = (ROOT / "site_src" / "guide" / "index.md").read_text(encoding="utf-8")
    assert "as_of" in guide and "不要改它" in guide
    for code in CODES.values():
        if "as_of" in code.fix:
            assert "科技厅" in code.fix and "不要自行修改" in code.fix, code.code
