"""The data folder's layout: which file plays which role, in one table.

Each kind of file has a path pattern (`/`-separated parts below the data folder; `{name}` stands for the part,
or the start of the part, that carries an id), the model its content must pass (None for images and for the
generated schemas), the JSON schema made from that model and named on the file's first line, and the title the
data dictionary shows. `match` parses a path into its kind and ids (zone id, year as written, case slug, list
name), as owid/etl's PathFinder does for its steps. The loader, the checker, the `schema` command, the data
dictionary and the scaffolds read this table; none of them spells out a path of its own.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.data.models import AnnualReport, Case, IndicatorSystem, RefItem, SiteConfig, Task, Zone, ZoneIndicators
from generator.i18n import NP_, pgettext

# The closed lists under reference/, in the order the checker reads them (the catalog keeps this order).
REFERENCE_LISTS = (
    "cities",
    "park_kinds",
    "park_levels",
    "zone_levels",
    "event_kinds",
    "evaluation_results",
    "tasks",
    "tags",
)
TASK_LIST = "tasks"  # the one list whose items are the guideline's main tasks, not plain codes

# What each id of a pattern is called where a path is shown to editors (the data dictionary): NP_, translated
# where shown.
ID_NAMES = {
    "zone": NP_("data file path: an id", "zone id"),
    "year": NP_("data file path: an id", "year"),
    "case": NP_("data file path: an id", "case id"),
    "list": NP_("data file path: an id", "list"),
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, eq=False)  # a pattern is itself: compared and hashed by identity
class Pattern:
    """A path below the data folder, with `{id}` parts; `choices` restricts an id to the values listed."""

    pattern: str
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def pieces(self) -> tuple[str, ...]:
        return tuple(self.pattern.split("/"))

    @property
    def folder(self) -> tuple[str, ...]:
        """The parts of the folder the files of this pattern are in (`schemas/{schema}`: `("schemas",)`)."""
        return self.pieces[:-1]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(_PLACEHOLDER.findall(self.pattern))

    def _regex(self, piece: str) -> re.Pattern[str]:
        out, end = "", 0
        for found in _PLACEHOLDER.finditer(piece):
            out += re.escape(piece[end : found.start()]) + f"(?P<{found.group(1)}>.+)"
            end = found.end()
        return re.compile(out + re.escape(piece[end:]))

    def match(self, rel: tuple[str, ...]) -> dict[str, str] | None:
        """The ids of `rel` (a path's parts below the data folder) when it has this pattern, else None."""
        if len(rel) != len(self.pieces):
            return None
        return self._match_parts(rel)

    def holding(self, rel: tuple[str, ...]) -> dict[str, str] | None:
        """The ids of the folder of this pattern that `rel` lies in (at any depth below it), else None."""
        if len(rel) <= len(self.pieces):
            return None
        return self._match_parts(rel[: len(self.pieces)])

    def _match_parts(self, rel: tuple[str, ...]) -> dict[str, str] | None:
        ids: dict[str, str] = {}
        for piece, part in zip(self.pieces, rel, strict=True):
            found = self._regex(piece).fullmatch(part)
            if found is None:
                return None
            ids.update(found.groupdict())
        if any(name in self.choices and value not in self.choices[name] for name, value in ids.items()):
            return None
        return ids

    def parts(self, **ids: object) -> tuple[str, ...]:
        """The path's parts with the ids filled in (every id of the pattern must be given)."""
        return tuple(_PLACEHOLDER.sub(lambda m: str(ids[m.group(1)]), piece) for piece in self.pieces)

    def rel(self, **ids: object) -> str:
        """The path below the data folder, `/`-separated, as problems and editors' messages show it."""
        return "/".join(self.parts(**ids))

    def path(self, root: Path, **ids: object) -> Path:
        return root.joinpath(*self.parts(**ids))

    @property
    def shown(self) -> str:
        """The pattern as the data dictionary shows it: `zones/<zone id>/annual/<year>.yaml`, each id named in the
        catalogue's words (an id with one allowed value shows that value)."""

        def name(m: re.Match[str]) -> str:
            only = self.choices.get(m.group(1), ())
            if len(only) == 1:
                return only[0]
            marked = ID_NAMES.get(m.group(1))
            return f"<{pgettext(*marked) if marked else m.group(1)}>"

        return _PLACEHOLDER.sub(name, self.pattern)


@dataclass(frozen=True, eq=False)
class FileKind(Pattern):
    """One role a file plays in the data folder."""

    name: str = ""
    model: Any = None  # what the content must pass (a model, or a list of one); None: not YAML data
    schema: str = ""  # the JSON schema's file name (under SCHEMA's folder), made from `model`
    marked_title: tuple[str, str] | None = None  # what the file holds, as the data dictionary says it: NP_, for `title`
    generated: bool = False  # written by the generator, never by editors: the loader does not read it

    @property
    def title(self) -> str:
        return pgettext(*self.marked_title) if self.marked_title else ""

    @property
    def item_model(self) -> Any:
        """The model of one record: the model itself, or the item's model for a file that is a list."""
        return typing.get_args(self.model)[0] if typing.get_origin(self.model) is list else self.model

    @property
    def is_list(self) -> bool:
        return typing.get_origin(self.model) is list


def _kind(
    name: str, pattern: str, model: Any = None, schema: str = "", title: tuple[str, str] | None = None, **more: Any
) -> FileKind:
    return FileKind(pattern=pattern, name=name, model=model, schema=schema, marked_title=title, **more)


_REFERENCE_ONLY = {"list": tuple(name for name in REFERENCE_LISTS if name != TASK_LIST)}

# fmt: off
SITE = _kind("site", "site.yaml", SiteConfig, "site.schema.json", NP_("data file kind", "site configuration"))
INDICATOR_SYSTEM = _kind("indicator_system", "indicator_system.yaml", IndicatorSystem, "indicator-system.schema.json",
                         NP_("data file kind", "the indicator system"))
REFERENCE = _kind("reference", "reference/{list}.yaml", list[RefItem], "reference.schema.json",
                  NP_("data file kind", "a closed list (the file is a list of items; below, each item's fields)"), choices=_REFERENCE_ONLY)
TASKS = _kind("tasks", "reference/{list}.yaml", list[Task], "tasks.schema.json",
              NP_("data file kind", "the seven main tasks (the file is a list of items; below, each item's fields)"), choices={"list": (TASK_LIST,)})
ZONE = _kind("zone", "zones/{zone}/zone.yaml", Zone, "zone.schema.json", NP_("data file kind", "the zone's profile and its approval steps"))
ZONE_INDICATORS = _kind("zone_indicators", "zones/{zone}/indicators.yaml", ZoneIndicators,
                        "zone-indicators.schema.json", NP_("data file kind", "the zone's own indicators"))
ANNUAL = _kind("annual", "zones/{zone}/annual/{year}.yaml", AnnualReport, "annual-report.schema.json",
               NP_("data file kind", "the annual report and the indicators' values"))
CASE = _kind("case", "zones/{zone}/cases/{case}.yaml", Case, "case.schema.json", NP_("data file kind", "a case of replicable experience"))
IMAGE = _kind("image", "zones/{zone}/images/{image}")  # any name: the loader says why it refuses one
SCHEMA = _kind("schema", "schemas/{schema}", generated=True)  # written by the `schema` command from the models
# fmt: on

ZONE_FOLDER = Pattern("zones/{zone}")
"""One folder per zone, named by the zone's id: a file in it that is of no kind still belongs to the zone."""

FILE_KINDS: tuple[FileKind, ...] = (
    SITE,
    INDICATOR_SYSTEM,
    REFERENCE,
    TASKS,
    ZONE,
    ZONE_INDICATORS,
    ANNUAL,
    CASE,
    IMAGE,
    SCHEMA,
)
"""Every kind, in the data folder's order (the files the whole site depends on, then the zones')."""

GENERATED_FOLDERS = frozenset(kind.folder for kind in FILE_KINDS if kind.generated)
"""Folders the generator writes: the loader does not look inside them."""


@dataclass(frozen=True)
class Located:
    """A path's kind and the ids its parts carry."""

    kind: FileKind
    ids: Mapping[str, str]

    @property
    def rel(self) -> str:
        return self.kind.rel(**self.ids)


def match(rel: tuple[str, ...]) -> Located | None:
    """The kind of the file at `rel` (its parts below the data folder) and its ids; None where no file goes."""
    for kind in FILE_KINDS:
        ids = kind.match(rel)
        if ids is not None:
            return Located(kind, ids)
    return None


def reference_file(name: str) -> Located:
    """The file of the reference list `name` (one of REFERENCE_LISTS)."""
    found = match(REFERENCE.parts(list=name))
    assert found is not None, name
    return found


# ---- where the data's ids become the site's file names ------------------------------------------------------
# The site's folders (relative to the generated folder, which MkDocs serves at the site's root) where a page or
# file is named by an id from the data. generator/site/paths.py makes every address from these, and the checker
# refuses an id that would take a name the site itself uses in one of them (rules/names.py): both read them here.

SITE_DATA = "data"  # the open data's folder
SITE_ZONES = "zones"  # zones/<zone id>/index.md (and the zone's year pages and PDFs), beside zones/index.md
SITE_CASES = "cases"  # cases/<case id>.md, beside the case library cases/index.md
SITE_INDICATORS = "indicators"  # indicators/<indicator id>.md, beside the indicator list indicators/index.md
SITE_ZONE_CSVS = f"{SITE_DATA}/zones"  # data/zones/<zone id>.csv
SITE_IMAGES = "images"  # images/<zone id>/<file>: the images of a zone's cases


def site_index(folder: str) -> str:
    """The page of a site folder itself (`cases` → `cases/index.md`, served at cases/)."""
    return f"{folder}/index.md"
