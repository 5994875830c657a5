"""Saved briefs' rows: the draft (title block, grouping, filter), the highlights it has
considered in the analyst's order, and its export history.

A brief's highlight rows keep the order the analyst arranged: `chosen` ones go into the
note, the others were left out on purpose (so they are not offered again). A deleted
highlight leaves every brief; deleting a brief takes its rows and history with it, and
`restore` puts a snapshot back under its old id (undo in the app).
"""

from __future__ import annotations

import builtins
import json
import sqlite3
from dataclasses import dataclass, field

from briefing.core.errors import BriefError
from briefing.core.store.db import Database, inserted_id
from briefing.core.timeutil import now_iso

SETTINGS = ("title", "author", "marking", "summary", "group_by", "citation_style")


@dataclass(frozen=True)
class ExportRow:
    """One export of a brief: when, to which file, in which format, and what it cited."""

    exported: str  # ISO timestamp (UTC)
    path: str
    format: str
    highlight_ids: tuple[int, ...]
    article_ids: tuple[int, ...]

    def as_json(self) -> dict:
        return {"when": self.exported, "file": self.path, "format": self.format,
                "highlights": list(self.highlight_ids), "sources": list(self.article_ids)}


@dataclass
class BriefRow:
    """A brief as stored: settings, filters (a dict), rows (highlight id, chosen) in order."""

    id: int
    name: str
    title: str = "Briefing note"
    author: str = ""
    marking: str = "UNCLASSIFIED"
    summary: str = ""
    group_by: str = "perspective"
    citation_style: str = "numbered"
    filters: dict = field(default_factory=dict)
    created: str = ""
    modified: str = ""
    rows: list[tuple[int, bool]] = field(default_factory=list)
    exports: list[ExportRow] = field(default_factory=list)

    @property
    def chosen(self) -> list[int]:
        """The highlight ids in the note, in the analyst's order."""
        return [hid for hid, chosen in self.rows if chosen]

    @property
    def seen(self) -> set[int]:
        """Every highlight the brief has considered (chosen or left out)."""
        return {hid for hid, _ in self.rows}


_COLUMNS = "id, name, title, author, marking, summary, group_by, citation_style, filters, " \
           "created, modified"


