"""Marking sub-commands: perspectives, highlight add/list/delete, suggest, claims."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from briefing.cli.common import CliError, open_workspace, print_json, refusing, sync_index
from briefing.core.anchoring import find_quote
from briefing.core.errors import HighlightError, PerspectiveError
from briefing.core.models import HIGHLIGHT_KINDS, RELIABILITY_GRADES, Highlight
from briefing.core.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("perspectives", help="list the perspectives and their cues")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_perspectives)
    ps = p.add_subparsers(dest="action", metavar="ACTION")
    padd = ps.add_parser("add", help="add your own perspective")
    padd.add_argument("name")
    padd.add_argument("--colour", required=True, help="#rrggbb")
    padd.add_argument("--key", default="", help="keyboard key 1-9")
    padd.add_argument("--cue", action="append", default=[], help="a cue (repeatable)")
    padd.set_defaults(func=cmd_perspective_add)
    pedit = ps.add_parser("edit", help="rename, recolour or change the cues of a perspective")
    pedit.add_argument("perspective", metavar="NAME")
    pedit.add_argument("--name")
    pedit.add_argument("--colour")
    pedit.add_argument("--key")
    pedit.add_argument("--add-cue", action="append", default=[], metavar="CUE")
    pedit.add_argument("--remove-cue", action="append", default=[], metavar="CUE")
    pedit.set_defaults(func=cmd_perspective_edit)

    p = sub.add_parser("highlight", help="add, list, edit, tag or delete highlights")
    hs = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = hs.add_parser("add", help="highlight a quote in an article")
    add.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    add.add_argument("--quote", required=True, help="text to highlight, as it appears in the article")
    add.add_argument("--perspective", action="append", default=[], metavar="NAME")
    add.add_argument("--kind", default="claim", choices=HIGHLIGHT_KINDS)
    add.add_argument("--note", default="")
    add.add_argument("--translation", default="", metavar="TEXT",
                     help="your translation of the quote, shown under it in the note")
    add.add_argument("--reliability", choices=RELIABILITY_GRADES)
    add.add_argument("--credibility", type=int, choices=range(1, 7))
    add.add_argument("--tag", action="append", default=[], metavar="TAG",
                     help="a tag for the highlight (repeatable)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_highlight_add)
    ls = hs.add_parser("list", help="list highlights")
    ls.add_argument("--article", type=int, action="append", metavar="ID")
    ls.add_argument("--perspective", action="append", metavar="NAME")
    ls.add_argument("--tag", action="append", metavar="TAG", help="only highlights so tagged")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_highlight_list)
    edit = hs.add_parser("edit", help="change the note or the translation of a highlight")
    edit.add_argument("highlight_id", type=int, metavar="HID")
    edit.add_argument("--note", metavar="TEXT", help="the analyst's note (\"\" clears it)")
    edit.add_argument("--translation", metavar="TEXT",
                      help="your translation of the quote (\"\" clears it)")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(func=cmd_highlight_edit)
    tag = hs.add_parser("tag", help="add or remove tags of a highlight")
    tag.add_argument("highlight_id", type=int, metavar="HID")
    tag.add_argument("--add", action="append", default=[], metavar="TAG")
    tag.add_argument("--remove", action="append", default=[], metavar="TAG")
    tag.add_argument("--json", action="store_true")
    tag.set_defaults(func=cmd_highlight_tag)
    rm = hs.add_parser("delete", help="delete a highlight")
    rm.add_argument("highlight_id", type=int)
    rm.set_defaults(func=cmd_highlight_delete)


def resolve_perspectives(ws: Workspace, names: list[str] | None) -> list[str] | None:
    """Perspective keys for names, keys or shortcuts given on the command line."""
    if names is None:
        return None
    try:
        return ws.perspectives.resolve_keys(names)
    except PerspectiveError as exc:
        raise CliError(str(exc)) from None


def highlight_json(h) -> dict:
    return {"id": h.id, "article_id": h.article_id, "start": h.start, "end": h.end,
            "quote": h.quote, "perspectives": h.perspectives, "kind": h.kind, "note": h.note,
            "translation": h.translation, "reliability": h.reliability, "credibility": h.credibility, "tags": h.tags,
            "orphaned": h.orphaned, "created": h.created, "modified": h.modified}


def cmd_perspectives(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        items = ws.perspectives.all()
        if args.json:
            print_json([{"key": p.key, "name": p.name, "colour": p.colour,
                         "shortcut": p.shortcut, "cues": p.cues, "builtin": p.builtin}
                        for p in items])
            return 0
        for p in items:
            print(f"{p.shortcut or ' '}  {p.name:<18} {p.colour}  {len(p.cues)} cues")
    return 0


def cmd_perspective_add(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        try:
            p = ws.perspectives.add(args.name, args.colour, args.key, args.cue)
        except PerspectiveError as exc:
            raise CliError(str(exc), code=1) from None
        print(f"added perspective {p.name} ({p.key}) with {len(p.cues)} cue(s)")
    return 0


def cmd_perspective_edit(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        key = (resolve_perspectives(ws, [args.perspective]) or [""])[0]
        current = ws.perspectives.get(key)
        assert current is not None
        removed = {c.lower() for c in args.remove_cue}
        cues = [c for c in current.cues if c.lower() not in removed]
        cues += [c for c in args.add_cue if c.lower() not in {x.lower() for x in cues}]
        try:
            p = ws.perspectives.update(key, name=args.name, colour=args.colour,
                                       shortcut=args.key, cues=cues)
        except PerspectiveError as exc:
            raise CliError(str(exc), code=1) from None
        print(f"updated perspective {p.name}: {len(p.cues)} cue(s)")
    return 0


def cmd_highlight_add(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        article = ws.articles.get(args.article_id)
        if article is None:
            raise CliError(f"no article #{args.article_id}", code=1)
        span = find_quote(article.text, args.quote)
        if span is None:
            raise CliError(f"the quote was not found in article #{article.id} "
                           f"({article.title}); copy it exactly from `briefing show {article.id}`",
                           code=1)
        keys = resolve_perspectives(ws, args.perspective) or []
        try:
            h = ws.highlights.add(article.id, article.text, *span, perspectives=keys,
                                  kind=args.kind, note=args.note, reliability=args.reliability,
                                  credibility=args.credibility, tags=args.tag,
                                  translation=args.translation.strip())
        except HighlightError as exc:
            raise CliError(str(exc), code=1) from None
        sync_index(ws)
        if args.json:
            print_json(highlight_json(h))
        else:
            print(f"highlight #{h.id} added to #{article.id}: {h.quote[:80]}")
    return 0


def cmd_highlight_list(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        keys = resolve_perspectives(ws, args.perspective)
        items = ws.highlights.list(article_ids=args.article, perspectives=keys, tags=args.tag)
        if args.json:
            print_json([highlight_json(h) for h in items])
            return 0
        for h in items:
            flag = " (orphaned)" if h.orphaned else ""
            tags = f"  [{', '.join(h.tags)}]" if h.tags else ""
            print(f"#{h.id:<5} article #{h.article_id:<5} {','.join(h.perspectives) or '-':<20} "
                  f"{h.quote[:70]}{flag}{tags}")
        print(f"{len(items)} highlight(s)")
    return 0


def cmd_highlight_delete(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        if ws.highlights.delete(args.highlight_id) is None:
            raise CliError(f"no highlight #{args.highlight_id}", code=1)
        sync_index(ws)
        print(f"deleted highlight #{args.highlight_id}")
    return 0


def _change_highlight(args: argparse.Namespace, action: str,
                      change: Callable[[Workspace], Highlight],
                      said: Callable[[Highlight], str]) -> int:
    """One change to an existing highlight: refused in one line if there is none or the
    change is refused; the index follows; the highlight printed as JSON or `said`."""
    with open_workspace(args) as ws:
        if ws.highlights.get(args.highlight_id) is None:
            raise CliError(f"no highlight #{args.highlight_id}", code=1)
        with refusing(f"highlight {action} #{args.highlight_id}", HighlightError):
            h = change(ws)
        sync_index(ws)
        if args.json:
            print_json(highlight_json(h))
        else:
            print(said(h))
    return 0


def cmd_highlight_edit(args: argparse.Namespace) -> int:
    """Set or clear the note and/or the translation of one highlight."""
    changes = {name: value.strip() for name in ("note", "translation")
               if (value := getattr(args, name)) is not None}
    if not changes:
        raise CliError("highlight edit: give --note TEXT and/or --translation TEXT")
    said = "; ".join(f"{name} {'cleared' if not value else 'set'}"
                     for name, value in changes.items())
    return _change_highlight(
        args, "edit", lambda ws: ws.highlights.update(args.highlight_id, **changes),
        lambda h: f"highlight #{h.id}: {said}")


def cmd_highlight_tag(args: argparse.Namespace) -> int:
    if not args.add and not args.remove:
        raise CliError("highlight tag: give --add TAG and/or --remove TAG")
    return _change_highlight(
        args, "tag",
        lambda ws: ws.highlights.retag(args.highlight_id, add=args.add, remove=args.remove),
        lambda h: f"highlight #{h.id} tags: {', '.join(h.tags) or '(none)'}")
