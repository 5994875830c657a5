"""Plain rows shared by every layer: articles, highlights, perspectives.

These are data only (no I/O, no Qt). Storage builds them from SQLite rows;
search, claims, export and the UI read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HIGHLIGHT_KINDS = ("claim", "evidence", "context", "question")
ARTICLE_KINDS = ("news", "transcript", "statement", "analysis", "social")
# How an article field was found: written in the document, read from structured data
# (HTML meta, JSON-LD, DOCX properties), guessed from the text, or confirmed by the analyst.
PROVENANCES = ("explicit", "structured", "inferred", "confirmed")
METADATA_FIELDS = ("title", "publisher", "authors", "published", "source_url", "language", "kind")
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)
# Scripts written without spaces between words: Han ideographs and Japanese kana.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def date_precision(published: str | None) -> str | None:
    """Precision of a partial ISO date: 'year', 'month', 'day' or None."""
    if not published:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(published))


@dataclass
class Article:
    """One imported article: its cleaned text and what is known about it."""

    id: int
    title: str
    text: str
    title_inferred: bool = False
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    source_url: str | None = None
    source_file: str = ""  # the file name the user imported
    original_hash: str = ""  # sha256 of the original bytes (originals/ key)
    format: str = "txt"  # txt, md, html, docx, pdf
    language: str | None = None
    words: int = 0
    imported_at: str = ""  # ISO timestamp, UTC
    tags: list[str] = field(default_factory=list)
    read: bool = False
    provenance: dict[str, str] = field(default_factory=dict)  # field -> one of PROVENANCES
    kind: str | None = None  # one of ARTICLE_KINDS
    note: str = ""
    caveat: str = ""  # the source's own handling caveat, if any

    def is_confirmed(self, name: str) -> bool:
        """The analyst set or confirmed this field: automatic processing must keep it."""
        return self.provenance.get(name) == "confirmed"

    @property
    def published_precision(self) -> str | None:
        return date_precision(self.published)


@dataclass
class Perspective:
    """A point of view a claim can be tagged with, and the cues that signal it."""

    key: str  # stable slug, e.g. "ukrainian"
    name: str  # shown to the user, e.g. "Ukrainian"
    colour: str  # "#rrggbb"
    shortcut: str = ""  # keyboard key, "1".."9" or ""
    cues: list[str] = field(default_factory=list)
    builtin: bool = True


@dataclass
class Highlight:
    """A marked passage of an article's cleaned text.

    `start`/`end` are character offsets (W3C TextPositionSelector);
    `quote`/`prefix`/`suffix` are the TextQuoteSelector used to re-anchor it
    when the text changes. An orphaned highlight could not be re-placed; it
    keeps its quote and is never dropped.
    """

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    perspectives: list[str] = field(default_factory=list)  # perspective keys
    kind: str = "claim"
    note: str = ""
    translation: str = ""  # the analyst's translation of the quote; "" when none
    reliability: str | None = None  # A-F
    credibility: int | None = None  # 1-6
    tags: list[str] = field(default_factory=list)
    orphaned: bool = False
    created: str = ""
    modified: str = ""
    # (brief id, position, chosen) of the saved briefs it was in, kept by a deletion so
    # that undo puts it back in them too; empty otherwise
    brief_rows: list[tuple[int, int, int]] = field(default_factory=list, compare=False,
                                                   repr=False)


@dataclass
class Suggestion:
    """A sentence the app proposes as a highlight (an attributed claim)."""

    start: int
    end: int
    quote: str
    perspectives: list[str]  # perspective keys; empty when the speaker matches none
    cue: str | None  # the cue text that decided the perspective(s)
    speaker: str | None = None
    verb: str | None = None  # the attribution cue: said, according to, ...


@dataclass
class NumericClaim:
    """A figure stated in a passage, with its unit and what it counts."""

    figure: float
    text: str  # the figure as written, e.g. "15,000" or "2.8m"
    unit: str  # troops, shells, usd, casualties, percent, ...
    subject: str  # words naming what is counted, e.g. "North Korean troops"
    start: int  # offsets in the article's cleaned text
    end: int
    perspectives: list[str] = field(default_factory=list)
    qualifier: str | None = None  # "as many as", "at least", "up to", ...
    value_high: float | None = None  # upper bound of a range ("11,000 to 12,000")


@dataclass
class ComparisonEntry:
    """One source's figure in a comparison row."""

    figure: float
    text: str  # as written, "15,000"
    perspectives: list[str]
    article_id: int
    quote: str  # the sentence or highlight stating it
    start: int = 0
    end: int = 0
    highlight_id: int | None = None
    qualifier: str | None = None
    claim_id: int | None = None  # the stored claims row (None when it could not be stored)
    published: str | None = None  # the article's date, "YYYY[-MM[-DD]]"
    source: str = ""  # who published it: the same outlet twice is one source
    status: str = "single"  # one of CLAIM_STATUSES, against the row's other figures
    value_high: float | None = None  # upper end when the passage gives a range
    excluded: bool = False  # the analyst left it out of the comparison
    corrected: list[str] = field(default_factory=list)  # "figure", "subject", "perspectives"
    article_text: str = ""  # the figure as the article writes it, when corrected

    @property
    def written(self) -> str:
        """The figure with its qualifier as a reader writes it: "about 4,000", and in
        Chinese or Japanese with no space after the qualifier ("约有八千名")."""
        if not self.qualifier:
            return self.text
        gap = "" if _CJK.match(self.qualifier[-1:]) else " "
        return f"{self.qualifier}{gap}{self.text}"


@dataclass
class ClaimComparison:
    """Figures for one subject and unit lined up across perspectives and sources."""

    subject: str  # "North Korean troops"
    unit: str  # "troops"
    entries: list[ComparisonEntry] = field(default_factory=list)
    disagreement: bool = False  # independent figures contradict each other
    status: str = "single"  # one of CLAIM_STATUSES


# agree: independent sources give compatible figures; disagree: they contradict each other;
# changed: different figures from articles dated more than a month apart; single: one source.
CLAIM_STATUSES = ("agree", "disagree", "changed", "single")


@dataclass
class StoredClaim:
    """A figure found in an article, kept as a row so its id and corrections last.

    Anchored like a highlight: `start`/`end`/`quote`/`prefix`/`suffix` locate the figure
    as written ("15,000") in the cleaned text, so re-cleaning moves it, never renumbers it.
    The `fixed_*` fields are the analyst's corrections; None means "as detected".
    """

    id: int
    article_id: int
    start: int
    end: int
    quote: str  # the figure as written
    prefix: str
    suffix: str
    passage: str  # the sentence or highlight that states it
    highlight_id: int | None
    figure: float
    unit: str
    subject: str
    qualifier: str | None = None
    perspectives: list[str] = field(default_factory=list)
    value_high: float | None = None
    fixed_figure: float | None = None
    fixed_subject: str | None = None
    fixed_perspectives: list[str] | None = None
    excluded: bool = False
    active: bool = True  # found by the latest comparison
    orphaned: bool = False  # its figure could not be placed in the article's text

    @property
    def corrected(self) -> list[str]:
        """Which fields the analyst corrected."""
        return [name for name, value in (("figure", self.fixed_figure),
                                         ("subject", self.fixed_subject),
                                         ("perspectives", self.fixed_perspectives))
                if value is not None]
