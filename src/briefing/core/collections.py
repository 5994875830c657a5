"""Collections: named sets of articles, and saved searches that stay live.

A set is what the analyst put in it (by id, from the CLI, the library's context menu
or a drag). A saved search is a query (the search box's language, e.g.
`perspective:chinese date:2024-11`) that is re-run whenever its members are asked
for, so articles imported or highlighted later join it by themselves. The library
filters by either kind, and search and export can be limited to one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefing.core.errors import CollectionError
from briefing.core.workspace import Workspace


@dataclass
class Collection:
    """One collection with its members resolved now."""

    name: str
    query: str | None  # None: a set of articles
    article_ids: list[int]
    created: str
    message: str | None = None  # what the search said about a saved query, if anything

    @property
    def kind(self) -> str:
        return "search" if self.query is not None else "set"

    def as_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "query": self.query,
                "article_ids": self.article_ids, "count": len(self.article_ids),
                "created": self.created, "message": self.message}


def run_saved_search(ws: Workspace, query: str) -> tuple[list[int], str | None]:
    """The articles a stored query matches now (by id), and the search's message."""
    ids, message = ws.index.matching_ids(query)
    if not ids:
        return ids, message
    present = set(ws.articles.ids())  # the index may lag behind a deletion
    return [i for i in ids if i in present], message


def _resolve(ws: Workspace, row) -> Collection:  # noqa: ANN001 - a CollectionRow
    if row.query is None:
        return Collection(row.name, None, ws.collections.members(row.id), row.created)
    ids, message = run_saved_search(ws, row.query)
    return Collection(row.name, row.query, ids, row.created, message)


def names(ws: Workspace) -> list[str]:
    """Every collection's name, sorted (no search is run)."""
    return [row.name for row in ws.collections.list()]


def kinds(ws: Workspace) -> dict[str, str]:
    """{name: "set" | "search"} without resolving members."""
    return {row.name: ("search" if row.is_search else "set") for row in ws.collections.list()}


def list_collections(ws: Workspace) -> list[Collection]:
    return [_resolve(ws, row) for row in ws.collections.list()]


def get(ws: Workspace, name: str) -> Collection:
    row = ws.collections.get(name)
    if row is None:
        raise CollectionError(f"no collection named {name!r}")
    return _resolve(ws, row)


def members(ws: Workspace, name: str) -> list[int]:
    """The article ids a collection holds now (a saved search is re-run)."""
    return get(ws, name).article_ids


def _set_row(ws: Workspace, name: str, create: bool):  # noqa: ANN202 - a CollectionRow
    row = ws.collections.get(name)
    if row is None:
        if not create:
            raise CollectionError(f"no collection named {name!r}")
        ws.require_writable("make a collection")
        row = ws.collections.create(name)
    if row.is_search:
        raise CollectionError(f"{row.name!r} is a saved search: its articles are the ones its "
                              f"query matches ({row.query}); edit the query instead")
    return row


def add(ws: Workspace, name: str, article_ids: Iterable[int]) -> tuple[int, list[int]]:
    """Put articles in a set (made when it does not exist yet); (added, unknown ids)."""
    ws.require_writable("add to a collection")
    ids = list(dict.fromkeys(article_ids))
    unknown = [i for i in ids if ws.articles.get(i) is None]
    row = _set_row(ws, name, create=True)
    added = ws.collections.add(row.id, [i for i in ids if i not in unknown])
    return added, unknown


def remove(ws: Workspace, name: str, article_ids: Iterable[int]) -> int:
    """Take articles out of a set (the articles stay in the library); how many left it."""
    ws.require_writable("remove from a collection")
    row = _set_row(ws, name, create=False)
    return ws.collections.remove(row.id, list(dict.fromkeys(article_ids)))


def save_search(ws: Workspace, name: str, query: str) -> Collection:
    """Store `query` as a live collection (replacing an earlier saved search's query)."""
    ws.require_writable("save a search")
    query = query.strip()
    if not query:
        raise CollectionError("a saved search needs a query")
    row = ws.collections.get(name)
    if row is not None and not row.is_search:
        raise CollectionError(f"{row.name!r} is a set of articles; choose another name for "
                              "the saved search")
    if row is None:
        row = ws.collections.create(name, query)
    else:
        ws.collections.set_query(row.id, query)
    return get(ws, row.name)


def delete(ws: Workspace, name: str) -> Collection:
    """Delete a collection (never its articles); returns what it was."""
    ws.require_writable("delete a collection")
    row = ws.collections.get(name)
    if row is None:
        raise CollectionError(f"no collection named {name!r}")
    gone = _resolve(ws, row) if row.query is None else Collection(
        row.name, row.query, [], row.created)
    ws.collections.delete(row.id)
    return gone
