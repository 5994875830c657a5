"""The Whoosh schema, the partial-date field and IndexDoc -> Whoosh document.

Bump SCHEMA_VERSION whenever the schema or the analysis changes: an index
written with another version reads as stale and is rebuilt.
"""

from __future__ import annotations

import re

from whoosh import fields, query
from whoosh.qparser import QueryParserError

from briefing.core.search.analysis import analyzer
from briefing.core.search.types import IndexDoc

SCHEMA_VERSION = 4  # 3: tags of highlights indexed; 4: per-script analysis and the language field

# Bare words are looked up in "text" alone: one catch-all field holding the title (twice,
# which is the title's boost), body, publisher, authors, tags and highlights. One posting
# list per word instead of a union over six fields made AND and phrase queries 1.5-3x faster.
# The separate fields remain for field queries (title:, publisher:, ...).
DEFAULT_FIELDS = ("text",)
TITLE_COPIES = 2
# Fields whose matches are lit in the article's text.
TEXT_FIELDS = frozenset({"title", "text", "highlights"})
TITLE_BOOST = 3.0

_DATE_RE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_TOP = "\uffff"  # sorts after every date character: "2024-12" + _TOP closes the month


def normalise_date(text: str) -> str:
    """'2024', '2024-11', '2024/11/5' -> '2024', '2024-11', '2024-11-05'; else QueryParserError."""
    m = _DATE_RE.match(text.strip())
    if not m:
        raise QueryParserError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12 or (day is not None and not 1 <= int(day) <= 31):
        raise QueryParserError(f"not a date: {text!r}")
    out = f"{year}-{int(month):02d}"
    return out if day is None else f"{out}-{int(day):02d}"


def date_terms(published: str | None) -> str:
    """'2024-11-05' -> '2024 2024-11 2024-11-05': each precision is a term of its own."""
    if not published:
        return ""
    try:
        value = normalise_date(published)
    except QueryParserError:
        return ""
    parts = value.split("-")
    return " ".join("-".join(parts[: i + 1]) for i in range(len(parts)))


class PartialDate(fields.KEYWORD):
    """A date of year, month or day precision, queried as date:2024, date:2024-11, ranges.

    The document is indexed under every precision it has, so `date:2024` finds
    '2024', '2024-11' and '2024-11-05'. A range compares the terms as text with
    its end closed over everything below it: [2024-10 to 2024-12] takes in
    2024-12-31 but not an article dated only '2024' (its month is unknown).
    """

    def __init__(self) -> None:
        super().__init__(stored=False, lowercase=False, commas=False, scorable=False)

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname: str, qstring: str, boost: float = 1.0) -> query.Query:
        if qstring.strip() == "*":
            return query.Every(fieldname)
        return query.Term(fieldname, normalise_date(qstring), boost=boost)

    def parse_range(self, fieldname: str, start: str | None, end: str | None,
                    startexcl: bool, endexcl: bool, boost: float = 1.0) -> query.Query:
        lo = normalise_date(start) if start else ""
        hi = normalise_date(end) if end else "9999"
        if startexcl:
            lo += _TOP
        if not endexcl:
            hi += _TOP
        return query.TermRange(fieldname, lo, hi, False, endexcl, boost=boost)


def language_terms(code: str) -> str:
    """'en-GB' -> 'en-gb en': `lang:en` finds every English article, `lang:en-gb` the British."""
    code = code.strip().lower().replace("_", "-")
    base = code.split("-")[0]
    return code if base == code else f"{code} {base}"


def make_schema() -> fields.Schema:
    ana = analyzer()
    return fields.Schema(
        article_id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=ana, stored=True, field_boost=TITLE_BOOST),
        text=fields.TEXT(analyzer=ana),
        publisher=fields.TEXT(analyzer=ana),
        publisher_name=fields.STORED(),
        authors=fields.TEXT(analyzer=ana),
        date=PartialDate(),
        published=fields.STORED(),
        tags=fields.TEXT(analyzer=ana),
        perspective=fields.TEXT(analyzer=ana),
        highlights=fields.TEXT(analyzer=ana),
        language=fields.KEYWORD(lowercase=True, scorable=False, stored=True),  # `lang:ko`
    )


def to_fields(doc: IndexDoc) -> dict[str, str]:
    """The Whoosh document for one IndexDoc (only non-empty fields)."""
    text = "\n".join([*[doc.title or ""] * TITLE_COPIES, doc.body or "", doc.publisher or "",
                      *doc.authors, *doc.tags, doc.highlights or ""])
    out: dict[str, object] = {
        "article_id": str(doc.article_id),
        "title": doc.title or "",
        "text": text,
        "publisher_name": doc.publisher,
        "published": doc.published,
    }
    if doc.publisher:
        out["publisher"] = doc.publisher
    if doc.authors:
        out["authors"] = "\n".join(doc.authors)
    dates = date_terms(doc.published)
    if dates:
        out["date"] = dates
    if doc.tags:
        out["tags"] = "\n".join(doc.tags)
    if doc.perspectives:
        out["perspective"] = "\n".join(doc.perspectives)
    if doc.highlights:
        out["highlights"] = doc.highlights
    if doc.language:
        out["language"] = language_terms(doc.language)
    return out  # type: ignore[return-value]
