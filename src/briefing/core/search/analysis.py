"""Turning text into index terms: one fused tokenizer for indexing, queries and hit offsets.

Words are lower-cased, NFC-normalised and accent-folded ("café" finds "cafe"),
then stemmed with the Snowball English stemmer from PyStemmer (not Whoosh's
Porter: "run" must find "running"). Figures keep their digit groups together and
drop the thousands separators, so "15,000" and "15000" are the same term.
Decimals keep their point ("1.5" is not "15"). A short stop list
(resources/search/stopwords.txt) is left out of the index.

The same `iter_terms` feeds the Whoosh analyzer and the hit-offset finder, so
offsets in the cleaned text always agree with what the index matched.

Words in Cyrillic, Hangul or Han script are analysed per script (search/languages.py):
one word may give several terms (a stem and a lemma at the same position; a Korean
noun without its particle; Chinese words and bigrams), each with its own offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import Stemmer
from whoosh.analysis import Token, Tokenizer

from briefing.core.resources import resource
from briefing.core.search import languages

# Combining marks count as part of a word so decomposed accents ("e" + U+0301) do not split it.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_GROUP_SEP = ",\u00a0\u2009\u202f"
TOKEN_RE = re.compile(
    rf"(?P<num>\d{{1,3}}(?:[{_GROUP_SEP}]\d{{3}})+(?:\.\d+)?(?!\d)(?![{_GROUP_SEP}]\d)|\d+(?:\.\d+)?)"
    rf"|(?P<word>[\w{_MARKS}]+(?:['’][\w{_MARKS}]+)*)"
)
_SEP_RE = re.compile(f"[{_GROUP_SEP}]")

_stemmer = Stemmer.Stemmer("english")
_stemmer.maxCacheSize = 50000


def _load_stopwords() -> frozenset[str]:
    try:
        lines = resource("search", "stopwords.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


STOPWORDS = _load_stopwords()


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lower-case, NFC, accents removed, curly apostrophe made straight."""
    w = word.lower()
    if w.isascii():
        return w
    w = unicodedata.normalize("NFKD", w.replace("’", "'"))
    w = "".join(c for c in w if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", w)


@lru_cache(maxsize=200_000)
def term_of(word: str) -> str | None:
    """The index term for one word token (None for a stop word)."""
    w = fold(word)
    if w in STOPWORDS:
        return None
    return _stemmer.stemWord(w)


def number_term(raw: str) -> str:
    return _SEP_RE.sub("", raw)


def token_term(m: re.Match[str]) -> tuple[str | None, str]:
    """(term or None for a stop word, folded surface form) of one TOKEN_RE match."""
    num = m.group("num")
    if num is not None:
        t = number_term(num)
        return t, t
    word = m.group("word")
    return term_of(word), fold(word)


def iter_terms(text: str, load: bool = True) -> Iterator[tuple[str, str, int, int]]:
    """(term, folded surface form, start, end) for each indexed token of `text`.

    The folded surface form (unstemmed) serves prefix and wildcard matching. With `load`
    false, words in a script whose model is not loaded get model-free terms
    (languages.light_terms): for lighting hits, never for the index.
    """
    for m in TOKEN_RE.finditer(text):
        num = m.group("num")
        if num is not None:
            t = number_term(num)
            yield t, t, m.start(), m.end()
            continue
        word = m.group("word")
        if languages.SPECIAL.search(word):
            base = m.start()
            analyse = languages.terms if load else languages.light_terms
            for t, s, e in analyse(word, term_of):
                yield t, t, base + s, base + e
            continue
        term = term_of(word)
        if term is not None:
            yield term, fold(word), m.start(), m.end()


_term_cache: dict[str, str] = {}
_special_cache: dict[str, list[tuple[str, int, int]]] = {}
_STOPPED = ""  # cached term of a stop word, or of a word in a script analysed per language


def index_terms(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of every indexed token: the hot loop of indexing, kept lean."""
    cache = _term_cache
    out: list[tuple[str, int, int]] = []
    append = out.append
    for m in TOKEN_RE.finditer(text):
        w = m.group()
        if m.lastindex == 1:  # a figure
            t = w if w.isdigit() else _SEP_RE.sub("", w)
        else:
            known = cache.get(w)
            if known is None:
                if languages.SPECIAL.search(w):
                    _special_cache[w] = languages.terms(w, term_of)
                    known = _STOPPED
                else:
                    known = term_of(w) or _STOPPED
                if len(cache) > 500_000:
                    cache.clear()
                    _special_cache.clear()
                cache[w] = known
            t = known
            if not t:
                special = _special_cache.get(w)
                if special:  # several terms, each with its offsets within the word
                    s = m.start()
                    out.extend((term, s + a, s + b) for term, a, b in special)
                continue
        s, e = m.span()
        append((t, s, e))
    return out


def query_groups(text: str, library: frozenset[str] | None = None
                 ) -> list[list[tuple[str, ...]]]:
    """A query word's groups of alternative term sets (see languages.query_groups), for
    text holding Cyrillic, Hangul or Han letters; other tokens give one term each."""
    groups: list[list[tuple[str, ...]]] = []
    for m in TOKEN_RE.finditer(text):
        num = m.group("num")
        if num is not None:
            groups.append([(number_term(num),)])
        elif languages.SPECIAL.search(m.group()):
            groups.extend(g for g in languages.query_groups(m.group(), term_of, library) if g)
        else:
            term = term_of(m.group())
            if term is not None:
                groups.append([(term,)])
    return groups


_last: tuple[str, list[tuple[str, int, int]]] = ("", [])


def terms_cached(value: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of `value`; the last long value is remembered (a writer may
    analyse the same text for more than one field)."""
    global _last
    cached = _last
    if cached[0] is value:
        return cached[1]
    terms = index_terms(value)
    if len(value) > 256:
        _last = (value, terms)
    return terms


class BriefingTokenizer(Tokenizer):
    """Whoosh tokenizer doing the whole analysis in one pass (fast: no filter chain)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: object) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        pos = start_pos - 1
        last = -1
        query_mode = mode == "query"
        for term, s, e in terms_cached(value):
            if s == last:  # another term for the same word (a lemma beside a stem)
                if query_mode:
                    continue
            else:
                pos += 1
                last = s
            t.text = term
            t.boost = 1.0
            if keeporiginal:
                t.original = value[s:e]
            t.stopped = False
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + s
                t.endchar = start_char + e
            yield t


def analyzer() -> BriefingTokenizer:
    """The analyzer for every prose field (title, body, publisher, authors, tags, ...)."""
    return BriefingTokenizer()
