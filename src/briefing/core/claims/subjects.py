"""The speaker span of an attribution: the subject left of a reporting verb, an inverted
verb's speaker, what looks like a source, and back-references ("he", "the official").

A mixin of Attributor (claims/attribution.py): it reads the attributor's rules and cues.
"""

from __future__ import annotations

import re

from briefing.core.claims.affiliation import affiliations, bare_country, foreign, postmodifier
from briefing.core.claims.cues import CueMatch, CueMatcher
from briefing.core.claims.grammar import (
    _BOUNDARY,
    _INTERJECTION,
    _NAME_WORD,
    _PERSON,
    _TOPIC_OPENERS,
    _WORD,
    CONTACT,
    _trim,
    is_adverb,
)
from briefing.core.claims.rules import AttributionRules
from briefing.core.claims.speaker import Context, Speaker
from briefing.core.claims.words import (
    _BODY_AFTER_PLACE,
    _DANGLING,
    _NOT_NAMES,
    _PLACED_ROLES,
    _PREPOSITIONS,
    _TIME_PREPS,
    _TIMES,
    _TOPIC_ROLES,
    _WRITTEN_ON,
)

# What a list of sources gave, before the first of them: "Information from", "Intelligence
# provided by".
_GIVEN_FROM = re.compile(r"\s*(?:the\s+)?(?:latest\s+|new\s+)?(?:information|intelligence|data|"
                         r"figures|estimates|assessments|reports)\s+(?:(?:provided|shared|"
                         r"released|supplied)\s+)?(?:from|by)\s+", re.IGNORECASE)


# Prepositions opening an aside between a subject and its verb ("X, on his first visit ...,
# praised", "X, in a speech carried by KCNA, said").
_ASIDE_PREPOSITIONS = frozenset({"on", "in", "at", "during", "after", "before", "while",
                                 "with", "from", "for", "despite", "following"})


