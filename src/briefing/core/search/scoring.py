"""BM25F with each segment's field lengths read once, not once per matching posting.

Whoosh's BM25F scorer looks a document's field length up through four Python
calls for every posting it scores; for queries matching tens of thousands of
articles that was about a fifth of the query time. Here the length column of
the catch-all field is decoded once per segment reader (a few ms at 50,000
articles) into a list of BM25 length norms. Scores are identical to BM25F's.
"""

from __future__ import annotations

import weakref

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

_BYTE_LENGTH = [byte_to_length(b) if b else 0 for b in range(256)]
_norms_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
TABLE_FIELDS = frozenset({"text"})


def _length_codes(reader, fieldname: str) -> bytes | list[int] | None:  # noqa: ANN001
    """The one-byte field-length code of every document of one segment reader, or None if
    unavailable.

    The whoosh3 length column is one byte per document: read in one piece, not through
    Whoosh's per-document iterator (64 ms at 10,000 articles, on a fresh process's first
    query, and five times that at 50,000)."""
    try:
        column = reader._perdoc.column_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if getattr(column, "_typecode", None) == "B" and getattr(column, "_fixedlen", 0) == 1:
            stored = min(column._count, column._doccount)
            raw = bytes(column._dbfile.get(column._basepos, stored)) if stored else b""
            return raw + bytes([column._default]) * (column._doccount - len(raw))
        return list(column)
    except Exception:  # noqa: BLE001 - another codec or reader type: use Whoosh's own path
        return None


class _TableScorer(scoring.BaseScorer):
    def __init__(self, idf: float, norms: list[float], k1: float, maxq: float) -> None:
        self.idf = idf
        self.k1p1 = k1 + 1
        self.norms = norms
        self._maxq = maxq

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return self._maxq

    def score(self, matcher) -> float:  # noqa: ANN001
        tf = matcher.weight()
        return self.idf * ((tf * self.k1p1) / (tf + self.norms[matcher.id()]))  # as bm25()


class TableBM25F(scoring.BM25F):
    """BM25F (B=0.75, K1=1.2) with a per-segment table of length norms for TABLE_FIELDS."""

    def scorer(self, searcher, fieldname, text, qf=1):  # noqa: ANN001
        std = super().scorer(searcher, fieldname, text, qf=qf)
        if fieldname not in TABLE_FIELDS or not isinstance(std, scoring.BM25FScorer):
            return std
        reader = searcher.reader()
        key = (fieldname, std.avgfl, std.B, std.K1)
        per_reader = _norms_cache.get(reader)
        if per_reader is None:
            per_reader = {}
            try:
                _norms_cache[reader] = per_reader
            except TypeError:
                return std
        norms = per_reader.get(key)
        if norms is None:
            codes = _length_codes(reader, fieldname)
            if codes is None:
                return std
            k1, b, avgfl = std.K1, std.B, std.avgfl
            # a norm per length code, then one per document: the same floats as computing
            # each document's, without 50,000 multiplications on a fresh process's first query
            table = [k1 * ((1 - b) + b * fl / avgfl) for fl in _BYTE_LENGTH]
            norms = list(map(table.__getitem__, codes))
            per_reader[key] = norms
        return _TableScorer(std.idf, norms, std.K1, std.max_quality())
