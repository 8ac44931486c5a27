"""The catalogue of problem codes: stable ids, severity, what each means and how to fix it.

A code is part of the public interface: editors search for it, CI annotations show it, the editors'
guide documents it and `tests/broken/` holds one broken input per code. Never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.vocabulary import NOT_APPLICABLE, NOT_AVAILABLE, PLACEHOLDER
from generator.i18n import NP_, pgettext

# The input words a code's texts name (what an editor writes in the data, in any locale): their placeholders.
_INPUT_WORDS = {"not_available": NOT_AVAILABLE, "not_applicable": NOT_APPLICABLE, "placeholder": PLACEHOLDER}


@dataclass(frozen=True)
class Code:
    """A problem code; its words are in the catalogue (problems.po) under `problem <code>` and `fix <code>`."""

    code: str
    severity: str  # "error" | "warning" | "notice"
    marked_title: tuple[str, str]  # what the problem is: NP_("problem <code>", English), for `zh` and `en`
    marked_fix: tuple[str, str]  # how to fix it (for the editors' guide): NP_("fix <code>", English), for `fix`

    @property
    def zh(self) -> str:
        """What the problem is, in the locale's words."""
        return pgettext(*self.marked_title, **_INPUT_WORDS)

    @property
    def en(self) -> str:
        """The same in English."""
        return self.marked_title[1] % _INPUT_WORDS

    @property
    def fix(self) -> str:
        """How to fix it, in the locale's words."""
        return pgettext(*self.marked_fix, **_INPUT_WORDS)


