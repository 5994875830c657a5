"""Whose figure: a figure reported by one of several sources in a sentence is that source's.

A sentence may carry several perspectives ("South Korea's spy agency has reported that
Pyongyang sent roughly 11,000 troops, and U.S. officials estimated that more than 1,000 of
them had been killed or wounded"): the statement is both sides', but each figure is the
side that reports it in its own clause (the 11,000 South Korea's, the 1,000 the US's), so
the claims view lines each figure up under its own source. The source is the nearest named
side of the sentence's perspectives that reports, within the figure's clause: before it
("X said/reported/put ... that", "the assessment of X that"), else after it ("...,
South Korea's defence minister said"); a trailing "according to X" comes first ("9,000
troops according to Seoul, of whom 6,000 ... according to U.S. officials"). A figure with no
such source keeps every perspective of its sentence; a figure in the writer's aside about
the speaker ("Igor Lapin, a blogger who has about 3 million subscribers, claimed ...") is
the writer's. The words are data (resources/claims/numeric.toml [sources]).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import lru_cache

from briefing.core.claims.affiliation import _is_acronym_pronoun, _key, affiliations
from briefing.core.claims.cues import CueMatch, CueMatcher
from briefing.core.models import NumericClaim
from briefing.core.resources import resource

_WORDS_AFTER = 6  # a reporting verb within this many words after the side's name
_AFTER = 40  # characters after a figure searched for its source ("..., according to X")
# Sides named together report together ("according to American and South Korean
# intelligence", "Ukrainian and South Korean estimates").
_AND = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)(?:the\s+)?$", re.IGNORECASE)
# A clause joined by "and" with no subject of its own before its reporting verb.
_JOINED = re.compile(r",?\s*and\s+", re.IGNORECASE)
# A speaker relaying a source keeps its own side too: "The Council notes that, according to
# Ukrainian estimates, ...", "Our Korean partners estimate that ...".
# "We take note of the assessment of the Republic of Korea that ...", "We share the
# assessment of our allies": the speaker adopts the source's count as its own too.
_RELAYED = re.compile(r"(?:\bthat,?\s+according\s+to\s+(?:the\s+)?|\b[Oo]ur\s+|"
                      r"\b(?:take|takes|took|taken)\s+note\s+of\s+|\b(?:share|shares|shared|"
                      r"endorse|endorses|welcome|welcomes)\s+)(?:[\w'’-]+\s+){0,4}$")


@lru_cache(maxsize=1)
def _posted() -> re.Pattern[str]:
    """A diplomatic or press post before a side named as its place ("Embassy in Moscow")."""
    src = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8")).get(
        "sources", {})
    words = "|".join(re.escape(w) for w in src.get("posts", [])) or "(?!)"
    return re.compile(rf"\b(?:{words})\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def posted_in(text: str, start: int) -> bool:
    """Is the side named at `start` the place of another's post ("the Philippine Embassy in
    Moscow counts ...")? Then it does not report the figure."""
    return bool(_posted().search(text, max(0, start - 30), start))


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8"))
    src = data.get("sources", {})

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    verbs = re.compile(rf"^(?:[\w.'’-]+\s+){{0,{_WORDS_AFTER}}}?(?:{alt(src.get('verbs', []))})"
                       r"(?![\w-])", re.IGNORECASE)
    before = re.compile(rf"(?<![\w-])(?:{alt(src.get('before', []))})\s+(?:the\s+)?$",
                        re.IGNORECASE)
    ends = re.compile(alt(src.get("clause_ends", [";"])), re.IGNORECASE)
    # "the Ukrainian and South Korean figures, which speak of ...": the side's own count
    # (the words between are names or an owner's body, never the thing counted: "Russian
    # casualty figures" are figures about Russia's losses, not Russia's own)
    named = r"(?:[A-Z][\w.'’-]*|government|official|military|intelligence|ministry|defen[cs]e)"
    nouns = re.compile(rf"^(?:(?:and|or|,)\s+(?:{named}\s+){{1,3}}?)?(?:{named}\s+){{0,2}}?"
                       rf"(?i:{alt(src.get('nouns', []) or ['(?!)'])})(?![\w-])")
    return verbs, before, ends, nouns


# A side as the subject of the reporting verb right after it ("the National Intelligence
# Service put the dead at ...", "Seoul's agency has estimated", "the Ukrainian General Staff
# was claiming"), not a place after a comma
# ("in Seoul, estimated") nor a passive ("Pyongyang is estimated to have sent").
_SUBJECT_VERB = re.compile(r"(?:['’]s)?(?:\s+(?:[A-Z][\w.'’-]*|spy|intelligence|defen[cs]e|"
                           r"foreign|ministry|agency|service|military|government|officials?|"
                           r"has|have|had))*(?:\s+(?:is|was|are|were|has\s+been|have\s+been|"
                           r"had\s+been)(?=\s+\w+ing\b))?\s+(?!(?:is|was|are|were|be|been)\b)\w")


