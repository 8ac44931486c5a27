"""Earlier data releases (issue 16, section 3): each as-of date that was published and is no longer current, as a
dated, citable download on the open-data page.

A release is an as-of date of site.yaml that a first-parent commit carried ("published": generator/data/history.py);
an earlier release is one whose as-of date is not today's. Its data is the data folder at the LAST first-parent
commit that still carried its as-of date (the release's final state, corrections merged before the next as-of date
included), and it is dated by that commit's day in China. (When an as-of date came back after another, its latest
run counts: one download per as-of date.)

Each earlier release becomes one zip, `data/releases/zones-data-<as-of>.zip`: that commit's data folder is written
into a temporary folder (`history.materialised`: regular files with plain names only; links, `..` and the like are
left out, never followed), read and checked by today's loader and checker, and made into today's downloads by the
same function as the current ones (`download_files.download_files`: the CSVs, the workbook, the JSON and the Data
Package), with a README.txt that says which release, which commit, made by which version of the code, and how to
cite it. When today's code finds errors in it, the zip is `zones-data-<as-of>-yaml.zip`, that folder's original
YAML files with the README, and the page says why (the number of problems). Same commit and code, same bytes: the
entries sorted, each dated by the commit's time (never the clock), fixed attributes.

Cost and bound: each release made costs one `git ls-tree`, one `git cat-file --batch`, a load and check of its data
and the downloads (README.md "Earlier data releases" has the figures). Each zip is kept in the build cache folder
(`Options.pdf_cache`, beside the PDFs and share images) as `release-<key>.zip`, the key the hash of the commit, the
data folder, the site's address, the locale and the download code (`code_version`: the source of the loader, the
checker, the download writers and the catalogue), so a rebuild reads it and makes nothing; a change of that code
makes them all again, once. The zip's comment holds what the page needs besides the bytes (the problem count, the
sample flag). The ledger of recent builds holds the keys beside the PDFs', and pruning removes the zips no recent
build used (generator/site/summary_pages.py). The page offers the `MOST` newest earlier releases; older ones
remain in the repository's history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.resources
import io
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.data.catalog import Catalog
from generator.data.history import CHINA, Commit, History, carried, materialised
from generator.data.layout import SITE
from generator.data.load import load_data, parse_text
from generator.data.problems import Severity
from generator.data.validate import validate_data
from generator.i18n import _, ngettext, pgettext
from generator.site.download_files import download_files
from generator.site.figures import date_text
from generator.site.paths import DATA, release_zip

__all__ = ["ReleaseFile", "earlier_release_files", "make_release_zip", "size_text"]

VERSION = "1"  # change it when the zip's making changes in a way `code_version` does not see
MOST = 10  # the earlier releases offered: at most a few a year, ten cover years of history
CACHE_PREFIX = "release-"  # the cache folder's files are release-<key>.zip
CACHED = ".zip"
# the code whose output is in the zips: its source is hashed into the cache key (folders and files of the package)
_CODE = ("data", "locale", "site/downloads.py", "site/download_data.py", "site/download_columns.py",
         "site/datapackage.py", "site/xlsx.py", "site/paths.py", "site/markup.py", "site/figures.py",
         "site/release_files.py", "i18n.py")  # fmt: skip


@dataclass(frozen=True)
class ReleaseFile:
    """An earlier release's download, as the open-data page lists it."""

    as_of: dt.date
    day: dt.date  # the day (China) of its last commit
    sha: str  # that commit
    path: str  # the zip, under the generated folder
    problems: int | None  # None: made by today's download code; a count: the raw YAML, with this many errors
    sample: bool  # its figures include sample data (the raw YAML: as today's data)
    key: str  # its cache key
    content: bytes = field(repr=False, compare=False)

    @property
    def size(self) -> int:
        return len(self.content)