class SubjectFinder:
    """Where the speaker's words are in a sentence (Attributor's grammar half).

    The state below is set by Attributor.__init__; the mixins read it."""

    m: CueMatcher
    r: AttributionRules
    ctx: Context
    issuer: Speaker | None
    _text: str
    _common: frozenset[str]

    def _inverted(self, s: str, before: str) -> bool:
        """Does the verb follow a quotation or a whole clause (so its speaker comes after)?"""
        if before.endswith(("”", '"')) or re.search(r"[.,!?]['’]$", before):
            return True  # a closing quotation mark, double or single ("...Ukraine,' says X")
        if not before.endswith(","):
            return False
        segs = self._segments(s, len(before) - 1)
        if not segs:
            return False
        a, z, sep = segs[-1]
        words = [w.lower() for w in _WORD.findall(s[a:z])]
        if sep == "," and len(segs) >= 2 and words and words[0].endswith(("ing", "ed")) and \
                words[0] not in self.r.pronouns and words[0] not in self.r.clause_verbs:
            return False  # "Choe, speaking in Moscow after talks with Lavrov, said": an aside
        if sep == "," and len(segs) == 2 and words and words[0] in _ASIDE_PREPOSITIONS:
            return False  # "Lavrov, on his first visit to North Korea since ..., praised":
            # a place or time set between the subject and its verb
        if words and words[0] in ("who", "whose", "which") or \
                sep.strip().lower() in ("who", "whose", "which") and len(segs) >= 2 and \
                s[segs[-2][1]:a].lstrip().startswith(","):
            # "John Foreman, who ..., says", "South Korea's NIS, which does not post on
            # social media, confirmed": a relative clause, not a clause
            return False
        head = _PERSON.match(s)
        if head is not None and s[head.end():head.end() + 1] == "," and \
                re.match(r",\s+(?:a|an|the|who|whose|head|chief|\d{1,3},)\s", s[head.end():]):
            return False  # "Oksana Melnyk, an independent researcher who ..., told X": appositive
        return len(words) > 6 or bool(set(words) & self.r.clause_verbs)

    def _source_like(self, s: str, start: int, end: int, strict: bool) -> bool:
        """Can this subject be a source? Strict for verbs that are often not reporting."""
        words = _WORD.findall(s[start:end])
        lower = {w.lower() for w in words}
        if lower & (self.r.weak_subjects | self.r.pronouns) or self._cues(s, start, end) or \
                foreign(s[start:end]):
            return True
        if self._is_back_reference(s[start:end].lower(), s[start:end]):
            return True
        if any(n in self.ctx.names or n in self.ctx.placed and not _country_word(n)
               for n in self._names(s, start, end)):
            return True  # "Kim answered": a person named and placed earlier ("Kim Tae-hyo",
            # also when the text introduced him without a statement of his own yet)
        if strict:
            return False
        return any(w[:1].isupper() and w.lower() not in _NOT_NAMES for w in words) or \
            lower <= {"officials", "experts", "analysts"} or (
                bool(words) and words[-1].lower() in _TOPIC_ROLES | self.r.role_words and
                words[0].lower() in ("a", "an", "the", "one", "another"))

    def _is_back_reference(self, low: str, text: str = "") -> bool:
        if low in self.r.back_references:
            return True
        text = text or low
        words = low.split()
        # "the same agency", "this official", "his agency", "her ministry"; but "the Indian
        # government" names a new body: a modifier that is a name, not a role, is not a
        # back-reference.
        if not (len(words) >= 2 and words[0] in ("the", "this", "that", "his", "her", "its",
                                                 "their") and
                words[-1] in self.r.back_reference_heads and len(words) <= 4):
            return False
        return not any(w.strip(".'") not in self.r.role_words | self.r.back_reference_heads
                       and w not in ("same", "spy", "foreign", "defence", "defense")
                       and original[:1].isupper()
                       for w, original in zip(words[1:-1], text.split()[1:-1], strict=False))

    # -- subject finding --------------------------------------------------------------------
    def _segments(self, s: str, stop: int) -> list[tuple[int, int, str]]:
        """Pieces of s[:stop] between boundaries, with the boundary text that precedes each."""
        out: list[tuple[int, int, str]] = []
        pos = 0
        sep = ""
        for b in _BOUNDARY.finditer(s, 0, stop):
            out.append((pos, b.start(), sep))
            pos, sep = b.end(), b.group()
        out.append((pos, stop, sep))
        return [(a, z, sp) for a, z, sp in (_trim(s, a, z) + (sp,) for a, z, sp in out) if z > a]

    def _clean(self, s: str, start: int, end: int) -> tuple[int, int]:
        """Strip leading openers and trailing adverbs/auxiliaries from a subject span."""
        r = self.r
        words = list(_WORD.finditer(s, start, end))
        while words:
            first = words[0].group().lower()
            if first in r.openers:
                words.pop(0)
            elif first in _TIME_PREPS and len(words) > 2 and words[1].group().lower() in _TIMES:
                del words[:2]  # "On Wednesday he said", "Last week Andrei Belousov said"
            else:
                break
        if words and words[-1].group().lower() in r.pronouns:
            words = words[-1:]
        while words and (words[-1].group().lower() in r.adverbs | r.clause_verbs or
                         is_adverb(words[-1].group())):
            words.pop()  # "Canada strongly (condemns)"
        if not words:
            return start, start
        return words[0].start(), words[-1].end()

    def _left_subject(self, s: str, stop: int) -> tuple[int, int, list[tuple[int, int]]] | None:
        """The subject left of a verb, plus neighbouring segments worth checking for cues."""
        rel = _TRAILING_RELATIVE.search(s[:stop])
        if rel is not None and rel.start() > 0:
            # "A senior official, who spoke on condition of anonymity because he was not
            # authorised to brief, put it bluntly": the whole relative clause, whatever
            # subordinate clause it holds, describes the subject before it
            inner = self._left_subject(s, rel.start())
            if inner is not None:
                return inner[0], inner[1], [*inner[2], (rel.start() + 1, rel.end())]
        segs = self._segments(s, stop)
        if len(segs) >= 2 and segs[-1][2] == "(" and s[segs[-1][1]:stop].strip() == ")":
            segs.pop()  # "Rybar (1.3m subscribers) wrote": the aside is not the subject
        if len(segs) >= 3 and segs[-1][2].strip() == ")" and segs[-2][2].strip() == "(" and \
                re.match(r"(?:in|at|of|for|from|on)\s", s[segs[-1][0]:segs[-1][1]]):
            # "the Joint Chiefs of Staff (JCS) in Seoul said": the phrase after the brackets
            # goes on with the name before them
            segs[-3:] = [(segs[-3][0], segs[-1][1], segs[-3][2])]
        while segs:
            a, z = self._clean(s, segs[-1][0], segs[-1][1])
            if len(segs) >= 2 and segs[-1][2] == "," and _INTERJECTION.fullmatch(s[a:z]):
                segs.pop()  # "The Kremlin, for its part, insists": the aside is not the subject
            elif z > a:
                break
            else:
                segs.pop()  # "Charles Flynn, has said": the piece before the verb is empty
            # (both in turn: "China, for its part, has repeatedly said")
        if not segs:
            return None
        sep = segs[-1][2]
        if sep.lower() in ("what", "how", "whether", "if") and not re.match(
                r"\s*(?:\w+\s+){1,2}?(?:is|are|was|were|as|had|has|have|would|will)\b"
                r"|\s*\w+\s+(?:an?|the)\s", s[stop:]):
            # "what the envoys have said about it": a topic, not a report (but "images of
            # what they say are Russian transports" reports)
            return None
        raw_first = s[segs[-1][0]:segs[-1][1]].lower()
        extra: list[tuple[int, int]] = []
        rel = re.search(r"\b(?:who|whose)\b", s[a:z])
        first_word = raw_first.split()[0] if raw_first.split() else ""
        # "China's foreign ministry, asked about the losses, said": an interjected
        # participle phrase; the subject is the segment before it.
        interjected = sep == "," and (first_word.endswith(("ing", "ed")) or (
            first_word in _ASIDE_PREPOSITIONS and len(segs) == 2)) and \
            first_word not in self.r.pronouns and len(raw_first.split()) >= 2
        # ("Lavrov, on his first visit to Pyongyang, praised": a place or time aside)
        first_raw = s[segs[-1][0]:segs[-1][1]].split()[0] if raw_first.split() else ""
        relative = raw_first.startswith(("who ", "whose ")) or raw_first == "who" or \
            interjected or (
            sep.lower() == "which" and raw_first.split()[0] not in self.r.pronouns
            and raw_first.split()[0] not in ("the", "a", "an") and not first_raw[:1].isupper())
        # ("..., which the JCS said flew for 86 minutes": the JCS is the subject)
        appositive = sep == "," and len(segs) >= 2 and (len(segs) == 2 and segs[0][2] == "" or
                                                       segs[-2][2].lower() == "that") and \
            raw_first.split()[0] in ("the", "a", "an") and len(raw_first.split()) <= 6 and \
            s[segs[-1][1]:stop].strip() == "," and bool(self._cues(s, *segs[-2][:2]))
        # ("Germany's intelligence service, the BND, estimates": the appositive renames
        # a subject that names its side, also after a cleft's "It was not until April
        # that"; "Andriy Kostin, the prosecutor general, said": the role is read as before)
        if (relative or appositive) and len(segs) >= 2:
            # "John Foreman, who paid ... as British defence attaché, says"
            extra.append((a, z))
            a, z = self._clean(s, segs[-2][0], segs[-2][1])
            sep = segs[-2][2]
            if z <= a:
                return None
            if relative:
                a = _antecedent_start(s, a, z)
        elif rel and rel.start() > 0:
            # "A European diplomat who asked not to be named said"
            extra.append((a + rel.start(), z))
            a, z = self._clean(s, a, a + rel.start())
        contact = CONTACT.search(s[a:z])
        if contact is not None and contact.start() > 0:
            # "An official I spoke to said", "diplomats we interviewed told": the contact
            # clause describes the subject before it
            extra.append((a + contact.start(), z))
            z = a + contact.start()
        words = _WORD.findall(s[a:z])
        if not words or len(words) > 12:
            return None  # not a subject: a clause ("Russia is helping ... capabilities")
        if any(w.lower() in self.r.clause_verbs for w in words):
            cut = [w for w in _WORD.finditer(s, a, z) if w.group().lower() in self.r.clause_verbs]
            if s[stop:stop + 30].split(" ")[0].lower().endswith("ing"):
                z = cut[0].start()  # "leaders have settled for statements ... confirming"
            else:
                a = cut[-1].end()
                joined = list(re.finditer(r"\band\b", s[a:z]))
                if joined:  # "... is due next month and several European leaders have"
                    a += joined[-1].end()
            a, z = self._clean(s, a, z)
            if z <= a:
                return None
        last_word = _WORD.findall(s[a:z])[-1].lower()
        if last_word in _DANGLING:
            return None  # "... linked X to (previously announced)": not a subject
        head = re.sub(r"^\s*(?:the\s+)?", "", s[segs[-1][0]:segs[-1][1]])
        if sep == "," and (raw_first.startswith(("and ", "or ")) or (
                " and " in raw_first and len(raw_first.split()) <= 5 and head[:1].isupper())):
            # A list of speakers: "Ukrainian, South Korean, and US officials", "Information
            # from South Korea, the United States and Ukraine" (what the list gave).
            i = len(segs) - 2
            while i >= 0:
                piece = s[segs[i][0]:segs[i][1]]
                given = _GIVEN_FROM.match(piece)
                rest = piece[given.end():] if given is not None else piece
                if len(_WORD.findall(rest)) > 3 or not rest.split() or \
                        rest.split()[0].lower() in _PREPOSITIONS:
                    break
                a = segs[i][0]
                if segs[i][2] != "," or given is not None:
                    break
                i -= 1
            a, z = self._clean(s, a, z)
        elif len(segs) >= 3 and sep == "," and len(words) <= 3 and not extra and \
                re.match(r"(?:who|whose)\s", s[segs[-2][0]:segs[-2][1]], re.IGNORECASE):
            # "a Ukrainian drone operator ..., who asked to be identified by his call sign,
            # Hrim, said": the name closes the relative clause; the head names the side
            extra.append(self._clean(s, segs[-3][0], segs[-3][1]))
        elif len(segs) >= 2 and sep == "," and len(words) <= 6 and not extra:
            pa, pz, _ = segs[-2]
            pwords = [w.lower() for w in _WORD.findall(s[pa:pz])]
            if (pwords and len(pwords) <= 10 and not set(pwords) & self.r.clause_verbs
                    and not (s[pa:pz][:1].islower() and pwords[0] not in ("head", "a", "an"))
                    and pwords[0] not in _TOPIC_OPENERS):
                extra.append((pa, pz))  # (not "Regarding North Korean troops, the JCS said")
        return a, z, extra

    def _main_subject(self, s: str, stop: int) -> tuple[int, int] | None:
        """Subject of the sentence's main clause: the first segment that is not an opener."""
        for a, z, _sep in self._segments(s, stop):
            words = list(_WORD.finditer(s, a, z))
            if not words:
                continue
            first = words[0].group().lower()
            if first in self.r.openers or first in ("in", "on", "at", "rather", "after", "by",
                                                     "for", "with", "last", "this", "since"):
                continue
            end = z
            prev_low = ""
            for w in words:
                low = w.group().lower()
                if low in self.r.clause_verbs or self.r.verbs.fullmatch(low) or (
                        low.endswith("ed") and w.start() > a
                                                  and prev_low not in ("a", "an", "the")):
                    end = w.start()
                    break
                prev_low = low
            a2, z2 = self._clean(s, a, end)
            return (a2, z2) if z2 > a2 else None
        return None

    # -- resolution ---------------------------------------------------------------------------
    def _cues(self, s: str, start: int, end: int) -> list[tuple[str, str]]:
        """(key, cue) pairs naming who the span is, skipping topics and objects."""
        r = self.r
        kept = []
        last_end = -10
        last_key = None
        for c in self._find(s, start, end):
            before = _WORD.findall(s[max(start, c.start - 20):c.start])
            if before and before[-1].lower() in r.object_prepositions:
                continue
            lead = [w.lower() for w in before if w.lower() not in ("the", "a", "an")]
            cue_words = [w.lower().removesuffix("'s") for w in _WORD.findall(s[c.start:c.end])]
            after = [w.lower().removesuffix("'s") for w in _WORD.findall(s[c.end:c.end + 20])[:1]]
            demonym = any(w.endswith(("an", "ese", "ish", "ch")) for w in cue_words[:2])
            member = demonym and bool(set(after + cue_words[-1:]) & r.role_words)
            # ("a colonel in the South Korean army's intelligence command": a member of a
            # nation's body, not a place)
            if lead and lead[-1] in ("in", "from") and not member and (
                    len(lead) < 2 or lead[-2] not in _PLACED_ROLES):
                continue  # "a specialist at a centre in Washington": a place, not a side
            if len(before) >= 2 and before[-1].lower() in ("on", "about") and \
                    before[-2].lower() in _WRITTEN_ON:
                continue  # "co-author of a book on North Korea's army": a topic
            if before and before[-1].lower() == "of" and \
                    (len(before) < 2 or before[-2].lower() not in r.role_words):
                continue  # "the arrival of North Korean troops": a topic, not an affiliation
            text = s[c.start:c.end]
            follow = _WORD.findall(s[c.end:c.end + 20])[:1]
            if follow and follow[0].lower() in _TOPIC_ROLES and not text.endswith(
                    ("an", "ese", "ish", "ch")):
                continue  # "a Korea expert", "a China watcher": the topic, not the side
                # (a nationality is the person's own: "a Chinese scholar", "Russian analysts")
            if follow and follow[0].lower() in _BODY_AFTER_PLACE and \
                    bare_country(text) is not None and not text.endswith(
                        ("an", "ese", "ish", "ch")):
                continue  # "a private Seoul think tank": a place, not a side
            if text.endswith(("'s", "'")) and not text.endswith("s'"):
                following = [w.lower() for w in _WORD.findall(s[c.end:c.end + 40])[:3]]
                if not set(following) & r.role_words:
                    continue
            if last_key is not None and s[last_end:c.start].strip() == "" and c.key != last_key:
                continue  # "South Korea's spy chief": the modifier decides
            owner = postmodifier(s, c.end)
            if owner is not None and owner[0] != c.key and c.end < end:
                kept.append(owner)  # "the Ministry of Defence of Ukraine"
                last_end, last_key = c.end, owner[0]
                continue
            kept.append((c.key, c.cue))
            last_end, last_key = c.end, c.key
        return kept

    def _find(self, s: str, start: int, end: int) -> list[CueMatch]:
        """Cue matches in s[start:end]; over the learned article, from its one-pass scan."""
        return self.m.find(s, start, end)

    def _names(self, s: str, start: int, end: int) -> list[str]:
        """Proper names in a span ("Flynn"), leaving out cue words and common words; a
        name of two letters ("Fu", "Li") only when the text introduced it."""
        cue_spans = [(c.start, c.end) for c in self._find(s, start, end)]
        common = self._common
        # (a possessive is the name: "Kostin's office" is Kostin's)
        names = [(w, _POSSESSIVE.sub("", w.group().lower()))
                 for w in _NAME_WORD.finditer(s, start, end)]
        return [name for w, name in names
                if name not in common and w.group().lower() not in common
                and (len(name) > 2 or name in self.ctx.placed)
                and not any(ca <= w.start() < cz for ca, cz in cue_spans)]


