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

from briefing.core.claims.affiliation import affiliation
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
        unsided = [o for o in out if not o.perspectives and o.verb not in _SOURCE_VERBS and
                   o.text.lower().strip() not in _PERSONAL and o.text[:1].isalpha()]
        if low in _PERSONAL and not named and unsided:
            # "The same scholar put it more sharply: North Korea, he said, ...": he is the
            # speaker the sentence names, even one of no side (not an older one of a side)
            out.append(unsided[-1].again(f.verb, f.start, f.end))
            continue
        if (low in _PERSONAL or _ADVERBIAL.match(low)) and named:
            # ("... assessed in November that ..., and in January told the Assembly": a
            # time phrase before a second verb is no speaker; the sentence's subject is)
            prev = named[-1]
            out.append(prev.again(f.verb, f.start, f.end))
            continue
        outer = next((o for o in out if o.perspectives and _nested(o, f, text, base)), None)
        if outer is not None:
            continue
        out.append(f)
    return _relay_dropped(out, text, base)


def _relay_dropped(found: list[Speaker], text: str, base: int) -> list[Speaker]:
    """'Campbell said the U.S. assesses ..., according to the ministry.': the source that
    closes the sentence only relays what the speaker it names said; when that speaker has
    a side, the relay adds none (a speaker of no side is still read through it: '... told
    interrogators ..., according to Ukraine's SBU')."""
    if len(found) < 2:
        return found
    last = found[-1]
    said = [f for f in found[:-1] if f.perspectives and f.verb not in _SOURCE_VERBS
            and f.end <= last.start]
    closing = not text[last.end - base:].strip(" .\"”’)")
    if last.verb == "according to" and said and closing and \
            not set(last.perspectives) <= set(said[-1].perspectives):
        return found[:-1]
    return found


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


# "one of them, a sergeant, told Meduza", "one of them said": a member of a group named before.
_PARTITIVE = re.compile(r"(?i)\b(?:one|some|two|three|several|many|most|another)\s+of\s+"
                        r"(?:them|those|these)\b,?\s*$")
_CHUNK = re.compile(r"[.;!?]\s+")
_ANOTHER = re.compile(r"(?i)(?:another|a|an)\s+(?:soldier|marine|paratrooper|officer|"
                      r"serviceman|fighter|commander|sergeant|gunner|pilot|sniper)\b")


def member_of_group(found: list[Speaker], text: str, base: int, before: str) -> None:
    """A speaker of no side introduced as one of a group ("the paratroopers of a Russian
    airborne regiment ... one of them, a sergeant, told Meduza") speaks for the group's
    side: the nearest group with a side in `before` (the text up to the sentence) or earlier
    in the sentence. Changes `found` in place."""
    for f in found:
        lead = text[:max(0, f.start - base)]
        if f.perspectives:
            continue
        partitive = _PARTITIVE.search(lead) or _PARTITIVE.search(f.text + " ") or \
            re.match(r"(?i)(?:one|some|several)\s+of\s+them\b", f.text)
        another = _ANOTHER.match(f.text)
        if not partitive and not another:
            continue
        # ("Another soldier said", "said a marine who served ...": one more of the group the
        # sentence before named)
        window = before[-400:] + " " + lead if partitive else \
            ([c for c in _CHUNK.split(before[-400:]) if c.strip()] or [""])[-1]
        for chunk in reversed([c for c in _CHUNK.split(window) if c.strip()]):
            side = affiliation(chunk)
            if side is not None:
                f.perspectives, f.cue = [side[0]], side[1]
                break
