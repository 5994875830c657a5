"""Load the metadata cue files in resources/cleaning/ (once per process)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from briefing.core.ingest.language_data import with_languages
from briefing.core.resources import resource

_NON_WORD = re.compile(r"[^\w]+")
_ANSWERS_KEPT = 4096  # names whose canonical publisher is remembered


def _load(name: str) -> dict[str, Any]:
    """A rule file, extended by the per-language files (ingest/language_data.py)."""
    with resource("cleaning", name).open("rb") as fh:
        return with_languages(name.removesuffix(".toml"), tomllib.load(fh))


@lru_cache(maxsize=1)
def metadata_cues() -> dict[str, Any]:
    """resources/cleaning/metadata.toml as a dict."""
    return _load("metadata.toml")


def name_key(text: str) -> str:
    """A name folded for comparison: lower case, punctuation and spaces collapsed."""
    return _NON_WORD.sub(" ", text.lower().replace("’", "'")).strip()


@dataclass(frozen=True)
class Publishers:
    """Known publishers and the patterns that name one in page text."""

    by_key: dict[str, str]  # folded alias or name -> display name
    signatures: dict[str, str]  # folded whole-line phrase -> display name
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    legal: tuple[str, ...]
    _answers: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def strip_legal(self, name: str) -> str:
        """Drop legal-form words at the end of a name ("Bloomberg L.P." -> "Bloomberg")."""
        name = name.strip(" ,.;:-–—")
        changed = True
        while changed:
            changed = False
            low = name.lower()
            for suffix in self.legal:
                if low.endswith(" " + suffix) or low.endswith("," + suffix):
                    name = name[: -len(suffix)].strip(" ,.;:-–—")
                    changed = True
                    break
        return name

    def canonical(self, name: str) -> str | None:
        """The display name of a known publisher named by `name`, else None. A name with
        its abbreviation in brackets ("Korean Central News Agency (KCNA)") is tried
        without it too. Answers are remembered: metadata asks about the same lines (a
        site's copyright line, its masthead) page after page in an import."""
        try:
            return self._answers[name]
        except KeyError:
            pass
        if len(self._answers) >= _ANSWERS_KEPT:
            self._answers.clear()
        found = self._answers[name] = self._canonical(name)
        return found

    def _canonical(self, name: str) -> str | None:
        bare = _ABBREVIATED.sub("", name)
        for candidate in (name, self.strip_legal(name), *((bare,) if bare != name else ())):
            key = name_key(candidate)
            if key in self.by_key:
                return self.by_key[key]
            if key.startswith("the ") and key[4:] in self.by_key:
                return self.by_key[key[4:]]
        return None


_ABBREVIATED = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,9}\)\s*$")


@lru_cache(maxsize=1)
def publishers() -> Publishers:
    """resources/cleaning/publishers.toml, compiled."""
    data = _load("publishers.toml")
    by_key: dict[str, str] = {}
    signatures: dict[str, str] = {}
    for entry in data.get("publisher", []):
        name = entry["name"]
        for alias in [name, *entry.get("aliases", [])]:
            by_key.setdefault(name_key(alias), name)
        for sig in entry.get("signatures", []):
            signatures[name_key(sig)] = name
    patterns = {kind: tuple(re.compile(p, re.IGNORECASE) for p in pats)
                for kind, pats in data.get("patterns", {}).items()}
    legal = tuple(sorted((s.lower() for s in data.get("legal", {}).get("suffixes", [])),
                         key=len, reverse=True))
    return Publishers(by_key, signatures, patterns, legal)
