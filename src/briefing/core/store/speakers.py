"""The speaker book's rows: a speaker's key -> the perspective the analyst assigned.

Only assignments are stored (which speakers were seen is worked out from the
suggestions, see briefing.core.speakers). Rows live in the workspace, apart from
any article, so they hold across restarts and re-imports.
"""

from __future__ import annotations

import sqlite3

from briefing.core.errors import SpeakerError
from briefing.core.speaker_names import BookLookup, speaker_key, speaker_name
from briefing.core.store.db import Database
from briefing.core.timeutil import now_iso


class SpeakerStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(self) -> dict[str, tuple[str, str]]:
        """{key: (name, perspective key)} of every assignment."""
        return {r[0]: (r[1], r[2]) for r in self.db.query(
            "SELECT key, name, perspective_key FROM speaker_book ORDER BY key")}

    def lookup(self) -> BookLookup:
        return BookLookup(self.entries())

    def get(self, name: str) -> str | None:
        """The perspective assigned to this speaker (by its key), or None."""
        row = self.db.query("SELECT perspective_key FROM speaker_book WHERE key = ?",
                            (speaker_key(name),))
        return row[0][0] if row else None

    def assign(self, name: str, perspective_key: str) -> str:
        """File `perspective_key` under the speaker's key; returns the key."""
        key = speaker_key(name)
        if not key:
            raise SpeakerError(f"{name!r} does not name a speaker")
        try:
            with self.db.transaction() as conn:
                conn.execute(
                    "INSERT INTO speaker_book(key, name, perspective_key, assigned) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                    "perspective_key = excluded.perspective_key, assigned = excluded.assigned",
                    (key, speaker_name(name), perspective_key, now_iso()))
        except sqlite3.IntegrityError:
            raise SpeakerError(f"unknown perspective {perspective_key!r}") from None
        return key

    def clear(self, name: str) -> bool:
        """Forget the speaker's assignment (its statements follow the cues again)."""
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM speaker_book WHERE key = ?",
                                (speaker_key(name),)).rowcount > 0
