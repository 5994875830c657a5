"""Values crossing the search boundary: what goes into the index and what comes out."""

from __future__ import annotations

from dataclasses import dataclass, field

MARK_OPEN = "«"
MARK_CLOSE = "»"


@dataclass
class IndexDoc:
    """One article as the index sees it (built by core/indexing.py from the database)."""

    article_id: int
    title: str
    body: str
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    tags: list[str] = field(default_factory=list)
    perspectives: list[str] = field(default_factory=list)  # keys and names
    highlights: str = ""  # quotes and notes of the article's highlights
    language: str | None = None  # ISO 639-1, optionally with a region ("en-GB")


@dataclass
class SearchHit:
    """One ranked result.

    `snippet` is a short plain-text excerpt (~200 characters) in which every
    matched term is wrapped in « and » (MARK_OPEN / MARK_CLOSE); "…" marks a
    cut. For rendering without parsing the marks (the article may itself
    contain « »), `excerpt` is the same excerpt unmarked and `excerpt_spans`
    the [start, end) offsets of the matches within it.
    `hits` are the [start, end) character offsets of every matched term (a
    matched phrase as one span) in the article's cleaned text.
    """

    article_id: int
    title: str
    publisher: str | None
    published: str | None
    score: float
    snippet: str = ""
    hits: list[tuple[int, int]] = field(default_factory=list)
    excerpt: str = ""
    excerpt_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class SearchResults:
    """The first page of results, the total number of matches and an optional notice.

    `message` is set when the query did not parse and was searched as plain
    words instead (e.g. "unbalanced quote — searched the words instead").
    `note` is set when a short prefix was searched for its most frequent words only
    (e.g. "ka* searched its 24 most frequent words (and 397 more)").
    """

    hits: list[SearchHit]
    total: int
    message: str | None = None
    query: str = ""  # the query actually run (after any reinterpretation)
    note: str | None = None
