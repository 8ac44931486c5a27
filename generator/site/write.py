"""Stage 6, write: the only stage that writes. Skips files whose bytes are unchanged (so MkDocs'
live reload sees only real changes) and removes files it no longer generates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MARKER = ".generated-by-generator"


@dataclass(frozen=True)
class WriteResult:
    total: int
    changed: int
    removed: int


def _check_path(rel: str) -> None:
    """A generated path must name a file strictly inside the output folder, spelled one way only."""
    parts = PurePosixPath(rel).parts
    if (
        not rel
        or "\x00" in rel
        or "\\" in rel
        or PurePosixPath(rel).is_absolute()
        or "/".join(parts) != rel
        or any(part in (".", "..") for part in rel.split("/"))
    ):
        raise ValueError(f"generated path escapes the output folder or is invalid: {rel!r}")


def write_files(out: Path, files: dict[str, bytes]) -> WriteResult:
    """Make `out` hold exactly `files` (relative '/'-separated path -> bytes)."""
    for rel in files:  # refused before anything is written
        _check_path(rel)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise RuntimeError(f"refusing to write into {out}: it was not made by the generator (no {MARKER})")
    out.mkdir(parents=True, exist_ok=True)
    marker = out / MARKER
    if not marker.exists():  # rewriting it on every build would wake `mkdocs serve` again and again
        marker.write_text("This folder is generated; edit zones_data/ instead.\n", encoding="utf-8")
    changed = 0
    for rel, data in sorted(files.items()):
        path = out / rel
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        changed += 1
    removed = 0
    keep = {out / rel for rel in files} | {out / MARKER}
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return WriteResult(total=len(files), changed=changed, removed=removed)
