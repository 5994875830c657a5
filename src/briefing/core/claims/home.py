"""Which side a document's publisher speaks for (its "home").

A ministry's own site speaks for its government, and a national outlet's unnamed
"officials" are its country's. The side is read from the publisher's name (perspective
cues, "<body> of <country>"), else from the site name in the title ("..._Ministry of
Foreign Affairs of the People's Republic of China", "... | NATO"), else from the
publisher data in resources/claims/publishers.toml (institutions whose names do not say
their country, and web addresses by their ending).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from briefing.core.claims.affiliation import (
    _is_acronym_pronoun,
    _key,
    affiliation,
    affiliations,
    bare_country,
    postmodifier,
)
from briefing.core.claims.cues import CueMatcher
from briefing.core.claims.grammar import _WESTERN
from briefing.core.institutions import alternation, word_pattern
from briefing.core.resources import resource

_SITE_SPLIT = re.compile(r"\s*(?:_|\s[|–—-]\s|\s>\s)\s*")
_HOST = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
# A publisher that is a government body (its own statements), not a news outlet.
# (The words: resources/institutions.toml, shared with the ingest rules.)
OFFICIAL = word_pattern("government", "officials", "official_hosts", ignore_case=True)


@lru_cache(maxsize=1)
def _toml() -> dict:
    return tomllib.loads(resource("claims", "publishers.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def _kinds(heads: bool = False) -> re.Pattern[str]:
    kinds = _toml().get("statement_kinds", []) + (
        _toml().get("statement_heads", []) if heads else [])
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+")
                    for k in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _issuer_roles() -> frozenset[str]:
    return frozenset(r.lower() for r in _toml().get("issuer_roles", []))


# The clause that names the issuer ends at the topic: "... by X on the situation in Kursk".
_TOPIC = re.compile(r"\s(?:on|about|regarding|concerning|in connection with|following|after|"
                    r"at|to|in response to|ahead of|during|with regard to|amid|upon|before|"
                    r"in|with)\s|[:;|–—(]", re.IGNORECASE)


# "UK-Republic of Korea", "US-ROK": parties joined by a hyphen are read one by one.
_JOINED = re.compile(r"(?<=[A-Za-z.])[-–](?=[A-Z])")


def statement_issuer(title: str) -> str | None:
    """Who a title says issued the document ("Statement by X on ..." -> "X"; "X's Comment
    on ..." -> "X"; "Readout of ..." -> ""), or None when the title names no statement."""
    head = _SITE_SPLIT.split(title)[0] if title else ""
    kind = _kinds().search(head) or _kinds(True).match(head)
    if kind is None:
        return None
    after = head[kind.end():]
    before = head[:kind.start()].strip()
    more = _kinds().match(after, 1) if after[:1].isspace() else None
    if more is not None:  # "Doorstep remarks by X", "Doorstep statement by X": one kind
        after = after[more.end():]
    if not _noun_phrase(before):
        return None  # "Kremlin dismisses reports, calls them a message": a headline
    last = before.split()[-1].lower() if before else ""
    if before and not re.match(r"\s+(?:by|of|from)\s", after, re.IGNORECASE) and not (
            last.endswith(("'s", "’s")) and len(before.split()) >= 2 or
            last.rstrip("'’s") in _issuer_roles() or last in _issuer_roles()):
        return None  # "Kremlin Comment Sparks Anger": a headline about a statement
    if kind.group().lower() == "readout":
        return ""  # "Readout of the call ...": the publisher issues it
    by = re.match(r"\s+(?:by|of|from)\s+(?:the\s+)?", after, re.IGNORECASE)
    if by is not None:
        rest = after[by.end():]
        cut = _TOPIC.search(rest)
        return rest[:cut.start()].strip() if cut else rest.strip()
    if before and _TOPIC.search(" " + before + " ") is None and len(before.split()) <= 8:
        return re.sub(r"(?:'s|’s|')$", "", before).strip()  # "Foreign Ministry Spokesperson's"
    if kind.start() == 0 or before.lower() in ("joint", "press", "the", "a"):
        return ""  # "Readout of the call ...": the publisher issues it
    return None


def _noun_phrase(text: str) -> bool:
    """Words before the kind that can name an issuer: capitalised, "of", "the"; at most 8."""
    words = text.split()
    return len(words) <= 8 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for")
                                   for w in words)


