"""The schema as code: one strict model per kind of data file, every field described in Chinese and English.

These models are the single definition of the data: `validate.py` checks files against them, `schema.py`
writes the JSON Schemas editors' tools use, and the field reference in the editors' guide is made from
their descriptions. Unknown fields are refused (`extra="forbid"`); scalars are read by the field's type
(see `types.py`), never by YAML's guessing.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from generator.data.types import (
    MARKERS,
    Bool,
    Date,
    Id,
    Key,
    Markdown,
    Name,
    Number,
    Paragraph,
    RawValue,
    Url,
    Year,
)

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


def F(zh: str, en: str, default: Any = ..., **kw: Any) -> Any:
    """A field with its description in both languages (shown in VS Code and in the field reference)."""
    extra: dict[str, Any] = {"x-zh": zh, "x-en": en}
    return Field(default, description=f"{zh} / {en}", json_schema_extra=extra, **kw)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- site configuration (site.yaml) --------------------------------------------------------------


class Contact(Strict):
    phone: Name | None = F("联系电话", "phone", None)
    email: Name | None = F("电子邮箱", "email", None)
    address: Name | None = F("通信地址", "postal address", None)


class SiteConfig(Strict):
    title: Name = F("网站名称", "site title")
    description: Name = F("网站简介（一句话，用于搜索引擎）", "one-sentence description (for search engines)")
    site_url: Url = F(
        "网站正式地址；构建时可用 SITE_URL 覆盖", "canonical site URL; SITE_URL overrides it at build time"
    )
    as_of: Date = F(
        "数据截止日期：所有依赖“今天”的规则和页面都以此为准",
        "as-of date of the data: every rule and page that depends on 'today' uses it",
    )
    sponsor: Name = F("主办单位", "sponsor (主办单位)")
    organizer: Name | None = F("承办单位", "organiser (承办单位)", None)
    icp: Name = F("ICP 备案号", "ICP filing number")
    police_filing: Name = F("公安机关备案号", "public-security filing number")
    website_code: Name | None = F("政府网站标识码", "government website code", None)
    contact: Contact = F("联系我们", "contact details")
    error_report: Url | None = F("网站纠错入口地址", "where readers report an error on the site", None)
    policy_title: Name = F("政策文件名称", "title of the policy document")
    policy_url: Url | None = F("政策文件原文地址", "address of the policy text", None)
    placeholder_filings: Bool = F(
        "备案号等为占位内容（页脚会注明）", "filing numbers are placeholders (the footer says so)", False
    )


# --- reference lists (reference/*.yaml) -------------------------------------------------------


class RefItem(Strict):
    id: Key = F("编号（英文小写）", "id (lowercase ASCII)")
    name: Name = F("中文名称", "Chinese name")
    name_en: Name = F("英文名称", "English name")
    note: Paragraph | None = F("说明", "note", None)


class Task(RefItem):
    number: int = F("在指引“主要任务”中的序号（1—7）", "number among the guideline's main tasks (1–7)", ge=1, le=7)
    short: Name = F("简称", "short name")


# --- the indicator system (indicator_system.yaml, zones/<id>/indicators.yaml) -------------------

IndicatorKind = Literal["count", "amount", "percent", "per_10k", "text"]


class Category(Strict):
    id: Key = F("一级指标编号", "category id")
    number: int = F("序号", "order", ge=1)
    name: Name = F("一级指标名称", "category name (Chinese)")
    name_en: Name = F("英文名称", "English name")


class Indicator(Strict):
    id: Key = F("指标编号（英文小写，下划线分隔）", "indicator id (lowercase, underscores)")
    number: int | None = F("在指引附件2中的序号", "row number in Attachment 2 of the guideline", None, ge=1)
    category: Key = F("所属一级指标编号", "category id")
    name: Name = F("二级指标名称", "indicator name (Chinese)")
    name_en: Name = F("英文名称", "English name")
    unit: Name | None = F("计量单位；定性指标不填", "unit; none for qualitative indicators", None)
    kind: IndicatorKind = F(
        "类型：count 数量、amount 金额、percent 百分比（按百分数存储，35 即 35%）、per_10k 每万人/每万家比率、text 定性文字",
        "kind: count, amount, percent (stored in percent units: 35 = 35 %), per_10k (per 10,000), text (qualitative)",
    )
    summable: Bool = F("各示范区数值可否相加", "whether values may be summed across zones")
    incomplete: Bool = F("原文中该行残缺（名称不完整）", "the source row is cut off (name incomplete)", False)
    definition: Paragraph | None = F("指标解释", "definition", None)
    note: Paragraph | None = F("备注", "note", None)


class IndicatorSystem(Strict):
    source: Name = F("出处", "source of the indicator system")
    categories: list[Category] = F("一级指标", "categories", min_length=1, max_length=CATEGORIES_MAX)
    indicators: list[Indicator] = F("二级指标", "indicators", min_length=1, max_length=INDICATORS_MAX)


class ZoneIndicators(Strict):
    indicators: list[Indicator] = F(
        "本示范区自设指标（不参与跨区比较）",
        "zone-specific indicators (never compared across zones)",
        min_length=1,
        max_length=INDICATORS_MAX,
    )


# --- a zone (zones/<id>/zone.yaml) ------------------------------------------------------------


class Park(Strict):
    name: Name = F("载体园区名称", "carrier park name")
    kind: Key = F("园区类型编号（reference/park_kinds.yaml）", "park kind id")
    level: Key = F("园区级别编号（reference/park_levels.yaml）", "park level id")


class Period(Strict):
    start: Year = F("建设期起始年份", "first year of construction")
    end: Year = F("建设期结束年份", "last year of construction")
    note: Paragraph | None = F("说明", "note", None)


class Funding(Strict):
    source: Name = F("资金来源", "source of funds")
    amount: Number = F("金额（万元）", "amount (10,000 yuan)")
    year: Year | None = F("年份", "year", None)
    note: Paragraph | None = F("说明", "note", None)


PLAN_SECTIONS: dict[str, tuple[str, str]] = {
    "overview": ("一、基本概况", "Overview"),
    "foundation": ("二、建设基础及优势", "Foundations and strengths"),
    "approach": ("三、建设总体思路", "Overall approach (guiding ideas, principles, goals)"),
    "tasks": ("四、建设任务", "Construction tasks"),
    "schedule": ("五、建设进度安排", "Schedule"),
    "organisation": ("六、组织实施", "Organisation (builder, operation, management, staffing)"),
    "benefits": ("七、预期经济社会效益和示范意义", "Expected benefits and demonstration value"),
    "safeguards": ("八、保障措施", "Safeguards (policy, organisation, talent, funds)"),
    "evidence": ("九、相关佐证材料", "Supporting evidence"),
}


class Plan(Strict):
    """The construction plan's sections, in the order of Attachment 1 (Markdown text)."""

    overview: Markdown | None = F(*PLAN_SECTIONS["overview"], None)
    foundation: Markdown | None = F(*PLAN_SECTIONS["foundation"], None)
    approach: Markdown | None = F(*PLAN_SECTIONS["approach"], None)
    tasks: Markdown | None = F(*PLAN_SECTIONS["tasks"], None)
    schedule: Markdown | None = F(*PLAN_SECTIONS["schedule"], None)
    organisation: Markdown | None = F(*PLAN_SECTIONS["organisation"], None)
    benefits: Markdown | None = F(*PLAN_SECTIONS["benefits"], None)
    safeguards: Markdown | None = F(*PLAN_SECTIONS["safeguards"], None)
    evidence: Markdown | None = F(*PLAN_SECTIONS["evidence"], None)


