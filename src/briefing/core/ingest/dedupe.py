"""Near-duplicate detection: the same article under different page furniture.

Each article gets a bottom-k sketch of its word 5-shingles (stored in
article_sketch). A new article's sketch finds candidates with one indexed
query; a candidate is a duplicate when the shingle containment of the two
cleaned texts is at least CONTAINMENT.
"""

from __future__ import annotations

import hashlib
import re
import zlib

SHINGLE = 5
SKETCH_SIZE = 64
MIN_SHARED = 8
CONTAINMENT = 0.85

_WORD = re.compile(r"\w+")


def text_hash(text: str) -> str:
    """Digest of the cleaned text with whitespace and case folded."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
            for i in range(len(words) - SHINGLE + 1)}


def sketch(shingle_set: set[int]) -> list[int]:
    return sorted(shingle_set)[:SKETCH_SIZE]


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller text's shingles found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
