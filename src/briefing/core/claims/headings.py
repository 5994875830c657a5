"""Headings and lines that name a source: a story's dateline ("SEOUL —"), a round-up's post
headers, and an entry heading that reports what a side says (split from suggest.py)."""

from __future__ import annotations

import re

from briefing.core.claims.affiliation import bare_country
from briefing.core.claims.attribution import Attributor
from briefing.core.claims.cues import CueMatcher
from briefing.core.claims.sentences import Sentence
from briefing.core.claims.speaker import Speaker

# A story's dateline: "SEOUL —", "SEOUL, Feb 27 (Reuters) -" opening a paragraph.
_DATELINE = re.compile(r"\s*(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})"
                       r"(?:,[^—–\n]{0,40})?\s+[—–-]\s+(?=[A-Z\"“])")


def dateline_side(matcher: CueMatcher, text: str,
                   spans: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The side of the place a story is datelined in, from its first paragraphs."""
    for a, _z in spans[:4]:
        m = _DATELINE.match(text, a)
        if m is not None:
            place = m.group("place").title()
            found = [c for c in matcher.find(place) if c.start == 0 and c.end == len(place)]
            return (found[0].key, found[0].cue) if found else None
    return None


def initials(name: str) -> str:
    """"US Forces Korea (@USForcesKorea)" -> "USFK": what an acronym of the name reads."""
    name = re.sub(r"\(.*?\)", " ", name)
    return "".join(w if w.isupper() and len(w) <= 3 else w[0]
                   for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())



# A headline's reporting verb, in the headline's present tense ("Seoul says ...", "North
# Korea confirms deployment") or a speaker's colon ("Zelenskiy: Moscow could not ...").
_HEADLINE_VERBS = frozenset({"says", "say", "confirms", "confirm", "denies", "deny", "warns",
                             "warn", "claims", "claim", "admits", "admit", "rejects", "puts",
                             "estimates", "accuses", "vows", "urges", "insists", "declines",
                             "refuses", "calls", "dismisses", "acknowledges", "label"})
_HEADLINE_WORDS = 18


def headline_speakers(attributor: Attributor, sent: Sentence, index: int,
                      text: str = "") -> list[Speaker]:
    """An entry heading that reports what a side says ("Seoul says about 4,700 North Koreans
    killed or wounded", "North Korea confirms deployment"): a statement of that side, as
    the entry below it tells at length. Other headings (section labels, teasers) are not.
    A heading labelled with its speaker ("Zelenskiy: Moscow could not hold Kursk alone")
    is one when a live blog's time stamp stands on the line above it (`text`: the page)."""
    if len(sent.text.split()) > _HEADLINE_WORDS or sent.text.startswith(("@", "#")) or \
            sent.paragraph == 0:
        return []  # (the first line is the page's own headline, a title, not an entry's)
    found = [f for f in attributor.attribute(sent, index) if f.perspectives]
    if not found:
        return []
    first = found[0]
    head = sent.text[:first.end - sent.start]
    if first.verb not in _HEADLINE_VERBS or _WORD_RX.search(head[:first.start - sent.start]):
        return []  # the speaker must open the heading
    if first.verb == "label" and (bare_country(first.text) is not None or not _STAMP_LINE.fullmatch(
            text[:sent.start].rstrip().rsplit("\n", 1)[-1].strip())):
        return []  # "Seoul: no decision on lethal aid" is a section on a place; with no
        # time stamp above, "Pentagon: 9,000 troops in Russia" is a teaser's headline
    return found


# A live blog entry's time stamp, a line of its own: "14:05 GMT", "9:40 a.m.", "17:15".
_STAMP_LINE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4}(?:[+-]\d{1,2})?)?",
                         re.IGNORECASE)


_WORD_RX = re.compile(r"[A-Za-z]")


# A post's header in a round-up, a paragraph of its own: "7:37 a.m. — Joint Chiefs of
# Staff (@JCS_ROK)", "Defence of Ukraine (@DefenceU):". It is not a claim: it names who
# posted the paragraphs under it (until the next header or heading).
_POST_HEADER = re.compile(
    r"\s*(?:(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)\s*"
    r"(?:[A-Z]{2,4}\s*)?[—–―-]\s*(?P<who>[^!?\n]{2,80}?)|"
    r"(?P<handle>[A-Z][^.!?:\n]{1,60}?\(@\w{2,30}\))|"
    # "Russian Defense Ministry, Monday 10:12 a.m.": who, then when
    r"(?P<named>[A-Z][^,.!?:\n]{1,60}?),\s+(?:[A-Z][a-z]+(?:\s+\d{1,2})?,?\s+)?"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?)\s*:?\s*", re.IGNORECASE)

# The writer's sentence about a post: "The post, like every update, did not mention ...".
_ABOUT_POST = re.compile(r"\W*(?:The|This|That)\s+(?:post|video|update|message|tweet)\b")
# A paragraph that opens with who posted it: '@handle (Threads): "..."',
# 'Defence of Ukraine (@DefenceU) (X): ...'.
_POST_LEAD = re.compile(r"\s*(?P<who>@[\w.]{2,40}|[A-Z][^.!?:\n]{1,60}?\(@\w{2,30}\))"
                        r"(?:\s*\([\w ]{1,20}\))?\s*:\s*(?=\S)")