_POSSESSIVE = re.compile(r"['’]s?$")
# A relative clause closing right before the verb: "..., who spoke on condition that ..., "
_TRAILING_RELATIVE = re.compile(r",\s+(?:who|whose)\s[^,;:()“”\"]*,\s*$")


# A verb before the last noun phrase of a clause ("discussed ... with", "was represented
# by"): the noun phrase after the clause's last preposition is the one a relative clause
# ("..., who told him") hangs on.
_CLAUSE_THEN_NP = re.compile(r"\b(?:[a-z]{3,}ed|is|are|was|were|has|have|had|met|spoke)\b"
                             r".*\s(?:with|by|to|from)\s+(?=(?:the|a|an|his|her|its|their|"
                             r"[A-Z])\b)")


def _antecedent_start(s: str, a: int, z: int) -> int:
    """Where the noun phrase a relative clause describes starts in s[a:z]: after the last
    preposition of a clause ("Tsahkna discussed it with his Ukrainian counterpart Andrii
    Sybiha, who told him": the counterpart speaks, not the whole clause)."""
    m = _CLAUSE_THEN_NP.search(s, a, z)
    return m.end() if m is not None else a


def _country_word(name: str) -> bool:
    """Is a name part a place or people ("north", "koreans"), not a person's name?"""
    a = affiliations()
    return any(rx is not None and rx.search(name) for rx in (a.country_rx, a.other_rx)) or \
        name.lower() in ("north", "south", "east", "west")
