"""Import files into a workspace: read -> refine -> dedupe -> store -> index.

`import_files` yields one ImportProgress per file, as plain values, so the CLI
prints lines and the UI moves a progress bar from the same generator. One bad
file never stops the batch; a file is stored in one transaction, so a killed
process leaves no half-imported article and the same import can be rerun.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.diskerrors import WriteFailed, is_write_fault, write_failed
from briefing.core.ingest import dedupe
from briefing.core.ingest.readers import MAX_FILE_BYTES, read_document
from briefing.core.ingest.refine import refine_article
from briefing.core.ingest.scripts import word_count
from briefing.core.ingest.sources import (
    NotAFile,
    check_regular,
    collect_files,
    printable_name,
    read_regular,
)
from briefing.core.ingest.types import Extracted, ReadError, Refined
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace

if TYPE_CHECKING:
    from briefing.core.indexing import BackgroundSync

KNOWN_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf"}
MIN_WORDS = 25
INDEX_EVERY = 250
# From this many files on, the index is written by the helper process (its start costs
# ~0.5 s, repaid after a few dozen articles).
HELPER_FROM = 100


@dataclass
class ImportResult:
    """What happened to one file."""

    path: str
    status: str  # "imported" | "duplicate" | "failed" | "skipped"
    article_id: int | None = None
    title: str | None = None
    duplicate_of: int | None = None
    reason: str | None = None

    def line(self) -> str:
        """One line for a person: what happened to which file."""
        name = self.path
        if self.status == "imported":
            return f"imported   {name}: #{self.article_id} {self.title}"
        if self.status == "duplicate":
            return f"duplicate  {name}: duplicate of #{self.duplicate_of} {self.title or ''}".rstrip()
        return f"{self.status:<10} {name}: {self.reason}"


@dataclass
class ImportProgress:
    done: int
    total: int
    result: ImportResult


def read_article(data: bytes, filename: str, choices: Mapping[str, str] | None = None
                 ) -> tuple[Extracted, Refined]:
    """Read a file's bytes and clean them into an article: the one entry point of the
    reading and cleaning rules, used by import and by re-cleaning (core/reclean.py).
    `choices` are the analyst's keep/drop lines for this article (applied after the rules).
    Raises ReadError when the file cannot be read."""
    extracted = read_document(data, filename)
    return extracted, refine_article(extracted.text, extracted.hints, filename,
                                     extracted.blocks, extracted.page_text, choices)


def _word_count(text: str) -> int:
    return word_count(text)


@dataclass
class Ready:
    """A file read, cleaned and found new: what storing it takes (its original's bytes
    and digest, the article row and its sketch)."""

    name: str
    data: bytes
    digest: str
    article: NewArticle
    sketch: list[int]
    shingles: set[int]


class Importer:
    """Imports files one at a time into an open workspace.

    A file goes through three steps: `prepare` (read, clean, metadata, shingles: no
    writes), `settle` (the duplicate checks against the library) and `commit` (the
    article row, once its original is on disk). `import_files` overlaps the writing of
    one article's original with the reading of the next file.
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def import_one(self, path: Path, explicit: bool = True) -> ImportResult:
        """Import one file; pipes, sockets and devices are skipped without being opened.

        The name shown and stored is `printable_name`'s: one line, whatever bytes it has.
        """
        return self._store(self.prepare(path, explicit))

    def import_bytes(self, data: bytes, filename: str, display: str | None = None) -> ImportResult:
        return self._store(self.prepare_bytes(data, filename, display))

    def _store(self, step: ImportResult | Ready) -> ImportResult:
        if isinstance(step, ImportResult):
            return step
        found = self.settle(step)
        if isinstance(found, ImportResult):
            return found
        self.ws.store_original(found.data, found.digest)
        return self.commit(found)

    def prepare(self, path: Path, explicit: bool = True) -> ImportResult | Ready:
        """Read and clean one file (no writes): a Ready, or the result that ends it here."""
        name = printable_name(path)
        if not explicit and path.suffix.lower() not in KNOWN_SUFFIXES:
            return ImportResult(name, "skipped", reason=f"not an article file type ({printable_name(path.suffix) or 'no extension'})")
        try:
            size = check_regular(path)
            if size > MAX_FILE_BYTES:
                return ImportResult(name, "failed", reason=(
                    f"the file is too large ({size / 1e6:.0f} MB; the limit is "
                    f"{MAX_FILE_BYTES / 1e6:.0f} MB)"))
            data = read_regular(path)
        except NotAFile as exc:
            return ImportResult(name, "failed" if str(exc) == "this is a folder" else "skipped",
                                reason=str(exc))
        except FileNotFoundError:
            return ImportResult(name, "failed", reason="the file does not exist (or is a broken link)")
        except PermissionError:
            return ImportResult(name, "failed", reason="permission denied: the file cannot be read")
        except OSError as exc:
            return ImportResult(name, "failed", reason=f"cannot read the file ({exc.strerror or exc})")
        return self.prepare_bytes(data, printable_name(path.name), display=name)

    def prepare_bytes(self, data: bytes, filename: str,
                      display: str | None = None) -> ImportResult | Ready:
        name = display or filename
        digest = hashlib.sha256(data).hexdigest()
        existing = self.ws.articles.by_original_hash(digest)  # a rerun: no cleaning at all
        if existing is not None:
            return self._duplicate(name, existing)
        try:
            extracted, refined = read_article(data, filename)
        except ReadError as exc:
            return ImportResult(name, "failed", reason=str(exc))
        except Exception as exc:  # a reader bug must not stop the batch
            return ImportResult(name, "failed", reason=f"unexpected error while reading ({exc!r})")
        text = refined.text
        words = _word_count(text)
        if words < MIN_WORDS:
            return ImportResult(name, "failed", reason=(
                f"no article text found (only {words} words left after removing page furniture)"))
        shingle_set = dedupe.shingles(text)
        meta = refined.metadata
        article = NewArticle(
            title=meta.title, text=text, text_hash=dedupe.text_hash(text), source_file=filename,
            original_hash=digest, format=extracted.format, title_inferred=meta.title_inferred,
            publisher=meta.publisher, authors=meta.authors, published=meta.published,
            source_url=meta.url, language=meta.language, words=words,
            provenance=meta.provenance or None, kind=meta.kind)
        return Ready(name, data, digest, article, dedupe.sketch(shingle_set), shingle_set)

    def settle(self, ready: Ready) -> ImportResult | Ready:
        """The duplicate checks against the library as it is now (same bytes, same text,
        or a near-duplicate by sketch and containment)."""
        articles = self.ws.articles
        same = articles.by_original_hash(ready.digest) or articles.by_text_hash(
            ready.article.text_hash)
        if same is not None:
            return self._duplicate(ready.name, same)
        for candidate, _shared in articles.sketch_candidates(ready.sketch, dedupe.MIN_SHARED):
            other = dedupe.shingles(articles.text(candidate))
            if dedupe.containment(ready.shingles, other) >= dedupe.CONTAINMENT:
                return self._duplicate(ready.name, candidate)
        return ready

    def commit(self, ready: Ready) -> ImportResult:
        """Add the article (its original must already be stored)."""
        article_id = self.ws.articles.add(ready.article, ready.sketch)
        return ImportResult(ready.name, "imported", article_id=article_id,
                            title=ready.article.title)

    def _duplicate(self, name: str, article_id: int) -> ImportResult:
        article = self.ws.articles.get(article_id)
        return ImportResult(name, "duplicate", duplicate_of=article_id,
                            title=article.title if article else None)


