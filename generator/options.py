"""The build's options: one frozen object, made only by the two entry points (generator/cli.py and the MkDocs
hook generator/mkdocs_bridge.py) and handed down to build.py and its stages. No other module reads the
environment or finds paths from `__file__`: what a stage needs to know comes in here.

`from_environment` turns the environment variables the Makefile and the hook document (DATA, SITE_URL, PDF,
PDF_CACHE, PDF_CACHE_KEEP, LOCALE, the words' catalogue: the tests' pseudo-locale qps, and HISTORY=0, no history) into options; it is handed the mapping (the entry point passes `os.environ`), it does not read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

OFF = ("0", "no", "off", "false")


@dataclass(frozen=True)
class Options:
    data: Path  # the data folder
    out: Path  # where the generated pages and files are written
    site_url: str = ""  # overrides site.yaml's address for absolute links (SITE_URL); "" keeps site.yaml's
    pdf: bool = True  # make the summary PDFs and link them (PDF=0 turns them off: `make serve`)
    pdf_cache: Path | None = None  # where rendered PDFs are kept by content hash; None: no cache, nothing kept
    pdf_cache_keep: int = 2  # a successful build keeps the PDFs of this many recent builds (PDF_CACHE_KEEP); 0: all
    strict: bool = False  # warnings stop the build, as errors do
    offline: bool = False  # the offline build (`make preview`, OFFLINE=true in mkdocs.yml)
    locale: str = "zh_CN"  # the words' catalogue (generator/i18n.py): zh_CN, or the tests' pseudo-locale qps
    # the git work tree whose first-parent history dates the pages and makes the data releases' news
    # (generator/data/history.py); None: no history, the pages are dated by the as-of date and say so (HISTORY=0;
    # the reference builds of the tests, whose bytes must not depend on the commit that records them)
    history: Path | None = None


def flag(value: str | None, default: bool) -> bool:
    """An on/off environment value: unset or empty is the default; 0, no, off, false (any case) are off."""
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in OFF


def keep_count(value: str | None, default: int = 2) -> int:
    """PDF_CACHE_KEEP: how many recent builds' PDFs the cache keeps. Unset or empty: the default; a whole number
    of 0 or more as written (0: keep everything, never prune); anything else also keeps everything (a value
    nobody meant never deletes)."""
    if value is None or not value.strip():
        return default
    return int(value.strip()) if value.strip().isascii() and value.strip().isdigit() else 0


def from_environment(
    environ: Mapping[str, str],
    *,
    data: Path,
    out: Path,
    pdf_cache: Path,
    strict: bool = False,
    offline: bool = False,
    history: Path | None = None,
) -> Options:
    """Options from DATA, SITE_URL, PDF, PDF_CACHE, PDF_CACHE_KEEP and HISTORY in `environ`; `data` and `pdf_cache` are the
    defaults for an unset or empty DATA and PDF_CACHE, `history` the work tree read unless HISTORY is off."""
    return Options(
        data=Path(environ.get("DATA") or data),
        out=out,
        site_url=environ.get("SITE_URL") or "",
        pdf=flag(environ.get("PDF"), True),
        pdf_cache=Path(environ.get("PDF_CACHE") or pdf_cache),
        pdf_cache_keep=keep_count(environ.get("PDF_CACHE_KEEP")),
        strict=strict,
        offline=offline,
        locale=environ.get("LOCALE") or "zh_CN",
        history=history if flag(environ.get("HISTORY"), True) else None,
    )
