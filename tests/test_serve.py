"""`make serve` watches the data and the hand-written docs, not the generated folder: the generator's own
writes there would start a second rebuild after every edit (tests/bench/serve_latency.py times it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from generator import mkdocs_bridge


class FakeServer:
    def __init__(self, docs: Path) -> None:
        self.watched: dict[str, bool] = {str(docs.resolve()): True}  # MkDocs watches docs_dir first

    def watch(self, path: str, *, recursive: bool = True) -> None:
        self.watched[path] = recursive

    def unwatch(self, path: str) -> None:
        del self.watched[path]


def test_serve_watches_data_and_docs_but_not_the_generated_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATA", str(tmp_path))
    docs = ROOT / "site_src"
    server = FakeServer(docs)
    config = {"docs_dir": str(docs), "config_file_path": str(ROOT / "mkdocs.yml"), "plugins": {}}  # what it reads
    mkdocs_bridge.on_serve(server, config, builder=None)
    watched = server.watched
    assert watched[str(tmp_path.resolve())] is True
    assert watched[str(docs.resolve())] is False  # site_src/about.md … without descending
    for child in docs.iterdir():
        if child.is_dir():
            assert (str(child.resolve()) in watched) == (child.name != mkdocs_bridge.GENERATED), child
    assert not any(p.startswith(str((docs / mkdocs_bridge.GENERATED).resolve())) for p in watched)
