"""Library sub-commands: import, demo, list, show, delete, search, reindex, check."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from briefing.cli.common import CliError, article_summary, open_workspace, print_json, refusing
from briefing.core import collections
from briefing.core.backups import BackupError
from briefing.core.diskerrors import WriteFailed
from briefing.core.errors import CollectionError
from briefing.core.ingest.pipeline import import_files
from briefing.core.ingest.sample import import_sample_corpus
from briefing.core.maintenance import check_workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import files and folders into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("demo", help="import the sample articles shipped with Briefing")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("list", help="list the articles in the library")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("delete", help="delete articles (and their highlights) from the library")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("search", help="full-text search (Whoosh query language)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--collection", metavar="NAME", help="only articles in this collection")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("check", help="check the library, originals and index")
    p.set_defaults(func=cmd_check)


def _report_imports(progress) -> int:
    counts: Counter[str] = Counter()
    try:
        for step in progress:
            counts[step.result.status] += 1
            print(step.result.line(), flush=True)
    except WriteFailed as exc:  # the disk, not a file: the batch stops, what is done stays
        _print_counts(counts)
        raise CliError(str(exc)) from None
    _print_counts(counts)
    return 1 if counts["failed"] else 0


def _print_counts(counts: Counter[str]) -> None:
    print(f"{counts['imported']} imported, {counts['duplicate']} duplicate(s), "
          f"{counts['failed']} failed" + (f", {counts['skipped']} skipped" if counts["skipped"] else ""))


def cmd_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        return _report_imports(import_files(ws, args.paths))


def cmd_demo(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        return _report_imports(import_sample_corpus(ws))


def cmd_list(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        articles = ws.articles.list()
        if args.json:
            print_json([article_summary(a) for a in articles])
            return 0
        for a in articles:
            print(f"#{a.id:<5} {a.published or '':<10}  {(a.publisher or '—')[:24]:<24}  "
                  f"{a.words:>6}w  {a.title}")
        print(f"{len(articles)} article(s)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        article = ws.articles.get(args.id)
        if article is None:
            raise CliError(f"no article #{args.id}", code=1)
        if args.json:
            print_json({**article_summary(article), "text": article.text})
            return 0
        print(article.title)
        byline = " · ".join(x for x in (article.publisher, ", ".join(article.authors),
                                         article.published) if x)
        if byline:
            print(byline)
        print()
        print(article.text)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        missing = [i for i in args.ids if ws.articles.get(i) is None]
        try:
            n = ws.delete_articles([i for i in args.ids if i not in missing])
        except BackupError as exc:
            raise CliError(f"{exc}; nothing was deleted") from None
        print(f"deleted {n} article(s)")
        if missing:
            print("not found: " + ", ".join(f"#{i}" for i in missing), file=sys.stderr)
            return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True) as ws:
        within = None
        if args.collection:
            with refusing("search", CollectionError, code=2):
                within = collections.members(ws, args.collection)
        results = ws.index.search(args.query, limit=max(1, args.limit), within=within)
        if results.message:
            print(f"briefing: {results.message}", file=sys.stderr)
        if results.note:
            print(f"briefing: {results.note}", file=sys.stderr)
        if args.json:
            print_json([{
                "article_id": h.article_id, "title": h.title, "publisher": h.publisher,
                "published": h.published, "score": round(h.score, 4), "snippet": h.snippet,
                "hits": [list(span) for span in h.hits]} for h in results.hits])
            return 0
        for h in results.hits:
            print(f"#{h.article_id:<5} {h.score:6.2f}  {h.title}")
            print(f"        {h.snippet}")
        print(f"{results.total} match(es)")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        total = 0
        try:
            for done, total in ws.index.rebuild():
                if done and done % 1000 == 0:
                    print(f"  indexed {done}/{total}", file=sys.stderr)
        except WriteFailed as exc:
            raise CliError(str(exc)) from None
        print(f"reindexed {total} article(s)")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True, ensure_index=False) as ws:
        problems = check_workspace(ws)
        for line in problems:
            print(line)
        if not problems:
            print(f"ok: {ws.articles.count()} article(s), database, originals and index healthy")
        return 1 if problems else 0