def _verb_next(text: str, pos: int, verbs: re.Pattern[str], figure: int) -> bool:
    """Is the side ending at pos the subject of a reporting verb right after it (past the
    rest of its name and an auxiliary)? "put" reports only a figure it puts "at" ("put the
    losses at 3,000", not "put 10,000 troops on the border")."""
    subject = _SUBJECT_VERB.match(text, pos)
    if subject is None:
        return False
    said = verbs.match(text[subject.end() - 1:subject.end() + 40])
    if said is None or " " in said.group().strip():
        return False
    return not said.group().lower().startswith("put") or \
        " at " in text[subject.end():figure]


def reports_in(text: str) -> bool:
    """Does a reporting verb or a source's "according to" occur anywhere in text?"""
    return bool(_report_words().search(text))


@lru_cache(maxsize=1)
def _report_words() -> re.Pattern[str]:
    src = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8")).get(
        "sources", {})
    words = sorted({*src.get("verbs", []), *src.get("before", [])}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def states_figure(text: str, start: int, end: int, figure: int) -> bool:
    """Is the side named at text[start:end] (before the figure at `figure`) the figure's
    source rather than whose men it counts: the subject of a reporting verb ("Ukrainian
    President Volodymyr Zelensky put the total at around 4,000", "Kyiv says 3,000 ...") or
    named after "according to" ("according to Ukrainian intelligence, 11,000 troops")?"""
    verbs, before, _ends, _nouns = _rules()
    if posted_in(text, start):
        return False
    return _verb_next(text, end, verbs, figure) or bool(
        before.search(text[max(0, start - 30):start]))


def _reports(text: str, cue: CueMatch, verbs: re.Pattern[str], before: re.Pattern[str]) -> bool:
    """Is this named side a source here ("Seoul's spy agency reported", "according to Seoul")?"""
    return bool(verbs.match(text[cue.end:cue.end + 120].lstrip(" ,")) or
                before.search(text[max(0, cue.start - 30):cue.start]))


def _counted_by(text: str, cue: CueMatch, before: re.Pattern[str],
                nouns: re.Pattern[str]) -> bool:
    """Is this side named as the owner of the count ("according to the information of
    Seoul's NIS", "the South Korean figures"), so that a figure it gives is its own even
    when the sentence is another speaker's?"""
    return bool(before.search(text[max(0, cue.start - 40):cue.start])
                or nouns.match(_POSSESSIVE.sub("", text[cue.end:cue.end + 60])))


# What follows a side's name before the noun it owns: "Russia's figures", "Seoul, figures";
# only a possessive "'s" goes ("Russian statistics" keeps its "s").
_POSSESSIVE = re.compile(r"^[\s,]*(?:['’]s\b)?\s*")


def figure_sources(text: str, start: int, end: int, claims: list[NumericClaim],
                   matcher: CueMatcher) -> list[NumericClaim]:
    """The claims of text[start:end], each narrowed to the side that reports it when the
    passage carries several perspectives (see the module's docstring); and a figure whose
    clause names its owner of another side than the passage's ("I can refer you to the
    Ukrainian and South Korean figures, which speak of around 4,000 casualties") is that
    owner's."""
    if not claims:
        return claims
    verbs, before, ends, nouns = _rules()
    cuts = _cuts(text, start, end, ends)
    cues = _reporting_countries(text, start, end, matcher.find(text, start, end), matcher,
                                verbs, before)
    if not cues:
        return claims
    out: list[NumericClaim] = []
    reported: tuple[int, list[str]] | None = None  # (end of clause, sides) of a sourced figure
    for c in claims:
        keys = set(c.perspectives)
        lo = max(p for p in cuts if p <= c.start)
        hi = min(p for p in cuts if p >= c.end)
        # "a figure higher than the 1,000 cited by US officials": a source of another side
        # named right after the figure ("cited by", "according to") is its owner
        owners = [m for m in cues if m.key not in keys and c.end <= m.start <= c.end + _AFTER
                  and m.end <= hi and before.search(text[max(c.end, m.start - 30):m.start])][:1]
        if owners == [] and writers_clause(text, start, lo) and not any(
                lo <= m.start < hi and _reports(text, m, verbs, before) for m in cues):
            out.append(replace(c, perspectives=[]))  # "..., state media reported, as the
            continue  # two countries deepen a partnership that has sent thousands ..."
        owners = owners or [m for m in cues if m.key not in keys and lo <= m.start
                            and m.end <= c.start and _counted_by(text, m, before, nouns)]
        if owners:
            sides = _together(text, cues, owners[-1])
            if _RELAYED.search(text, max(lo, owners[-1].start - 60), owners[-1].start):
                sides |= keys  # the speaker adopts the count: its side and the owner's
            out.append(replace(c, perspectives=[k for k in matcher_keys(cues) if k in sides]
                               + [k for k in c.perspectives if k in sides and k not in
                                  matcher_keys(cues)]))
            continue
        if not keys or lo > start:
            # a figure the sentence was not given a side for ("In December the National
            # Intelligence Service put the dead at about a tenth"), or in a later clause of
            # one ("...; the United States put losses at \"over a thousand\""): a side
            # reporting it in its own clause, right before it, is its source
            said = [m for m in cues if lo <= m.start and m.end <= c.start
                    and not (m.start < c.end and c.start < m.end)
                    and (m.key not in keys or not keys) and not posted_in(text, m.start)
                    and (_verb_next(text, m.end, verbs, c.start) or before.search(
                        text[max(0, m.start - 30):m.start]))]
            if said:
                sides = _together(text, cues, said[-1])
                out.append(replace(c, perspectives=[k for k in matcher_keys(cues) if k in sides]))
                reported = (hi, out[-1].perspectives)
                continue
            if not keys and reported is not None and reported[0] == lo and not any(
                    lo <= m.start < hi for m in cues) and _PRONOUN.search(text, lo, c.start):
                # "...the NIS put the dead at about a tenth of all casualties; by April it was
                # more than 40 per cent": the next clause, about the same thing and naming no
                # side, goes on with the source of the clause before
                out.append(replace(c, perspectives=list(reported[1])))
                reported = (hi, reported[1])
                continue
            if not keys:
                out.append(c)
                continue
        if len(keys) < 2:
            out.append(c)
            continue
        sources = [m for m in cues if m.key in keys and lo <= m.start and m.end <= hi
                   and not (m.start < c.end and c.start < m.end)
                   and _reports(text, m, verbs, before)]
        earlier = [m for m in sources if m.end <= c.start]
        later = [m for m in sources if m.start >= c.end]
        # "9,000 troops according to Seoul, of whom 6,000 ..., according to U.S. officials":
        # a trailing "according to X" is the source of the figures just before it
        trailing = later[0] if later and before.search(
            text[max(0, later[0].start - 30):later[0].start]) else None
        source = trailing or (earlier[-1] if earlier else (later[0] if later else None))
        if source is None and lo > start:
            source = _shared_subject(text, cuts, lo, cues, keys, verbs, before)
        if source is None or _RELAYED.search(text, max(lo, source.start - 60), source.start):
            out.append(c)
            continue
        sides = _together(text, [m for m in cues if m.key in keys], source)
        out.append(replace(c, perspectives=[k for k in c.perspectives if k in sides]))
    return out


# (not "while": "300 were killed, the NIS said, while 2,700 were wounded" goes on with its
# source's content)
_BACKGROUND = re.compile(r",?\s+as\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def _report_tail() -> re.Pattern[str]:
    """A trailing attribution ending a clause: ", state media reported", ", he said"."""
    src = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8")).get(
        "sources", {})
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(src.get("verbs", []), key=len, reverse=True)) or "(?!)"
    return re.compile(rf",\s+(?:[\w.'’-]+\s+){{1,5}}?(?:{words})[\"”’']?\s*$", re.IGNORECASE)


