"""Full disks, failing media and read-only folders met while writing: recognised and worded.

Storing an original, committing to the library, writing the index or an exported
note can fail with ENOSPC, EDQUOT, EIO, EROFS or a permission error; SQLite says
the same as "database or disk is full", "disk I/O error" or "attempt to write a
readonly database". None of these is the input's fault, so the action stops (a
batch does not go on to fail on every later file), says so in one line with the
free space needed, and leaves everything committed before it as it was.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
WRITE_ERRNOS = DISK_FULL_ERRNOS | {errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM}
_SQLITE_FULL = ("database or disk is full",)
_SQLITE_WRITE = _SQLITE_FULL + ("disk i/o error", "readonly database", "read-only file system")
MIN_NEEDED = 1 << 20  # never ask for less than 1 MB: SQLite and Whoosh need working room


class WriteFailed(Exception):
    """An action could not write to disk; str() is one line for a person."""


def is_write_fault(exc: BaseException) -> bool:
    """Whether `exc` is the medium failing (full, read-only, I/O error), not bad input."""
    if isinstance(exc, WriteFailed):
        return True
    if isinstance(exc, OSError):
        return exc.errno in WRITE_ERRNOS
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return any(marker in text for marker in _SQLITE_WRITE)
    return False


def _is_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in DISK_FULL_ERRNOS
    return any(marker in str(exc).lower() for marker in _SQLITE_FULL)


def free_bytes(path: Path) -> int | None:
    """Free space on the file system holding `path` (or its nearest existing parent)."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def human_size(n: int) -> str:
    """1536 -> '1.5 KB'; decimal units, as file managers show them."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"  # pragma: no cover - the loop always returns


def fault_reason(exc: BaseException) -> str:
    """The fault in words: 'the disk is full', 'the disk or folder is read-only'..."""
    if _is_full(exc):
        return "the disk is full"
    code = exc.errno if isinstance(exc, OSError) else None
    text = str(exc).lower()
    if code == errno.EROFS or "read-only file system" in text:
        return "the disk or folder is read-only"
    if code in (errno.EACCES, errno.EPERM) or "readonly database" in text:
        return "permission denied (the folder is not writable)"
    return "an input/output error (the disk may be failing or was removed)"


def write_failed(action: str, target: Path, exc: BaseException, needed: int | None = None,
                 kept: str = "") -> WriteFailed:
    """The one-line error for `action` failing to write under `target`.

    `needed` is an estimate of the space the action needs; `kept` says what was
    done before the failure and stays (e.g. "the 12 articles imported so far are kept").
    """
    parts = [f"{action} stopped: cannot write {target}: {fault_reason(exc)}"]
    if _is_full(exc):
        free = free_bytes(target)
        want = max(needed or 0, MIN_NEEDED)
        room = f"{human_size(free)} free" if free is not None else "no free space"
        parts.append(f"({room}; about {human_size(want)} needed); free some space and "
                     f"run the {action} again")
    else:
        parts.append(f"; fix this and run the {action} again")
    line = " ".join(parts).replace(" ;", ";")
    if kept:
        line += f"; {kept}"
    return WriteFailed(line)


def folder_size(folder: Path) -> int:
    """Bytes in the files under `folder` (0 if it does not exist)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                continue
    return total
