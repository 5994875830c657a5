"""The workspace's writer lock: one process writes a workspace, any number read it.

Built on `filelock` (the maintained cross-platform lock: flock on POSIX, msvcrt locking on
Windows), so the core runs where analysts work. The operating system drops the lock when
the holder dies, so a killed import never leaves a workspace locked.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".briefing.lock"


class WriterLock:
    """Non-blocking exclusive lock on `<root>/.briefing.lock`."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / LOCK_NAME
        self._lock = FileLock(str(self.path), timeout=0, thread_local=False)

    def acquire(self) -> bool:
        """Take the lock now if free; False when another process (or handle) holds it."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        return True

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
