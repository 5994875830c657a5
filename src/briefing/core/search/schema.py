"""The Whoosh schema, the partial-date field and IndexDoc -> Whoosh document.

Bump SCHEMA_VERSION whenever the schema or the analysis changes: an index
written with another version reads as stale and is rebuilt.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from whoosh import fields, formats, query
from whoosh.qparser import QueryParserError

from briefing.core.search import languages
from briefing.core.search.analysis import analyzer, terms_cached
from briefing.core.search.pairs import PAIR_FIELD, PhrasePairs
from briefing.core.search.types import IndexDoc

# 3: tags of highlights indexed; 4: per-script analysis and the language field; 5: marks for
# words quoted in another script (script_marks); 6: the pair field for phrases (pairs.py)
SCHEMA_VERSION = 6

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


# Marks in the language field for words of another script inside an article (an English
# story quoting 국정원, Песков or 林剑): they tell a query that the library holds such
# words, so it analyses a query in that script as the index did (a Korean particle is
# dropped), while `lang:ko` still finds only Korean articles. Listed before the language,
# whose own code stays last in the stored value.
SCRIPT_MARK = "words."
_SCRIPT_MARKS = (("ko", languages.HANGUL), ("zh", languages.HAN), ("ru", languages.CYRILLIC))


def script_marks(text: str, language: str | None) -> list[str]:
    """`words.ko` / `words.zh` / `words.ru` for scripts in `text` its language does not cover."""
    if text.isascii() or languages.SPECIAL.search(text) is None:  # one scan for most
        return []
    base = (language or "").split("-")[0].lower()
    own = languages.CYRILLIC_LANGUAGES if base in languages.CYRILLIC_LANGUAGES else {base}
    return [SCRIPT_MARK + code for code, script in _SCRIPT_MARKS
            if code not in own and script.search(text) is not None]


def library_languages(terms: Iterable[object]) -> frozenset[str]:
    """The languages a library holds, from the language field's terms (Whoosh's lexicon
    gives bytes): the articles' languages and the scripts of words quoted in others
    (regional tags left out)."""
    codes = (t.decode("utf-8", "replace") if isinstance(t, bytes) else t for t in terms)
    return frozenset(t.removeprefix(SCRIPT_MARK) for t in codes
                     if isinstance(t, str) and "-" not in t)


def article_language(stored: object) -> str | None:
    """The article's own language code from the stored language field (marks left out)."""
    if not isinstance(stored, str):
        return None
    own = [t for t in stored.split() if not t.startswith(SCRIPT_MARK)]
    return own[-1] if own else None


class ProseText(fields.TEXT):
    """TEXT whose postings are made straight from the analysis: the same terms, positions,
    weights and encoded values as Whoosh's Positions.word_values, without a Token object
    and three generators per word in between (the catch-all field of a 550-word article
    has ~700 tokens; this is most of the index helper's time besides Whoosh's writer)."""

    def index(self, value, **kwargs):  # noqa: ANN001, ANN201 - Whoosh's signature
        fmt = self.format
        if (not isinstance(value, str) or type(fmt) is not formats.Positions
                or fmt.field_boost != 1.0 or kwargs):
            return super().index(value, **kwargs)
        return _positions(value, fmt.encode)


def _positions(value: str, encode) -> Iterator[tuple[bytes, int, float, bytes]]:  # noqa: ANN001
    """(term, frequency, weight, encoded positions) as Positions.word_values yields them for
    BriefingTokenizer: a new position where a token starts elsewhere than the last."""
    poses: defaultdict[str, list[int]] = defaultdict(list)
    pos = -1
    last = -1
    for term, start, _end in terms_cached(value):
        if start != last:
            pos += 1
            last = start
        poses[term].append(pos)
    return ((w.encode("utf-8"), len(p), float(len(p)), encode(p)) for w, p in poses.items())


def make_schema() -> fields.Schema:
    ana = analyzer()
    return fields.Schema(
        article_id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=ana, stored=True, field_boost=TITLE_BOOST),
        text=ProseText(analyzer=ana),
        text_pairs=PhrasePairs(),  # adjacent pairs of `text` with a common word
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
        PAIR_FIELD: text,  # the same object: the text is analysed once for both
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
    marks = script_marks(text, doc.language)
    if doc.language or marks:
        out["language"] = " ".join([*marks, *([language_terms(doc.language)]
                                              if doc.language else [])])
    return out  # type: ignore[return-value]
