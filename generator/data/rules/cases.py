"""Cases: their zone, codes, year, the indicators they cite and their images."""

from __future__ import annotations

import re
import unicodedata

from generator.data.construct import ValidZone
from generator.data.load import Document, ZoneFiles
from generator.data.messages import editor_text
from generator.data.models import (
    Case,
)
from generator.data.partial import Partial
from generator.data.problems import Problem
from generator.data.rules.context import Context
from generator.data.rules.registry import rule
from generator.data.rules.reports import after_as_of, id_mismatch
from generator.data.rules.system import unknown_reference
from generator.data.rules.values import _unknown_indicator, invalid_value
from generator.data.rules.zones import ZoneFacts

# --- cases ----------------------------------------------------------------------------------


@rule("missing-image")
def _check_case_images(ctx: Context, doc: Document, case: Case, files: ZoneFiles) -> bool:
    """Each image a case names is in the zone's images/ under exactly that name. A file that is there but
    refused (too large, a format the site does not take) already has its own problem: no second one here."""
    ok = True
    folded = {_fold(name): name for name in sorted(files.image_files, reverse=True)}
    for i, image in enumerate(case.images or ()):
        key = ("images", i, "file")
        if image is None or image.file is None:
            continue  # dropped as unreadable: its own problem is reported already
        actual = folded.get(_fold(image.file)) if image.file not in files.image_files else None
        if actual is not None:
            case_only = image.file.casefold() == actual.casefold()
            width_only = unicodedata.normalize("NFKC", image.file) == unicodedata.normalize("NFKC", actual)
            how = editor_text("image-how-case" if case_only else "image-how-width" if width_only else "image-how-both")
            zh, en = editor_text("image-name-differs", name=image.file, actual=actual, how=how[0], how_en=how[1])
            hint = editor_text("image-name-differs-hint", actual=actual)[0]
            ctx.report(doc, key, "missing-image", zh, en, hint)
        elif not re.fullmatch(r"[\w.-]+", image.file) or image.file.startswith("."):
            base = re.split(r"[/\\]", image.file)[-1]  # images/demo.png, or a Windows path
            own = folded.get(_fold(base)) if base != image.file else None
            invalid_value(ctx, doc, key, "image-name", image.file, own)
        elif image.file in files.images:
            continue
        elif image.file not in files.image_files:
            stem = _fold(image.file).rpartition(".")[0] or _fold(image.file)
            near = [name for name in sorted(files.image_files) if _fold(name).rpartition(".")[0] == stem]
            found = editor_text("image-missing-same-stem", actual=near[0]) if len(near) == 1 else None
            zh, en = editor_text("image-missing", name=image.file)
            ctx.report(doc, key, "missing-image", zh, en, (found or editor_text("image-missing-hint"))[0])
        ok = False
    return ok


@rule("image-unused")
def _notice_unused_images(ctx: Context, files: ZoneFiles, cases: dict[str, Case | Partial | None]) -> None:
    """An image no case names is not published: say so (a notice), so a photo uploaded for a case whose images
    block is still commented out is not lost unnoticed. A name a case gets wrong (case, full width, a path,
    another suffix) already has its problem there; unknown while a case file cannot be read."""
    read = [case.value if isinstance(case, Partial) else case for case in cases.values()]
    if any(case is None or case.images is None for case in read):
        return  # a case file (or its images) could not be read: which images it names is unknown
    named: set[str] = set()
    for case in read:
        for image in case.images if case is not None else ():
            if image is None or image.file is None:
                return
            base = _fold(re.split(r"[/\\]", image.file)[-1])
            named |= {base, base.rpartition(".")[0] or base}
    for name in files.images:
        if not {_fold(name), _fold(name).rpartition(".")[0]} & named:
            zh, en = editor_text("image-unused", name=name)
            ctx.add(Problem(f"{files.folder}/images/{name}", 0, "", "image-unused", zh, en,
                                editor_text("image-unused-hint", name=name)[0]))  # fmt: skip


def _fold(name: str) -> str:
    """A file name as someone might mistype it: case and full-width/half-width forms ignored."""
    return unicodedata.normalize("NFKC", name).casefold()


@rule("case-cites-unreported")
def _check_case(ctx: Context, doc: Document, zone_id: str, case: Case, zone: ValidZone, facts: ZoneFacts) -> bool:
    """The rules on one case (its fields may be None when its file failed its model); True when it may be
    published."""
    ok = True
    if case.zone is not None and case.zone != zone_id:
        id_mismatch(ctx, doc, ("zone",), "case-zone", case.zone, zone_id)
        ok = False
    unknown_reference(ctx, doc, Case, ("task",), case.task)
    for i, tag in enumerate(case.tags):
        unknown_reference(ctx, doc, Case, ("tags", i), tag)
    if case.year is not None:
        after_as_of(ctx, doc, ("year",), "case", case.year)
    reported = {ind for r in facts.reports.values() for ind, (number, _text) in r.read.items() if number is not None}
    known = {ind.id: ind for ind in (*(ctx.system.indicators or ()), *zone.own_indicators)}
    for i, ind_id in enumerate(case.results.indicators if case.results is not None else ()):
        if ind_id in facts.maybe_indicators:
            continue  # may be an indicator whose definition could not be read
        if ind_id not in known:
            _unknown_indicator(ctx, doc, ("results", "indicators", i), ind_id, known)
            ok = False
        elif ind_id not in reported and ind_id not in facts.maybe_reported:
            zh, en = editor_text("case-cites-unreported", zone=zone_id, indicator=ind_id)
            ctx.report(doc, ("results", "indicators", i), "case-cites-unreported", zh, en)
            ok = False
    ok = _check_case_images(ctx, doc, case, ctx.folder.zones[zone_id]) and ok
    rules_ok: bool = ok and not ctx.log.files_with_errors() & {doc.path}
    return rules_ok
