"""Scoring whole posting lists at once for the commonest query shapes.

Whoosh finds and scores matches one document at a time through layers of
Python matcher and collector calls (about 5-10 µs per matching document), so a
word or a phrase found in half of a 10,000-article library spent most of its
time there. For the shapes users type most — one word, a prefix, two words (AND),
an exact phrase, or two of these — in the catch-all `text` field, this module reads
each word's postings a block at a time, intersects documents as sets, scores
every match with the same expression and table the Whoosh scorer uses
(scoring.TableBM25F), sums the words' scores in the order Whoosh's matcher tree
sums them, and picks the top page with heapq. Scores and order (score, then
document number) are bit-for-bit Whoosh's; tests/test_search_bulk.py compares
both on sampled queries. Anything else (other fields, OR, NOT, boosts, another
scorer) returns None and runs through Whoosh as before.

Prefixes find the same documents as Whoosh, scored by the sum of the matching
words' scores (in dictionary order). Whoosh itself scored a prefix that way only
in segments of more than 5,000 documents and gave every match the same score in
smaller ones (its Or picks a different matcher by segment size), so a library's
ranking for `ka*` changed as it grew; now it is by relevance at every size.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from whoosh import query

from briefing.core.search.phrase import ExactPhrase, phrase_match
from briefing.core.search.postings import read_all
from briefing.core.search.prefix import BoundedPrefix
from briefing.core.search.scoring import _TableScorer

FIELD = "text"
Scores = dict[int, float]  # segment document number -> score


class Unsupported(Exception):
    """The query (or the index) is outside what this module computes exactly."""


class _Segment:
    """One leaf searcher: term scores for the query's words, computed once each."""

    def __init__(self, top, sub) -> None:  # noqa: ANN001
        self.top = top
        self.sub = sub
        self.reader = sub.reader()
        self.field = sub.schema[FIELD]
        self._table: tuple[float, list[float]] | None = None

    def _scorer(self, btext: bytes) -> tuple[float, float, list[float]]:
        """(idf, k1 + 1, length norms) as the segment's TableBM25F scorer holds them. The
        norms are the segment's, made once; the idf is the top searcher's (the scorer reads
        it there, cached), so a word costs no per-segment scorer set-up."""
        if self._table is None:
            scorer = self.top.weighting.scorer(self.sub, FIELD, btext)
            if not isinstance(scorer, _TableScorer):
                raise Unsupported("scorer")
            self._table = (scorer.k1p1, scorer.norms)
        return (self.top.idf(FIELD, btext), *self._table)

    def term(self, word: str | bytes, present: bool = False) -> Scores:
        btext = word if isinstance(word, bytes) else self.field.to_bytes(word)
        if not present and (FIELD, btext) not in self.reader:
            return {}
        idf, k1p1, norms = self._scorer(btext)
        ids, weights, _v = read_all(self.reader.postings(FIELD, btext), values=False)
        return {d: idf * ((tf * k1p1) / (tf + norms[d])) for d, tf in zip(ids, weights,
                                                                            strict=True)}

    def phrase(self, words: list[str]) -> Scores:
        btexts = [self.field.to_bytes(w) for w in words]
        if any((FIELD, b) not in self.reader for b in btexts):
            return {}
        docs, frequencies = phrase_match(self.reader, FIELD, btexts)
        if not docs:
            return {}
        per_word: list[Scores] = []
        for b, tfs in zip(btexts, frequencies, strict=True):
            idf, k1p1, norms = self._scorer(b)
            per_word.append({d: idf * ((tf * k1p1) / (tf + norms[d]))
                             for d, tf in zip(docs, tfs, strict=True)})
        return _tree_sum(per_word, set(docs))

    def prefix(self, q: query.Prefix) -> Scores:
        """The words' scores summed per document, in dictionary order of the words."""
        total: Scores = {}
        get = total.get
        for btext in q._btexts(self.reader):
            for d, score in self.term(btext, present=True).items():  # _btexts: all present
                total[d] = get(d, 0.0) + score
        return total

    def scores(self, q: query.Query) -> Scores:
        if isinstance(q, query.Term):
            return self.term(q.text)
        if isinstance(q, query.Prefix):
            return self.prefix(q)
        if isinstance(q, ExactPhrase):
            return self.phrase(list(q.words))
        a, b = (self.scores(sub) for sub in q.children())
        return {d: a[d] + b[d] for d in (a.keys() & b.keys())}  # a + b == b + a exactly


def _tree_sum(parts: list[Scores], docs: set[int]) -> Scores:
    """Per document, the parts summed as whoosh.util.make_binary_tree nests them."""
    if len(parts) == 1:
        return {d: parts[0][d] for d in docs}
    half = len(parts) // 2
    left, right = _tree_sum(parts[:half], docs), _tree_sum(parts[half:], docs)
    return {d: left[d] + right[d] for d in docs}


def _supported(q: query.Query, depth: int = 0) -> bool:
    if getattr(q, "boost", 1.0) != 1.0:
        return False
    if type(q) is query.Term:
        return q.fieldname == FIELD and isinstance(q.text, str)
    if type(q) in (query.Prefix, BoundedPrefix):
        return q.fieldname == FIELD and bool(q.text)
    if type(q) is ExactPhrase:
        return q.fieldname == FIELD and q.slop == 1 and len(q.words) >= 2
    if type(q) is query.And and depth == 0:
        subs = q.children() if hasattr(q, "children") else []
        subs = list(subs)
        return len(subs) == 2 and all(_supported(s, 1) for s in subs)
    return False


def bulk_search(searcher, q: query.Query, limit: int,  # noqa: ANN001
                cancelled: Callable[[], bool] | None = None
                ) -> tuple[list[tuple[float, int]], int] | None:
    """((score, document number) of the first `limit` matches, best first; total), or
    None when the query is not one this module computes exactly."""
    if not _supported(q) or FIELD not in searcher.schema:
        return None
    from briefing.core.search.cancel import SearchCancelled

    found: list[tuple[float, int]] = []  # (-score, document number)
    total = 0
    try:
        for sub, offset in searcher.leaf_searchers():
            if cancelled is not None and cancelled():
                raise SearchCancelled
            scores = _Segment(searcher, sub).scores(q)
            total += len(scores)
            found.extend((-s, offset + d) for d, s in scores.items())
    except Unsupported:
        return None
    # Best score first, then the lower document number, as Whoosh's collector orders ties.
    return [(-neg, d) for neg, d in heapq.nsmallest(limit, found)], total
