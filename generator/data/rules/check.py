"""The order the rules run in, over the whole data folder, and the catalog built from what passed."""

from __future__ import annotations

import re
from typing import Any

from generator.data.catalog import (
    CaseRecord,
    Catalog,
    ZoneRecord,
)
from generator.data.models import (
    Zone,
)
from generator.data.partial import Partial, lenient_empty
from generator.data.problems import Problem
from generator.data.rules.cases import _check_case, _notice_unused_images
from generator.data.rules.context import Context
from generator.data.rules.names import _valid_file_id, reserved_name
from generator.data.rules.system import _check_indicator_system, _check_references
from generator.data.rules.text import _check_characters, _check_placeholders
from generator.data.rules.zones import _check_zone


def check_catalog(ctx: Context, zone_models: dict[str, dict[str, Any]]) -> Catalog:
    _check_placeholders(ctx)
    _check_characters(ctx)
    _check_references(ctx)
    indicators, maybe = _check_indicator_system(ctx)
    zones: dict[str, ZoneRecord] = {}
    cases: list[CaseRecord] = []
    seen_slugs: dict[str, str] = {}
    for zone_id, models in zone_models.items():
        files = ctx.folder.zones[zone_id]
        if reserved := reserved_name("what-zone", zone_id, "zones") or reserved_name(
            "what-zone", zone_id, "data/zones"
        ):
            ctx.log.add(Problem(files.folder, 0, "", "reserved-name", *reserved))
            continue
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", zone_id) or len(zone_id) > 64:
            ctx.log.add(
                Problem(
                    files.folder,
                    0,
                    "",
                    "invalid-id",
                    f"示范区文件夹名“{zone_id}”不符合编号规则",
                    f"zone folder name {zone_id!r} is not a valid id",
                    "文件夹名只能用小写英文字母、数字和连字符，如 nanning-hitech。",
                )
            )
            continue
        if models["zone"] is None:  # zone.yaml missing or unreadable: its other files are still checked
            models = {**models, "zone": Partial(lenient_empty(Zone), frozenset({()}), frozenset())}
        record, checked = _check_zone(ctx, zone_id, files, models, indicators, maybe)
        # nothing from a file that failed its model: a zone is published only when it and its indicators are whole
        published = not isinstance(models["zone"], Partial) and not isinstance(models["indicators"], Partial)
        if published:
            zones[zone_id] = record
        for slug, case in sorted(models["cases"].items()):
            doc = files.cases[slug]
            if case is None or not _valid_file_id(ctx, doc, slug, folder="cases"):
                continue
            if slug in seen_slugs:
                ctx.report(
                    doc,
                    (),
                    "duplicate-id",
                    f"案例编号“{slug}”已在 {seen_slugs[slug]} 中使用",
                    f"case id {slug!r} already used in {seen_slugs[slug]}",
                    "案例文件名在全站必须唯一，请改名。",
                )
                continue
            seen_slugs[slug] = doc.path
            if isinstance(case, Partial):
                _check_case(ctx, doc, zone_id, case.value, record, checked)
            elif _check_case(ctx, doc, zone_id, case, record, checked) and published:
                cases.append(CaseRecord(slug, zone_id, doc.path, case))
        _notice_unused_images(ctx, files, models["cases"])
        for name in files.image_files:  # every file in images/: one so named breaks a checkout on Windows
            if reserved := reserved_name("what-image", name):
                ctx.log.add(Problem(f"{files.folder}/images/{name}", 0, "", "reserved-name", *reserved))
    return Catalog(
        site=ctx.site,
        categories=tuple(ctx.system.categories or ()),
        indicators=tuple(ctx.system.indicators or ()),
        indicator_source=ctx.system.source,
        references=ctx.refs,
        tasks=ctx.tasks,
        zones=zones,
        cases=tuple(sorted(cases, key=lambda c: (-c.case.year, c.zone_id, c.slug))),
        data_dir=ctx.folder.display_root,
    )
