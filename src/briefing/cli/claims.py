"""Claim sub-commands: `suggest ARTICLE_ID`, `claims [--subject WORDS]` and
`claims edit ID [--figure N] [--subject S] [--perspective P]... [--exclude | --include]`."""

from __future__ import annotations

import argparse

from briefing.cli.common import CliError, momentary_writer, open_workspace, print_json, refusing
from briefing.core.claim_rows import parse_figure
from briefing.core.errors import ClaimError, PerspectiveError
from briefing.core.models import ClaimComparison
from briefing.core.suggestions import library_comparisons, pending_suggestions
from briefing.core.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="propose attributed claims in an article as highlights")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("claims", help="compare figures (troops, shells, money...) across sources")
    p.add_argument("--subject", metavar="WORDS",
                   help='only rows about these words, e.g. "North Korean troops"')
    p.add_argument("--all", action="store_true",
                   help="also list the figures you excluded from the comparison")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claims)
    cs = p.add_subparsers(dest="action", required=False, metavar="edit")
    edit = cs.add_parser("edit", help="correct a claims row's figure, subject or perspectives, "
                                      "or exclude it from the comparison")
    edit.add_argument("claim_id", type=int, metavar="ID", help="the id `claims --json` shows")
    edit.add_argument("--figure", metavar="N", help='the right figure, e.g. 12000, "12,000", 2.8m')
    edit.add_argument("--subject", metavar="S", help='what is counted, e.g. "North Korean troops"')
    edit.add_argument("--perspective", action="append", metavar="P",
                      help="perspective name or key (repeatable; replaces the detected ones)")
    edit.add_argument("--reset", action="store_true",
                      help="drop your corrections of this row (before applying the others)")
    group = edit.add_mutually_exclusive_group()
    group.add_argument("--exclude", action="store_true", help="leave it out of the comparison")
    group.add_argument("--include", action="store_true", help="put it back in the comparison")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(func=cmd_claims_edit)


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


def _comparisons(args: argparse.Namespace, ws: Workspace) -> list[ClaimComparison]:
    """The comparison, stored (so every row has an id) by a brief writer when no one else
    writes the workspace; otherwise matched against the rows stored so far."""
    with momentary_writer(ws) as writer:
        if writer is not None and not writer.readonly:
            return library_comparisons(writer, args.subject, include_excluded=args.all)
    return library_comparisons(ws, args.subject, include_excluded=args.all)


def _status_label(status: str) -> str:
    return {"disagree": "sources disagree", "changed": "changed over time",
            "agree": "sources agree", "single": "one source"}.get(status, status)


def cmd_claims(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        rows = _comparisons(args, ws)
        if args.json:
            dates = {a.id: a.published for a in ws.articles.list()}
            print_json([{"id": e.claim_id, "figure": e.figure, "value_high": e.value_high,
                         "text": e.text, "unit": r.unit,
                         "subject": r.subject, "qualifier": e.qualifier,
                         "perspectives": _names(ws, e.perspectives),
                         "article_id": e.article_id, "published": dates.get(e.article_id),
                         "quote": e.quote, "highlight_id": e.highlight_id,
                         "status": "excluded" if e.excluded else e.status,
                         "row_status": r.status, "disagreement": r.disagreement,
                         "excluded": e.excluded, "corrected": e.corrected,
                         "article_figure": e.article_text or e.text}
                        for r in rows for e in r.entries])
            return 0
        if not rows:
            print("no figures found" + (f" about {args.subject!r}" if args.subject else ""))
            return 0
        for r in rows:
            flag = f"  <- {_status_label(r.status)}" if r.status in ("disagree", "changed") \
                else ""
            print(f"{r.subject} ({r.unit}){flag}")
            for e in r.entries:
                who = ", ".join(_names(ws, e.perspectives)) or "no perspective"
                figure = e.written
                mark = " (excluded)" if e.excluded else " (corrected)" if e.corrected else ""
                ident = f"#{e.claim_id}" if e.claim_id is not None else "#?"
                print(f"  {ident:<6} {figure + mark:<30} {who:<28} "
                      f"article #{e.article_id} {e.published or 'undated'}: {e.quote[:60]}")
    return 0


def cmd_claims_edit(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        current = ws.claims.get(args.claim_id)
        if current is None:
            raise CliError(f"no claim #{args.claim_id}; `briefing claims --json` shows the ids",
                           code=1)
        changes: dict[str, object] = {}
        if args.reset:
            changes.update(fixed_figure=None, fixed_subject=None, fixed_perspectives=None)
        if args.figure is not None:
            with refusing("--figure", ClaimError, code=2):
                changes["fixed_figure"] = parse_figure(args.figure)
        if args.subject is not None:
            changes["fixed_subject"] = args.subject
        if args.perspective is not None:
            with refusing("claims edit", PerspectiveError, code=2):
                changes["fixed_perspectives"] = ws.perspectives.resolve_keys(
                    [p for p in args.perspective if p.strip()])
        if args.exclude or args.include:
            changes["excluded"] = bool(args.exclude)
        if not changes:
            raise CliError("claims edit: say what to change: --figure, --subject, "
                           "--perspective, --exclude, --include or --reset")
        with refusing("claims edit", ClaimError, code=2):
            row = ws.claims.correct(args.claim_id, **changes)
        figure = row.fixed_figure if row.fixed_figure is not None else row.figure
        if args.json:
            print_json({"id": row.id, "figure": figure, "subject": row.fixed_subject or
                        row.subject, "perspectives": _names(ws, row.fixed_perspectives
                                                             if row.fixed_perspectives is not None
                                                             else row.perspectives),
                        "excluded": row.excluded, "corrected": row.corrected})
            return 0
        state = "excluded from the comparison" if row.excluded else "in the comparison"
        print(f"claim #{row.id}: {figure:,g} {row.fixed_subject or row.subject} ({state}; "
              f"corrected: {', '.join(row.corrected) or 'nothing'})")
    return 0