def issuer_side(matcher: CueMatcher, issuer: str) -> tuple[str, str] | None:
    """The side of an issuer named in a title (cues, "<body> of <country>", the data)."""
    if not issuer.strip():
        return None
    issuer = _JOINED.sub(" ", issuer)
    western = _WESTERN.search(issuer)
    if western is not None and not matcher.find(issuer):
        return "us", western.group()  # "G7 Foreign Ministers": the West (issuer_sides: both)
    return _cued(matcher, issuer) or _listed(issuer)


def issuer_sides(matcher: CueMatcher, issuer: str) -> list[str]:
    """Every side a joint issuer names ("UK-Republic of Korea Foreign Ministers", "the
    Foreign Ministers of Japan, the Republic of Korea and the United States"), in order."""
    keys: list[str] = []
    issuer = _JOINED.sub(" ", issuer)
    if _WESTERN.search(issuer):
        keys += ["us", "nato_european"]
    for c in matcher.find(issuer):
        owner = postmodifier(issuer, c.end)
        key = owner[0] if owner is not None else c.key
        if key not in keys:
            keys.append(key)
    return keys


@lru_cache(maxsize=1)
def _data() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[str, str]]]:
    data = _toml()
    names = [(re.compile(rf"(?<![\w'-]){re.escape(n)}(?![\w'-])", re.IGNORECASE), key)
             for key, listed in data.get("names", {}).items() for n in listed]
    names.sort(key=lambda p: -len(p[0].pattern))
    domains = sorted(data.get("domains", {}).items(), key=lambda d: -len(d[0]))
    return names, domains


def _cued(matcher: CueMatcher, text: str) -> tuple[str, str] | None:
    """The side a name's own words give: the owner in "<body> of <country>" first."""
    for c in matcher.find(text):
        owner = postmodifier(text, c.end)
        return owner if owner is not None else (c.key, c.cue)
    return affiliation(text)


def _listed(text: str) -> tuple[str, str] | None:
    """The side of a name or web address listed in publishers.toml."""
    found = listed_name(text)
    if found is not None:
        return found
    _names, domains = _data()
    for m in _HOST.finditer(text):
        host = m.group("host").lower()
        for end, key in domains:
            if host.endswith(end) or ("." + host).endswith(end):
                return key, host
    return None


def listed_name(text: str) -> tuple[str, str] | None:
    """The side of an institution or outlet whose name does not say its country ("the
    SBU", "Interfax", "the Verkhovna Rada"), from publishers.toml's [names]: a speaker so
    named speaks for that side as a publisher so named does."""
    names, _domains = _data()
    for rx, key in names:
        m = rx.search(text)
        if m:
            return key, m.group()
    return None


def home_side(matcher: CueMatcher, publisher: str, title: str = "") -> tuple[str, str] | None:
    """(perspective key, the words that decided it) of the publisher, or None."""
    candidates = [publisher.strip()] if publisher.strip() else []
    candidates += [p for p in _SITE_SPLIT.split(title)[1:] if _site_like(p)]
    for cand in candidates:
        found = _cued(matcher, cand)
        if found is not None:
            return found
    for cand in candidates:
        found = _listed(cand) or _closing_country(cand)
        if found is not None:
            return found
    return None


_NAME_LINKS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "des", "du",
                         "la", "le", "der", "die", "und", "a"})


def _site_like(part: str) -> bool:
    """Can a piece of a title after its separator be a site's name ("Ministry of Foreign
    Affairs of the People's Republic of China", "NATO", "kyivindependent.com") rather than
    the rest of the headline ("Policy Brief No. 7 — What does North Korea get out of the
    war?")? A name is short and capitalised, its small linking words aside."""
    words = part.split()
    if not words or len(words) > 12 or part.rstrip().endswith(("?", "!")):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LINKS or "." in w
               for w in words)


def _closing_country(name: str) -> tuple[str, str] | None:
    """A publisher whose name ends with its country ("Global Affairs Canada", "Ministry of
    Foreign Affairs Republic of Poland"): that country's side."""
    a = affiliations()
    s = name.strip().rstrip(".")
    for m in a.country_rx.finditer(s):
        if m.end() == len(s) and m.start() > 0 and not _is_acronym_pronoun(s, m):
            key = _key(a, m.group())
            if key is not None:
                return key, m.group()
    return None


