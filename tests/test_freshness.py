"""Freshness the quarterly checks can see (issue 15): every page dated by the last first-parent commit that
touched the files behind it (generator/site/freshness.py), read in the load stage from a throwaway repository
made here with fixed dates; the home page's latest update and latest news; one news post per data release
(a new as-of date) saying what changed, made with generator/diff.py, its data escaped. Without history the
pages fall back to the as-of date and say so; the reference builds (manifests, golden) use no history."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import MINI, REFERENCE_ENV, replace_once

GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]
ROOT = Path(__file__).resolve().parent.parent


def git(repo: Path, *args: str, when: str = "2024-01-01T00:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([*GIT, *args], cwd=repo, env=env, check=True, capture_output=True)


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, when=when)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini data and a hand-written page, in four first-parent commits (one a merge):
    1 2024-07-01 everything (as of 2024-06-30); 2 2024-08-02 a merged pull request that changes the zone's
    2023 report ; 3 2024-08-20 the about page; 4 2024-10-08 23:30 UTC (the 9th in
    China) the as-of date 2024-09-30 and a city's name that holds Markdown."""
    r = tmp_path_factory.mktemp("freshness") / "repo"
    shutil.copytree(MINI, r / "data")
    (r / "docs").mkdir()
    (r / "docs" / "about.md").write_text("# 关于\n", encoding="utf-8")
    git(r, "init", "-q", "-b", "main")
    commit(r, "first", "2024-07-01T09:00:00+08:00")
    git(r, "checkout", "-qb", "report")
    report = r / "data" / "zones" / "demo-zone" / "annual" / "2023.yaml"
    text = report.read_text(encoding="utf-8")
    assert "  agencies: 3" in text
    report.write_text(text.replace("  agencies: 3", "  agencies: 5", 1), encoding="utf-8")
    commit(r, "report <b>", "2024-07-15T00:00:00+08:00")
    git(r, "checkout", "-q", "main")
    git(r, "merge", "-q", "--no-ff", "-m", "Merge pull request #1", "report", when="2024-08-02T10:00:00+08:00")
    (r / "docs" / "about.md").write_text("# 关于本站\n", encoding="utf-8")
    commit(r, "about", "2024-08-20T10:00:00+08:00")
    replace_once(r / "data" / "site.yaml", "as_of: 2024-06-30", "as_of: 2024-09-30")
    cities = r / "data" / "reference" / "cities.yaml"
    name = yaml.safe_load(cities.read_text(encoding="utf-8"))[0]["name"]
    replace_once(cities, f"name: {name}", "name: '*南宁* [链接](x) `码` #1'")
    commit(r, "release", "2024-10-08T23:30:00+00:00")
    return r


def build(repo: Path, out: Path, history: bool = True) -> Any:
    from generator.build import build_site_sources
    from generator.options import Options

    options = Options(data=repo / "data", out=out, pdf=False, history=repo if history else None)
    result = build_site_sources(options)
    assert result.written is not None, [str(p) for p in result.log.problems]
    return result


