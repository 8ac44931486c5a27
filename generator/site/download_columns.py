"""The columns of the open-data tables: one definition for the CSV headers, the workbook's headers, the
Data Package's table schemas and the column tables on the open-data pages and the data dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.data.kinds import KINDS

MARKER_VALUES = ["暂无", "不适用"]
# site.yaml has no licence field: the terms are the sponsor's to set, and none is invented here.
TERMS = "使用条款由主办单位规定，尚未在本站配置中载明；转载、引用前请与主办单位联系。"


@dataclass(frozen=True)
class Column:
    name: str  # CSV header and Data Package field name (ASCII)
    type: str  # Table Schema type: string, integer, boolean, date
    title: str  # Chinese header in the workbook
    description: str  # Chinese description
    required: bool = False
    enum: tuple[str, ...] = ()

    def field(self) -> dict[str, Any]:
        """The Table Schema field descriptor."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "title": self.title,
                               "description": self.description}  # fmt: skip
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


VALUE_COLUMNS = (
    Column("zone", "string", "示范区编号", "示范区编号（英文小写），对应 zones.csv 的 id", required=True),
    Column("zone_name", "string", "示范区名称", "示范区全称"),
    Column("year", "integer", "年度", "数据所属年度", required=True),
    Column("baseline", "boolean", "基期", "true 表示基期数据（批复建设前一年），false 表示建设期年度报告"),
    Column("indicator", "string", "指标编号", "指标编号（英文小写，下划线分隔）", required=True),
    Column("indicator_name", "string", "指标名称", "二级指标名称"),
    Column("own", "boolean", "自设指标", "true 表示示范区自设指标（不参与跨区比较），false 表示指引附件2的共同指标"),
    Column("kind", "string", "指标类型",
           "count 数量、amount 金额、percent 百分比（35 即 35%）、per_10k 每万比率、text 定性文字",
           enum=tuple(KINDS)),
    Column("value", "string", "数值",
           "数值与原始数据完全一致（不经浮点换算、不四舍五入、不用科学计数法）；定性指标为文字；有标注时为空"),
    Column("unit", "string", "单位", "计量单位；百分比指标为 %（按百分数存储）；定性指标为空"),
    Column("marker", "string", "标注", "暂无（没有数据）或 不适用；有标注时 value 为空，标注不等于 0",
           enum=tuple(MARKER_VALUES)),
    Column("note", "string", "说明", "填报说明"),
    Column("source", "string", "数据来源", "该数值的数据来源"),
    Column("sample", "boolean", "示例数据", "true 表示示例数据：数字为虚构，仅用于演示"),
)  # fmt: skip

ZONE_COLUMNS = (
    Column("id", "string", "示范区编号", "示范区编号（英文小写），各数据文件用它指向示范区", required=True),
    Column("name", "string", "示范区名称", "示范区全称", required=True),
    Column("short_name", "string", "简称", "示范区简称；没有简称时为空"),
    Column("city", "string", "设区市编号", "建设主体所在设区市编号"),
    Column("city_name", "string", "设区市", "建设主体所在设区市"),
    Column("level", "string", "级别编号", "示范区级别编号"),
    Column("level_name", "string", "级别", "示范区级别"),
    Column("status", "string", "状态编号", "当前状态编号，由建设程序事件按数据截止日期推算"),
    Column("status_name", "string", "状态", "当前状态（中文），由建设程序事件按数据截止日期推算"),
    Column("approved", "date", "批复日期", "批复建设日期（YYYY-MM-DD）；尚未批复时为空"),
    Column("approval_document", "string", "批复文号", "批复建设的文号；尚未批复时为空"),
    Column("period_start", "integer", "建设期起始年份", "建设期起始年份"),
    Column("period_end", "integer", "建设期结束年份", "建设期结束年份"),
    Column("parks", "string", "载体园区", "载体园区名称，多个园区以“；”分隔"),
    Column("reports", "integer", "年度报告数", "已报送的年度建设报告数（不含基期数据）"),
    Column("sample", "boolean", "示例数据", "true 表示示例数据：数字为虚构，仅用于演示"),
)  # fmt: skip

INDICATOR_COLUMNS = (
    Column("zone", "string", "自设指标所属示范区", "自设指标所属的示范区编号；共同指标为空"),
    Column("id", "string", "指标编号", "指标编号", required=True),
    Column("number", "integer", "序号", "在指引附件2中的序号"),
    Column("category", "string", "一级指标", "所属一级指标"),
    Column("name", "string", "二级指标", "二级指标名称"),
    Column("name_en", "string", "英文名称", "英文名称"),
    Column("unit", "string", "单位", "计量单位"),
    Column("kind", "string", "指标类型", "、".join(KINDS)),
    Column("summable", "boolean", "可跨区加总", "各示范区数值可否相加"),
    Column("incomplete", "boolean", "原文残缺", "原文中该行残缺（名称不完整）"),
)  # fmt: skip
