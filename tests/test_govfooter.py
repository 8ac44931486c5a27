"""The government-site footer from site.yaml (issue 15): the 党政机关网站标识 (image and link as issued, or a neutral
placeholder flagged like the filings), the 公安备案 number linked to its national system, the question channel;
the new fields validated with the file, line and field named; `check` notices what is still a placeholder."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from conftest import MINI, SAMPLE, replace_once, run_check

MPS = "https://beian.mps.gov.cn/#/query/webSearch?code="


def _site(data: Path) -> dict:
    return yaml.safe_load((data / "site.yaml").read_text(encoding="utf-8"))


def _line_of(data: Path, start: str) -> int:
    lines = (data / "site.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def test_the_police_filing_number_has_its_format(data_copy: Path) -> None:
    police = _site(data_copy)["police_filing"]
    replace_once(data_copy / "site.yaml", f"police_filing: {police}", "police_filing: 桂公网安备 4501030200号")
    code, lines = run_check(data_copy)
    line = _line_of(data_copy, "police_filing:")
    assert code == 1
    [found] = [x for x in lines if x.startswith(f"data/site.yaml:{line}: police_filing [wrong-type] ")]
    assert "桂公网安备" in found and "14 位数字" in found and "“桂公网安备 4501030200号”" in found


def test_the_new_addresses_are_web_addresses(data_copy: Path) -> None:
    site = _site(data_copy)
    site["gov_badge"] = {"image": "ftp://example.org/b.png", "link": "javascript:alert(1)"}
    site["question_channel"] = "mailto:x@example.org"
    text = yaml.safe_dump(site, allow_unicode=True, sort_keys=False)
    (data_copy / "site.yaml").write_text(text, encoding="utf-8")
    code, lines = run_check(data_copy)
    assert code == 1
    for field, start in (("gov_badge.image", "  image:"), ("gov_badge.link", "  link:"),
                         ("question_channel", "question_channel:")):  # fmt: skip
        line = _line_of(data_copy, start)
        [found] = [x for x in lines if x.startswith(f"data/site.yaml:{line}: {field} [wrong-type] ")]
        assert "http:// 或 https://" in found


def test_a_badge_needs_both_its_image_and_its_link(data_copy: Path) -> None:
    text = (data_copy / "site.yaml").read_text(encoding="utf-8")
    assert "  link: " in text, "the mini site.yaml sets the badge"
    (data_copy / "site.yaml").write_text(re.sub(r"\n  link: .*", "", text), encoding="utf-8")
    code, lines = run_check(data_copy)
    assert code == 1 and any(" gov_badge.link [missing-field] " in x for x in lines), lines


def test_check_notices_each_placeholder_of_the_footer() -> None:
    code, lines = run_check(SAMPLE, "--strict")
    assert code == 0  # a notice: the sample may be published as the sample it is
    site = _site(SAMPLE)
    assert site["placeholder_filings"] is True and "gov_badge" not in site and "question_channel" not in site
    [found] = [x for x in lines if "[footer-placeholder]" in x]
    assert found.startswith("zones_data/site.yaml:") and "(提示/notice)" in found
    for words in ("备案号", "党政机关网站标识", "留言咨询"):
        assert words in found
    assert not [x for x in run_check(MINI, "--strict")[1] if "[footer-placeholder]" in x]


def _footer(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index('<div class="md-copyright gov-footer">') :]


def test_the_footer_links_the_badge_the_police_filing_and_the_question_channel(mini_site: Path) -> None:
    site = _site(MINI)
    digits = re.sub(r"\D", "", site["police_filing"])
    assert len(digits) == 14
    for page in (mini_site / "index.html", mini_site / "zones" / "demo-zone" / "index.html"):
        footer = html.unescape(_footer(page))
        assert f'<a href="{MPS}{digits}" rel="noopener">{site["police_filing"]}</a>' in footer
        assert f'<a href="{site["gov_badge"]["link"]}" rel="noopener" class="gov-badge">' in footer
        assert f'<img src="{site["gov_badge"]["image"]}" alt="党政机关网站标识"' in footer
        assert f'<a href="{site["question_channel"]}" rel="noopener">留言咨询</a>' in footer
        assert "占位" not in footer


def test_until_issued_the_badge_is_a_neutral_placeholder_flagged_like_the_filings(sample_site: Path) -> None:
    footer = _footer(sample_site / "index.html")
    assert '<span class="gov-badge gov-badge-placeholder">党政机关网站标识（待开通）</span>' in footer
    assert "<img" not in footer and "conac" not in footer  # never a copy of the official emblem
    assert "本页脚中的备案号、党政机关网站标识、留言咨询入口和联系方式为占位内容。" in footer
    digits = re.sub(r"\D", "", _site(SAMPLE)["police_filing"])
    assert f'href="{MPS}{digits}"' in footer