class _Event(Strict):
    date: Date = F("日期", "date")
    note: Paragraph | None = F("说明", "note", None)


class Applied(_Event):
    kind: Literal["applied"] = F("事件类型：申报", "event kind: applied")


class PublicNotice(_Event):
    kind: Literal["public_notice"] = F("事件类型：公示", "event kind: public notice")
    url: Url | None = F("公示原文地址", "address of the notice", None)


class Approved(_Event):
    kind: Literal["approved"] = F("事件类型：批复建设", "event kind: approved")
    document: Name = F("批复文号", "approval document number")


class PlanRevised(_Event):
    kind: Literal["plan_revised"] = F("事件类型：建设方案修订", "event kind: plan revised")
    targets: dict[Key, Number] = F(
        "修订后的期末目标值（只写有变化的指标）",
        "revised end-of-period targets (changed ones only)",
        default_factory=dict,
        max_length=VALUES_MAX,
    )


EvaluationResult = Literal["confirmed", "rectification", "revoked", "further_support"]


class Evaluated(_Event):
    kind: Literal["evaluated"] = F("事件类型：总结评估", "event kind: evaluated")
    result: EvaluationResult = F(
        "评估结论：confirmed 认定、rectification 整改、revoked 撤销、further_support 后续支持",
        "result: confirmed, rectification, revoked, further_support",
    )
    document: Name | None = F("文号", "document number", None)


def _event_kind(value: Any) -> str | None:
    return value.get("kind") if isinstance(value, dict) else None


Event = Annotated[
    Annotated[Applied, Tag("applied")]
    | Annotated[PublicNotice, Tag("public_notice")]
    | Annotated[Approved, Tag("approved")]
    | Annotated[PlanRevised, Tag("plan_revised")]
    | Annotated[Evaluated, Tag("evaluated")],
    Discriminator(_event_kind),
]

EVENT_KINDS = ("applied", "public_notice", "approved", "plan_revised", "report_submitted", "evaluated")
"""All event kinds; `report_submitted` is derived from the annual reports, never written in zone.yaml."""


