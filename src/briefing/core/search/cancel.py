"""Stopping a search that is no longer wanted (the user typed on).

Search-as-you-type sends a new query every few keystrokes; the one it replaces
should stop at once rather than finish on the only search thread. The collector
here asks `cancelled()` every CHECK_EVERY matching documents while Whoosh scores
them (the long part of a slow query) and raises SearchCancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.collectors import WrappingCollector

CHECK_EVERY = 64


class SearchCancelled(Exception):
    """The caller cancelled the search before it finished."""


class CancellableCollector(WrappingCollector):
    """Wraps Whoosh's collector; raises SearchCancelled once `cancelled()` is true."""

    def __init__(self, child, cancelled: Callable[[], bool]) -> None:  # noqa: ANN001
        super().__init__(child)
        self.cancelled = cancelled

    def collect_matches(self) -> None:
        child = self.child
        cancelled = self.cancelled
        if cancelled():
            raise SearchCancelled
        countdown = CHECK_EVERY
        for sub_docnum in child.matches():
            countdown -= 1
            if not countdown:
                if cancelled():
                    raise SearchCancelled
                countdown = CHECK_EVERY
            child.collect(sub_docnum)
