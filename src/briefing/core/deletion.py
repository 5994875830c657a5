"""Deleting articles so that the deletion can be undone.

Before `Workspace.delete_articles` (which takes a verified backup and deletes), the rows
that go with the articles are kept in memory: the articles themselves and every row that
refers to them through a foreign key, followed down (highlights, then their perspectives
and tags). The tables are found from the schema's own foreign keys, so a table added by a
later migration (claims, speaker assignments, …) comes back on undo too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.core.workspace import Workspace

_MAX_DEPTH = 4


@dataclass
class DeletedArticles:
    """What a deletion removed, in parent-first order, ready to be put back."""

    ids: list[int]
    tables: list[tuple[str, list[str], list[tuple]]] = field(default_factory=list)


def _references(conn: sqlite3.Connection, parent: str) -> list[tuple[str, str, str]]:
    """(table, column, parent column) for every foreign key pointing at `parent`."""
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                 "AND name NOT LIKE 'sqlite_%'").fetchall():
        for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            if fk[2] == parent:
                out.append((table, fk[3], fk[4] or "rowid"))
    return out


def _capture(conn: sqlite3.Connection, table: str, column: str, keys: list[object],
             out: list[tuple[str, list[str], list[tuple]]], depth: int) -> None:
    if not keys or depth > _MAX_DEPTH:
        return
    marks = ",".join("?" * len(keys))
    cur = conn.execute(f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks})', keys)
    columns = [d[0] for d in cur.description]
    rows = [tuple(r) for r in cur.fetchall()]
    if not rows:
        return
    out.append((table, columns, rows))
    for child, child_col, parent_col in _references(conn, table):
        if parent_col not in columns:
            continue
        at = columns.index(parent_col)
        _capture(conn, child, child_col, sorted({r[at] for r in rows}), out, depth + 1)


def delete_articles(ws: Workspace, article_ids: Iterable[int]) -> DeletedArticles:
    """Delete articles after a verified backup (WorkspaceReadOnly, BackupError), keeping
    what is needed to undo it."""
    ws.require_writable("delete articles")
    ids = [i for i in dict.fromkeys(article_ids) if ws.articles.get(i) is not None]
    deleted = DeletedArticles(ids)
    if ids:
        with ws.db.using() as conn:
            _capture(conn, "articles", "id", list(ids), deleted.tables, 0)
        ws.delete_articles(ids)
    return deleted


def restore_articles(ws: Workspace, deleted: DeletedArticles) -> int:
    """Put deleted articles back with every row that went with them; returns how many."""
    ws.require_writable("restore deleted articles")
    with ws.db.transaction() as conn:
        for table, columns, rows in deleted.tables:
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            conn.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})', rows)
    ws.index.catch_up()
    return len(deleted.ids)