def pages(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


@pytest.fixture(scope="module")
def built(repo: Path) -> tuple[Any, dict[str, str]]:
    result = build(repo, repo / "docs" / "generated")
    return result, pages(repo / "docs" / "generated")


def test_each_page_is_dated_by_the_last_commit_behind_it(built: tuple[Any, dict[str, str]]) -> None:
    from generator.site.freshness import Updated

    freshness = built[0].freshness
    assert freshness.page("zones/demo-zone/index.md") == Updated(dt.date(2024, 8, 2), True)  # the merge's date
    assert freshness.page("zones/demo-zone/2023.md") == Updated(dt.date(2024, 8, 2), True)
    assert freshness.page("cases/demo-case.md") == Updated(dt.date(2024, 8, 2), True)  # its zone's folder
    for page in ("index.md", "zones/index.md", "indicators/agencies.md"):
        assert page in freshness.generated, page
        assert freshness.page(page) == Updated(dt.date(2024, 10, 9), True), page  # all data: the 9th in China
    assert freshness.page("about.md") == Updated(dt.date(2024, 8, 20), True)
    assert freshness.page("news/index.md") == Updated(dt.date(2024, 10, 9), True)


def test_the_home_page_shows_the_latest_update_and_the_latest_news(built: tuple[Any, dict[str, str]]) -> None:
    home = built[1]["index.md"]
    assert "\n本站内容最近更新于 2024 年 10 月 9 日。\n" in home
    news = home[home.index('id="home-news"') :]
    first = news.index(
        "- 2024 年 9 月 30 日 [数据更新：截至 2024 年 9 月 30 日的数据](news/posts/data-release-2024-09-30.md)"
    )
    assert first < news.index("- 2024 年 6 月 30 日 [数据更新：截至 2024 年 6 月 30 日的数据]")


def test_each_data_release_has_a_post_saying_what_changed(repo: Path, built: tuple[Any, dict[str, str]]) -> None:
    posts = {k: v for k, v in built[1].items() if k.startswith("news/posts/data-release-")}
    assert sorted(posts) == ["news/posts/data-release-2024-06-30.md", "news/posts/data-release-2024-09-30.md"]
    latest = posts["news/posts/data-release-2024-09-30.md"]
    assert "\ndate: 2024-09-30\n" in latest
    assert "本站数据已更新至 2024 年 9 月 30 日。与上次更新的数据（截至 2024 年 6 月 30 日）相比，变化如下。" in latest
    assert "2024&#45;06&#45;30 → 2024&#45;09&#45;30" in latest  # the site's as-of date changed
    assert "&#42;南宁&#42; &#91;链接&#93;&#40;x&#41; &#96;码&#96; &#35;1" in latest  # the new city name, as text
    assert "*南宁*" not in latest and "[链接]" not in latest
    first = posts["news/posts/data-release-2024-06-30.md"]
    assert "本站发布截至 2024 年 6 月 30 日的数据。" in first
    feed = built[0].written and (repo / "docs" / "generated" / "feed.xml").read_text(encoding="utf-8")
    assert "news/data-release-2024-09-30/" in feed


def test_a_release_post_lists_a_changed_value_of_a_report(built: tuple[Any, dict[str, str]]) -> None:
    """The merged report change is in the first release after it (the as-of commit compares with the first)."""
    latest = built[1]["news/posts/data-release-2024-09-30.md"]
    assert built[0].freshness.releases[0].previous == dt.date(2024, 6, 30)
    line = next(x for x in latest.splitlines() if "agencies" in x or "技术转移机构" in x)
    assert "3 → 5" in line


def test_the_same_commits_give_the_same_bytes(repo: Path, built: tuple[Any, dict[str, str]], tmp_path: Path) -> None:
    build(repo, tmp_path / "again")
    assert pages(tmp_path / "again") == built[1]


def test_without_history_the_pages_use_the_as_of_date_and_say_so(repo: Path, tmp_path: Path) -> None:
    from generator.site.freshness import Updated

    result = build(repo, tmp_path / "generated", history=False)
    assert result.freshness.page("zones/demo-zone/index.md") == Updated(dt.date(2024, 9, 30), False)
    assert result.freshness.page("about.md") == Updated(dt.date(2024, 9, 30), False)
    made = pages(tmp_path / "generated")
    assert not [p for p in made if "data-release" in p]
    assert "\n这份网站副本生成时没有可读取的版本记录，无法给出最近更新的日期。\n" in made["index.md"]
    archive = tmp_path / "archive"  # an archive of the same files: no .git
    shutil.copytree(repo, archive, ignore=shutil.ignore_patterns(".git", "generated"))
    assert build(archive, archive / "docs" / "generated").freshness.page("index.md").from_history is False


def test_the_reference_builds_read_no_history() -> None:
    """The manifests and golden files must not depend on the commit that records them."""
    from generator.options import from_environment

    assert REFERENCE_ENV["HISTORY"] == "0"
    common = {"data": Path("d"), "out": Path("o"), "pdf_cache": Path("c"), "history": ROOT}
    assert from_environment(REFERENCE_ENV, **common).history is None
    assert from_environment({}, **common).history == ROOT


def test_every_page_of_a_build_without_history_says_how_it_is_dated(mini_site: Path) -> None:
    as_of = yaml.safe_load((MINI / "site.yaml").read_text(encoding="utf-8"))["as_of"]
    words = f"本页日期按数据截止日期 {as_of.year} 年 {as_of.month} 月 {as_of.day} 日标注"
    for page in sorted(mini_site.rglob("*.html")):
        if page.name == "404.html":  # no content to date: the theme renders it without a page
            continue
        text = page.read_text(encoding="utf-8")
        if 'class="md-copyright gov-footer"' in text:
            assert words in text, page


def test_ci_fetches_the_whole_history() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])]
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts and all(s.get("with", {}).get("fetch-depth") == 0 for s in checkouts)


def test_a_news_post_written_by_hand_is_on_the_home_page_and_in_the_feed(repo: Path, tmp_path: Path) -> None:
    """The two-week rule is kept by posts written by hand (README): the home page's latest news and the feed list
    them with the generated ones; the post's title is the editor's text, escaped; its page is dated by its commit."""
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("generated"))
    post = copy / "docs" / "news" / "posts" / "2024-10-20-training.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ndate: 2024-10-20\nslug: 2024-10-20-training\ncategories:\n  - 工作动态\n---\n\n"
                    "# 培训班 *开班* [通知](x)\n\n摘要。\n", encoding="utf-8")  # fmt: skip
    commit(copy, "a post", "2024-10-21T09:00:00+08:00")
    result = build(copy, copy / "docs" / "generated")
    made = pages(copy / "docs" / "generated")
    news = made["index.md"][made["index.md"].index('id="home-news"') :]
    expected = (
        "- 2024 年 10 月 20 日 [培训班 &#42;开班&#42; &#91;通知&#93;&#40;x&#41;](news/posts/2024-10-20-training.md)"
    )
    assert news.index(expected) < news.index("数据更新：截至 2024 年 9 月 30 日的数据")
    feed = (copy / "docs" / "generated" / "feed.xml").read_text(encoding="utf-8")
    assert "<title>培训班 *开班* [通知](x)</title>" in feed and "news/2024-10-20-training/" in feed
    from generator.site.freshness import Updated

    assert result.freshness.page("news/posts/2024-10-20-training.md") == Updated(dt.date(2024, 10, 21), True)
    assert "\n本站内容最近更新于 2024 年 10 月 21 日。\n" in made["index.md"]
