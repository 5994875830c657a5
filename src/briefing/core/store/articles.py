"""Article rows: insert, fetch, list, update, delete, tags, and the index queue."""

from __future__ import annotations

import builtins  # `list` is a method here; annotations name the type through builtins
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing.core.models import Article
from briefing.core.store.db import Database, inserted_id
from briefing.core.tags import tag_key
from briefing.core.timeutil import now_iso

ARTICLE_COLUMNS = ("id, title, title_inferred, publisher, authors, published, source_url, "
                   "source_file, original_hash, format, language, words, imported_at, read, provenance, "
                   "kind, note, caveat")


@dataclass
class NewArticle:
    """An article about to be stored (no id yet)."""

    title: str
    text: str
    text_hash: str
    source_file: str
    original_hash: str
    format: str
    title_inferred: bool = False
    publisher: str | None = None
    authors: list[str] | None = None
    published: str | None = None
    source_url: str | None = None
    language: str | None = None
    words: int = 0
    provenance: dict[str, str] | None = None
    kind: str | None = None


@lru_cache(maxsize=4096)
def _parsed(text: str) -> object:
    """A JSON column's value, parsed once per distinct text: a library's thousands of rows
    share a few provenance records and bylines (the library list reads every row at start)."""
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else value


def _json(text: str) -> Any:
    """json.loads(text), as a fresh list or dict the caller may change."""
    value = _parsed(text)
    if isinstance(value, tuple):
        return list(value)
    return dict(value) if isinstance(value, dict) else value


def _row_to_article(row: sqlite3.Row, text: str = "", tags: list[str] | None = None) -> Article:
    return Article(
        id=row["id"], title=row["title"], text=text, title_inferred=bool(row["title_inferred"]),
        publisher=row["publisher"], authors=_json(row["authors"]),
        published=row["published"],
        source_url=row["source_url"], source_file=row["source_file"],
        original_hash=row["original_hash"], format=row["format"], language=row["language"],
        words=row["words"], imported_at=row["imported_at"], tags=tags or [], read=bool(row["read"]),
        provenance=_json(row["provenance"]), kind=row["kind"], note=row["note"],
        caveat=row["caveat"],
    )


def _default_provenance(new: NewArticle) -> dict[str, str]:
    """Until the metadata step says more: the title is inferred or read from the document."""
    return {"title": "inferred" if new.title_inferred else "explicit"}


