"""Briefing note sub-command: export the selected highlights as .docx, Markdown, CSV or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.common import CliError, open_workspace
from briefing.core.export import (
    CITATION_STYLES,
    FORMATS,
    GROUPINGS,
    BriefingSpec,
    ExportError,
    check_ready,
    export_briefing,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export highlights as a briefing note (.docx, md, csv, json)",
                       description="Write the chosen highlights as a briefing note. The format "
                                   "comes from OUT's extension unless --format is given.")
    p.add_argument("out", metavar="OUT", help="file to write, e.g. note.docx")
    p.add_argument("--format", choices=sorted(FORMATS), help="docx, md, csv or json")
    p.add_argument("--perspective", action="append", default=[], metavar="NAME",
                   help="only highlights with this perspective (repeatable)")
    p.add_argument("--article", action="append", default=[], type=int, metavar="ID",
                   help="only highlights in this article (repeatable)")
    p.add_argument("--tag", action="append", default=[], metavar="T",
                   help="only highlights (or articles) with this tag (repeatable)")
    p.add_argument("--collection", metavar="NAME",
                   help="only articles in this collection (a saved search is re-run)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="only articles published on or after DATE (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="only articles published on or before DATE")
    p.add_argument("--group-by", default="perspective", choices=GROUPINGS)
    p.add_argument("--title", default="Briefing note")
    p.add_argument("--summary", default="", help="the bottom line up front")
    p.add_argument("--author", default="")
    p.add_argument("--marking", default="UNCLASSIFIED",
                   help="handling marking for header and footer (default UNCLASSIFIED)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date on the note (default today)")
    p.add_argument("--citations", choices=CITATION_STYLES, default="numbered",
                   help="numbered: [n] and a source list; footnotes: also Chicago-style "
                        "Word footnotes (.docx)")
    p.add_argument("--template", type=Path, metavar="PATH",
                   help="a .docx whose styles replace the shipped template's")
    p.add_argument("--force", action="store_true",
                   help="replace OUT even if Briefing did not write it (never inside the "
                        "workspace)")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    spec = BriefingSpec(
        title=args.title, summary=args.summary, author=args.author, marking=args.marking,
        date=args.date, group_by=args.group_by, perspectives=args.perspective, tags=args.tag,
        article_ids=args.article, date_from=args.date_from, date_to=args.date_to,
        template=args.template, citation_style=args.citations, collection=args.collection)
    with open_workspace(args, readonly=True, ensure_index=bool(args.collection)) as ws:
        try:
            # "ready to send?": what the note cites that nobody checked. Checked before writing,
            # warned (never refused) once the note is written: a refusal stays one line.
            said = check_ready(ws, spec).lines()
            report = export_briefing(ws, spec, Path(args.out), fmt=args.format,
                                     force=args.force)
        except ExportError as exc:
            raise CliError(str(exc), code=1) from None
    for line in said:
        print(f"briefing: warning: not ready to send: {line}", file=sys.stderr)
    for warning in report.warnings:
        if warning in said:
            continue  # already said by the ready-to-send check
        print(f"briefing: warning: {warning}", file=sys.stderr)
    print(report.line())
    return 0
