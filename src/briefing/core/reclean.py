"""Re-clean articles from their originals with the current reading and cleaning rules.

Rules change under a library that holds months of highlights. Re-cleaning takes one
verified backup first, then re-reads each article's original bytes through the import
pipeline's own entry point (`pipeline.read_article`), swaps in the new text and the
metadata the analyst has not confirmed, and re-anchors the highlights in the same
transaction. A highlight that cannot be re-placed is orphaned (kept, never dropped) and
named in the report. Fields with provenance "confirmed" are never overwritten, and the
analyst's cleaning choices (lines kept or dropped, core/cleaning_choices.py) are applied
after the rules every time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from briefing.core.ingest import dedupe
from briefing.core.ingest.pipeline import read_article
from briefing.core.ingest.types import ArticleMetadata, ReadError
from briefing.core.models import METADATA_FIELDS, Article
from briefing.core.workspace import Workspace


@dataclass
class RecleanResult:
    """What re-cleaning did to one article."""

    article_id: int
    title: str
    changed: list[str] = field(default_factory=list)  # "text" and metadata fields
    kept: list[str] = field(default_factory=list)  # confirmed fields that would have changed
    placed: int = 0
    orphaned: list[tuple[int, str]] = field(default_factory=list)  # newly orphaned (id, quote)
    error: str | None = None

    def line(self) -> str:
        """One line for a person."""
        head = f"#{self.article_id} {self.title}"
        if self.error:
            return f"failed     {head}: {self.error}"
        parts = ["changed " + ", ".join(self.changed) if self.changed else "unchanged"]
        if self.kept:
            parts.append("kept your " + ", ".join(self.kept))
        if self.placed or self.orphaned:
            parts.append(f"{self.placed} highlight(s) placed, {len(self.orphaned)} orphaned")
        return f"recleaned  {head}: " + "; ".join(parts)


def _fresh_values(meta: ArticleMetadata) -> dict[str, object]:
    """The metadata the cleaning rules find now, keyed like the article's fields."""
    return {"title": meta.title, "publisher": meta.publisher, "authors": list(meta.authors),
            "published": meta.published, "source_url": meta.url, "language": meta.language,
            "kind": meta.kind}


def _fresh_provenance(meta: ArticleMetadata) -> dict[str, str]:
    if meta.provenance:  # set by the metadata rules that record how they found a field
        return dict(meta.provenance)
    return {"title": "inferred" if meta.title_inferred else "explicit"}


def _merge(article: Article, meta: ArticleMetadata) -> tuple[dict[str, object], list[str],
                                                              list[str]]:
    """(columns to write, fields changed, confirmed fields kept although the rules differ)."""
    fresh = _fresh_values(meta)
    provenance = _fresh_provenance(meta)
    current = {"title": article.title, "publisher": article.publisher,
               "authors": list(article.authors), "published": article.published,
               "source_url": article.source_url, "language": article.language,
               "kind": article.kind}
    updates: dict[str, object] = {}
    changed: list[str] = []
    kept: list[str] = []
    if fresh["kind"] is None:
        fresh["kind"] = current["kind"]  # the rules say nothing about kind: leave it
    for name in METADATA_FIELDS:
        if article.is_confirmed(name):
            provenance[name] = "confirmed"
            if fresh[name] != current[name]:
                kept.append(name)
            continue
        if fresh[name] != current[name]:
            updates[name] = fresh[name]
            changed.append(name)
    if not article.is_confirmed("title"):
        updates["title_inferred"] = meta.title_inferred
    if provenance != article.provenance:
        updates["provenance"] = provenance
    return updates, changed, kept


def reclean_one(ws: Workspace, article_id: int) -> RecleanResult:
    """Re-clean one article (no backup: `reclean` takes it once for the batch)."""
    article = ws.articles.get(article_id)
    if article is None:
        return RecleanResult(article_id, "", error="no such article")
    result = RecleanResult(article_id, article.title)
    try:
        data = ws.read_original(article.original_hash)
    except FileNotFoundError:
        result.error = "its original file is missing from originals/"
        return result
    except OSError as exc:
        result.error = f"its original cannot be read ({exc.strerror or exc})"
        return result
    try:
        _extracted, refined = read_article(data, article.source_file,
                                           ws.cleaning.for_article(article_id))
    except ReadError as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        result.error = f"unexpected error while reading ({exc!r})"
        return result
    updates, result.changed, result.kept = _merge(article, refined.metadata)
    text = refined.text
    was_orphan = {h.id for h in ws.highlights.for_article(article_id) if h.orphaned}
    with ws.db.transaction() as conn:
        if text != article.text:
            ws.articles.replace_text(conn, article_id, text, dedupe.text_hash(text),
                                     len(text.split()))
            result.changed.insert(0, "text")
            result.placed, _ = ws.highlights.reanchor_article(conn, article_id, text)
        ws.articles.write_metadata(conn, article_id, updates)
    result.orphaned = [(h.id, h.quote) for h in ws.highlights.for_article(article_id)
                       if h.orphaned and h.id not in was_orphan]
    if "title" in result.changed:
        result.title = str(updates["title"])
    return result


def reclean(ws: Workspace, article_ids: Iterable[int] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Iterator[RecleanResult]:
    """Re-clean articles (all when `article_ids` is None) after one verified backup.

    Raises WorkspaceReadOnly when writing is refused and BackupError when the backup
    fails (then nothing was changed). The index is brought up to date at the end.
    """
    ws.require_writable("re-clean articles")
    ids = list(article_ids) if article_ids is not None else ws.articles.ids()
    if not ids:
        return
    ws.backup("bulk", f"before re-cleaning {len(ids)} article(s)")
    try:
        for article_id in ids:
            if cancelled and cancelled():
                break
            yield reclean_one(ws, article_id)
    finally:
        ws.index.catch_up()