def queue_for_index(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Mark articles whose index entry is out of date (call inside the changing transaction)."""
    for article_id in article_ids:
        conn.execute(
            "INSERT INTO index_queue(article_id, seq) VALUES (?, "
            "(SELECT coalesce(max(seq), 0) + 1 FROM index_queue)) "
            "ON CONFLICT(article_id) DO UPDATE SET seq = excluded.seq", (article_id,))


class ArticleStore:
    """Queries over the articles table. Every write is its own committed transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, new: NewArticle, sketch: Iterable[int] = ()) -> int:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO articles(title, title_inferred, publisher, authors, published, "
                "source_url, source_file, original_hash, format, language, text, text_hash, words, "
                "imported_at, provenance, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (new.title, int(new.title_inferred), new.publisher, json.dumps(new.authors or []),
                 new.published, new.source_url, new.source_file, new.original_hash, new.format,
                 new.language, new.text, new.text_hash, new.words, now_iso(),
                 json.dumps(new.provenance or _default_provenance(new)), new.kind))
            article_id = inserted_id(cur)
            conn.executemany("INSERT INTO article_sketch(hash, article_id) VALUES (?, ?)",
                             [(h, article_id) for h in sketch])
            queue_for_index(conn, [article_id])
        return article_id

    def get(self, article_id: int) -> Article | None:
        with self.db.using() as conn:
            row = conn.execute(f"SELECT {ARTICLE_COLUMNS}, text FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is None:
            return None
        return _row_to_article(row, row["text"], self.tags(article_id))

    def text(self, article_id: int) -> str:
        return self.db.scalar("SELECT text FROM articles WHERE id = ?", (article_id,)) or ""

    def list(self, after_id: int = 0) -> list[Article]:
        """Every article (with id > after_id) without its text, in two queries.

        Cheap enough for 50,000 rows, and few round trips for a UI thread that
        competes with a background import for the interpreter lock.
        """
        tags: dict[int, list[str]] = {}
        for row in self.db.query("SELECT at.article_id, t.name FROM article_tags at "
                                 "JOIN tags t ON t.id = at.tag_id WHERE at.article_id > ? "
                                 "ORDER BY t.name", (after_id,)):
            tags.setdefault(row[0], []).append(row[1])
        rows = self.db.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id",
                             (after_id,))
        return [_row_to_article(r, "", tags.get(r["id"])) for r in rows]

    def iter_with_text(self, batch: int = 500) -> Iterator[Article]:
        """All articles with text, in id order, fetched in batches to bound memory."""
        last = 0
        while True:
            rows = self.db.query(f"SELECT {ARTICLE_COLUMNS}, text FROM articles WHERE id > ? "
                                 "ORDER BY id LIMIT ?", (last, batch))
            if not rows:
                return
            for r in rows:
                yield _row_to_article(r, r["text"], self.tags(r["id"]))
            last = rows[-1]["id"]

    def count(self, up_to_id: int | None = None) -> int:
        """Number of articles (with an id up to `up_to_id`, if given)."""
        if up_to_id is None:
            return int(self.db.scalar("SELECT count(*) FROM articles"))
        return int(self.db.scalar("SELECT count(*) FROM articles WHERE id <= ?", (up_to_id,)))

    def ids(self) -> builtins.list[int]:
        return [r[0] for r in self.db.query("SELECT id FROM articles ORDER BY id")]

    def by_original_hash(self, digest: str) -> int | None:
        return self.db.scalar("SELECT id FROM articles WHERE original_hash = ?", (digest,))

    def by_text_hash(self, digest: str) -> int | None:
        return self.db.scalar("SELECT id FROM articles WHERE text_hash = ? ORDER BY id", (digest,))

    def sketch_candidates(self, sketch: builtins.list[int], minimum: int
                          ) -> builtins.list[tuple[int, int]]:
        """Articles sharing at least `minimum` sketch hashes, most shared first."""
        if not sketch:
            return []
        marks = ",".join("?" * len(sketch))
        return [(r[0], r[1]) for r in self.db.query(
            f"SELECT article_id, count(*) AS n FROM article_sketch WHERE hash IN ({marks}) "
            "GROUP BY article_id HAVING n >= ? ORDER BY n DESC LIMIT 5", (*sketch, minimum))]

    def update_metadata(self, article_id: int, **fields: object) -> None:
        with self.db.transaction() as conn:
            self.write_metadata(conn, article_id, fields)

    def write_metadata(self, conn: sqlite3.Connection, article_id: int,
                       fields: dict[str, object]) -> None:
        """Set metadata columns inside the caller's transaction (queues the index)."""
        allowed = {"title", "title_inferred", "publisher", "authors", "published", "source_url",
                   "language", "read", "provenance", "kind", "note", "caveat"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        if not fields:
            return
        values = {k: (json.dumps(v) if k in ("authors", "provenance") else
                      int(bool(v)) if k in ("title_inferred", "read") else v)
                  for k, v in fields.items()}
        sets = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*values.values(), article_id))
        if set(values) - {"read"}:
            queue_for_index(conn, [article_id])

    def replace_text(self, conn: sqlite3.Connection, article_id: int, text: str, text_hash: str,
                     words: int) -> None:
        """Change the cleaned text (inside the caller's transaction, with re-anchoring)."""
        conn.execute("UPDATE articles SET text = ?, text_hash = ?, words = ? WHERE id = ?",
                     (text, text_hash, words, article_id))
        queue_for_index(conn, [article_id])

    def delete(self, article_ids: Iterable[int]) -> int:
        ids = list(article_ids)
        with self.db.transaction() as conn:
            n = 0
            for article_id in ids:
                n += conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
            queue_for_index(conn, ids)
        return n

    # -- tags ------------------------------------------------------------------
    def tags(self, article_id: int) -> builtins.list[str]:
        return [r[0] for r in self.db.query(
            "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE at.article_id = ? ORDER BY t.name", (article_id,))]

    def set_tags(self, article_id: int, names: Iterable[str]) -> None:
        clean = sorted({n.strip() for n in names if n.strip()}, key=str.lower)
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
            for name in clean:
                tag_id = ensure_tag(conn, name)
                conn.execute("INSERT OR IGNORE INTO article_tags VALUES (?, ?)", (article_id, tag_id))
            queue_for_index(conn, [article_id])


def ensure_tag(conn: sqlite3.Connection, name: str) -> int:
    """Id of the tag called `name` (case-folded, whitespace collapsed), creating it if needed.

    SQLite's NOCASE folds ASCII only: "ÉTAT" must find "état" too, so a miss is
    checked against every tag's case-folded name (tags are few).
    """
    name = " ".join(name.split())
    row = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    key = tag_key(name)
    for r in conn.execute("SELECT id, name FROM tags"):
        if tag_key(r[1]) == key:
            return int(r[0])
    return inserted_id(conn.execute("INSERT INTO tags(name) VALUES (?)", (name,)))
