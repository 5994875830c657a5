"""Import files into a workspace: read -> refine -> dedupe -> store -> index.

`import_files` yields one ImportProgress per file, as plain values, so the CLI
prints lines and the UI moves a progress bar from the same generator. One bad
file never stops the batch; a file is stored in one transaction, so a killed
process leaves no half-imported article and the same import can be rerun.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.core.ingest import dedupe
from briefing.core.ingest.readers import MAX_FILE_BYTES, read_document
from briefing.core.ingest.refine import refine_article
from briefing.core.ingest.types import ReadError
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


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Expand folders (recursively) into files. Returns (path, chosen explicitly)."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        out.append((Path(root) / name, False))
        else:
            out.append((path, True))
    return out


def _word_count(text: str) -> int:
    return len(text.split())


class Importer:
    """Imports files one at a time into an open workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def import_one(self, path: Path, explicit: bool = True) -> ImportResult:
        name = str(path)
        if not explicit and path.suffix.lower() not in KNOWN_SUFFIXES:
            return ImportResult(name, "skipped", reason=f"not an article file type ({path.suffix or 'no extension'})")
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return ImportResult(name, "failed", reason=(
                    f"the file is too large ({size / 1e6:.0f} MB; the limit is "
                    f"{MAX_FILE_BYTES / 1e6:.0f} MB)"))
            data = path.read_bytes()
        except FileNotFoundError:
            return ImportResult(name, "failed", reason="the file does not exist")
        except IsADirectoryError:
            return ImportResult(name, "failed", reason="this is a folder")
        except PermissionError:
            return ImportResult(name, "failed", reason="permission denied: the file cannot be read")
        except OSError as exc:
            return ImportResult(name, "failed", reason=f"cannot read the file ({exc.strerror or exc})")
        return self.import_bytes(data, path.name, display=name)

    def import_bytes(self, data: bytes, filename: str, display: str | None = None) -> ImportResult:
        name = display or filename
        digest = hashlib.sha256(data).hexdigest()
        existing = self.ws.articles.by_original_hash(digest)
        if existing is not None:
            return self._duplicate(name, existing)
        try:
            extracted = read_document(data, filename)
            refined = refine_article(extracted.text, extracted.hints, filename)
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
            source_url=meta.url, language=meta.language, words=words), sketch)
        return ImportResult(name, "imported", article_id=article_id, title=meta.title)

    def _duplicate(self, name: str, article_id: int) -> ImportResult:
        article = self.ws.articles.get(article_id)
        return ImportResult(name, "duplicate", duplicate_of=article_id,
                            title=article.title if article else None)


def import_files(ws: Workspace, paths: Iterable[str | Path],
                 cancelled: Callable[[], bool] | None = None,
                 index: bool = True) -> Iterator[ImportProgress]:
    """Import files and folders, yielding progress per file; indexes in batches."""
    files = collect_files(paths)
    importer = Importer(ws)
    pending = 0
    try:
        for done, (path, explicit) in enumerate(files, start=1):
            if cancelled and cancelled():
                break
            result = importer.import_one(path, explicit)
            if result.status == "imported":
                pending += 1
                if index and pending >= INDEX_EVERY:
                    ws.index.sync()
                    pending = 0
            yield ImportProgress(done, len(files), result)
    finally:
        if index and pending:
            ws.index.sync()
