"""Which side a speaker speaks for when no perspective cue names them.

The page places a speaker by grammar: "<country>'s <body>" ("Estonia's defence minister"),
"<nationality> <role>" ("a Ukrainian military unit"), "<role> of [the] <country>" ("the
Ministry of Foreign Affairs of Ukraine"), "<country>'s <Name>" ("Estonia's Hanno Pevkur").
Countries, peoples and role words are data (resources/claims/attribution.toml,
[affiliation]); a country mentioned as a topic ("troops sent to Russia") does not count.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.claims.cues import normalise
from briefing.core.claims.words import _WRITTEN_ON
from briefing.core.resources import resource

_WORD = re.compile(r"[\w'.-]+")
_NEWS_POSTS = frozenset({"bureau", "correspondent", "correspondents"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?$")  # "Ukraine's 47th Brigade"
_FILLER = frozenset({"the", "a", "an", "of", "and", "for", "s", "'s", "top", "senior", "chief",
                     "deputy", "first", "former", "acting", "own", "main", "national", "state",
                     "armed", "general", "special", "military", "foreign", "defence", "defense",
                     "affairs", "operations", "federal", "joint", "central"})


@dataclass(frozen=True)
class Affiliations:
    country_rx: re.Pattern[str]
    country_key: dict[str, str]
    roles: frozenset[str]
    other_rx: re.Pattern[str] | None = None  # countries of none of the perspectives


@lru_cache(maxsize=1)
def affiliations() -> Affiliations:
    """The shipped affiliation data, compiled once."""
    data = tomllib.loads(resource("claims", "attribution.toml").read_text(encoding="utf-8"))
    aff = data.get("affiliation", {})
    keys: dict[str, str] = {}
    for key, names in aff.get("countries", {}).items():
        for name in names:
            keys.setdefault(normalise(name).lower(), key)
    # Every other country, generated once from a maintained list (countries.toml): NATO and
    # EU members speak for nato_european, the rest for none of ours. The hand lists only add
    # names the table lacks; `overrides` is the one place that reads a country otherwise.
    generated = tomllib.loads(resource("claims", "countries.toml").read_text(encoding="utf-8"))
    overrides = {normalise(n).lower(): side for n, side in aff.get("overrides", {}).items()}
    for name, side in overrides.items():
        if side != "none":
            keys[name] = side
    for name in generated.get("nato_european", []):
        if normalise(name).lower() not in overrides:
            keys.setdefault(normalise(name).lower(), "nato_european")
    ordered = sorted(keys, key=lambda n: (-len(n), n))
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
    rx = re.compile(rf"(?<![\w'-])(?:{body})(?:'s|')?(?![\w])", re.IGNORECASE)
    roles = frozenset(r.lower() for r in [*aff.get("roles", []), *data.get("role_words", [])])
    others = [normalise(n) for n in [*aff.get("others", []), *generated.get("others", []),
                                     *(n for n, side in aff.get("overrides", {}).items()
                                       if side == "none")]
              if normalise(n).lower() not in keys]
    other_rx = re.compile(
        r"(?<![\w'-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(
            others, key=len, reverse=True)) + r")(?:'s|')?(?![\w])") if others else None
    return Affiliations(rx, keys, roles, other_rx)


def _key(a: Affiliations, found: str) -> str | None:
    low = re.sub(r"\s+", " ", found.lower())
    for cand in (low, low[:-2] if low.endswith("'s") else low, low.rstrip("'")):
        if cand in a.country_key:
            return a.country_key[cand]
    return None


def _is_acronym_pronoun(text: str, m: re.Match[str]) -> bool:
    """"us" / "eu" in lower case are words, not countries."""
    return m.group().isalpha() and m.group().islower() and len(m.group()) <= 3


def affiliation(text: str) -> tuple[str, str] | None:
    """(perspective key, the words that decided it) for a speaker span, or None."""
    a = affiliations()
    s = normalise(text)
    for m in a.country_rx.finditer(s):
        if _is_acronym_pronoun(s, m):
            continue
        key = _key(a, m.group())
        if key is None:
            continue
        before = [w.lower() for w in _WORD.findall(s[max(0, m.start() - 60):m.start()])]
        after = _WORD.findall(s[m.end():m.end() + 60])
        if len(before) >= 2 and before[-1] in ("on", "about") and before[-2] in _WRITTEN_ON \
                or after and after[0].lower() in _NEWS_POSTS:
            continue  # "a book on North Korea's army", "NHK's Seoul bureau chief": a topic,
            # a news outlet's post in a place; not a side
        # "<country>'s <Name>" / "<country>'s <body>" / "<nationality> <role>"
        if m.group().endswith(("'s", "'")) and after and after[0][:1].isupper():
            return key, m.group()
        head = [w.lower() for w in after[:4]]
        plain = 0  # noun modifiers before the role: "a Ukrainian drone unit"
        for i, w in enumerate(head):
            if w in a.roles or " ".join(head[i:i + 2]) in a.roles:
                return key, m.group()
            if w not in _FILLER and not after[i][:1].isupper() and not _ORDINAL.match(w):
                plain += 1
                if plain > 2 or not w.isalpha():  # "a Russian airborne assault regiment"
                    break
        # "<role> of [the] <country>": the country closes a chain of "of" phrases.
        if before and before[-1] in ("of", "the"):
            chain = before[-8:]
            if any(w in a.roles for w in chain) and "of" in chain:
                return key, m.group()
    return None


_OF = re.compile(r"\s+of\s+(?:the\s+)?")


def postmodifier(text: str, pos: int) -> tuple[str, str] | None:
    """"... of [the] <country>" right at pos: the side that owns the body before it
    ("Ministry of Defence of Ukraine" is Ukrainian whatever "Ministry of Defence" cues)."""
    m = _OF.match(text, pos)
    if m is None:
        return None
    a = affiliations()
    c = a.country_rx.match(normalise(text), m.end())
    if c is None or _is_acronym_pronoun(text, c):
        return None
    key = _key(a, c.group())
    return (key, c.group()) if key else None


def bare_country(text: str) -> tuple[str, str] | None:
    """A speaker span that is a country itself ("Ukraine", "South Korea and its allies")."""
    a = affiliations()
    s = normalise(text).strip()
    s = s[4:] if s.lower().startswith("the ") else s
    m = a.country_rx.match(s)
    if m is None or _is_acronym_pronoun(s, m):
        return None
    rest = s[m.end():].strip().lower()
    if rest and not rest.startswith(("and ", "as well as ", "together with ")):
        return None
    key = _key(a, m.group())
    return (key, m.group()) if key else None


def foreign(text: str) -> bool:
    """Does a speaker span name a body or person of a country none of the perspectives
    covers ("The Indian government", "Japan's defense ministry", "Japan")? Such a speaker
    has no side of ours and inherits none from the speaker before."""
    a = affiliations()
    if a.other_rx is None:
        return False
    s = normalise(text).strip()
    bare = s[4:] if s.lower().startswith("the ") else s
    for m in a.other_rx.finditer(s):
        if m.start() == 0 and m.end() >= len(s.rstrip(".")) or \
                (m.start() == (len(s) - len(bare)) and m.end() == len(s)):
            return True  # "Japan", "the Philippines"
        after = [w.lower() for w in _WORD.findall(s[m.end():m.end() + 40])[:3]]
        before = [w.lower() for w in _WORD.findall(s[max(0, m.start() - 40):m.start()])]
        if any(w in a.roles for w in after) or (
                before and before[-1] in ("of", "the") and any(w in a.roles for w in before)):
            return True
    return False
