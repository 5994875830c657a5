"""Briefs sub-command: saved drafts of notes — list, make, fill, order, export, delete."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.common import open_workspace, print_json, refusing
from briefing.core import briefs
from briefing.core.errors import BriefError
from briefing.core.export import FORMATS, ExportError, check_ready


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("briefs", help="list saved briefs: drafts of notes with their order "
                                      "and export history")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_briefs)
    bs = p.add_subparsers(dest="action", metavar="ACTION")
    new = bs.add_parser("new", help="make a brief; it starts with the highlights its filter "
                                    "matches now")
    new.add_argument("name", metavar="NAME")
    new.add_argument("--title", help="the note's title (default: Briefing note)")
    new.add_argument("--perspective", action="append", default=[], metavar="P",
                     help="draw only highlights with this perspective (repeatable)")
    new.add_argument("--tag", action="append", default=[], metavar="T",
                     help="draw only highlights (or articles) with this tag (repeatable)")
    new.add_argument("--collection", metavar="C", help="draw only from this collection")
    new.add_argument("--empty", action="store_true", help="start with no highlights")
    new.set_defaults(func=cmd_brief_new)
    add = bs.add_parser("add", help="put highlights at the end of a brief's note")
    add.add_argument("name", metavar="NAME")
    add.add_argument("ids", nargs="+", type=int, metavar="HID")
    add.set_defaults(func=cmd_brief_add)
    rm = bs.add_parser("remove", help="leave highlights out of a brief's note")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("ids", nargs="+", type=int, metavar="HID")
    rm.set_defaults(func=cmd_brief_remove)
    mv = bs.add_parser("move", help="move a highlight to place N of the note (1 = first)")
    mv.add_argument("name", metavar="NAME")
    mv.add_argument("id", type=int, metavar="HID")
    mv.add_argument("--to", type=int, required=True, metavar="N")
    mv.set_defaults(func=cmd_brief_move)
    ex = bs.add_parser("export", help="write the brief's note and record it in its history")
    ex.add_argument("name", metavar="NAME")
    ex.add_argument("out", metavar="OUT", help="file to write, e.g. note.docx")
    ex.add_argument("--format", choices=sorted(FORMATS), help="docx, md, csv or json")
    ex.add_argument("--mark-new", action="store_true",
                    help="mark highlights and sources not in the previous export "
                         "\"New since <date>\"")
    ex.add_argument("--force", action="store_true",
                    help="replace OUT even if Briefing did not write it")
    ex.set_defaults(func=cmd_brief_export)
    delete = bs.add_parser("delete", help="delete a brief (never its highlights)")
    delete.add_argument("name", metavar="NAME")
    delete.set_defaults(func=cmd_brief_delete)


def cmd_briefs(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True) as ws:
        found = briefs.list_briefs(ws)
        if args.json:
            print_json([b.as_json() for b in found])
            return 0
        for b in found:
            last = b.row.exports[-1].exported[:10] if b.row.exports else "never exported"
            extra = f", {len(b.offered)} new match(es) offered" if b.offered else ""
            if b.new is not None and b.new.highlights:
                extra += f", {len(b.new.highlights)} new since the last export"
            print(f"{b.name:<24} {len(b.highlights):>4} highlight(s)  {last}  "
                  f"\u201c{b.row.title}\u201d{extra}")
        print(f"{len(found)} brief(s)")
    return 0


def cmd_brief_new(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=bool(args.collection)) as ws:
        with refusing("briefs new", BriefError):
            b = briefs.create(ws, args.name, args.title, args.perspective, args.tag,
                              args.collection, empty=args.empty)
        print(f"made brief {b.name}: {len(b.highlights)} highlight(s)")
    return 0


def cmd_brief_add(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("briefs add", BriefError):
            added, unknown = briefs.add(ws, args.name, args.ids)
        print(f"added {added} highlight(s) to {args.name}")
        if unknown:
            print("briefing: no such highlight: " + ", ".join(f"#{i}" for i in unknown),
                  file=sys.stderr)
            return 1
    return 0


def cmd_brief_remove(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("briefs remove", BriefError):
            n = briefs.remove(ws, args.name, args.ids)
        print(f"removed {n} highlight(s) from {args.name}")
    return 0


def cmd_brief_move(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("briefs move", BriefError):
            order = briefs.move(ws, args.name, args.id, args.to)
        print(f"{args.name}: " + " ".join(f"#{i}" for i in order))
    return 0


def cmd_brief_export(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws, refusing("briefs export", BriefError, ExportError):
        row = briefs.get(ws, args.name).row
        # the same "ready to send?" lines as `briefing export`: warned, never refused
        said = check_ready(ws, briefs.spec_of(ws, row)).lines()
        report = briefs.export(ws, args.name, Path(args.out), args.format, args.force,
                               args.mark_new)
    for line in said:
        print(f"briefing: warning: not ready to send: {line}", file=sys.stderr)
    for warning in report.warnings:
        if warning not in said:
            print(f"briefing: warning: {warning}", file=sys.stderr)
    print(report.line())
    return 0


def cmd_brief_delete(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("briefs delete", BriefError):
            gone = briefs.delete(ws, args.name)
        print(f"deleted brief {gone.name} (its highlights stay in the library)")
    return 0
