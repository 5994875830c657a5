"""Claim sub-commands: `suggest ARTICLE_ID` and `claims [--subject WORDS]`."""

from __future__ import annotations

import argparse

from briefing.cli.common import CliError, open_workspace, print_json
from briefing.core.suggestions import library_comparisons, pending_suggestions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="propose attributed claims in an article as highlights")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("claims", help="compare figures (troops, shells, money...) across sources")
    p.add_argument("--subject", metavar="WORDS",
                   help='only rows about these words, e.g. "North Korean troops"')
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claims)


def _names(ws, keys: list[str]) -> list[str]:
    names = {p.key: p.name for p in ws.perspectives.all()}
    return [names.get(k, k) for k in keys]


def cmd_suggest(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        article = ws.articles.get(args.article_id)
        if article is None:
            raise CliError(f"no article #{args.article_id}; `briefing list` shows the ids",
                           code=1)
        items = pending_suggestions(ws, article.id)
        if args.json:
            print_json([{"start": s.start, "end": s.end, "quote": s.quote,
                         "perspectives": _names(ws, s.perspectives), "cue": s.cue,
                         "speaker": s.speaker, "verb": s.verb} for s in items])
            return 0
        for s in items:
            who = ", ".join(_names(ws, s.perspectives)) or "no perspective"
            cue = f" (cue: {s.cue})" if s.cue else ""
            print(f"[{who}]{cue} {s.quote}")
        print(f"{len(items)} suggestion(s) in #{article.id} {article.title}")
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        rows = library_comparisons(ws, args.subject)
        if args.json:
            print_json([{"figure": e.figure, "value_high": e.value_high, "text": e.text,
                         "unit": r.unit,
                         "subject": r.subject, "qualifier": e.qualifier,
                         "perspectives": _names(ws, e.perspectives),
                         "article_id": e.article_id, "quote": e.quote,
                         "highlight_id": e.highlight_id, "disagreement": r.disagreement}
                        for r in rows for e in r.entries])
            return 0
        if not rows:
            print("no figures found" + (f" about {args.subject!r}" if args.subject else ""))
            return 0
        for r in rows:
            flag = "  <- sources disagree" if r.disagreement else ""
            print(f"{r.subject} ({r.unit}){flag}")
            for e in r.entries:
                who = ", ".join(_names(ws, e.perspectives)) or "no perspective"
                figure = f"{e.qualifier} {e.text}" if e.qualifier else e.text
                print(f"  {figure:<24} {who:<32} article #{e.article_id}: {e.quote[:70]}")
    return 0
