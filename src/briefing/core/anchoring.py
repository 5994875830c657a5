"""W3C text selectors for highlights, and re-anchoring them when the text changes.

A highlight stores a TextPositionSelector (start, end) and a TextQuoteSelector
(exact quote, prefix, suffix). When an article's cleaned text changes, the
position is tried first, then the quote is searched for and the occurrence
whose context agrees best wins; a whitespace-tolerant search catches re-flowed
text. If nothing fits, the highlight is orphaned (kept, never dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Selectors for text[start:end]; raises ValueError on an empty or out-of-range span."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}-{end} is outside the text (length {len(text)})")
    return Anchor(start, end, text[start:end], text[max(0, start - context):start],
                  text[end:end + context])


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """First place `quote` occurs in `text`, exactly or ignoring whitespace differences."""
    idx = text.find(quote)
    if idx >= 0:
        return idx, idx + len(quote)
    spans = _fuzzy_spans(text, quote)
    return spans[0] if spans else None


def _whitespace_pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _fuzzy_spans(text: str, quote: str) -> list[tuple[int, int]]:
    pattern = _whitespace_pattern(quote)
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _common_suffix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def reanchor(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchored passage is in `text` now, or None if it cannot be placed."""
    if text[anchor.start:anchor.end] == anchor.quote and anchor.quote:
        return anchor.start, anchor.end
    candidates: list[tuple[int, int]] = []
    idx = text.find(anchor.quote) if anchor.quote else -1
    while idx >= 0:
        candidates.append((idx, idx + len(anchor.quote)))
        idx = text.find(anchor.quote, idx + 1)
    if not candidates:
        candidates = _fuzzy_spans(text, anchor.quote)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]

    def score(span: tuple[int, int]) -> tuple[int, int]:
        s, e = span
        context = (_common_suffix_len(text[max(0, s - len(anchor.prefix)):s], anchor.prefix)
                   + _common_prefix_len(text[e:e + len(anchor.suffix)], anchor.suffix))
        return context, -abs(s - anchor.start)

    return max(candidates, key=score)