@dataclass
class _Held:
    """An article whose original is being written (in a thread) while the next file is read."""

    done: int
    ready: Ready
    written: Future[str]


def import_files(ws: Workspace, paths: Iterable[str | Path],
                 cancelled: Callable[[], bool] | None = None,
                 index: bool = True, index_every: int = INDEX_EVERY) -> Iterator[ImportProgress]:
    """Import files and folders, yielding progress per file; indexes every `index_every`
    imported articles and at the end (unless `index` is False).

    The CLI and the app both import through this generator. Three things overlap: the
    next file is read and cleaned while the last article's original is written and
    flushed to disk (a thread), and the index takes in each batch in the background
    (indexing.BackgroundSync); from HELPER_FROM files on, Whoosh's writer runs in the
    index helper process (as it always does in the app), so the import uses two cores.
    An article is added to the library only once its original is on disk, and its line
    is yielded only once it is added; files are reported in order.

    A full disk, a read-only folder or an I/O error while writing stops the batch
    with WriteFailed (one line, with the space needed): what was committed before
    stays, the index catches up on the next open, and the same import can be rerun.
    """
    from briefing.core.indexing import BackgroundSync  # Whoosh, only once an import runs

    files = collect_files(paths)
    total = len(files)
    importer = Importer(ws)
    background = BackgroundSync(ws.index) if index and not ws.readonly else None
    helper = (background is not None and total >= HELPER_FROM
              and not ws.index.index.uses_process)
    if helper:
        ws.index.write_in_process()
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="originals")
    held: _Held | None = None
    pending = imported = 0
    failed = False

    def settle_held() -> ImportProgress:
        """Add the held article once its original is on disk (a write fault: stop)."""
        nonlocal held, failed
        assert held is not None
        item, held = held, None
        try:
            item.written.result()
            return ImportProgress(item.done, total, importer.commit(item.ready))
        except Exception as exc:
            if not is_write_fault(exc):
                raise
            failed = True
            raise _stopped(ws, exc, files[item.done - 1:], imported) from None

    try:
        for done, (path, explicit) in enumerate(files, start=1):
            if cancelled and cancelled():
                break
            try:
                if background is not None and pending >= index_every:
                    pending = 0  # after the last file's line was shown
                    background.request()
                step = importer.prepare(path, explicit)
            except Exception as exc:
                if not is_write_fault(exc):
                    raise
                failed = True
                first = held.done if held is not None else done
                raise _stopped(ws, exc, files[first - 1:], imported) from None
            if held is not None:
                progress = settle_held()
                imported += 1
                pending += 1
                yield progress
            if isinstance(step, Ready):
                step = importer.settle(step)
            if isinstance(step, Ready):
                held = _Held(done, step, writer.submit(ws.store_original, step.data, step.digest))
                continue
            yield ImportProgress(done, total, step)
        if held is not None:
            progress = settle_held()
            imported += 1
            yield progress
    finally:
        # An article whose original was written but that was not added (the caller
        # stopped early) stays out, as after a crash between the two writes: a rerun adds it.
        writer.shutdown(wait=True)
        try:
            if background is not None:
                if failed:
                    background.wait()
                else:
                    _finish(ws, background, imported)
        finally:
            if helper:
                ws.index.write_in_process(False)


def _finish(ws: Workspace, background: BackgroundSync, imported: int) -> None:
    """The index takes in the rest of the import; a write fault becomes WriteFailed."""
    try:
        background.finish()
    except Exception as exc:
        if not is_write_fault(exc):
            raise
        raise _stopped(ws, exc, [], imported) from None


def _stopped(ws: Workspace, exc: BaseException, remaining: list[tuple[Path, bool]],
             imported: int) -> WriteFailed:
    """The WriteFailed for an import cut short by the disk: room for what is left to do."""
    needed = 0
    for path, _explicit in remaining:
        try:
            needed += 2 * check_regular(path)  # the original, plus its text and index entry
        except (OSError, NotAFile):
            continue
    target = ws.index_dir if _in_index(ws, exc) else ws.root
    kept = (f"the {imported} article(s) imported before it are kept" if imported else
            "nothing was changed")
    return write_failed("import", target, exc, needed, kept)


def _in_index(ws: Workspace, exc: BaseException) -> bool:
    filename = getattr(exc, "filename", None)
    return bool(filename) and str(ws.index_dir) in str(filename)
