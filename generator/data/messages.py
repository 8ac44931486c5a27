"""The catalogue of problem codes: stable ids, severity, what each means and how to fix it.

A code is part of the public interface: editors search for it, CI annotations show it, the editors'
guide documents it and `tests/broken/` holds one broken input per code. Never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.vocabulary import DELETE_WORD as DELETE_WORD  # the editors' tools import it from here
from generator.data.vocabulary import FULLWIDTH_COLON, NOT_APPLICABLE, NOT_AVAILABLE, PLACEHOLDER, SHEET_COLUMNS
from generator.i18n import NP_, pgettext

# The input words a code's texts name (what an editor writes in the data, in any locale): their placeholders.
_INPUT_WORDS = {
    "not_available": NOT_AVAILABLE,
    "not_applicable": NOT_APPLICABLE,
    "placeholder": PLACEHOLDER,
    "note_column": SHEET_COLUMNS[6],  # the Excel template's column of notes
    "fullwidth_colon": FULLWIDTH_COLON,
}


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
        "name-has-status",
        "warning",
        NP_("problem name-has-status", "a zone's name holds a status word"),
        NP_(
            "fix name-has-status",
            "Write the zone's name without its status: the site derives the status from the lifecycle events "
            "and shows it beside the name.",
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
        "footer-placeholder",
        "notice",
        NP_("problem footer-placeholder", "the footer still shows placeholders"),
        NP_(
            "fix footer-placeholder",
            "Before the site goes live, write in site.yaml the filing numbers as issued (then set "
            "placeholder_filings to false), gov_badge (the image and link of the Party and government website "
            "badge, exactly as issued) and question_channel (the address of the department's page for questions "
            "and messages).",
        ),
    ),
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
    # --- s20: misc (issue 14): the guideline's address -----------------------------------------------------
    Code(
        "policy-url-unset",
        "notice",
        NP_("problem policy-url-unset", "the address of the guideline's official text is not set"),
        NP_(
            "fix policy-url-unset",
            "Once the guideline is officially published, write the address of its official text on a government "
            "site as policy_url in site.yaml; never an address you guessed. Until then the site names the "
            "guideline without a link; this is a note, not an error in the data.",
        ),
    ),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


# --- the editors' commands (export-template / import-xlsx) and the check: what they say, by key -------------
# Each entry: key -> `NP_(key, "English text with %(fields)s")`, the locale's words in problems.po under the key;
# `editor_text(key, **fields)` fills them. Every refusal names the cell to change.


EDITOR_TEXTS: dict[str, tuple[str, str]] = {
    # --- issue 12, branch i12-files: only regular files inside the data folder are read (load.py) ---
    "file-link": NP_(
        "file-link",
        "a symbolic link (to %(target)s), not a regular file: links in the data folder are never read or published",
    ),
    "file-link-hint": NP_("file-link-hint", "delete the link and put the file or folder itself (not a link) here"),
    "file-special": NP_(
        "file-special", "not a regular file but %(kind_en)s: special files in the data folder are never read"
    ),
    "file-special-hint": NP_(
        "file-special-hint", "delete it: the data folder holds YAML data files and the images in images/ only"
    ),
    "file-kind-fifo": NP_("file-kind-fifo", "a named pipe (FIFO)"),
    "file-kind-socket": NP_("file-kind-socket", "a socket"),
    "file-kind-device": NP_("file-kind-device", "a device"),
    "file-kind-other": NP_("file-kind-other", "a special file"),
    "write-through-link": NP_(
        "write-through-link",
        "%(path)s not written: %(where)s in the data folder is a symbolic link or a special file and the "
        "write would land elsewhere; delete it and put a plain folder or file there",
    ),
    # images: the bytes must be a whole, still image of the format the suffix says (Pillow)
    "image-content-other": NP_(
        "image-content-other",
        "image images/%(name)s holds a %(kind)s image, not what its suffix %(suffix)s says; rename it to end "
        "in %(right)s",
    ),
    "image-content-not-image": NP_(
        "image-content-not-image",
        "images/%(name)s is named %(suffix)s but holds no PNG, JPEG or WebP image (a web page, a document, a "
        "renamed file?)",
    ),
    "image-content-not-image-hint": NP_(
        "image-content-not-image-hint",
        "open the original and save it as JPEG (photos) or PNG (screenshots, diagrams); save images from web "
        "pages with 'Save image as'",
    ),
    "image-damaged": NP_("image-damaged", "image images/%(name)s is damaged or cut short and cannot be shown whole"),
    "image-damaged-hint": NP_(
        "image-damaged-hint",
        "open the original in an image viewer, make sure it shows whole, then export or copy it again",
    ),
    "image-pixels": NP_(
        "image-pixels",
        "image images/%(name)s is %(width)s × %(height)s pixels, over the limit of %(limit_en)s million "
        "pixels; scale it down",
    ),
    "image-pixels-hint": NP_(
        "image-pixels-hint", "1200 pixels wide is enough on a page: scale it down (to 1200–2400 pixels wide, say)"
    ),
    "image-animated": NP_(
        "image-animated", "image images/%(name)s is animated (%(frames)s frames): the site takes still images only"
    ),
    "image-animated-hint": NP_(
        "image-animated-hint", "save the frame to show as a still PNG or JPEG; to show steps, use several images"
    ),
    # --- the review route: `diff`, the data-change summary a reviewer reads before merging (Markdown) ---
    "diff-title": NP_("diff-title", "data changes since %(base)s"),
    "diff-no-change": NP_("diff-no-change", "the data did not change."),
    "diff-broken-new": NP_(
        "diff-broken-new",
        "the changed data fails the check, so it cannot be compared field by field; the changed files:",
    ),
    "diff-broken-base": NP_(
        "diff-broken-base", "the base data fails the check, so it cannot be compared field by field; the changed files:"
    ),
    "diff-no-files": NP_("diff-no-files", "(none)"),
    "diff-files-without-data": NP_(
        "diff-files-without-data",
        "these files changed without changing the data the site uses (comments, hidden files):",
    ),
    "diff-file-A": NP_("diff-file-A", "added"),
    "diff-file-M": NP_("diff-file-M", "modified"),
    "diff-file-D": NP_("diff-file-D", "deleted"),
    "diff-file-R": NP_("diff-file-R", "renamed"),
    "diff-file-C": NP_("diff-file-C", "copied"),
    "diff-file-T": NP_("diff-file-T", "type changed"),
    "diff-section-site": NP_("diff-section-site", "site settings"),
    "diff-section-system": NP_("diff-section-system", "indicator system"),
    "diff-section-references": NP_("diff-section-references", "reference lists"),
    "diff-section-zones": NP_("diff-section-zones", "zones"),
    "diff-section-values": NP_("diff-section-values", "annual values"),
    "diff-section-cases": NP_("diff-section-cases", "cases"),
    "diff-reference": NP_("diff-reference", "reference list %(name)s"),
    "diff-zone-added": NP_("diff-zone-added", "new zone %(name)s (%(id)s, %(city)s):"),
    "diff-zone-deleted": NP_(
        "diff-zone-deleted",
        "⚠ zone %(name)s (%(id)s) deleted: its published page %(url)s, %(years)s annual reports and %(cases)s "
        "cases disappear:",
    ),
    "diff-zone-renamed": NP_(
        "diff-zone-renamed",
        "zone folder renamed: %(old)s -> %(new)s (%(name)s); its address changes from %(old_url)s to %(new_url)s",
    ),
    "diff-year": NP_("diff-year", "%(zone)s %(year)s"),
    "diff-year-added": NP_("diff-year-added", "%(zone)s: new %(year)s report (%(count)s values)"),
    "diff-year-deleted": NP_(
        "diff-year-deleted", "⚠ %(zone)s: the %(year)s report is deleted (a published report disappears):"
    ),
    "diff-previous": NP_("diff-previous", "the year before %(old)s -> %(new)s"),
    "diff-jump": NP_("diff-jump", " ⚠ more than tenfold: check the unit and the figure"),
    "diff-not-reported": NP_("diff-not-reported", "(not reported)"),
    "diff-blank": NP_("diff-blank", "(blank)"),
    "diff-none": NP_("diff-none", "(none)"),
    "diff-yes": NP_("diff-yes", "yes"),
    "diff-no": NP_("diff-no", "no"),
    "diff-added": NP_("diff-added", "added"),
    "diff-removed": NP_("diff-removed", "removed"),
    "diff-order": NP_("diff-order", "order changed to %(items)s"),
    "diff-image-added": NP_("diff-image-added", "image file %(file)s added (%(size)s bytes)"),
    "diff-image-deleted": NP_("diff-image-deleted", "image file %(file)s deleted (%(size)s bytes)"),
    "diff-image-replaced": NP_("diff-image-replaced", "image file %(file)s replaced (%(old)s -> %(new)s bytes)"),
    "diff-case-added": NP_("diff-case-added", "new case %(title)s (%(zone)s):"),
    "diff-case-deleted": NP_(
        "diff-case-deleted", "⚠ case %(title)s (%(slug)s) deleted: its published page %(url)s disappears:"
    ),
    "diff-case-renamed": NP_(
        "diff-case-renamed",
        "case file renamed: %(old)s -> %(new)s (%(title)s); its address changes from %(old_url)s to %(new_url)s",
    ),
    "diff-case-zone": NP_("diff-case-zone", "zone"),
    "diff-truncated": NP_("diff-truncated", "… (%(total)s characters, %(rest)s not shown: see the file)"),
    "diff-from-char": NP_("diff-from-char", "(%(total)s characters, from character %(at)s)"),
    "diff-check-jumps": NP_("diff-check-jumps", "%(count)s value(s) changed more than tenfold"),
    "diff-check-deleted": NP_("diff-check-deleted", "%(count)s published item(s) deleted"),
    "diff-check": NP_("diff-check", "**please check: %(items)s (marked ⚠).**"),
    "diff-too-long": NP_(
        "diff-too-long",
        "the summary exceeds GitHub's job-summary limit; %(count)s more lines left out: run python -m "
        "generator diff locally",
    ),
    # opening the workbook
    "xlsx-too-large": NP_(
        "xlsx-too-large", "file too large (%(size)s, the limit is %(limit)s); is it the exported sheet?"
    ),
    "xlsx-not-a-workbook": NP_(
        "xlsx-not-a-workbook", "cannot open as .xlsx: %(file)s; save .xls or .et files as .xlsx first"
    ),
    "xlsx-expands": NP_(
        "xlsx-expands", "the workbook expands too far (%(part)s: %(size)s, the limit is %(limit)s); not read"
    ),
    "xlsx-unsafe-xml": NP_(
        "xlsx-unsafe-xml", "the workbook holds forbidden XML (entity definitions or external references); not read"
    ),
    "xlsx-no-meta": NP_("xlsx-no-meta", "not a workbook made by export-template (no hidden metadata sheet)"),
    "xlsx-meta-damaged": NP_(
        "xlsx-meta-damaged", "the metadata sheet is damaged (%(keys)s); export a new template and copy the entries over"
    ),
    "xlsx-two-metas": NP_("xlsx-two-metas", "several metadata sheets (%(sheets)s); keep the exported one only"),
    "xlsx-no-data-sheet": NP_(
        "xlsx-no-data-sheet",
        "the data sheet is missing (the sheet %(sheet)r or its hidden column H was deleted or moved)",
    ),
    "xlsx-two-data-sheets": NP_(
        "xlsx-two-data-sheets",
        "%(count)s sheets carry the same hidden marker (%(sheets)s); keep the one you filled in and delete the copies",
    ),
    "xlsx-renamed": NP_(
        "xlsx-renamed",
        "note: the data sheet was renamed to %(title)r (exported as %(sheet)r); read by its hidden marker",
    ),
    # the layout
    "layout-refused": NP_(
        "layout-refused",
        "%(count)s cell(s) the export wrote were changed or moved; nothing written. Restore them as listed "
        "and import again",
    ),
    "outside-refused": NP_(
        "outside-refused", "%(count)s entr(ies) outside the fill-in cells would be lost; nothing written"
    ),
    "cells-refused": NP_("cells-refused", "%(count)s cell(s) cannot be read; nothing written"),
    "layout-column-moved": NP_(
        "layout-column-moved", "the column %(header)r was in column %(was)s, it is now in column %(now)s"
    ),
    "layout-row-moved": NP_("layout-row-moved", "row %(was)s (%(what)s) is now row %(now)s"),
    "layout-rows-inserted": NP_(
        "layout-rows-inserted",
        "%(count)s row(s) inserted at row %(first)s (rows %(first)s-%(last)s moved down); delete the inserted rows",
    ),
    "layout-rows-deleted": NP_(
        "layout-rows-deleted", "row(s) %(gone)s were deleted (rows %(first)s-%(last)s moved up); undo the deletion"
    ),
    "layout-changed": NP_("layout-changed", "was %(was)r when exported, now %(now_en)s: this cell may not be changed"),
    "layout-last-year": NP_(
        "layout-last-year",
        "last year's value may not be changed here (was %(was)r, now %(now)r); correct the %(year)s report itself",
    ),
    "layout-more": NP_("layout-more", "… and %(count)s more differences"),
    "outside-fill-in": NP_(
        "outside-fill-in",
        "%(text)r is outside the fill-in cells and would be lost; move it into a yellow cell (remarks go into "
        "%(note_column)s) or delete it",
    ),
    "outside-highlights": NP_(
        "outside-highlights",
        "highlights go into the %(count)s yellow cells %(first)s-%(last)s; %(text)r here would be lost; put "
        "more on new lines of the last cell",
    ),
    # --- the Excel route: version-1 sheets (handed out before the record of exported cells existed) ---
    "xlsx-newer-version": NP_(
        "xlsx-newer-version",
        "the sheet is version %(version)s, exported by a newer program; this one reads versions 1 and 2: "
        "update the repository (git pull) and import again",
    ),
    "v1-note": NP_(
        "v1-note",
        "note: an old sheet (version 1) without a record of the export: its layout is checked against the "
        "indicator system, the zone, the year and the %(year)s data file",
    ),
    "record-damaged": NP_(
        "record-damaged",
        "note: the hidden record of the export is damaged; the layout is checked against the indicator "
        "system, the zone, the year and the %(year)s data file instead",
    ),
    "v1-renamed": NP_(
        "v1-renamed", 'note: the data sheet was renamed to "%(title)s" (exported as "%(sheet)s"); found by its headings'
    ),
    "v1-rows-by-id": NP_(
        "v1-rows-by-id",
        "note: the indicators changed since the export (%(rows)s rows, %(count)s indicators now); each row "
        "was checked against its hidden id; indicators not in the sheet were not imported",
    ),
    "v1-no-data-sheet": NP_(
        "v1-no-data-sheet",
        "the data sheet is missing: no sheet has the title and headings of the export (it was named "
        '"%(sheet)s"); restore them',
    ),
    "v1-two-data-sheets": NP_(
        "v1-two-data-sheets",
        "%(count)s sheets are copies of the same old sheet (%(sheets)s); keep the one you filled in and "
        "delete the copies",
    ),
    "v1-changed": NP_(
        "v1-changed",
        'should be "%(was)s", now %(now_quoted)s: this cell may not be changed (without a record of the '
        "export the sheet is checked against the current data)",
    ),
    "v1-last-year": NP_(
        "v1-last-year",
        'last year\'s value may not be changed here: should be "%(was)s" (as in annual/%(year)s.yaml), now '
        '"%(now)s"; correct the %(year)s report itself',
    ),
    # reading cells
    "formula-no-value": NP_(
        "formula-no-value",
        "a formula without a computed value: open and save the file in Excel or WPS, or type the content",
    ),
    "unknown-indicator-row": NP_(
        "unknown-indicator-row", "row %(row)s: the indicator %(name)r (%(id)s) is no longer in the indicator system"
    ),
    "note-without-value": NP_(
        "note-without-value", "a note without a value (write %(not_available)s when there is no figure)"
    ),
    "sheet-blank": NP_("sheet-blank", "the sheet is blank (no date, values or highlights); nothing written"),
    "sheet-no-date": NP_("sheet-no-date", "the submission date is empty"),
    # warnings in the import's output
    "stored-as-shown": NP_(
        "stored-as-shown", "note: %(ref)s %(label)s: raw value %(raw)s stored as shown (%(format)s): %(stored)s"
    ),
    "fraction-percent": NP_(
        "fraction-percent",
        "please check: %(ref)s %(label)s: %(value)s was given; did you mean %(percent)s %%? Percentages are "
        "written in percent units",
    ),
    # the outcome
    "import-check-failed": NP_(
        "import-check-failed",
        "the check fails: the written file has %(count)s problem(s) (above) that the strict check refuses; "
        "fix the sheet and import again with --force, or edit the file",
    ),
    "force-removed-note": NP_("force-removed-note", "  %(label)s: note removed as the sheet says: %(note)r"),
    "force-kept": NP_("force-kept", "left empty in the sheet, kept from the file: %(items)s"),
    # --- issue 11, branch i11-images: images (load.py, case images in rules.py), scaffolds, Excel formats ---
    # images
    "image-too-large": NP_(
        "image-too-large",
        "image images/%(name)s is %(size)s MB (%(bytes)s bytes), over the limit of %(limit)s MB; compress or "
        "scale it down",
    ),
    "image-too-large-hint": NP_(
        "image-too-large-hint",
        "1200 pixels wide is enough for a web page; a photo saved as JPEG or WebP is usually far below %(limit)s MB.",
    ),
    "image-format": NP_(
        "image-format",
        "image images/%(name)s is %(format)s, which the site does not take; save it as PNG, JPEG or WebP "
        "(%(suffixes_en)s)",
    ),
    "image-not-image": NP_(
        "image-not-image",
        "images/%(name)s is not an image the site takes: images/ holds PNG, JPEG or WebP only (%(suffixes_en)s)",
    ),
    "image-not-image-hint": NP_(
        "image-not-image-hint",
        "keep documents and other files out of images/; if it is an image, save it as JPEG or PNG.",
    ),
    "image-rename-jpeg": NP_(
        "image-rename-jpeg",
        "image images/%(name)s: the site does not take the suffix %(suffix)s; it is a JPEG, rename it to .jpg",
    ),
    "image-format-hint": NP_(
        "image-format-hint",
        "save or export it as JPEG (photos) or PNG (screenshots, diagrams); then give the case's images file "
        "the new name.",
    ),
    "image-format-hint-svg": NP_(
        "image-format-hint-svg",
        "an SVG can carry script, so the site does not take it; export it as PNG and give the case the new name.",
    ),
    "image-format-hint-heic": NP_(
        "image-format-hint-heic",
        "iPhones save photos as HEIC: choose Settings > Camera > Formats > Most Compatible, or save it as JPEG.",
    ),
    "image-rename-hint": NP_(
        "image-rename-hint", "only the suffix changes; give the case's images file the new name too."
    ),
    "image-unused": NP_("image-unused", "image images/%(name)s is used by no case and is not published"),
    "image-unused-hint": NP_(
        "image-unused-hint",
        "to show it, add file: %(name)s and alt: to a case's images; an image no case uses can be deleted.",
    ),
    "image-invalid-name": NP_("image-invalid-name", 'invalid image file name "%(name)s"'),
    "image-path-hint": NP_(
        "image-path-hint", "the file name only, no path (images are in the zone's images/ folder): file: %(name)s"
    ),
    "image-invalid-name-hint": NP_(
        "image-invalid-name-hint", "the file name only (letters, digits, -, _, .), no path."
    ),
    "image-missing": NP_("image-missing", "image images/%(name)s not found"),
    "image-missing-hint": NP_("image-missing-hint", "put the image into the zone's images/ folder."),
    "image-missing-same-stem": NP_(
        "image-missing-same-stem", "images/ has %(actual)s (another suffix); did you mean it?"
    ),
    "image-name-differs": NP_(
        "image-name-differs",
        "image images/%(name)s not found: images/ has %(actual)s, whose name differs only in %(how_en)s",
    ),
    "image-name-differs-hint": NP_("image-name-differs-hint", "write file: %(actual)s, exactly the file's name."),
    "image-how-case": NP_("image-how-case", "upper and lower case"),
    "image-how-width": NP_("image-how-width", "full-width and half-width characters"),
    "image-how-both": NP_("image-how-both", "case and full-width characters"),
    "image-name-clash": NP_(
        "image-name-clash",
        "images/%(name)s and images/%(other)s differ only in case: Windows and macOS take them for one file",
    ),
    "image-name-clash-hint": NP_(
        "image-name-clash-hint", "delete or rename one of them and give the case the new name."
    ),
    # scaffolds: what new-zone says after writing the file
    "new-zone-written": NP_(
        "new-zone-written",
        "replace each %(placeholder)s and fill in the empty fields (check lists every one still to write)",
    ),
    # Excel number formats that show another number than the cell holds (generator/editors/cell_values.py)
    "format-scaled": NP_(
        "format-scaled",
        'the number format "%(format)s" shows the value divided by %(factor)s (each trailing comma divides by '
        "1000): the cell shows %(shown)s but holds %(raw)s; which one is in %(unit)s cannot be told, not "
        "imported. Set the cell to General or Number and check that it shows the figure in %(unit)s",
    ),
    "format-fraction": NP_(
        "format-fraction",
        'the number format "%(format)s" shows the value as a fraction; it holds %(raw)s, which cannot be '
        "stored as shown. Set the cell to Number with the decimals you mean, or type the number",
    ),
    "format-scientific": NP_(
        "format-scientific",
        'the number format "%(format)s" shows %(shown)s in scientific notation but the cell holds %(raw)s; '
        "not imported. Set the cell to General or Number and check the figure it shows",
    ),
    # an empty required field (validation): fill it in; only an optional field may be deleted
    "hint-fill-required": NP_("hint-fill-required", "write a value after the colon; the field is required"),
    # --- coded fields (validation, issue 11): hints for a wrong code; {codes} is a list of "code（中文名）" ---
    "code-item": NP_("code-item", "%(code)s (%(name)s)"),
    "code-write": NP_("code-write", "write the code %(codes)s"),
    "code-or": NP_("code-or", " or "),
    "code-options": NP_("code-options", "allowed: %(codes)s"),
    "code-close": NP_("code-close", "close codes: %(codes)s; all %(count)s codes are in %(where)s"),
    "code-all-in": NP_("code-all-in", "all %(count)s codes are in %(where)s"),
    "code-empty": NP_("code-empty", "empty: a code is expected"),
    "code-where-indicators": NP_("code-where-indicators", "indicator_system.yaml and the zone's indicators.yaml"),
    # --- the loader (issue 11): what the text of a file hides, and where a YAML error is ---------------
    "load-item-merged": NP_(
        "load-item-merged", "indented differently from the item on line %(first)s: “%(item)s” was merged into that item"
    ),
    "load-item-merged-fix": NP_(
        "load-item-merged-fix",
        "align every '- ' of the list: start this line with %(spaces)s spaces, as line %(first)s",
    ),
    "load-line-merged": NP_(
        "load-line-merged",
        "this line starts with “%(marker)s” but was joined to the text of %(field)s on line %(first)s",
    ),
    "load-line-merged-fix": NP_(
        "load-line-merged-fix",
        "to write a list, make line %(first)s '%(field)s: |' and start each item with '- ' on its own line; "
        "else align this line",
    ),
    "load-line-merged-fix-folded": NP_(
        "load-line-merged-fix-folded",
        "to write a list, change the > on line %(first)s to | and start each item with '- ' on its own line; "
        "else align this line",
    ),
    "load-key-merged": NP_(
        "load-key-merged",
        "%(field)s: is indented further than its sibling fields and became part of the text of %(parent)s "
        "(line %(first)s)",
    ),
    "load-key-merged-fix": NP_(
        "load-key-merged-fix",
        "move this line (and the lines of %(field)s) left so that %(field)s: aligns with %(parent)s: on line "
        "%(first)s (%(spaces)s spaces)",
    ),
    # invisible characters: {effect} is one of the texts below, {name} the character's name
    "load-invisible": NP_("load-invisible", "column %(column)s: a %(name_en)s (U+%(code)s)%(effect_en)s%(more_en)s"),
    "load-name-ideographic-space": NP_("load-name-ideographic-space", "full-width (ideographic) space"),
    "load-name-tab": NP_("load-name-tab", "tab"),
    "load-invisible-more": NP_("load-invisible-more", " (%(count)s invisible characters on this line)"),
    "load-invisible-indent": NP_(
        "load-invisible-indent", ": YAML does not read it as a space, the line's level is misread"
    ),
    "load-invisible-key": NP_("load-invisible-key", ": it is next to the key %(field)s, the field is misread"),
    "load-invisible-value": NP_("load-invisible-value", ": invisible, yet it changes the value %(value)s"),
    "load-invisible-text": NP_("load-invisible-text", ": readers cannot see it, yet it stays on the page"),
    "load-invisible-break": NP_(
        "load-invisible-break", ": YAML reads it as a line break, so the text and the line numbers after it are misread"
    ),
    "load-invisible-fix-break": NP_("load-invisible-fix-break", "delete it; press Enter where a new line is meant"),
    "load-invisible-fix-space": NP_(
        "load-invisible-fix-space", "delete it and type an ordinary space if one is needed"
    ),
    "load-invisible-fix-indent": NP_(
        "load-invisible-fix-indent", "delete the line's leading blanks and indent with ordinary spaces"
    ),
    "load-invisible-fix-delete": NP_(
        "load-invisible-fix-delete", "delete it (it is invisible: delete the characters around it and type them again)"
    ),
    # where a YAML error is: the line to change and what to write there
    "load-unclosed-quote": NP_(
        "load-unclosed-quote",
        "YAML syntax: the quote %(quote)s opened here is not closed; everything up to line %(until)s was read "
        "as its text",
    ),
    "load-unclosed-quote-fix": NP_(
        "load-unclosed-quote-fix", "close the quote at the end of the text, or delete the opening one"
    ),
    "load-unclosed-bracket": NP_("load-unclosed-bracket", "YAML syntax: a [ or { opened here is not closed"),
    "load-unclosed-bracket-fix": NP_(
        "load-unclosed-bracket-fix", "close it with ] (or }); separate the items with commas"
    ),
    "load-missing-space": NP_("load-missing-space", "YAML syntax: no space after the colon of %(field)s:"),
    "load-missing-space-fix": NP_("load-missing-space-fix", "add a space after the colon: %(field)s: %(value)s"),
    "load-missing-colon": NP_("load-missing-colon", "YAML syntax: this line has no key: value colon"),
    "load-missing-colon-fix": NP_(
        "load-missing-colon-fix",
        "write key: value (a colon and a space); if the line continues the text above, join it to that line",
    ),
    "load-list-misaligned": NP_("load-list-misaligned", "YAML syntax: this '- ' is not aligned with the other items"),
    "load-list-misaligned-fix": NP_(
        "load-list-misaligned-fix", "align every '- ' of a list: start this line with%(choices)s"
    ),
    "load-key-misaligned": NP_(
        "load-key-misaligned", "YAML syntax: this line is indented differently from its sibling fields"
    ),
    "load-key-misaligned-fix": NP_(
        "load-key-misaligned-fix", "align the fields of one level: start this line with%(choices)s"
    ),
    "load-indent-choice": NP_("load-indent-choice", " %(spaces)s spaces (as line %(line)s)"),
    "load-comment-cut": NP_(
        "load-comment-cut",
        "YAML syntax: this line reads like the rest of the comment above (cut in two) but does not start with #",
    ),
    "load-comment-cut-fix": NP_("load-comment-cut-fix", "start this line with '# ', or join it to the line above"),
    "load-stray-colon": NP_(
        "load-stray-colon",
        "YAML syntax: a colon followed by a space or the end of the line inside text reads as a key's colon",
    ),
    "load-stray-colon-fix": NP_(
        "load-stray-colon-fix", "use the Chinese colon %(fullwidth_colon)s in text, or quote the whole value"
    ),
    # --- issue 12, branch i12-links: links and images in editors' Markdown (generator/data/links.py) ---
    "link-scheme": NP_(
        "link-scheme", 'link target "%(target)s" not allowed: only https://, http://, mailto: and relative paths'
    ),
    "link-absolute": NP_(
        "link-absolute",
        'link target "%(target)s" starts with "/": "//" leads to another host, "/" breaks under a sub-path',
    ),
    "link-hidden": NP_(
        "link-hidden", 'link target "%(target)s" holds whitespace, a control character or a backslash, or is incomplete'
    ),
    "link-hint": NP_("link-hint", "write a full https:// address, a relative path such as ../cases/slug/, or mailto:"),
    "link-image": NP_(
        "link-image",
        'no image in text (address "%(target)s"): the site loads nothing from elsewhere and publishes no '
        "image from text",
    ),
    "link-image-hint": NP_(
        "link-image-hint",
        "remove the image; put it into the zone's images/ folder and list it under a case's images (file, alt)",
    ),
    # --- issue 12, branch i12-gate: characters no page, feed or workbook may hold; names the site uses ---
    "char-noncharacter": NP_(
        "char-noncharacter", "contains the Unicode noncharacter %(code)s, which no page, feed or workbook may hold"
    ),
    "char-surrogate": NP_(
        "char-surrogate", "contains the lone surrogate %(code)s, which is not text and cannot be written as UTF-8"
    ),
    "char-hint": NP_(
        "char-hint", "delete the character (character %(at)s); do not write it as a \\u escape in double quotes either"
    ),
    "char-control": NP_("char-control", "contains the control character %(code)s (character %(at)s)"),
    "char-control-hint": NP_(
        "char-control-hint",
        "delete the character (usually pasted from another program); line breaks are the only control allowed",
    ),
    "name-generated": NP_(
        "name-generated",
        '%(what_en)s "%(name)s" collides with %(path)s (%(page_en)s), which the site generates: one would '
        "overwrite the other",
    ),
    "name-windows": NP_(
        "name-windows",
        '%(what_en)s "%(name)s" is a name Windows reserves (%(stem)s): it cannot be checked out or saved there',
    ),
    "name-hint": NP_("name-hint", "choose another name, e.g. %(example)s"),
    "number-too-large": NP_(
        "number-too-large",
        "%(id)s: the value has %(digits)s digits before the decimal point (%(shown)s), over the limit of %(limit)s",
    ),
    "number-too-large-hint": NP_(
        "number-too-large-hint", "check the unit and for extra digits; the indicator is in %(unit)s"
    ),
    "what-zone": NP_("what-zone", "zone folder name"),
    "what-case": NP_("what-case", "case file name"),
    "what-image": NP_("what-image", "image file name"),
    "what-indicator": NP_("what-indicator", "indicator id"),
    "page-cases": NP_("page-cases", "the case library"),
    "page-indicators": NP_("page-indicators", "the indicator list"),
    # --- issue 12, i12-linear: length and size limits (types.py, models.py); {kind} is one of text-kind-* ---
    "text-too-long": NP_("text-too-long", "%(length)s characters, over the limit of %(limit)s for %(kind_en)s"),
    "text-kind-name": NP_("text-kind-name", "one line (a name, a title)"),
    "text-kind-paragraph": NP_(
        "text-kind-paragraph", "a paragraph (a note, a highlight, a summary, a qualitative value)"
    ),
    "text-kind-section": NP_("text-kind-section", "a section of a plan or a case"),
    "text-kind-url": NP_("text-kind-url", "an address"),
    "text-kind-number": NP_("text-kind-number", "a number"),
    "text-too-long-hint-name": NP_("text-too-long-hint-name", "shorten it to %(limit)s characters: one line, the gist"),
    "text-too-long-hint-paragraph": NP_(
        "text-too-long-hint-paragraph",
        "shorten it to %(limit)s characters (about a paragraph); split a long highlight into several",
    ),
    "text-too-long-hint-section": NP_(
        "text-too-long-hint-section",
        "shorten it to %(limit)s characters (about three A4 pages): the gist here, the full text linked",
    ),
    "text-too-long-hint-url": NP_("text-too-long-hint-url", "use a shorter address of the page (at most %(limit)s)"),
    "text-too-long-hint-number": NP_(
        "text-too-long-hint-number",
        "a number has at most %(limit)s characters: check for extra digits, or use a larger unit",
    ),
    "too-many-items": NP_("too-many-items", "%(count)s items, over the limit of %(limit)s"),
    "too-many-items-hint": NP_("too-many-items-hint", "merge or drop items to keep at most %(limit)s"),
}


# The invisible characters the loader names (issue 11), by character: what an editor pasted from Word, WeChat
# or a web page. Each is reported with its line and column, never removed silently.
@dataclass(frozen=True)
class Named:
    """A name in the catalogue: `zh` in the locale's words, `en` in English."""

    marked: tuple[str, str]  # NP_(context, English)

    @property
    def zh(self) -> str:
        return pgettext(*self.marked)

    @property
    def en(self) -> str:
        return self.marked[1]


