"""How a government's own statement speaks: which speakers are its unnamed officials and
staff, which of its sentences assert a position (rather than narrate the past), and which
sections are background rather than its voice. Used by claims/suggest.py."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from briefing.core.claims.affiliation import bare_country, foreign
from briefing.core.claims.grammar import is_adverb
from briefing.core.resources import resource

HEADING_WORDS = 8  # a section heading is short
QUOTE_TEXT = re.compile(r"“[^”]*”|\"[^\"]*\"")

# Unnamed bodies and officials of no stated side ("a senior presidential official", "The
# Council", "Participants"): in a national or governmental publisher's text, its own.
_HOME_ROLES = frozenset({
    "official", "officials", "government", "ministry", "spokesman", "spokeswoman",
    "spokesperson", "authorities", "military", "office", "lawmaker", "lawmakers", "diplomat",
    "diplomats", "council", "commission", "secretary", "minister", "presidency", "president",
    "cabinet", "department", "participants", "chancellery", "administration", "agency",
    "service", "delegation", "source", "sources"})
_HOME_WORDS = frozenset({"a", "an", "the", "one", "two", "three", "several", "some", "senior",
                         "top", "high-ranking", "presidential", "foreign", "defence", "defense",
                         "national", "security", "deputy", "vice", "first", "principal",
                         "same", "our", "its"})


def unnamed(speaker: str) -> bool:
    """A speaker named only by role ("the Council", "a senior official"), no proper name."""
    words = [w.lower() for w in re.findall(r"[\w'-]+", speaker) if not is_adverb(w)]
    return bool(words) and len(words) <= 5 and words[-1] in _HOME_ROLES and all(
        w in _HOME_WORDS or w in _HOME_ROLES or (w.islower() and w == o)
        for w, o in zip(words, [o for o in re.findall(r"[\w'-]+", speaker)
                                if not is_adverb(o)], strict=False))

# Titles of a government's own staff: in that government's document, such a person of no
# other stated side is its official ("Presidential Aide X", "Press Secretary Y").
_STAFF_TITLES = frozenset({"aide", "adviser", "advisor", "spokesman", "spokeswoman",
                           "spokesperson", "secretary", "minister", "chief", "director"})


# An assertion's verb: present, perfect or modal ("is concerned", "has been confirmed",
# "will continue", "cannot be overlooked"); a narrative of what happened is in the past
# ("today the Government decided to ...", "On May 2 the ministers met ...").
_ASSERTING = re.compile(r"\b(?:is|are|am|has|have|will|would|must|cannot|can|could|should|"
                        r"shall|may|might|remains?|continues?|does|do)\b|\b[a-z]{3,}(?<!s)s\b"
                        r"(?=\s+(?:that|the|to|all|its|their|a|an|on|with)\b)")


def asserted(sentence: str) -> bool:
    """Does a sentence of a statement assert something (rather than narrate the past)?"""
    return bool(_ASSERTING.search(QUOTE_TEXT.sub(" ", sentence)))


def home_official(speaker: str) -> bool:
    """A named official by a staff title, of no foreign country ("Presidential Aide Yury
    Ushakov"; not "Japanese Foreign Minister X", not "Ambassador Y")."""
    words = [w.lower() for w in re.findall(r"[\w'-]+", speaker)]
    return len(words) <= 8 and bool(set(words) & _STAFF_TITLES) and not foreign(speaker) \
        and any(w[:1].isupper() for w in speaker.split()[1:])


# The capitalised words opening a text: "The Australian Government", "Australia".
_LEAD = re.compile(r"\W*(?P<lead>(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


# The bodies a government's own page names itself by ("The government has earmarked ...").
_SELF_BODIES = frozenset({"government", "cabinet", "ministry", "federal government"})
_SELF_LEAD = re.compile(r"\W*((?i:the)\s+(?:federal\s+)?(?:government|cabinet|ministry))\b")


def states_position(sentence: str, home: str) -> bool:
    """Does a sentence of a government's own page state its position in the third person:
    its subject the home country or "the government", its verb an assertion (present,
    perfect or modal; a narrative of the past is not a position)?"""
    body = _SELF_LEAD.match(sentence)
    lead = body.group(1) if body is not None else lead_subject(sentence)
    if not lead or not asserted(sentence):
        return False
    rest = sentence[sentence.find(lead) + len(lead):].lstrip()
    if not re.match(r"(?:[a-z]+ly\s+|also\s+|still\s+)?[a-z]", rest) or rest.startswith(
            ("of ", "and ", "or ")):
        return False  # the lead must be the whole subject, followed by its verb
    bare = lead.lower().removeprefix("the ")
    if bare in _SELF_BODIES:
        return True
    placed = bare_country(lead)
    return placed is not None and placed[0] == home


def lead_subject(text: str) -> str:
    """The capitalised words opening the text (its first sentence's subject, if named)."""
    m = _LEAD.match(text)
    return m.group("lead") if m is not None else ""


@lru_cache(maxsize=1)
def _background() -> re.Pattern[str]:
    words = tomllib.loads(resource("claims", "publishers.toml").read_text(encoding="utf-8")
                          ).get("background_headings", [])
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\W*(?:{body})\W*", re.IGNORECASE)


def background_heading(heading: str) -> bool:
    """Is a statement's section heading one under which it recalls facts ("Background",
    "Notes to editors") rather than states its position? What such a section narrates is
    nobody's statement; what it reports others saying still is theirs."""
    return bool(_background().fullmatch(heading.strip()))
