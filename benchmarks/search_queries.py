"""Benchmark queries drawn from the corpus by a seeded sampler, so nobody picks them.

A hand-picked list flatters whichever engine it was tuned on. Here every query
comes from the articles themselves: half of the words are drawn by token
frequency (a random word occurrence in the corpus: what common words look like),
half uniformly over a random article's distinct words (names, rare words and the
long tail). Classes, the same number of each:

- term: one word;
- and: two words of the same article (so the pair can match);
- phrase: two consecutive words of an article;
- prefix: the first 2, 3 or 4 letters of a word (in turn), then `*`;

plus the corpus's most frequent bigram of non-stopwords as a phrase (the query
an analyst of the topic types first). Words are alphabetic and not stopwords
(resources/search/stopwords.txt), so both engines see the same intent.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.search.analysis import STOPWORDS

CLASSES = ("term", "and", "phrase", "prefix")
STEMS = (2, 3, 4)
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class BenchQuery:
    cls: str
    origin: str  # "frequency", "uniform" or "top-bigram"
    whoosh: str
    fts5: str


def _words(text: str) -> list[str | None]:
    """The article's whitespace tokens: the word, or None for anything not a plain word
    (punctuation attached, digits, stopwords) so that phrases never span it."""
    out: list[str | None] = []
    for raw in text.split():
        w = raw.lower()
        out.append(w if _WORD.fullmatch(w) and len(w) > 1 and w not in STOPWORDS else None)
    return out


class Sampler:
    """Draws words and word pairs from `texts` (one string per article) with a seeded RNG."""

    def __init__(self, texts: Sequence[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.docs = [_words(t) for t in texts]
        self.occurrences: list[tuple[int, int]] = [
            (d, i) for d, words in enumerate(self.docs) for i, w in enumerate(words) if w]
        self.bigrams: Counter[tuple[str, str]] = Counter()
        for words in self.docs:
            for a, b in zip(words, words[1:], strict=False):
                if a and b:
                    self.bigrams[(a, b)] += 1

    def _position(self, origin: str) -> tuple[int, int]:
        """(document, index) of a word: a random occurrence, or a random word of a random
        document (uniform over its distinct words)."""
        if origin == "frequency":
            return self.rng.choice(self.occurrences)
        while True:
            d = self.rng.randrange(len(self.docs))
            firsts: dict[str, int] = {}
            for i, w in enumerate(self.docs[d]):
                if w and w not in firsts:
                    firsts[w] = i
            if firsts:
                return d, self.rng.choice(sorted(firsts.values()))

    def word(self, origin: str, min_len: int = 2) -> tuple[int, str]:
        while True:
            d, i = self._position(origin)
            w = self.docs[d][i]
            if w and len(w) >= min_len:
                return d, w

    def pair(self, origin: str) -> tuple[str, str]:
        """Two consecutive words (a phrase)."""
        while True:
            d, i = self._position(origin)
            words = self.docs[d]
            if i + 1 < len(words) and words[i] and words[i + 1] and words[i] != words[i + 1]:
                return words[i], words[i + 1]  # type: ignore[return-value]

    def other_word(self, doc: int, not_this: str) -> str:
        """Another word of the same document, uniformly over its occurrences."""
        words = [w for w in self.docs[doc] if w and w != not_this]
        return self.rng.choice(words) if words else not_this

    def top_bigram(self) -> tuple[str, str]:
        return self.bigrams.most_common(1)[0][0]


def sample_queries(texts: Sequence[str], per_class: int = 52, seed: int = 7) -> list[BenchQuery]:
    """`per_class` queries of each class (half by frequency, half uniform), then the
    most frequent bigram as a phrase: 4 * per_class + 1 queries, no duplicates."""
    s = Sampler(texts, seed)
    out: list[BenchQuery] = []
    seen: set[str] = set()
    for cls in CLASSES:
        made = 0
        while made < per_class:
            origin = "frequency" if made % 2 == 0 else "uniform"
            if cls == "term":
                _d, w = s.word(origin)
                q = BenchQuery(cls, origin, w, f'"{w}"')
            elif cls == "and":
                d, a = s.word(origin)
                b = s.other_word(d, a)
                if a == b:
                    continue
                q = BenchQuery(cls, origin, f"{a} {b}", f'"{a}" "{b}"')
            elif cls == "phrase":
                a, b = s.pair(origin)
                q = BenchQuery(cls, origin, f'"{a} {b}"', f'"{a} {b}"')
            else:
                stem = STEMS[made % len(STEMS)]
                _d, w = s.word(origin, min_len=stem + 1)
                q = BenchQuery(f"{cls}", origin, f"{w[:stem]}*", f"{w[:stem]}*")
            if q.whoosh in seen:
                continue
            seen.add(q.whoosh)
            out.append(q)
            made += 1
    a, b = s.top_bigram()
    out.append(BenchQuery("phrase", "top-bigram", f'"{a} {b}"', f'"{a} {b}"'))
    return out
