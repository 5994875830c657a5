"""How an article introduces people and bodies, read before attributing its sentences.

"Republic of Korea Foreign Minister Cho Tae-yul" places Cho, "Ukrainian Special Operations
Forces (SSO)" places SSO, "Kit, 29, a member of the Ukrainian army's 95th brigade" places Kit,
"Germany's foreign intelligence service, the BND" places the BND, "Joint Chiefs of Staff"
places a later "JCS". Each placement keeps its offset: a later mention takes the latest
introduction before it (claims/attribution.py, Attributor._placed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.core.claims.affiliation import affiliation, foreign
from briefing.core.claims.grammar import _NAME_WORD
from briefing.core.claims.kinds import portfolios

if TYPE_CHECKING:
    from briefing.core.claims.attribution import Attributor

_WORD = re.compile(r"[\w'.-]+")
# How articles introduce speakers (see Attributor.learn).
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]{1,7})\)")
# A capitalised word; a full stop only after an initial or a title ("J.", "U.S.", "Gen."), so
# that a run never crosses the end of a sentence ("...arming Russia. The Council").
_RUN_WORD = r"(?:(?:[A-Z]\.){1,3}|(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Sgt|Adm|Rep|Sen|Jr)\.|[A-Z][\w'-]*)"
_RUN = re.compile(rf"{_RUN_WORD}(?:[ \t]+(?:of[ \t]+|the[ \t]+|of[ \t]+the[ \t]+)?{_RUN_WORD})+")
_APPOSITIVE = re.compile(
    r"(?P<name>(?<![\w'-])[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}),(?:\s+\d{1,3},)?\s+"
    r"(?P<desc>(?:a|an|the|head|chief|spokesperson|spokesman|spokeswoman|director|commander|"
    r"member|deputy|minister|[A-Z][\w-]+(?:\s[A-Z][\w-]+)?['’]s(?=\s[a-z]))\s[^,.;:()]{3,90})")
# ("Fu Cong, China's permanent representative to the United Nations": a possessive
# country or body opens the description too)
_APPOSITIVE_AFTER = re.compile(r",\s+the\s+(?P<name>[A-Z]{2,6})\b")
_PLACED_BODY = re.compile(
    r"\b(?:the|a|an)[ \t]+(?P<body>[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?(?:[ \t]+[a-z][\w-]+){1,3})")


def read_introductions(att: Attributor, s: str) -> dict[str, list[tuple[int, str, str]]]:
    """name or role word -> [(offset, perspective key, cue)] for the normalised text s."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    heads = att.r.back_reference_heads | att.r.role_words

    def place(names: list[str], a: int, z: int, last: bool = False) -> None:
        keys = att._cues(s, a, z)
        if keys:
            key, cue = keys[-1] if last else keys[0]
        else:
            aff = affiliation(s[a:z])
            if aff is None:
                return
            key, cue = aff
        for name in names:
            found.setdefault(name, []).append((a, key, cue))

    def role_heads(a: int, z: int) -> list[str]:
        return [w.lower() for w in _WORD.findall(s[a:z]) if w.lower() in heads]

    for m in _ACRONYM.finditer(s):
        z = m.start()
        a = max(z - 80, *(s.rfind(c, 0, z) + 1 for c in ".;:()\n"))
        if z - a >= 3:
            place([m.group("acr").lower()], a, z, last=True)
    for m in _RUN.finditer(s):
        words = list(_NAME_WORD.finditer(s, m.start(), m.end()))
        if len(words) < 2:
            continue
        cues = att.m.find(s, m.start(), m.end())
        keys = att._cues(s, m.start(), m.end()) if cues else []
        side = keys[0] if keys else affiliation(m.group())
        if side is None:
            _foreign_body(found, m.group(), m.start(), role_heads(m.start(), m.end()))
            continue
        last_side = keys[-1] if keys else side
        names = att._names(s, m.start(), m.end())
        if len(names) < len(words):
            for name in names + role_heads(m.start(), m.end()):
                found.setdefault(name, []).append((m.start(), *side))
        run_words = [w for w in _WORD.findall(m.group())
                     if w.lower() not in ("of", "the", "and", "for")]
        for i in range(len(run_words) - 1):  # "Joint Chiefs of Staff" places "JCS"
            initials = "".join(w[0] for w in run_words[i:]).lower()
            if initials not in found:
                found[initials] = [(m.start(), *last_side)]
        for c in cues:
            parts = _NAME_WORD.findall(s, c.start, c.end)
            if len(parts) >= 2:  # a person cue: "Cho Tae-yul" places "Minister Cho", and
                # "Fu Cong" a later "Fu" (a family name first, however short)
                for part in parts:
                    if part.lower() not in att._common and \
                            part.lower() not in att.r.pronouns:
                        found.setdefault(part.lower(), []).append((c.start, c.key, c.cue))
    for m in _APPOSITIVE.finditer(s):
        names = att._names(s, m.start("name"), m.end("name"))
        if names:
            # "Serhiy, a drone pilot with Ukraine's 47th Brigade": Serhiy, and a later
            # "the pilot", are placed.
            kinds = [h for h in role_heads(m.start("desc"), m.end("desc"))
                     if h in att.r.person_heads]
            place(names + kinds, m.start("desc"), m.end("desc"))
    for m in _APPOSITIVE_AFTER.finditer(s):
        z = m.start()
        a = max(z - 80, *(s.rfind(c, 0, z) + 1 for c in ",.;:()\n"))
        if z - a >= 3:
            place([m.group("name").lower()], a, z)
    for m in _PLACED_BODY.finditer(s):  # "the Russian embassy", "a Ukrainian drone unit"
        place(role_heads(m.start("body"), m.end()), m.start(), m.end())
        _foreign_body(found, m.group("body"), m.start(), role_heads(m.start("body"), m.end()))
    for entries in found.values():
        entries.sort()
    return found


def _foreign_body(found: dict[str, list[tuple[int, str, str]]], body: str, at: int,
                  heads: list[str]) -> None:
    """"the Japanese Defense Ministry": a later "the Defense Ministry" is this one, of no
    side of ours (key ""), not another country's ministry of another portfolio."""
    if heads and portfolios(body) and foreign(body):
        for head in heads:
            if (at, "", "") not in found.get(head, []):
                found.setdefault(head, []).append((at, "", ""))
