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
    """Every indexed word of `fieldname` starting with `prefix`, with its document count."""
    try:
        return [(btext if isinstance(btext, bytes) else btext.encode("utf-8"),
                 info.doc_frequency())
                for btext, info in reader.iter_prefix(fieldname, prefix)]
    except KeyError:  # no such field in this index
        return []


def bound_prefixes(q: query.Query, reader, limit: int = PREFIX_EXPANSIONS  # noqa: ANN001
                   ) -> tuple[query.Query, list[Omitted]]:
    """`q` with every Prefix of more than `limit` words replaced by a BoundedPrefix
    of its `limit` most frequent words; and what was left out."""
    omitted: list[Omitted] = []

    def visit(sub: query.Query) -> query.Query:
        if type(sub) is not query.Prefix:
            return sub
        words = expansions(reader, sub.fieldname, sub.text)
        if len(words) <= limit:
            return sub
        words.sort(key=lambda wf: (-wf[1], wf[0]))
        kept = sorted(w for w, _f in words[:limit])
        omitted.append(Omitted(sub.text, len(kept), len(words) - len(kept)))
        return BoundedPrefix(sub.fieldname, sub.text, kept, boost=sub.boost,
                             constantscore=sub.constantscore)

    return q.accept(visit), omitted
