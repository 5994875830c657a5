"""Backup sub-commands: `backup`, `restore [--list] [NAME]`, `recover`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefing.cli.common import CliError, open_workspace
from briefing.core import backups, recovery
from briefing.core.backups import BackupError
from briefing.core.workspace import WorkspaceError, default_workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="take a verified backup of the library now",
                       description="Copy the library with SQLite's backup API into the "
                                   "workspace's backups/ folder and verify the copy. Works "
                                   "while the app or an import is running.")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="put back a backup (the newest good one by default)",
                       description="Replace the library with a verified backup. The library "
                                   "as it was is kept in backups/ first; the search index is "
                                   "rebuilt. Close the app before restoring.")
    p.add_argument("name", nargs="?", metavar="NAME", help="a backup's name from --list")
    p.add_argument("--list", action="store_true", help="list the backups and check each one")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("recover", help="rebuild a damaged library from what it still holds "
                                       "and from originals/",
                       description="When no backup is good: salvage every row SQLite can "
                                   "still read from the damaged library, then re-import every "
                                   "original no salvaged article came from.")
    p.set_defaults(func=cmd_recover)


def _root(args: argparse.Namespace) -> Path:
    return Path(args.workspace).expanduser() if args.workspace else default_workspace()


def cmd_backup(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        if ws.damage:
            raise CliError("the library is damaged, so it cannot be backed up; "
                           "`briefing restore --list` shows the backups you have")
        try:
            with ws.db.using() as conn:
                backup = backups.take_backup(conn, ws.root, "manual", "taken by hand")
        except BackupError as exc:
            raise CliError(str(exc), code=1) from None
    print(f"backed up to {backup.path} ({backup.articles} article(s), "
          f"{backup.highlights} highlight(s), verified)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    root = _root(args)
    if args.list:
        found = backups.list_backups(root)
        for backup in found:
            sound, problem, articles, highlights = backups.inspect(backup.path)
            backup.articles, backup.highlights, backup.verified = articles, highlights, sound
            print(backup.describe() + ("" if sound or backup.kind == "replaced"
                                       else f" ({problem})"))
        print(f"{len(found)} backup(s) in {backups.backup_dir(root)}")
        return 0
    started = time.perf_counter()
    try:
        report = recovery.restore(root, args.name)
    except (BackupError, WorkspaceError) as exc:
        raise CliError(str(exc)) from None
    print(f"restored {report.restored.name} ({report.restored.created[:19]} UTC): "
          f"{report.articles} article(s), {report.highlights} highlight(s); search index "
          f"rebuilt in {time.perf_counter() - started:.1f} s")
    if report.set_aside:
        print(f"the library as it was is kept as {report.set_aside}")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    root = _root(args)
    try:
        report = recovery.recover(root, lambda line: print(f"  {line}", file=sys.stderr))
    except (BackupError, WorkspaceError, OSError) as exc:
        raise CliError(f"recovery failed: {exc}; nothing was changed") from None
    kept = report.salvaged.get("articles", 0)
    lost = sum(report.unreadable.values())
    print(f"recovered: {kept} article(s) and {report.salvaged.get('highlights', 0)} "
          f"highlight(s) salvaged, {report.reimported} article(s) re-imported from originals, "
          f"{lost} unreadable row(s) lost")
    for line in report.reimport_failed:
        print(f"  could not re-import {line}", file=sys.stderr)
    print(f"library now holds {report.articles} article(s), {report.highlights} highlight(s)")
    if report.set_aside:
        print(f"the damaged library is kept as {report.set_aside}")
    return 0
