"""Archive sub-command: hand a workspace or a collection on as one verified file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.common import open_workspace, print_json, refusing
from briefing.core.archive import export_archive, import_archive, read_archive
from briefing.core.errors import ArchiveError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("archive", help="write or import one file holding articles, originals, "
                                       "highlights and the speaker book")
    ps = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    out = ps.add_parser("export", help="the whole workspace (or one collection) as OUT, "
                                       "e.g. topic.briefing")
    out.add_argument("out", metavar="OUT")
    out.add_argument("--collection", metavar="NAME", help="only this collection's articles")
    out.add_argument("--force", action="store_true",
                     help="replace OUT even if Briefing did not write it")
    out.set_defaults(func=cmd_archive_export)
    verify = ps.add_parser("verify", help="check every part of an archive against its "
                                          "manifest")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_archive_verify)
    take = ps.add_parser("import", help="verify an archive, then add what it holds to this "
                                        "workspace")
    take.add_argument("file", metavar="FILE")
    take.set_defaults(func=cmd_archive_import)


def cmd_archive_export(args: argparse.Namespace) -> int:
    with (open_workspace(args, readonly=True, ensure_index=bool(args.collection)) as ws,
          refusing("archive export", ArchiveError)):
        report = export_archive(ws, Path(args.out), args.collection, force=args.force)
    print(report.line("wrote"))
    return 0


def cmd_archive_verify(args: argparse.Namespace) -> int:
    with refusing("archive verify", ArchiveError):
        manifest, parts = read_archive(Path(args.file))
    if args.json:
        print_json({"file": args.file, "ok": True, "parts": len(parts),
                    "scope": manifest.get("scope"), "counts": manifest.get("counts"),
                    "from": manifest.get("from"), "created": manifest.get("created")})
    else:
        print(f"ok: {args.file}: {len(parts)} part(s) match the manifest")
    return 0


def cmd_archive_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws, refusing("archive import", ArchiveError):
        report = import_archive(ws, Path(args.file))
    for note in report.notes:
        print(f"briefing: warning: {note}", file=sys.stderr)
    print(report.line("imported"))
    return 0
