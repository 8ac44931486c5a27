"""The input vocabulary: the Chinese words and characters the loader and the Excel import must recognise in
what editors write (暂无, 不适用, units, 【待填写】, the full-width characters they detect). They are the data's
language, not the site's words: the site's and the tools' words are in the catalogue (generator/i18n.py,
generator/locale/). This is the one module of generator/ whose string literals may hold CJK text
(tests/test_catalogue.py).

Each area keeps its words in its own block below.
"""

from __future__ import annotations

from typing import Literal, get_args

# --- the models and their scalar types (generator/data/models.py, generator/data/types.py) ---------------------

NOT_AVAILABLE = "暂无"  # the marker of a value with no data: never read as zero
NOT_APPLICABLE = "不适用"  # the marker of a value that does not apply
Marker = Literal["暂无", "不适用"]  # what `marker:` takes (the two words above)
MARKERS: tuple[str, ...] = get_args(Marker)
FULLWIDTH_IN_NUMBERS = r"[０-９．，－＋％]"  # full-width digits and signs typed into a number (a regular expression)
PERCENT_SIGNS = ("%", "％")  # a number written with a percent sign (half- or full-width)
NO_DATA_WRITTEN = ("-", "—", "/", "无", "N/A", "n/a", "NA", "空")  # what editors write for "no data" instead of 暂无

# --- the editors' tools (generator/editors/): the Excel template's fixed cells, the scaffolds' placeholder ---
# export-template writes these cells and the import recognises them in a returned sheet: excel_layout.v1_head
# rebuilds what an export wrote (a version-1 sheet, or a version-2 one whose record is damaged) and compares it
# cell by cell. One definition for both, so they can never differ.
SHEET_TITLE = "{zone} {year} 年度建设指标填报表"  # A1
SHEET_LABELS = ("示范区", "年度", "报送日期", "填写说明")  # A2:A5
SUBMITTED_HINT = "填写报送日期，如 2025-01-20"  # C4, beside the date cell B4
SHEET_INSTRUCTIONS = (  # B5
    "只填写黄色单元格。本年数值：填数字（可带与“单位”一致的单位，如 12 家；百分比可写 35%）；"
    "没有数据填“暂无”，不适用填“不适用”；不知道就留空（视为未报送）。定性指标填文字。"
    "不要插入或删除行，不要改动其他单元格。"
)
# row 7, the table's headings; {last} and {year} are the years of the two value columns
SHEET_COLUMNS = ("序号", "一级指标", "指标名称", "单位", "上年数值（{last}）", "本年数值（{year}）", "说明", "指标编号")
OWN_NUMBER = "自设"  # column A of a zone's own indicator (it has no number in the indicator system)
NO_UNIT = "定性，写文字"  # column D of a qualitative indicator (also in the YAML comments of the editors' tools)
HIGHLIGHTS_HEADING = "年度建设亮点（每格填写一条，可留空）"  # column A, the row above the highlight cells
HIGHLIGHT_LABEL = "亮点{n}"  # column A beside each highlight cell, n = 1, 2, …
# what a scaffold writes where the editor must replace it; `check` finds it left in a data file
PLACEHOLDER = "【待填写】"

# --- the problem catalogue (generator/data/messages.py, problems.py): input words its texts name or test -------
FULLWIDTH_COLON = "："  # the full-width colon: a key followed by it is refused; in text it is what to write
# what an editor writes into a note cell (or the first highlight cell) to remove what the file holds
DELETE_WORD = "删除"
IDEOGRAPHIC_SPACE = "\u3000"  # the full-width space: refused in indentation, shown as it is in a problem line
# the loader (generator/data/load.py) detects FULLWIDTH_COLON and IDEOGRAPHIC_SPACE above in what editors typed, and
DATE_YEAR, DATE_MONTH, DATE_DAY = "年", "月", "日"  # a date written the Chinese way: 2024年1月31日

# --- the rules (generator/data/rules/) ---------------------------------------------------------------------------
# the suffixes editors leave out of a name or add to it (南宁 / 南宁市, 自治区 / 自治区级): a code's name is
# recognised with or without them (rules/codes.py, a regular expression)
NAME_SUFFIXES = r"(市|级|区|类|指标)$"
# words of a zone's status (and of its procedure) that do not belong in its name: the site derives the status
# from the dated events and shows it beside the name (rules/zones.py, name-has-status; issue 14)
STATUS_WORDS_IN_NAMES = (
    "申报中",
    "公示中",
    "建设中",
    "建设期满",
    "待评估",
    "已认定",
    "整改中",
    "已撤销",
    "已批复",
    "已验收",
    "筹建中",
)

# --- the editors' import and the data-change summary (generator/editors/cell_values.py, generator/diff.py) -----
# the submission date written as text: 2025-01-20, 2025/1/20, 2025.1.20 or 2025年1月20日 (a regular expression:
# year, month, day)
DATE_WRITTEN = r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?"
# the spaces the data-change summary (generator/diff.py) shows as they are, the ASCII and the ideographic one
# (every other space character of the data is named there, like the invisible ones)
SPACES_SHOWN = " " + IDEOGRAPHIC_SPACE

# --- the government-site footer (site.yaml, issue 15) ------------------------------------------------------
# a public-security (公安) filing number: the province's one-character name, 公网安备, 14 digits, 号
# (a regular expression: the 14 digits are the record's code on beian.mps.gov.cn)
POLICE_FILING = r"[\u4e00-\u9fff]公网安备 ?([0-9]{14})号"
POLICE_FILING_EXAMPLE = "桂公网安备 45010302000001号"
