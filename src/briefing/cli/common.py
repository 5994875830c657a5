"""Helpers shared by the sub-commands: opening the workspace, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from typing import Any

from briefing.core.workspace import Workspace, WorkspaceError


class CliError(Exception):
    """A command failed for a reason the user can act on."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def open_workspace(args: argparse.Namespace, readonly: bool = False,
                   ensure_index: bool = True) -> Iterator[Workspace]:
    """Open the chosen workspace; repair the index first unless told not to."""
    try:
        ws = Workspace.open(args.workspace, readonly=readonly)
    except WorkspaceError as exc:
        raise CliError(str(exc)) from None
    try:
        if ensure_index:
            state = ws.index.ensure(progress=_rebuild_progress)
            if state in ("missing", "damaged", "stale") and ws.articles.count():
                print(f"briefing: the search index was {state}; rebuilt it from the library",
                      file=sys.stderr)
        yield ws
    finally:
        ws.close()


def _rebuild_progress(done: int, total: int) -> None:
    if total >= 1000 and (done % 1000 == 0 or done == total):
        print(f"  indexing {done}/{total}", file=sys.stderr)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_plain)
    sys.stdout.write("\n")


def article_summary(article) -> dict[str, Any]:
    """The fields `list --json` and `show --json` promise."""
    return {
        "id": article.id,
        "title": article.title,
        "title_inferred": article.title_inferred,
        "publisher": article.publisher,
        "authors": list(article.authors),
        "published": article.published,
        "published_precision": article.published_precision,
        "words": article.words,
        "source_file": article.source_file,
        "source_url": article.source_url,
        "format": article.format,
        "language": article.language,
        "tags": list(article.tags),
        "imported_at": article.imported_at,
    }
