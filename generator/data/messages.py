"""The catalogue of problem codes: stable ids, severity, what each means and how to fix it.

A code is part of the public interface: editors search for it, CI annotations show it, the editors'
guide documents it and `tests/broken/` holds one broken input per code. Never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import NP_, pgettext


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
        "单个数据文件不应超过 1 MB：请检查是否误粘贴了大量内容，或把内容拆分到多个文件。"
        "images/ 中的图片每张不应超过 2 MB（2,000,000 字节）：请压缩或缩小后再上传。",
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
        "链接地址不安全或无法识别，或正文中插入了图片",
        "unsafe or unrecognised link, or an image in text",
        "链接只能以 https://、http://、mailto: 开头，或是站内相对路径（不以“/”开头）；"
        "正文中不能插入图片，图片写在案例的 images 中。",
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
        "检查日期是否写错；若日期无误（数据确已更新到这一天），请联系自治区科技厅更新 site.yaml 中的 as_of（由科技厅维护，编辑不要自行修改）。",
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
        "把图片放到该示范区的 images/ 文件夹，并检查文件名（区分大小写和全角、半角）。",
    ),
    # --- images (issue 11, images) ---
    Code(
        "image-format",
        "error",
        "图片格式网站不能使用",
        "image format the site does not take",
        "images/ 中只能放 PNG、JPEG、WebP 图片（扩展名 .png、.jpg、.jpeg、.webp，大小写均可）；"
        "SVG、BMP、GIF、TIFF、HEIC 等请另存为 JPEG（照片）或 PNG（截图、示意图），案例中的 file 随之改名。",
    ),
    Code(
        "placeholder-text",
        "warning",
        "还有未替换的【待填写】占位内容",
        "placeholder text 【待填写】 not yet replaced",
        "把【待填写】换成真实内容；发布前的严格检查不会放过占位内容。",
    ),
    # --- issue 12, branch i12-gate: what the check passes, the build completes; names the site uses ---
    Code(
        "invalid-character",
        "error",
        "文字中含有不能发布的字符（Unicode 非字符或单独的代理码位）",
        "text contains a character that cannot be published (a Unicode noncharacter or a lone surrogate)",
        "删除该字符：它不是文字，网页、新闻订阅和 Excel 文件都不能包含它；在双引号中也不要写 \\uFFFF 这样的转义。",
    ),
    Code(
        "reserved-name",
        "error",
        "编号或文件名与网站自己生成的页面或文件重名，或是 Windows 保留的文件名",
        "an id or file name collides with a page or file the site generates, or is reserved on Windows",
        "换一个编号或文件名：index 等名称由网站自己使用；con、prn、aux、nul、com1—com9、lpt1—lpt9"
        "（不论大小写和扩展名）在 Windows 上不能作文件名。",
    ),
    Code(
        "number-too-large",
        "error",
        "指标数值或目标值过大",
        "indicator value or target too large",
        "检查单位（元、万元与亿元）和是否多打了数字：指标数值和目标值的整数部分最多 15 位"
        "（Excel 能精确保存、图表和综合指数能准确计算的位数）。",
    ),
    # --- issue 12, i12-linear: length and size limits (types.py, models.py), so cost stays linear ---
    Code(
        "text-too-long",
        "error",
        "文字超过长度上限",
        "text longer than the limit",
        "按提示精简：名称、标题只写一行要点，说明和亮点各写一段，建设方案和案例的各部分写要点；"
        "完整文本可发布在政府网站上，在此用链接指向原文。",
    ),
    Code(
        "too-many-items",
        "error",
        "列表的项数超过上限",
        "list longer than the limit",
        "合并相近的项或删去次要的，使项数不超过提示中的上限。",
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
        "image-unused",
        "notice",
        "images/ 中的图片没有被任何案例使用",
        "image used by no case",
        "没有被案例使用的图片不会发布。要显示它，在案例文件的 images 中写上 file: 文件名 和 alt: 替代文字"
        "（new-case 生成的文件中 images 一段以“# ”开头，要删去行首的“# ”）；不用的图片可以删除。",
    ),
    Code(
        "report-missing",
        "notice",
        "年度报告尚未报送",
        "annual report not yet submitted",
        "报送后新增 annual/年份.yaml；这是对工作进度的提示，不是数据错误。",
    ),
    # --- the loader (issue 11): what the text of a file hides ----------------------------------------
    Code(
        "list-item-merged",
        "error",
        "列表的一项因缩进不同被并入了上一项",
        "a list item was merged into the item above because of its indentation",
        "列表每一项的“- ”要上下对齐：把这一行开头的空格数改为与上一项相同。",
    ),
    Code(
        "key-merged",
        "error",
        "一个字段因缩进过多被当成了上一个字段文字的一部分",
        "a field indented too far became part of the text above",
        "同一层的字段要上下对齐：把这一行（及属于它的各行）向左移，与上一个字段对齐。",
    ),
    Code(
        "line-merged",
        "warning",
        "以“- ”开头的一行被并入了上一行的文字",
        "a line starting with '- ' was joined to the text above",
        "分条书写时在冒号后写 |，下面每条另起一行、以“- ”开头并统一缩进；若这一行是另一个字段，应与上一字段对齐。",
    ),
    Code(
        "invisible-char",
        "error",
        "缩进、键名或数字、日期、编号中有看不见的特殊字符",
        "an invisible character in the indentation, a key, or a number, date or code",
        "删除该字符（常见于从 Word、微信、网页复制的内容），空格处重新输入普通的半角空格。",
    ),
    Code(
        "invisible-in-text",
        "warning",
        "文字中有看不见的特殊字符",
        "an invisible character in the text",
        "删除该字符（常见于从 Word、微信、网页复制的内容）；需要空格处输入普通空格。",
    ),
    # --- issue 12, branch i12-files: only regular files inside the data folder are read ---
    Code(
        "not-regular-file",
        "error",
        "数据文件夹中有符号链接或特殊文件（不是普通文件）",
        "a symbolic link or a special file in the data folder (not a regular file)",
        "数据文件夹中只能有普通文件和文件夹：删除链接，把文件或文件夹本身（不是链接）放到原处后再提交；"
        "链接指向的内容一律不读取、不发布（git 保存的是链接本身）。命名管道、设备等特殊文件请删除。",
    ),
    Code(
        "image-damaged",
        "error",
        "图片文件已损坏或不完整",
        "image file damaged or cut short",
        "用看图软件打开原图，确认能完整显示，再重新导出或复制一次后上传（上传中断、复制未完成都会使图片不完整）。",
    ),
    Code(
        "image-dimensions",
        "error",
        "图片的像素尺寸过大",
        "image dimensions too large",
        "图片不应超过 2500 万像素（如 5000 × 5000）：网页上宽 1200 像素已足够，请缩小后再上传。",
    ),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


# --- the editors' commands (export-template / import-xlsx): what they say, in Chinese and English -----------
# Templates with {fields}; `editor_text(key, **fields)` fills them. Every refusal names the cell to change.


@dataclass(frozen=True)
class Text:
    zh: str
    en: str


EDITOR_TEXTS: dict[str, Text] = {
    # --- issue 12, branch i12-files: only regular files inside the data folder are read (load.py) ---
    "file-link": Text(
        "这是一个符号链接（指向 {target}），不是普通文件：数据文件夹中的链接一律不读取、不发布",
        "a symbolic link (to {target}), not a regular file: links in the data folder are never read or published",
    ),
    "file-link-hint": Text(
        "删除这个链接，把要用的文件或文件夹本身（不是链接）放到这里后再提交。",
        "delete the link and put the file or folder itself (not a link) here",
    ),
    "file-special": Text(
        "这不是普通文件，而是{kind}：数据文件夹中的特殊文件一律不读取",
        "not a regular file but {kind_en}: special files in the data folder are never read",
    ),
    "file-special-hint": Text(
        "删除它：数据文件夹中只放 YAML 数据文件和 images/ 下的图片。",
        "delete it: the data folder holds YAML data files and the images in images/ only",
    ),
    "file-kind-fifo": Text("命名管道（FIFO）", "a named pipe (FIFO)"),
    "file-kind-socket": Text("套接字", "a socket"),
    "file-kind-device": Text("设备文件", "a device"),
    "file-kind-other": Text("特殊文件", "a special file"),
    "write-through-link": Text(
        "未写入 {path}：数据文件夹中的 {where} 是符号链接或特殊文件，写入会落到别处；请先删除它，换成普通的文件夹或文件",
        "{path} not written: {where} in the data folder is a symbolic link or a special file and the write would land "
        "elsewhere; delete it and put a plain folder or file there",
    ),
    # images: the bytes must be a whole, still image of the format the suffix says (Pillow)
    "image-content-other": Text(
        "图片 images/{name} 的内容是 {kind} 格式，与扩展名 {suffix} 不符；请把文件名末尾改为 {right}",
        "image images/{name} holds a {kind} image, not what its suffix {suffix} says; rename it to end in {right}",
    ),
    "image-content-not-image": Text(
        "images/{name} 的扩展名是 {suffix}，内容却不是 PNG、JPEG 或 WebP 图片（可能是网页、文档，或改了扩展名的其他文件）",
        "images/{name} is named {suffix} but holds no PNG, JPEG or WebP image (a web page, a document, a renamed file?)",
    ),
    "image-content-not-image-hint": Text(
        "用画图、WPS 或手机相册打开原图，另存为 JPEG（照片）或 PNG（截图、示意图）后再上传；从网页保存图片请用“图片另存为”。",
        "open the original and save it as JPEG (photos) or PNG (screenshots, diagrams); save images from web pages with 'Save image as'",
    ),
    "image-damaged": Text(
        "图片 images/{name} 已损坏或不完整，无法完整显示",
        "image images/{name} is damaged or cut short and cannot be shown whole",
    ),
    "image-damaged-hint": Text(
        "用看图软件打开原图，确认能完整显示，再重新导出或复制一次后上传。",
        "open the original in an image viewer, make sure it shows whole, then export or copy it again",
    ),
    "image-pixels": Text(
        "图片 images/{name} 为 {width} × {height} 像素，超过上限 {limit} 万像素；请缩小后再上传",
        "image images/{name} is {width} × {height} pixels, over the limit of {limit_en} million pixels; scale it down",
    ),
    "image-pixels-hint": Text(
        "网页上宽 1200 像素已足够：用画图、WPS 或手机相册把图片缩小（如宽 1200 至 2400 像素）后再上传。",
        "1200 pixels wide is enough on a page: scale it down (to 1200–2400 pixels wide, say)",
    ),
    "image-animated": Text(
        "图片 images/{name} 是动图（{frames} 帧）：网站只用静态图片",
        "image images/{name} is animated ({frames} frames): the site takes still images only",
    ),
    "image-animated-hint": Text(
        "另存为静态的 PNG 或 JPEG（只保留要展示的那一帧）后再上传；要展示过程，请用几张图片分别说明。",
        "save the frame to show as a still PNG or JPEG; to show steps, use several images",
    ),
    # --- the review route: `diff`, the data-change summary a reviewer reads before merging (Markdown) ---
    "diff-title": Text("数据变更摘要（与 {base} 相比）", "data changes since {base}"),
    "diff-no-change": Text("数据没有变化。", "the data did not change."),
    "diff-broken-new": Text(
        "本次修改后的数据未通过检查，无法逐项比较；请先按检查结果修正。变动的文件：",
        "the changed data fails the check, so it cannot be compared field by field; the changed files:",
    ),
    "diff-broken-base": Text(
        "比较基准中的数据未通过检查，无法逐项比较；请先按检查结果修正。变动的文件：",
        "the base data fails the check, so it cannot be compared field by field; the changed files:",
    ),
    "diff-no-files": Text("（无）", "(none)"),
    "diff-files-without-data": Text(
        "以下文件有改动，但网站使用的数据没有变化（如注释、隐藏文件）：",
        "these files changed without changing the data the site uses (comments, hidden files):",
    ),
    "diff-file-A": Text("新增", "added"),
    "diff-file-M": Text("修改", "modified"),
    "diff-file-D": Text("删除", "deleted"),
    "diff-file-R": Text("改名", "renamed"),
    "diff-file-C": Text("复制", "copied"),
    "diff-file-T": Text("类型改变", "type changed"),
    "diff-section-site": Text("网站设置", "site settings"),
    "diff-section-system": Text("指标体系", "indicator system"),
    "diff-section-references": Text("参考列表", "reference lists"),
    "diff-section-zones": Text("示范区", "zones"),
    "diff-section-values": Text("年度指标数据", "annual values"),
    "diff-section-cases": Text("经验案例", "cases"),
    "diff-reference": Text("参考列表 {name}", "reference list {name}"),
    "diff-zone-added": Text("新增示范区：**{name}**（{id}，{city}），其中：", "new zone {name} ({id}, {city}):"),
    "diff-zone-deleted": Text(
        "⚠ 删除示范区：**{name}**（{id}）：已发布的网页 {url} 及其 {years} 个年度数据、{cases} 个案例将从网站上消失，其中：",
        "⚠ zone {name} ({id}) deleted: its published page {url}, {years} annual reports and {cases} cases disappear:",
    ),
    "diff-zone-renamed": Text(
        "示范区文件夹改名：{old} → {new}（**{name}**），网址由 {old_url} 改为 {new_url}",
        "zone folder renamed: {old} -> {new} ({name}); its address changes from {old_url} to {new_url}",
    ),
    "diff-year": Text("{zone} {year} 年", "{zone} {year}"),
    "diff-year-added": Text(
        "{zone}：新增 {year} 年度数据（{count} 项指标）", "{zone}: new {year} report ({count} values)"
    ),
    "diff-year-deleted": Text(
        "⚠ {zone}：删除 {year} 年度数据（已发布的年度数据将从网站上消失），其中：",
        "⚠ {zone}: the {year} report is deleted (a published report disappears):",
    ),
    "diff-previous": Text("上年 {old} → {new}", "the year before {old} -> {new}"),
    "diff-jump": Text(" ⚠ 变化超过十倍，请核实单位和数值", " ⚠ more than tenfold: check the unit and the figure"),
    "diff-not-reported": Text("（未报送）", "(not reported)"),
    "diff-blank": Text("（空）", "(blank)"),
    "diff-none": Text("（无）", "(none)"),
    "diff-yes": Text("是", "yes"),
    "diff-no": Text("否", "no"),
    "diff-added": Text("新增", "added"),
    "diff-removed": Text("删除", "removed"),
    "diff-order": Text("顺序改为 {items}", "order changed to {items}"),
    "diff-image-added": Text("新增图片文件 {file}（{size} 字节）", "image file {file} added ({size} bytes)"),
    "diff-image-deleted": Text("删除图片文件 {file}（{size} 字节）", "image file {file} deleted ({size} bytes)"),
    "diff-image-replaced": Text(
        "图片文件 {file}：已替换（{old} 字节 → {new} 字节）", "image file {file} replaced ({old} -> {new} bytes)"
    ),
    "diff-case-added": Text("新增案例：**{title}**（{zone}），其中：", "new case {title} ({zone}):"),
    "diff-case-deleted": Text(
        "⚠ 删除案例：**{title}**（{slug}）：已发布的网页 {url} 将从网站上消失，其中：",
        "⚠ case {title} ({slug}) deleted: its published page {url} disappears:",
    ),
    "diff-case-renamed": Text(
        "案例文件改名：{old} → {new}（**{title}**），网址由 {old_url} 改为 {new_url}",
        "case file renamed: {old} -> {new} ({title}); its address changes from {old_url} to {new_url}",
    ),
    "diff-case-zone": Text("所属示范区", "zone"),
    "diff-truncated": Text(
        "……（共 {total} 字，其余 {rest} 字未显示，请查看文件）",
        "… ({total} characters, {rest} not shown: see the file)",
    ),
    "diff-from-char": Text("（共 {total} 字，第 {at} 字起）", "({total} characters, from character {at})"),
    "diff-check-jumps": Text("有 {count} 处数值变化超过十倍", "{count} value(s) changed more than tenfold"),
    "diff-check-deleted": Text("有 {count} 处删除了已发布的内容", "{count} published item(s) deleted"),
    "diff-check": Text("**请核实：{items}（标有 ⚠）。**", "**please check: {items} (marked ⚠).**"),
    "diff-too-long": Text(
        "摘要超过 GitHub 作业摘要的上限，以下 {count} 行从略；请在本地运行 python -m generator diff 查看全部。",
        "the summary exceeds GitHub's job-summary limit; {count} more lines left out: run python -m generator diff locally",
    ),
    # opening the workbook
    "xlsx-too-large": Text(
        "文件过大（{size}，上限 {limit}），不像是导出的填报表；请确认选对了文件",
        "file too large ({size}, the limit is {limit}); is it the exported sheet?",
    ),
    "xlsx-not-a-workbook": Text(
        "无法作为 Excel 文件（.xlsx）打开：{file}；若是 .xls 或 .et 文件，请在 Excel 或 WPS 中“另存为” .xlsx",
        "cannot open as .xlsx: {file}; save .xls or .et files as .xlsx first",
    ),
    "xlsx-expands": Text(
        "文件解压后过大（{part} 为 {size}，上限 {limit}），不是导出的 Excel 填报表，未读取",
        "the workbook expands too far ({part}: {size}, the limit is {limit}); not read",
    ),
    "xlsx-unsafe-xml": Text(
        "文件中含有不允许的 XML 内容（实体定义或外部引用），不是 Excel 或 WPS 保存的填报表，未读取",
        "the workbook holds forbidden XML (entity definitions or external references); not read",
    ),
    "xlsx-no-meta": Text(
        "不是由 export-template 导出的填报表（找不到隐藏的“元数据”工作表）",
        "not a workbook made by export-template (no hidden metadata sheet)",
    ),
    "xlsx-meta-damaged": Text(
        "填报表的“元数据”工作表已损坏（{keys}）；它由 export-template 写入，不能修改。请导出新表，把已填内容复制到新表的黄色单元格",
        "the metadata sheet is damaged ({keys}); export a new template and copy the entries over",
    ),
    "xlsx-two-metas": Text(
        "工作簿中有多个元数据工作表（{sheets}）：请只保留导出时的那一个",
        "several metadata sheets ({sheets}); keep the exported one only",
    ),
    "xlsx-no-data-sheet": Text(
        "找不到填报工作表（带隐藏标记的“{sheet}”工作表被删除，或其隐藏的 H 列被删除或移动）",
        "the data sheet is missing (the sheet {sheet!r} or its hidden column H was deleted or moved)",
    ),
    "xlsx-two-data-sheets": Text(
        "有 {count} 个工作表带有同一张填报表的隐藏标记（{sheets}）：复制出的工作表不会被合并。请把要报送的内容填在一个工作表中，删除其他副本",
        "{count} sheets carry the same hidden marker ({sheets}); keep the one you filled in and delete the copies",
    ),
    "xlsx-renamed": Text(
        "注意：填报工作表已改名为“{title}”（导出时为“{sheet}”），已按隐藏标记读取",
        "note: the data sheet was renamed to {title!r} (exported as {sheet!r}); read by its hidden marker",
    ),
    # the layout
    "layout-refused": Text(
        "表格中导出时写好的内容被修改或移动了（{count} 处），未写入任何文件。请按下列提示恢复（移动行、列时已填写的数值随之移动即可保留），再重新导入",
        "{count} cell(s) the export wrote were changed or moved; nothing written. Restore them as listed and import again",
    ),
    "outside-refused": Text(
        "有 {count} 处内容写在黄色填写单元格以外，不会被导入，为免丢失，未写入任何文件",
        "{count} entr(ies) outside the fill-in cells would be lost; nothing written",
    ),
    "cells-refused": Text(
        "{count} 个单元格无法读取，未写入任何文件",
        "{count} cell(s) cannot be read; nothing written",
    ),
    "layout-column-moved": Text(
        "“{header}”一列导出时在 {was} 列，现在在 {now} 列（列被移动或插入、删除了列）",
        "the column {header!r} was in column {was}, it is now in column {now}",
    ),
    "layout-row-moved": Text(
        "第 {was} 行（{what}）现在在第 {now} 行",
        "row {was} ({what}) is now row {now}",
    ),
    "layout-rows-inserted": Text(
        "在第 {first} 行处插入了 {count} 行（原第 {first}—{last} 行的内容整体下移了 {count} 行）。请删除插入的行",
        "{count} row(s) inserted at row {first} (rows {first}-{last} moved down); delete the inserted rows",
    ),
    "layout-rows-deleted": Text(
        "第 {gone} 行被删除了（原第 {first}—{last} 行的内容整体上移了 {count} 行）。请撤销删除或恢复这些行",
        "row(s) {gone} were deleted (rows {first}-{last} moved up); undo the deletion",
    ),
    "layout-changed": Text(
        "导出时为“{was}”，现在{now}：该单元格不能修改",
        "was {was!r} when exported, now {now_en}: this cell may not be changed",
    ),
    "layout-last-year": Text(
        "上年数值不能在本表中修改（导出时为“{was}”，现在为“{now}”），不会被导入。请恢复原值；要更正 {year} 年的数据，请导出 {year} 年的填报表，或在网页上修改 annual/{year}.yaml",
        "last year's value may not be changed here (was {was!r}, now {now!r}); correct the {year} report itself",
    ),
    "layout-more": Text("……另有 {count} 处不一致", "… and {count} more differences"),
    "outside-fill-in": Text(
        "在填写区域以外写了“{text}”，不会被导入；只有黄色单元格会被读取。请把内容移到对应的黄色单元格（说明写在“说明”列），或删除",
        "{text!r} is outside the fill-in cells and would be lost; move it into a yellow cell (remarks go into 说明) or delete it",
    ),
    "outside-highlights": Text(
        "亮点只能写在 {first}—{last} 的 {count} 个黄色格中，这里的“{text}”不会被导入；更多亮点可在最后一格中换行（Alt+Enter）续写，每行一条",
        "highlights go into the {count} yellow cells {first}-{last}; {text!r} here would be lost; put more on new lines of the last cell",
    ),
    # --- the Excel route: version-1 sheets (handed out before the record of exported cells existed) ---
    "xlsx-newer-version": Text(
        "这张填报表是版本 {version}，由更新的程序导出；本程序只能读取版本 1 和 2。请先更新仓库（git pull）再导入，已填写的内容不必重抄",
        "the sheet is version {version}, exported by a newer program; this one reads versions 1 and 2: update the repository (git pull) and import again",
    ),
    "v1-note": Text(
        "注意：这是旧版填报表（版本 1），表中没有导出时的记录：已按当前的指标体系、示范区名称和年度，以及 {year} 年的数据文件核对表格布局",
        "note: an old sheet (version 1) without a record of the export: its layout is checked against the indicator system, the zone, the year and the {year} data file",
    ),
    "record-damaged": Text(
        "注意：隐藏的“元数据”工作表中的导出记录已损坏，已改按当前的指标体系、示范区名称和年度，以及 {year} 年的数据文件核对表格布局",
        "note: the hidden record of the export is damaged; the layout is checked against the indicator system, the zone, the year and the {year} data file instead",
    ),
    "v1-renamed": Text(
        "注意：填报工作表已改名为“{title}”（导出时为“{sheet}”），已按表头内容识别",
        'note: the data sheet was renamed to "{title}" (exported as "{sheet}"); found by its headings',
    ),
    "v1-rows-by-id": Text(
        "注意：该表导出后指标有变化（表中 {rows} 项，现有 {count} 项），已按每行隐藏的指标编号逐行核对；表中没有的指标未导入",
        "note: the indicators changed since the export ({rows} rows, {count} indicators now); each row was checked against its hidden id; indicators not in the sheet were not imported",
    ),
    "v1-no-data-sheet": Text(
        "找不到填报工作表：没有一个工作表的标题、表头与导出时一致（导出时名为“{sheet}”）。请把填好的工作表的标题、表头恢复原样",
        'the data sheet is missing: no sheet has the title and headings of the export (it was named "{sheet}"); restore them',
    ),
    "v1-two-data-sheets": Text(
        "有 {count} 个工作表是同一张旧版填报表（{sheets}）：复制出的工作表不会被合并。请把要报送的内容填在一个工作表中，删除其他副本",
        "{count} sheets are copies of the same old sheet ({sheets}); keep the one you filled in and delete the copies",
    ),
    "v1-changed": Text(
        "应为“{was}”，现在{now}：该单元格不能修改，请改回“{was}”（该表没有可用的导出记录，按当前的指标体系和数据核对）",
        'should be "{was}", now {now_quoted}: this cell may not be changed (without a record of the export the sheet is checked against the current data)',
    ),
    "v1-last-year": Text(
        "上年数值不能在本表中修改：应为“{was}”（annual/{year}.yaml 中的数值），现在为“{now}”，不会被导入。请改为“{was}”；要更正 {year} 年的数据，请导出 {year} 年的填报表，或在网页上修改 annual/{year}.yaml",
        'last year\'s value may not be changed here: should be "{was}" (as in annual/{year}.yaml), now "{now}"; correct the {year} report itself',
    ),
    # reading cells
    "formula-no-value": Text(
        "公式没有计算结果：请在 Excel 或 WPS 中打开并保存，或直接填写内容",
        "a formula without a computed value: open and save the file in Excel or WPS, or type the content",
    ),
    "unknown-indicator-row": Text(
        "第 {row} 行的指标“{name}”（{id}）已不在指标体系中，不能导入；请删除该行的数值，或联系自治区科技厅",
        "row {row}: the indicator {name!r} ({id}) is no longer in the indicator system",
    ),
    "note-without-value": Text(
        "填写了说明但没有数值（没有数据请填“暂无”）",
        "a note without a value (write 暂无 when there is no figure)",
    ),
    "sheet-blank": Text(
        "表格中没有填写任何内容（报送日期、数值和亮点都为空），未写入任何文件",
        "the sheet is blank (no date, values or highlights); nothing written",
    ),
    "sheet-no-date": Text("未填写报送日期", "the submission date is empty"),
    # warnings in the import's output
    "stored-as-shown": Text(
        "注意：{ref} {label}：单元格的原始值为 {raw}，按单元格显示的格式（{format}）记为 {stored}",
        "note: {ref} {label}: raw value {raw} stored as shown ({format}): {stored}",
    ),
    "fraction-percent": Text(
        "请核对：{ref} {label}：填写的是 {value}，是否应为 {percent}%？百分比指标填百分数（68.9% 填 68.9）；若确为 {value}%，可忽略本提示",
        "please check: {ref} {label}: {value} was given; did you mean {percent} %? Percentages are written in percent units",
    ),
    # the outcome
    "import-check-failed": Text(
        "检查未通过：已写入的文件有 {count} 个问题（见上），发布前的严格检查会拒绝它。请修改表格后加 --force 重新导入，或直接编辑该文件",
        "the check fails: the written file has {count} problem(s) (above) that the strict check refuses; fix the sheet and import again with --force, or edit the file",
    ),
    "force-removed-note": Text(
        "  {label} 的说明已按表格删除：“{note}”",
        "  {label}: note removed as the sheet says: {note!r}",
    ),
    "force-kept": Text(
        "表格中留空、保留原有内容 / left empty in the sheet, kept from the file: {items}",
        "left empty in the sheet, kept from the file: {items}",
    ),
    # --- issue 11, branch i11-images: images (load.py, case images in rules.py), scaffolds, Excel formats ---
    # images
    "image-too-large": Text(
        "图片 images/{name} 为 {size} MB（{bytes} 字节），超过上限 {limit} MB；请压缩或缩小后再上传",
        "image images/{name} is {size} MB ({bytes} bytes), over the limit of {limit} MB; compress or scale it down",
    ),
    "image-too-large-hint": Text(
        "网页上宽 1200 像素已足够；照片存为 JPEG 或 WebP 通常远小于 {limit} MB。",
        "1200 pixels wide is enough for a web page; a photo saved as JPEG or WebP is usually far below {limit} MB.",
    ),
    "image-format": Text(
        "图片 images/{name} 是 {format} 格式，网站不能使用；请另存为 PNG、JPEG 或 WebP（扩展名 {suffixes}）",
        "image images/{name} is {format}, which the site does not take; save it as PNG, JPEG or WebP ({suffixes_en})",
    ),
    "image-not-image": Text(
        "images/{name} 不是网站可用的图片：images/ 中只能放 PNG、JPEG 或 WebP 图片（扩展名 {suffixes}）",
        "images/{name} is not an image the site takes: images/ holds PNG, JPEG or WebP only ({suffixes_en})",
    ),
    "image-not-image-hint": Text(
        "文档等其他文件不要放在 images/ 中；若它是图片，请另存为 JPEG（照片）或 PNG（截图、示意图）。",
        "keep documents and other files out of images/; if it is an image, save it as JPEG or PNG.",
    ),
    "image-rename-jpeg": Text(
        "图片 images/{name} 的扩展名 {suffix} 网站不认：它是 JPEG 图片，请把文件名末尾改为 .jpg",
        "image images/{name}: the site does not take the suffix {suffix}; it is a JPEG, rename it to .jpg",
    ),
    "image-format-hint": Text(
        "用画图、WPS 或手机相册“另存为”或“导出”为 JPEG（照片）或 PNG（截图、示意图）；改名后，案例中 images 的 file 也要改成新文件名。",
        "save or export it as JPEG (photos) or PNG (screenshots, diagrams); then give the case's images file the new name.",
    ),
    "image-format-hint-svg": Text(
        "SVG 文件可以携带脚本，网站不收；请在制图软件中导出为 PNG，并把案例中 images 的 file 改成新文件名。",
        "an SVG can carry script, so the site does not take it; export it as PNG and give the case the new name.",
    ),
    "image-format-hint-heic": Text(
        "苹果手机的照片默认是 HEIC：可在“设置 → 相机 → 格式”中选“兼容性最佳”，或在电脑上另存为 JPEG；案例中 images 的 file 也要改成新文件名。",
        "iPhones save photos as HEIC: choose Settings > Camera > Formats > Most Compatible, or save it as JPEG.",
    ),
    "image-rename-hint": Text(
        "只改扩展名，不必转换；案例中 images 的 file 也要改成新文件名。",
        "only the suffix changes; give the case's images file the new name too.",
    ),
    "image-unused": Text(
        "图片 images/{name} 没有被任何案例使用，不会发布", "image images/{name} is used by no case and is not published"
    ),
    "image-unused-hint": Text(
        "要在案例中显示它，在案例文件的 images 中写上 file: {name} 和 alt: 替代文字（new-case 生成的文件中 images 一段以“# ”开头，"
        "要删去行首的“# ”）；不用的图片可以删除。",
        "to show it, add file: {name} and alt: to a case's images; an image no case uses can be deleted.",
    ),
    "image-invalid-name": Text("图片文件名“{name}”不符合规则", 'invalid image file name "{name}"'),
    "image-path-hint": Text(
        "只写文件名，不要写路径（图片都放在该示范区的 images/ 文件夹中）：file: {name}",
        "the file name only, no path (images are in the zone's images/ folder): file: {name}",
    ),
    "image-invalid-name-hint": Text(
        "只写文件名（字母、数字、-、_、.），不要写路径。", "the file name only (letters, digits, -, _, .), no path."
    ),
    "image-missing": Text("找不到图片 images/{name}", "image images/{name} not found"),
    "image-missing-hint": Text(
        "把图片放到该示范区的 images/ 文件夹。", "put the image into the zone's images/ folder."
    ),
    "image-missing-same-stem": Text(
        "images/ 中有 {actual}（扩展名不同），是否应为它？",
        "images/ has {actual} (another suffix); did you mean it?",
    ),
    "image-name-differs": Text(
        "找不到图片 images/{name}：images/ 中有 {actual}，文件名只有{how}不同（网站区分{how}）",
        "image images/{name} not found: images/ has {actual}, whose name differs only in {how_en}",
    ),
    "image-name-differs-hint": Text(
        "把 file 改为 {actual}，与文件名一字不差。", "write file: {actual}, exactly the file's name."
    ),
    "image-how-case": Text("大小写", "upper and lower case"),
    "image-how-width": Text("全角、半角", "full-width and half-width characters"),
    "image-how-both": Text("大小写和全角、半角", "case and full-width characters"),
    "image-name-clash": Text(
        "images/ 中的 {name} 与 {other} 的文件名只有大小写不同：在 Windows 和苹果电脑上二者会被当作同一个文件，互相覆盖",
        "images/{name} and images/{other} differ only in case: Windows and macOS take them for one file",
    ),
    "image-name-clash-hint": Text(
        "删除或改名其中一个，案例中 images 的 file 随之修改。",
        "delete or rename one of them and give the case the new name.",
    ),
    # scaffolds: what new-zone says after writing the file
    "new-zone-written": Text(
        "请把其中的【待填写】换成真实内容，并在冒号后空着的字段填写（check 会逐项列出还没有填写的地方）",
        "replace each 【待填写】 and fill in the empty fields (check lists every one still to write)",
    ),
    # Excel number formats that show another number than the cell holds (generator/editors/cell_values.py)
    "format-scaled": Text(
        "单元格的数字格式“{format}”把数值缩小 {factor} 倍显示（格式末尾的每个逗号除以 1000）：单元格显示 {shown}，"
        "实际存的是 {raw}，无法判断哪个是以“{unit}”计的数值，未导入。请把单元格格式改为“常规”或“数值”"
        "（右键 → 设置单元格格式 → 数字），确认显示的就是以“{unit}”计的数值后重新导入",
        'the number format "{format}" shows the value divided by {factor} (each trailing comma divides by 1000): '
        "the cell shows {shown} but holds {raw}; which one is in {unit} cannot be told, not imported. Set the "
        "cell to General or Number and check that it shows the figure in {unit}",
    ),
    "format-fraction": Text(
        "单元格的数字格式“{format}”把数值显示为分数，实际存的是 {raw}，无法按显示的样子记录，未导入。"
        "请把单元格格式改为“数值”并设好小数位数（右键 → 设置单元格格式 → 数字），或直接填写数字",
        'the number format "{format}" shows the value as a fraction; it holds {raw}, which cannot be stored as '
        "shown. Set the cell to Number with the decimals you mean, or type the number",
    ),
    "format-scientific": Text(
        "单元格的数字格式“{format}”用科学计数法显示为 {shown}，实际存的是 {raw}，两者不同，未导入。"
        "请把单元格格式改为“常规”或“数值”（右键 → 设置单元格格式 → 数字），确认显示的数字后重新导入",
        'the number format "{format}" shows {shown} in scientific notation but the cell holds {raw}; not '
        "imported. Set the cell to General or Number and check the figure it shows",
    ),
    # an empty required field (validation): fill it in; only an optional field may be deleted
    "hint-fill-required": Text(
        "在冒号后填写内容；该字段必填，不能删除。", "write a value after the colon; the field is required"
    ),
    # --- coded fields (validation, issue 11): hints for a wrong code; {codes} is a list of "code（中文名）" ---
    "code-item": Text("{code}（{name}）", "{code} ({name})"),
    "code-write": Text("应写代码 {codes}", "write the code {codes}"),
    "code-or": Text(" 或 ", " or "),
    "code-options": Text("可选：{codes}", "allowed: {codes}"),
    "code-close": Text(
        "相近的编号：{codes}；全部 {count} 个编号见 {where}",
        "close codes: {codes}; all {count} codes are in {where}",
    ),
    "code-all-in": Text("全部 {count} 个编号见 {where}", "all {count} codes are in {where}"),
    "code-empty": Text("值为空，应填写代码", "empty: a code is expected"),
    "code-where-indicators": Text(
        "indicator_system.yaml 和本示范区的 indicators.yaml", "indicator_system.yaml and the zone's indicators.yaml"
    ),
    # --- the loader (issue 11): what the text of a file hides, and where a YAML error is ---------------
    "load-item-merged": Text(
        "这一行的缩进与上一项（第 {first} 行）不同，“{item}”没有成为新的一项，而是被并入了上一项的文字",
        "indented differently from the item on line {first}: “{item}” was merged into that item",
    ),
    "load-item-merged-fix": Text(
        "列表每一项的“- ”要上下对齐：这一行开头应为 {spaces} 个空格，与第 {first} 行相同。",
        "align every '- ' of the list: start this line with {spaces} spaces, as line {first}",
    ),
    "load-line-merged": Text(
        "这一行以“{marker}”开头，却被并入了第 {first} 行 {field} 的文字（连成一行），不会另起一行或成为列表的一项",
        "this line starts with “{marker}” but was joined to the text of {field} on line {first}",
    ),
    "load-line-merged-fix": Text(
        "若要分条书写，把第 {first} 行写成“{field}: |”，下面每条另起一行、以“- ”开头并统一缩进；若这一行是列表的新一项或另一个字段，使它与上一项或上一字段对齐。",
        "to write a list, make line {first} '{field}: |' and start each item with '- ' on its own line; else align this line",
    ),
    "load-line-merged-fix-folded": Text(
        "若要分条书写，把第 {first} 行的“>”改为“|”，下面每条另起一行、以“- ”开头并统一缩进；若这一行是列表的新一项或另一个字段，使它与上一项或上一字段对齐。",
        "to write a list, change the > on line {first} to | and start each item with '- ' on its own line; else align this line",
    ),
    "load-key-merged": Text(
        "这一行的“{field}:”缩进比同一层的字段多，被当成了第 {first} 行 {parent} 文字的一部分，{field} 没有被读取",
        "{field}: is indented further than its sibling fields and became part of the text of {parent} (line {first})",
    ),
    "load-key-merged-fix": Text(
        "把这一行（及属于 {field} 的各行）向左移，使“{field}:”与第 {first} 行的“{parent}:”对齐（开头 {spaces} 个空格）。",
        "move this line (and the lines of {field}) left so that {field}: aligns with {parent}: on line {first} ({spaces} spaces)",
    ),
    # invisible characters: {effect} is one of the texts below, {name} the character's name
    "load-invisible": Text(
        "第 {column} 列有一个{name}（U+{code}）{effect}{more}",
        "column {column}: a {name_en} (U+{code}){effect_en}{more_en}",
    ),
    "load-name-ideographic-space": Text("全角空格", "full-width (ideographic) space"),
    "load-name-tab": Text("制表符（Tab 键）", "tab"),
    "load-invisible-more": Text(
        "（这一行共有 {count} 个看不见的字符）", " ({count} invisible characters on this line)"
    ),
    "load-invisible-indent": Text(
        "：YAML 不把它当作空格，这一行的层级会被读错", ": YAML does not read it as a space, the line's level is misread"
    ),
    "load-invisible-key": Text(
        "：它紧挨着键名 {field}，这个字段会被读错", ": it is next to the key {field}, the field is misread"
    ),
    "load-invisible-value": Text("：看不见，却会改变“{value}”的值", ": invisible, yet it changes the value {value}"),
    "load-invisible-text": Text(
        "：读者看不见它，它却会留在网页上", ": readers cannot see it, yet it stays on the page"
    ),
    "load-invisible-break": Text(
        "：YAML 把它当作换行，这段文字和后面各行的行号都会被读错",
        ": YAML reads it as a line break, so the text and the line numbers after it are misread",
    ),
    "load-invisible-fix-break": Text(
        "把它删除；确实要换行的地方直接按回车键。", "delete it; press Enter where a new line is meant"
    ),
    "load-invisible-fix-space": Text(
        "把它删除后重新输入一个普通空格（若本不需要空格，直接删除）。",
        "delete it and type an ordinary space if one is needed",
    ),
    "load-invisible-fix-indent": Text(
        "删除这一行开头的空白，重新用半角空格缩进。", "delete the line's leading blanks and indent with ordinary spaces"
    ),
    "load-invisible-fix-delete": Text(
        "把它删除（它看不见：可删除该位置前后的字符后重新输入）。",
        "delete it (it is invisible: delete the characters around it and type them again)",
    ),
    # where a YAML error is: the line to change and what to write there
    "load-unclosed-quote": Text(
        "YAML 格式错误：这一行的英文引号 {quote} 没有成对，后面的内容（直到第 {until} 行）都被当成了这段文字",
        "YAML syntax: the quote {quote} opened here is not closed; everything up to line {until} was read as its text",
    ),
    "load-unclosed-quote-fix": Text(
        "在这段文字末尾补上 {quote}，或删除开头的 {quote}。",
        "close the quote at the end of the text, or delete the opening one",
    ),
    "load-unclosed-bracket": Text(
        "YAML 格式错误：这一行的方括号“[”或花括号“{{”没有成对",
        "YAML syntax: a [ or {{ opened here is not closed",
    ),
    "load-unclosed-bracket-fix": Text(
        "在列表末尾补上“]”（花括号补“}}”）；各项之间用半角逗号分隔。",
        "close it with ] (or }}); separate the items with commas",
    ),
    "load-missing-space": Text(
        "YAML 格式错误：“{field}:”的冒号后缺少空格", "YAML syntax: no space after the colon of {field}:"
    ),
    "load-missing-space-fix": Text(
        "在冒号后加一个半角空格：{field}: {value}", "add a space after the colon: {field}: {value}"
    ),
    "load-missing-colon": Text(
        "YAML 格式错误：这一行缺少“键名: 值”中的冒号", "YAML syntax: this line has no key: value colon"
    ),
    "load-missing-colon-fix": Text(
        "写成“键名: 值”（半角冒号后加一个空格）；若这一行是上一行文字的延续，请与上一行合并，或给整段文字加引号。",
        "write key: value (a colon and a space); if the line continues the text above, join it to that line",
    ),
    "load-list-misaligned": Text(
        "YAML 格式错误：这一行的“- ”与同一列表的其他项没有对齐",
        "YAML syntax: this '- ' is not aligned with the other items",
    ),
    "load-list-misaligned-fix": Text(
        "列表每一项的“- ”要上下对齐：这一行开头应为{choices}。",
        "align every '- ' of a list: start this line with{choices}",
    ),
    "load-key-misaligned": Text(
        "YAML 格式错误：这一行的缩进与同一层的字段不同",
        "YAML syntax: this line is indented differently from its sibling fields",
    ),
    "load-key-misaligned-fix": Text(
        "同一层的字段要上下对齐：这一行开头应为{choices}。",
        "align the fields of one level: start this line with{choices}",
    ),
    "load-indent-choice": Text(" {spaces} 个空格（与第 {line} 行对齐）", " {spaces} spaces (as line {line})"),
    "load-comment-cut": Text(
        "YAML 格式错误：这一行像是上一行注释的后半句（注释被断成了两行），但没有以“#”开头，被当成了数据",
        "YAML syntax: this line reads like the rest of the comment above (cut in two) but does not start with #",
    ),
    "load-comment-cut-fix": Text(
        "在这一行开头加“# ”，或把它接到上一行末尾。", "start this line with '# ', or join it to the line above"
    ),
    "load-stray-colon": Text(
        "YAML 格式错误：文字中的英文冒号“:”后面是空格或行尾，被当成了键名的冒号",
        "YAML syntax: a colon followed by a space or the end of the line inside text reads as a key's colon",
    ),
    "load-stray-colon-fix": Text(
        "把文字中的“:”改为中文冒号“：”，或给整段文字加上英文引号。",
        "use the Chinese colon ： in text, or quote the whole value",
    ),
    # --- issue 12, branch i12-links: links and images in editors' Markdown (generator/data/links.py) ---
    "link-scheme": Text(
        "链接地址“{target}”不允许：网站只链接以 https://、http://、mailto: 开头的地址和站内相对路径",
        'link target "{target}" not allowed: only https://, http://, mailto: and relative paths',
    ),
    "link-absolute": Text(
        "链接地址“{target}”以“/”开头：以“//”开头的地址指向别的网站，以“/”开头的地址在网站发布到子目录时找不到页面",
        'link target "{target}" starts with "/": "//" leads to another host, "/" breaks under a sub-path',
    ),
    "link-hidden": Text(
        "链接地址“{target}”中含有空格、控制字符、反斜杠或写法不完整，看不出它指向哪里",
        'link target "{target}" holds whitespace, a control character or a backslash, or is incomplete',
    ),
    "link-hint": Text(
        "站外链接写完整网址，如 [科技厅](https://kjt.gxzf.gov.cn/)；站内链接写相对路径，如 [案例](../cases/案例编号/)；"
        "邮件写 mailto:地址。",
        "write a full https:// address, a relative path such as ../cases/slug/, or mailto:",
    ),
    "link-image": Text(
        "正文中不能插入图片（地址“{target}”）：网站不从别处加载图片，正文中的图片也不随网站发布",
        'no image in text (address "{target}"): the site loads nothing from elsewhere and publishes no image from text',
    ),
    "link-image-hint": Text(
        "删去 ![…](…)；要显示图片，把它放到该示范区的 images/ 文件夹，在案例的 images 中写 file: 文件名 和 alt: 替代文字。",
        "remove the image; put it into the zone's images/ folder and list it under a case's images (file, alt)",
    ),
    # --- issue 12, branch i12-gate: characters no page, feed or workbook may hold; names the site uses ---
    "char-noncharacter": Text(
        "含有 Unicode 非字符 {code}（不是文字，网页、新闻订阅和 Excel 文件都不能包含它）",
        "contains the Unicode noncharacter {code}, which no page, feed or workbook may hold",
    ),
    "char-surrogate": Text(
        "含有单独的代理码位 {code}（不是文字，无法保存为 UTF-8）",
        "contains the lone surrogate {code}, which is not text and cannot be written as UTF-8",
    ),
    "char-hint": Text(
        "删除该字符（第 {at} 个字）；在双引号中也不要写 \\u 加四位十六进制数的转义来表示它。",
        "delete the character (character {at}); do not write it as a \\u escape in double quotes either",
    ),
    "char-control": Text(
        "含有控制字符 {code}（第 {at} 个字）", "contains the control character {code} (character {at})"
    ),
    "char-control-hint": Text(
        "删除该字符（通常是从其他软件复制时带入的）；文字中只能换行，不能有其他控制字符。",
        "delete the character (usually pasted from another program); line breaks are the only control allowed",
    ),
    "name-generated": Text(
        "{what}“{name}”与网站自己生成的{page}（{path}）重名：二者会互相覆盖",
        '{what_en} "{name}" collides with {path} ({page_en}), which the site generates: one would overwrite the other',
    ),
    "name-windows": Text(
        "{what}“{name}”是 Windows 保留的文件名（{stem}），在 Windows 电脑上无法检出或保存",
        '{what_en} "{name}" is a name Windows reserves ({stem}): it cannot be checked out or saved there',
    ),
    "name-hint": Text("换一个名称，例如 {example}。", "choose another name, e.g. {example}"),
    "number-too-large": Text(
        "“{name}”的数值整数部分有 {digits} 位（{shown}），超过上限 {limit} 位",
        "{id}: the value has {digits} digits before the decimal point ({shown}), over the limit of {limit}",
    ),
    "number-too-large-hint": Text(
        "检查单位（元、万元与亿元）和是否多打了数字；该指标的单位是“{unit}”。",
        "check the unit and for extra digits; the indicator is in {unit}",
    ),
    "what-zone": Text("示范区文件夹名", "zone folder name"),
    "what-case": Text("案例文件名", "case file name"),
    "what-image": Text("图片文件名", "image file name"),
    "what-indicator": Text("指标编号", "indicator id"),
    "page-cases": Text("经验案例库页面", "the case library"),
    "page-indicators": Text("指标列表页面", "the indicator list"),
    # --- issue 12, i12-linear: length and size limits (types.py, models.py); {kind} is one of text-kind-* ---
    "text-too-long": Text(
        "共 {length} 字，超过{kind}的上限 {limit} 字", "{length} characters, over the limit of {limit} for {kind_en}"
    ),
    "text-kind-name": Text("一行文字（名称、标题等）", "one line (a name, a title)"),
    "text-kind-paragraph": Text(
        "一段文字（说明、亮点、摘要、定性指标值）", "a paragraph (a note, a highlight, a summary, a qualitative value)"
    ),
    "text-kind-section": Text("建设方案或案例的一个部分", "a section of a plan or a case"),
    "text-kind-url": Text("网址", "an address"),
    "text-kind-number": Text("数字", "a number"),
    "text-too-long-hint-name": Text(
        "请精简到 {limit} 字以内：名称、标题只写一行要点。", "shorten it to {limit} characters: one line, the gist"
    ),
    "text-too-long-hint-paragraph": Text(
        "请精简到 {limit} 字以内（约一段）；内容较多的亮点请分成几条。",
        "shorten it to {limit} characters (about a paragraph); split a long highlight into several",
    ),
    "text-too-long-hint-section": Text(
        "请精简到 {limit} 字以内（约三页 A4 纸）：网站上写要点，完整文本可发布在政府网站上，在此用链接指向原文。",
        "shorten it to {limit} characters (about three A4 pages): the gist here, the full text linked",
    ),
    "text-too-long-hint-url": Text(
        "请改用该页面较短的网址（不超过 {limit} 个字符）。", "use a shorter address of the page (at most {limit})"
    ),
    "text-too-long-hint-number": Text(
        "数字不超过 {limit} 个字符：请检查是否多写了数字，或改用更大的单位。",
        "a number has at most {limit} characters: check for extra digits, or use a larger unit",
    ),
    "too-many-items": Text("共 {count} 项，超过上限 {limit} 项", "{count} items, over the limit of {limit}"),
    "too-many-items-hint": Text(
        "请合并相近的项或删去次要的，保留不超过 {limit} 项。", "merge or drop items to keep at most {limit}"
    ),
}

# The invisible characters the loader names (issue 11), by character: what an editor pasted from Word, WeChat
# or a web page. Each is reported with its line and column, never removed silently.
INVISIBLE_CHARACTERS: dict[str, Text] = {
    "\u00a0": Text("不换行空格", "no-break space"),
    "\u1680": Text("欧甘文空格", "Ogham space mark"),
    **{chr(c): Text("特殊宽度的空格", "fixed-width space") for c in range(0x2000, 0x200B)},
    "\u202f": Text("窄不换行空格", "narrow no-break space"),
    "\u205f": Text("数学中等空格", "medium mathematical space"),
    "\u200b": Text("零宽空格", "zero-width space"),
    "\u200c": Text("零宽不连字符", "zero-width non-joiner"),
    "\u200d": Text("零宽连字符", "zero-width joiner"),
    "\u2060": Text("零宽不换行符（单词连接符）", "word joiner"),
    "\ufeff": Text("字节顺序标记（BOM）", "byte-order mark"),
    "\u00ad": Text("软连字符", "soft hyphen"),
    "\u180e": Text("蒙古文元音分隔符", "Mongolian vowel separator"),
    **{chr(c): Text("不可见的数学符号", "invisible mathematical operator") for c in range(0x2061, 0x2065)},
    "\u200e": Text("从左到右标记（文字方向控制符）", "left-to-right mark"),
    "\u200f": Text("从右到左标记（文字方向控制符）", "right-to-left mark"),
    "\u061c": Text("阿拉伯字母标记（文字方向控制符）", "Arabic letter mark"),
    **{chr(c): Text("文字方向控制符", "bidirectional control") for c in range(0x202A, 0x202F)},
    **{chr(c): Text("文字方向隔离符", "bidirectional isolate") for c in range(0x2066, 0x206A)},
    # line breaks to YAML, not to the editor's eyes: the text and the line numbers after them are misread
    "\u2028": Text("行分隔符（网页中常见的换行）", "line separator"),
    "\u2029": Text("段分隔符", "paragraph separator"),
    "\u0085": Text("下一行符（NEL）", "next line (NEL)"),
}

# What an editor writes into a note cell (or the first highlight cell) to remove what the file holds.
DELETE_WORD = "删除"


# --- the problem texts in the catalogue (issue 13, stage 4) --------------------------------------------------
# Each entry: key -> `NP_(key, "English text with %(fields)s")`; the words are in the catalogue
# (generator/locale/zh_CN/LC_MESSAGES/*.po) under the context `key`, so a text is found by its key and rendered
# with its fields: a report names the key and the fields, never the words. The key is the context: one English
# text may read differently under two keys. A literal % is %%. One block per area of the code (a separate dict,
# so that the areas' work does not touch the same lines); `editor_text` reads them all.

RULES_TEXTS: dict[str, tuple[str, str]] = {  # the rules (generator/data/rules/): rules.po
    # text.py
    "placeholder-text": NP_("placeholder-text", "%(placeholder)s is still in %(quoted)s"),
    # cases.py
    "case-cites-unreported": NP_("case-cites-unreported", "zone %(zone)s never reported %(indicator)s"),
    # codes.py
    "list-joiner": NP_("list-joiner", ", "),
    # names.py
    "invalid-id-zone-folder": NP_("invalid-id-zone-folder", "zone folder name %(quoted)s is not a valid id"),
    "invalid-id-zone-folder-hint": NP_(
        "invalid-id-zone-folder-hint",
        "A folder name has only lowercase letters, digits and hyphens, e.g. nanning-hitech.",
    ),
    "invalid-id-file": NP_("invalid-id-file", "invalid file name %(quoted)s"),
    "invalid-id-file-hint": NP_(
        "invalid-id-file-hint",
        "An annual report's file name is its four-digit year (e.g. 2024.yaml); a case's file name has only "
        "lowercase letters, digits and hyphens.",
    ),
    # zones.py
    "event-order-after-revoked": NP_("event-order-after-revoked", "lifecycle events out of order"),
    "event-order-twice": NP_("event-order-twice", "lifecycle events out of order"),
    "event-order-after-later": NP_("event-order-after-later", "lifecycle events out of order"),
    "event-order-before-approval": NP_("event-order-before-approval", "lifecycle events out of order"),
    "event-order-date": NP_("event-order-date", "lifecycle events out of order"),
    "event-order-hint": NP_(
        "event-order-hint",
        "List the events in order of time: applied → public notice → approved → plan revised/evaluated.",
    ),
    "approved-before-guideline": NP_("approved-before-guideline", "approved on %(date)s, before 2023"),
    "approved-before-guideline-hint": NP_("approved-before-guideline-hint", "The guideline applies from 2023."),
    "period-length": NP_("period-length", "construction period of %(years)s years"),
    "period-length-hint": NP_(
        "period-length-hint", "The guideline sets a construction period of 2 to 3 years, in principle."
    ),
    # values.py
    "negative-value": NP_("negative-value", "%(id)s cannot be negative"),
    "percent-out-of-range": NP_("percent-out-of-range", "%(id)s is a percentage; %(value)s exceeds 100"),
    "percent-out-of-range-hint": NP_("percent-out-of-range-hint", "Write 35%% as 35."),
    "value-not-number-not-whole": NP_(
        "value-not-number-not-whole", "%(id)s is a count: a whole number expected, got %(value)s"
    ),
    "value-not-number-not-whole-hint": NP_(
        "value-not-number-not-whole-hint", "A count indicator takes whole numbers only."
    ),
    "value-not-number-text-target": NP_(
        "value-not-number-text-target", "qualitative indicator %(id)s cannot have a numeric target"
    ),
    "value-not-number": NP_("value-not-number", "%(id)s takes a number, got %(quoted)s"),
    "invalid-value-period-end": NP_("invalid-value-period-end", "period ends before it starts"),
    "invalid-value-value-and-marker": NP_("invalid-value-value-and-marker", "both a value and a marker"),
    "invalid-value-value-and-marker-hint": NP_("invalid-value-value-and-marker-hint", "Keep one of them."),
    "unknown-indicator": NP_("unknown-indicator", "no indicator %(quoted)s"),
    # system.py
    "reference-mismatch": NP_("reference-mismatch", "%(name)s must list exactly: %(expected)s"),
    "reference-mismatch-hint": NP_(
        "reference-mismatch-hint", "Only the names may be changed: no id may be added, removed or changed."
    ),
    "reference-mismatch-tasks": NP_("reference-mismatch-tasks", "the main tasks must be exactly numbers 1–7"),
    "not-summable": NP_("not-summable", "%(kind)s indicators cannot be summed"),
    "not-summable-hint": NP_("not-summable-hint", "Change summable to false."),
    "missing-field-unit": NP_("missing-field-unit", "a quantitative indicator needs a unit"),
    "missing-field-submitted": NP_("missing-field-submitted", "submission date missing"),
    "missing-field-submitted-hint": NP_(
        "missing-field-submitted-hint", "Write the date the annual report was submitted, e.g. submitted: 2025-01-20."
    ),
    "duplicate-id-case": NP_("duplicate-id-case", "case id %(quoted)s already used in %(first)s"),
    "duplicate-id-case-hint": NP_(
        "duplicate-id-case-hint", "A case's file name must be unique in the whole site: rename it."
    ),
    "duplicate-id-id": NP_("duplicate-id-id", "duplicate id %(quoted)s"),
    "duplicate-id-indicator": NP_("duplicate-id-indicator", "duplicate id %(quoted)s"),
    "duplicate-id-number": NP_("duplicate-id-number", "duplicate number %(value)s"),
    "duplicate-id-own-indicator": NP_("duplicate-id-own-indicator", "indicator id %(quoted)s already used"),
    "duplicate-id-own-indicator-hint": NP_(
        "duplicate-id-own-indicator-hint", "Give a zone's own indicator a new id, not one of the indicator system's."
    ),
    "unknown-reference-category": NP_("unknown-reference-category", "no category %(quoted)s"),
    "unknown-reference": NP_("unknown-reference", "%(quoted)s is not in %(list)s"),
    # reports.py
    "baseline-year": NP_("baseline-year", "the baseline must be %(baseline)s, the year before approval, not %(year)s"),
    "year-out-of-range-period-start": NP_(
        "year-out-of-range-period-start", "period starts before the approval year %(approved)s"
    ),
    "year-out-of-range-not-approved": NP_(
        "year-out-of-range-not-approved", "the zone is not approved; it cannot have annual reports"
    ),
    "year-out-of-range-not-approved-hint": NP_(
        "year-out-of-range-not-approved-hint", "First record the approval (an approved event) in zone.yaml."
    ),
    "year-out-of-range-baseline-unmarked": NP_(
        "year-out-of-range-baseline-unmarked", "%(year)s is before the approval year %(approved)s"
    ),
    "year-out-of-range-baseline-unmarked-hint": NP_(
        "year-out-of-range-baseline-unmarked-hint",
        "The data of the year before the approval is the baseline: add baseline: true.",
    ),
    "year-out-of-range-before-approval": NP_(
        "year-out-of-range-before-approval", "%(year)s is before the approval year %(approved)s"
    ),
    "year-out-of-range-not-ended": NP_(
        "year-out-of-range-not-ended", "year %(year)s has not ended by the as-of date %(as_of)s"
    ),
    "year-out-of-range-not-ended-hint": NP_(
        "year-out-of-range-not-ended-hint", "A year's data can only be written once the year has ended."
    ),
    "year-out-of-range-revoked": NP_(
        "year-out-of-range-revoked", "the zone was revoked on %(revoked)s; no report for %(year)s"
    ),
    "date-after-as-of-event": NP_("date-after-as-of-event", "event date %(when)s is after the as-of date %(as_of)s"),
    "date-after-as-of-case": NP_("date-after-as-of-case", "case year %(when)s is after the as-of date"),
    "date-after-as-of-submitted": NP_(
        "date-after-as-of-submitted", "submitted %(when)s, after the as-of date %(as_of)s"
    ),
    "id-mismatch-report-year": NP_("id-mismatch-report-year", "year %(value)s disagrees with the file name %(where)s"),
    "id-mismatch-report-year-hint": NP_(
        "id-mismatch-report-year-hint", "Delete the year field, or make it the file name's year."
    ),
    "id-mismatch-case-zone": NP_("id-mismatch-case-zone", "zone %(quoted)s disagrees with the folder %(where_quoted)s"),
    "id-mismatch-case-zone-hint": NP_(
        "id-mismatch-case-zone-hint", "Delete the zone field, or move the file to the right folder."
    ),
    "report-date": NP_("report-date", "submitted %(submitted)s, before the year %(year)s ended"),
    "report-date-hint": NP_("report-date-hint", "An annual report is submitted in the next year: check the year."),
    "report-late": NP_("report-late", "the %(year)s report was submitted on %(submitted)s, after %(deadline)s"),
    "missing-value-empty": NP_("missing-value-empty", "%(id)s has neither value nor marker"),
    "missing-value-empty-hint": NP_(
        "missing-value-empty-hint",
        "Write the value; where there is no data write %(not_available)s, where it does not apply write %(not_applicable)s.",
    ),
    "missing-value": NP_("missing-value", "indicator %(id)s is missing"),
    "missing-value-hint": NP_(
        "missing-value-hint",
        "Add “%(id)s: value”; where there is no data write %(not_available)s, where it does not apply write %(not_applicable)s.",
    ),
    "value-not-text": NP_("value-not-text", "%(id)s is qualitative: text expected, got a number"),
    "implausible-jump": NP_(
        "implausible-jump", "%(id)s went from %(old)s in %(before)s to %(new)s: more than %(factor)sx"
    ),
    "implausible-jump-hint": NP_(
        "implausible-jump-hint",
        "Check the value and its unit (10,000 yuan or 100 million yuan, a percentage or a fraction); if it is right, say why in note.",
    ),
    "report-missing-baseline": NP_("report-missing-baseline", "no baseline (%(year)s) data yet"),
    "report-missing-baseline-hint": NP_(
        "report-missing-baseline-hint", "Add annual/%(year)s.yaml marked baseline: true."
    ),
    "report-missing": NP_("report-missing", "the %(year)s report was due by %(deadline)s and is not in the data"),
    "report-missing-hint": NP_("report-missing-hint", "Once it is submitted, add annual/%(year)s.yaml."),
}

LOAD_TEXTS: dict[str, tuple[str, str]] = {  # the loader and the models' check (load.py, validate.py): load.po
}


def editor_text(key: str, **fields: object) -> tuple[str, str]:
    """The text for `key` in the locale's words and in English, its fields filled in: from the catalogue for
    the texts moved there (`NP_(key, "…")`), from the `Text` pair for those not yet moved."""
    moved = RULES_TEXTS.get(key) or LOAD_TEXTS.get(key)
    if moved is None:
        text = EDITOR_TEXTS[key]
        if isinstance(text, Text):
            return text.zh.format(**fields), text.en.format(**fields)
        moved = text
    context, message = moved
    return pgettext(context, message, **fields), message % fields
