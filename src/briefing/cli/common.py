"""Helpers shared by the sub-commands: opening the workspace, printing JSON."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from typing import Any

from briefing.core.backups import BackupError
from briefing.core.diskerrors import WriteFailed
from briefing.core.workspace import Workspace, WorkspaceError, WorkspaceReadOnly

log = logging.getLogger(__name__)


class CliError(Exception):
    """A command failed for a reason the user can act on."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def refusing(action: str, *errors: type[Exception], code: int = 1) -> Iterator[None]:
    """Turn the core refusing ``action`` (one of ``errors``) into one line: "action: reason".

    Every sub-command says "no" the same way: the reason the core gave, prefixed by what
    was asked, with the exit code (1 for a refused change, 2 for a bad argument).
    """
    try:
        yield
    except errors as exc:
        raise CliError(f"{action}: {exc}", code=code) from None


@contextmanager
def open_workspace(args: argparse.Namespace, readonly: bool = False,
                   ensure_index: bool = True) -> Iterator[Workspace]:
    """Open the chosen workspace for a command.

    A writing command (`readonly=False`) takes the writer lock and is refused with one
    line when the workspace is damaged, on a read-only medium or written by another
    process. A reading command never takes the lock, so it works beside an import or the
    app; it says so when the library is damaged or the index lags behind.
    """
    try:
        ws = Workspace.open(args.workspace, readonly=readonly)
    except WorkspaceError as exc:
        raise CliError(str(exc)) from None
    try:
        if not readonly:
            ws.require_writable(_action(args))
            try:
                ws.daily_backup()
            except BackupError as exc:
                print(f"briefing: warning: {exc}", file=sys.stderr)
        elif ws.damage:
            print(f"briefing: warning: the library is damaged ({ws.damage}); it was opened "
                  "read-only. `briefing restore` puts back the newest good backup",
                  file=sys.stderr)
        if ensure_index and not ws.damage:
            _index_ready(ws, args)
        yield ws
    except WorkspaceReadOnly as exc:
        raise CliError(str(exc)) from None
    except (CliError, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        if not ws.damage:
            raise
        log.warning("reading a damaged library failed: %r", exc)
        raise CliError(f"cannot {_action(args)}: the damaged library cannot be read there "
                       f"({type(exc).__name__}); `briefing restore` puts back the newest good "
                       "backup, `briefing recover` rebuilds from originals") from None
    finally:
        ws.close()


def sync_index(ws: Workspace) -> None:
    """Bring the index up to date after a change; if the disk refuses, warn (the change
    itself is committed, so the command still succeeded)."""
    warning = ws.index.catch_up()
    if warning:
        print(f"briefing: warning: {warning}", file=sys.stderr)


def _action(args: argparse.Namespace) -> str:
    return " ".join(str(w) for w in (args.command, getattr(args, "action", None)) if w)


@contextmanager
def momentary_writer(ws: Workspace) -> Iterator[Workspace | None]:
    """The workspace opened for writing for the length of the block, when this reading
    command opened it read-only by choice and no one else writes it; else None."""
    if ws.readonly_reason != "opened read-only":
        yield None
        return
    try:
        writer = Workspace.open(ws.root)
    except WorkspaceError:
        yield None
        return
    with writer:
        yield writer


def _index_ready(ws: Workspace, args: argparse.Namespace) -> None:
    """A writer repairs the index; a reader uses it as it is and says how far behind it is.

    A reader may repair it only by becoming the writer for a moment, when no one else is.
    """
    if not ws.readonly:
        _repair(ws)
        return
    state = ws.index.state()
    if state == "ok":
        return
    with momentary_writer(ws) as writer:
        if writer is not None:
            _repair(writer)
    if writer is not None:
        ws.reopen_index()
        return
    if state == "behind":
        behind = ws.db.scalar("SELECT count(*) FROM index_queue")
        print(f"briefing: note: the search index is {behind} article change(s) behind the "
              "library; the Briefing that is writing it will catch up", file=sys.stderr)
    else:
        print(f"briefing: warning: the search index is {state} and cannot be repaired now "
              f"({ws.readonly_reason}); search results may be incomplete", file=sys.stderr)


def _repair(ws: Workspace) -> None:
    try:
        state = ws.index.ensure(progress=_rebuild_progress)
    except WriteFailed as exc:  # a full disk or read-only index: the command may still work
        print(f"briefing: {exc}", file=sys.stderr)
        return
    if state in ("missing", "damaged", "stale") and ws.articles.count():
        print(f"briefing: the search index was {state}; rebuilt it from the library",
              file=sys.stderr)


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
        "provenance": dict(article.provenance),
        "kind": article.kind,
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
        "note": article.note,
        "caveat": article.caveat,
    }
