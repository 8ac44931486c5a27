"""An explicit store of computed results, by a hash of their inputs' content, for a caller that builds the same
site again and again in one process (the MkDocs hook during `mkdocs serve`): an edit to one annual report
leaves the other years' composite index as it was, so they are not computed again.

Nothing keeps one on its own: the caller makes it, hands it to the build (`build_site_sources(…, memo=…)`),
and it lives as long as the caller keeps it. Without one, everything is computed afresh. A key names the
computation and the content hash of everything it reads, so a stored result is the result the computation
would give again (as owid/etl's steps record checksums of their inputs).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

T = TypeVar("T")


class Memo:
    def __init__(self, limit: int = 256) -> None:
        self._results: dict[Hashable, object] = {}
        self._limit = limit  # the oldest results go first beyond this many

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The result stored under `key`, or `compute()`'s, then stored."""
        if key in self._results:
            return cast(T, self._results[key])
        value = compute()
        if len(self._results) >= self._limit:
            self._results.pop(next(iter(self._results)))
        self._results[key] = value
        return value

    def __len__(self) -> int:
        return len(self._results)
