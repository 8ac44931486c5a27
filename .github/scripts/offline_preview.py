"""Finish the offline preview (`make preview`): serve Material's iframe-worker shim from the site itself.

Material's `offline` plugin makes search work from file:// with the iframe-worker shim, which it links from
unpkg.com; a reviewer without that host (unreachable at times in mainland China) would get no search.
This copies the shim from the pinned npm package into the built folder and points every page at the copy.

usage: python .github/scripts/offline_preview.py PREVIEW_DIR SHIM_JS
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REMOTE = '<script src="https://unpkg.com/iframe-worker/shim"></script>'
LOCAL = "assets/javascripts/iframe-worker-shim.js"


def vendor_shim(site: Path, shim: Path) -> int:
    target = site / LOCAL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, target)
    changed = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if REMOTE not in text:
            continue
        rel = Path(os.path.relpath(target, page.parent)).as_posix()
        page.write_text(text.replace(REMOTE, f'<script src="{rel}"></script>'), encoding="utf-8")
        changed += 1
    return changed


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site, shim = Path(argv[0]), Path(argv[1])
    if not (site / "index.html").is_file() or not shim.is_file():
        print(f"missing {site / 'index.html'} or {shim}", file=sys.stderr)
        return 2
    changed = vendor_shim(site, shim)
    if changed == 0:
        print("no page links the iframe-worker shim: was the preview built with OFFLINE=true?", file=sys.stderr)
        return 1
    print(f"offline preview: shim served locally by {changed} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
