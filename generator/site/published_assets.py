"""The site's own scripts and stylesheets as published: without their comment-only lines (issue 14, fast pages).

site_src/assets/*.js and *.css explain themselves at length to the people who maintain them; a reader's browser
needs none of it, and on a zone page the comments were about 6 KB of the 450 KB budget (gzipped). After MkDocs
has copied the assets, the hook (generator/mkdocs_bridge.py, `on_post_build`) rewrites the copies with `compact`:
a line holding only a `//` comment (scripts), a block comment that fills whole lines (`/*` first on its first
line, `*/` last on its last line, nothing else after it), and blank lines are left out. Every other line is
published exactly as written: nothing is parsed or rewritten, so no line of code can change. The vendored files
(assets/vendor/) are published as they are.
"""

from __future__ import annotations

from pathlib import Path

COMPACTED = (".js", ".css")
AS_THEY_ARE = "vendor"  # assets/vendor/: third-party files, published byte for byte


def compact(text: str, suffix: str) -> str:
    """`text` (a script when `suffix` is ".js", a stylesheet when ".css") without its comment-only and blank lines."""
    lines = text.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped or (suffix == ".js" and stripped.startswith("//")):
            i += 1
            continue
        if stripped.startswith("/*"):
            end = whole_block_end(lines, i)
            if end is not None:
                i = end + 1
                continue
        kept.append(lines[i])
        i += 1
    return "\n".join(kept) + ("\n" if kept else "")


def whole_block_end(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the block comment opened at the start of `lines[start]`, if the comment
    fills its lines (its first `*/` ends that line); None when code shares a line with it."""
    rest = lines[start].strip()[2:]
    j = start
    while True:
        close = rest.find("*/")
        if close >= 0:
            return j if rest[close + 2 :].strip() == "" else None
        j += 1
        if j >= len(lines):
            return None
        rest = lines[j]


def compact_published(docs_assets: Path, site_assets: Path) -> list[Path]:
    """Rewrite the published copy of each of the site's own scripts and stylesheets; returns the files rewritten."""
    done = []
    for source in sorted(docs_assets.rglob("*")):
        relative = source.relative_to(docs_assets)
        if source.suffix not in COMPACTED or relative.parts[0] == AS_THEY_ARE:
            continue
        published = site_assets / relative
        if published.is_file():
            published.write_text(compact(source.read_text(encoding="utf-8"), source.suffix), encoding="utf-8")
            done.append(published)
    return done
