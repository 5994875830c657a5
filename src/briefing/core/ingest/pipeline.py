"""Import files into a workspace: read -> refine -> dedupe -> store -> index.

`import_files` yields one ImportProgress per file, as plain values, so the CLI
prints lines and the UI moves a progress bar from the same generator. One bad
file never stops the batch; a file is stored in one transaction, so a killed
process leaves no half-imported article and the same import can be rerun.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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

KNOWN_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf"}
MIN_WORDS = 25
INDEX_EVERY = 250


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


def read_article(data: bytes, filename: str) -> tuple[Extracted, Refined]:
    """Read a file's bytes and clean them into an article: the one entry point of the
    reading and cleaning rules, used by import and by re-cleaning (core/reclean.py).
    Raises ReadError when the file cannot be read."""
    extracted = read_document(data, filename)
    return extracted, refine_article(extracted.text, extracted.hints, filename,
                                     extracted.blocks, extracted.page_text)


def _word_count(text: str) -> int:
    return word_count(text)


class Importer:
    """Imports files one at a time into an open workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def import_one(self, path: Path, explicit: bool = True) -> ImportResult:
        """Import one file; pipes, sockets and devices are skipped without being opened.

        The name shown and stored is `printable_name`'s: one line, whatever bytes it has.
        """
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
        return self.import_bytes(data, printable_name(path.name), display=name)

    def import_bytes(self, data: bytes, filename: str, display: str | None = None) -> ImportResult:
        name = display or filename
        digest = hashlib.sha256(data).hexdigest()
        existing = self.ws.articles.by_original_hash(digest)
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
        thash = dedupe.text_hash(text)
        same = self.ws.articles.by_text_hash(thash)
        if same is not None:
            return self._duplicate(name, same)
        shingle_set = dedupe.shingles(text)
        sketch = dedupe.sketch(shingle_set)
        for candidate, _shared in self.ws.articles.sketch_candidates(sketch, dedupe.MIN_SHARED):
            other = dedupe.shingles(self.ws.articles.text(candidate))
            if dedupe.containment(shingle_set, other) >= dedupe.CONTAINMENT:
                return self._duplicate(name, candidate)
        meta = refined.metadata
        self.ws.store_original(data, digest)
        article_id = self.ws.articles.add(NewArticle(
            title=meta.title, text=text, text_hash=thash, source_file=filename,
            original_hash=digest, format=extracted.format, title_inferred=meta.title_inferred,
            publisher=meta.publisher, authors=meta.authors, published=meta.published,
            source_url=meta.url, language=meta.language, words=words,
            provenance=meta.provenance or None, kind=meta.kind), sketch)
        return ImportResult(name, "imported", article_id=article_id, title=meta.title)

    def _duplicate(self, name: str, article_id: int) -> ImportResult:
        article = self.ws.articles.get(article_id)
        return ImportResult(name, "duplicate", duplicate_of=article_id,
                            title=article.title if article else None)


def import_files(ws: Workspace, paths: Iterable[str | Path],
                 cancelled: Callable[[], bool] | None = None,
                 index: bool = True, index_every: int = INDEX_EVERY) -> Iterator[ImportProgress]:
    """Import files and folders, yielding progress per file; indexes every `index_every`
    imported articles and at the end (unless `index` is False).

    A full disk, a read-only folder or an I/O error while writing stops the batch
    with WriteFailed (one line, with the space needed): what was committed before
    stays, the index catches up on the next open, and the same import can be rerun.
    """
    files = collect_files(paths)
    importer = Importer(ws)
    pending = imported = 0
    failed = False
    try:
        for done, (path, explicit) in enumerate(files, start=1):
            if cancelled and cancelled():
                break
            try:
                if index and pending >= index_every:  # after the last file's line was shown
                    pending = 0
                    ws.index.sync()
                result = importer.import_one(path, explicit)
            except Exception as exc:
                if not is_write_fault(exc):
                    raise
                failed = True
                raise _stopped(ws, exc, files[done - 1:], imported) from None
            if result.status == "imported":
                imported += 1
                pending += 1
            yield ImportProgress(done, len(files), result)
    finally:
        if index and pending and not failed:
            try:
                ws.index.sync()
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
