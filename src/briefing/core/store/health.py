"""Is a library file sound? Checked before Briefing opens it for writing.

SQLite treats a 0-byte file as a valid empty database and `connect()` creates a missing
one, so an emptied or deleted library would silently open as an empty library. A
truncated or overwritten file may only fail at the first query that touches a bad page.
These checks name the damage up front — header, size, then `PRAGMA quick_check` — so the
workspace opens read-only and offers a backup instead of writing into a broken file.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import sys
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def file_damage(path: Path) -> str | None:
    """Damage visible without SQLite: empty, not a database, or shorter than it says."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            header = stream.read(100)
    except FileNotFoundError:
        return "the library file is missing"
    except OSError as exc:
        return f"the library file cannot be read ({exc.strerror or exc})"
    if size == 0:
        return "the library file is empty (0 bytes)"
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return "the library file is not a SQLite database (it was overwritten or corrupted)"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "the library file has a damaged header"
    pages = struct.unpack(">I", header[28:32])[0]
    change, valid_for = struct.unpack(">I", header[24:28])[0], struct.unpack(">I", header[92:96])[0]
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if size % page_size and not wal_size:
        return f"the library file is truncated ({size} bytes is not a whole number of pages)"
    if change == valid_for and pages * page_size > size and not wal_size:
        return (f"the library file is truncated ({size} bytes where its header promises "
                f"{pages * page_size})")
    return None


def quick_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's own structural check; None when sound, else the first problem it names.

    On a malformed file the pragma raises DatabaseError instead of returning rows.
    """
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"SQLite reports: {exc}"
    if rows and rows[0][0] == "ok":
        return None
    first = rows[0][0] if rows else "no answer"
    return f"SQLite's check found damage: {first}"


def library_damage(path: Path, immutable: bool = False, trust_stamp: bool = False) -> str | None:
    """None when the library file looks sound, else one line saying what is wrong.

    `immutable` for a file on a read-only medium, where SQLite cannot create its lock files.
    `trust_stamp`: skip the full check when the file is as a clean close left it
    (known_sound); opening for writing does, `briefing check` does not.
    """
    problem = file_damage(path)
    if problem or (trust_stamp and known_sound(path)):
        return problem
    try:
        conn = sqlite3.connect(ro_uri(path, immutable), uri=True, timeout=10)
    except sqlite3.Error as exc:
        return f"the library file cannot be opened ({exc})"
    try:
        problem = quick_check(conn)
        if problem is None:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                problem = f"SQLite reports: {exc}"
        return problem
    finally:
        conn.close()


def ro_uri(path: Path, immutable: bool = False) -> str:
    """A read-only SQLite URI for `path` (`immutable` on read-only media: no lock files)."""
    from urllib.parse import quote

    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def is_read_only_medium(folder: Path) -> bool:
    """True on a read-only mount or where this user cannot write the folder."""
    if sys.platform != "win32":  # statvfs is POSIX's; on Windows access() answers alone
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK)


# -- the sound stamp: no full check of a file as a clean close left it ------------------
# PRAGMA quick_check reads every page: ~0.25 s for 5,000 articles, seconds at 50,000, on
# every open for writing. A writer that closes cleanly (the WAL checkpointed into the file)
# leaves a stamp of the file (size, mtime, inode); while the file still matches it, the next
# open checks the header and size only. Any write since (a failing disk's garbage page, a
# restore, another program) moves the mtime past the stamp, and the full check runs again.
SOUND_STAMP = ".library-sound"
_TICK_NS = 20_000_000  # a write later than the stamp must land on a later mtime tick


def _stamp(path: Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


def known_sound(path: Path) -> bool:
    """The library file is exactly as a clean close left it (no WAL, same stamp)."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return False
    try:
        recorded = (path.parent / SOUND_STAMP).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    stamp = _stamp(path)
    return stamp is not None and stamp == recorded


def remember_sound(path: Path) -> None:
    """After a clean close: stamp the file so the next open skips the full check. Waits
    (at most ~20 ms) until the file's last write is a clock tick behind, so that a later
    write cannot share its mtime. Never raises: without a stamp the next open checks."""
    import time

    try:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            return
        age = time.time_ns() - os.stat(path).st_mtime_ns
        if age < _TICK_NS:
            time.sleep((_TICK_NS - age) / 1e9)
        stamp = _stamp(path)
        if stamp is not None:
            (path.parent / SOUND_STAMP).write_text(stamp + "\n", encoding="ascii")
    except OSError:
        return

