"""A workspace folder: library.sqlite3 (the truth), originals/ (bytes as imported), index/.

Opening a workspace creates it if needed, takes an exclusive lock so only one
process writes it, migrates the schema, and syncs the shipped perspectives.
A second process gets WorkspaceBusy (or may open read-only).
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
from pathlib import Path

from briefing.core.fileio import atomic_write_bytes
from briefing.core.store.articles import ArticleStore
from briefing.core.store.db import Database, StoreError
from briefing.core.store.highlights import HighlightStore
from briefing.core.store.perspectives import PerspectiveStore

DB_NAME = "library.sqlite3"
LOCK_NAME = ".briefing.lock"


class WorkspaceError(Exception):
    """The workspace cannot be opened as asked; the message says why and what to do."""


class WorkspaceBusy(WorkspaceError):
    """Another Briefing process has this workspace open for writing."""


def default_workspace() -> Path:
    """$BRIEFING_WORKSPACE, else the platform's user data folder (resolved when called)."""
    env = os.environ.get("BRIEFING_WORKSPACE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Briefing", appauthor=False)) / "workspace"


class Workspace:
    """An open workspace. Use `Workspace.open(path)` and `close()` (or a with-block)."""

    def __init__(self, root: Path, db: Database, readonly: bool, lock_fd: int | None) -> None:
        self.root = root
        self.db = db
        self.readonly = readonly
        self._lock_fd = lock_fd
        self.articles = ArticleStore(db)
        self.highlights = HighlightStore(db)
        self.perspectives = PerspectiveStore(db)
        self._index = None

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, readonly: bool = False) -> Workspace:
        root = Path(root).expanduser() if root is not None else default_workspace()
        if not readonly:
            try:
                root.mkdir(parents=True, exist_ok=True)
                (root / "originals").mkdir(exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"cannot create the workspace at {root}: "
                                     f"{exc.strerror or exc}") from None
            if not os.access(root, os.W_OK):
                if not (root / DB_NAME).exists():
                    raise WorkspaceError(f"the workspace folder {root} is read-only and empty")
                readonly = True
        elif not (root / DB_NAME).exists():
            raise WorkspaceError(f"there is no Briefing library at {root}")
        lock_fd = None if readonly else cls._take_lock(root)
        db = Database(root / DB_NAME, readonly=readonly)
        try:
            db.migrate()
            ws = cls(root, db, readonly, lock_fd)
            if not readonly:
                from briefing.core.perspectives import load_default_perspectives

                ws.perspectives.sync_defaults(load_default_perspectives())
        except StoreError as exc:
            db.close()
            cls._release_lock(lock_fd)
            raise WorkspaceError(str(exc)) from None
        except Exception as exc:
            db.close()
            cls._release_lock(lock_fd)
            raise WorkspaceError(f"cannot open the library in {root}: {exc}") from exc
        return ws

    @staticmethod
    def _take_lock(root: Path) -> int:
        path = root / LOCK_NAME
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise WorkspaceBusy(
                    f"the workspace {root} is open in another Briefing window; close it there, "
                    "or open this one read-only") from None
            raise
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        return fd

    @staticmethod
    def _release_lock(fd: int | None) -> None:
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self.db.close()
        self._release_lock(self._lock_fd)
        self._lock_fd = None

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
    def index(self):
        """The search index manager (opened lazily; see core/indexing.py)."""
        if self._index is None:
            from briefing.core.indexing import IndexManager

            self._index = IndexManager(self)
        return self._index
