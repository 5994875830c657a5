"""Shortening a quote or a line for a message, a list or an undo step."""

from __future__ import annotations


def elide(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the last one an ellipsis when it was longer."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
