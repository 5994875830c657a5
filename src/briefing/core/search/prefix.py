"""Prefix queries bounded to their most frequent expansions.

Whoosh runs `ka*` as an OR over every indexed word starting with "ka": one posting
reader per word, so a 2-letter prefix over a 10,000-article library opened hundreds
of them, most for words found in one or two articles (the long tail), and took
0.3-0.5 s. Here a prefix keeps its PREFIX_EXPANSIONS most frequent words (by the
number of articles holding them; ties in dictionary order); the rest are left out
and counted, so the UI and CLI can say "and N more". Listing the words and their
frequencies reads only the term dictionary (about 2 ms for 400 words), never a
posting list. A prefix with no more words than the bound runs exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query

PREFIX_EXPANSIONS = 64
# A stem of one or two letters opens the most frequent words of a whole initial: their
# postings, not their number, are the cost ("co*" kept 64 words holding ~10 postings per
# article, 240 ms at 10,000 articles). Such stems keep fewer words.
SHORT_STEM = 2
SHORT_PREFIX_EXPANSIONS = 24
# And whatever the stem, the words kept hold at most this many postings together (the most
# frequent word is always kept): "th*" kept only 8 words, but the, that, this, their...
# hold 6.4 postings per article, 64,000 at 10,000 articles. Reading and scoring postings
# costs ~4 µs each, so this keeps a prefix's own work near 100 ms at any library size.
PREFIX_POSTINGS = 20_000


def expansion_limit(stem: str) -> int:
    """How many words a prefix with this stem searches at most."""
    return SHORT_PREFIX_EXPANSIONS if len(stem) <= SHORT_STEM else PREFIX_EXPANSIONS


class BoundedPrefix(query.Prefix):
    """query.Prefix restricted to the words in `kept` (index terms, as bytes)."""

    def __init__(self, fieldname: str, text: str, kept: list[bytes], boost: float = 1.0,
                 constantscore: bool = True) -> None:
        super().__init__(fieldname, text, boost=boost, constantscore=constantscore)
        self.kept = kept

    def _btexts(self, ixreader):  # noqa: ANN001, ANN202 - Whoosh's signature
        # Called once per segment: only the kept words this segment holds.
        return [b for b in self.kept if (self.fieldname, b) in ixreader]

    def kept_words(self) -> list[str]:
        return [b.decode("utf-8") for b in self.kept]

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and self.kept == getattr(other, "kept", None)

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(tuple(self.kept))


@dataclass(frozen=True)
class Omitted:
    """A prefix that was bounded: what the user typed, words kept and words left out."""

    prefix: str
    kept: int
    left_out: int

    def describe(self) -> str:
        return (f"{self.prefix}* searched its {self.kept} most frequent words "
                f"(and {self.left_out:,} more)")


def expansions(reader, fieldname: str, prefix: str) -> list[tuple[bytes, int]]:  # noqa: ANN001
    """Every indexed word of `fieldname` starting with `prefix`, with its document count,
    in dictionary order.

    Read segment by segment and summed: on an index of several segments Whoosh's own
    iter_prefix merges the segments' dictionaries and builds a combined TermInfo for
    every word, which made a 2-letter prefix 2-3x slower on 4 segments than on one."""
    counts: dict[bytes, int] = {}
    for leaf, _base in reader.leaf_readers():
        try:
            for btext, info in leaf.iter_prefix(fieldname, prefix):
                word = btext if isinstance(btext, bytes) else btext.encode("utf-8")
                counts[word] = counts.get(word, 0) + info.doc_frequency()
        except KeyError:  # no such field in this segment
            continue
    return sorted(counts.items())


def bound_prefixes(q: query.Query, reader, limit: int | None = None  # noqa: ANN001
                   ) -> tuple[query.Query, list[Omitted]]:
    """`q` with every Prefix of more than `limit` words (default: expansion_limit of its
    stem) or more than PREFIX_POSTINGS postings replaced by a BoundedPrefix of its most
    frequent words; and what was left out."""
    omitted: list[Omitted] = []

    def visit(sub: query.Query) -> query.Query:
        if type(sub) is not query.Prefix:
            return sub
        words = expansions(reader, sub.fieldname, sub.text)
        bound = expansion_limit(sub.text) if limit is None else limit
        if len(words) <= bound and sum(f for _w, f in words) <= PREFIX_POSTINGS:
            return sub
        words.sort(key=lambda wf: (-wf[1], wf[0]))
        kept: list[bytes] = []
        postings = 0
        for word, frequency in words[:bound]:
            if kept and postings + frequency > PREFIX_POSTINGS:
                break
            kept.append(word)
            postings += frequency
        kept.sort()
        omitted.append(Omitted(sub.text, len(kept), len(words) - len(kept)))
        return BoundedPrefix(sub.fieldname, sub.text, kept, boost=sub.boost,
                             constantscore=sub.constantscore)

    return q.accept(visit), omitted
