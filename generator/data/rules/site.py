"""The site's own settings (site.yaml): what the footer of a government website still shows as a placeholder."""

from __future__ import annotations

from generator.data.messages import editor_text
from generator.data.rules.context import Context
from generator.data.rules.registry import rule


@rule("footer-placeholder")
def _notice_footer_placeholders(ctx: Context) -> None:
    """The filing numbers marked as placeholders, the Party and government website badge and the question
    channel not yet set (issue 15): the footer shows a placeholder for each, flagged, and the check says which,
    once, as a notice (the sample data is published as the sample it is)."""
    doc = ctx.folder.site
    if doc is None or ctx.part(doc) is not None:  # unreadable: its own problems say so
        return
    keys = [key for key, placeholder in (("footer-placeholder-filings", ctx.site.placeholder_filings),
                                         ("footer-placeholder-badge", ctx.site.gov_badge is None),
                                         ("footer-placeholder-questions", ctx.site.question_channel is None))
            if placeholder]  # fmt: skip
    if not keys:
        return
    items = [editor_text(key) for key in keys]
    zh = editor_text("footer-placeholder", items=editor_text("list-joiner")[0].join(i[0] for i in items))[0]
    en = editor_text("footer-placeholder", items=", ".join(i[1] for i in items))[1]
    key = ("placeholder_filings",) if ctx.site.placeholder_filings else ()
    ctx.report(doc, key, "footer-placeholder", zh, en)
