"""Verified backups of the library, on a rotation, and putting one back.

Backups are taken with SQLite's backup API (never by copying a live file) into
`<workspace>/backups/`, checked with `PRAGMA integrity_check` and counted before they are
given their final name, and described by a small JSON file beside each. Kinds and how many
of each are kept:

- `daily`     the first writing session of each day (the last 7 days),
- `migration` before every schema upgrade (the last 3),
- `bulk`      before a bulk change: deleting articles, re-cleaning, restoring (the last 5),
- `manual`    `briefing backup` (the last 10),
- `replaced`  the library as it was before a restore or recovery put another in its place
              (the last 3; a raw copy, since it may be damaged).

Restoring verifies the chosen backup again, sets the current library aside, and swaps the
backup in with one rename; the search index is rebuilt from it afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefing.core.fileio import atomic_write_bytes, fsync_dir
from briefing.core.store.health import file_damage, ro_uri

BACKUP_DIR = "backups"
KEEP = {"daily": 7, "migration": 3, "bulk": 5, "manual": 10, "replaced": 3}
SUFFIX = ".sqlite3"


class BackupError(Exception):
    """A backup could not be taken, verified or restored; the message says why."""


@dataclass
class Backup:
    """One backup file and what its verification found."""

    path: Path
    kind: str  # daily, migration, bulk, manual, replaced
    reason: str  # what it was taken before, e.g. "before deleting 3 articles"
    created: str  # ISO time, UTC
    articles: int | None = None
    highlights: int | None = None
    verified: bool = False

    @property
    def name(self) -> str:
        return self.path.name

    def describe(self) -> str:
        counts = ("" if self.articles is None
                  else f", {self.articles} article(s), {self.highlights} highlight(s)")
        state = "verified" if self.verified else "NOT verified"
        return f"{self.name}  {self.created[:19].replace('T', ' ')} UTC  {self.kind}: " \
               f"{self.reason}{counts}, {state}"


def backup_dir(root: Path) -> Path:
    return Path(root) / BACKUP_DIR


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _free_space_hint(folder: Path, needed: int) -> str:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return ""
    return f" ({needed / 1e6:.1f} MB needed, {free / 1e6:.1f} MB free)"


def inspect(path: Path) -> tuple[bool, str, int | None, int | None]:
    """(sound, problem, articles, highlights) for a library or backup file, read-only."""
    problem = file_damage(path)
    if problem:
        return False, problem, None, None
    try:
        conn = sqlite3.connect(ro_uri(path, immutable=True), uri=True)
    except sqlite3.Error as exc:
        return False, str(exc), None, None
    try:
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            return False, f"SQLite reports: {exc}", None, None
        if result != "ok":
            return False, f"SQLite's check found damage: {result}", None, None
        try:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            highlights = conn.execute("SELECT count(*) FROM highlights").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            return False, f"not a Briefing library ({exc})", None, None
        return True, "", int(articles), int(highlights)
    finally:
        conn.close()


def take_backup(conn: sqlite3.Connection, root: Path, kind: str, reason: str) -> Backup:
    """Copy the live library behind `conn` into backups/, verify it, then rotate.

    All-or-nothing: on a full disk or a failed check no backup file is left behind and
    BackupError says why; the library itself is never touched.
    """
    if kind not in KEEP or kind == "replaced":
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = backup_dir(root)
    created = _now()
    stem = f"library-{created:%Y%m%d-%H%M%S-%f}-{kind}"
    final = folder / f"{stem}{SUFFIX}"
    # a reader may back up beside the writer: the pid tells a live copy from a dead one's
    part = folder / f".{stem}{SUFFIX}.{os.getpid()}.{secrets.token_hex(4)}.part"
    try:
        folder.mkdir(exist_ok=True)
        target = sqlite3.connect(part)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.chmod(part, 0o600)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        size = (Path(root) / "library.sqlite3").stat().st_size if (
            Path(root) / "library.sqlite3").exists() else 0
        raise BackupError(f"could not back up the library: {exc}"
                          f"{_free_space_hint(folder if folder.exists() else Path(root), size)}"
                          ) from None
    sound, problem, articles, highlights = inspect(part)
    if not sound:
        with contextlib.suppress(OSError):
            part.unlink()
        raise BackupError(f"the new backup failed its check ({problem}); nothing was kept")
    backup = Backup(final, kind, reason, created.isoformat(), articles, highlights, True)
    try:
        _write_sidecar(backup)
        os.replace(part, final)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        with contextlib.suppress(OSError):
            _sidecar(final).unlink()
        raise BackupError(f"could not keep the backup: {exc.strerror or exc}") from None
    rotate(root, kind)
    return backup


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _write_sidecar(backup: Backup) -> None:
    data = {"kind": backup.kind, "reason": backup.reason, "created": backup.created,
            "articles": backup.articles, "highlights": backup.highlights,
            "verified": backup.verified}
    atomic_write_bytes(_sidecar(backup.path), json.dumps(data, indent=1).encode())


def list_backups(root: Path) -> list[Backup]:
    """Every backup in the workspace, newest first (as described by its sidecar)."""
    folder = backup_dir(root)
    if not folder.is_dir():
        return []
    found: list[Backup] = []
    for path in folder.glob(f"library-*{SUFFIX}"):
        try:
            data = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        kind = data.get("kind") or path.stem.rsplit("-", 1)[-1]
        created = data.get("created") or dt.datetime.fromtimestamp(
            path.stat().st_mtime, dt.UTC).isoformat()
        found.append(Backup(path, kind, data.get("reason", "unknown"), created,
                            data.get("articles"), data.get("highlights"),
                            bool(data.get("verified"))))
    found.sort(key=lambda b: b.created, reverse=True)
    return found


def rotate(root: Path, kind: str) -> None:
    """Keep the newest KEEP[kind] backups of this kind; remove the rest with their sidecars."""
    same = [b for b in list_backups(root) if b.kind == kind]
    for old in same[KEEP[kind]:]:
        for path in (old.path, _sidecar(old.path)):
            with contextlib.suppress(OSError):
                path.unlink()


def newest_good(root: Path) -> Backup | None:
    """The newest backup that passes its check now (not only when it was taken)."""
    for backup in list_backups(root):
        if backup.kind == "replaced":
            continue
        sound, _problem, articles, highlights = inspect(backup.path)
        if sound:
            backup.articles, backup.highlights, backup.verified = articles, highlights, True
            return backup
    return None


def find(root: Path, name: str) -> Backup:
    for backup in list_backups(root):
        if backup.name == name or backup.path.stem == name:
            return backup
    raise BackupError(f"there is no backup called {name!r}; `briefing restore --list` "
                      "shows them")


def daily_due(root: Path, today: dt.date | None = None) -> bool:
    """No daily backup yet today (UTC)."""
    today = today or _now().date()
    return not any(b.kind == "daily" and b.created[:10] == today.isoformat()
                   for b in list_backups(root))


def set_aside(library: Path, root: Path, kind: str = "replaced",
              reason: str = "the library as it was before a restore") -> Path | None:
    """Copy the current library file (and its WAL), byte for byte, into backups/."""
    if not library.exists():
        return None
    folder = backup_dir(root)
    folder.mkdir(exist_ok=True)
    stamp = _now()
    dest = folder / f"library-{stamp:%Y%m%d-%H%M%S-%f}-{kind}{SUFFIX}"
    shutil.copyfile(library, dest)
    for extra in ("-wal", "-shm"):
        side = library.with_name(library.name + extra)
        if side.exists() and extra == "-wal":
            shutil.copyfile(side, dest.with_name(dest.name + extra))
    atomic_write_bytes(_sidecar(dest), json.dumps({
        "kind": kind, "reason": reason, "created": stamp.isoformat(),
        "verified": False}).encode())
    rotate(root, kind)
    return dest


def install(backup: Backup, library: Path, root: Path) -> Path | None:
    """Put `backup` in place of `library` (the caller holds the workspace's write lock and
    has closed every connection). Verifies first; the current file is set aside."""
    sound, problem, _a, _h = inspect(backup.path)
    if not sound:
        raise BackupError(f"the backup {backup.name} is damaged ({problem}); choose another")
    staged = library.with_name(f".{library.name}.restore.part")
    try:
        shutil.copyfile(backup.path, staged)
        with open(staged, "rb+") as stream:
            os.fsync(stream.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise BackupError(f"could not restore {backup.name}: {exc.strerror or exc}"
                          f"{_free_space_hint(root, backup.path.stat().st_size)}") from None
    aside = set_aside(library, root)
    for extra in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            library.with_name(library.name + extra).unlink()
    os.replace(staged, library)
    fsync_dir(library.parent)
    return aside
