"""Counting words in any script: thresholds hold for languages written without spaces.

Chinese and Japanese run their words together, so `\\w+` sees a whole clause as one
word and a short story would be refused as "only 4 words left". A run of Han or kana
characters counts as one word per CHARS_PER_WORD characters (about the length of a
Chinese word), so every threshold in words is in effect one in characters for them.
"""

from __future__ import annotations

import re
from functools import lru_cache

CHARS_PER_WORD = 2
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"\w+")


_CACHED_UP_TO = 2000  # characters: lines and paragraphs, not whole articles


def word_count(text: str) -> int:
    """Words in `text`, counting unspaced scripts (Chinese, Japanese) by characters."""
    if len(text) <= _CACHED_UP_TO:
        return _line_word_count(text)
    return _count(text)


@lru_cache(maxsize=4096)  # cleaning and metadata ask about the same lines several times
def _line_word_count(text: str) -> int:
    return _count(text)


def _count(text: str) -> int:
    if _UNSPACED.search(text) is None:
        return len(_WORD.findall(text))
    chars = sum(len(run) for run in _UNSPACED.findall(text))
    rest = _UNSPACED.sub(" ", text)
    return len(_WORD.findall(rest)) + -(-chars // CHARS_PER_WORD)
