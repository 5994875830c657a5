"""Saved briefs: a note's draft kept in the workspace, reopened, exported again, compared.

A brief holds the title block (title, author, marking, bottom line), the grouping and
citation style, the filter it draws from (perspectives, tags, articles, dates, a
collection), and the highlights it has considered in the analyst's order: the chosen ones
go into the note, the others were left out on purpose. Highlights that match the filter
but the brief has never considered are *offered* (`offered`), never added by themselves.

Every export goes through `briefing.core.export` (its output guard and ready-to-send check
are the caller's, as for any note) and is recorded in the brief's history; `new_since`
says which of its highlights and sources were not in the previous export, and an export
may mark them "New since <date>".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core import collections
from briefing.core.errors import BriefError, CollectionError
from briefing.core.export import (
    BriefingSpec,
    ExportError,
    ExportReport,
    Progress,
    export_briefing,
    select_highlights,
)
from briefing.core.export.selection import new_since_label, resolve_perspective_keys
from briefing.core.store.briefs import SETTINGS, BriefRow
from briefing.core.workspace import Workspace

FILTER_KEYS = ("perspectives", "tags", "article_ids", "date_from", "date_to", "collection")


@dataclass
class NewSince:
    """What a brief holds now that its previous export did not."""

    since: str  # the previous export's time (ISO)
    highlights: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)  # article ids

    @property
    def label(self) -> str:
        return new_since_label(self.since)

    def as_json(self) -> dict:
        return {"since": self.since, "highlights": self.highlights, "sources": self.sources}


@dataclass
class Brief:
    """A brief with what it means now: its note's highlights, offers and news."""

    row: BriefRow
    offered: list[int]  # highlights matching the filter that the brief never considered
    new: NewSince | None  # None: never exported

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def highlights(self) -> list[int]:
        return self.row.chosen

    def as_json(self) -> dict:
        r = self.row
        return {"name": r.name, **{k: getattr(r, k) for k in SETTINGS},
                "filters": filters_of(r), "highlights": r.chosen,
                "left_out": [h for h, chosen in r.rows if not chosen],
                "offered": self.offered, "exports": [e.as_json() for e in r.exports],
                "new_since": self.new.as_json() if self.new else None,
                "created": r.created, "modified": r.modified}


def filters_of(row: BriefRow) -> dict:
    """The brief's filter with every key present (empty lists and None where unset)."""
    f = row.filters
    return {"perspectives": list(f.get("perspectives") or []), "tags": list(f.get("tags") or []),
            "article_ids": [int(i) for i in f.get("article_ids") or []],
            "date_from": f.get("date_from"), "date_to": f.get("date_to"),
            "collection": f.get("collection")}


def filter_spec(row: BriefRow) -> BriefingSpec:
    """The filter alone, as the export's selection understands it."""
    return BriefingSpec(**filters_of(row))


def spec_of(ws: Workspace, row: BriefRow, mark_new: bool = False) -> BriefingSpec:
    """Everything the note needs: the chosen highlights in order and the title block; with
    `mark_new`, the "New since <date>" markers of what the previous export did not hold.

    The note holds exactly the chosen highlights: the filter decides what is offered, and
    a highlight the analyst added by hand stays in even when the filter would not match it.
    """
    spec = BriefingSpec(highlight_ids=row.chosen)
    for key in SETTINGS:  # the same names in both
        setattr(spec, key, getattr(row, key))
    if mark_new:
        news = new_since(ws, row)
        if news is not None:
            spec.new_since = news.since
            spec.new_highlights = news.highlights
            spec.new_sources = news.sources
    return spec


# -- reading -------------------------------------------------------------------------
def _row(ws: Workspace, name: str) -> BriefRow:
    row = ws.briefs.get(name)
    if row is None:
        raise BriefError(f"no brief named {name!r}")
    return row


