"""The catalogue of problem codes: stable ids, severity, what each means and how to fix it.

A code is part of the public interface: editors search for it, CI annotations show it, the editors'
guide documents it and `tests/broken/` holds one broken input per code. Never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    severity: str  # "error" | "warning" | "notice"
    zh: str  # what the problem is, in Chinese
    en: str  # the same in English
    fix: str  # how to fix it, in Chinese (for the editors' guide)


_CODES = [
    # --- reading the file ---------------------------------------------------------------------
    Code(
        "not-utf8",
        "error",
        "文件不是 UTF-8 编码",
        "file is not UTF-8",
        "用“另存为”选择 UTF-8 编码保存（记事本、WPS 默认可能是 GBK/ANSI）。",
    ),
    Code(
        "file-too-large",
        "error",
        "文件过大",
        "file too large",
        "单个数据文件不应超过 1 MB；请检查是否误粘贴了大量内容，或把内容拆分到多个文件。",
    ),
    Code(
        "yaml-syntax",
        "error",
        "YAML 格式错误",
        "YAML syntax error",
        "检查该行及上一行：冒号后要有空格，缩进只用半角空格，引号要成对。",
    ),
    Code(
        "fullwidth-colon",
        "error",
        "键名后使用了全角冒号“：”",
        "full-width colon after a key",
        "把“：”改为半角冒号加空格“: ”。",
    ),
    Code(
        "ideographic-space",
        "error",
        "缩进中含有全角空格（U+3000）或制表符",
        "indentation contains an ideographic space (U+3000) or a tab",
        "缩进只能使用半角空格，请删除全角空格或制表符后重新缩进。",
    ),
    Code(
        "duplicate-key",
        "error",
        "同一层级出现重复的键",
        "duplicate key",
        "同一个键只能写一次，删除或合并重复的那一项。",
    ),
    Code(
        "yaml-alias",
        "error",
        "不支持 YAML 锚点和别名（& 和 *）",
        "YAML anchors and aliases are not allowed",
        "把别名引用的内容直接写出来；若 * 或 & 是文字的一部分，请给整个值加引号。",
    ),
    Code("too-deep", "error", "嵌套层级过深", "nesting too deep", "数据文件最多嵌套 20 层，请检查缩进是否有误。"),
    Code(
        "yaml-tag",
        "error",
        "不支持 YAML 标签（以 ! 开头）",
        "YAML tags are not allowed",
        "删除以 ! 开头的标签；若 ! 是文字的一部分，请给整个值加引号。",
    ),
    # --- fields and types -----------------------------------------------------------------------
    Code(
        "unknown-field",
        "error",
        "未知字段",
        "unknown field",
        "检查字段名拼写（区分大小写），或删除该字段；字段说明见“编辑指南”。",
    ),
    Code("missing-field", "error", "缺少必填字段", "required field missing", "补上该字段。"),
    Code(
        "wrong-type",
        "error",
        "值的类型不对",
        "value has the wrong type",
        "按提示修改值的写法，例如数字不要带单位和千位分隔符，日期写成 2024-01-31。",
    ),
    Code("invalid-value", "error", "值不在允许范围内", "value not allowed", "改为提示中列出的取值之一。"),
    Code(
        "invalid-id",
        "error",
        "编号不符合规则",
        "invalid id",
        "编号（文件夹名、文件名）只能用小写英文字母、数字和连字符，如 nanning-hitech。",
    ),
    Code(
        "unexpected-file",
        "error",
        "数据文件夹中有无法识别的文件",
        "unexpected file in the data folder",
        "检查文件名和位置：年度数据放在 annual/年份.yaml，案例放在 cases/编号.yaml，图片放在 images/。",
    ),
    Code(
        "id-mismatch",
        "error",
        "文件内写的编号与文件名或文件夹名不一致",
        "id in the file disagrees with its file or folder name",
        "删除文件内的该字段，或改为与文件名一致。",
    ),
    Code(
        "markup-in-text",
        "error",
        "文字中含有不允许的 HTML 标记或控制字符",
        "text contains HTML markup or control characters",
        "名称和标题中不要使用 < > 和控制字符；正文可用 Markdown，但不能写 HTML。",
    ),
    Code(
        "unsafe-link",
        "error",
        "链接地址不安全或无法识别",
        "unsafe or unrecognised link",
        "链接只能以 https://、http://、mailto: 开头，或是站内相对路径。",
    ),
    # --- references between records ----------------------------------------------------------
    Code(
        "unknown-reference",
        "error",
        "引用了参考目录中不存在的值",
        "value not in the reference list",
        "改为参考目录（zones_data/reference/）中已有的编号，或先在参考目录中增加该项。",
    ),
    Code(
        "unknown-indicator",
        "error",
        "引用了不存在的指标",
        "unknown indicator",
        "检查指标编号拼写；全部指标见 indicator_system.yaml 和该示范区的 indicators.yaml。",
    ),
    Code("duplicate-id", "error", "编号重复", "duplicate id", "为其中一项改用新的编号。"),
    Code(
        "reference-mismatch",
        "error",
        "参考目录与程序支持的取值不一致",
        "reference list disagrees with the values the generator supports",
        "事件类型等由程序定义的目录只能修改名称，不能增删编号。",
    ),
    # --- indicator values ----------------------------------------------------------------------
    Code(
        "value-not-number",
        "error",
        "该指标应填写数字",
        "this indicator takes a number",
        "只写数字本身：不带单位、千位分隔符和百分号，用半角数字；没有数据写“暂无”，不适用写“不适用”。",
    ),
    Code(
        "value-not-text",
        "error",
        "该指标应填写文字说明",
        "this indicator takes text",
        "定性指标请用文字描述情况，不要只写一个数字。",
    ),
    Code("negative-value", "error", "数值不能为负", "value cannot be negative", "检查正负号。"),
    Code(
        "percent-out-of-range",
        "error",
        "百分比应在 0 到 100 之间",
        "percentage outside 0–100",
        "百分比按“百分数”填写：35% 写成 35，不要写成 0.35 或 3500。",
    ),
    Code(
        "missing-value",
        "warning",
        "指标既没有数值也没有标注",
        "indicator has neither a value nor a marker",
        "填写数值；没有数据写“暂无”，不适用写“不适用”。",
    ),
    Code(
        "implausible-jump",
        "warning",
        "与上一年相比变化异常大",
        "implausible change on the year before",
        "核对数值和单位（如万元与亿元、百分数与小数）；确认无误可在 note 中说明原因。",
    ),
    Code(
        "not-summable",
        "error",
        "比例类或定性指标不能标为可跨区加总",
        "ratios and qualitative indicators cannot be summed across zones",
        "把 summable 改为 false。",
    ),
    # --- dates and the zone's life -----------------------------------------------------------
    Code(
        "year-out-of-range",
        "error",
        "年份不在示范区的年度范围内",
        "year outside the zone's reporting years",
        "年度数据只能从批复建设当年写到数据截止日期；基期数据为批复前一年，并标注 baseline: true。",
    ),
    Code(
        "date-after-as-of",
        "error",
        "日期晚于数据截止日期",
        "date after the data's as-of date",
        "检查日期；若数据确已更新，请同时更新 site.yaml 中的 as_of。",
    ),
    Code(
        "event-order",
        "error",
        "建设程序事件顺序不对",
        "lifecycle events out of order",
        "按时间先后排列事件：申报 → 公示 → 批复建设 → 方案修订/评估；日期不能倒退。",
    ),
    Code(
        "approved-before-guideline",
        "error",
        "批复日期早于本指引施行",
        "approved before the guideline existed",
        "本指引 2023 年起施行，批复日期不能早于 2023 年。",
    ),
    Code(
        "period-length",
        "warning",
        "建设期不是 2—3 年",
        "construction period is not 2–3 years",
        "指引规定建设时间原则上为 2—3 年；如确有特殊情况，请在 note 中说明。",
    ),
    Code(
        "baseline-year",
        "error",
        "基期年份不对",
        "wrong baseline year",
        "基期数据只能是批复建设前一年，且每个示范区只能有一份。",
    ),
    Code(
        "report-date",
        "error",
        "报送日期不对",
        "wrong submission date",
        "年度数据的报送日期应在该年度结束之后、数据截止日期之前。",
    ),
    Code(
        "case-cites-unreported",
        "error",
        "案例引用的指标在该示范区没有任何数值",
        "case cites an indicator its zone never reported",
        "先在年度数据中填写该指标，或从案例的 results.indicators 中删除它。",
    ),
    Code(
        "missing-image",
        "error",
        "案例引用的图片文件不存在",
        "case image file not found",
        "把图片放到该示范区的 images/ 文件夹，并检查文件名（区分大小写）。",
    ),
    Code(
        "placeholder-text",
        "warning",
        "还有未替换的【待填写】占位内容",
        "placeholder text 【待填写】 not yet replaced",
        "把【待填写】换成真实内容；发布前的严格检查不会放过占位内容。",
    ),
    # --- facts about the programme (never fail a check) ---------------------------------------
    Code(
        "report-late",
        "notice",
        "年度报告晚于次年 1 月 31 日报送",
        "annual report submitted after 31 January",
        "这是对工作进度的提示，不是数据错误；报送日期照实填写即可。",
    ),
    Code(
        "report-missing",
        "notice",
        "年度报告尚未报送",
        "annual report not yet submitted",
        "报送后新增 annual/年份.yaml；这是对工作进度的提示，不是数据错误。",
    ),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}
