"""Compile perspective cues into a gazetteer matcher.

One regular expression per perspective set, longest cue first, so "South Korean" beats
"Korean" and "Ukrainian military intelligence" beats "Ukrainian". Matching is
case-insensitive on whole words, except for short all-capital acronyms ("US", "UK",
"EU", "NIS"), which must be written in capitals so that the pronoun "us" never counts.
A cue also matches its possessive ("Budanov's", "Ukraine's") and a title before a
surname ("Mr Budanov", "Gen. Budanov") is simply text around the cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.models import Perspective

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def normalise(text: str) -> str:
    """Same-length copy of text with typographic apostrophes made plain (offsets kept)."""
    return text.translate(_APOSTROPHES)


@dataclass(frozen=True)
class CueMatch:
    """One cue found in a text: where, which cue, and the perspective it signals."""

    start: int
    end: int
    cue: str  # the cue as defined (e.g. "Budanov")
    key: str  # perspective key


_RUNS = re.compile(r"[^\W_]+")


def _head(cue: str) -> str:
    m = _RUNS.search(cue)
    return m.group().lower() if m else ""


def _is_acronym(cue: str) -> bool:
    letters = cue.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def _pattern(cue: str) -> str:
    body = re.escape(normalise(cue)).replace(r"\ ", r"\s+")
    tail = r"(?:'s|')?" if not cue.endswith("'s") else ""
    return rf"(?<![\w'-]){body}{tail}(?![\w]|-\w)"  # not "Russian-born"


class CueMatcher:
    """Finds perspective cues in short texts (speaker spans)."""

    def __init__(self, perspectives: Iterable[Perspective]) -> None:
        self.owner: dict[str, str] = {}
        folded: dict[str, tuple[str, str]] = {}
        exact: dict[str, tuple[str, str]] = {}
        for p in perspectives:
            for cue in p.cues:
                cue = cue.strip()
                if not cue:
                    continue
                target = exact if _is_acronym(cue) else folded
                norm = normalise(cue) if target is exact else normalise(cue).lower()
                # First perspective to claim a cue keeps it (display order decides).
                target.setdefault(norm, (p.key, cue))
                self.owner.setdefault(norm.lower(), p.key)
        self._folded = folded
        self._exact = exact
        # First letters-run of every cue ("u" for "U.S.", "jean" for "Jean-Pierre"): the
        # patterns are only tried where such a run begins (fast path).
        self._heads = frozenset(_head(c) for c in [*folded, *exact])
        # One pattern per head word: at a place only the cues that begin with its word
        # are tried ("Kim" tries the Kims, not every cue).
        self._rx_folded = self._by_head(folded, re.IGNORECASE)
        self._rx_exact = self._by_head(exact, 0)

    @classmethod
    def _by_head(cls, cues: dict[str, tuple[str, str]],
                 flags: int) -> dict[str, re.Pattern[str]]:
        groups: dict[str, dict[str, tuple[str, str]]] = {}
        for cue, hit in cues.items():
            groups.setdefault(_head(cue), {})[cue] = hit
        out: dict[str, re.Pattern[str]] = {}
        for head, group in groups.items():
            rx = cls._compile(group, flags)
            if rx is not None:
                out[head] = rx
        return out

    @staticmethod
    def _compile(cues: dict[str, tuple[str, str]], flags: int) -> re.Pattern[str] | None:
        if not cues:
            return None
        ordered = sorted(cues, key=lambda c: (-len(c), c))
        return re.compile("|".join(f"(?:{_pattern(c)})" for c in ordered), flags)

    def _lookup(self, found: str, exact: bool) -> tuple[str, str] | None:
        """(cue, key) for the matched text, without the possessive ending."""
        candidates = [found]
        if found.endswith("'s"):
            candidates.append(found[:-2])
        if found.endswith("'"):
            candidates.append(found[:-1])
        for cand in candidates:
            norm = re.sub(r"\s+", " ", cand)
            hit = self._exact.get(norm) if exact else self._folded.get(norm.lower())
            if hit is not None:
                return hit[1], hit[0]
        return None

    def prefix(self, word: str, shortest: int = 4) -> tuple[str, str] | None:
        """(key, cue) of the longest one-word cue a glued word opens with ("yonhapnews" ->
        Yonhap, "kyivindependent" -> Kyiv), for handles that run words together."""
        low = normalise(word).lower()
        best: tuple[str, str] | None = None
        for cue, hit in self._folded.items():
            if len(cue) >= shortest and " " not in cue and low.startswith(cue) and (
                    best is None or len(cue) > len(best[1])):
                best = hit
        return best

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        """Cue matches in text[start:end], longest first at each place, in text order.

        Fast path: the patterns are tried only where a word that starts some cue begins
        (most spans hold none), not scanned over the whole span.
        """
        end = len(text) if end is None else end
        # Normalise only the span (plus one character of left context for the word-boundary
        # look-behind): callers pass whole articles with short spans.
        lo = max(0, start - 1)
        norm = normalise(text[lo:end])
        heads = self._heads
        places = [(m.start(), m.group().lower()) for m in _RUNS.finditer(norm, start - lo, end - lo)
                  if m.group().lower() in heads]
        found: list[CueMatch] = []
        for by_head, exact in ((self._rx_exact, True), (self._rx_folded, False)):
            for pos, head in places:
                rx = by_head.get(head)
                if rx is None:
                    continue
                m = rx.match(norm, pos, end - lo)
                if m is None:
                    continue
                hit = self._lookup(m.group(), exact)
                if hit is not None:
                    found.append(CueMatch(m.start() + lo, m.end() + lo, hit[0], hit[1]))
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        # Keep the longest of overlapping matches ("South Korean" over "Korean").
        kept: list[CueMatch] = []
        for c in found:
            if kept and c.start < kept[-1].end:
                if c.end - c.start > kept[-1].end - kept[-1].start:
                    kept[-1] = c
                continue
            kept.append(c)
        return kept


@lru_cache(maxsize=32)
def _cached(signature: tuple[tuple[str, tuple[str, ...]], ...]) -> CueMatcher:
    return CueMatcher(Perspective(key=k, name=k, colour="#000000", cues=list(c))
                      for k, c in signature)


def matcher_for(perspectives: Iterable[Perspective]) -> CueMatcher:
    """A (cached) matcher for these perspectives and their current cues."""
    signature = tuple((p.key, tuple(p.cues)) for p in perspectives)
    return _cached(signature)