def _filters(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class BriefStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _row(self, r: sqlite3.Row) -> BriefRow:
        brief = BriefRow(id=r[0], name=r[1], title=r[2], author=r[3], marking=r[4],
                         summary=r[5], group_by=r[6], citation_style=r[7],
                         filters=_filters(r[8]), created=r[9], modified=r[10])
        brief.rows = [(h, bool(c)) for h, c in self.db.query(
            "SELECT highlight_id, chosen FROM brief_highlights WHERE brief_id = ? "
            "ORDER BY position", (brief.id,))]
        brief.exports = [ExportRow(e[0], e[1], e[2], tuple(json.loads(e[3])),
                                   tuple(json.loads(e[4]))) for e in self.db.query(
            "SELECT exported, path, format, highlight_ids, article_ids FROM brief_exports "
            "WHERE brief_id = ? ORDER BY id", (brief.id,))]
        return brief

    def list(self) -> builtins.list[BriefRow]:
        return [self._row(r) for r in self.db.query(
            f"SELECT {_COLUMNS} FROM briefs ORDER BY name COLLATE NOCASE")]

    def names(self) -> builtins.list[str]:
        return [r[0] for r in self.db.query("SELECT name FROM briefs ORDER BY name COLLATE NOCASE")]

    def get(self, name: str) -> BriefRow | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM briefs WHERE name = ? COLLATE NOCASE",
                             (" ".join(name.split()),))
        return self._row(rows[0]) if rows else None

    def create(self, name: str, filters: dict | None = None, **settings: str) -> BriefRow:
        """A new, empty brief; refused when the name is empty or taken."""
        name = " ".join(name.split())
        if not name:
            raise BriefError("a brief needs a name")
        unknown = set(settings) - set(SETTINGS)
        if unknown:
            raise BriefError(f"unknown brief setting(s): {', '.join(sorted(unknown))}")
        stamp = now_iso()
        cols = ["name", "filters", "created", "modified", *settings]
        values = [name, json.dumps(filters or {}), stamp, stamp, *settings.values()]
        try:
            with self.db.transaction() as conn:
                inserted_id(conn.execute(
                    f"INSERT INTO briefs({', '.join(cols)}) VALUES "
                    f"({', '.join('?' * len(cols))})", values))
        except sqlite3.IntegrityError:
            raise BriefError(f"there is already a brief named {name!r}") from None
        found = self.get(name)
        assert found is not None
        return found

    def update(self, brief_id: int, filters: dict | None = None, **settings: str) -> None:
        """Change settings (and the filter, when given); the modified time follows."""
        unknown = set(settings) - set(SETTINGS)
        if unknown:
            raise BriefError(f"unknown brief setting(s): {', '.join(sorted(unknown))}")
        sets = [f"{k} = ?" for k in settings] + ["modified = ?"]
        values: builtins.list[object] = [*settings.values(), now_iso()]
        if filters is not None:
            sets.append("filters = ?")
            values.append(json.dumps(filters))
        with self.db.transaction() as conn:
            conn.execute(f"UPDATE briefs SET {', '.join(sets)} WHERE id = ?", (*values, brief_id))

    def rename(self, brief_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise BriefError("a brief needs a name")
        try:
            with self.db.transaction() as conn:
                conn.execute("UPDATE briefs SET name = ?, modified = ? WHERE id = ?",
                             (name, now_iso(), brief_id))
        except sqlite3.IntegrityError:
            raise BriefError(f"there is already a brief named {name!r}") from None

    def set_rows(self, brief_id: int, rows: builtins.list[tuple[int, bool]]) -> None:
        """Replace the brief's highlights (in this order); ids no longer present are skipped."""
        present = {r[0] for r in self.db.query("SELECT id FROM highlights")}
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM brief_highlights WHERE brief_id = ?", (brief_id,))
            seen: set[int] = set()
            for position, (hid, chosen) in enumerate(rows):
                if hid in present and hid not in seen:
                    seen.add(hid)
                    conn.execute("INSERT INTO brief_highlights(brief_id, highlight_id, position, "
                                 "chosen) VALUES (?, ?, ?, ?)",
                                 (brief_id, hid, position, int(chosen)))
            conn.execute("UPDATE briefs SET modified = ? WHERE id = ?", (now_iso(), brief_id))

    def add_export(self, brief_id: int, path: str, fmt: str, highlight_ids: builtins.list[int],
                   article_ids: builtins.list[int]) -> ExportRow:
        row = ExportRow(now_iso(), path, fmt, tuple(highlight_ids), tuple(article_ids))
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO brief_exports(brief_id, exported, path, format, "
                         "highlight_ids, article_ids) VALUES (?, ?, ?, ?, ?, ?)",
                         (brief_id, row.exported, row.path, row.format,
                          json.dumps(highlight_ids), json.dumps(article_ids)))
        return row

    def delete(self, brief_id: int) -> bool:
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount > 0

    def restore(self, brief: BriefRow) -> None:
        """Put a deleted brief back as it was (same id, rows, history); undo uses it."""
        try:
            with self.db.transaction() as conn:
                conn.execute(
                    f"INSERT INTO briefs({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (brief.id, brief.name, brief.title, brief.author, brief.marking,
                     brief.summary, brief.group_by, brief.citation_style,
                     json.dumps(brief.filters), brief.created, brief.modified))
                for e in brief.exports:
                    conn.execute("INSERT INTO brief_exports(brief_id, exported, path, format, "
                                 "highlight_ids, article_ids) VALUES (?, ?, ?, ?, ?, ?)",
                                 (brief.id, e.exported, e.path, e.format,
                                  json.dumps(list(e.highlight_ids)),
                                  json.dumps(list(e.article_ids))))
                self.set_rows(brief.id, brief.rows)
                conn.execute("UPDATE briefs SET modified = ? WHERE id = ?",
                             (brief.modified, brief.id))
        except sqlite3.IntegrityError:
            raise BriefError(f"cannot put back the brief {brief.name!r}: the name is taken "
                             "now") from None