_CODES = [
    # --- reading the file ---------------------------------------------------------------------
    Code(
        "not-utf8",
        "error",
        NP_("problem not-utf8", "file is not UTF-8"),
        NP_(
            "fix not-utf8",
            "Use “Save as” and choose the UTF-8 encoding (Notepad and WPS may save as GBK/ANSI by default).",
        ),
    ),
    Code(
        "file-too-large",
        "error",
        NP_("problem file-too-large", "file too large"),
        NP_(
            "fix file-too-large",
            "A data file should not be larger than 1 MB: check whether a large amount of text was pasted by "
            "mistake, or split the content into several files. An image in images/ should not be larger than 2 MB "
            "(2,000,000 bytes): compress it or make it smaller, then upload it again.",
        ),
    ),
    Code(
        "yaml-syntax",
        "error",
        NP_("problem yaml-syntax", "YAML syntax error"),
        NP_(
            "fix yaml-syntax",
            "Check this line and the line above: a colon is followed by a space, indentation uses half-width "
            "spaces only, quotation marks come in pairs.",
        ),
    ),
    Code(
        "fullwidth-colon",
        "error",
        NP_("problem fullwidth-colon", "full-width colon after a key"),
        NP_("fix fullwidth-colon", "Replace the full-width colon with a half-width colon and a space “: ”."),
    ),
    Code(
        "ideographic-space",
        "error",
        NP_("problem ideographic-space", "indentation contains an ideographic space (U+3000) or a tab"),
        NP_(
            "fix ideographic-space",
            "Indent with half-width spaces only: delete the full-width spaces or tabs and indent again.",
        ),
    ),
    Code(
        "duplicate-key",
        "error",
        NP_("problem duplicate-key", "duplicate key"),
        NP_("fix duplicate-key", "A key may be written only once: delete or merge the repeated item."),
    ),
    Code(
        "yaml-alias",
        "error",
        NP_("problem yaml-alias", "YAML anchors and aliases are not allowed"),
        NP_(
            "fix yaml-alias",
            "Write out what the alias refers to; if * or & is part of the text, put the whole value in quotes.",
        ),
    ),
    Code(
        "too-deep",
        "error",
        NP_("problem too-deep", "nesting too deep"),
        NP_("fix too-deep", "A data file nests at most 20 levels: check whether the indentation is wrong."),
    ),
    Code(
        "yaml-tag",
        "error",
        NP_("problem yaml-tag", "YAML tags are not allowed"),
        NP_("fix yaml-tag", "Delete the tag starting with !; if ! is part of the text, put the whole value in quotes."),
    ),
    # --- fields and types -----------------------------------------------------------------------
    Code(
        "unknown-field",
        "error",
        NP_("problem unknown-field", "unknown field"),
        NP_(
            "fix unknown-field",
            "Check the spelling of the field name (upper and lower case differ), or delete the field; the fields "
            "are described in the “Editors' guide”.",
        ),
    ),
    Code(
        "missing-field",
        "error",
        NP_("problem missing-field", "required field missing"),
        NP_("fix missing-field", "Add the field."),
    ),
    Code(
        "wrong-type",
        "error",
        NP_("problem wrong-type", "value has the wrong type"),
        NP_(
            "fix wrong-type",
            "Write the value as the message says: for example, a number without a unit or thousands separators, a "
            "date as 2024-01-31.",
        ),
    ),
    Code(
        "invalid-value",
        "error",
        NP_("problem invalid-value", "value not allowed"),
        NP_("fix invalid-value", "Use one of the values the message lists."),
    ),
    Code(
        "invalid-id",
        "error",
        NP_("problem invalid-id", "invalid id"),
        NP_(
            "fix invalid-id",
            "An id (a folder or file name) may use only lowercase English letters, digits and hyphens, e.g. "
            "nanning-hitech.",
        ),
    ),
    Code(
        "unexpected-file",
        "error",
        NP_("problem unexpected-file", "unexpected file in the data folder"),
        NP_(
            "fix unexpected-file",
            "Check the file's name and place: annual data go in annual/<year>.yaml, cases in cases/<id>.yaml, "
            "images in images/.",
        ),
    ),
    Code(
        "id-mismatch",
        "error",
        NP_("problem id-mismatch", "id in the file disagrees with its file or folder name"),
        NP_("fix id-mismatch", "Delete the field from the file, or make it the same as the file name."),
    ),
    Code(
        "markup-in-text",
        "error",
        NP_("problem markup-in-text", "text contains HTML markup or control characters"),
        NP_(
            "fix markup-in-text",
            "Do not use < > or control characters in names and titles; the body text may use Markdown, but not HTML.",
        ),
    ),
    Code(
        "unsafe-link",
        "error",
        NP_("problem unsafe-link", "unsafe or unrecognised link, or an image in text"),
        NP_(
            "fix unsafe-link",
            "A link may only start with https://, http://, mailto:, or be a relative path within the site (not "
            "starting with “/”); an image cannot be inserted into the body text: images go in the case's images.",
        ),
    ),
    # --- references between records ----------------------------------------------------------
    Code(
        "unknown-reference",
        "error",
        NP_("problem unknown-reference", "value not in the reference list"),
        NP_(
            "fix unknown-reference",
            "Use an id that is in the reference lists (zones_data/reference/), or first add the item to the "
            "reference lists.",
        ),
    ),
    Code(
        "unknown-indicator",
        "error",
        NP_("problem unknown-indicator", "unknown indicator"),
        NP_(
            "fix unknown-indicator",
            "Check the spelling of the indicator's id; all indicators are in indicator_system.yaml and the zone's "
            "indicators.yaml.",
        ),
    ),
    Code(
        "duplicate-id",
        "error",
        NP_("problem duplicate-id", "duplicate id"),
        NP_("fix duplicate-id", "Give one of the items a new id."),
    ),
    Code(
        "reference-mismatch",
        "error",
        NP_("problem reference-mismatch", "reference list disagrees with the values the generator supports"),
        NP_(
            "fix reference-mismatch",
            "In a list the program defines (such as the event types) only the names may be changed; ids cannot be "
            "added or removed.",
        ),
    ),
    # --- indicator values ----------------------------------------------------------------------
    Code(
        "value-not-number",
        "error",
        NP_("problem value-not-number", "this indicator takes a number"),
        NP_(
            "fix value-not-number",
            "Write the number alone: no unit, thousands separator or percent sign, in half-width digits; write "
            "“%(not_available)s” when there are no data, “%(not_applicable)s” when it does not apply.",
        ),
    ),
    Code(
        "value-not-text",
        "error",
        NP_("problem value-not-text", "this indicator takes text"),
        NP_("fix value-not-text", "Describe a qualitative indicator in words, not with a number alone."),
    ),
    Code(
        "negative-value",
        "error",
        NP_("problem negative-value", "value cannot be negative"),
        NP_("fix negative-value", "Check the sign."),
    ),
    Code(
        "percent-out-of-range",
        "error",
        NP_("problem percent-out-of-range", "percentage outside 0–100"),
        NP_("fix percent-out-of-range", "Write a percentage in percent: 35%% is written 35, not 0.35 or 3500."),
    ),
    Code(
        "missing-value",
        "warning",
        NP_("problem missing-value", "indicator has neither a value nor a marker"),
        NP_(
            "fix missing-value",
            "Fill in the value; write “%(not_available)s” when there are no data, “%(not_applicable)s” when it "
            "does not apply.",
        ),
    ),
    Code(
        "implausible-jump",
        "warning",
        NP_("problem implausible-jump", "implausible change on the year before"),
        NP_(
            "fix implausible-jump",
            "Check the value and its unit (e.g. 10,000 yuan against 100 million yuan, a percentage against a "
            "fraction); if it is right, you may give the reason in the note.",
        ),
    ),
    Code(
        "not-summable",
        "error",
        NP_("problem not-summable", "ratios and qualitative indicators cannot be summed across zones"),
        NP_("fix not-summable", "Change summable to false."),
    ),
    # --- dates and the zone's life -----------------------------------------------------------
    Code(
        "year-out-of-range",
        "error",
        NP_("problem year-out-of-range", "year outside the zone's reporting years"),
        NP_(
            "fix year-out-of-range",
            "Annual data may be written only from the year of the approval of construction to the data's as-of "
            "date; the baseline data are for the year before the approval and are marked baseline: true.",
        ),
    ),
    Code(
        "date-after-as-of",
        "error",
        NP_("problem date-after-as-of", "date after the data's as-of date"),
        NP_(
            "fix date-after-as-of",
            "Check whether the date is wrong; if the date is right (the data really are up to date to that day), "
            "contact the Department of Science and Technology of the Autonomous Region to update as_of in "
            "site.yaml (the Department keeps it: editors must not change it themselves).",
        ),
    ),
    Code(
        "event-order",
        "error",
        NP_("problem event-order", "lifecycle events out of order"),
        NP_(
            "fix event-order",
            "List the events in the order of time: application → public notice → approval of construction → plan "
            "revision/evaluation; dates cannot go backwards.",
        ),
    ),
    Code(
        "approved-before-guideline",
        "error",
        NP_("problem approved-before-guideline", "approved before the guideline existed"),
        NP_(
            "fix approved-before-guideline",
            "The guidelines took effect in 2023: an approval date cannot be before 2023.",
        ),
    ),
    Code(
        "period-length",
        "warning",
        NP_("problem period-length", "construction period is not 2–3 years"),
        NP_(
            "fix period-length",
            "The guidelines set the construction period at 2–3 years in principle; if there really is a special "
            "situation, explain it in the note.",
        ),
    ),
    Code(
        "baseline-year",
        "error",
        NP_("problem baseline-year", "wrong baseline year"),
        NP_(
            "fix baseline-year",
            "The baseline data can only be for the year before the approval of construction, and each zone can "
            "have only one.",
        ),
    ),
    Code(
        "report-date",
        "error",
        NP_("problem report-date", "wrong submission date"),
        NP_(
            "fix report-date",
            "The submission date of annual data should be after the end of that year and before the data's as-of date.",
        ),
    ),
    Code(
        "case-cites-unreported",
        "error",
        NP_("problem case-cites-unreported", "case cites an indicator its zone never reported"),
        NP_(
            "fix case-cites-unreported",
            "First fill in the indicator in the annual data, or delete it from the case's results.indicators.",
        ),
    ),
    Code(
        "missing-image",
        "error",
        NP_("problem missing-image", "case image file not found"),
        NP_(
            "fix missing-image",
            "Put the image in the zone's images/ folder, and check the file name (upper and lower case, "
            "full-width and half-width characters differ).",
        ),
    ),
    # --- images (issue 11, images) ---
    Code(
        "image-format",
        "error",
        NP_("problem image-format", "image format the site does not take"),
        NP_(
            "fix image-format",
            "images/ may hold only PNG, JPEG and WebP images (extensions .png, .jpg, .jpeg, .webp, in upper or "
            "lower case); save SVG, BMP, GIF, TIFF, HEIC and the like as JPEG (photos) or PNG (screenshots, "
            "diagrams), and rename the file in the case to match.",
        ),
    ),
    Code(
        "placeholder-text",
        "warning",
        NP_("problem placeholder-text", "placeholder text %(placeholder)s not yet replaced"),
        NP_(
            "fix placeholder-text",
            "Replace %(placeholder)s with the real content; the strict check before publishing does not let "
            "placeholder content through.",
        ),
    ),
    # --- issue 12, branch i12-gate: what the check passes, the build completes; names the site uses ---
    Code(
        "invalid-character",
        "error",
        NP_(
            "problem invalid-character",
            "text contains a character that cannot be published (a Unicode noncharacter or a lone surrogate)",
        ),
        NP_(
            "fix invalid-character",
            "Delete the character: it is not text, and web pages, news feeds and Excel files cannot contain it; "
            "do not write an escape such as \\uFFFF in double quotes either.",
        ),
    ),
    Code(
        "reserved-name",
        "error",
        NP_(
            "problem reserved-name",
            "an id or file name collides with a page or file the site generates, or is reserved on Windows",
        ),
        NP_(
            "fix reserved-name",
            "Choose another id or file name: names such as index are used by the site itself; con, prn, aux, nul, "
            "com1–com9, lpt1–lpt9 (in any case, with any extension) cannot be file names on Windows.",
        ),
    ),
    Code(
        "number-too-large",
        "error",
        NP_("problem number-too-large", "indicator value or target too large"),
        NP_(
            "fix number-too-large",
            "Check the unit (yuan, 10,000 yuan and 100 million yuan) and whether extra digits were typed: the "
            "whole part of an indicator's value or target has at most 15 digits (as many as Excel keeps exactly "
            "and the charts and the composite index compute accurately).",
        ),
    ),
    # --- issue 12, i12-linear: length and size limits (types.py, models.py), so cost stays linear ---
    Code(
        "text-too-long",
        "error",
        NP_("problem text-too-long", "text longer than the limit"),
        NP_(
            "fix text-too-long",
            "Shorten it as the message says: a name or title is one line with the main point, a description or a "
            "highlight one paragraph each, the parts of a construction plan and of a case the main points; the "
            "full text can be published on a government website and linked to from here.",
        ),
    ),
    Code(
        "too-many-items",
        "error",
        NP_("problem too-many-items", "list longer than the limit"),
        NP_(
            "fix too-many-items",
            "Merge similar items or drop minor ones, so that there are no more items than the limit the message gives.",
        ),
    ),
    # --- facts about the programme (never fail a check) ---------------------------------------
    Code(
        "report-late",
        "notice",
        NP_("problem report-late", "annual report submitted after 31 January"),
        NP_(
            "fix report-late",
            "This is a note on the progress of the work, not an error in the data; just fill in the submission "
            "date as it is.",
        ),
    ),
    Code(
        "image-unused",
        "notice",
        NP_("problem image-unused", "image used by no case"),
        NP_(
            "fix image-unused",
            "An image that no case uses is not published. To show it, write file: <file name> and alt: "
            "<alternative text> in the images of the case's file (in a file new-case makes, the images section "
            "starts with “# ”: delete the “# ” at the start of the lines); an image not used can be deleted.",
        ),
    ),
    Code(
        "report-missing",
        "notice",
        NP_("problem report-missing", "annual report not yet submitted"),
        NP_(
            "fix report-missing",
            "Add annual/<year>.yaml once it is submitted; this is a note on the progress of the work, not an "
            "error in the data.",
        ),
    ),
    # --- the loader (issue 11): what the text of a file hides ----------------------------------------
    Code(
        "list-item-merged",
        "error",
        NP_("problem list-item-merged", "a list item was merged into the item above because of its indentation"),
        NP_(
            "fix list-item-merged",
            "The “- ” of each item of a list must line up: start this line with as many spaces as the item above.",
        ),
    ),
    Code(
        "key-merged",
        "error",
        NP_("problem key-merged", "a field indented too far became part of the text above"),
        NP_(
            "fix key-merged",
            "The fields of one level must line up: move this line (and the lines that belong to it) left, in line "
            "with the field above.",
        ),
    ),
    Code(
        "line-merged",
        "warning",
        NP_("problem line-merged", "a line starting with '- ' was joined to the text above"),
        NP_(
            "fix line-merged",
            "To write items one by one, write | after the colon and each item below on a line of its own, "
            "starting with “- ” and indented alike; if this line is another field, line it up with the field "
            "above.",
        ),
    ),
    Code(
        "invisible-char",
        "error",
        NP_("problem invisible-char", "an invisible character in the indentation, a key, or a number, date or code"),
        NP_(
            "fix invisible-char",
            "Delete the character (it usually comes from text copied from Word, WeChat or a web page), and type "
            "ordinary half-width spaces where spaces are wanted.",
        ),
    ),
    Code(
        "invisible-in-text",
        "warning",
        NP_("problem invisible-in-text", "an invisible character in the text"),
        NP_(
            "fix invisible-in-text",
            "Delete the character (it usually comes from text copied from Word, WeChat or a web page); type an "
            "ordinary space where a space is wanted.",
        ),
    ),
    # --- issue 12, branch i12-files: only regular files inside the data folder are read ---
    Code(
        "not-regular-file",
        "error",
        NP_("problem not-regular-file", "a symbolic link or a special file in the data folder (not a regular file)"),
        NP_(
            "fix not-regular-file",
            "The data folder can hold only regular files and folders: delete the link, put the file or folder "
            "itself (not a link) in its place, then submit again; what a link points to is never read or "
            "published (git keeps the link itself). Delete special files such as named pipes and devices.",
        ),
    ),
    Code(
        "image-damaged",
        "error",
        NP_("problem image-damaged", "image file damaged or cut short"),
        NP_(
            "fix image-damaged",
            "Open the original image in an image viewer and make sure it shows completely, then export or copy it "
            "once more and upload it (an interrupted upload or an unfinished copy leaves an image incomplete).",
        ),
    ),
    Code(
        "image-dimensions",
        "error",
        NP_("problem image-dimensions", "image dimensions too large"),
        NP_(
            "fix image-dimensions",
            "An image should not have more than 25 million pixels (e.g. 5000 × 5000): 1200 pixels wide is enough "
            "on a web page; make it smaller, then upload it again.",
        ),
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
