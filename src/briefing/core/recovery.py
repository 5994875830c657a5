"""Putting a library back: restore a verified backup, or recover when no backup is good.

Both run with the workspace's writer lock held and every connection to the library closed.
Restoring swaps a verified backup in with one rename (the library as it was is kept in
backups/). Recovering builds a new library beside the damaged one: it salvages every row
SQLite can still read from the damaged file, then re-imports each original in originals/
that no salvaged article came from, and swaps the new library in the same way.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core import backups
from briefing.core.backups import Backup, BackupError
from briefing.core.indexing import GENERATION_KEY
from briefing.core.lock import WriterLock
from briefing.core.store.db import Database
from briefing.core.store.health import ro_uri
from briefing.core.workspace import BUSY_MESSAGE, DB_NAME, Workspace, WorkspaceBusy

_CHUNK = 200
_GIVE_UP_AFTER = 20_000  # unreadable rowids in a row before a table is taken as read


@dataclass
class RecoveryReport:
    """What a restore or recovery did, for one line per fact."""

    salvaged: dict[str, int] = field(default_factory=dict)  # table -> rows kept
    unreadable: dict[str, int] = field(default_factory=dict)  # table -> rows lost
    reimported: int = 0
    reimport_failed: list[str] = field(default_factory=list)
    set_aside: Path | None = None
    articles: int = 0
    highlights: int = 0
    restored: Backup | None = None


def _locked(root: Path) -> WriterLock:
    lock = WriterLock(root)
    if not lock.acquire():
        raise WorkspaceBusy(BUSY_MESSAGE.format(root=root))
    return lock


def _force_reindex(root: Path, now: bool = True) -> tuple[int, int]:
    """Open the new library for writing and mark the index stale; rebuild it now, or
    leave that to the next writer that opens the workspace (`now=False`)."""
    with Workspace.open(root) as ws:
        ws.db.set_setting(GENERATION_KEY, f"restored-{random.randrange(1, 2**62)}")
        if now:
            ws.index.ensure()
        return ws.articles.count(), _highlight_count(ws)


def _highlight_count(ws: Workspace) -> int:
    return int(ws.db.scalar("SELECT count(*) FROM highlights"))


def restore(root: Path, name: str | None = None, reindex: bool = True) -> RecoveryReport:
    """Put back the backup called `name`, or the newest one that passes its check now.

    The search index is rebuilt at once, or (`reindex=False`) by the next writer to open
    the workspace: the library itself is back either way."""
    root = Path(root)
    lock = _locked(root)
    try:
        chosen = backups.find(root, name) if name else backups.newest_good(root)
        if chosen is None:
            raise BackupError("there is no good backup to restore; `briefing recover` rebuilds "
                              "the library from its originals")
        library = root / DB_NAME
        aside = backups.install(chosen, library, root)
    finally:
        lock.release()
    report = RecoveryReport(restored=chosen, set_aside=aside)
    report.articles, report.highlights = _force_reindex(root, now=reindex)
    return report


# -- recovery ---------------------------------------------------------------------------
def _table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def _salvage_rows(damaged: sqlite3.Connection, table: str, columns: list[str]
                  ) -> tuple[list[tuple], int]:
    """Every row of `table` SQLite can still read, in rowid order, and a count of misses."""
    cols = ", ".join(f'"{c}"' for c in columns)
    rows: list[tuple] = []
    lost = 0
    last = 0
    misses = 0
    while misses < _GIVE_UP_AFTER:
        try:
            chunk = damaged.execute(
                f'SELECT rowid, {cols} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?',
                (last, _CHUNK)).fetchall()
        except sqlite3.DatabaseError:
            chunk = None
        if chunk is not None:
            if not chunk:
                break
            rows.extend(tuple(r[1:]) for r in chunk)
            last = chunk[-1][0]
            misses = 0
            continue
        # a bad page: read the next rowids one by one, skipping what cannot be read
        for rowid in range(last + 1, last + _CHUNK + 1):
            try:
                row = damaged.execute(f'SELECT {cols} FROM "{table}" WHERE rowid = ?',
                                      (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                lost += 1
                misses += 1
                continue
            if row is None:
                misses += 1
            else:
                rows.append(tuple(row))
                misses = 0
        last += _CHUNK
    return rows, lost


def _salvage(damaged_path: Path, target: Database, report: RecoveryReport) -> None:
    try:
        damaged = sqlite3.connect(ro_uri(damaged_path, immutable=True), uri=True)
    except sqlite3.Error:
        return
    try:
        with target.using() as conn:  # the staged library, this thread's alone
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY rowid")]
            conn.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                wanted = _table_columns(conn, table)
                have = set(_table_columns(damaged, table))
                columns = [c for c in wanted if c in have]
                if not columns:
                    continue
                rows, lost = _salvage_rows(damaged, table, columns)
                marks = ", ".join("?" * len(columns))
                names = ", ".join(f'"{c}"' for c in columns)
                kept = 0
                with target.transaction() as tx:
                    for row in rows:
                        try:
                            tx.execute(f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({marks})',
                                       row)
                            kept += 1
                        except sqlite3.DatabaseError:
                            lost += 1
                report.salvaged[table] = kept
                if lost:
                    report.unreadable[table] = lost
            # rows whose parent was lost (a highlight of an unreadable article) cannot stand
            with target.transaction() as tx:
                for _ in range(3):
                    broken = tx.execute("PRAGMA foreign_key_check").fetchall()
                    if not broken:
                        break
                    for table, rowid, _parent, _fk in broken:
                        tx.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                        report.unreadable[table] = report.unreadable.get(table, 0) + 1
                        report.salvaged[table] = report.salvaged.get(table, 1) - 1
            conn.execute("PRAGMA foreign_keys = ON")
    finally:
        damaged.close()


def recover(root: Path, progress: Callable[[str], None] | None = None) -> RecoveryReport:
    """Build a new library from what the damaged one still holds plus originals/."""
    root = Path(root)
    library = root / DB_NAME
    report = RecoveryReport()
    say = progress or (lambda _line: None)
    lock = _locked(root)
    staged = root / f".{DB_NAME}.recover.part"
    try:
        for extra in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{staged}{extra}").unlink()
        target = Database(staged)
        try:
            target.migrate()
            if library.exists():
                say("salvaging what the damaged library still holds")
                _salvage(library, target, report)
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            target.close()
        report.set_aside = backups.set_aside(library, root, "replaced",
                                             "the damaged library, before a recovery")
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{library}{extra}").unlink()
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{staged}{extra}").unlink()
        os.replace(staged, library)
    finally:
        lock.release()
    with Workspace.open(root) as ws:
        from briefing.core.ingest.pipeline import Importer

        known = {a.original_hash for a in ws.articles.list()}
        importer = Importer(ws)
        originals = sorted(p for p in ws.originals_dir.glob("*/*") if p.is_file())
        missing = [p for p in originals if p.name not in known]
        if missing:
            say(f"re-importing {len(missing)} original(s) no salvaged article came from")
        for path in missing:
            result = importer.import_bytes(path.read_bytes(), f"recovered-{path.name[:12]}")
            if result.status == "imported":
                report.reimported += 1
            elif result.status == "failed":
                report.reimport_failed.append(f"{path.name[:12]}: {result.reason}")
        ws.db.set_setting(GENERATION_KEY, f"recovered-{random.randrange(1, 2**62)}")
        ws.index.ensure()
        report.articles, report.highlights = ws.articles.count(), _highlight_count(ws)
    return report
