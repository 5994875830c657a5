"""Split text into sentences with character offsets.

Why not a library: we need exact offsets into the article's cleaned text (highlights are
anchored by them), no model downloads, and robustness to news abbreviations ("Mr.",
"U.S.", "Dec. 5", "George W. Bush") and to quotations that contain several sentences.
Paragraphs are separated by blank lines, or by a single line break after a line that
ends a sentence (scraped text often has one paragraph per line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "prof", "rev", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc",
    "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "fig", "approx", "est", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "ave", "bros", "pres", "sec", "cmdr",
})
MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                    "nov", "dec"})
OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
_END = re.compile(r"[.!?…]+[\"”’'»)\]]*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_TERMINAL = tuple(".!?:\"”’'»)…")
_LINE = re.compile(r"[^\n]+")
# Footnote markers ending a text ("...spring.[4]", "...spring.¹"), and with emphasis
# closers ("**...**"): the sentence still ends at the mark before them.
_MARKS = r"\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
MARKERS = re.compile(rf"(?:{_MARKS})+$")
TRAILER = re.compile(rf"(?:{_MARKS}|\*\*|\*|__)+$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into the full text, and its paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: split on blank lines and on sentence-final line ends."""
    spans: list[tuple[int, int]] = []
    para_start: int | None = None
    prev_end = 0
    for m in _LINE.finditer(text):
        line = m.group().rstrip()
        if para_start is not None and text.count("\n", prev_end, m.start()) >= 2:
            spans.append(_strip_span(text, para_start, prev_end))
            para_start = None
        prev_end = m.end()
        if not line.strip():
            if para_start is not None:
                spans.append(_strip_span(text, para_start, m.start()))
                para_start = None
            continue
        if para_start is None:
            para_start = m.start()
        if line.endswith(_TERMINAL) or len(line.strip()) < 60:
            spans.append(_strip_span(text, para_start, m.end()))
            para_start = None
    if para_start is not None:
        spans.append(_strip_span(text, para_start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_break(para: str, match: re.Match[str], inside_quote: bool) -> bool:
    """Does this run of terminal punctuation end a sentence?"""
    end = match.end()
    rest = para[end:]
    if not rest or not rest[0].isspace():
        return False
    nxt = rest.lstrip()
    if not nxt:
        return True
    first = nxt[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'«(["):
        return False
    punct = match.group()
    if punct.startswith(".") and len(punct.rstrip("\"”’'»)]")) == 1:
        before = _WORD_BEFORE.search(para, max(0, match.start() - 40), match.start())
        word = before.group(1).lower() if before else ""
        if word.rstrip(".") in ABBREVIATIONS:
            if word in MONTHS and first.isdigit():
                return False
            if word not in ("u.s", "u.k", "u.n", "e.u", "etc", "inc", "ltd", "co", "corp"):
                return False
            # "U.S." ends a sentence only if a clear sentence opener follows.
            return bool(re.match(r"(The|A|An|But|And|In|It|He|She|They|This|That)\b", nxt))
        if len(word) == 1 and word.isalpha() and before and before.group(1).isupper():
            return False  # an initial: "George W. Bush"
    return not inside_quote


def split_paragraph(text: str, start: int, end: int, number: int) -> list[Sentence]:
    """Sentences of one paragraph text[start:end]."""
    para = text[start:end]
    out: list[Sentence] = []
    sent_start = 0
    depth = 0
    scan = 0
    for m in _END.finditer(para):
        # Track whether we are inside a curly or straight double quotation.
        chunk = para[scan:m.end()]
        for ch in chunk:
            if ch in OPEN_QUOTES:
                depth += 1
            elif ch in CLOSE_QUOTES:
                depth = max(0, depth - 1)
            elif ch == '"':
                depth = 0 if depth else 1
        scan = m.end()
        inside = depth > 0 and _quote_closes(para, m.end())
        if _is_break(para, m, inside):
            out.append(_make(text, start + sent_start, start + m.end(), number))
            sent_start = m.end()
            depth = 0
    if para[sent_start:].strip():
        out.append(_make(text, start + sent_start, end, number))
    return [s for s in out if s.text]


def _quote_closes(para: str, pos: int) -> bool:
    """A quotation left open here closes later in the paragraph (else it is a stray mark)."""
    return any(c in para[pos:pos + 800] for c in CLOSE_QUOTES + '"')


def _make(text: str, start: int, end: int, number: int) -> Sentence:
    start, end = _strip_span(text, start, end)
    return Sentence(start, end, text[start:end], number)


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, in order, with offsets into `text`."""
    out: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs(text)):
        out.extend(split_paragraph(text, start, end, number))
    return out
