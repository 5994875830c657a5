"""Chicago-style notes (notes and bibliography system) for the sources a note cites.

First citation of a source: the full note,
    Jane Doe and John Roe, “Title of the Piece,” Publisher, November 15, 2024, https://…
later citations: the shortened note,
    Doe and Roe, “Title of the Piece.”
Dates keep their known precision ("November 2024", "2024"); an undated source says "n.d.".
"""

from __future__ import annotations

from briefing.core.export.selection import SourceEntry

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
SHORT_TITLE_WORDS = 5  # Chicago: a shortened title keeps the title's first key words
_FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "are", "of",
                   "on", "or", "the", "to", "with", "was", "were", "its", "their"}


def chicago_date(published: str | None) -> str:
    """'2024-11-15' -> 'November 15, 2024'; '2024-11' -> 'November 2024'; None -> 'n.d.'."""
    if not published:
        return "n.d."
    parts = published.split("-")
    try:
        if len(parts) >= 3:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return published
    return parts[0]


def _names(authors: list[str]) -> str:
    if len(authors) > 3:  # Chicago 17: four or more authors, the first et al.
        return f"{authors[0]} et al."
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


def _surname(name: str) -> str:
    return name.split(",")[0].strip() if "," in name else name.split()[-1]


def _quoted(title: str, closing: str) -> str:
    """“Title,” with the comma or stop inside the marks, unless the title ends in ? or !."""
    title = title.strip()
    if title[-1:] in "?!":
        return f"\u201c{title}\u201d"
    return f"\u201c{title.rstrip('.')}{closing}\u201d"


def full_note(src: SourceEntry) -> str:
    """The first note citing a source."""
    parts = []
    if src.authors:
        parts.append(_names(src.authors) + ",")
    parts.append(_quoted(src.title, ","))
    if src.publisher:
        parts.append(src.publisher + ",")
    tail = chicago_date(src.published)
    if src.url:
        parts.append(tail + ",")
        parts.append(src.url + ".")
    else:
        parts.append(tail if tail.endswith(".") else tail + ".")
    return " ".join(parts)


def short_title(title: str) -> str:
    """The title cut at a colon or after five words, never ending on 'the', 'is', 'of'…"""
    head = title.split(":")[0].strip() or title
    words = head.split()
    if len(words) <= SHORT_TITLE_WORDS:
        return head.rstrip(",;")
    words = words[:SHORT_TITLE_WORDS]
    while len(words) > 1 and words[-1].lower().strip(",;") in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;")


def short_note(src: SourceEntry) -> str:
    """A later note citing the same source."""
    title = short_title(src.title)
    if src.authors:
        lead = (f"{_surname(src.authors[0])} et al." if len(src.authors) > 3
                else _names([_surname(a) for a in src.authors]))
    else:
        lead = src.publisher or ""
    return (f"{lead}, " if lead else "") + _quoted(title, ".")
