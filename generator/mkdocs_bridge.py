"""MkDocs hooks (named in mkdocs.yml): the only place that knows about MkDocs.

- on_config: regenerate the Markdown pages from the data (so `mkdocs serve` shows YAML changes), and take
  the site's title, URL, description, footer and navigation from the data's site.yaml. With the command
  line, this is the only place that reads the environment, into one `Options` (generator/options.py) handed
  to the build (with the history of the work tree beside mkdocs.yml, unless HISTORY=0): `SITE_URL` overrides the URL (one data set, published at a server's root or under a GitHub
  Pages sub-path); `DATA` points at another data folder; `PDF=0` turns the summary PDFs off; `PDF_CACHE`
  moves their cache from `build/pdf-cache/` beside mkdocs.yml; OFFLINE (read by mkdocs.yml) turns Material's
  offline plugin on, which the options record. SOURCE_DATE_EPOCH defaults to the data's as-of date, so the
  sitemap's dates come from the data, never from the clock. In the offline build only (`make preview`),
  Material's instant navigation is turned off: opened from disk it would keep every page script from running.
  It adds `EscapedRuns` to the Markdown extensions, so escaped plain text costs linear time
  (`generator/site/markup.py`).
- on_files: serve the generated folder's pages at the site's root (`generated/zones/x.md` -> `zones/x/`).
  It runs at the default priority 0, before the blog plugin's on_files (priority -50), so the blog finds
  the generated posts at `news/posts/…` like hand-written ones.
- on_env: the words' catalogue in the theme's template environment (the overrides' `{{ _("…") }}`), in the
  build's locale.
- after the build, on_config teaches jieba the data's names (generator/site/search_words.py) before Material's
  search plugin cuts any page into words; on_page_content keeps tables' heading rows out of the search index
  (Material leaves the published page as it was: it drops the `data-search-*` attribute after indexing), so a
  result's snippet is the page's text, not a row of column names.
- on_page_context: the sample banner on the blog's index, archive and category pages; each page's date for the
  footer (the last commit behind it, generator/site/freshness.py; the as-of date, said to be one, without history).
- on_post_build: last of every plugin's (priority -1000): the site's own scripts and stylesheets published without
  their comment-only lines (generator/site/published_assets.py); `csp-hashes.conf` at the site's root, the hashes of the
  pages' inline scripts for the server's Content-Security-Policy (generator/site/csp.py, deploy/nginx/gxkjzh.conf);
  then, when the build has logged no warning that strict mode
  will turn into a failure, prune the summary PDF cache to the PDFs of the last few builds (`PDF_CACHE_KEEP`,
  generator/build.py's `prune_pdf_cache_after`): a failed build never gets here, and prunes nothing.
- on_serve: watch the data folder, and the docs folder without the generated folder: the generator's
  own writes there would otherwise start a second, useless rebuild after each one, and an edit made
  during it waits for both (README, "Incremental preview").

`mkdocs serve` rebuilds in this one process, with this module loaded once (MkDocs keeps a hook module for the
session): `SERVE_MEMO` (generator/analysis/memo.py) is the one store of results kept from one rebuild to the
next, handed to the build explicitly. It holds analysis results by the content hash of their inputs (a year's
composite index by its rows), so an edit to one report recomputes only what it changed; nothing else in the
generator keeps anything between builds (tests/test_layers.py).

It imports nothing from MkDocs: it works on the objects MkDocs hands it, so the generator stays free to
move to another static-site tool.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by file path, not as part of a package
    sys.path.insert(0, str(ROOT))

from generator import i18n  # noqa: E402
from generator.analysis.memo import Memo  # noqa: E402
from generator.build import BuildResult, build_site_sources, prune_pdf_cache_after  # noqa: E402
from generator.data.links import safe_href  # noqa: E402
from generator.data.types import police_filing_code  # noqa: E402
from generator.i18n import bilingual  # noqa: E402
from generator.options import Options, from_environment  # noqa: E402
from generator.site.csp import write_csp_snippet  # noqa: E402
from generator.site.figures import date_text  # noqa: E402
from generator.site.markup import EscapedRuns  # noqa: E402
from generator.site.paths import page_share_image  # noqa: E402
from generator.site.published_assets import compact_published  # noqa: E402
from generator.site.search_words import SEARCH_WORDS  # noqa: E402

GENERATED = "generated"
SERVE_MEMO = Memo()  # kept across `mkdocs serve`'s rebuilds (see above); a `mkdocs build` uses it once
NEWS = "news"  # the blog plugin's blog_dir in mkdocs.yml
BUILT = "generator_build"  # the configuration's entry for this build's options and result, read after the build


class DataError(SystemExit):
    """Stops the MkDocs build with a non-zero exit and no traceback."""


def _offline(config: Any) -> bool:
    offline = config["plugins"].get("material/offline")
    return offline is not None and bool(offline.config.enabled)


def _options(config: Any) -> Options:
    """The build's options, from the environment and MkDocs' configuration (nowhere else)."""
    options = from_environment(
        os.environ,
        data=ROOT / "zones_data",
        out=Path(config["docs_dir"]) / GENERATED,
        pdf_cache=Path(config["config_file_path"]).parent / "build" / "pdf-cache",
        offline=_offline(config),
        history=Path(config["config_file_path"]).parent,
    )
    return replace(options, data=options.data.resolve())


def _offline_build_without_instant_navigation(config: Any, offline: bool) -> None:
    """The offline build (`make preview`, Material's offline plugin on) is opened from disk, where Material's
    instant navigation cannot fetch pages: it then completes `document$` without ever emitting it, so neither
    the site's page scripts (charts, sortable tables, the case filter) nor Material's own content components
    ever start. Material's documentation says to turn instant loading off for offline use; production keeps it."""
    if not offline:
        return
    features = config["theme"]["features"]
    features[:] = [f for f in features if f != "navigation.instant" and not f.startswith("navigation.instant.")]


def on_config(config: Any) -> Any:
    options = _options(config)
    _offline_build_without_instant_navigation(config, options.offline)
    result = build_site_sources(options, SERVE_MEMO)
    problems = [p for p in result.log.sorted() if p.severity.value >= 1]
    for problem in problems:
        print(problem.format_text(), file=sys.stderr)
    if result.written is None or result.catalog is None:
        raise DataError(bilingual("data has errors: site not built"))
    config[BUILT] = (options, result)  # for on_post_build: this build's PDFs
    _teach_jieba(options.out / SEARCH_WORDS)
    site = result.catalog.site
    config["site_name"] = site.title
    config["site_description"] = site.description
    config["site_url"] = safe_href(options.site_url or site.site_url, web_only=True)
    config["nav"] = result.nav
    config["markdown_extensions"].append(EscapedRuns())
    with i18n.use(options.locale):  # the heading anchors' title (Python-Markdown's toc: "Permanent link")
        config["mdx_configs"].setdefault("toc", {})["permalink_title"] = i18n.pgettext(
            "heading anchor", "Link to this section"
        )
    # What exists now (the catalog, the imported libraries) lives until the end of the build: moved out of
    # the garbage collector's sight, so its full collections stop walking it again and again for each of
    # thousands of pages (README, "规模测试 / Scale").
    gc.collect()
    gc.freeze()
    config["extra"]["gov"] = {
        "sponsor": site.sponsor, "organizer": site.organizer, "icp": site.icp, "police_filing": site.police_filing,
        "website_code": site.website_code, "error_report": safe_href(site.error_report, web_only=True),
        "placeholder_filings": site.placeholder_filings, "contact": dict(site.contact),
    }  # fmt: skip
    with i18n.use(options.locale):
        config["extra"]["gov"].update(_gov_norms(site))
    config["extra"]["has_sample"] = result.catalog.has_sample
    config["extra"]["as_of"] = site.as_of.isoformat()
    with i18n.use(options.locale):  # the footer's as-of date, in running text (issue 14)
        config["extra"]["as_of_text"] = date_text(site.as_of)
    config["extra"]["locale"] = options.locale
    config["extra"]["gx_freshness"] = result.freshness  # each page's date (on_page_context)
    midnight = dt.datetime.combine(site.as_of, dt.time(), tzinfo=dt.UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
    return config


def _gov_norms(site: Any) -> dict[str, Any]:
    """The footer's parts of the government-site norms (issue 15): the Party and government website badge as issued (else the
    template's neutral placeholder), the public-security filing record's code for its link, the question channel, and the words
    for what is still a placeholder (the footer says so, as `check` does: footer-placeholder)."""
    badge = site.gov_badge
    items = []
    if site.placeholder_filings:
        items.append(i18n.pgettext("footer placeholders", "filing numbers"))
    if badge is None:
        items.append(i18n.pgettext("footer placeholders", "Party and government website badge"))
    if site.question_channel is None:
        items.append(i18n.pgettext("footer placeholders", "question channel"))
    if site.placeholder_filings:
        items.append(i18n.pgettext("footer placeholders", "contact details"))
    placeholders = i18n.pgettext("footer placeholders", ", ").join(items[:-1])
    placeholders += i18n.pgettext("footer placeholders", " and ") + items[-1] if len(items) > 1 else "".join(items)
    return {
        "badge": None if badge is None else {"image": safe_href(badge.image, web_only=True),
                                            "link": safe_href(badge.link, web_only=True)},
        "police_code": police_filing_code(site.police_filing),
        "question_channel": safe_href(site.question_channel, web_only=True),
        "placeholders": placeholders,
    }  # fmt: skip


def _teach_jieba(words: Path) -> None:
    """Load the data's names into jieba, which Material's search plugin cuts the pages with (its
    `jieba_dict_user` option is read before this hook has written the file). A word jieba already has keeps
    its frequency, so loading the same names again (`mkdocs serve`'s rebuilds) changes nothing; the words are
    read in their file's sorted order, so the same data gives the same frequencies and the same index."""
    import jieba

    jieba.dt.check_initialized()
    for word in words.read_text(encoding="utf-8").split():
        if not jieba.dt.FREQ.get(word):
            jieba.add_word(word)


def on_files(files: Any, config: Any) -> Any:
    prefix = GENERATED + "/"
    for file in list(files):
        if file.src_uri.startswith(prefix):
            files.remove(file)
            moved = type(file)(
                file.src_uri[len(prefix) :],
                src_dir=str(Path(config["docs_dir"]) / GENERATED),
                dest_dir=config["site_dir"],
                use_directory_urls=config["use_directory_urls"],
            )
            files.append(moved)
    return files


def on_env(env: Any, config: Any, files: Any) -> Any:
    i18n.install(env, config["extra"]["locale"])
    return env


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return html.replace("<thead>", '<thead data-search-exclude="thead">')


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """The blog's index, archive and category pages list posts about sample zones, but they are not files
    the generator writes: they get the sample banner whenever the data has sample zones. (Posts carry
    their own flag in their front matter; they are the pages with a date.)"""
    if config["extra"].get("has_sample") and page.url.startswith(NEWS + "/") and "date" not in page.meta:
        page.meta["sample"] = True
    _date_the_page(page, config)
    _share_hand_post(page, config)
    return context


def _share_hand_post(page: Any, config: Any) -> None:
    """A news post written by hand has its share card like the generated ones (generator/site/news.py draws it from
    the post's title and date); its front matter is the editor's, so its `share_image` is named here."""
    freshness = config["extra"].get("gx_freshness")
    if freshness is None or page.file is None or "share_image" in page.meta:
        return
    if any(post.uri == page.file.src_uri for post in freshness.hand_posts):
        page.meta["share_image"] = page_share_image(page.file.src_uri)


def _strict_mode_will_fail() -> bool:
    """Strict mode counts the warnings logged during the build and fails it after the last on_post_build: its
    counter is the handler with `get_counts` on the tool's logger (MkDocs' or ProperDocs')."""
    for name in ("mkdocs", "properdocs"):
        for handler in logging.getLogger(name).handlers:
            counts = getattr(handler, "get_counts", None)
            if callable(counts) and counts():
                return True
    return False


def on_post_build(config: Any) -> None:
    """The whole site is written and every other plugin's on_post_build has run (priority below): unless strict
    mode is about to fail the build, keep only the recent builds' summary PDFs in the cache. First, whatever
    happens, the site's own scripts and stylesheets without their comment-only lines (published_assets.py), then
    `csp-hashes.conf` for the server's Content-Security-Policy."""
    compact_published(Path(config["docs_dir"]) / "assets", Path(config["site_dir"]) / "assets")
    write_csp_snippet(Path(config["site_dir"]))
    built = config.get(BUILT)
    if built is None or _strict_mode_will_fail():
        return
    options, result = built
    if isinstance(options, Options) and isinstance(result, BuildResult):
        prune_pdf_cache_after(options, result)


on_post_build.mkdocs_priority = -1000  # type: ignore[attr-defined]  # after every plugin's (the tools' event order)


def _date_the_page(page: Any, config: Any) -> None:
    """The date the page's content last changed, for the footer (generator/site/freshness.py): from the
    repository's history, or the as-of date when the build has none (the footer says which)."""
    freshness = config["extra"].get("gx_freshness")
    if freshness is None or page.file is None:
        return
    updated = freshness.page(page.file.src_uri)
    with i18n.use(config["extra"]["locale"]):
        page.meta["gx_updated"] = date_text(updated.day)
    page.meta["gx_updated_from_history"] = updated.from_history


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_options(config).data))
    docs = Path(config["docs_dir"]).resolve()
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)  # files directly in site_src/ (about.md …)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name != GENERATED:
            server.watch(str(child))
    return server
