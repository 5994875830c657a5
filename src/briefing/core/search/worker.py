"""The index helper process's side: writes to the Whoosh index, one commit each.

The desktop app sends index writes to a helper process (SearchIndex.write_in_process):
`serve` reads pickled requests from stdin and answers each; `write_batch` is one commit,
run there (or in the caller's process when there is no helper).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path

from whoosh import index as whoosh_index

from briefing.core.fileio import fsync_dir
from briefing.core.search.merging import LADDER
from briefing.core.search.schema import make_schema, to_fields
from briefing.core.search.segments import prepare

# Incremental writes sort each run's postings in one sorted() call holding the GIL; small
# runs keep that under ~60 ms so the UI thread never stalls while an import indexes.
INCREMENTAL_WRITER_MB = 8
# The helper process sorts a whole batch (up to 2,000 articles) in memory.
HELPER_WRITER_MB = 128


def _fsync_files(folder: Path, since: float = 0.0) -> None:
    """Flush Whoosh's files to disk (Whoosh itself never does)."""
    for f in folder.iterdir():
        if f.is_file() and f.stat().st_mtime >= since:
            with open(f, "rb+") as fh:
                os.fsync(fh.fileno())
    fsync_dir(folder)


WORKER_CODE = "from briefing.core.search.worker import serve; serve()"
_WORKER_INDEXES: dict[str, whoosh_index.Index] = {}


def _worker_env() -> dict[str, str]:
    """The helper must import briefing even from a source checkout."""
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def serve() -> None:
    """The helper process: read pickled (folder, kind, items) writes from stdin until EOF,
    answer each with None or the exception it raised."""
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            folder, kind, items = pickle.load(source)
        except EOFError:
            return
        try:
            if kind == "rebuild":
                _WORKER_INDEXES.pop(folder, None)  # the folder is about to be swapped
                from briefing.core.indexing import rebuild_from_library

                for done, total in rebuild_from_library(items):
                    sink.write(pickle.dumps(("progress", done, total)))
                    sink.flush()
            else:
                write_batch(folder, kind, items)
            reply: BaseException | None = None
        except Exception as exc:  # noqa: BLE001 - handed back to the caller to raise
            reply = exc
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            data = pickle.dumps(RuntimeError(repr(reply)))
        sink.write(data)
        sink.flush()


def write_batch(folder: str, kind: str, items: list,
                ix: whoosh_index.Index | None = None) -> None:
    """One commit to the index in `folder`: "upsert" IndexDocs or "delete" article ids.

    Runs in the helper process (which keeps its Index open between calls) or, with
    `ix`, in the caller's. Segments are merged on commit by merging.LADDER.
    """
    limit = INCREMENTAL_WRITER_MB
    if ix is None:  # the helper: no UI thread to share the interpreter lock with
        limit = HELPER_WRITER_MB  # so a batch's postings are sorted in memory, never spilled
        ix = _WORKER_INDEXES.get(folder)
        if ix is None:
            ix = _WORKER_INDEXES[folder] = whoosh_index.open_dir(folder, schema=make_schema())
    path = Path(folder)
    started = _now_mtime(path)
    writer = prepare(ix.writer(procs=1, limitmb=limit))
    try:
        for item in items:
            if kind == "upsert":
                writer.update_document(**to_fields(item))
            else:
                writer.delete_by_term("article_id", str(item))
        writer.commit(mergetype=LADDER)
    except BaseException:  # e.g. a full disk mid-commit: the old TOC still stands
        _abandon(writer)
        _WORKER_INDEXES.pop(folder, None)
        raise
    _fsync_files(path, since=started)


def _abandon(writer) -> None:
    """Give up a writer, even one whose commit failed half-way: cancel() if it still can,
    else at least release its lock, so later writes in this process are not refused
    with LockError until it exits."""
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - the writer is half-closed; its lock is what matters
        lock = getattr(writer, "writelock", None)
        if lock is not None:
            with contextlib.suppress(Exception):
                lock.release()


def _now_mtime(folder: Path) -> float:
    """A timestamp on the file system's clock (mtimes can be coarse: step back a little)."""
    probe = folder / ".mtime-probe"
    probe.touch()
    try:
        return probe.stat().st_mtime - 2.0
    finally:
        probe.unlink(missing_ok=True)
