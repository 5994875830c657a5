"""All-or-nothing file writes: a temporary file beside the target, fsync, then os.replace.

Used for originals, index metadata and exported notes, so a crash or a full
disk mid-write never leaves a half-written file where a good one was. The temp
file is named ".<name>.<pid>.<random>.part": a process killed mid-write leaves
it behind, and the next write to that folder (or the next open of the
workspace) removes it once that pid is gone.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

PART_SUFFIX = ".part"


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable. POSIX only: Windows cannot open a directory
    as a file, and its rename (MoveFileEx) is made durable by NTFS's own journal."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[BinaryIO], object], mode: int | None = None) -> None:
    """Call `write(stream)` on a temp file in path's folder, then move it over `path`.

    On any failure the temp file is removed and `path` is left as it was; the
    exception propagates for the caller to word.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=PART_SUFFIX,
                                    dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` all-or-nothing."""
    atomic_write(path, lambda stream: stream.write(data), mode)


def _pid_alive(pid: int) -> bool:
    """Is process `pid` still running? (On Windows os.kill(pid, 0) would end it, so the
    process is looked at through OpenProcess there.)"""
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _pid_alive_windows(pid: int) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied  # exists, but not ours to look at
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def part_owner(name: str) -> int | None:
    """The pid in a temp file name made by atomic_write (None if the name has none)."""
    if not (name.startswith(".") and name.endswith(PART_SUFFIX)):
        return None
    fields = name[1:-len(PART_SUFFIX)].split(".")
    if len(fields) < 3:  # name, pid, random part at the least
        return None
    pid = fields[-2]  # the pid comes just before the random part
    return int(pid) if pid.isdigit() else None


def remove_stale_parts(folder: Path, name: str | None = None, any_owner: bool = False) -> list[Path]:
    """Delete temp files that a killed atomic_write left in `folder` (for `name` only, if given).

    A temp file is stale when the process that made it is gone; with `any_owner`
    (the caller holds the workspace's writer lock, so no one else writes there)
    every temp file is. Returns what was removed.
    """
    removed: list[Path] = []
    prefix = f".{name}." if name is not None else "."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(PART_SUFFIX)):
            continue
        pid = part_owner(entry.name)
        if not any_owner and (pid is None or pid == os.getpid() or _pid_alive(pid)):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
