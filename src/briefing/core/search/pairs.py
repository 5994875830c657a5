"""Adjacent word pairs holding a very common word, indexed for exact phrases.

An exact phrase is checked by comparing the words' positions, and a phrase of two
common words ("missiles not": both in 31,229 of 50,000 articles, the phrase in 452)
decoded every candidate's position lists: the slowest query of the benchmark. Here,
for each term of the catch-all `text` field that is in the list of very common words
(resources/search/common_words.txt), the `text_pairs` field records its neighbours:
the term "not|L5" is in every article where a word of bucket 5 (a checksum of the
word, of 16) stands just before "not", and its posting's value lists those words, with
each one's frequency in the article and the frequency of "not" itself. So a two-word
phrase with a common word reads one short posting list instead of two long ones with
positions, and is scored exactly as before (the sum of its words' BM25 scores, from
the frequencies in the value); a longer phrase starts from the articles holding all
its pairs and checks positions there only.

Buckets rather than one term per pair: a term per distinct pair ("missil not") made
tens of thousands of terms per import batch, and Whoosh's writer pays for each term
(+60 % index time with this list); a few hundred bucket terms cost little more than
their postings.

Pairs follow the positions the text field gets (a stop word leaves no gap; several
terms at one position, as for a stem and a lemma, pair with every term beside them),
so "this pair is recorded" means exactly "this two-word phrase is in the article".
Changing the list or the buckets changes what is indexed: LIST_KEY is stamped on the
index, and an index stamped otherwise is rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress, pairwise
from operator import or_

from whoosh import fields, formats

from briefing.core.resources import resource
from briefing.core.search.analysis import analyzer, term_of, terms_cached

log = logging.getLogger(__name__)

PAIR_FIELD = "text_pairs"
SOURCE_FIELD = "text"  # the field whose adjacent terms are paired
BUCKETS = 16
BEFORE, AFTER = "L", "R"  # the neighbour stands before / after the common word
_UNIT, _RECORD = "\x1f", "\x1e"  # never inside a term


def _load_common() -> frozenset[str]:
    """The index terms of the listed words (stemmed as the index stems them)."""
    try:
        lines = resource("search", "common_words.txt").read_text(encoding="utf-8").splitlines()
    except OSError:  # phrases are then checked by positions alone, as before the pair field
        log.warning("the list of common words for phrases cannot be read", exc_info=True)
        return frozenset()
    words = (w.strip() for w in lines if w.strip() and not w.startswith("#"))
    return frozenset(t for t in map(term_of, words) if t)


COMMON = _load_common()
LIST_KEY = hashlib.sha1(("\n".join(sorted(COMMON)) + f"\n{BUCKETS}").encode("utf-8")
                        ).hexdigest()[:12]


@lru_cache(maxsize=100_000)
def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % BUCKETS


def key(common: str, side: str, neighbour: str) -> bytes:
    """The pair field's term for `common` with `neighbour` on `side` (BEFORE or AFTER)."""
    return f"{common}{_UNIT}{side}{_bucket(neighbour)}".encode()


def ways(first: str, second: str) -> list[tuple[bytes, str, bool]]:
    """(term, the neighbour to find in its values, whether the common word is the first)
    for each way the pair field holds the adjacent pair `first second`: none when neither
    word is common."""
    out = []
    if first in COMMON:
        out.append((key(first, AFTER, second), second, True))
    if second in COMMON:
        out.append((key(second, BEFORE, first), first, False))
    return out


def find(values: Sequence[bytes], neighbour: str) -> tuple[list[bool], list[float], list[float]]:
    """For the postings' values of one pair term: whether each records `neighbour`, and
    where it does, the common word's and the neighbour's frequencies (floats, as the
    words' own postings hold them as weights)."""
    needle = (_RECORD + neighbour + _UNIT).encode()
    held: list[bool] = []
    common_tf: list[float] = []
    neighbour_tf: list[float] = []
    record = _RECORD.encode()
    for value in values:
        k = value.find(needle)
        held.append(k >= 0)
        if k >= 0:
            start = k + len(needle)
            neighbour_tf.append(float(value[start:value.index(record, start)]))
            common_tf.append(float(value[:value.index(record)]))
    return held, common_tf, neighbour_tf


class PairNeighbours(formats.Format):
    """Postings with a weight (how many neighbours are recorded) and a value: the common
    word's frequency, then each neighbour with its frequency."""

    posting_size = -1  # variable

    def word_values(self, value, analyzer, **kwargs):  # noqa: ANN001, ANN201 - Whoosh's
        return pair_postings(value)


class PhrasePairs(fields.FieldType):
    """The pair field: indexed, not stored, not scored (no field lengths)."""

    def __init__(self) -> None:
        super().__init__(PairNeighbours(), analyzer(), scorable=False, stored=False)

    def index(self, value, **kwargs):  # noqa: ANN001, ANN201 - Whoosh's signature
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not text")
        return pair_postings(value)


def _adjacent(terms: list[tuple[str, int, int]]) -> Iterator[tuple[str, str]]:
    """Every pair of terms at consecutive positions, as the tokenizer numbers positions
    (a new position where a token starts elsewhere than the last), with a common word."""
    common = COMMON
    words = [t for t, _s, _e in terms]
    if len({s for _t, s, _e in terms}) == len(terms):  # one term a position: the usual case
        flags = [w in common for w in words]
        return compress(pairwise(words), map(or_, flags, flags[1:]))
    slots: list[list[str]] = []
    last = -1
    for t, s, _e in terms:
        if s == last:
            slots[-1].append(t)
        else:
            slots.append([t])
            last = s
    return ((a, b) for here, after in pairwise(slots) for a in here for b in after
            if a in common or b in common)


def pair_postings(value: str) -> Iterator[tuple[bytes, int, float, bytes]]:
    """(pair term, frequency, weight, value) for each pair term of `value`, analysed
    exactly as the text field analyses it (the same cached analysis)."""
    terms = terms_cached(value)
    common = COMMON
    found: defaultdict[tuple[str, str, int], set[str]] = defaultdict(set)
    for a, b in _adjacent(terms):
        if a in common:
            found[(a, AFTER, _bucket(b))].add(b)
        if b in common:
            found[(b, BEFORE, _bucket(a))].add(a)
    if not found:
        return iter(())
    tf = Counter(t for t, _s, _e in terms)
    return ((f"{c}{_UNIT}{side}{k}".encode(), len(ns), float(len(ns)),
             (str(tf[c]) + _RECORD + "".join(f"{n}{_UNIT}{tf[n]}{_RECORD}"
                                            for n in sorted(ns))).encode())
            for (c, side, k), ns in found.items())


def has_pairs(reader) -> bool:  # noqa: ANN001 - a Whoosh segment reader
    """Whether this segment has the pair field. A segment written before it existed has
    none, and then phrases are checked by positions (a missing pair there means nothing)."""
    try:
        return PAIR_FIELD in reader.indexed_field_names()
    except Exception:  # noqa: BLE001 - a reader that cannot say: assume it has none
        return False
