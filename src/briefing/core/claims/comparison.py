"""Line numeric claims up by subject and unit across perspectives and sources.

"how many North Korean troops": 10,000 (US), 11,000 (Ukrainian), 12,000 and 15,000
(South Korean), each with its article and quote; a row is marked as a disagreement
when its sources give different figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.core.models import ClaimComparison, ComparisonEntry, NumericClaim

# Words ignored when a user's question is matched against a subject ("how many ... troops").
_QUESTION_WORDS = frozenset({"how", "many", "much", "the", "of", "are", "were", "is", "was",
                             "there", "what", "number", "a", "an", "in", "did", "do", "does",
                             "figure", "figures", "count", "total"})
# Same thing, different word: the comparison speaks of troops whatever the article said.
_SYNONYMS = {"soldiers": "troops", "soldier": "troops", "troop": "troops",
             "servicemen": "troops", "koreans": "korean", "casualty": "casualties",
             "deaths": "casualties", "losses": "casualties", "shell": "shells",
             "dollars": "usd", "dollar": "usd", "percentage": "percent", "%": "percent",
             "us": "us", "american": "us"}
RELATIVE_TOLERANCE = 0.005  # figures this close count as the same figure


def subject_words(text: str) -> set[str]:
    """Normalised content words of a subject or a question about one."""
    words = re.findall(r"[\w%]+", text.lower().replace("'s", "").replace("’s", ""))
    return {_SYNONYMS.get(w, w) for w in words if w not in _QUESTION_WORDS}


def matches_subject(comparison: ClaimComparison, query: str) -> bool:
    """Does a comparison row answer the question (all its content words in the subject)?"""
    wanted = subject_words(query)
    have = subject_words(comparison.subject)
    if comparison.unit in ("usd", "percent"):
        have.add(comparison.unit)
    return bool(wanted) and wanted <= have


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b), 1.0)


def compare(claims: Iterable[tuple[int, str, NumericClaim, int | None]]) -> list[ClaimComparison]:
    """Group (article_id, quote, claim, highlight_id) by subject and unit.

    The same figure stated at the same place twice (a highlight and the suggestion it came
    from) counts once, the highlight winning. Rows with most sources come first; entries
    are sorted by figure.
    """
    rows: dict[tuple[str, str], ClaimComparison] = {}
    seen: dict[tuple[int, int, float], ComparisonEntry] = {}
    for article_id, quote, claim, highlight_id in claims:
        key = (claim.subject.lower(), claim.unit)
        row = rows.get(key)
        if row is None:
            row = rows[key] = ClaimComparison(subject=claim.subject, unit=claim.unit)
        place = (article_id, claim.start, claim.figure)
        entry = ComparisonEntry(
            figure=claim.figure, text=claim.text, perspectives=list(claim.perspectives),
            article_id=article_id, quote=quote, start=claim.start, end=claim.end,
            highlight_id=highlight_id, qualifier=claim.qualifier, value_high=claim.value_high)
        earlier = seen.get(place)
        if earlier is not None:
            if earlier.highlight_id is None and highlight_id is not None:
                row.entries[row.entries.index(earlier)] = entry
                seen[place] = entry
            continue
        seen[place] = entry
        row.entries.append(entry)
    out = []
    for row in rows.values():
        row.entries.sort(key=lambda e: (e.figure, e.article_id, e.start))
        figures = [e.figure for e in row.entries]
        row.disagreement = any(not _same(figures[0], f) for f in figures[1:])
        out.append(row)
    out.sort(key=lambda r: (-len({e.article_id for e in r.entries}), -len(r.entries),
                            r.subject.lower(), r.unit))
    return out


def filter_subject(rows: Iterable[ClaimComparison], query: str | None) -> list[ClaimComparison]:
    """Rows whose subject answers the query; all rows when the query is empty."""
    rows = list(rows)
    if not query or not subject_words(query):
        return rows
    return [r for r in rows if matches_subject(r, query)]
