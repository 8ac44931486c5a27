"""JSON Schemas: made from the models, kept fresh, named by every data file, and valid for the sample."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import yaml

from conftest import SAMPLE
from generator.data.schema import write_schemas


def test_committed_schemas_are_fresh() -> None:
    assert write_schemas(SAMPLE, check_only=True) == []


def _as_editor_tool_reads(value):
    """yaml-language-server reads YAML 1.2: dates stay strings; PyYAML turns them into dates."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _as_editor_tool_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_tool_reads(v) for v in value]
    return value


def test_every_sample_file_names_a_schema_and_is_valid_against_it() -> None:
    files = sorted(SAMPLE.rglob("*.yaml"))
    assert len(files) > 30
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: first line must name its schema"
        schema_path = (path.parent / match.group(1)).resolve()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        data = _as_editor_tool_reads(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]
        assert errors == [], f"{path}: {errors[:3]}"


def test_schema_describes_fields_in_both_languages() -> None:
    zone = json.loads((SAMPLE / "schemas/zone.schema.json").read_text(encoding="utf-8"))
    assert zone["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert zone["additionalProperties"] is False
    for name, prop in zone["properties"].items():
        assert prop.get("x-zh") and prop.get("x-en"), name
    annual = json.loads((SAMPLE / "schemas/annual-report.schema.json").read_text(encoding="utf-8"))
    assert "tech_contract_turnover" in annual["properties"]["values"]["properties"]


def test_a_stale_schema_is_detected(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    system = data / "indicator_system.yaml"
    system.write_text(
        system.read_text(encoding="utf-8").replace("name: 技术合同成交额", "name: 技术合同成交总额"), encoding="utf-8"
    )
    assert write_schemas(data, check_only=True) == ["annual-report.schema.json"]


def test_descriptions_are_looked_up_in_the_locale_of_the_run() -> None:
    """The models are made at import time; their descriptions come from the catalogue when the schema is made."""
    from generator import i18n
    from generator.data.models import PLAN_SECTIONS, SiteConfig, field_words
    from generator.data.schema import make_schemas

    def sponsor() -> dict[str, str]:
        return json.loads(make_schemas([])["site.schema.json"])["properties"]["sponsor"]

    shown = {"description": "主办单位 / sponsor (主办单位)", "x-zh": "主办单位", "x-en": "sponsor (主办单位)"}
    assert {k: sponsor()[k] for k in shown} == shown
    with i18n.use(i18n.PSEUDO_LOCALE):
        assert {k: sponsor()[k] for k in shown} == {
            "description": "⟦主办单位⟧ / sponsor (⟦主办单位⟧)",
            "x-zh": "⟦主办单位⟧",
            "x-en": "sponsor (⟦主办单位⟧)",
        }
        assert field_words(SiteConfig.model_fields["title"]) == ("⟦网站名称⟧", "site title")
        assert PLAN_SECTIONS["overview"] == ("⟦一、基本概况⟧", "Overview")
    assert {k: sponsor()[k] for k in shown} == shown
