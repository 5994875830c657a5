"""A workspace folder: library.sqlite3 (the truth), originals/ (bytes as imported), index/,
backups/.

Opening a workspace for writing takes the writer lock (one writer per workspace), checks
the library file for damage, backs it up before a schema upgrade, migrates it, and syncs
the shipped perspectives. Readers never need the lock: a second process, a read-only
medium or a damaged library opens read-only, and `readonly_reason` says why.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.fileio import atomic_write_bytes
from briefing.core.leftovers import clean_leftovers
from briefing.core.lock import LOCK_NAME, WriterLock
from briefing.core.store.articles import ArticleStore
from briefing.core.store.briefs import BriefStore
from briefing.core.store.claims import ClaimStore
from briefing.core.store.cleaning import CleaningChoiceStore
from briefing.core.store.collections import CollectionStore
from briefing.core.store.db import Database, StoreError
from briefing.core.store.health import (
    file_damage,
    is_read_only_medium,
    library_damage,
    remember_sound,
)
from briefing.core.store.highlights import HighlightStore
from briefing.core.store.library_query import LibraryQuery
from briefing.core.store.perspectives import PerspectiveStore
from briefing.core.store.schema import SCHEMA_VERSION
from briefing.core.store.speakers import SpeakerStore

if TYPE_CHECKING:  # the index manager imports this module; it is loaded lazily
    from briefing.core.indexing import IndexManager

DB_NAME = "library.sqlite3"
__all__ = ["DB_NAME", "LOCK_NAME", "Workspace", "WorkspaceBusy", "WorkspaceDamaged",
           "WorkspaceError", "WorkspaceReadOnly", "default_workspace", "workspace_name"]


class WorkspaceError(Exception):
    """The workspace cannot be opened as asked; the message says why and what to do."""


class WorkspaceBusy(WorkspaceError):
    """Another Briefing process has this workspace open for writing."""


class WorkspaceReadOnly(WorkspaceError):
    """A writing action on a workspace opened read-only; the message says why."""


class WorkspaceDamaged(WorkspaceReadOnly):
    """A writing action on a damaged library; restore a backup or recover."""


BUSY_MESSAGE = ("the workspace {root} is open in another Briefing window; close it there, "
                "or open this one read-only")


def default_workspace() -> Path:
    """$BRIEFING_WORKSPACE, else the platform's user data folder (resolved when called)."""
    env = os.environ.get("BRIEFING_WORKSPACE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Briefing", appauthor=False)) / "workspace"


def workspace_name(root: Path) -> str:
    """What the window title calls a workspace: "My library" for the default one, else its
    folder's name."""
    try:
        if Path(root).expanduser().absolute() == default_workspace().absolute():
            return "My library"
    except OSError:
        pass
    return Path(root).name or str(root)


def _has_history(root: Path) -> bool:
    """Originals or backups exist: a missing library here is damage, not a new workspace."""
    for folder in (root / "originals", root / "backups"):
        if folder.is_dir() and any(folder.iterdir()):
            return True
    return False


