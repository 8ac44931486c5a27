"""The schema as code: one strict model per kind of data file, every field described in Chinese and English.

These models are the single definition of the data: `validate.py` checks files against them, `schema.py`
writes the JSON Schemas editors' tools use, and the field reference in the editors' guide is made from
their descriptions. Unknown fields are refused (`extra="forbid"`); scalars are read by the field's type
(see `types.py`), never by YAML's guessing.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic.fields import FieldInfo

from generator.data.types import (
    MARKER_WORDS,
    Bool,
    Date,
    Id,
    Key,
    Markdown,
    Name,
    Number,
    Paragraph,
    PoliceFiling,
    RawValue,
    Url,
    Year,
)
from generator.data.vocabulary import MARKERS, Marker
from generator.i18n import NP_, pgettext

# --- list sizes (issue 12, item 4) ---------------------------------------------------------------------
# What a page can show a reader, with room to spare over the sample data (largest in brackets) and the
# guideline; they also keep the build's cost in proportion to the data. Text lengths are in `types.py`.
HIGHLIGHTS_MAX = 20  # highlights of a year (2): four times the five cells of the Excel sheet
PARKS_MAX = 20  # carrier parks of a zone (2)
INDUSTRIES_MAX = 20  # featured industries (3)
FUNDING_MAX = 50  # funding entries (2): one per source and year of a two-to-three-year period
EVENTS_MAX = 30  # lifecycle events (5): applied, notice, approved, evaluated, and revisions
CASE_LIST_MAX = 20  # a case's tags (2; 13 exist), policy documents (2), images
INDICATORS_MAX = 100  # indicators of the system (25; Attachment 2 has 25) and of a zone's own list (1)
CATEGORIES_MAX = 20  # first-level categories of the indicator system (5)
VALUES_MAX = 200  # indicator values of a year and targets (keys are indicators: the system's plus a zone's own)


class Described:
    """A field's description: an English message of the catalogue (marked with `NP_`), in the locale's words
    and in English. The models are made at import time, before a locale is chosen, so the words are looked up
    when shown: in the JSON Schema (pydantic calls this with the field's schema), the data dictionary, the
    scaffolds' comments and `diff` (`field_words`)."""

    def __init__(self, message: tuple[str, str], params: Mapping[str, str] | None = None, gloss: bool = False):
        self.message, self.params, self.gloss = message, dict(params or {}), gloss

    def words(self) -> tuple[str, str]:
        """(the locale's words, the English); `gloss`: the English names the locale's term after it, in
        brackets, as the official name of a role."""
        local, english = pgettext(*self.message, **self.params), self.message[1] % self.params
        return local, f"{english} ({local})" if self.gloss else english

    def __call__(self, schema: dict[str, Any]) -> None:
        local, english = self.words()
        schema.update({"description": f"{local} / {english}", "x-zh": local, "x-en": english})


def F(
    message: tuple[str, str],
    default: Any = ...,
    *,
    params: Mapping[str, str] | None = None,
    gloss: bool = False,
    **kw: Any,
) -> Any:
    """A field with its description in both languages (shown in VS Code and in the field reference). The
    English stands in `description` until the schema is made, so that the key keeps its place."""
    described = Described(message, params, gloss)
    return Field(default, description=message[1] % described.params, json_schema_extra=described, **kw)


def field_words(info: FieldInfo) -> tuple[str, str]:
    """A field's description: (the locale's words, the English), or two empty texts for a field without one."""
    extra = info.json_schema_extra
    return extra.words() if isinstance(extra, Described) else ("", "")


class _Words(Mapping[str, Any]):
    """A read-only table of marked messages, translated when read (the locale is chosen after import)."""

    def __init__(self, marked: Mapping[str, tuple[str, str]], pair: bool = False):
        self._marked, self._pair = dict(marked), pair

    def __getitem__(self, key: str) -> Any:
        marked = self._marked[key]
        return (pgettext(*marked), marked[1]) if self._pair else pgettext(*marked)

    def __iter__(self) -> Iterator[str]:
        return iter(self._marked)

    def __len__(self) -> int:
        return len(self._marked)


# --- which field takes which code list (issue 13) -------------------------------------------------------


@dataclass(frozen=True)
class CodeList:
    """A coded field's code list, as metadata of its type: `Annotated[Key, CodeList("cities")]` (in a list, each
    item; as a mapping's key type, each key). On a discriminated union, `tag` names the members' field that
    carries the tag: the union's item takes a code of the list (the tag that picks the model), and so does that
    field of every member. pydantic ignores it: the JSON schemas do not change. `coded_fields` reads it; the
    checker (validate, the rules) and diff take the lists from there."""

    name: str
    tag: str | None = None


class CodedField(NamedTuple):
    """One coded field of a model: its path in the file (`#` a list's item, `*` a mapping's key), its code list,
    and the model class and field name that declare it."""

    path: tuple[str, ...]
    list_name: str
    owner: type[BaseModel]
    field: str


def coded_fields(model: type[BaseModel]) -> Iterator[CodedField]:
    """Every coded field of a model and of the models in it (a mapping's values are not walked: no value
    model has a coded field)."""
    for name, info in model.model_fields.items():
        yield from _coded(info.annotation, list(info.metadata), (name,), model, name)


def _coded(tp: Any, meta: list[Any], path: tuple[str, ...], owner: type[BaseModel], name: str) -> Iterator[CodedField]:
    while typing.get_origin(tp) is Annotated:
        tp, *more = typing.get_args(tp)
        meta = [*meta, *more]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    for code_list in (m for m in meta if isinstance(m, CodeList)):
        if code_list.tag is None:
            yield CodedField(path, code_list.name, owner, name)
        else:
            for member in (_bare(a) for a in args):
                yield CodedField(path, code_list.name, member, code_list.tag)
    if origin is list:
        yield from _coded(args[0], [], (*path, "#"), owner, name)
    elif origin is dict:
        yield from _coded(args[0], [], (*path, "*"), owner, name)
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from _coded(arg, [], path, owner, name)
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        for field_name, info in tp.model_fields.items():
            yield from _coded(info.annotation, list(info.metadata), (*path, field_name), tp, field_name)


def _bare(tp: Any) -> Any:
    while typing.get_origin(tp) is Annotated:
        tp = typing.get_args(tp)[0]
    return tp


@cache
def code_lists(model: type[BaseModel]) -> Mapping[tuple[str, ...], str]:
    """A model's coded fields by path (see `CodedField`): path -> code list."""
    return types.MappingProxyType({c.path: c.list_name for c in coded_fields(model)})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- site configuration (site.yaml) --------------------------------------------------------------


class Contact(Strict):
    phone: Name | None = F(NP_("field", "phone"), None)
    email: Name | None = F(NP_("field", "email"), None)
    address: Name | None = F(NP_("field", "postal address"), None)


class GovBadge(Strict):
    image: Url = F(NP_("field", "address of the badge's image, as issued"))
    link: Url = F(NP_("field", "address the badge links to, as issued"))


class SiteConfig(Strict):
    title: Name = F(NP_("field", "site title"))
    description: Name = F(NP_("field", "one-sentence description (for search engines)"))
    site_url: Url = F(NP_("field", "canonical site URL; SITE_URL overrides it at build time"))
    as_of: Date = F(
        NP_("field", "as-of date of the data: every rule and page that depends on 'today' uses it"),
    )
    sponsor: Name = F(NP_("field", "sponsor"), gloss=True)
    organizer: Name | None = F(NP_("field", "organiser"), None, gloss=True)
    icp: Name = F(NP_("field", "ICP filing number"))
    police_filing: PoliceFiling = F(NP_("field", "public-security filing number"))
    website_code: Name | None = F(NP_("field", "government website code"), None)
    contact: Contact = F(NP_("field", "contact details"))
    error_report: Url | None = F(NP_("field", "where readers report an error on the site"), None)
    policy_title: Name = F(NP_("field", "title of the policy document"))
    policy_url: Url | None = F(NP_("field", "address of the policy text"), None)
    placeholder_filings: Bool = F(NP_("field", "filing numbers are placeholders (the footer says so)"), False)
    # issue 15: no defaults; until they are set the footer shows a placeholder and `check` notices it
    gov_badge: GovBadge | None = F(
        NP_("field", "the Party and government website badge, its image and link as issued"), None
    )
    question_channel: Url | None = F(
        NP_("field", "the department's page for readers' questions and messages (the site has no server)"), None
    )


# --- reference lists (reference/*.yaml) -------------------------------------------------------


class RefItem(Strict):
    id: Key = F(NP_("field", "id (lowercase ASCII)"))
    name: Name = F(NP_("field", "Chinese name"))
    name_en: Name = F(NP_("field", "English name"))
    note: Paragraph | None = F(NP_("field", "note"), None)


class Task(RefItem):
    number: int = F(NP_("field", "number among the guideline's main tasks (1–7)"), ge=1, le=7)
    short: Name = F(NP_("field", "short name"))


# --- the indicator system (indicator_system.yaml, zones/<id>/indicators.yaml) -------------------

IndicatorKind = Literal["count", "amount", "percent", "per_10k", "text"]


class Category(Strict):
    id: Key = F(NP_("field", "category id"))
    number: int = F(NP_("field", "order"), ge=1)
    name: Name = F(NP_("field", "category name (Chinese)"))
    name_en: Name = F(NP_("field", "English name"))


class Indicator(Strict):
    id: Key = F(NP_("field", "indicator id (lowercase, underscores)"))
    number: int | None = F(NP_("field", "row number in Attachment 2 of the guideline"), None, ge=1)
    category: Annotated[Key, CodeList("categories")] = F(NP_("indicator field", "category id"))
    name: Name = F(NP_("field", "indicator name (Chinese)"))
    name_en: Name = F(NP_("field", "English name"))
    unit: Name | None = F(NP_("field", "unit; none for qualitative indicators"), None)
    kind: Annotated[IndicatorKind, CodeList("indicator_kinds")] = F(
        NP_(
            "field",
            "kind: count, amount, percent (stored in percent units: 35 = 35 %%), per_10k (per 10,000), text (qualitative)",
        ),
    )
    summable: Bool = F(NP_("field", "whether values may be summed across zones"))
    incomplete: Bool = F(NP_("field", "the source row is cut off (name incomplete)"), False)
    definition: Paragraph | None = F(NP_("field", "definition"), None)
    note: Paragraph | None = F(NP_("indicator field", "note"), None)


class IndicatorSystem(Strict):
    source: Name = F(NP_("field", "source of the indicator system"))
    categories: list[Category] = F(NP_("field", "categories"), min_length=1, max_length=CATEGORIES_MAX)
    indicators: list[Indicator] = F(NP_("field", "indicators"), min_length=1, max_length=INDICATORS_MAX)


class ZoneIndicators(Strict):
    indicators: list[Indicator] = F(
        NP_("field", "zone-specific indicators (never compared across zones)"),
        min_length=1,
        max_length=INDICATORS_MAX,
    )


# --- a zone (zones/<id>/zone.yaml) ------------------------------------------------------------


class Park(Strict):
    name: Name = F(NP_("field", "carrier park name"))
    kind: Annotated[Key, CodeList("park_kinds")] = F(NP_("field", "park kind id"))
    level: Annotated[Key, CodeList("park_levels")] = F(NP_("field", "park level id"))


class Period(Strict):
    start: Year = F(NP_("field", "first year of construction"))
    end: Year = F(NP_("field", "last year of construction"))
    note: Paragraph | None = F(NP_("field", "note"), None)


class Funding(Strict):
    source: Name = F(NP_("field", "source of funds"))
    amount: Number = F(NP_("field", "amount (10,000 yuan)"))
    year: Year | None = F(NP_("field", "year"), None)
    note: Paragraph | None = F(NP_("field", "note"), None)


_PLAN_SECTIONS = {  # as numbered in Attachment 1
    "overview": NP_("plan section", "Overview"),
    "foundation": NP_("plan section", "Foundations and strengths"),
    "approach": NP_("plan section", "Overall approach (guiding ideas, principles, goals)"),
    "tasks": NP_("plan section", "Construction tasks"),
    "schedule": NP_("plan section", "Schedule"),
    "organisation": NP_("plan section", "Organisation (builder, operation, management, staffing)"),
    "benefits": NP_("plan section", "Expected benefits and demonstration value"),
    "safeguards": NP_("plan section", "Safeguards (policy, organisation, talent, funds)"),
    "evidence": NP_("plan section", "Supporting evidence"),
}
PLAN_SECTIONS: Mapping[str, tuple[str, str]] = _Words(_PLAN_SECTIONS, pair=True)  # key -> (title, English)


class Plan(Strict):
    """The construction plan's sections, in the order of Attachment 1 (Markdown text)."""

    overview: Markdown | None = F(_PLAN_SECTIONS["overview"], None)
    foundation: Markdown | None = F(_PLAN_SECTIONS["foundation"], None)
    approach: Markdown | None = F(_PLAN_SECTIONS["approach"], None)
    tasks: Markdown | None = F(_PLAN_SECTIONS["tasks"], None)
    schedule: Markdown | None = F(_PLAN_SECTIONS["schedule"], None)
    organisation: Markdown | None = F(_PLAN_SECTIONS["organisation"], None)
    benefits: Markdown | None = F(_PLAN_SECTIONS["benefits"], None)
    safeguards: Markdown | None = F(_PLAN_SECTIONS["safeguards"], None)
    evidence: Markdown | None = F(_PLAN_SECTIONS["evidence"], None)


class _Event(Strict):
    date: Date = F(NP_("field", "date"))
    note: Paragraph | None = F(NP_("field", "note"), None)


class Applied(_Event):
    kind: Literal["applied"] = F(NP_("field", "event kind: applied"))


class PublicNotice(_Event):
    kind: Literal["public_notice"] = F(NP_("field", "event kind: public notice"))
    url: Url | None = F(NP_("field", "address of the notice"), None)


class Approved(_Event):
    kind: Literal["approved"] = F(NP_("field", "event kind: approved"))
    document: Name = F(NP_("field", "approval document number"))


class PlanRevised(_Event):
    kind: Literal["plan_revised"] = F(NP_("field", "event kind: plan revised"))
    targets: dict[Annotated[Key, CodeList("indicators")], Number] = F(
        NP_("field", "revised end-of-period targets (changed ones only)"),
        default_factory=dict,
        max_length=VALUES_MAX,
    )


EvaluationResult = Literal["confirmed", "rectification", "revoked", "further_support"]


class Evaluated(_Event):
    kind: Literal["evaluated"] = F(NP_("field", "event kind: evaluated"))
    result: Annotated[EvaluationResult, CodeList("evaluation_results")] = F(
        NP_("field", "result: confirmed, rectification, revoked, further_support"),
    )
    document: Name | None = F(NP_("field", "document number"), None)


def _event_kind(value: Any) -> str | None:
    return value.get("kind") if isinstance(value, dict) else None


Event = Annotated[
    Annotated[Applied, Tag("applied")]
    | Annotated[PublicNotice, Tag("public_notice")]
    | Annotated[Approved, Tag("approved")]
    | Annotated[PlanRevised, Tag("plan_revised")]
    | Annotated[Evaluated, Tag("evaluated")],
    Discriminator(_event_kind),
    CodeList("event_kinds", tag="kind"),
]

EVENT_KINDS = ("applied", "public_notice", "approved", "plan_revised", "report_submitted", "evaluated")
"""All event kinds; `report_submitted` is derived from the annual reports, never written in zone.yaml."""


class Zone(Strict):
    name: Name = F(NP_("field", "zone name"))
    short_name: Name | None = F(NP_("field", "short name"), None)
    sample: Bool = F(NP_("field", "sample data: true means the figures are illustrative"), False)
    level: Annotated[Key, CodeList("zone_levels")] = F(NP_("field", "zone level id"))
    city: Annotated[Key, CodeList("cities")] = F(NP_("field", "host city id"))
    parks: list[Park] = F(NP_("field", "carrier parks"), min_length=1, max_length=PARKS_MAX)
    industries: list[Name] = F(NP_("field", "featured industries"), default_factory=list, max_length=INDUSTRIES_MAX)
    management_department: Name = F(NP_("field", "management department"))
    operator: Name = F(NP_("field", "operator"))
    period: Period = F(NP_("field", "construction period"))
    funding: list[Funding] = F(NP_("field", "funding"), default_factory=list, max_length=FUNDING_MAX)
    plan: Plan = F(NP_("field", "sections of the construction plan (Attachment 1)"), default_factory=Plan)
    targets: dict[Annotated[Key, CodeList("indicators")], Number] = F(
        NP_("field", "end-of-period targets (indicator id: value)"),
        default_factory=dict,
        max_length=VALUES_MAX,
    )
    events: list[Event] = F(NP_("field", "lifecycle events, oldest first"), min_length=1, max_length=EVENTS_MAX)


# --- an annual report (zones/<id>/annual/<year>.yaml) ----------------------------------------


class Value(Strict):
    """One indicator's value for one year: a value or a marker, never both, never read as zero."""

    value: RawValue | None = F(NP_("field", "number (quantitative) or text (qualitative)"), None)
    marker: Marker | None = F(
        NP_("field", "marker: %(not_available)s (not available) or %(not_applicable)s (not applicable)"),
        None,
        params=MARKER_WORDS,
    )
    note: Paragraph | None = F(NP_("field", "note"), None)
    source: Name | None = F(NP_("field", "source of the figure"), None)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """`key: 12` means `key: {value: 12}`; `key: <a marker>` means `key: {marker: <the marker>}`."""
        if data is None:
            return {}
        if isinstance(data, str):
            return {"marker": data} if data.strip() in MARKERS else {"value": data}
        return data


class AnnualReport(Strict):
    year: Year | None = F(NP_("field", "year (optional: taken from the file name)"), None)
    baseline: Bool = F(NP_("field", "baseline (the year before approval)"), False)
    submitted: Date | None = F(NP_("field", "date the annual report was submitted (optional for a baseline)"), None)
    highlights: list[Paragraph] = F(
        NP_("field", "highlights of the year"), default_factory=list, max_length=HIGHLIGHTS_MAX
    )
    values: dict[Annotated[Key, CodeList("indicators")], Value] = F(
        NP_("field", "indicator values (id: value, or %(not_available)s / %(not_applicable)s)"),
        default_factory=dict,
        max_length=VALUES_MAX,
        params=MARKER_WORDS,
    )


# --- a case (zones/<id>/cases/<slug>.yaml) -------------------------------------------------------


class Results(Strict):
    text: Markdown = F(NP_("field", "results"))
    indicators: list[Annotated[Key, CodeList("indicators")]] = F(
        NP_("field", "indicators the practice moved (the page shows their values)"),
        default_factory=list,
        max_length=INDICATORS_MAX,
    )


class Replicability(Strict):
    conditions: Markdown = F(NP_("field", "conditions for replicating it"))
    fits: Markdown = F(NP_("field", "where it fits"))


class Source(Strict):
    name: Name = F(NP_("field", "source name"))
    url: Url | None = F(NP_("field", "source address"), None)
    date: Date | None = F(NP_("field", "source date"), None)


class Image(Strict):
    file: Name = F(NP_("field", "image file name (in the zone's images/ folder)"))
    alt: Name = F(NP_("field", "alt text describing the image"))
    caption: Name | None = F(NP_("field", "caption"), None)


class Case(Strict):
    title: Name = F(NP_("field", "title"))
    year: Year = F(NP_("field", "year"))
    zone: Id | None = F(NP_("field", "zone (optional: taken from the folder)"), None)
    task: Annotated[Key, CodeList("tasks")] = F(NP_("field", "main task id"))
    tags: list[Annotated[Key, CodeList("tags")]] = F(
        NP_("field", "tag ids"), default_factory=list, max_length=CASE_LIST_MAX
    )
    summary: Paragraph = F(NP_("field", "summary (one or two sentences)"))
    background: Markdown = F(NP_("field", "background"))
    practices: Markdown = F(NP_("field", "practices"))
    results: Results = F(NP_("field", "results"))
    replicability: Replicability = F(NP_("field", "what makes it replicable"))
    policy_basis: list[Name] = F(NP_("field", "policy basis"), default_factory=list, max_length=CASE_LIST_MAX)
    source: Source = F(NP_("field", "source"))
    images: list[Image] = F(NP_("field", "images"), default_factory=list, max_length=CASE_LIST_MAX)
