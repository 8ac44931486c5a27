"""The order the rules run in over the whole data folder; then the catalog is built from what they accept
(generator/data/construct.py)."""

from __future__ import annotations

from generator.data.catalog import Catalog
from generator.data.construct import Valid, ValidCase, build_catalog
from generator.data.layout import SITE_CASES, SITE_ZONE_CSVS, SITE_ZONES
from generator.data.models import (
    Zone,
)
from generator.data.partial import Partial, lenient_empty
from generator.data.rules.cases import _check_case, _notice_unused_images
from generator.data.rules.context import Context, ZoneModels
from generator.data.rules.names import _valid_file_id, invalid_id, reserved
from generator.data.rules.site import _notice_footer_placeholders
from generator.data.rules.system import (
    _check_indicator_system,
    _check_references,
    _notice_policy_url_unset,
    duplicate_id,
)
from generator.data.rules.text import _check_characters, _check_placeholders
from generator.data.rules.zones import _check_zone


def check_catalog(ctx: Context, zone_models: dict[str, ZoneModels]) -> Catalog:
    """Run the rules over the data folder, then build the catalog from what they accept."""
    valid = check_records(ctx, zone_models)
    return build_catalog(ctx.site, ctx.system, ctx.refs, ctx.tasks, valid, ctx.folder.display_root)


def check_records(ctx: Context, zone_models: dict[str, ZoneModels]) -> Valid:
    """Every rule over every file; what may be published (a zone only when its zone.yaml and indicators.yaml
    passed their models, a case only when its file did and no rule refused it)."""
    _check_placeholders(ctx)
    _check_characters(ctx)
    _notice_policy_url_unset(ctx)
    _check_references(ctx)
    _notice_footer_placeholders(ctx)
    indicators, maybe = _check_indicator_system(ctx)
    valid = Valid()
    seen_slugs: dict[str, str] = {}
    for zone_id, models in zone_models.items():
        files = ctx.folder.zones[zone_id]
        if reserved(ctx, "what-zone", zone_id, (SITE_ZONES, SITE_ZONE_CSVS), path=files.folder):
            continue
        if invalid_id(ctx, files.folder, zone_id, "zone"):
            continue
        if models["zone"] is None:  # zone.yaml missing or unreadable: its other files are still checked
            models = {**models, "zone": Partial(lenient_empty(Zone), frozenset({()}), frozenset())}
        record, checked = _check_zone(ctx, zone_id, files, models, indicators, maybe)
        # nothing from a file that failed its model: a zone is published only when it and its indicators are whole
        published = not isinstance(models["zone"], Partial) and not isinstance(models["indicators"], Partial)
        if published:
            valid.zones[zone_id] = record
        for slug, case in sorted(models["cases"].items()):
            doc = files.cases[slug]
            if case is None or not _valid_file_id(ctx, doc, slug, folder=SITE_CASES):
                continue
            if slug in seen_slugs:
                duplicate_id(ctx, doc, (), "case", slug, seen_slugs[slug])
                continue
            seen_slugs[slug] = doc.path
            if isinstance(case, Partial):
                _check_case(ctx, doc, zone_id, case.value, record, checked)
            elif _check_case(ctx, doc, zone_id, case, record, checked) and published:
                valid.cases.append(ValidCase(slug, zone_id, doc.path, case))
        _notice_unused_images(ctx, files, models["cases"])
        for name in files.image_files:  # every file in images/: one so named breaks a checkout on Windows
            reserved(ctx, "what-image", name, path=f"{files.folder}/images/{name}")
    return valid
