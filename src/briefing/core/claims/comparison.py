"""Line numeric claims up by subject and unit across perspectives and sources.

"how many North Korean troops": 10,000 (US), 11,000 (Ukrainian), 12,000 and 15,000
(South Korean), each with its article and quote. Each row and entry is judged
(agree / disagree / changed over time / single source) by `briefing.core.claims.status`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.core.claims.status import assess
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


def compare(claims: Iterable[tuple[int, str, NumericClaim, int | None]]) -> list[ClaimComparison]:
    """Group (article_id, quote, claim, highlight_id) by subject and unit.

    The same figure stated at the same place twice (a highlight and the suggestion it came
    from) counts once, the highlight winning. Each article counts as its own source and is
    undated here; `group_entries` takes entries that know their source and date.
    """
    items: list[tuple[str, str, ComparisonEntry]] = []
    seen: dict[tuple[int, int, float], int] = {}
    for article_id, quote, claim, highlight_id in claims:
        place = (article_id, claim.start, claim.figure)
        entry = ComparisonEntry(
            figure=claim.figure, text=claim.text, perspectives=list(claim.perspectives),
            article_id=article_id, quote=quote, start=claim.start, end=claim.end,
            highlight_id=highlight_id, qualifier=claim.qualifier, value_high=claim.value_high)
        earlier = seen.get(place)
        if earlier is not None:
            if items[earlier][2].highlight_id is None and highlight_id is not None:
                items[earlier] = (claim.subject, claim.unit, entry)
            continue
        seen[place] = len(items)
        items.append((claim.subject, claim.unit, entry))
    return group_entries(items)


def group_entries(items: Iterable[tuple[str, str, ComparisonEntry]]) -> list[ClaimComparison]:
    """Rows of (subject, unit, entry) grouped by subject and unit, each judged.

    Rows with most sources come first; entries are sorted by figure.
    """
    rows: dict[tuple[str, str], ClaimComparison] = {}
    for subject, unit, entry in items:
        key = (subject.lower(), unit)
        row = rows.get(key)
        if row is None:
            row = rows[key] = ClaimComparison(subject=subject, unit=unit)
        row.entries.append(entry)
    out = []
    for row in rows.values():
        row.entries.sort(key=lambda e: (e.figure, e.article_id, e.start))
        out.append(assess(row))
    out.sort(key=lambda r: (-len({e.article_id for e in r.entries if not e.excluded}),
                            -len(r.entries), r.subject.lower(), r.unit))
    return out


def filter_subject(rows: Iterable[ClaimComparison], query: str | None) -> list[ClaimComparison]:
    """Rows whose subject answers the query; all rows when the query is empty."""
    rows = list(rows)
    if not query or not subject_words(query):
        return rows
    return [r for r in rows if matches_subject(r, query)]
