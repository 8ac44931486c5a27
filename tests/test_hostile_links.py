"""Links and images from the data are judged on what a browser would get, by the check and by the renderers
alike: only http(s), mailto and relative links reach a page, the PDF or the feed, and no image from text
(issue 12, item 2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import MINI
from generator.data.load import load_data
from generator.data.models import PublicNotice
from generator.data.types import Markdown, Url
from generator.data.validate import validate_data
from generator.site.markup import block

# What `check` says, by reason (the catalogue's texts, written out here so that a change is seen).
SCHEME = "链接地址“{}”不允许：网站只链接以 https://、http://、mailto: 开头的地址和站内相对路径"
ABSOLUTE = "链接地址“{}”以“/”开头：以“//”开头的地址指向别的网站，以“/”开头的地址在网站发布到子目录时找不到页面"
HIDDEN = "链接地址“{}”中含有空格、控制字符、反斜杠或写法不完整，看不出它指向哪里"
IMAGE = "正文中不能插入图片（地址“{}”）：网站不从别处加载图片，正文中的图片也不随网站发布"

# (Markdown, what the check says, the text the page shows instead of the link or image)
HOSTILE = [
    ("<tel:10086>", SCHEME.format("tel:10086"), "tel:10086"),
    ("<ms-msdt:/id?PCWDiagnostic>", SCHEME.format("ms-msdt:/id?PCWDiagnostic"), "ms-msdt:/id?PCWDiagnostic"),
    ("<file:///etc/passwd>", SCHEME.format("file:///etc/passwd"), "file:///etc/passwd"),
    ("[a](javascript:alert(1))", SCHEME.format("javascript:alert(1)"), "a"),
    ("[a](jav&#x61;script:alert(1))", SCHEME.format("javascript:alert(1)"), "a"),
    ("[a](&#x6A;&#x61;vascript&colon;alert(1))", SCHEME.format("javascript:alert(1)"), "a"),
    ("[a](%6Aavascript:alert(1))", SCHEME.format("javascript:alert(1)"), "a"),
    ("[a](%256Aavascript:alert(1))", SCHEME.format("javascript:alert(1)"), "a"),
    ("[a](<java\tscript:alert(1)>)", HIDDEN.format("javaU+0009script:alert(1)"), "a"),
    ("[a](ja&#10;vascript:alert(1))", HIDDEN.format("jaU+000Avascript:alert(1)"), "a"),
    ("[a](java\\script:alert(1))", HIDDEN.format("java\\script:alert(1)"), "a"),
    ("[a](https:evil.example)", HIDDEN.format("https:evil.example"), "a"),
    ("[a](\\\\\\\\evil.example/x)", HIDDEN.format("\\\\evil.example/x"), "a"),
    ("[a](//evil.example/x)", ABSOLUTE.format("//evil.example/x"), "a"),
    ("[a](&#x2F;&#x2F;evil.example/x)", ABSOLUTE.format("//evil.example/x"), "a"),
    ("[a](/etc/passwd)", ABSOLUTE.format("/etc/passwd"), "a"),
    ("- 列表\n\n  [r]: <tel:10086>\n\n[电话][r]", SCHEME.format("tel:10086"), "列表 电话"),
    (
        "\\[x]: y\n\n- [r]: data:image/png;base64,iVBORw0KGgo=\n\n![图][r]",
        IMAGE.format("data:image/png;base64,iVBORw0KGgo="),
        "[x]: y 图",
    ),
    ("![x](data:image/png;base64,iVBORw0KGgo=)", IMAGE.format("data:image/png;base64,iVBORw0KGgo="), "x"),
    ("![跟踪](https://tracker.example/p.png)", IMAGE.format("https://tracker.example/p.png"), "跟踪"),
    ("![图](//tracker.example/p.png)", IMAGE.format("//tracker.example/p.png"), "图"),
    ("![图](../images/demo.png)", IMAGE.format("../images/demo.png"), "图"),
]

# (Markdown, the addresses its links carry on the page)
SAFE = [
    ("[科技厅](https://kjt.gxzf.gov.cn/a?b=1#c)", ["https://kjt.gxzf.gov.cn/a?b=1#c"]),
    ("[信](mailto:kjt@example.cn)", ["mailto:kjt@example.cn"]),
    ("<https://example.com/x>", ["https://example.com/x"]),
    ("<kjt@example.cn>", ["mailto:kjt@example.cn"]),
    ("[案例](../cases/demo-case/)", ["../cases/demo-case/"]),
    ("[上](#top)", ["#top"]),
    ("[中](https://example.com/中文)", ["https://example.com/%E4%B8%AD%E6%96%87"]),
    ("[q](https://example.com/s?q=a%20b)", ["https://example.com/s?q=a%20b"]),
]


class _Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def shown(self) -> str:
        return " ".join("".join(self.text).split())


def _problem(text: str, kind: object = Markdown) -> tuple[str, str] | None:
    try:
        TypeAdapter(kind).validate_python(text)
    except ValidationError as error:
        first = error.errors()[0]
        return first["type"], (first.get("ctx") or {}).get("zh", "")
    return None


@pytest.mark.parametrize(("text", "said", "shown"), HOSTILE, ids=[h[0][:30] for h in HOSTILE])
def test_check_refuses_a_hostile_link_or_image_and_names_it(text: str, said: str, shown: str) -> None:
    assert _problem(text) == ("unsafe-link", said)


@pytest.mark.parametrize(("text", "said", "shown"), HOSTILE, ids=[h[0][:30] for h in HOSTILE])
def test_render_reduces_a_hostile_link_to_its_text_and_an_image_to_its_alt(text: str, said: str, shown: str) -> None:
    page = _Page(block(text))
    assert [tag for tag, _ in page.tags if tag in ("a", "img")] == []
    assert page.shown == shown


@pytest.mark.parametrize(("text", "hrefs"), SAFE, ids=[s[0][:30] for s in SAFE])
def test_http_mailto_and_relative_links_pass_the_check_and_reach_the_page(text: str, hrefs: list[str]) -> None:
    assert _problem(text) is None
    page = _Page(block(text))
    assert [attrs.get("href") for tag, attrs in page.tags if tag == "a"] == hrefs


def test_a_link_shown_as_code_is_text_not_a_link() -> None:
    """Judged on what markdown-it reads: inside a code span, `[x](javascript:…)` is text, shown as written."""
    text = "写法示例：`[x](javascript:alert(1))`"
    assert _problem(text) is None
    assert "<code>[x](javascript:alert(1))</code>" in block(text)


@pytest.mark.parametrize(
    "url",
    ["https:///evil.example/", "https://kjt.gxzf.gov.cn\\@evil.example/", "https://%2Fevil.example/",
     "http://\u200bexample.com/"],
)  # fmt: skip
def test_a_web_address_field_takes_http_and_https_to_a_host_only(url: str) -> None:
    assert _problem(url, Url) is not None
    assert _problem(url, Url)[0] == "wrong-type"  # type: ignore[index]


def test_a_web_address_field_takes_a_plain_address() -> None:
    assert _problem("https://kjt.gxzf.gov.cn/a?b=1", Url) is None


def _catalog():  # type: ignore[no-untyped-def]
    catalog, log = validate_data(load_data(MINI))
    assert catalog is not None, log.sorted()
    return catalog


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/", "tel:10086"])
def test_the_news_post_never_links_an_address_the_check_refuses(url: str) -> None:
    """Defence in depth: an event that skipped the check (built without validation) still gets no link."""
    from generator.site.news import _post

    catalog = _catalog()
    zone = next(iter(catalog.zones.values()))
    event = PublicNotice.model_construct(kind="public_notice", date=dt.date(2023, 5, 1), url=url, note=None)
    post = _post(catalog, zone, event, "x")
    assert "href" not in post.extra and url not in post.extra


def test_the_policy_page_never_links_an_address_the_check_refuses() -> None:
    from generator.analysis.stage import analyse
    from generator.site.common import Context, make_env
    from generator.site.policy_pages import make_policy_pages

    found = _catalog()
    catalog = dataclasses.replace(found, site=found.site.model_copy(update={"policy_url": "javascript:alert(1)"}))
    page = make_policy_pages(Context(catalog=catalog, analysis=analyse(catalog), env=make_env())).pages
    assert not re.search(r"href=\S*javascript", page["policy/index.md"])
