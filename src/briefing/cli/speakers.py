"""`briefing speakers`: who speaks in the library, and the analyst's speaker book."""

from __future__ import annotations

import argparse

from briefing.cli.common import open_workspace, print_json, refusing
from briefing.core.errors import SpeakerError
from briefing.core.speakers import assign_speaker, library_speakers
from briefing.core.store.perspectives import PerspectiveError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("speakers", help="speakers of suggested statements and their perspective")
    p.add_argument("--unassigned", action="store_true",
                   help="only speakers with no perspective from the book or the cues")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_speakers)
    ps = p.add_subparsers(dest="action", metavar="ACTION")
    assign = ps.add_parser("assign", help="give a speaker a perspective everywhere (or --clear)")
    assign.add_argument("name", metavar="NAME")
    how = assign.add_mutually_exclusive_group(required=True)
    how.add_argument("--perspective", metavar="P", help="perspective name, key or shortcut")
    how.add_argument("--clear", action="store_true", help="forget the assignment: cues decide")
    assign.set_defaults(func=cmd_speakers_assign)


def _names(ws) -> dict[str, str]:
    return {p.key: p.name for p in ws.perspectives.all()}


def cmd_speakers(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        names = _names(ws)
        items = library_speakers(ws, unassigned=args.unassigned)
        if args.json:
            print_json([{
                "name": e.name, "key": e.key,
                "perspective": names.get(e.perspective, e.perspective) if e.perspective else None,
                "source": e.source,
                "cue_perspectives": [names.get(k, k) for k in e.cue_perspectives],
                "statements": e.statements, "articles": e.articles, "mentions": e.mentions}
                for e in items])
            return 0
        for e in items:
            if e.perspective:
                who = f"{names.get(e.perspective, e.perspective)} (speaker book)"
            elif e.cue_perspectives:
                who = f"{', '.join(names.get(k, k) for k in e.cue_perspectives)} (cues)"
            else:
                who = "— unassigned"
            print(f"{e.statements:>4} statement(s) in {len(e.articles):>3} article(s)  "
                  f"{e.name[:40]:<40} {who}")
        what = "unassigned speaker(s)" if args.unassigned else "speaker(s)"
        print(f"{len(items)} {what}; `briefing speakers assign NAME --perspective P` decides")
    return 0


def cmd_speakers_assign(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("speakers assign", PerspectiveError, SpeakerError):
            key = None if args.clear else ws.perspectives.resolve_keys([args.perspective])[0]
            entry = assign_speaker(ws, args.name, key)
        follows = f"{entry.statements} statement(s) in {len(entry.articles)} article(s)"
        if key is None:
            print(f"cleared {entry.name}: {follows} follow the cues again")
        else:
            print(f"{entry.name} -> {_names(ws).get(key, key)}: {follows} follow")
    return 0