def size_text(size: int) -> str:
    """A file's size for readers: KB with one decimal under a megabyte, MB with one decimal from there."""
    if size < 1024 * 1024:
        return pgettext("file size", "%(size)s KB", size=f"{max(size, 1) / 1024:.1f}")
    return pgettext("file size", "%(size)s MB", size=f"{size / 1024 / 1024:.1f}")


def release_citation(title: str, as_of: dt.date, sha: str, day: dt.date, address: str, sample: bool) -> str:
    """How to cite an earlier release: the site, the as-of date, the version (its commit), the day it was
    published, the zip's address. Plain text (the zip's README); `_release_cite` in downloads.py is the page's."""
    parts = {"site": title, "as_of": date_text(as_of), "commit": sha[:7], "day": date_text(day), "address": address}
    if sample:  # sample figures are never cited as real ones
        return pgettext(
            "data release cite: the citation of sample data",
            "(Sample data, the figures are invented.) %(site)s, open data as of %(as_of)s (version %(commit)s, "
            "published %(day)s). %(address)s",
            **parts,
        )
    return pgettext(
        "data release cite: the citation",
        "%(site)s, open data as of %(as_of)s (version %(commit)s, published %(day)s). %(address)s",
        **parts,
    )


def site_as_of(content: bytes | None) -> dt.date | None:
    """site.yaml's as-of date in a version of it; None when that version cannot be read."""
    if content is None:
        return None
    doc = parse_text(content, SITE.rel())
    value = doc.data.get("as_of") if doc.ok and isinstance(doc.data, dict) else None
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def earlier_releases(history: History, data: str, current: dt.date) -> list[tuple[dt.date, Commit]]:
    """Each earlier release (an as-of date published and not `current`) with its last commit, newest first, at
    most `MOST`."""
    path = f"{data}/{SITE.rel()}" if data else SITE.rel()
    last = {as_of: final for as_of, _first, final in carried(history, path, site_as_of)}
    return sorted(((a, c) for a, c in last.items() if a != current), key=lambda item: item[0], reverse=True)[:MOST]


def _sources(folder: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}" if prefix else entry.name
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _sources(entry, name)
        elif entry.is_file() and entry.name.endswith((".py", ".po", ".j2")):
            yield name, entry.read_bytes()


def code_version() -> str:
    """A hash of the code that makes the zips (`_CODE`): a change there makes them again."""
    digest = hashlib.sha256(VERSION.encode())
    package = importlib.resources.files("generator")
    for part in _CODE:
        entry = package.joinpath(*part.split("/"))
        items = _sources(entry, part) if entry.is_dir() else iter([(part, entry.read_bytes())])
        for name, content in items:
            digest.update(f"\0{name}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


def cache_key(sha: str, data: str, base_url: str, locale: str, code: str) -> str:
    """A release zip's key in the cache: everything its bytes depend on (`code`: `code_version()`)."""
    what = json.dumps([VERSION, code, sha, data, base_url, locale])
    return hashlib.sha256(what.encode("utf-8")).hexdigest()


def _zip(files: dict[str, bytes], when: dt.datetime, comment: dict[str, object]) -> bytes:
    """A zip of `files`, the same bytes for the same files: sorted, each dated `when` (China), fixed modes."""
    local = when.astimezone(CHINA)
    stamp = (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second // 2 * 2)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the building machine
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name], compresslevel=9)
        archive.comment = json.dumps(comment, sort_keys=True).encode("ascii")
    return out.getvalue()


