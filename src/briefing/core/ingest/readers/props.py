"""Normalise the metadata a format states: dates (ISO 8601, PDF "D:YYYYMMDD...", datetime)
to "YYYY", "YYYY-MM" or "YYYY-MM-DD", and author fields to a list of names without the
placeholders tools write by default (resources/readers/placeholder_authors.txt)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefing.core.resources import resource

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\||\band\b|&)\s*", re.IGNORECASE)
_ISO = re.compile(r"(?:D:)?\s*((?:19|20)\d\d)(?:-?(0[1-9]|1[0-2])(?:-?(0[1-9]|[12]\d|3[01]))?)?")


def iso_date(value: object) -> str | None:
    """Best "YYYY[-MM[-DD]]" for a date-like value; None if there is none."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d") if 1900 <= value.year <= 2100 else None
    match = _ISO.match(str(value).strip())
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return f"{year}-{month}"
        return f"{year}-{month}-{day}"
    return f"{year}-{month}" if month else year


@lru_cache(maxsize=1)
def _placeholder_authors() -> frozenset[str]:
    lines = resource("readers", "placeholder_authors.txt").read_text("utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


# an extractor's guess may keep the page's label, its colon gone ("Authors Lim Wei Ling")
_AUTHOR_LABEL = re.compile(r"^(?:by\s+|(?:authors?|written by|contributors?)\s*:?\s+)",
                           re.IGNORECASE)


def split_authors(raw: str | None) -> list[str]:
    """Names in an author field ("A; B", "By A and B"), placeholders and URLs dropped."""
    if not raw or raw.strip().lower().startswith(("http://", "https://")):
        return []
    names = []
    for part in _AUTHOR_SPLIT.split(" ".join(raw.split())):
        # "By A", "Authors: A and B"
        name = _AUTHOR_LABEL.sub("", part.strip()).strip()
        if name and name.lower() not in _placeholder_authors() and name not in names:
            names.append(name)
    return names