INVISIBLE_CHARACTERS: dict[str, Named] = {
    "\u00a0": Named(NP_("invisible character", "no-break space")),
    "\u1680": Named(NP_("invisible character", "Ogham space mark")),
    **{chr(c): Named(NP_("invisible character", "fixed-width space")) for c in range(0x2000, 0x200B)},
    "\u202f": Named(NP_("invisible character", "narrow no-break space")),
    "\u205f": Named(NP_("invisible character", "medium mathematical space")),
    "\u200b": Named(NP_("invisible character", "zero-width space")),
    "\u200c": Named(NP_("invisible character", "zero-width non-joiner")),
    "\u200d": Named(NP_("invisible character", "zero-width joiner")),
    "\u2060": Named(NP_("invisible character", "word joiner")),
    "\ufeff": Named(NP_("invisible character", "byte-order mark")),
    "\u00ad": Named(NP_("invisible character", "soft hyphen")),
    "\u180e": Named(NP_("invisible character", "Mongolian vowel separator")),
    **{chr(c): Named(NP_("invisible character", "invisible mathematical operator")) for c in range(0x2061, 0x2065)},
    "\u200e": Named(NP_("invisible character", "left-to-right mark")),
    "\u200f": Named(NP_("invisible character", "right-to-left mark")),
    "\u061c": Named(NP_("invisible character", "Arabic letter mark")),
    **{chr(c): Named(NP_("invisible character", "bidirectional control")) for c in range(0x202A, 0x202F)},
    **{chr(c): Named(NP_("invisible character", "bidirectional isolate")) for c in range(0x2066, 0x206A)},
    # line breaks to YAML, not to the editor's eyes: the text and the line numbers after them are misread
    "\u2028": Named(NP_("invisible character", "line separator")),
    "\u2029": Named(NP_("invisible character", "paragraph separator")),
    "\u0085": Named(NP_("invisible character", "next line (NEL)")),
}


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
    "name-has-status": NP_("name-has-status", "the name holds the status word %(quoted)s"),
    "name-has-status-hint": NP_(
        "name-has-status-hint",
        "The status comes from the lifecycle events and the site shows it beside the name: remove %(word)s "
        "from the name.",
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
    # system.py (s20: misc, issue 14)
    "policy-url-unset": NP_(
        "policy-url-unset", "no address is given for the text of %(title)s: the site names it without a link"
    ),
    "policy-url-unset-hint": NP_(
        "policy-url-unset-hint",
        "Once the guideline is officially published, write policy_url: the address of its text on a government "
        "site (never a guessed or invented address).",
    ),
    # site.py (issue 15)
    "footer-placeholder": NP_("footer-placeholder", "the footer still shows placeholders for %(items)s"),
    "footer-placeholder-filings": NP_("footer-placeholder-filings", "the filing numbers"),
    "footer-placeholder-badge": NP_("footer-placeholder-badge", "the Party and government website badge"),
    "footer-placeholder-questions": NP_("footer-placeholder-questions", "the question channel"),
}

