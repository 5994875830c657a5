"""How a highlighted passage is quoted in the note.

Two rules of quoting a manager expects (issue 10, item 6):

* a passage that itself contains a quotation shows the inner quotation in single marks,
  because the note wraps every passage in double ones;
* a passage cut before its sentence's end (or begun after its start) says so with an
  ellipsis, never silently: the analyst chose part of a sentence, the reader must see it.

Whether a cut happened is read from the highlight's stored context (`prefix`, `suffix`:
the text just before and after it in the article), so no article text is needed.
"""

from __future__ import annotations

import re

from briefing.core.models import Highlight

ELLIPSIS = "\u2026"
_TERMINAL = ".!?\u2026"
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
# Text before a passage that ends a sentence (or opens a quotation / a new line) means the
# passage starts at a sentence's start.
_STARTERS = _TERMINAL + ":;\n\u201c\u2018\"'(\u00ab\u2014\u2013-"
_SUFFIX_PUNCT = re.compile(r"^[.!?\u2026]+(?=[\s\"'\u201d\u2019)\]]|$)")


def nest_quotation_marks(text: str) -> str:
    """Double quotation marks inside the passage become single ones (“a” -> ‘a’).

    Straight double quotes are read as opening after a space, a bracket or the start,
    else as closing. Single marks and apostrophes are left as they are.
    """
    out = []
    for i, ch in enumerate(text):
        if ch == "\u201c":
            out.append("\u2018")
        elif ch == "\u201d":
            out.append("\u2019")
        elif ch == '"':
            before = text[i - 1] if i else " "
            out.append("\u2018" if before.isspace() or before in "([{\u2014\u2013-/" else "\u2019")
        else:
            out.append(ch)
    return "".join(out)


def cut_at_start(quote: str, prefix: str) -> bool:
    """Does the passage begin after its sentence's start?"""
    first = quote.lstrip()[:1]
    if not first:
        return False
    if first.islower():
        return True
    before = prefix.rstrip(" \t\u00a0")
    if not before:  # the article (or the stored context) starts here
        return False
    return before[-1] not in _STARTERS


def end_completion(quote: str, suffix: str) -> tuple[bool, str]:
    """(cut, punctuation to add): is the passage cut before its sentence's end?

    A passage that stops just short of its full stop gets the stop added rather than an
    ellipsis ("…in Kursk" followed by ". Officials" -> "…in Kursk.").
    """
    body = quote.rstrip()
    stripped = body.rstrip(_CLOSERS)
    if not stripped or stripped[-1] in _TERMINAL:
        return False, ""
    if not suffix or suffix[:1] in "\n\r" or not suffix.strip():
        return False, ""  # the paragraph ends here: a heading, a list line, a caption
    punct = _SUFFIX_PUNCT.match(suffix)
    if punct:
        return False, punct.group(0)
    return True, ""


def display_quote(h: Highlight) -> str:
    """The passage as the note quotes it (without the outer double marks)."""
    if not h.quote.strip():
        return h.quote
    cut_end, add = end_completion(h.quote, h.suffix)
    start_cut = cut_at_start(h.quote, h.prefix)
    text = nest_quotation_marks(h.quote)  # whitespace kept: the writers strip it
    if start_cut:
        text = ELLIPSIS + text.lstrip()
    if cut_end:
        text = text.rstrip().rstrip(",;:\u2014\u2013- ") + ELLIPSIS
    elif add:
        text = text.rstrip() + add
    return text
