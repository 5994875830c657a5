"""The files an import meets in a folder, and reading them safely.

A folder can hold named pipes, sockets and device files: `open()` on a FIFO
blocks forever, so only regular files are ever opened (and opened non-blocking,
then checked again, so a file swapped for a pipe in between cannot hang us).
`os.walk` hands back names that are not valid UTF-8 as surrogate escapes, and
names may hold newlines or other control characters: `printable_name` turns
any of them into one printable line, used in the report and stored as the
article's file name.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class NotAFile(Exception):
    """The path is a pipe, socket, device or folder; str() says which."""


def printable_name(path: str | Path) -> str:
    """The path as one printable line: undecodable bytes as \\xNN, controls escaped."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    out: list[str] = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Expand folders (recursively, not following links) into their entries, hidden ones
    left out. Returns (path, chosen explicitly); pipes and devices are checked later."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        out.append((Path(root) / name, False))
        else:
            out.append((path, True))
    return out


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file; it was not opened"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file; it was not opened"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file; it was not opened"
    return "not a regular file; it was not opened"


def check_regular(path: Path) -> int:
    """The size of the regular file at `path` (links followed); NotAFile otherwise.

    Raises OSError (e.g. FileNotFoundError) when the path cannot be looked at.
    """
    info = os.stat(path)
    kind = _kind(info.st_mode)
    if kind is not None:
        raise NotAFile(kind)
    return info.st_size


def read_regular(path: Path) -> bytes:
    """Read a regular file without ever blocking on a pipe put in its place.

    O_NONBLOCK and O_NOCTTY are POSIX's (Windows has neither FIFOs in the file system nor
    controlling terminals); O_BINARY is Windows', where a descriptor opened without it
    reads in text mode and would turn CRLF into LF and stop at Ctrl+Z.
    """
    if sys.platform == "win32":
        flags = os.O_RDONLY | os.O_BINARY
    else:
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY
    fd = os.open(path, flags)
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotAFile(kind)
        chunks: list[bytes] = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)
