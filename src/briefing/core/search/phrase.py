"""A faster exact-phrase query for Whoosh.

Whoosh's Phrase checks word adjacency through generic span objects built in
Python for every candidate document (SpanNear2), which made phrases the slowest
queries on the benchmark. For the common case (exact phrase, slop 1) the check
here is one set intersection of shifted positions per word, done in C.

A phrase of common words (in a third of the articles each) used to walk the
intersection of their posting lists posting by posting and decode positions
through Whoosh's generic matcher calls. Now the documents holding every word
are found first by intersecting whole posting lists as sets, positions are
decoded only for those candidates, and the matcher then visits only the
documents that hold the phrase, scoring them exactly as before (the sum of
the words' scores, from Whoosh's own intersection matcher).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain, compress, pairwise
from operator import add, itemgetter, methodcaller
from pickle import loads

from whoosh import matching, query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.binary import IntersectionMatcher
from whoosh.query.spans import Span, SpanNear2
from whoosh.util import make_binary_tree

from briefing.core.search import pairs
from briefing.core.search.postings import read_all, read_within

_INT_SIZE = 4  # Positions values start with the position count (whoosh.formats)
_PROTO = b"\x80\x02"  # then a protocol-2 pickle of the position deltas
_BODY = _INT_SIZE + len(_PROTO)
_AFTER_COUNT = methodcaller("startswith", _PROTO, _INT_SIZE)
_STOPPED = methodcaller("endswith", b".")
_LIST = itemgetter(slice(_BODY, -1))  # the list's opcodes, without PROTO and STOP
_DOC = 1 << 32  # above any position: document * _DOC + position keys one position


class _AdjacentMatcher(SpanNear2.SpanNear2Matcher):
    """Matches documents where the words occur at consecutive positions."""

    def __init__(self, ms: list) -> None:
        super().__init__(ms, slop=1, ordered=True, mindist=1)

    def copy(self) -> _AdjacentMatcher:
        return self.__class__([m.copy() for m in self.ms])

    def _get_spans(self) -> list[Span]:
        ms = self.ms
        starts = set(ms[0].value_as("positions"))
        for k in range(1, len(ms)):
            if not starts:
                return []
            starts.intersection_update(p - k for p in ms[k].value_as("positions"))
        last = len(ms) - 1
        return [Span(s, s + last) for s in sorted(starts)]


def _deltas(values: Sequence[bytes]) -> list[list[int]]:
    """The position deltas of many Positions values, unpickled in one call.

    A value is a count and a pickled list of deltas (whoosh.formats.Positions.encode:
    PROTO 2, the list's opcodes, STOP). The lists' opcodes joined between MARK and LIST
    unpickle as one list of lists: a common phrase decodes tens of thousands of values,
    and one call each cost more than the rest of the search."""
    if not (all(map(_AFTER_COUNT, values)) and all(map(_STOPPED, values))):
        return [loads(v[_INT_SIZE:] if v.endswith(b".") else v[_INT_SIZE:] + b".")
                for v in values]  # not the layout above: one by one
    return loads(b"(" + b"".join(map(_LIST, values)) + b"l.")


def phrase_docs(reader, fieldname: str, btexts: list[bytes]) -> list[int]:  # noqa: ANN001
    """Documents of one segment where the words occur at consecutive positions."""
    return phrase_match(reader, fieldname, btexts)[0]


def phrase_match(reader, fieldname: str,  # noqa: ANN001 - a Whoosh segment reader
                 btexts: Sequence[bytes]) -> tuple[list[int], list[list[float]]]:
    """(the documents of one segment holding the phrase, sorted; each word's frequency in
    each of them, in that order). From the pair field where the phrase has a common word
    (pairs.py), else from every word's positions."""
    if fieldname == pairs.SOURCE_FIELD:
        found = _by_pairs(reader, btexts)
        if found is not None:
            return found
    lists = [read_all(reader.postings(fieldname, b), values=True) for b in btexts]
    docs = sorted(phrase_holders([(ids, vals) for ids, _w, vals in lists]))
    return docs, [_at(ids, weights, docs) for ids, weights, _v in lists]


def _at(ids: list[int], weights: list[float], docs: list[int]) -> list[float]:
    """The weights of `docs` (all among `ids`)."""
    if not docs:
        return []
    where = dict(zip(ids, weights, strict=True))
    return [where[d] for d in docs]


def _by_pairs(reader, btexts: Sequence[bytes]  # noqa: ANN001
              ) -> tuple[list[int], list[list[float]]] | None:
    """phrase_match from the pair field; None where it cannot answer (no adjacent pair of
    the phrase holds a common word, or a segment written without the field)."""
    words = [b.decode("utf-8") for b in btexts]
    found = []  # (i, documents holding words i and i + 1 adjacent, their frequencies)
    for i, (first, second) in enumerate(pairwise(words)):
        options = pairs.ways(first, second)
        if options:
            found.append((i, options))
    if not found or not pairs.has_pairs(reader):
        return None
    nothing: tuple[list[int], list[list[float]]] = ([], [[] for _ in btexts])
    held_pairs = []
    for i, options in found:
        present = [(reader.doc_frequency(pairs.PAIR_FIELD, term), k)
                   for k, (term, _n, _f) in enumerate(options)
                   if (pairs.PAIR_FIELD, term) in reader]
        if not present:
            return nothing
        term, neighbour, common_first = options[min(present)[1]]  # the shorter postings
        ids, _w, values = read_all(reader.postings(pairs.PAIR_FIELD, term), values=True)
        held, common_tf, neighbour_tf = pairs.find(values, neighbour)
        docs = list(compress(ids, held))
        if not docs:
            return nothing
        tfs = (common_tf, neighbour_tf) if common_first else (neighbour_tf, common_tf)
        held_pairs.append((i, docs, tfs))
    if len(btexts) == 2:  # the pair is the phrase
        _i, docs, tfs = held_pairs[0]
        return docs, [tfs[0], tfs[1]]
    candidates = set(held_pairs[0][1])
    for _i, docs, _t in held_pairs[1:]:
        candidates.intersection_update(docs)
    if not candidates:
        return nothing
    # a longer phrase: positions are read only for the documents holding all its pairs
    ordered = sorted(candidates)
    lists = [read_within(reader.postings(pairs.SOURCE_FIELD, b), ordered, values=True)
             for b in btexts]
    docs = sorted(phrase_holders([(ids, vals) for ids, _w, vals in lists]))
    return docs, [_at(ids, weights, docs) for ids, weights, _v in lists]


def _keys(docs: Sequence[int], deltas: Sequence[list[int]], shift: int) -> Iterator[int]:
    """document * _DOC + position - shift for every position of these postings: one
    running sum over all of them (each document's first delta raised to its document's
    base), so the work per document is one addition, not a set of its own."""
    flat = list(chain.from_iterable(deltas))
    firsts = accumulate(map(len, deltas), initial=0)  # where each document's deltas start
    bases = [doc * _DOC - shift for doc in docs]
    ends = [0, *map(add, bases, map(sum, deltas))]  # the running sum after each document
    for first, base, end in zip(firsts, bases, ends, strict=False):  # the last of two unused
        flat[first] += base - end
    return accumulate(flat)


def phrase_holders(postings: Sequence[tuple[Sequence[int], Sequence[bytes]]]) -> set[int]:
    """The documents holding the phrase, from each word's (document ids, position values)
    in phrase order. Positions are decoded only for documents that hold every word (the
    shortest posting list is intersected first), and for later words only for documents
    that still hold the phrase so far. Each (document, position) is one integer key, so
    the adjacency check is one set intersection per word."""
    order = sorted(range(len(postings)), key=lambda k: len(postings[k][0]))
    candidates = set(postings[order[0]][0])
    for k in order[1:]:
        candidates.intersection_update(postings[k][0])
        if not candidates:
            return set()
    keys: set[int] = set()
    for k, (ids, values) in enumerate(postings):
        held = list(map(candidates.__contains__, ids))
        docs = list(compress(ids, held))
        found = _keys(docs, _deltas(list(compress(values, held))), k)
        keys = set(found) if k == 0 else keys.intersection(found)  # no set for the later
        if not keys:
            return set()
        if k:
            candidates = {key // _DOC for key in keys}
    return candidates


class _ListedMatcher(matching.WrappingMatcher):
    """Visits only `docs` (sorted), positioning the words' intersection matcher on each so
    the score is exactly the intersection's (the words' scores summed)."""

    def __init__(self, child, docs: list[int], i: int = 0) -> None:  # noqa: ANN001
        super().__init__(child)
        self.docs = docs
        self.i = i
        if i < len(docs):
            child.skip_to(docs[i])

    def copy(self) -> _ListedMatcher:
        return self.__class__(self.child.copy(), self.docs, self.i)

    def _replacement(self, newchild):  # noqa: ANN001, ANN202
        return self.__class__(newchild, self.docs, self.i)

    def replace(self, minquality: float = 0) -> matching.Matcher:
        return self if self.is_active() else matching.NullMatcher()

    def is_active(self) -> bool:
        return self.i < len(self.docs)

    def id(self) -> int:
        return self.docs[self.i]

    def all_ids(self):  # noqa: ANN201
        return iter(self.docs[self.i:])

    def next(self) -> bool:
        self.i += 1
        if self.i < len(self.docs):
            self.child.skip_to(self.docs[self.i])
        return False

    def skip_to(self, target: int) -> bool:
        if not self.is_active() or target <= self.docs[self.i]:
            return False
        self.i = bisect_left(self.docs, target, self.i)
        if self.i < len(self.docs):
            self.child.skip_to(self.docs[self.i])
        return False

    def supports_block_quality(self) -> bool:
        return False

    def spans(self) -> list[Span]:
        return []

    def score(self) -> float:
        return self.child.score()


class ExactPhrase(query.Phrase):
    """query.Phrase with the fast adjacency check when the phrase must match exactly."""

    def matcher(self, searcher, context=None):  # noqa: ANN001 - Whoosh's signature
        if not self.words:
            return matching.NullMatcher()
        if self.slop != 1 or len(self.words) < 2:
            return super().matcher(searcher, context)
        try:
            field = searcher.schema[self.fieldname]
        except KeyError:
            return matching.NullMatcher()
        if not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)
        reader = searcher.reader()
        terms = []
        for word in self.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (self.fieldname, btext) not in reader:
                return matching.NullMatcher()
            terms.append(query.Term(self.fieldname, btext))
        sub = context.set(needs_current=True) if context else context
        ms = [t.matcher(searcher, sub) for t in terms]
        m = self._listed(searcher, reader, [t.text for t in terms], ms)
        if m is None:
            m = _AdjacentMatcher(ms)
        if self.boost != 1.0:
            m = matching.WrappingMatcher(m, boost=self.boost)
        return m


    def _listed(self, searcher, reader, btexts: list[bytes], ms: list):  # noqa: ANN001, ANN205
        """The fast matcher for one segment, or None where it does not apply."""
        if not searcher.is_atomic() or not all(isinstance(m, W3LeafMatcher) for m in ms):
            return None
        try:
            docs = phrase_docs(reader, self.fieldname, btexts)
        except Exception:  # noqa: BLE001 - another codec's internals: use the general matcher
            return None
        return _ListedMatcher(make_binary_tree(IntersectionMatcher, ms), docs)  # as SpanNear2


def exact_phrases(q: query.Query) -> query.Query:
    """For Query.accept(): swap the parser's Phrase objects for ExactPhrase."""
    if type(q) is query.Phrase:
        return ExactPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost,
                           char_ranges=q.char_ranges)
    return q
