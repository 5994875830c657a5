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
from collections.abc import Callable

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
# Verbs that report a side's words (not what it feels, wants or does: "fears", "welcomes").
_WORDS = frozenset({
    "said", "says", "say", "saying", "told", "tells", "tell", "claimed", "claims", "claim",
    "reported", "reports", "estimated", "estimates", "announced", "announces", "confirmed",
    "confirms", "stated", "states", "warned", "warns", "denied", "denies", "deny", "assessed",
    "assesses", "wrote", "writes", "posted", "posts", "insisted", "insists", "maintained",
    "maintains", "described", "describes", "called", "calls", "admitted", "admits",
    "acknowledged", "acknowledges", "argued", "argues", "repeated", "repeats", "promised",
    "pledged", "vowed", "accused", "accuses", "threatened", "declared", "noted", "notes",
    "added", "briefed", "informed", "assured", "explained", "complained", "dismissed",
    "rejected", "condemned", "put", "puts", "published", "released", "according"})


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
        if f.perspectives and f.verb.split()[0] not in _WORDS and any(
                not o.perspectives and o.verb not in _SOURCE_VERBS and _nested(o, f, text, base)
                for o in out):
            continue  # "Zhao Tong, a scholar, has argued that China fears being seen ...":
            # what a speaker of no side says a side feels or wants is his statement, not the
            # side's words (a side's words he relays are: "... that Beijing had said ...")
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
        if f.perspectives or ONE_OF.fullmatch(f.text.strip()) and \
                not text[:max(0, f.start - base)].strip():
            continue  # ("One of them said ..." opening the sentence: one_of_group's)
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


# One of a group by itself ("One said ...", "Another argued ...", "One of them said ...").
ONE_OF = re.compile(r"(?i)(?:one|another|a\s+third|a\s+second|one\s+of\s+(?:them|those|these)"
                    r"|(?:some|two|three|several)\s+of\s+them)")
_SENTENCE_END = re.compile(r"[.;!?][\"”’')]*\s+")
# The group a sentence names: its plural head and the words that place it ("some American
# officials", "two European diplomats", "Chinese scholars", "officials in Washington").
_GROUP = re.compile(
    r"\W*(?:[^,;:]{1,30},\s+)?(?:according\s+to\s+)?(?P<np>(?:(?:[A-Z][\w.'’-]*|some|several|many|most|two|three|four|five|a\s+few|few|"
    r"other|senior|junior|local|[a-z]+-based)\s+){0,4}"
    r"(?i:officials|diplomats|scholars|analysts|experts|officers|soldiers|commanders|lawmakers|"
    r"legislators|sources|researchers|academics|generals|envoys|negotiators|aides|advisers|"
    r"advisors|veterans|fighters|servicemen|prisoners|bloggers|interlocutors|counterparts)"
    r"(?:\s+(?:in|at|from|of|with)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)\b")


def one_of_group(found: list[Speaker], text: str, base: int, before: str,
                 resolve: Callable[[str], Speaker], expert: Callable[[str], bool]) -> None:
    """A speaker that is only "one" or "another" of a group ("Privately, some American
    officials are frustrated. One said ...") speaks for the group the sentence before
    names as its subject: its side, or none when the group is of independent experts
    ("Chinese scholars ... Another argued ..."). Only the sentence's sole speaker: "One of
    them has said ..., the NIS said" is the NIS's report. Changes `found` in place."""
    if any(f.perspectives for f in found):
        return
    for f in found:
        if ONE_OF.fullmatch(f.text.strip()) is None or text[:max(0, f.start - base)].strip():
            continue  # (only a sentence that opens with its "one")
        chunks = [c.strip() for c in _SENTENCE_END.split(before[-500:]) if c.strip()]
        for chunk in reversed(chunks[-3:]):
            if ONE_OF.match(chunk):
                continue  # "One, at a university in Beijing, told me ...": one more of it
            group = _GROUP.match(chunk)
            if group is None:
                break  # the sentence before is about something else: no group to join
            np = group.group("np")
            if not expert(np):
                side = resolve(np)
                f.perspectives, f.cue = list(side.perspectives), side.cue
            break
