"""The analyst's cleaning choices: per article, a page line to keep or to drop.

A choice is filed under the line's key (its folded text, `line_key`), so it finds the
same line again when the original is re-read by newer rules; the line as it was seen is
kept beside it for showing. Rows go with their article (ON DELETE CASCADE) and come back
with it when a deletion is undone (core/deletion.py follows the foreign key).
"""

from __future__ import annotations

from briefing.core.ingest.clean import line_key
from briefing.core.store.db import Database
from briefing.core.timeutil import now_iso

DECISIONS = ("keep", "drop")


class CleaningChoiceStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def for_article(self, article_id: int) -> dict[str, str]:
        """{line key: "keep" | "drop"} of one article, as the cleaner takes them."""
        return {r[0]: r[1] for r in self.db.query(
            "SELECT key, decision FROM cleaning_choices WHERE article_id = ?", (article_id,))}

    def lines(self, article_id: int) -> list[tuple[str, str]]:
        """[(line as the analyst saw it, decision)] of one article, oldest first."""
        return [(r[0], r[1]) for r in self.db.query(
            "SELECT line, decision FROM cleaning_choices WHERE article_id = ? "
            "ORDER BY chosen, key", (article_id,))]

    def get(self, article_id: int, line: str) -> str | None:
        row = self.db.query("SELECT decision FROM cleaning_choices WHERE article_id = ? "
                            "AND key = ?", (article_id, line_key(line)))
        return row[0][0] if row else None

    def set(self, article_id: int, line: str, decision: str | None) -> None:
        """File `decision` for the line (None forgets it: the rules decide again)."""
        if decision is not None and decision not in DECISIONS:
            raise ValueError(f"a cleaning choice is keep or drop, not {decision!r}")
        with self.db.transaction() as conn:
            if decision is None:
                conn.execute("DELETE FROM cleaning_choices WHERE article_id = ? AND key = ?",
                             (article_id, line_key(line)))
                return
            conn.execute(
                "INSERT INTO cleaning_choices(article_id, key, line, decision, chosen) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id, key) DO UPDATE SET "
                "line = excluded.line, decision = excluded.decision, chosen = excluded.chosen",
                (article_id, line_key(line), line, decision, now_iso()))