LOAD_TEXTS: dict[str, tuple[str, str]] = {  # the loader and the models' check (load.py, validate.py): load.po
    # --- reading a file (load.py) ---
    "unexpected-file-unreadable": NP_("unexpected-file-unreadable", "cannot read: %(reason)s"),
    "file-too-large-bytes": NP_("file-too-large-bytes", "%(size)s bytes, over the limit of %(limit)s"),
    "not-utf8-gbk": NP_("not-utf8-gbk", "not UTF-8; it looks like GBK/GB18030"),
    "not-utf8-other": NP_("not-utf8-other", "not UTF-8"),
    "not-utf8-hint": NP_(
        "not-utf8-hint", "open the file in Notepad or VS Code, choose “Save as” and set the encoding to UTF-8"
    ),
    "not-utf8-nul": NP_("not-utf8-nul", "contains NUL characters: UTF-16 or a binary file?"),
    "not-utf8-nul-hint": NP_("not-utf8-nul-hint", "save it again as plain text in UTF-8"),
    "fullwidth-colon-key": NP_("fullwidth-colon-key", "full-width colon after key %(name)s"),
    "fullwidth-colon-hint": NP_(
        "fullwidth-colon-hint", "replace the full-width colon with a half-width colon and a space “: ”"
    ),
    # --- what the YAML reader refuses (load.py) ---
    "yaml-syntax-reader": NP_("yaml-syntax-reader", "YAML: %(error)s"),
    "yaml-syntax-two-documents": NP_("yaml-syntax-two-documents", "only one YAML document per file"),
    "yaml-syntax-two-documents-hint": NP_("yaml-syntax-two-documents-hint", "delete the extra --- line"),
    "yaml-alias-alias": NP_("yaml-alias-alias", "alias *%(name)s not allowed"),
    "yaml-alias-alias-hint": NP_(
        "yaml-alias-alias-hint",
        "write out what the alias refers to; if * is part of the text, put the whole value in quotes",
    ),
    "yaml-alias-anchor": NP_("yaml-alias-anchor", "anchor &%(name)s not allowed"),
    "yaml-alias-anchor-hint": NP_(
        "yaml-alias-anchor-hint", "delete the &anchor; if & is part of the text, put the whole value in quotes"
    ),
    "yaml-tag-tag": NP_("yaml-tag-tag", "tag %(tag)s not allowed"),
    "yaml-tag-tag-hint": NP_(
        "yaml-tag-tag-hint",
        "delete the tag that starts with !; if ! is part of the text, put the whole value in quotes",
    ),
    "yaml-syntax-key-not-text": NP_("yaml-syntax-key-not-text", "a key must be plain text"),
    "yaml-syntax-key-not-text-hint": NP_(
        "yaml-syntax-key-not-text-hint", "check the indentation and the colons: one key per line, followed by “: ”"
    ),
    "duplicate-key-first": NP_("duplicate-key-first", "duplicate key %(name)s (first on line %(first)s)"),
    "duplicate-key-first-hint": NP_(
        "duplicate-key-first-hint", "write a key only once: delete one of them or merge them"
    ),
    "too-deep-levels": NP_("too-deep-levels", "nested deeper than %(limit)s levels"),
    "too-deep-levels-hint": NP_("too-deep-levels-hint", "check the indentation"),
    "load-indent-choices-or": NP_("load-indent-choices-or", ", or "),
    # --- a YAML syntax error: pyyaml's problem explained (load.py, _YAML_HINTS) ---
    "yaml-syntax-explained": NP_("yaml-syntax-explained", "YAML syntax: %(problem)s"),
    "yaml-syntax-unexplained": NP_("yaml-syntax-unexplained", "YAML syntax: %(problem)s"),
    "yaml-syntax-unexplained-hint": NP_(
        "yaml-syntax-unexplained-hint",
        "check this line and the one above: a space after each colon, indentation with half-width spaces only, quotes in pairs",
    ),
    "yaml-syntax-colon-here": NP_("yaml-syntax-colon-here", "a colon and a space cannot be here"),
    "yaml-syntax-colon-here-hint": NP_(
        "yaml-syntax-colon-here-hint",
        "if the value itself holds “: ”, put the whole value in straight quotes; otherwise check the indentation of the line above",
    ),
    "yaml-syntax-no-colon": NP_("yaml-syntax-no-colon", "colon missing"),
    "yaml-syntax-no-colon-hint": NP_(
        "yaml-syntax-no-colon-hint",
        "write a half-width colon and a space “: ” after a key; write text of several lines as a block starting with |",
    ),
    "yaml-syntax-indent-or-key": NP_("yaml-syntax-indent-or-key", "inconsistent indentation or a key missing"),
    "yaml-syntax-align-keys-hint": NP_(
        "yaml-syntax-align-keys-hint", "align the keys of one level, and indent with half-width spaces only"
    ),
    "yaml-syntax-list-indent": NP_("yaml-syntax-list-indent", "inconsistent indentation of a list"),
    "yaml-syntax-list-indent-hint": NP_("yaml-syntax-list-indent-hint", "align the “- ” of the items of one list"),
    "yaml-syntax-end": NP_("yaml-syntax-end", "the file ends too soon (quotes not in pairs?)"),
    "yaml-syntax-end-hint": NP_("yaml-syntax-end-hint", "check that the quotes are in pairs"),
    "yaml-syntax-tab": NP_("yaml-syntax-tab", "contains a tab"),
    "yaml-syntax-tab-hint": NP_("yaml-syntax-tab-hint", "indent with half-width spaces only"),
    "yaml-syntax-escape": NP_("yaml-syntax-escape", "a backslash escape in double quotes that is not known"),
    "yaml-syntax-escape-hint": NP_(
        "yaml-syntax-escape-hint", "use single quotes instead of double quotes, or write two backslashes"
    ),
    "yaml-syntax-indent": NP_("yaml-syntax-indent", "inconsistent indentation"),
    "yaml-syntax-symbol": NP_("yaml-syntax-symbol", "contains a symbol that is not understood"),
    "yaml-syntax-symbol-hint": NP_(
        "yaml-syntax-symbol-hint",
        "if the value starts with a symbol such as * & ! %% @ `, put the whole value in quotes",
    ),
    "yaml-syntax-reserved": NP_("yaml-syntax-reserved", "the value starts with a reserved symbol"),
    "yaml-syntax-reserved-hint": NP_(
        "yaml-syntax-reserved-hint", "if the value starts with @ or `, put the whole value in quotes"
    ),
    # --- the data folder's files (load.py) ---
    "unexpected-file-no-folder": NP_("unexpected-file-no-folder", "data folder not found"),
    "unexpected-file-no-place": NP_("unexpected-file-no-place", "file is in no known place"),
    "unexpected-file-no-place-hint": NP_(
        "unexpected-file-no-place-hint",
        "the data files are site.yaml, indicator_system.yaml, the reference lists in reference/ and the zones' files in zones/",
    ),
    "unexpected-file-in-zone": NP_("unexpected-file-in-zone", "unexpected file in a zone folder"),
    "unexpected-file-in-zone-hint": NP_(
        "unexpected-file-in-zone-hint",
        "a zone folder holds only zone.yaml, indicators.yaml, annual/<year>.yaml, cases/<id>.yaml and the images in images/ (the suffix .yaml in lower case)",
    ),
    "load-list-separator": NP_("load-list-separator", ", "),
    # --- the models' check (validate.py): missing files, pydantic's errors (_PY_ERRORS) ---
    "missing-field-no-file": NP_("missing-field-no-file", "file %(name)s is missing"),
    "missing-field-no-file-hint": NP_("missing-field-no-file-hint", "copy the file from the sample data and change it"),
    "missing-field-no-zone-file": NP_("missing-field-no-zone-file", "zone folder has no zone.yaml"),
    "missing-field-no-zone-file-hint": NP_("missing-field-no-zone-file-hint", "every zone folder needs a zone.yaml"),
    "missing-field-empty-file": NP_("missing-field-empty-file", "file is empty"),
    "missing-field-empty-file-hint": NP_(
        "missing-field-empty-file-hint", "copy a file of the same kind from the sample data and change it"
    ),
    "missing-field-required": NP_("missing-field-required", "required field %(name)s missing"),
    "missing-field-required-hint": NP_("missing-field-required-hint", "add “%(name)s: …”"),
    "unknown-field-named": NP_("unknown-field-named", "unknown field %(name)s"),
    "unknown-field-did-you-mean": NP_("unknown-field-did-you-mean", "did you mean %(name)s?"),
    "unknown-field-allowed": NP_("unknown-field-allowed", "allowed fields: %(names)s"),
    "invalid-value-not-allowed": NP_("invalid-value-not-allowed", "value %(value)r not allowed"),
    "invalid-value-report-submitted-hint": NP_(
        "invalid-value-report-submitted-hint",
        "the date an annual report was submitted is written in the submitted field of annual/<year>.yaml; the site makes the event itself",
    ),
    "missing-field-event-kind": NP_("missing-field-event-kind", "event kind missing"),
    "missing-field-event-kind-hint": NP_(
        "missing-field-event-kind-hint", "every event needs a kind, e.g. kind: approved"
    ),
    "wrong-type-mapping": NP_("wrong-type-mapping", "expected a mapping"),
    "wrong-type-mapping-hint": NP_(
        "wrong-type-mapping-hint", "check the indentation: the next level is indented two spaces more than its field"
    ),
    "wrong-type-attributes-hint": NP_("wrong-type-attributes-hint", "check the indentation"),
    "wrong-type-list": NP_("wrong-type-list", "expected a list"),
    "wrong-type-list-hint": NP_("wrong-type-list-hint", "each item on a line of its own, starting with “- ”"),
    "wrong-type-integer": NP_("wrong-type-integer", "expected an integer"),
    "wrong-type-integer-hint": NP_("wrong-type-integer-hint", "write half-width digits only"),
    "wrong-type-text": NP_("wrong-type-text", "expected text"),
    "missing-field-too-short": NP_("missing-field-too-short", "needs at least one item"),
    "missing-field-too-short-hint": NP_("missing-field-too-short-hint", "add at least one item"),
    "invalid-value-too-small": NP_("invalid-value-too-small", "value too small"),
    "invalid-value-too-large": NP_("invalid-value-too-large", "value too large"),
    "wrong-type-unexplained": NP_("wrong-type-unexplained", "%(message)s"),
}


def editor_text(key: str, **fields: object) -> tuple[str, str]:
    """The text for `key` in the locale's words and in English, its fields filled in, from the catalogue
    (`NP_(key, "…")`); the input words a text names are filled in from vocabulary.py."""
    context, message = RULES_TEXTS.get(key) or LOAD_TEXTS.get(key) or EDITOR_TEXTS[key]
    fields = _INPUT_WORDS | fields
    return pgettext(context, message, **fields), message % fields
