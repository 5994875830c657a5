"""Per-language additions to the cleaning and metadata rules (resources/cleaning/languages/).

Each file there (uk.toml, ru.toml, ko.toml, zh.toml, ...) holds one language's cues in
tables named after the rule file they extend: [metadata...] for metadata.toml (month
names, date labels, bylines), [boilerplate...] for boilerplate.toml (furniture) and
[publishers...] for publishers.toml. They are merged into the base rules when those
are loaded: lists are extended (the language's entries first, as the more specific
patterns), tables merged, so a language is added by data alone.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from briefing.core.resources import resource


@lru_cache(maxsize=1)
def _files() -> tuple[dict[str, Any], ...]:
    folder = resource("cleaning", "languages")
    if not folder.is_dir():
        return ()
    return tuple(tomllib.loads(p.read_text(encoding="utf-8"))
                 for p in sorted(folder.glob("*.toml")))


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        old = base.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old[:0] = value  # a language's own patterns are more specific: tried first
        elif old is None:
            base[key] = value


def with_languages(rules: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` (the parsed `rules`.toml) extended by every language file's [rules] table."""
    for language in _files():
        extra = language.get(rules)
        if isinstance(extra, dict):
            _merge(data, extra)
    return data
