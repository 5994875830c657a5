"""Make any article text safe for XML-based formats (docx) and UTF-8 files.

python-docx raises ValueError on C0 control characters (other than tab, newline,
carriage return), U+FFFE/U+FFFF and lone surrogates, and leaves an empty
paragraph behind when it does; a single text node over ~10 MB saves but cannot
be reopened. Everything that reaches a writer passes through `clean_text` first.
"""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (tab, LF and CR are allowed), plus U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
# Vertical tab and form feed separate words: keep them as a space.
_SPACING = re.compile("[\x0b\x0c]")
# In a Python str a surrogate code point is always unpaired (pairs decode to one char).
_SURROGATE = re.compile("[\ud800-\udfff]")

MAX_NODE_CHARS = 1_000_000  # far below the ~10 MB node that python-docx cannot reopen
TRUNCATION_MARK = " […] [{omitted:,} characters omitted from this export]"


def clean_text(text: str | None, limit: int = MAX_NODE_CHARS) -> str:
    """`text` with forbidden characters removed, lone surrogates as U+FFFD, capped at `limit`."""
    if not text:
        return ""
    if _FORBIDDEN.search(text):
        text = _FORBIDDEN.sub("", text)
    if _SPACING.search(text):
        text = _SPACING.sub(" ", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if len(text) > limit:
        text = text[:limit] + TRUNCATION_MARK.format(omitted=len(text) - limit)
    return text


def was_truncated(original: str | None, limit: int = MAX_NODE_CHARS) -> bool:
    """True when `clean_text` would cut this text short."""
    return bool(original) and len(original) > limit  # type: ignore[arg-type]


def one_line(text: str | None) -> str:
    """Clean text with runs of whitespace (newlines included) folded to one space."""
    return " ".join(clean_text(text).split())
