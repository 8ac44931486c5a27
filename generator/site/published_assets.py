"""The site's own scripts and stylesheets as published: minified (issue 14, fast pages).

site_src/assets/*.js and *.css explain themselves at length to the people who maintain them; a reader's browser
needs none of it: on a zone page the comments were about 6 KB of the 450 KB budget (gzipped), and the
indentation and spaces another 1.7 KB. After MkDocs has copied the assets, the hook (generator/mkdocs_bridge.py,
`on_post_build`) rewrites the copies with `compact`: rJSmin for scripts, rCSSmin for stylesheets, which leave
out comments and the whitespace that carries no meaning and rename or rewrite nothing (names, strings and
regular expressions are published as written). The vendored files (assets/vendor/) are published as they are.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

COMPACTED = (".js", ".css")
AS_THEY_ARE = "vendor"  # assets/vendor/: third-party files, published byte for byte


def compact(text: str, suffix: str) -> str:
    """`text` (a script when `suffix` is ".js", a stylesheet when ".css") minified, ending with a new line."""
    out: str = rjsmin.jsmin(text) if suffix == ".js" else rcssmin.cssmin(text)
    return out + "\n"


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
