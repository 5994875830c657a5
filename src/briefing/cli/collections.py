"""Collections sub-command: list, add to, remove from, save a search as, delete."""

from __future__ import annotations

import argparse
import sys

from briefing.cli.common import open_workspace, print_json, refusing, sync_index
from briefing.core import collections
from briefing.core.errors import CollectionError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("collections", help="list collections: sets of articles and saved "
                                           "searches")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_collections)
    cs = p.add_subparsers(dest="action", metavar="ACTION")
    add = cs.add_parser("add", help="put articles in a collection (made if new)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("ids", nargs="+", type=int, metavar="ID")
    add.set_defaults(func=cmd_collection_add)
    rm = cs.add_parser("remove", help="take articles out of a collection (they stay in the "
                                      "library)")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("ids", nargs="+", type=int, metavar="ID")
    rm.set_defaults(func=cmd_collection_remove)
    save = cs.add_parser("save-search", help="keep a query as a live collection, e.g. "
                                             "'perspective:chinese date:2024-11'")
    save.add_argument("name", metavar="NAME")
    save.add_argument("query", metavar="QUERY")
    save.set_defaults(func=cmd_collection_save_search)
    delete = cs.add_parser("delete", help="delete a collection (never its articles)")
    delete.add_argument("name", metavar="NAME")
    delete.set_defaults(func=cmd_collection_delete)


def cmd_collections(args: argparse.Namespace) -> int:
    with open_workspace(args, readonly=True) as ws:
        items = collections.list_collections(ws)
        if args.json:
            print_json([c.as_json() for c in items])
            return 0
        for c in items:
            what = f"search: {c.query}" if c.query is not None else "set"
            print(f"{c.name:<24} {len(c.article_ids):>5} article(s)  {what}")
        print(f"{len(items)} collection(s)")
    return 0


def cmd_collection_add(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("collections add", CollectionError):
            added, unknown = collections.add(ws, args.name, args.ids)
        print(f"added {added} article(s) to {args.name}")
        if unknown:
            print("briefing: not found: " + ", ".join(f"#{i}" for i in unknown),
                  file=sys.stderr)
            return 1
    return 0


def cmd_collection_remove(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("collections remove", CollectionError):
            n = collections.remove(ws, args.name, args.ids)
        print(f"removed {n} article(s) from {args.name}")
    return 0


def cmd_collection_save_search(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        sync_index(ws)
        with refusing("collections save-search", CollectionError):
            c = collections.save_search(ws, args.name, args.query)
        if c.message:
            print(f"briefing: warning: {c.message}", file=sys.stderr)
        print(f"saved search {c.name}: {len(c.article_ids)} article(s) match now")
    return 0


def cmd_collection_delete(args: argparse.Namespace) -> int:
    with open_workspace(args, ensure_index=False) as ws:
        with refusing("collections delete", CollectionError):
            gone = collections.delete(ws, args.name)
        print(f"deleted collection {gone.name} (its articles stay in the library)")
    return 0
