"""A faster exact-phrase query for Whoosh.

Whoosh's Phrase checks word adjacency through generic span objects built in
Python for every candidate document (SpanNear2), which made phrases the slowest
queries on the benchmark. For the common case (exact phrase, slop 1) the check
here is one set intersection of shifted positions per word, done in C.
"""

from __future__ import annotations

from whoosh import matching, query
from whoosh.query.spans import Span, SpanNear2


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
        m = _AdjacentMatcher([t.matcher(searcher, sub) for t in terms])
        if self.boost != 1.0:
            m = matching.WrappingMatcher(m, boost=self.boost)
        return m


def exact_phrases(q: query.Query) -> query.Query:
    """For Query.accept(): swap the parser's Phrase objects for ExactPhrase."""
    if type(q) is query.Phrase:
        return ExactPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost,
                           char_ranges=q.char_ranges)
    return q
