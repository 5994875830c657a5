"""Perspective rows in the workspace: shipped defaults plus the user's own edits.

Defaults come from resources/perspectives.toml and are synced on every open:
new defaults are added, unedited ones follow the shipped file, and anything
the user edited (user_modified) or added is left exactly as they made it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from briefing.core.errors import PerspectiveError
from briefing.core.models import Perspective
from briefing.core.store.db import Database

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "perspective"


def _row(r: sqlite3.Row) -> Perspective:
    return Perspective(key=r["key"], name=r["name"], colour=r["colour"], shortcut=r["shortcut"],
                       cues=json.loads(r["cues"]), builtin=bool(r["builtin"]))


class PerspectiveStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def sync_defaults(self, defaults: Iterable[Perspective]) -> None:
        with self.db.transaction() as conn:
            for pos, p in enumerate(defaults):
                row = conn.execute("SELECT user_modified FROM perspectives WHERE key = ?",
                                   (p.key,)).fetchone()
                if row is None:
                    conn.execute(
                        "INSERT INTO perspectives(key, name, colour, shortcut, cues, builtin, "
                        "position) VALUES (?,?,?,?,?,1,?)",
                        (p.key, p.name, p.colour, p.shortcut, json.dumps(p.cues), pos))
                elif not row[0]:
                    conn.execute("UPDATE perspectives SET name=?, colour=?, shortcut=?, cues=?, "
                                 "builtin=1, position=? WHERE key=?",
                                 (p.name, p.colour, p.shortcut, json.dumps(p.cues), pos, p.key))

    def all(self) -> list[Perspective]:
        return [_row(r) for r in self.db.query(
            "SELECT * FROM perspectives ORDER BY position, name")]

    def get(self, key: str) -> Perspective | None:
        rows = self.db.query("SELECT * FROM perspectives WHERE key = ?", (key,))
        return _row(rows[0]) if rows else None

    def resolve(self, name_or_key: str) -> Perspective | None:
        """Find a perspective by key, name or shortcut, case-insensitively ("us", "US", "2")."""
        wanted = name_or_key.strip().lower()
        for p in self.all():
            if wanted in (p.key.lower(), p.name.lower(), slugify(p.name), p.shortcut):
                return p
        return None

    def resolve_keys(self, names: Iterable[str]) -> list[str]:
        """Keys for names, keys or shortcuts; an unknown one is a PerspectiveError naming it."""
        keys = []
        for name in names:
            found = self.resolve(name)
            if found is None:
                known = ", ".join(p.name for p in self.all())
                raise PerspectiveError(f"unknown perspective {name!r}; known: {known}")
            keys.append(found.key)
        return keys

    def _check(self, name: str, colour: str, shortcut: str, key: str | None) -> None:
        if not name.strip():
            raise PerspectiveError("a perspective needs a name")
        if not _HEX.match(colour):
            raise PerspectiveError(f"colour must look like #1f77b4, not {colour!r}")
        if shortcut and (len(shortcut) != 1 or not shortcut.isdigit() or shortcut == "0"):
            raise PerspectiveError("the key must be a single digit 1-9")
        if shortcut:
            clash = self.db.scalar("SELECT name FROM perspectives WHERE shortcut = ? AND key != ?",
                                   (shortcut, key or ""))
            if clash:
                raise PerspectiveError(f"key {shortcut} is already used by {clash}")

    def add(self, name: str, colour: str, shortcut: str = "",
            cues: Iterable[str] = ()) -> Perspective:
        key = slugify(name)
        if self.get(key) is not None:
            raise PerspectiveError(f"a perspective called {name!r} exists already")
        self._check(name, colour, shortcut, None)
        position = (self.db.scalar("SELECT max(position) FROM perspectives") or 0) + 1
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO perspectives(key, name, colour, shortcut, cues, builtin, "
                         "user_modified, position) VALUES (?,?,?,?,?,0,1,?)",
                         (key, name.strip(), colour, shortcut,
                          json.dumps([c.strip() for c in cues if c.strip()]), position))
        return self.get(key)  # type: ignore[return-value]

    def update(self, key: str, *, name: str | None = None, colour: str | None = None,
               shortcut: str | None = None, cues: Iterable[str] | None = None) -> Perspective:
        current = self.get(key)
        if current is None:
            raise PerspectiveError(f"no perspective {key!r}")
        name = current.name if name is None else name
        colour = current.colour if colour is None else colour
        shortcut = current.shortcut if shortcut is None else shortcut
        cue_list = current.cues if cues is None else [c.strip() for c in cues if c.strip()]
        self._check(name, colour, shortcut, key)
        with self.db.transaction() as conn:
            conn.execute("UPDATE perspectives SET name=?, colour=?, shortcut=?, cues=?, "
                         "user_modified=1 WHERE key=?",
                         (name.strip(), colour, shortcut, json.dumps(cue_list), key))
        return self.get(key)  # type: ignore[return-value]

    def delete(self, key: str) -> None:
        used = self.db.scalar("SELECT count(*) FROM highlight_perspectives WHERE perspective_key = ?",
                              (key,))
        if used:
            raise PerspectiveError(f"{used} highlight(s) use this perspective; retag them first")
        booked = self.db.scalar("SELECT count(*) FROM speaker_book WHERE perspective_key = ?",
                                (key,))
        if booked:  # the analyst's assignments are not dropped behind their back
            raise PerspectiveError(f"{booked} speaker(s) in the speaker book have this "
                                   "perspective; assign them another first")
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM perspectives WHERE key = ?", (key,))