class Workspace:
    """An open workspace. Use `Workspace.open(path)` and `close()` (or a with-block)."""

    def __init__(self, root: Path, db: Database, readonly: bool, lock: WriterLock | None,
                 readonly_reason: str | None = None, damage: str | None = None) -> None:
        self.root = root
        self.db = db
        self.readonly = readonly
        self.readonly_reason = readonly_reason  # why writing is refused, shown to the user
        self.damage = damage  # what is wrong with the library file, if anything
        self._lock = lock
        self._bind(db)
        self._index: IndexManager | None = None

    def _bind(self, db: Database) -> None:
        self.db = db
        self.articles = ArticleStore(db)
        self.highlights = HighlightStore(db)
        self.perspectives = PerspectiveStore(db)
        self.speakers = SpeakerStore(db)
        self.claims = ClaimStore(db)
        self.collections = CollectionStore(db)
        self.briefs = BriefStore(db)
        self.cleaning = CleaningChoiceStore(db)
        self.library = LibraryQuery(db)  # the library list's order and pages

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, readonly: bool = False) -> Workspace:
        """Open for writing (taking the writer lock), or for reading when `readonly`.

        Raises WorkspaceBusy when another process writes it (a reader may then open it with
        readonly=True). A read-only medium or a damaged library opens read-only by itself.
        """
        root = Path(root).expanduser() if root is not None else default_workspace()
        db_path = root / DB_NAME
        if root.is_dir() and is_read_only_medium(root):
            if not db_path.exists():
                raise WorkspaceError(f"the workspace folder {root} is read-only and holds no "
                                     "library")
            return cls._reader(root, "the workspace is on a read-only medium", immutable=True)
        if readonly:
            if not db_path.exists() and not _has_history(root):
                raise WorkspaceError(f"there is no Briefing library at {root}")
            return cls._reader(root, "opened read-only")
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / "originals").mkdir(exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"cannot create the workspace at {root}: "
                                 f"{exc.strerror or exc}") from None
        lock = WriterLock(root)
        try:
            got = lock.acquire()
        except OSError as exc:
            raise WorkspaceError(f"cannot lock the workspace {root}: "
                                 f"{exc.strerror or exc}") from None
        if not got:
            raise WorkspaceBusy(BUSY_MESSAGE.format(root=root))
        try:
            clean_leftovers(root)  # what a killed writer left; we are the only writer now
            damage = (library_damage(db_path, trust_stamp=True)
                      if db_path.exists() or _has_history(root) else None)
            if damage:
                return cls._reader(root, f"the library is damaged: {damage}", lock=lock,
                                   damage=damage)
            return cls._writer(root, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _writer(cls, root: Path, lock: WriterLock) -> Workspace:
        db = Database(root / DB_NAME)
        try:
            current = db.user_version

            def backup_first(version: int) -> None:
                from briefing.core.backups import BackupError, take_backup

                try:
                    with db.using() as conn:
                        take_backup(conn, root, "migration",
                                    f"before upgrading schema {version} to {SCHEMA_VERSION}")
                except BackupError as exc:
                    raise StoreError(f"{exc}; the library was not upgraded") from None

            db.migrate(backup_first if current else None)
            ws = cls(root, db, False, lock)
            from briefing.core.perspectives import load_default_perspectives

            ws.perspectives.sync_defaults(load_default_perspectives())
        except StoreError as exc:
            db.close()
            raise WorkspaceError(str(exc)) from None
        except Exception as exc:
            db.close()
            raise WorkspaceError(f"cannot open the library in {root}: {exc}") from exc
        return ws

    @classmethod
    def _reader(cls, root: Path, reason: str, immutable: bool = False,
                lock: WriterLock | None = None, damage: str | None = None) -> Workspace:
        db = Database(root / DB_NAME, readonly=True, immutable=immutable)
        if damage is None:
            damage = file_damage(root / DB_NAME)
            if damage:
                reason = f"the library is damaged: {damage}"
        if damage is None:
            try:
                version = db.user_version
            except Exception as exc:  # noqa: BLE001 - any failure here means unreadable
                damage = f"the library cannot be read ({exc})"
                reason = f"the library is damaged: {damage}"
            else:
                if version > SCHEMA_VERSION:
                    db.close()
                    raise WorkspaceError(
                        f"{db.path} was written by a newer Briefing (schema {version}, this "
                        f"version understands {SCHEMA_VERSION}); update Briefing to open it")
                if 0 < version < SCHEMA_VERSION:
                    db.close()
                    raise WorkspaceError(f"{db.path} needs an upgrade, which a read-only "
                                         "workspace cannot do; open it for writing once")
        return cls(root, db, True, lock, reason, damage)

    def require_writable(self, action: str) -> None:
        """WorkspaceReadOnly (or WorkspaceDamaged) naming `action` when writing is refused."""
        if not self.readonly:
            return
        if self.damage:
            raise WorkspaceDamaged(
                f"cannot {action}: the library is damaged ({self.damage}); nothing was "
                "changed. `briefing restore` puts back the newest good backup, "
                "`briefing recover` rebuilds the library from its originals")
        raise WorkspaceReadOnly(f"cannot {action}: {self.readonly_reason}")

    # -- backups -------------------------------------------------------------------
    def backup(self, kind: str, reason: str):
        """A verified backup of the library now (see core/backups.py); BackupError if not."""
        from briefing.core.backups import take_backup

        with self.db.using() as conn:  # a close() on another thread waits for the copy
            return take_backup(conn, self.root, kind, reason)

    def daily_backup(self):
        """The day's first backup, if none was taken today and the library holds anything."""
        from briefing.core.backups import daily_due

        if self.readonly or not daily_due(self.root) or not self.articles.count():
            return None
        return self.backup("daily", "the first session of the day")

    def delete_articles(self, article_ids: list[int]) -> int:
        """Delete articles (their highlights go with them) after a verified backup."""
        self.require_writable("delete articles")
        ids = [i for i in article_ids if self.articles.get(i) is not None]
        if not ids:
            return 0
        self.backup("bulk", f"before deleting {len(ids)} article(s)")
        n = self.articles.delete(ids)
        self.index.catch_up()  # a full disk leaves the deletion queued for the index
        return n

    def reopen_index(self) -> None:
        """Forget the open index (another process just rebuilt or repaired it)."""
        if self._index is not None:
            self._index.close()
            self._index = None

    def writer_elsewhere(self) -> bool:
        """Another process holds the writer lock right now (it keeps the index in step)."""
        if self.holds_lock or self.db.immutable:
            return False
        probe = WriterLock(self.root)
        try:
            if probe.acquire():
                probe.release()
                return False
        except OSError:
            return False
        return True

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None and self._lock.held

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self.db.close()
        if self._lock is not None:
            if not self.readonly and not self.damage:
                remember_sound(self.db.path)  # the next open skips the full check
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- folders -----------------------------------------------------------------
    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def originals_dir(self) -> Path:
        return self.root / "originals"

    def original_path(self, digest: str) -> Path:
        return self.originals_dir / digest[:2] / digest

    def store_original(self, data: bytes, digest: str | None = None) -> str:
        """Keep the imported bytes, named by their sha256; returns the digest."""
        digest = digest or hashlib.sha256(data).hexdigest()
        path = self.original_path(digest)
        if path.exists() and path.stat().st_size == len(data):
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
        return digest

    def read_original(self, digest: str) -> bytes:
        return self.original_path(digest).read_bytes()

    # -- search index ---------------------------------------------------------------
    @property
    def index(self) -> IndexManager:
        """The search index manager (opened lazily; see core/indexing.py)."""
        if self._index is None:
            from briefing.core.indexing import IndexManager

            self._index = IndexManager(self)
        return self._index