class Zone(Strict):
    name: Name = F("示范区名称", "zone name")
    short_name: Name | None = F("简称", "short name", None)
    sample: Bool = F(
        "示例数据：true 表示数字为虚构，仅用于演示", "sample data: true means the figures are illustrative", False
    )
    level: Key = F("示范区级别编号（reference/zone_levels.yaml）", "zone level id")
    city: Key = F("建设主体所在设区市编号（reference/cities.yaml）", "host city id")
    parks: list[Park] = F("载体园区", "carrier parks", min_length=1, max_length=PARKS_MAX)
    industries: list[Name] = F("特色产业", "featured industries", default_factory=list, max_length=INDUSTRIES_MAX)
    management_department: Name = F("管理部门", "management department")
    operator: Name = F("运营主体", "operator")
    period: Period = F("建设期", "construction period")
    funding: list[Funding] = F("资金投入", "funding", default_factory=list, max_length=FUNDING_MAX)
    plan: Plan = F("建设方案各部分（附件1）", "sections of the construction plan (Attachment 1)", default_factory=Plan)
    targets: dict[Key, Number] = F(
        "建设期末目标值（指标编号: 数值）",
        "end-of-period targets (indicator id: value)",
        default_factory=dict,
        max_length=VALUES_MAX,
    )
    events: list[Event] = F(
        "建设程序事件（按时间先后）", "lifecycle events, oldest first", min_length=1, max_length=EVENTS_MAX
    )


# --- an annual report (zones/<id>/annual/<year>.yaml) ----------------------------------------


class Value(Strict):
    """One indicator's value for one year: a value or a marker, never both, never read as zero."""

    value: RawValue | None = F(
        "数值（数量型指标）或文字（定性指标）", "number (quantitative) or text (qualitative)", None
    )
    marker: Literal["暂无", "不适用"] | None = F(
        "标注：暂无（没有数据）或 不适用", "marker: 暂无 (not available) or 不适用 (not applicable)", None
    )
    note: Paragraph | None = F("说明", "note", None)
    source: Name | None = F("数据来源", "source of the figure", None)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """`key: 12` means `key: {value: 12}`; `key: 暂无` means `key: {marker: 暂无}`."""
        if data is None:
            return {}
        if isinstance(data, str):
            return {"marker": data} if data.strip() in MARKERS else {"value": data}
        return data


class AnnualReport(Strict):
    year: Year | None = F("年度（可省略，取自文件名）", "year (optional: taken from the file name)", None)
    baseline: Bool = F("基期数据（批复建设前一年）", "baseline (the year before approval)", False)
    submitted: Date | None = F(
        "年度建设报告报送日期（基期数据可不填）", "date the annual report was submitted (optional for a baseline)", None
    )
    highlights: list[Paragraph] = F(
        "年度建设亮点", "highlights of the year", default_factory=list, max_length=HIGHLIGHTS_MAX
    )
    values: dict[Key, Value] = F(
        "各指标的数值（指标编号: 数值，或 暂无 / 不适用）",
        "indicator values (id: value, or 暂无 / 不适用)",
        default_factory=dict,
        max_length=VALUES_MAX,
    )


# --- a case (zones/<id>/cases/<slug>.yaml) -------------------------------------------------------


class Results(Strict):
    text: Markdown = F("取得成效", "results")
    indicators: list[Key] = F(
        "相关指标编号（页面会列出这些指标的前后数值）",
        "indicators the practice moved (the page shows their values)",
        default_factory=list,
        max_length=INDICATORS_MAX,
    )


class Replicability(Strict):
    conditions: Markdown = F("可复制推广的前提条件", "conditions for replicating it")
    fits: Markdown = F("适用的地区和场景", "where it fits")


class Source(Strict):
    name: Name = F("来源名称", "source name")
    url: Url | None = F("来源地址", "source address", None)
    date: Date | None = F("来源日期", "source date", None)


class Image(Strict):
    file: Name = F("图片文件名（放在该示范区的 images/ 文件夹）", "image file name (in the zone's images/ folder)")
    alt: Name = F("替代文字：描述图片内容，供读屏软件使用", "alt text describing the image")
    caption: Name | None = F("图片说明", "caption", None)


class Case(Strict):
    title: Name = F("案例标题", "title")
    year: Year = F("年份", "year")
    zone: Id | None = F("所属示范区（可省略，取自文件夹）", "zone (optional: taken from the folder)", None)
    task: Key = F("对应的主要任务编号（reference/tasks.yaml）", "main task id")
    tags: list[Key] = F("标签编号（reference/tags.yaml）", "tag ids", default_factory=list, max_length=CASE_LIST_MAX)
    summary: Paragraph = F("摘要（一两句话）", "summary (one or two sentences)")
    background: Markdown = F("背景", "background")
    practices: Markdown = F("主要做法", "practices")
    results: Results = F("取得成效", "results")
    replicability: Replicability = F("可复制推广要点", "what makes it replicable")
    policy_basis: list[Name] = F("政策依据", "policy basis", default_factory=list, max_length=CASE_LIST_MAX)
    source: Source = F("来源", "source")
    images: list[Image] = F("图片", "images", default_factory=list, max_length=CASE_LIST_MAX)
