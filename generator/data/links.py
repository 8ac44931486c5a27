"""The one judge of a URL from the data, and the links and images of editors' Markdown as a browser gets them.

A link is judged on what markdown-it makes of the Markdown (the `href` it would write into the page, after
entities, backslash escapes, reference definitions anywhere in the text and autolinks), never on the
source text, and with the percent-encoding undone, so no spelling can hide a scheme. Allowed:

- `http://host…` and `https://host…`, `mailto:…`;
- relative links (no scheme, not starting with `/` or `\\`), so the site works under any sub-path;
- nothing else: no other scheme (`javascript:`, `tel:`, `ms-msdt:`, `file:`, `data:` …), no `//host`
  (another host, taken for a path by a naive check), no whitespace, control character or backslash
  near the scheme.

No image may come from editors' Markdown at all: a remote one would send every reader's browser to another
host (the site promises no foreign request), and the zone's own images are published with the cases that
show them (`images` of a case), not from text.

`check` refuses what this judge refuses (`types.py`), and the renderers apply it again (`markup.block`, the
news, the footer and the policy page), so a page, the PDF or the feed never carries what the check refuses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

# The one Markdown reader for editors' text, for the check and the pages alike. markdown-it's own link
# validation would drop a refused link silently (leaving it as text for the check to miss): here every link
# becomes a token, and `url_problem` decides.
MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)
MD.validateLink = lambda url: True  # type: ignore[method-assign]
_ALT = RendererHTML()  # an image's alternative text, as markdown-it's own renderer writes it

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB = re.compile(r"(?i:https?)://[^/\\?#@\s]")


def _decoded(url: str) -> str:
    """`url` with its percent-encoding undone, again and again (`%256A` → `%6A` → `j`)."""
    for _ in range(8):
        plain = unquote(url, errors="replace")
        if plain == url:
            break
        url = plain
    return url


def url_problem(url: str, *, web_only: bool = False) -> str | None:
    """None when a link may carry `url`, else why not: "hidden" (whitespace, a control character or a
    backslash where it could hide what the address is), "absolute" (starts with `/`: `//host` or a path that
    breaks under a sub-path), "scheme" (not http, https or mailto). `web_only`: http(s) only (site.yaml's
    addresses, an event's `url`)."""
    plain = _decoded(url)
    head = re.split(r"[/?#]", plain, maxsplit=1)[0]
    if "\\" in plain or any(unicodedata.category(c) in ("Cc", "Cf") for c in plain):
        return "hidden"
    if any(c.isspace() for c in head):
        return "hidden"
    scheme = _SCHEME.match(plain)
    if scheme is None:
        if web_only:
            return "scheme"
        return "absolute" if plain.startswith("/") else None
    name = scheme.group(1).lower()
    if name in ("http", "https"):
        return None if _WEB.match(plain) else "hidden"
    if name == "mailto" and not web_only and len(plain) > len("mailto:"):
        return None
    return "scheme"


def safe_href(url: str | None, *, web_only: bool = False) -> str:
    """`url` if a link may carry it, else "" (the renderers' side of the judge: a link without an address)."""
    if not url or url_problem(url, web_only=web_only) is not None:
        return ""
    return url


def shown_url(url: str) -> str:
    """A URL as an editor reads it in a message: percent-encoding undone, invisible characters named."""
    plain = _decoded(url)
    text = "".join(f"U+{ord(c):04X}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in plain)
    return text if len(text) <= 60 else text[:60] + "…"


def markdown_targets(text: str) -> Iterator[tuple[str, str]]:
    """Every link and image of editors' Markdown as ("link" | "image", address), in reading order."""
    for token in MD.parse(text):
        yield from _targets(token.children or [])


def _targets(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    for token in tokens:
        if token.type == "link_open":
            yield "link", str(token.attrGet("href") or "")
        elif token.type == "image":
            yield "image", str(token.attrGet("src") or "")
            yield from _targets(token.children or [])


def markdown_problem(text: str) -> tuple[str, str] | None:
    """The first link or image of editors' Markdown that may not reach a page: (why, address), where why is
    one of `url_problem`'s answers or "image"."""
    for kind, url in markdown_targets(text):
        if kind == "image":
            return "image", url
        why = url_problem(url)
        if why is not None:
            return why, url
    return None


def render_markdown(text: str) -> str:
    """Editors' Markdown as HTML, with every link the judge refuses reduced to its text and every image to
    its alternative text (defence in depth: the check refuses both before a build)."""
    env: dict[str, object] = {}
    tokens = MD.parse(text, env)
    for token in tokens:
        if token.children:
            token.children = _neutralised(token.children, env)
    return MD.renderer.render(tokens, MD.options, env)


def _neutralised(tokens: list[Token], env: dict[str, object]) -> list[Token]:
    out: list[Token] = []
    kept: list[bool] = []
    for token in tokens:
        if token.type == "link_open":
            kept.append(url_problem(str(token.attrGet("href") or "")) is None)
            if kept[-1]:
                out.append(token)
        elif token.type == "link_close":
            if kept.pop():
                out.append(token)
        elif token.type == "image":
            alt = _ALT.renderInlineAsText(token.children or [], MD.options, env)
            out.append(Token("text", "", 0, content=alt))
        else:
            out.append(token)
    return out
