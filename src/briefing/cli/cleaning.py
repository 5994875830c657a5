"""`briefing cleaning ID`: what cleaning removed from an article, and the analyst's
corrections (put a removed line back, drop a kept paragraph as page furniture)."""

from __future__ import annotations

import argparse

from briefing.cli.common import open_workspace, refusing, sync_index
from briefing.core.cleaning_choices import (
    RemovedLine,
    choices,
    choose_line,
    removed_lines,
)
from briefing.core.elide import elide
from briefing.core.errors import CleaningError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cleaning", help="lines cleaning removed from an article; put one "
                       "back or drop a paragraph (your choice survives re-cleaning)")
    p.add_argument("id", type=int, metavar="ID")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--keep", metavar="N|TEXT",
                     help="put removed line N (as listed) or the line reading TEXT back")
    how.add_argument("--drop", metavar="TEXT", help="remove the paragraph reading TEXT")
    how.add_argument("--reset", metavar="TEXT",
                     help="forget your choice for the line reading TEXT: the rules decide")
    p.set_defaults(func=cmd_cleaning)


def _short(text: str, width: int = 90) -> str:
    return elide(text, width)


def _pick(removed: list[RemovedLine], wanted: str, article_id: int) -> str:
    """The line `--keep` names: its number in the list, else its text."""
    if wanted.strip().isdigit():
        number = int(wanted)
        if not 1 <= number <= len(removed):
            raise CleaningError(f"no removed line {number} in article #{article_id} (it has "
                                f"{len(removed)}); `briefing cleaning {article_id}` lists them")
        return removed[number - 1].text
    return wanted


def cmd_cleaning(args: argparse.Namespace) -> int:
    change = args.keep or args.drop or args.reset
    if change is None:
        return _list(args)
    action = "cleaning " + ("--keep" if args.keep else "--drop" if args.drop else "--reset")
    with open_workspace(args, ensure_index=False) as ws, refusing(action, CleaningError):
        if args.keep:
            result = choose_line(ws, args.id, _pick(removed_lines(ws, args.id), args.keep,
                                                    args.id), "keep", index=False)
        elif args.drop:
            result = choose_line(ws, args.id, args.drop, "drop", index=False)
        else:
            result = choose_line(ws, args.id, args.reset, None, index=False)
        sync_index(ws)
        print(result.line())
        for hid, quote in result.orphaned:
            print(f"           orphaned highlight {hid}: \u201c{_short(quote, 70)}\u201d")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws, \
            refusing("cleaning", CleaningError):
        removed = removed_lines(ws, args.id)
        article = ws.articles.get(args.id)
        assert article is not None  # removed_lines refuses an unknown id
        print(f"#{article.id} {article.title}: {len(removed)} line(s) removed by cleaning")
        for r in removed:
            print(f"{r.number:>4}. [{r.why}] {_short(r.text)}")
        mine = choices(ws, args.id)
        for line, decision in mine:
            verb = "kept" if decision == "keep" else "dropped"
            print(f"      your choice: {verb} \u201c{_short(line, 70)}\u201d")
        print(f"`briefing cleaning {args.id} --keep N` puts line N back; "
              "`--drop TEXT` removes a paragraph; `--reset TEXT` forgets a choice")
    return 0
