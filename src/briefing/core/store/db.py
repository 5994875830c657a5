"""The SQLite connection: pragmas, explicit transactions, migrations with a backup first."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from briefing.core.store.health import ro_uri
from briefing.core.store.schema import MIGRATIONS, SCHEMA_VERSION

Params = Sequence[Any] | Mapping[str, Any]


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """Row id of the row an INSERT just made."""
    if cursor.lastrowid is None:
        raise sqlite3.OperationalError("the insert made no row")
    return int(cursor.lastrowid)


class StoreError(Exception):
    """The library database cannot be used; the message says why and what to do."""


class Database:
    """One SQLite file, one connection per thread (WAL lets readers and a writer overlap).

    Connections run in autocommit mode; every change goes through `transaction()`,
    so each user action is committed the moment it completes.
    """

    def __init__(self, path: Path, readonly: bool = False, immutable: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly or immutable
        self.immutable = immutable  # on a read-only medium: no lock or WAL files at all
        self._local = threading.local()
        self._all: list[tuple[sqlite3.Connection, threading.RLock]] = []
        self._lock = threading.Lock()

    # -- connections -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            conn = sqlite3.connect(ro_uri(self.path, self.immutable), uri=True,
                                   isolation_level=None, check_same_thread=False, timeout=10)
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=10)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if not self.readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def _held(self) -> tuple[sqlite3.Connection, threading.RLock]:
        """This thread's connection and the lock it holds while a statement runs."""
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = self._connect()
            local.conn, local.busy = conn, threading.RLock()
            with self._lock:
                self._all.append((conn, local.busy))
        return conn, local.busy

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        return self._held()[0]

    @contextmanager
    def using(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, held: close() on another thread waits for the
        statement in flight instead of freeing the connection under it (which crashed
        the process when a closing workspace's background task was still reading)."""
        conn, busy = self._held()
        with busy:
            yield conn

    def close_thread(self) -> None:
        """Close this thread's connection: a short-lived thread's, before it ends (each
        thread's connection otherwise stays open, with its files, until close())."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            return
        busy = self._local.busy
        self._local.conn = None
        with self._lock:
            self._all = [held for held in self._all if held[0] is not conn]
        with busy, suppress(sqlite3.Error):
            conn.close()

    def close(self) -> None:
        with self._lock:
            held, self._all = self._all, []
        for conn, busy in held:
            with busy, suppress(sqlite3.Error):  # waits for a statement another thread runs
                conn.close()
        self._local = threading.local()

    # -- queries -----------------------------------------------------------
    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        with self.using() as conn:
            return conn.execute(sql, params)

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with self.using() as conn:
            return conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        with self.using() as conn:
            row = conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception. Nests as a savepoint."""
        with self.using() as conn:
            if conn.in_transaction:
                name = f"sp{id(object())}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                conn.execute(f"RELEASE {name}")
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # -- settings ----------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # -- schema --------------------------------------------------------------
    @property
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def migrate(self, before: Callable[[int], None] | None = None) -> int:
        """Bring the schema to SCHEMA_VERSION. Returns the number of migrations applied.

        `before(current_version)` is called once before an existing database is changed
        (the workspace takes a verified backup there).
        """
        current = self.user_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer Briefing (schema {current}, this version "
                f"understands {SCHEMA_VERSION}); update Briefing to open it")
        if current == SCHEMA_VERSION:
            return 0
        if self.readonly:
            raise StoreError(f"{self.path} needs an upgrade but the workspace is read-only")
        if current > 0 and before is not None:
            before(current)
        applied = 0
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction() as conn:
                for statement in MIGRATIONS[version - 1]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
            applied += 1
        return applied

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the live database, taken with SQLite's backup API."""
        target = sqlite3.connect(dest)
        try:
            with self.using() as conn:
                conn.backup(target)
        finally:
            target.close()
        return dest

    def integrity_ok(self) -> bool:
        return self.scalar("PRAGMA integrity_check") == "ok"