def writers_clause(text: str, start: int, lo: int) -> bool:
    """Is the clause at `lo` the writer's background after the reported speech has closed
    with its attribution ("..., state media reported, as the two countries deepen ...")?"""
    return lo > start and _BACKGROUND.match(text, lo) is not None and \
        _report_tail().search(text, max(start, lo - 80), lo) is not None


def _reporting_countries(text: str, start: int, end: int, cues: list[CueMatch],
                         matcher: CueMatcher, verbs: re.Pattern[str],
                         before: re.Pattern[str]) -> list[CueMatch]:
    """The cues, with each country named as a source ("..., and Ukraine said the number was
    closer to 3,000", "according to South Korea"): a bare country is no perspective cue, as
    it is as often the topic ("the war in Ukraine"), but as the subject of a reporting verb
    it is its side's source."""
    a = affiliations()
    sides = set(matcher.owner.values())
    extra: list[CueMatch] = []
    bare: list[CueMatch] = []
    for m in a.country_rx.finditer(text, start, end):
        if _is_acronym_pronoun(text, m) or any(c.start < m.end() and m.start() < c.end
                                               for c in cues):
            continue
        key = _key(a, m.group())
        if key in sides and not posted_in(text, m.start()) and (
                _verb_next(text, m.end(), verbs, end) or before.search(
                text[max(0, m.start() - 30):m.start()])):
            extra.append(CueMatch(m.start(), m.end(), m.group(), key))
        elif key in sides:
            bare.append(CueMatch(m.start(), m.end(), m.group(), key))
    found = sorted([*cues, *extra], key=lambda c: c.start)
    # "information from South Korea, Ukraine and the United States": a bare country listed
    # with a named source is one of the sources
    listed = True
    while listed and bare:
        listed = False
        for b in list(bare):
            if any(_AND.fullmatch(text, c.end, b.start) or _AND.fullmatch(text, b.end, c.start)
                   for c in found):
                found = sorted([*found, b], key=lambda c: c.start)
                bare.remove(b)
                listed = True
    return found


