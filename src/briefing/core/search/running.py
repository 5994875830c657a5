"""Running one parsed query: bulk scoring where it applies, else Whoosh's collector.

Split from index.py (which keeps the index's life: opening, health, writing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh import query
from whoosh.searching import Searcher

from briefing.core.search.bulk import bulk_search
from briefing.core.search.cancel import CancellableCollector


class _Hit:
    """A result found by bulk_search: its stored fields, read when asked for."""

    __slots__ = ("_searcher", "docnum", "score")

    def __init__(self, searcher: Searcher, docnum: int, score: float) -> None:
        self._searcher = searcher
        self.docnum = docnum
        self.score = score

    def fields(self) -> dict:
        return self._searcher.stored_fields(self.docnum)


def run_query(searcher: Searcher, q: query.Query, limit: int,
              cancelled: Callable[[], bool] | None, only: Any = None) -> tuple[list, int]:
    """(the first `limit` hits, best first; the total). The commonest shapes are scored
    a posting list at a time (bulk.py); the rest, and any search limited to `only` (a set
    of document numbers: a collection), by Whoosh (every match scored in one pass:
    optimize=False), cancellably."""
    limit = max(1, limit)
    bulk = bulk_search(searcher, q, limit, cancelled) if only is None else None
    if bulk is not None:
        top, total = bulk
        return [_Hit(searcher, docnum, score) for score, docnum in top], total
    if cancelled is None or only is not None:  # the cancellable wrapper would skip the filter
        results = searcher.search(q, limit=limit, optimize=False, filter=only)
    else:
        collector = CancellableCollector(searcher.collector(limit=limit, optimize=False),
                                         cancelled)
        searcher.search_with_collector(q, collector)
        results = collector.results()
    return list(results), len(results)