def _matching(ws: Workspace, row: BriefRow) -> list[int]:
    try:
        return [h.id for h, _ in select_highlights(ws, filter_spec(row))]
    except (ExportError, CollectionError):
        return []  # a filter gone stale (a deleted collection) offers nothing


def offered(ws: Workspace, row: BriefRow) -> list[int]:
    """Highlights the filter matches now that the brief has never considered."""
    seen = row.seen
    return [h for h in _matching(ws, row) if h not in seen]


def new_since(ws: Workspace, row: BriefRow) -> NewSince | None:
    """The chosen highlights and their sources that the previous export did not hold."""
    if not row.exports:
        return None
    last = row.exports[-1]
    old_h, old_a = set(last.highlight_ids), set(last.article_ids)
    news = NewSince(last.exported)
    for hid in row.chosen:
        h = ws.highlights.get(hid)
        if h is None:
            continue
        if hid not in old_h:
            news.highlights.append(hid)
        if h.article_id not in old_a and h.article_id not in news.sources:
            news.sources.append(h.article_id)
    return news


def get(ws: Workspace, name: str) -> Brief:
    row = _row(ws, name)
    return Brief(row, offered(ws, row), new_since(ws, row))


def list_briefs(ws: Workspace) -> list[Brief]:
    return [Brief(row, offered(ws, row), new_since(ws, row)) for row in ws.briefs.list()]


def names(ws: Workspace) -> list[str]:
    return ws.briefs.names()


# -- changing ------------------------------------------------------------------------
def _check_filters(ws: Workspace, filters: dict) -> dict:
    if filters.get("perspectives"):
        filters["perspectives"] = resolve_perspective_keys(ws, list(filters["perspectives"]))
    name = filters.get("collection")
    if name:
        try:
            filters["collection"] = collections.get(ws, name).name
        except CollectionError as exc:
            raise BriefError(str(exc)) from None
    return {k: v for k, v in filters.items() if k in FILTER_KEYS and v not in (None, [], "")}


def create(ws: Workspace, name: str, title: str | None = None,
           perspectives: Iterable[str] = (), tags: Iterable[str] = (),
           collection: str | None = None, empty: bool = False) -> Brief:
    """A new brief drawing from the filter given; it starts with every highlight the
    filter matches now, in note order (none when `empty`)."""
    ws.require_writable("make a brief")
    try:
        filters = _check_filters(ws, {"perspectives": list(perspectives), "tags": list(tags),
                                      "collection": collection})
    except ExportError as exc:
        raise BriefError(str(exc)) from None
    settings = {"title": title} if title and title.strip() else {}
    row = ws.briefs.create(name, filters, **settings)
    if not empty:
        ws.briefs.set_rows(row.id, [(h, True) for h in _matching(ws, row)])
    return get(ws, row.name)


def save_draft(ws: Workspace, name: str, settings: dict[str, str], filters: dict,
               rows: list[tuple[int, bool]]) -> None:
    """Store what the builder shows (settings, filter, the order with chosen flags)."""
    ws.require_writable("save the brief")
    row = _row(ws, name)
    try:
        clean = _check_filters(ws, dict(filters))
    except ExportError as exc:
        raise BriefError(str(exc)) from None
    ws.briefs.update(row.id, clean, **{k: v for k, v in settings.items() if k in SETTINGS})
    ws.briefs.set_rows(row.id, rows)


def update(ws: Workspace, name: str, **settings: str) -> None:
    ws.require_writable("change a brief")
    ws.briefs.update(_row(ws, name).id, None, **settings)


def _known(ws: Workspace, ids: Iterable[int]) -> tuple[list[int], list[int]]:
    ids = list(dict.fromkeys(ids))
    known = [i for i in ids if ws.highlights.get(i) is not None]
    return known, [i for i in ids if i not in known]