# A clause about the same thing as the one before: "...; by April it was more than 40 per cent".
_PRONOUN = re.compile(r"\b(?:it|they|this|that|these)\b")


# "as much as half", "as many as 15,000", "such as": a qualifier or a list, not a clause's
# "as" ("..., as the minister said")
_NOT_A_CLAUSE = re.compile(r"\bas\s+(?:much|many|few|high|low|well|far|long|soon|little)\s+as\b|"
                           r"\bsuch\s+as\b", re.IGNORECASE)


def _cuts(text: str, start: int, end: int, ends: re.Pattern[str]) -> list[int]:
    """Where the clauses of text[start:end] begin (with start and end)."""
    inside = [(m.start(), m.end()) for m in _NOT_A_CLAUSE.finditer(text, start, end)]
    return [start, *(m.start() for m in ends.finditer(text, start, end)
                     if not any(a <= m.start() + 1 < z for a, z in inside)), end]


def matcher_keys(cues: list[CueMatch]) -> list[str]:
    """The sides of the cues, in the order first named."""
    return list(dict.fromkeys(m.key for m in cues))


def _shared_subject(text: str, cuts: list[int], lo: int, cues: list[CueMatch], keys: set[str],
                    verbs: re.Pattern[str], before: re.Pattern[str]) -> CueMatch | None:
    """The source of the clause before, when this clause is its subject's next report
    ("South Korea's spy agency assessed that 11,000 troops had been sent, and in January
    told the National Assembly that casualties had exceeded 3,000")."""
    joined = _JOINED.match(text, lo)
    if joined is None or not verbs.match(text[joined.end():joined.end() + 120]):
        return None
    prev = max(p for p in cuts if p < lo)
    sources = [m for m in cues if m.key in keys and prev <= m.start and m.end <= lo
               and _reports(text, m, verbs, before)]
    return sources[-1] if sources else None


def _together(text: str, cues: list[CueMatch], source: CueMatch) -> set[str]:
    """The sides named together with `source` ("American and South Korean intelligence")."""
    sides = {source.key}
    i = cues.index(source)
    j = i
    while j > 0 and _AND.fullmatch(text, cues[j - 1].end, cues[j].start):
        j -= 1
        sides.add(cues[j].key)
    j = i
    while j + 1 < len(cues) and _AND.fullmatch(text, cues[j].end, cues[j + 1].start):
        j += 1
        sides.add(cues[j].key)
    return sides


# A sentence's subject, then an aside about it between commas, then its verb: "Igor Lapin,
# a blogger who has about 3 million subscribers, claimed ...", "The channel, which has over
# a million subscribers, did not mention ...".
_ASIDE = re.compile(r"^[\s\"“'‘]*(?P<head>[^,;:.!?\"“”]{2,80}?),\s+(?P<aside>(?:which|who|a|an|"
                    r"with)\s[^,;:!?\"“”]{0,160}?),\s+[a-z]")
_HEAD_WORDS = 6  # a name or a short noun phrase, not a clause
_CLAUSE_WORD = re.compile(r"\b(?:that|is|are|was|were|has|have|had|shows?|will|would)\b")


def writers_aside(norm: str) -> tuple[int, int] | None:
    """The span of the writer's aside about the sentence's subject, if it reports nothing
    itself: a figure in it describes the speaker (its audience, its size), the writer's
    figure, not one the speaker states."""
    m = _ASIDE.match(norm)
    if m is None or len(m.group("head").split()) > _HEAD_WORDS or _CLAUSE_WORD.search(
            m.group("head")) or reports_in(m.group("head")) or reports_in(m.group("aside")):
        return None  # "It also shows that the cooperation ..., which involved ...": content
    return m.start("aside"), m.end("aside")
