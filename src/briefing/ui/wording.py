"""Counts as a reader says them: "1 highlight", "3 highlights" — not "3 highlight(s)"."""

from __future__ import annotations


def count(n: int, word: str, plural: str | None = None) -> str:
    """`n` and the word in the number it takes ("1 source", "0 sources", "2 speeches")."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"