def _readme(
    title: str, as_of: dt.date, commit: Commit, problems: int | None, folder: str, cite: str, code: str
) -> bytes:
    lines = [
        pgettext("data release readme", "%(site)s: open data as of %(as_of)s", site=title, as_of=date_text(as_of)),
        "",
        _("This version's data is the data folder at commit %(commit)s of the site's repository (%(day)s, China "
          "time): the last state of the data as of %(as_of)s.",
          commit=commit.sha, day=date_text(commit.day), as_of=date_text(as_of)),
    ]  # fmt: skip
    if problems is None:
        lines.append(
            _("The files were made from that data by the site's download code (version %(code)s), the same code that "
              "makes the open-data page's downloads. What each column means: see the page “%(page)s”.",
              code=code[:12], page=pgettext("open data page", "Data dictionary"))
        )  # fmt: skip
    else:
        lines.append(
            ngettext(
                "Today's programs found %(num)s problem in this version's data and cannot make the downloads from it: "
                "this is its original data files (YAML).",
                "Today's programs found %(num)s problems in this version's data and cannot make the downloads from "
                "it: this is its original data files (YAML).",
                problems,
            )
        )
        lines.append(_("The files under %(folder)s/ are that version's data files, unchanged.", folder=folder))
    lines += ["", pgettext("data release readme", "How to cite: %(cite)s", cite=cite), ""]
    return "\r\n".join(lines).encode("utf-8-sig")


def make_release_zip(
    history: History, as_of: dt.date, commit: Commit, data: str, base_url: str, title: str, sample: bool, code: str
) -> tuple[bytes, int | None, bool]:
    """One earlier release's zip, made afresh: (its bytes, its problem count or None, its sample flag). `title`,
    `sample`: today's site title and sample flag, for a release today's code cannot read."""
    with materialised(history, commit.sha, data) as folder:
        catalog, log = validate_data(load_data(folder))
        problems: int | None = None
        if catalog is not None and not log.failing(False):
            files = {
                path.removeprefix(DATA + "/"): content for path, content in download_files(catalog, base_url).items()
            }
            title, sample = catalog.site.title, catalog.has_sample
        else:
            problems = max(log.count(Severity.ERROR), 1)
            name = data.rsplit("/", 1)[-1] or DATA
            files = {
                f"{name}/{p.relative_to(folder).as_posix()}": p.read_bytes()
                for p in sorted(folder.rglob("*"))
                if p.is_file() and not p.is_symlink()
            }
    path = release_zip(as_of, problems is not None)
    cite = release_citation(title, as_of, commit.sha, commit.day, base_url.rstrip("/") + "/" + path, sample)
    files["README.txt"] = _readme(title, as_of, commit, problems, data.rsplit("/", 1)[-1] or DATA, cite, code)
    return _zip(files, commit.when, {"problems": problems, "sample": sample}), problems, sample


def _cached(path: Path | None) -> tuple[bytes, int | None, bool] | None:
    """A zip kept in the cache, with what its comment says; None when there is none or it cannot be read."""
    if path is None or not path.is_file():
        return None
    try:
        content = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            about = json.loads(archive.comment.decode("ascii"))
    except (OSError, ValueError, zipfile.BadZipFile):
        return None
    problems, sample = about.get("problems"), about.get("sample")
    if not (problems is None or isinstance(problems, int)) or not isinstance(sample, bool):
        return None
    return content, problems, sample


def earlier_release_files(
    history: History, data: str, catalog: Catalog, base_url: str, locale: str, cache_dir: Path | None
) -> tuple[ReleaseFile, ...]:
    """The earlier releases' zips, newest first: from `cache_dir` when made before, otherwise made and kept there
    (with no `cache_dir`, made and kept nowhere)."""
    out = []
    code = code_version()
    for as_of, commit in earlier_releases(history, data, catalog.as_of):
        key = cache_key(commit.sha, data, base_url, locale, code)
        kept = cache_dir / f"{CACHE_PREFIX}{key}{CACHED}" if cache_dir is not None else None
        found = _cached(kept)
        if found is None:
            found = make_release_zip(
                history, as_of, commit, data, base_url, catalog.site.title, catalog.has_sample, code
            )
            if kept is not None:
                tmp = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
                try:  # a cache that cannot be written is left as it is: the zip is made again next time
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    tmp.write_bytes(found[0])
                    tmp.replace(kept)
                except OSError:
                    pass
        content, problems, sample = found
        path = release_zip(as_of, problems is not None)
        out.append(ReleaseFile(as_of, commit.day, commit.sha, path, problems, sample, key, content))
    return tuple(out)