def is_government_body(publisher: str) -> bool:
    """Is the publisher a government body or office holder itself (a ministry, "Government
    .no", "Minister for Foreign Affairs of Australia"), whose own page speaks in its own
    voice, rather than any official-sounding name (is_official)?"""
    return bool(_GOVERNMENT_BODY.search(publisher))


_GOVERNMENT_BODY = word_pattern("government_bodies", ignore_case=True)


def is_official(publisher: str, title: str = "") -> bool:
    """Is the publisher (or the site named in the title) a government body?"""
    if OFFICIAL.search(publisher):
        return True
    return any(OFFICIAL.search(p) for p in _SITE_SPLIT.split(title)[1:] if _site_like(p))


# A statement's lead names its issuer: "The Ministry of Foreign Affairs of Ukraine strongly
# condemns ...", "The Government of the Republic of Korea ...".
_LEAD_BODY = re.compile(
    r"^\W*(?:The\s+)?(?P<body>(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}?"
    r"(?:" + alternation("government", "spokespeople") + ")"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|and)\s+)?(?:the\s+)?"
    r"[A-Z][\w'’.-]*){0,6})?)")
_PLACE_LINE_WORDS = 14


def text_side(matcher: CueMatcher, text: str,
              spans: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The issuer's side from the statement itself: the body its first sentence names, else
    a place line ("Moscow, 25 October 2024", "Kyiv, 5 November") at its top or foot."""
    for a, z in spans[:3]:
        m = _LEAD_BODY.match(text, a, z)
        if m is not None:
            found = _cued(matcher, m.group("body")) or _listed(m.group("body"))
            if found is not None:
                return found
    for a, z in [*spans[:2], *spans[-3:]]:
        line = text[a:z].strip()
        if len(line.split()) > _PLACE_LINE_WORDS or not _DATED.search(line):
            continue
        found = _cued(matcher, re.split(r"[,–—-]", line)[0])
        if found is not None:
            return found
    return None


_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)\b")


# A statement's lead in its issuer's voice: "<Country> [strongly] condemns/calls on/welcomes
# ...", a present-tense verb right after the country.
_OWN_LEAD = re.compile(r"\W*(?P<who>(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+"
                       r"(?:[a-z]+ly\s+)?(?P<verb>condemns|calls|welcomes|supports|reaffirms|"
                       r"expresses|rejects|deplores|urges|notes|stands|remains|is|has)\b")
# Verbs that open a news lead as often as a statement ("North Korea has sent ...", "Ukraine
# remains under attack"): a statement's only when its first paragraph also says "we".
_WEAK_LEAD = frozenset({"is", "has", "remains", "stands", "supports"})
_FIRST_WE = re.compile(r"(?<![\w.])(?:We|we|Our|our|us)(?![\w.])")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def own_voice(text: str) -> tuple[str, str] | None:
    """The side of a government's statement read from its own lead when nothing else names
    its issuer (no publisher, a title that is only the body's name): a text that opens with
    a country as the subject of a present-tense stance ("Norway strongly condemns ...") and
    speaks as "we" is that country's statement (the caller checks "we")."""
    m = _OWN_LEAD.match(text)
    if m is not None and bare_country(m.group("who")) is not None:
        first = text[:text.find("\n") if "\n" in text else len(text)]
        if m.group("verb") not in _WEAK_LEAD or _FIRST_WE.search(_QUOTED.sub(" ", first)):
            return bare_country(m.group("who"))
    # "The Government of Sweden strongly condemns ...", "The Ministry of Foreign Affairs of
    # Ukraine welcomes ...": a government body of a named country, in the same stance
    body = _LEAD_BODY.match(text)
    if body is not None and _STANCE.match(text, body.end()):
        return affiliation(body.group("body"))
    return None


_STANCE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:condemns|calls|welcomes|supports|reaffirms|"
                     r"expresses|rejects|deplores|urges|notes|stands|remains)\b")


def writer_names(publisher: str) -> set[str]:
    """The publisher's name and initials ("Institute for the Study of War", "ISW"): what
    the publication itself "assesses" is the writer's own assertion, not a reported one."""
    name = " ".join(publisher.split())
    if not name:
        return set()
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return {name.lower(), *([initials.lower()] if len(initials) >= 2 else [])}


def is_writer(speaker: str, writer: set[str]) -> bool:
    """Is the speaker the publication itself ("ISW assesses", "the Institute's")?"""
    low = speaker.lower().removeprefix("the ").strip()
    return bool(writer) and low.removesuffix("'s") in writer
