"""Where a query matched in an article's cleaned text, and a short marked snippet around it.

Offsets are found by running the index's own tokenizer over the text, so
they agree with what Whoosh matched: a term lights every word with that stem,
a prefix every word starting with it, a phrase the whole run of words. No
limit on text length (Whoosh's highlighter gives up after 32K characters).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from whoosh import query

from briefing.core.search import languages
from briefing.core.search.analysis import TOKEN_RE, iter_terms, term_of, token_term
from briefing.core.search.prefix import BoundedPrefix
from briefing.core.search.schema import TEXT_FIELDS
from briefing.core.search.types import MARK_CLOSE, MARK_OPEN

SNIPPET_CHARS = 200
_LEAD = 60  # characters shown before the first match in the snippet


@dataclass
class TermMatcher:
    """The parts of a query that light words up in the text."""

    terms: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    _regex: tuple[re.Pattern[str], re.Pattern[str]] | None = field(default=None, repr=False)
    _special: bool | None = field(default=None, repr=False)
    _scripts: tuple[re.Pattern[str], ...] | None = field(default=None, repr=False)

    @classmethod
    def from_query(cls, q: query.Query) -> TermMatcher:
        m = cls()
        prefixes: list[str] = []
        _collect(q, m, prefixes)
        m.prefixes = tuple(prefixes)
        return m

    def spans(self, text: str, language: str | None = None) -> list[tuple[int, int]]:
        """Sorted, non-overlapping [start, end) spans of every match in `text`.

        `language` (the article's, when known) spares scanning a Latin-script article for
        Cyrillic, Hangul or Han words."""
        if not text or not (self.terms or self.prefixes or self.patterns or self.phrases):
            return []
        if self.patterns or (self._other_scripts() and languages.may_hold_special(language)
                             and languages.is_special(text)):
            return self._scan_all(text)  # several terms per word: analyse every token
        found: list[tuple[int, int]] = []
        starts = self._phrase_starts()
        scripts = self._query_scripts()
        for m in self._prefilter(text.isascii()).finditer(text):
            tok = TOKEN_RE.match(text, m.start())
            if tok is None:
                continue
            if scripts and _in_scripts(tok.group(), scripts):
                # a word quoted in another script (국정원은 in an English story): analysed
                # as the index did, each of its terms lit on its own letters
                base = tok.start()
                found.extend((base + s, base + e) for t, s, e in
                             languages.light_terms(tok.group(), term_of) if t in self.terms)
                continue
            term, surface = token_term(tok)
            if term is None:
                continue
            if term in self.terms or (self.prefixes and surface.startswith(self.prefixes)):
                found.append((tok.start(), tok.end()))
            for words in starts.get(term, ()):
                end = _phrase_end(text, tok.end(), words[1:])
                if end is not None:
                    found.append((tok.start(), end))
        return _merge(found)

    def _other_scripts(self) -> bool:
        """The query has a term in Cyrillic, Hangul or Han script: only then can words in
        those scripts match, and the text needs the slow per-token analysis."""
        if self._special is None:
            words = [*self.terms, *(w for p in self.phrases for w in p), *self.prefixes]
            self._special = any(languages.is_special(w) for w in words)
        return self._special

    def _query_scripts(self) -> tuple[re.Pattern[str], ...]:
        """The scripts (Cyrillic, Hangul, Han) of the query's terms: words of those scripts
        in a Latin-script article are analysed per script when lit (only those, so an
        alias in Cyrillic never loads the Korean model for a Korean word in the text)."""
        if self._scripts is None:
            words = [*self.terms, *self.prefixes] if self._other_scripts() else []
            self._scripts = tuple(
                script for script in (languages.CYRILLIC, languages.HANGUL, languages.HAN)
                if any(script.search(w) for w in words))
        return self._scripts

    def _phrase_starts(self) -> dict[str, list[tuple[str, ...]]]:
        starts: dict[str, list[tuple[str, ...]]] = {}
        for words in self.phrases:
            starts.setdefault(words[0], []).append(words)
        return starts

    def _prefilter(self, ascii_only: bool) -> re.Pattern[str]:
        """A regex finding every token that could match (cheap: runs in C over the text).

        Snowball stems keep all but (at most) their last letter as a prefix of the
        word ("countri" <- "country"), so a word is a candidate when it starts with
        its stem minus one letter. Words with non-ASCII letters are always
        candidates (accent folding), figures too when a figure is sought.
        """
        if self._regex is None:
            alts: set[str] = set()
            for t in {*self.terms, *(w[0] for w in self.phrases)}:
                if t[:1].isdigit():
                    alts.add(r"\d")
                else:
                    alts.add(re.escape(t[:max(1, len(t) - 1)]))
            for p in self.prefixes:
                alts.add(r"\d" if p[:1].isdigit() else re.escape(p))
            head = r"(?<![\w'’])(?<!\d[,.\u00a0\u2009\u202f])(?:"
            ascii_alts = "|".join(sorted(alts))
            self._regex = (re.compile(head + ascii_alts + ")", re.IGNORECASE),
                           re.compile(head + ascii_alts + r"|[\w']*[^\W\d_\x00-\x7f])",
                                      re.IGNORECASE))
        return self._regex[0] if ascii_only else self._regex[1]

    def _scan_all(self, text: str) -> list[tuple[int, int]]:
        """Slow path for wildcard patterns: analyse every token."""
        found: list[tuple[int, int]] = []
        tokens = list(iter_terms(text, load=False))  # the query loaded what it needed
        terms, prefixes, patterns = self.terms, self.prefixes, self.patterns
        for term, surface, s, e in tokens:
            if (term in terms or (prefixes and surface.startswith(prefixes))
                    or any(p.fullmatch(surface) for p in patterns)):
                found.append((s, e))
        if self.phrases:
            found.extend(_phrase_spans(tokens, self.phrases))
        return _merge(found)


def _in_scripts(word: str, scripts: tuple[re.Pattern[str], ...]) -> bool:
    return any(script.search(word) for script in scripts)


def _phrase_end(text: str, pos: int, rest: tuple[str, ...]) -> int | None:
    """End offset of the phrase continuing at `pos` with terms `rest`, or None."""
    end = pos
    i = 0
    for tok in TOKEN_RE.finditer(text, pos):
        if i == len(rest):
            break
        term, _surface = token_term(tok)
        if term is None:
            continue  # stop words are not indexed: the phrase skips them too
        if term != rest[i]:
            return None
        end = tok.end()
        i += 1
    return end if i == len(rest) else None


def _collect(q: query.Query, m: TermMatcher, prefixes: list[str]) -> None:
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        _collect(q.a, m, prefixes)
        return
    fieldname = getattr(q, "fieldname", None)
    if isinstance(q, query.Phrase):
        if fieldname in TEXT_FIELDS and q.words:
            if len(q.words) == 1:
                m.terms.add(q.words[0])
            else:
                m.phrases.append(tuple(q.words))
        return
    if isinstance(q, BoundedPrefix):  # light only the words searched, not the left-out ones
        if fieldname in TEXT_FIELDS:
            m.terms.update(q.kept_words())
        return
    if isinstance(q, query.Prefix):
        if fieldname in TEXT_FIELDS and q.text:
            prefixes.append(q.text)
        return
    if isinstance(q, query.Wildcard):
        if fieldname in TEXT_FIELDS and q.text:
            m.patterns.append(re.compile(fnmatch.translate(q.text)))
        return
    if isinstance(q, query.Term):
        if fieldname in TEXT_FIELDS and isinstance(q.text, str):
            m.terms.add(q.text)
        return
    if not q.is_leaf():
        for child in q.children():
            _collect(child, m, prefixes)


def _phrase_spans(tokens: list[tuple[str, str, int, int]], phrases: list[tuple[str, ...]]
                  ) -> list[tuple[int, int]]:
    """Spans of each phrase; terms of one word (same start) share a position, as indexed."""
    out: list[tuple[int, int]] = []
    slots: list[tuple[set[str], int, int]] = []  # (terms, start, end) per position
    for term, _surface, s, e in tokens:
        if slots and slots[-1][1] == s:
            slots[-1][0].add(term)
            slots[-1] = (slots[-1][0], s, max(e, slots[-1][2]))
        else:
            slots.append(({term}, s, e))
    for words in phrases:
        n = len(words)
        first = words[0]
        for i, (terms, s, _e) in enumerate(slots):
            if (first in terms and i + n <= len(slots)
                    and all(words[k] in slots[i + k][0] for k in range(1, n))):
                out.append((s, slots[i + n - 1][2]))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _best_start(spans: list[tuple[int, int]], text: str) -> int:
    """Start of the window holding the most distinct matched words (earliest on ties)."""
    best, best_score = spans[0][0], -1
    j = 0
    for i, (s, _e) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] <= s + SNIPPET_CHARS - _LEAD:
            j += 1
        words = {text[a:b].lower() for a, b in spans[i:j + 1]}
        score = len(words) * 100 + (j - i)
        if score > best_score:
            best, best_score = s, score
        if i > 200:  # enough: very long articles with many hits
            break
    return best


def snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]], bool, bool]:
    """(excerpt, spans within it, cut at start, cut at end) of about SNIPPET_CHARS characters."""
    if not text:
        return "", [], False, False
    if spans:
        first = _best_start(spans, text)
        start = max(0, first - _LEAD)
        if start:
            space = text.find(" ", start, first)
            start = space + 1 if space != -1 else start
    else:
        start = 0
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start + SNIPPET_CHARS // 2, end)
        end = space if space != -1 else end
        for s, e in spans:  # never cut a match in half
            if s < end < e:
                end = e
    inner = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    excerpt = _flat(text[start:end])
    return excerpt, inner, start > 0, end < len(text)


def _flat(text: str) -> str:
    """Line breaks and tabs as spaces (same length, so spans stay valid)."""
    return text.translate({10: 32, 13: 32, 9: 32, 0x2028: 32, 0x2029: 32})


def marked(excerpt: str, spans: list[tuple[int, int]], cut_start: bool, cut_end: bool) -> str:
    """The excerpt with « » around each match and … where it was cut."""
    parts: list[str] = ["…" if cut_start else ""]
    pos = 0
    for s, e in spans:
        parts.append(excerpt[pos:s])
        parts.append(MARK_OPEN + excerpt[s:e] + MARK_CLOSE)
        pos = e
    parts.append(excerpt[pos:])
    parts.append("…" if cut_end else "")
    return "".join(parts)
