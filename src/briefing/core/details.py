"""The analyst corrects an article's details: title, publisher, authors, date, URL, kind,
language, note and handling caveat.

An edited or confirmed field gets provenance "confirmed", which re-cleaning and re-import
never overwrite. Every change is one committed transaction that queues the article for the
search index (so search sees a new title); `Snapshot`s let the app undo and redo an edit.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from briefing.core.models import ARTICLE_KINDS, METADATA_FIELDS, Article
from briefing.core.workspace import Workspace

# What the analyst may edit; note and caveat are the analyst's own and carry no provenance.
EDITABLE_FIELDS = (*METADATA_FIELDS, "note", "caveat")
# Names the CLI and the app accept for a field (the analyst says "date", the store "published").
FIELD_ALIASES = {"date": "published", "url": "source_url", "author": "authors"}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The columns a snapshot holds: enough to put an article's details back exactly.
SNAPSHOT_COLUMNS = (*EDITABLE_FIELDS, "title_inferred", "provenance")


class DetailsError(ValueError):
    """An edit was refused (nothing was changed); the message says which field and why."""


Snapshot = dict[str, Any]


@dataclass
class DetailsChange:
    """What an edit did: the details before and after (for undo/redo) and an index warning."""

    article_id: int
    before: Snapshot
    after: Snapshot
    warning: str | None = None

    @property
    def changed(self) -> list[str]:
        """Fields whose value or provenance changed, in EDITABLE_FIELDS order."""
        prov_b, prov_a = self.before["provenance"], self.after["provenance"]
        return [f for f in EDITABLE_FIELDS
                if self.before[f] != self.after[f] or prov_b.get(f) != prov_a.get(f)]


def field_name(name: str) -> str:
    """The stored field for a name the user typed ("date" -> "published"); DetailsError if none."""
    key = FIELD_ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in EDITABLE_FIELDS:
        accepted = ", ".join(sorted({*METADATA_FIELDS, *FIELD_ALIASES} - {"author"}))
        raise DetailsError(f"unknown field {name!r}; use one of {accepted}")
    return key


def validate_date(value: str) -> str:
    """A partial ISO date YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar."""
    m = _DATE.match(value.strip())
    if not m:
        raise DetailsError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        _dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        raise DetailsError(f"date {value!r} does not exist") from None
    if not 1000 <= (year or 0) <= 2999:
        raise DetailsError(f"date {value!r}: the year must have four digits")
    return value.strip()


def _validate_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value.strip():
        raise DetailsError(f"URL {value!r} is not an http(s) address")
    return value.strip()


def _clean(name: str, value: Any) -> Any:
    """The value to store for `name`, or DetailsError. Empty text clears an optional field."""
    if name == "authors":
        items = [value] if isinstance(value, str) else list(value or [])
        authors: list[str] = []
        for item in items:
            text = " ".join(str(item).split())
            if text and text not in authors:
                authors.append(text)
        return authors
    text = "" if value is None else str(value)
    if name in ("note", "caveat"):
        return text.strip()
    text = " ".join(text.split())
    if name == "title":
        if not text:
            raise DetailsError("the title cannot be empty")
        return text
    if not text:
        return None
    if name == "published":
        return validate_date(text)
    if name == "source_url":
        return _validate_url(text)
    if name == "kind":
        if text.lower() not in ARTICLE_KINDS:
            raise DetailsError(f"unknown kind {text!r}; use one of {', '.join(ARTICLE_KINDS)}")
        return text.lower()
    if name == "language":
        if not _LANGUAGE.match(text):
            raise DetailsError(f"language {text!r} is not a language code such as en or en-GB")
        return text
    return text  # publisher


def snapshot(article: Article) -> Snapshot:
    """The article's editable details, provenance and inferred-title flag, as plain values."""
    return {"title": article.title, "publisher": article.publisher,
            "authors": list(article.authors), "published": article.published,
            "source_url": article.source_url, "language": article.language,
            "kind": article.kind, "note": article.note, "caveat": article.caveat,
            "title_inferred": article.title_inferred, "provenance": dict(article.provenance)}


def _load(ws: Workspace, article_id: int) -> Article:
    article = ws.articles.get(article_id)
    if article is None:
        raise DetailsError(f"no article #{article_id}")
    return article


def edit_details(ws: Workspace, article_id: int, changes: Mapping[str, Any] | None = None,
                 confirm: Iterable[str] = (), index: bool = True) -> DetailsChange:
    """Set some fields (each becomes "confirmed") and confirm others without changing them.

    Every value is checked before anything is written: one bad value changes nothing.
    With `index` False the change stays queued for the caller's own index sync (the app
    syncs in the background).
    """
    ws.require_writable("edit article details")
    article = _load(ws, article_id)
    before = snapshot(article)
    after = {k: (dict(v) if isinstance(v, dict) else v) for k, v in before.items()}
    for raw, value in (changes or {}).items():
        name = field_name(raw)
        after[name] = _clean(name, value)
        if name in METADATA_FIELDS:
            after["provenance"][name] = "confirmed"
    for raw in confirm:
        name = field_name(raw)
        if name not in METADATA_FIELDS:
            raise DetailsError(f"{name} is the analyst's own field; there is nothing to confirm")
        after["provenance"][name] = "confirmed"
    if after["provenance"].get("title") == "confirmed":
        after["title_inferred"] = False
    return _write(ws, article_id, before, after, index)


def restore_details(ws: Workspace, article_id: int, values: Snapshot,
                    index: bool = True) -> DetailsChange:
    """Put back a snapshot exactly (undo and redo of an edit)."""
    ws.require_writable("edit article details")
    before = snapshot(_load(ws, article_id))
    return _write(ws, article_id, before, {k: values[k] for k in SNAPSHOT_COLUMNS}, index)


def _write(ws: Workspace, article_id: int, before: Snapshot, after: Snapshot,
           index: bool) -> DetailsChange:
    fields = {k: after[k] for k in SNAPSHOT_COLUMNS if after[k] != before[k]}
    warning = None
    if fields:
        ws.articles.update_metadata(article_id, **fields)
        if index:
            warning = ws.index.catch_up()
    return DetailsChange(article_id, before, after, warning)
