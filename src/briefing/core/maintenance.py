"""Whole-workspace checks and repairs: database integrity, originals, index, re-cleaning."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from briefing.core.backups import newest_good
from briefing.core.ingest import dedupe
from briefing.core.ingest.readers import read_document
from briefing.core.ingest.refine import refine_article
from briefing.core.store.health import library_damage
from briefing.core.workspace import Workspace


def check_workspace(ws: Workspace) -> list[str]:
    """Problems found, one line each (empty when all is well)."""
    problems: list[str] = []
    damage = ws.damage or library_damage(ws.db.path, immutable=ws.db.immutable)
    if damage is None:
        try:
            if not ws.db.integrity_ok():
                damage = "PRAGMA integrity_check failed"
            elif ws.db.scalar("PRAGMA foreign_key_check") is not None:
                problems.append("database: foreign key violations found")
        except sqlite3.DatabaseError as exc:
            damage = f"SQLite reports: {exc}"
    if damage:
        good = newest_good(ws.root)
        hint = (f"`briefing restore` puts back {good.name} ({good.articles} article(s))"
                if good else "no good backup exists; `briefing recover` rebuilds the library "
                "from originals/")
        return [f"database: damaged: {damage}; {hint}"]
    for article in ws.articles.list():
        if not ws.original_path(article.original_hash).exists():
            problems.append(f"originals: #{article.id} {article.source_file}: original file missing")
    state = ws.index.state()
    if state == "behind" and ws.writer_elsewhere():
        state = "ok"  # the process writing the workspace is catching the index up
    if state != "ok":
        problems.append(f"index: {state} (run `briefing reindex`, or any command repairs it)")
    if state in ("ok", "behind", "stale"):
        missing, extra = ws.index.disagreements()
        if missing or extra:
            problems.append(f"index: {len(missing)} article(s) missing from the index, "
                            f"{len(extra)} indexed article(s) no longer in the library "
                            "(run `briefing reindex`)")
    orphans = ws.db.scalar("SELECT count(*) FROM highlights WHERE orphaned = 1")
    if orphans:
        problems.append(f"highlights: {orphans} orphaned highlight(s) could not be re-placed")
    return problems


def reprocess_articles(ws: Workspace, article_ids: list[int] | None = None
                       ) -> Iterator[tuple[int, int, int]]:
    """Re-clean articles from their original bytes and re-anchor their highlights.

    Yields (article_id, placed, orphaned) per article. Used when the cleaning
    rules change; nothing is lost: highlights that cannot be placed are orphaned.
    """
    ids = article_ids if article_ids is not None else ws.articles.ids()
    for article_id in ids:
        article = ws.articles.get(article_id)
        if article is None:
            continue
        data = ws.read_original(article.original_hash)
        extracted = read_document(data, article.source_file)
        refined = refine_article(extracted.text, extracted.hints, article.source_file,
                                 extracted.blocks, extracted.page_text,
                                 ws.cleaning.for_article(article_id))
        yield (article_id, *replace_article_text(ws, article_id, refined.text))


def replace_article_text(ws: Workspace, article_id: int, text: str) -> tuple[int, int]:
    """Swap in new cleaned text and re-anchor highlights, in one transaction."""
    with ws.db.transaction() as conn:
        ws.articles.replace_text(conn, article_id, text, dedupe.text_hash(text), len(text.split()))
        placed, orphaned = ws.highlights.reanchor_article(conn, article_id, text)
    ws.index.catch_up()  # a full disk leaves the change queued for the index
    return placed, orphaned
