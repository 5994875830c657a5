"""One sentence's speakers settled against each other (issue 9, round 14).

Two grammatical facts, not rules for a page:

- a personal pronoun refers to the nearest compatible speaker, and the nearest is one named
  earlier in the same sentence ("According to Zakharova, the West ..., which, she said,
  only prolongs the conflict": she is Zakharova); a time phrase before a second verb
  ("..., and in January told lawmakers") is that subject's second predicate;
- a speaker inside the content clause of another's reported speech ("A Ukrainian commander
  told me that ... Russian gunners complained about ...") is part of what the first
  speaker reports: the sentence is the first speaker's statement.
"""

from __future__ import annotations

import re

from briefing.core.claims.speaker import Speaker

_PERSONAL = frozenset({"he", "she"})
# A time or place phrase taken for a speaker before a second predicate.
_ADVERBIAL = re.compile(r"(?:in|on|at|by|last|this|earlier|later|then|also)\b(?:\s+\w+){0,3}$")
# A complement clause opens after the reporting verb of the outer speaker.
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# Words that close the content clause before a new attribution starts.
_CLOSE = re.compile(r"[;:]|,\s*(?:and|but|while|whereas)\s(?!that\b)|\s[—–]\s")
# Triggers whose speaker names the source of the whole sentence, not a nested one.
_SOURCE_VERBS = frozenset({"according to", "for", "citing", "cited", "per"})


def settle(found: list[Speaker], text: str, base: int) -> list[Speaker]:
    """The speakers of one sentence (sorted by start; `text` is the sentence, `base` its
    offset), with pronouns bound to a speaker named before them in the sentence and nested
    speakers of another's content dropped."""
    out: list[Speaker] = []
    for f in found:
        low = f.text.lower().strip()
        named = [o for o in out if o.perspectives and o.text.lower().strip() not in _PERSONAL]
        if (low in _PERSONAL or _ADVERBIAL.match(low)) and named:
            # ("... assessed in November that ..., and in January told the Assembly": a
            # time phrase before a second verb is no speaker; the sentence's subject is)
            prev = named[-1]
            out.append(Speaker(prev.text, list(prev.perspectives), prev.cue, f.verb,
                               f.start, f.end))
            continue
        outer = next((o for o in out if o.perspectives and _nested(o, f, text, base)), None)
        if outer is not None:
            continue
        out.append(f)
    return out


def _nested(outer: Speaker, inner: Speaker, text: str, base: int) -> bool:
    """Does `inner` stand inside the content clause that `outer` reports?"""
    if outer.verb in _SOURCE_VERBS or inner.verb in _SOURCE_VERBS:
        return False
    if inner.start <= outer.end or set(inner.perspectives) <= set(outer.perspectives):
        return False
    between = text[outer.end - base:inner.start - base]
    # (the inner span itself may have swallowed the coordinator: "..., and U.S. officials")
    return bool(_THAT.search(between)) and not _CLOSE.search(
        text, outer.end - base, inner.end - base)
