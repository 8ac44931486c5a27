"""Every field and every problem code is documented in both languages (the editors' guide relies on it)."""

from __future__ import annotations

from pydantic import BaseModel

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
            extra = field.json_schema_extra
            assert isinstance(extra, dict) and extra.get("x-zh") and extra.get("x-en"), f"{model.__name__}.{name}"


def test_every_problem_code_has_text_and_a_fix() -> None:
    assert len(CODES) >= 30
    for code in CODES.values():
        assert code.severity in ("error", "warning", "notice")
        assert code.zh and code.en and code.fix, code.code
