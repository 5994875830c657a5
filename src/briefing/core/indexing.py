"""Keeping the search index in step with the database.

The database is the truth; the index is derived. Every change to an article or
its highlights queues the article id (index_queue) in the same transaction, so
a crash between the database commit and the index write is caught up on the
next open. A missing, damaged or stale index is rebuilt from the database.
All index writes go through this one object, which holds the index's single writer.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from briefing.core.diskerrors import fault_reason, is_write_fault, write_failed
from briefing.core.models import Article
from briefing.core.search import IndexDoc, SearchIndex, SearchResults
from briefing.core.tags import tag_key

if TYPE_CHECKING:
    from briefing.core.workspace import Workspace

log = logging.getLogger(__name__)
GENERATION_KEY = "index_generation"
SYNC_BATCH = 500
# An import's syncs take up to this many articles a commit: when the index falls behind the
# reading, its commits grow, so fewer segments are written and merged (each merge copies
# every posting again: over 10,000 articles in commits of 500 the ladder copied each
# article 3-4 times, and a final merge of small segments took as long as the indexing).
BULK_SYNC_BATCH = 2000


class IndexManager:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.index = SearchIndex(ws.index_dir)
        self._write_lock = threading.Lock()

    def write_in_process(self, enabled: bool = True) -> None:
        """Index writes run in a helper process from now on (see SearchIndex.write_in_process):
        for the desktop app, whose UI thread must not wait for Whoosh's writer, and for a
        large import, which reads the next files while the helper indexes."""
        self.index.write_in_process(enabled)

    # -- documents -------------------------------------------------------------
    def _doc(self, article: Article, names: dict[str, str]) -> IndexDoc:
        highlights = self.ws.highlights.for_article(article.id)
        keys: list[str] = []
        for h in highlights:
            for key in h.perspectives:
                if key not in keys:
                    keys.append(key)
        perspectives = keys + [names[k] for k in keys if k in names]
        text = "\n".join(part for h in highlights for part in (h.quote, h.note, h.translation)
                         if part)
        # `tag:T` finds an article tagged T or holding a highlight tagged T
        tags: dict[str, str] = {}
        for name in [*article.tags, *(t for h in highlights for t in h.tags)]:
            tags.setdefault(tag_key(name), name)
        return IndexDoc(article_id=article.id, title=article.title, body=article.text,
                        publisher=article.publisher, authors=list(article.authors),
                        published=article.published, tags=list(tags.values()),
                        perspectives=perspectives, highlights=text,
                        language=article.language)

    def all_docs(self) -> Iterator[IndexDoc]:
        """Every article as an index document, in id order."""
        names = self._names()
        return (self._doc(a, names) for a in self.ws.articles.iter_with_text())

    def _names(self) -> dict[str, str]:
        return {p.key: p.name for p in self.ws.perspectives.all()}

    # -- health ----------------------------------------------------------------
    def state(self) -> str:
        """'ok', 'missing', 'damaged', 'stale' (built for another database state) or 'behind'."""
        health = self.index.health()
        if health != "ok":
            return health
        expected = self.ws.db.get_setting(GENERATION_KEY)
        if expected is None or str(self.index.generation) != expected:
            return "stale"
        if self.ws.db.scalar("SELECT count(*) FROM index_queue"):
            return "behind"
        return "ok"

    def ensure(self, progress: Callable[[int, int], None] | None = None) -> str:
        """Make the index usable: rebuild if missing/damaged/stale, catch up if behind.

        Returns the state found before repairing it.
        """
        found = self.state()
        if self.ws.readonly:
            return found
        if found in ("missing", "damaged", "stale"):
            for done, total in self.rebuild():
                if progress:
                    progress(done, total)
        elif found == "behind":
            self.sync()
        return found

    def rebuild(self) -> Iterator[tuple[int, int]]:
        """Build the whole index afresh from the database, yielding (done, total).

        A full disk, read-only folder or I/O error raises WriteFailed (one line, with
        the space needed); the half-built index is gone and the old one untouched.
        """
        try:
            yield from self._rebuild()
        except Exception as exc:
            if not is_write_fault(exc):
                raise
            raise write_failed("reindex", self.ws.index_dir, exc, self.space_needed(),
                               "the library is not affected") from None

    def space_needed(self) -> int:
        """About the room a rebuild takes: the article text once (the new index is built
        beside the old one, which is then removed)."""
        text = self.ws.db.scalar("SELECT coalesce(sum(length(text)), 0) FROM articles")
        return int(text or 0)

    def _rebuild(self) -> Iterator[tuple[int, int]]:
        with self._write_lock:
            total = self.ws.articles.count()
            seq = self.ws.db.scalar("SELECT coalesce(max(seq), 0) FROM index_queue")
            if self.index.uses_process:  # the helper reads the library read-only itself
                yield from self.index.rebuild_in_helper(self.ws.root)
            else:
                yield from self.index.rebuild(self.all_docs(), total)
            generation = random.randrange(1, 2**62)
            self.index.set_generation(generation)
            with self.ws.db.transaction() as conn:
                conn.execute("DELETE FROM index_queue WHERE seq <= ?", (seq,))
                conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                             "DO UPDATE SET value = excluded.value",
                             (GENERATION_KEY, str(generation)))

    def sync(self, batch: int = SYNC_BATCH) -> int:
        """Apply queued changes to the index, `batch` articles a commit. Returns the number
        of articles processed."""
        if self.ws.readonly:
            return 0
        processed = 0
        with self._write_lock:
            names = self._names()
            while True:
                queued = self.ws.db.query(
                    "SELECT article_id, seq FROM index_queue ORDER BY seq LIMIT ?", (batch,))
                if not queued:
                    return processed
                upserts: list[IndexDoc] = []
                deletes: list[int] = []
                for row in queued:
                    article = self.ws.articles.get(row["article_id"])
                    if article is None:
                        deletes.append(row["article_id"])
                    else:
                        upserts.append(self._doc(article, names))
                if deletes:
                    self.index.delete(deletes)
                if upserts:
                    self.index.upsert(upserts)
                with self.ws.db.transaction() as conn:
                    conn.executemany("DELETE FROM index_queue WHERE article_id = ? AND seq = ?",
                                     [(r["article_id"], r["seq"]) for r in queued])
                processed += len(queued)

    def catch_up(self) -> str | None:
        """sync(); but a full disk or an unwritable index folder is not the change's failure:
        the change is committed and stays queued, so this logs and returns a one-line
        warning instead of raising (None when the index is up to date)."""
        try:
            self.sync()
        except Exception as exc:
            if not is_write_fault(exc):
                raise
            line = (f"the search index could not be updated ({fault_reason(exc)} at "
                    f"{self.ws.index_dir}); the change is saved, and the index catches up "
                    "on the next start once it can be written")
            log.warning("%s", line, exc_info=True)
            return line
        return None

    # -- queries ------------------------------------------------------------------
    def search(self, query: str, limit: int = 20,
               within: Collection[int] | None = None,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """Results for `query`, never naming an article the library no longer holds (an
        index that lags behind a deletion, e.g. in a reader beside a writer); `within`
        limits them to these articles (a collection's). Raises SearchCancelled once
        `cancelled()` is true (a newer query replaced it)."""
        results = self.index.search(query, limit=limit, texts=self.ws.articles.text,
                                    within=within, cancelled=cancelled)
        ids = [h.article_id for h in results.hits]
        if ids:
            marks = ",".join("?" * len(ids))
            present = {r[0] for r in self.ws.db.query(
                f"SELECT id FROM articles WHERE id IN ({marks})", tuple(ids))}
            gone = len(ids) - len(present)
            if gone:
                results.hits = [h for h in results.hits if h.article_id in present]
                results.total = max(len(results.hits), results.total - gone)
        return results

    def matching_ids(self, query: str) -> tuple[list[int], str | None]:
        """Every article `query` matches (ids only, unscored): a saved search's members."""
        return self.index.matching_ids(query)

    def disagreements(self) -> tuple[set[int], set[int]]:
        """(in the library but not the index, in the index but not the library)."""
        in_db: set[int] = set(self.ws.articles.ids())
        in_index = self.index.article_ids()
        return in_db - in_index, in_index - in_db

    def close(self) -> None:
        self.index.close()


class BackgroundSync:
    """IndexManager.sync() run beside an import, so reading and cleaning the next files
    goes on while the index takes in the last ones (with the helper process on, the
    two use both cores).

    At most one sync runs at a time; a request while one runs is remembered and served
    when it ends, and that sync takes in everything queued by then (batches grow when the
    index is the slower side, which also means fewer segments to merge). An error in the
    background (a full disk, a read-only index folder) is raised by the next `request()`
    or by `finish()`, in the caller's thread.
    """

    def __init__(self, manager: IndexManager) -> None:
        self.manager = manager
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._running = False
        self._again = False
        self._error: BaseException | None = None

    def request(self) -> None:
        """Sync what is queued, in the background; raises an earlier sync's error."""
        self.check()
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
            self._thread = threading.Thread(target=self._run, name="index-sync", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            while True:
                try:
                    self.manager.sync(BULK_SYNC_BATCH)
                except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                    with self._lock:
                        self._error, self._again, self._running = exc, False, False
                    return
                with self._lock:
                    if not self._again:
                        self._running = False
                        return
                    self._again = False
        finally:
            self.manager.ws.db.close_thread()

    def check(self) -> None:
        """Raise the error a background sync met (once)."""
        with self._lock:
            error, self._error = self._error, None
        if error is not None:
            raise error

    def wait(self) -> None:
        """Wait for the running sync (if any) to end, without syncing anything more."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def finish(self) -> None:
        """Wait for the background sync, then sync the rest here; raises any error."""
        self.wait()
        self.check()
        self.manager.sync(BULK_SYNC_BATCH)


def rebuild_from_library(root: str) -> Iterator[tuple[int, int]]:
    """Rebuild the index of the workspace at `root` from its library, opened read-only.

    Runs in the index helper process (search.index.serve), so the app's own
    process keeps the interpreter lock for its window while Whoosh builds.
    """
    from briefing.core.workspace import Workspace

    ws = Workspace.open(root, readonly=True)
    try:
        manager = IndexManager(ws)
        try:
            yield from manager.index.rebuild(manager.all_docs(), ws.articles.count())
        finally:
            manager.close()
    finally:
        ws.close()
