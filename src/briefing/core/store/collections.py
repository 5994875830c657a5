"""Collections' rows: a named set of articles, or a saved search (its stored query).

A set holds article ids (membership goes with a deleted article and comes back on
undo, see core/deletion.py); a saved search holds only its query, which
briefing.core.collections re-runs, so its members follow the library.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.core.errors import CollectionError
from briefing.core.store.db import Database, inserted_id
from briefing.core.timeutil import now_iso


@dataclass(frozen=True)
class CollectionRow:
    id: int
    name: str
    query: str | None  # None: a set of articles; else a saved search
    created: str

    @property
    def is_search(self) -> bool:
        return self.query is not None


class CollectionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> builtins.list[CollectionRow]:
        return [CollectionRow(r[0], r[1], r[2], r[3]) for r in self.db.query(
            "SELECT id, name, query, created FROM collections ORDER BY name COLLATE NOCASE")]

    def get(self, name: str) -> CollectionRow | None:
        rows = self.db.query("SELECT id, name, query, created FROM collections "
                             "WHERE name = ? COLLATE NOCASE", (name.strip(),))
        return CollectionRow(*tuple(rows[0])) if rows else None

    def create(self, name: str, query: str | None = None) -> CollectionRow:
        """A new set (or saved search when `query` is given); refused when the name is
        empty or taken."""
        name = " ".join(name.split())
        if not name:
            raise CollectionError("a collection needs a name")
        try:
            with self.db.transaction() as conn:
                cid = inserted_id(conn.execute(
                    "INSERT INTO collections(name, query, created) VALUES (?, ?, ?)",
                    (name, query, now_iso())))
        except sqlite3.IntegrityError:
            raise CollectionError(f"there is already a collection named {name!r}") from None
        found = self.get(name)
        assert found is not None and found.id == cid
        return found

    def set_query(self, collection_id: int, query: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE collections SET query = ? WHERE id = ?", (query, collection_id))

    def delete(self, collection_id: int) -> bool:
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM collections WHERE id = ?",
                                (collection_id,)).rowcount > 0

    def members(self, collection_id: int) -> builtins.list[int]:
        """The article ids of a set, in the order they were added."""
        return [r[0] for r in self.db.query(
            "SELECT article_id FROM collection_articles WHERE collection_id = ? "
            "ORDER BY added, article_id", (collection_id,))]

    def add(self, collection_id: int, article_ids: Iterable[int]) -> int:
        """Add articles (already present ones are skipped); returns how many were new."""
        stamp = now_iso()
        with self.db.transaction() as conn:
            return sum(conn.execute(
                "INSERT OR IGNORE INTO collection_articles(collection_id, article_id, added) "
                "VALUES (?, ?, ?)", (collection_id, i, stamp)).rowcount for i in article_ids)

    def remove(self, collection_id: int, article_ids: Iterable[int]) -> int:
        with self.db.transaction() as conn:
            return sum(conn.execute(
                "DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?",
                (collection_id, i)).rowcount for i in article_ids)

    def of_article(self, article_id: int) -> builtins.list[str]:
        """Names of the sets that hold this article."""
        return [r[0] for r in self.db.query(
            "SELECT c.name FROM collections c JOIN collection_articles m "
            "ON m.collection_id = c.id WHERE m.article_id = ? ORDER BY c.name COLLATE NOCASE",
            (article_id,))]
