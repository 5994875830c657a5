"""The on-disk Whoosh index: health, atomic rebuild, incremental writes, searching.

The index is derived data (the database is the truth), so every doubt about it
is answered by rebuilding. Whoosh never fsyncs and raises assorted non-Whoosh
exceptions (TypeError, UnpicklingError, EOFError, FileNotFoundError...) on a
truncated TOC or segment, so any exception while opening or probing reads as
"damaged". A rebuild writes into a fresh sibling folder, fsyncs it and swaps
it in, so a crash mid-rebuild leaves the old index (or none), never half of one.

One SearchIndex holds at most one writer at a time (IndexManager serialises
calls); writes are synchronous (no AsyncWriter: it drops documents on exit).
The desktop app sends them to a helper process (write_in_process; the client side
is helper.py, the process's own is worker.py): Whoosh's writer is pure Python, and
in a background thread it kept the interpreter lock from the UI thread for
100-500 ms at a time during imports.
The searcher is kept open between queries and refreshed only when the index
changed, which is most of the latency budget for search-as-you-type. Searches
run without Whoosh's block-quality skipping (optimize=False): with it, the exact
total needs a second pass over the matches, which made AND and phrase queries
2-4x slower on the benchmark corpus.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query
from whoosh.searching import Searcher

from briefing.core.fileio import atomic_write_bytes, fsync_dir
from briefing.core.search import mapped
from briefing.core.search.cancel import SearchCancelled
from briefing.core.search.helper import HELPER_IDLE_S, HelperTimeout, IndexHelper
from briefing.core.search.highlight import TermMatcher, marked, snippet
from briefing.core.search.pairs import LIST_KEY
from briefing.core.search.prefix import Omitted, bound_prefixes
from briefing.core.search.query import make_parser, parse, plain_words, words_query
from briefing.core.search.running import run_query
from briefing.core.search.schema import (
    SCHEMA_VERSION,
    article_language,
    library_languages,
    make_schema,
    to_fields,
)
from briefing.core.search.scoring import TableBM25F
from briefing.core.search.segments import prepare
from briefing.core.search.types import IndexDoc, SearchHit, SearchResults
from briefing.core.search.worker import _abandon, _fsync_files, serve, write_batch

__all__ = ["HelperTimeout", "SearchIndex", "serve", "write_batch"]

META_FILE = "briefing-index.json"
WRITER_MB = 128  # full rebuilds: fewer, bigger runs
PROGRESS_EVERY = 100
log = logging.getLogger(__name__)
mapped.install()  # segments are read where they are mapped, not copied on opening


def _write_json(path: Path, data: dict) -> None:
    atomic_write_bytes(path, json.dumps(data).encode("utf-8"))


class SearchIndex:
    """The Whoosh index in `folder` (the workspace's index/)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.schema = make_schema()
        self._parser = make_parser(self.schema, library=self._library_languages)
        self._ix: whoosh_index.Index | None = None
        self._searcher: Searcher | None = None
        self._lock = threading.RLock()
        self._use_process = False
        # HELPER_IDLE_S is read here, from this module, so a caller may change it first.
        self._helper = IndexHelper(busy=self._lock, idle_s=HELPER_IDLE_S)

    @property
    def helper_timeout(self) -> float:
        """Seconds the helper process may take to answer before it is taken as hung."""
        return self._helper.timeout

    @helper_timeout.setter
    def helper_timeout(self, seconds: float) -> None:
        self._helper.timeout = seconds

    @property
    def _process(self) -> subprocess.Popen | None:
        return self._helper.process

    # -- opening and health ------------------------------------------------------
    def _has_files(self) -> bool:
        if not self.folder.is_dir():
            return False
        return any(f.name != META_FILE and "WRITELOCK" not in f.name
                   and not f.name.startswith(".") for f in self.folder.iterdir())

    def _open(self) -> whoosh_index.Index:
        if self._ix is None:
            self._ix = whoosh_index.open_dir(str(self.folder), schema=self.schema)
        return self._ix

    def _get_searcher(self) -> Searcher:
        """The open searcher, replaced by a new one when the index changed on disk.

        Not Searcher.refresh(): whoosh-reloaded 2.7.5's reader reuse keeps segments
        that a merge or a deletion replaced, so deleted articles would still be found.
        """
        if self._searcher is not None:
            ix = self._open()
            if ix.latest_generation() == self._searcher.reader().generation():
                return self._searcher
            with contextlib.suppress(Exception):
                self._searcher.close()
            self._searcher = None
        self._searcher = self._open().searcher(weighting=TableBM25F())
        return self._searcher

    def _drop(self) -> None:
        """Forget open readers (after a write elsewhere, a swap or damage)."""
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
        self._searcher = None
        if self._ix is not None:
            with contextlib.suppress(Exception):
                self._ix.close()
        self._ix = None

    def _probe(self) -> None:
        """Touch every segment's files: TOC, term index, postings, stored fields."""
        searcher = self._get_searcher()
        reader = searcher.reader()
        leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
        for leaf, _offset in leaves:
            leaf.doc_count_all()
            for fieldname in ("text", "title"):
                for term in leaf.lexicon(fieldname):
                    list(leaf.postings(fieldname, term).all_ids())
                    break
            last = leaf.doc_count_all() - 1
            if last >= 0:
                for docnum in {0, last}:
                    if not leaf.is_deleted(docnum):
                        leaf.stored_fields(docnum)
        searcher.search(query.Term("text", "budanov"), limit=1)

    def health(self) -> str:
        """'ok', 'missing' (nothing there) or 'damaged' (there but unreadable)."""
        with self._lock:
            if not self._has_files():
                return "missing"
            with _quiet_leaks() as failed:
                try:
                    if not whoosh_index.exists_in(str(self.folder)):
                        return "damaged"
                    self._probe()
                except Exception:  # noqa: BLE001 - whatever Whoosh raises, it is unusable
                    self._drop()
                    failed.append(True)
            return "damaged" if failed else "ok"

    # -- generation ----------------------------------------------------------------
    @property
    def generation(self) -> int | None:
        """The generation stamped by set_generation; None if absent or another schema."""
        try:
            data = json.loads((self.folder / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION
                or data.get("pairs") != LIST_KEY):  # built for another list of common words
            return None
        gen = data.get("generation")
        return gen if isinstance(gen, int) else None

    def set_generation(self, generation: int) -> None:
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_json(self.folder / META_FILE,
                        {"schema": SCHEMA_VERSION, "pairs": LIST_KEY,
                         "generation": int(generation)})

    # -- writing -------------------------------------------------------------------
    def rebuild(self, docs: Iterable[IndexDoc], total: int) -> Iterator[tuple[int, int]]:
        """Build a complete index from `docs` beside the old one, then swap it in.

        Yields (done, total) as it goes. Stopping the iteration early abandons
        the new index and leaves the old one untouched.
        """
        parent = self.folder.parent
        parent.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        build = Path(tempfile.mkdtemp(dir=parent, prefix=f".{self.folder.name}-build-"))
        done = 0
        try:
            ix = whoosh_index.create_in(str(build), self.schema)
            writer = prepare(ix.writer(procs=1, limitmb=WRITER_MB))
            try:
                yield 0, total
                for doc in docs:
                    writer.add_document(**to_fields(doc))
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        yield done, max(total, done)
                writer.commit(optimize=True)
            except BaseException:
                _abandon(writer)
                raise
            finally:
                ix.close()
            _write_json(build / META_FILE, {"schema": SCHEMA_VERSION, "pairs": LIST_KEY,
                                            "generation": None})
            _fsync_files(build)
            with self._lock:
                self._drop()
                self._swap(build)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
        yield done, max(total, done)

    def _swap(self, build: Path) -> None:
        old = None
        if self.folder.exists():
            old = Path(tempfile.mkdtemp(dir=self.folder.parent, prefix=f".{self.folder.name}-old-"))
            os.rmdir(old)
            os.rename(self.folder, old)
        os.rename(build, self.folder)
        fsync_dir(self.folder.parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _remove_leftovers(self) -> None:
        """Delete build/old folders left by a crash during an earlier rebuild."""
        for prefix in (f".{self.folder.name}-build-", f".{self.folder.name}-old-"):
            for leftover in self.folder.parent.glob(prefix + "*"):
                shutil.rmtree(leftover, ignore_errors=True)

    def _writer_index(self) -> whoosh_index.Index:
        if not whoosh_index.exists_in(str(self.folder)):
            self.folder.mkdir(parents=True, exist_ok=True)
            self._drop()
            self._ix = whoosh_index.create_in(str(self.folder), self.schema)
        return self._open()

    def write_in_process(self, enabled: bool = True) -> None:
        """Run upserts and deletes in a helper process (the desktop app turns this on).

        Whoosh's writer (tokenising, sorting postings, merging segments) is pure Python
        and in a background thread it starved the UI thread of the interpreter lock
        for 100-400 ms at a time; in its own process it cannot (see helper.py).
        """
        with self._lock:
            self._use_process = enabled
            if not enabled:
                self._helper.stop()

    @property
    def uses_process(self) -> bool:
        return self._use_process

    @property
    def helper_pid(self) -> int | None:
        """The running helper process's id; None when there is none (not started yet, or
        it died and the last write ran in this process instead). The self-test reads it."""
        return self._helper.pid

    def rebuild_in_helper(self, root: Path) -> Iterator[tuple[int, int]]:
        """Like rebuild(), run in the helper process from the workspace at `root`.

        Yields (done, total) as the helper reports it. Stopping early stops the
        helper; its half-built folder is removed by the next rebuild.
        """
        try:
            yield from self._helper.rebuild(self.folder, root)
        finally:
            with self._lock:
                self._drop()  # the folder was swapped: the next search opens the new one

    def upsert(self, docs: list[IndexDoc]) -> None:
        """Add or replace these articles (by article_id), in one commit."""
        if docs:
            self._write("upsert", list(docs))

    def delete(self, ids: list[int]) -> None:
        """Remove these articles from the index, in one commit."""
        if ids:
            self._write("delete", [int(i) for i in ids])

    def _write(self, kind: str, items: list) -> None:
        """In the helper when it is on, without holding the searcher's lock: a search while
        an import's batch (up to 2,000 articles) is written answers from the index as it
        was, instead of waiting for the commit. In this process if the helper died."""
        with self._lock:
            self._writer_index()
            in_helper = self._use_process
        if in_helper and self._helper.write((str(self.folder), kind, items),
                                            ask=self._ask_process):
            return
        with self._lock:
            write_batch(str(self.folder), kind, items, self._open())

    def _ask_process(self, request: tuple) -> BaseException | None:
        """Send one write to the helper and wait for its answer (tests wrap this)."""
        return self._helper.ask(request)

    # -- searching -----------------------------------------------------------------
    def _library_languages(self) -> frozenset[str] | None:
        """The languages of the indexed articles (None when the index cannot say); read once
        per open searcher (a query right after a write may see the previous set: it only
        decides which language models a query may load)."""
        cached = getattr(self, "_languages", None)
        if cached is not None and self._searcher is not None and cached[0] is self._searcher:
            return cached[1]
        with _quiet_leaks() as failed:
            try:
                searcher = self._get_searcher()
                found = library_languages(searcher.lexicon("language"))
                self._languages = (searcher, found)
                return found
            except Exception:  # noqa: BLE001 - no index yet, or damaged: search() reports it
                self._drop()
                failed.append(True)
                return None

    def search(self, query_text: str, limit: int = 20,
               texts: Callable[[int], str] | None = None,
               within: Collection[int] | None = None,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """The first `limit` results for `query_text`, best first, with snippets and hit offsets.

        `texts(article_id)` returns an article's cleaned text; snippets and hit
        offsets are computed against it (the index does not store the body).
        `within`: only these articles (a collection); None searches them all.
        With `cancelled`, raises SearchCancelled as soon as it returns true
        (checked while matches are scored and between snippets).
        """
        with self._lock:
            q, message = parse(self._parser, query_text)
            if q is None or (within is not None and not within):
                return SearchResults([], 0, message, query_text)
            searcher = None
            with _quiet_leaks() as failed:
                try:
                    searcher = self._get_searcher()
                except Exception:  # noqa: BLE001 - see health()
                    self._drop()
                    failed.append(True)
            if searcher is None:
                return SearchResults([], 0, "the search index is missing or damaged; "
                                     "run `briefing reindex`", query_text)
            only = None if within is None else _docnums(searcher, within)
            omitted: list[Omitted] = []
            try:
                q, omitted = bound_prefixes(q, searcher.reader())
                results, total = run_query(searcher, q, limit, cancelled, only)
            except SearchCancelled:
                raise
            except Exception as exc:  # noqa: BLE001 - a query Whoosh cannot run: use the words
                reason = f"could not run the query ({exc.__class__.__name__})"
                q = None
                if message is None:
                    q, message = words_query(self._parser, query_text, reason)
                if q is not None:
                    try:
                        q, omitted = bound_prefixes(q, searcher.reader())
                        results, total = run_query(searcher, q, limit, cancelled, only)
                    except SearchCancelled:
                        raise
                    except Exception:  # noqa: BLE001 - the index itself is failing
                        q = None
                if q is None:
                    self._drop()
                    return SearchResults([], 0, f"{reason}; if this persists, run "
                                         "`briefing reindex`", query_text)
            matcher = TermMatcher.from_query(q)
            hits = []
            for h in results:
                if cancelled is not None and cancelled():
                    raise SearchCancelled
                hits.append(self._hit(h, matcher, texts))
            shown = plain_words(query_text) if message else query_text
            note = "; ".join(o.describe() for o in omitted) or None
            return SearchResults(hits, total, message or self._also_matched(searcher), shown,
                                 note)

    def matching_ids(self, query_text: str) -> tuple[list[int], str | None]:
        """Every article the query matches (unscored, no snippets: what a saved search's
        members are), and the parser's message if the query was read as plain words."""
        with self._lock:
            q, message = parse(self._parser, query_text)
            if q is None:
                return [], message
            try:
                searcher = self._get_searcher()
                results = searcher.search(q, limit=None, scored=False, optimize=False)
                stored = searcher.stored_fields
                return sorted(int(stored(n)["article_id"]) for n in results.docs()), message
            except Exception:  # noqa: BLE001 - see health(): a damaged index finds nothing
                self._drop()
                return [], "the search index is missing or damaged; run `briefing reindex`"

    def _also_matched(self, searcher: Searcher) -> str | None:
        """"also matched: Буданов, 부다노프" when the query's names were also searched in
        their other spellings (resources/search/aliases.toml) and the library has them."""
        found = []
        for name, terms in self._parser.expanded:
            try:
                if any(searcher.doc_frequency("text", t) for t in terms):
                    found.append(name)
            except Exception:  # noqa: BLE001 - a notice only: the search itself stands
                log.exception("could not count the other spelling %r", name)
        return "also matched: " + ", ".join(found) if found else None

    @staticmethod
    def _hit(h, matcher: TermMatcher, texts: Callable[[int], str] | None) -> SearchHit:
        stored = h.fields()
        article_id = int(stored["article_id"])
        text = texts(article_id) if texts is not None else ""
        spans = matcher.spans(text, article_language(stored.get("language")))
        excerpt, inner, cut_start, cut_end = snippet(text, spans)
        return SearchHit(article_id=article_id, title=stored.get("title", ""),
                         publisher=stored.get("publisher_name"),
                         published=stored.get("published"), score=float(h.score),
                         snippet=marked(excerpt, inner, cut_start, cut_end), hits=spans,
                         excerpt=excerpt, excerpt_spans=inner)

    def article_ids(self) -> set[int]:
        """Every article id the index holds (live documents only); for `check`."""
        with self._lock:
            reader = self._get_searcher().reader()
            return {int(fields["article_id"]) for _num, fields in reader.iter_docs()}

    def doc_count(self) -> int:
        with self._lock:
            return self._get_searcher().doc_count()

    def close(self) -> None:
        with self._lock:
            self._drop()
            self._helper.close()


def _docnums(searcher: Searcher, article_ids: Collection[int]) -> set[int]:
    """The index's document numbers of these articles (a filter Whoosh applies cheaply; an
    Or of one term per article took ~55 ms for 500 articles)."""
    found = set()
    for article_id in article_ids:
        number = searcher.document_number(article_id=str(article_id))
        if number is not None:
            found.add(number)
    return found


@contextlib.contextmanager
def _quiet_leaks() -> Iterator[list[bool]]:
    """Whoosh leaves files open when opening a damaged index fails: close them here,
    quietly, rather than as ResourceWarnings at some later garbage collection.
    The caller appends to the yielded list when something failed."""
    failed: list[bool] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield failed
        if failed:
            gc.collect()
