"""Correcting the library: `edit` an article's details, `reclean` articles from originals."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from briefing.cli.common import CliError, open_workspace, sync_index
from briefing.core.backups import BackupError
from briefing.core.details import DetailsError, edit_details
from briefing.core.elide import elide
from briefing.core.reclean import reclean


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("edit", help="correct an article's details (each edited field is "
                       "confirmed and never overwritten by re-cleaning)")
    p.add_argument("id", type=int)
    p.add_argument("--title")
    p.add_argument("--publisher")
    p.add_argument("--author", action="append", metavar="A",
                   help="an author (repeat for several; the list replaces the old one; "
                   "--author '' clears it)")
    p.add_argument("--date", metavar="YYYY[-MM[-DD]]")
    p.add_argument("--url")
    p.add_argument("--kind", help="news, transcript, statement, analysis or social")
    p.add_argument("--language", metavar="CODE", help="e.g. en, de, en-GB")
    p.add_argument("--note")
    p.add_argument("--caveat", help="the source's own handling caveat")
    p.add_argument("--confirm", action="append", default=[], metavar="FIELD",
                   help="confirm a field without changing it (title, publisher, authors, date, "
                   "url, language, kind); repeatable")
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("reclean", help="re-clean articles from their originals with the current "
                       "rules (after a backup; confirmed fields are kept)")
    p.add_argument("ids", type=int, nargs="*", metavar="ID", help="default: every article")
    p.set_defaults(func=cmd_reclean)


_OPTIONS = (("title", "title"), ("publisher", "publisher"), ("author", "authors"),
            ("date", "published"), ("url", "source_url"), ("kind", "kind"),
            ("language", "language"), ("note", "note"), ("caveat", "caveat"))


def cmd_edit(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {field: getattr(args, option) for option, field in _OPTIONS
                               if getattr(args, option) is not None}
    if not changes and not args.confirm:
        raise CliError("edit: nothing to change; give --title, --author, --date, ... or "
                       "--confirm FIELD")
    with open_workspace(args, ensure_index=False) as ws:
        try:
            change = edit_details(ws, args.id, changes, args.confirm, index=False)
        except DetailsError as exc:
            raise CliError(f"edit #{args.id}: {exc}; nothing was changed",
                           code=1 if str(exc).startswith("no article") else 2) from None
        sync_index(ws)
        changed = change.changed
        print(f"#{args.id}: " + (f"updated {', '.join(changed)}" if changed else
                                 "nothing changed (the values were already so)"))
    return 0


def cmd_reclean(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        ids = args.ids or None
        missing = [i for i in (ids or []) if ws.articles.get(i) is None]
        wanted = [i for i in ids if i not in missing] if ids else None
        failed = bool(missing)
        try:
            if wanted != []:
                for result in reclean(ws, wanted):
                    print(result.line(), flush=True)
                    for hid, quote in result.orphaned:
                        short = elide(quote, 70)
                        print(f"           orphaned highlight {hid}: \u201c{short}\u201d")
                    failed = failed or result.error is not None
        except BackupError as exc:
            raise CliError(f"reclean: {exc}; nothing was changed") from None
        if missing:
            print("not found: " + ", ".join(f"#{i}" for i in missing), file=sys.stderr)
    return 1 if failed else 0