def add(ws: Workspace, name: str, highlight_ids: Iterable[int]) -> tuple[int, list[int]]:
    """Put highlights in the note, at its end (a left-out one comes back there);
    (how many were added, unknown ids)."""
    ws.require_writable("add to a brief")
    row = _row(ws, name)
    known, unknown = _known(ws, highlight_ids)
    chosen = set(row.chosen)
    new = [h for h in known if h not in chosen]
    rows = [(h, c) for h, c in row.rows if h not in new] + [(h, True) for h in new]
    ws.briefs.set_rows(row.id, rows)
    return len(new), unknown


def remove(ws: Workspace, name: str, highlight_ids: Iterable[int]) -> int:
    """Leave highlights out of the note (they stay considered, so are not offered again)."""
    ws.require_writable("remove from a brief")
    row = _row(ws, name)
    ids = set(highlight_ids)
    n = sum(1 for h in row.chosen if h in ids)
    ws.briefs.set_rows(row.id, [(h, c and h not in ids) for h, c in row.rows])
    return n


def move(ws: Workspace, name: str, highlight_id: int, to: int) -> list[int]:
    """Move a chosen highlight to place `to` (1 = first) of the note; returns the order.

    Left-out highlights keep their places among the rows."""
    ws.require_writable("reorder a brief")
    row = _row(ws, name)
    chosen = row.chosen
    if highlight_id not in chosen:
        raise BriefError(f"highlight #{highlight_id} is not in the brief {row.name!r}")
    if not 1 <= to <= len(chosen):
        raise BriefError(f"--to must be between 1 and {len(chosen)}, not {to}")
    chosen.remove(highlight_id)
    chosen.insert(to - 1, highlight_id)
    order = iter(chosen)
    ws.briefs.set_rows(row.id, [(next(order), True) if c else (h, False) for h, c in row.rows])
    return chosen


def rename(ws: Workspace, name: str, new_name: str) -> str:
    ws.require_writable("rename a brief")
    row = _row(ws, name)
    ws.briefs.rename(row.id, new_name)
    return " ".join(new_name.split())


def duplicate(ws: Workspace, name: str, new_name: str, title: str | None = None) -> Brief:
    """A new brief with an earlier one's settings, filter and order (no export history)."""
    ws.require_writable("duplicate a brief")
    old = _row(ws, name)
    settings = {k: getattr(old, k) for k in SETTINGS}
    if title is not None:
        settings["title"] = title
    row = ws.briefs.create(new_name, dict(old.filters), **settings)
    ws.briefs.set_rows(row.id, old.rows)
    return get(ws, row.name)


def delete(ws: Workspace, name: str) -> BriefRow:
    """Delete a brief (never its highlights); returns it as it was, for `restore`."""
    ws.require_writable("delete a brief")
    row = _row(ws, name)
    ws.briefs.delete(row.id)
    return row


def restore(ws: Workspace, row: BriefRow) -> None:
    """Put back a deleted brief (undo)."""
    ws.require_writable("put back a brief")
    ws.briefs.restore(row)


# -- exporting -------------------------------------------------------------------------
def record_export(ws: Workspace, name: str, report: ExportReport) -> None:
    """Add a written note to the brief's history (when, file, format, what it cited)."""
    ws.require_writable("record the brief's export")
    row = _row(ws, name)
    ws.briefs.add_export(row.id, str(Path(report.path).absolute()), report.format,
                         report.highlight_ids, report.article_ids)


def export(ws: Workspace, name: str, out: Path, fmt: str | None = None, force: bool = False,
           mark_new: bool = False, progress: Progress = None) -> ExportReport:
    """Write the brief's note through the export (output guard included) and record it."""
    ws.require_writable("export a brief")
    row = _row(ws, name)
    if not row.chosen:
        raise ExportError(f"the brief {row.name!r} holds no highlights; nothing was written")
    report = export_briefing(ws, spec_of(ws, row, mark_new), out, fmt, progress, force=force)
    record_export(ws, row.name, report)
    return report
