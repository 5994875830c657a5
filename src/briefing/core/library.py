"""What the library list shows and how it orders and filters its rows, Qt-free.

The UI's table asks `Workspace.library` (core/store/library_query.py) for the ids of
the library in the chosen order under the chosen filters, then for pages of rows by
id, so opening a window never reads every article. The rules here are the ones the
list always had: titles and publishers sort case-insensitively, dates as `date_key`
with undated articles last whichever way, ties by id; the filter box matches every
word it is given inside an article's title, publisher, authors and tags.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.tags import tag_key

# the columns of the library list, in the table's order (the UI's column numbers)
TITLE, PUBLISHER, DATE, WORDS, HIGHLIGHTS, LANGUAGE = range(6)


@dataclass
class LibraryRow:
    """One article as the list shows it (no text)."""

    id: int
    title: str
    publisher: str
    authors: list[str]
    published: str
    words: int
    counts: dict[str, int] = field(default_factory=dict)  # {perspective key ('' none): n}
    tags: list[str] = field(default_factory=list)  # the article's and its highlights' tags
    language: str = ""  # ISO 639-1 ("uk", "ko"), as detected or set by the analyst
    highlights: int = 0  # how many highlights (one with two perspectives is in two counts)

    @property
    def filter_text(self) -> str:
        """Title, publisher, authors and tags in lower case: what filter-as-you-type
        searches."""
        return filter_text(self.title, self.publisher, self.authors, self.tags)

    @property
    def total(self) -> int:
        """The Highlights column: each highlight once, whatever its perspectives."""
        return self.highlights


@dataclass(frozen=True)
class LibraryFilter:
    """What the list is narrowed to: every word of the filter box, a perspective (articles
    holding a highlight of it), a publisher, a tag (case-folded; on the article or one of
    its highlights), a set of article ids (a collection's). Empty/None: no narrowing."""

    words: tuple[str, ...] = ()
    perspective: str | None = None
    publisher: str | None = None
    tag: str | None = None
    articles: frozenset[int] | None = None

    @classmethod
    def typed(cls, text: str) -> tuple[str, ...]:
        """The words of the filter box as matched (lower case)."""
        return tuple(text.lower().split())

    @property
    def narrows(self) -> bool:
        return bool(self.words) or any(v is not None for v in (
            self.perspective, self.publisher, self.tag, self.articles))


def filter_text(title: str, publisher: str, authors: list[str], tags: list[str]) -> str:
    return " ".join([title, publisher, *authors, *tags]).lower()


def matches_words(words: tuple[str, ...], haystack: str) -> bool:
    return all(w in haystack for w in words)


def date_key(published: str) -> tuple[int, int, int]:
    """A partial date in order: a year-only date sorts before the dated days of that year
    and a month-only one before the days of that month (it is their earliest possible day)."""
    parts = [int(p) if p.isdigit() else 0 for p in published.split("-")[:3]] + [0, 0, 0]
    return parts[0], parts[1], parts[2]


def sort_value(column: int, value: object) -> object:
    """A column's sort key from its stored value (title, publisher, published, words,
    highlight total or language)."""
    if column == TITLE:
        return str(value or "(untitled)").lower()
    if column == PUBLISHER:
        return str(value or "").lower()
    if column == DATE:
        return date_key(str(value)) if value else ()
    if column in (WORDS, HIGHLIGHTS):
        return int(value) if isinstance(value, int | str) and value else 0
    return str(value or "")


def row_key(column: int, descending: bool, value: object, article_id: int) -> tuple:
    """The whole key a row sorts by: undated articles go last whichever way dates run;
    ties by id."""
    if column == DATE:
        if not value:
            return (-1 if descending else 1, ()), article_id
        return (0, date_key(str(value))), article_id
    return sort_value(column, value), article_id


def first_spellings(names: list[str]) -> list[str]:
    """Tags A-Z by their folded form, each once (the first spelling given)."""
    found: dict[str, str] = {}
    for name in names:
        found.setdefault(tag_key(name), name)
    return [found[k] for k in sorted(found)]
