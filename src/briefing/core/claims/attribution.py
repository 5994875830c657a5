"""Find sentences that attribute a statement to a speaker, and who that speaker is.

Heuristic, dictionary-driven and fast (no models): reporting verbs and phrases come from
resources/claims/attribution.toml. For each trigger we find the speaker span (the subject
left of a verb, the name after an inverted verb, the phrase after "according to", the
speaker of the paragraph for a bare quotation) and resolve perspectives from that span
only, through the perspective cues. Back-references ("he said", "the spy chief",
"Mr Budanov", "officials said") reuse the speaker named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.core.claims.affiliation import affiliation, bare_country, foreign, postmodifier
from briefing.core.claims.cues import CueMatch, CueMatcher, normalise
from briefing.core.claims.grammar import (
    _ACT_NOT_SPEECH,
    _APPOSED,
    _BELONGS,
    _BOUNDARY,
    _CAPITALISED,
    _CLAUSE_AFTER,
    _COLON_QUOTE,
    _CONJUNCTS,
    _DOCUMENT,
    _INTERJECTION,
    _KIN,
    _KNOWN_SUBJECT,
    _LABEL_COLON,
    _PERSON,
    _PERSON_ROLES,
    _QUOTE,
    _RIGHT_END,
    _SPEECH_NOUN,
    _TOPIC_OPENERS,
    _VAGUE_SOURCE,
    _WESTERN,
    _WORD,
    _after_word_boundary,
    _belonging_clause,
    _inside,
    _next_boundary,
    _topic_word,
    _trim,
)
from briefing.core.claims.introductions import read_introductions
from briefing.core.claims.rules import AttributionRules, attribution_rules, scan
from briefing.core.claims.sentences import Sentence
from briefing.core.claims.words import (
    _CARRYING_VERBS,
    _DANGLING,
    _DET_BEFORE,
    _GENERIC_HEADS,
    _NEGATIONS,
    _NOT_NAMES,
    _NOUN_NEXT,
    _PLACED_ROLES,
    _PREPOSITIONS,
    _TIME_PREPS,
    _TIMES,
    _TOPIC_ROLES,
)


@dataclass
class Speaker:
    """Who a statement is attributed to, and the perspectives that follow from it."""

    text: str
    perspectives: list[str]
    cue: str | None
    verb: str
    start: int = 0  # offsets in the full text
    end: int = 0


@dataclass
class Context:
    """What earlier sentences of the same article established (for back-references)."""

    last: Speaker | None = None
    last_paragraph: int = -1
    last_index: int = -10
    names: dict[str, Speaker] = field(default_factory=dict)
    # name or role word -> [(offset, key, cue)], from learn(): the latest before a sentence wins
    placed: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    # (sentence index, speaker) of every speaker with a side, oldest first
    history: list[tuple[int, Speaker]] = field(default_factory=list)
    section: int = -1  # sentence index of the latest heading that named a side
    section_speaker: Speaker | None = None


class Attributor:
    """Attributes sentences, one article at a time (keeps back-reference context)."""

    def __init__(self, matcher: CueMatcher, rules: AttributionRules | None = None) -> None:
        self.m = matcher
        self.r = rules or attribution_rules()
        self.ctx = Context()
        # The body that issues the document, when it is a government body's own text: who
        # "it" and "we" are when no one else was named (set by the suggester).
        self.issuer: Speaker | None = None
        self._text = ""
        r = self.r
        self._common = _NOT_NAMES | r.titles | r.openers | r.weak_subjects | \
            r.back_reference_heads | r.role_words | r.pronouns

    # -- public -----------------------------------------------------------------------
    def learn(self, text: str) -> None:
        """Read how the article introduces people and bodies, before attributing
        (claims/introductions.py): later mentions ("Minister Cho", "the JCS") are placed."""
        self._text = normalise(text)
        self.ctx.placed = read_introductions(self, self._text)

    def _placed(self, word: str, pos: int) -> tuple[str, str] | None:
        """The side of the latest introduction of `word` before pos (else the first)."""
        entries = self.ctx.placed.get(word)
        if not entries:
            return None
        before = [e for e in entries if e[0] < pos]
        _, key, cue = before[-1] if before else entries[0]
        return key, cue

    def attribute(self, sent: Sentence, index: int, labels: bool = True) -> list[Speaker]:
        """Speakers this sentence attributes statements to ([] if none).

        `labels`: a sentence opened by a speaker label ("Zelensky: ...") is that speaker's
        (off inside a transcript, where turns are read separately)."""
        s = normalise(sent.text)
        quotes = [(q.start(), q.end()) for q in _QUOTE.finditer(s)]
        found: list[Speaker] = []
        for rx in self.r.lead_patterns:
            m = rx.match(s)
            if m:
                found.append(self._resolve(s, sent, m.start("speaker"), m.end("speaker"),
                                           "for", index))
        for rx in self.r.patterns:
            for m in rx.finditer(s):
                if not _inside(m.start(), quotes):
                    found.append(self._resolve(s, sent, m.start("speaker"), m.end("speaker"),
                                               m.group().split()[-1], index))
        for m in self.r.sources.finditer(s):
            if not _inside(m.start(), quotes):
                span = self._source_span(s, m.end())
                if span and _VAGUE_SOURCE.fullmatch(s[span[0]:span[1]].strip()):
                    continue  # "according to reports": no source is named
                if span:
                    found.append(self._resolve(s, sent, *span, m.group().lower(), index))
        verb_sets = [(self.r.verbs, self.r.verb_heads)]
        if self.issuer is not None and self.r.readout_verbs is not None:
            verb_sets.append((self.r.readout_verbs, self.r.readout_heads))  # a readout
        for verbs, heads in verb_sets:
            for m in scan(verbs, heads, s):
                if _inside(m.start(), quotes) or any(f.start <= sent.start + m.start() < f.end
                                                     for f in found if f.verb == m.group()):
                    continue
                sp = self._verb_speaker(s, sent, m, found, index)
                if sp is not None:
                    found.append(sp)
        found = [f for f in found if f is not None and f.text]
        if not found:
            colon = self._colon_speaker(s, sent, index, labels)
            if colon is not None:
                found.append(colon)
        if not found:
            quoted = self._quoted_speech(s, quotes, sent, index)
            if quoted is not None:
                found.append(quoted)
        found.sort(key=lambda f: f.start)
        if not found:
            self._note_subject(s, sent, index)
        named = next((f for f in found if f.perspectives), None)
        if named is None:
            named = next((f for f in reversed(found) if _CAPITALISED.search(f.text)
                          and f.text.lower() not in self.r.pronouns), None)
        if named is not None:
            self.ctx.last = named
            self.ctx.last_paragraph = sent.paragraph
            self.ctx.last_index = index
        for f in found:
            if f.perspectives and f.text.lower() not in self.r.pronouns:
                self.ctx.history.append((index, f))
        return found

    def _compatible(self, heads: set[str], index: int) -> Speaker | None:
        """The most recent speaker (last 12 sentences) whose name holds one of `heads`
        ("the ministry's channel" -> "Ukraine's Ministry of Defence")."""
        for at, sp in reversed(self.ctx.history):
            if index - at > 12 or at < self.ctx.section:
                break  # (a section heading since then starts another side's speakers)
            words = {w.lower().removesuffix("'s") for w in _WORD.findall(sp.text)}
            if words & heads and "and" not in words:
                return sp
        return None

    # -- triggers -----------------------------------------------------------------------
    def _source_span(self, s: str, pos: int) -> tuple[int, int] | None:
        """The phrase after "according to": up to the next comma, or two segments."""
        end = _next_boundary(s, pos)
        if end <= pos:
            return None
        if end < len(s) and s[end] == "," and not self.m.find(s, pos, end) and \
                not self._is_back_reference(s[pos:end].strip().lower()):
            nxt = s[end + 1:]
            if re.match(r"\s*(which|who|whose|citing|funded|based|a |an |the )", nxt, re.I):
                end2 = _next_boundary(s, end + 1)
                clause = {w.lower() for w in _WORD.findall(s[end + 1:end2])}
                if (end2 < len(s) and s[end2] == "," and not clause & self.r.clause_verbs) or \
                        re.match(r"\s*(which|who|whose|citing|funded|based)", nxt, re.I):
                    end = end2  # "according to X, a think tank, ...": the appositive
                # (not "according to X, a Chinese and a Russian bomber flew ...")
        return pos, end

    def _verb_speaker(self, s: str, sent: Sentence, m: re.Match[str], found: list[Speaker],
                      index: int) -> Speaker | None:
        r = self.r
        verb = re.sub(r"\s+", " ", m.group().lower())
        before = s[:m.start()].rstrip()
        if m.group()[:1].isupper() and before and before[-1:].isalpha():
            return None  # part of a name mid-sentence: "the United States", "Voice of Notes"
        after = s[m.end():]
        prev_words = _WORD.findall(before[-40:])
        prev = prev_words[-1].lower() if prev_words else ""
        next_words = _WORD.findall(after[:30])
        nxt = next_words[0].lower() if next_words else ""
        if verb in r.quote_verbs and not re.search(r"[“\"]", after[:80]):
            return None  # "called up reservists": no quotation, so no reported words
        if _ACT_NOT_SPEECH.match(after):
            return None  # "declared martial law", "announced a mobilisation": acts, not words
        if prev in _NEGATIONS or (len(prev_words) >= 2 and prev_words[-2].lower() in _NEGATIONS
                                  and prev.endswith("ly")):
            return None  # "Moscow has not (officially) confirmed it": nothing is reported
        clause = _WORD.findall(before[-80:])
        if any(w.lower() in ("neither", "nobody") for w in clause[-8:]):
            return None  # "Neither Moscow nor Pyongyang has confirmed": nothing is reported
        if prev in ("can", "could", "would", "may", "might", "should", "must", "will", "shall"):
            return None  # "Pyongyang can expect ...": a prospect, not a report
        if prev in ("a", "an", "the", "as"):
            return None  # a noun or adjective: "an estimated 3,000", "the claims"
        verb_at = m.start()
        k = len(prev_words)
        while prev == "to" and k >= 2 and prev_words[k - 2].lower() in _CARRYING_VERBS:
            # "The Kremlin continues to deny", "Moscow refused to confirm", "continues to
            # refuse to confirm": the subject of the carrying verb speaks.
            verb_at = before.rfind(prev_words[k - 2])
            k -= 2
            prev = prev_words[k - 1].lower() if k >= 1 and prev_words[k - 1].lower() == "to" \
                else ""
        if verb in ("put", "puts", "putting", "placed", "places") and not re.match(
                r"[^.;]{1,60}?\bat\s+(?:[a-z]+\s+){0,2}[\"“]?\d", after):
            return None  # "put casualties at 4,000" reports a figure; "put pressure on" does not
        if prev in ("been", "be", "being", "is", "was", "are", "were", "widely", "to"):
            # Passive ("has been described as") or infinitive: only "by X" names a speaker.
            by = re.search(r"^(?:\s+\w+){0,2}?\s+by\s+", after)  # "were told yesterday by"
            if by and verb not in r.participles:
                start = m.end() + by.end()
                stop = _BOUNDARY.search(s, start)
                agent = self._resolve(s, sent, start, stop.start() if stop else len(s), verb,
                                      index)
                if not agent.perspectives and s[start:start + 6].lower().startswith(
                        ("their ", "its ", "his ", "her ")):
                    # "South Korean lawmakers were told by their intelligence service":
                    # the agent belongs to the subject.
                    subj = self._main_subject(s, m.start())
                    if subj is not None:
                        owner = self._resolve_plain(s, *subj, verb, sent.start)
                        if owner.perspectives:
                            agent.perspectives, agent.cue = owner.perspectives, owner.cue
                return agent
            return None
        named_before = prev_words and prev_words[-1][:1].isupper() and \
            not prev.endswith(("ian", "ese", "ish", "an", "'s")) and \
            nxt in ("on", "that", "about", "to", "in", "")  # "Sybiha posted on X:"
        if verb in r.weak_verbs and not named_before and (
                nxt in _NOUN_NEXT or prev in _DET_BEFORE or prev.endswith("'s") or not nxt):
            return None  # a noun: "initial reports of", "estimates vary", "Russia's claim"
        if verb in r.participles and before.endswith(","):
            earlier = [f for f in found if f.start < sent.start + m.start()]
            if earlier:
                e = earlier[-1]
                return Speaker(e.text, list(e.perspectives), e.cue, verb, e.start, e.end)
            subj = self._main_subject(s, m.start())
            if subj:
                return self._resolve(s, sent, *subj, verb, index)
            return None
        # Inverted order: '"...," said Mr Budanov' / '..., grumbles Mr Budanov.'
        if self._inverted(s, before) and after[:1] == " " and nxt:
            first = next_words[0]
            if (first[:1].isupper() or nxt in ("the", "a", "an", "one", "another", "two",
                                                "three", "several", "some")) and \
                    nxt not in r.pronouns:
                start = m.end() + (len(after) - len(after.lstrip()))
                stop = _RIGHT_END.search(s[start:] + ".")  # "." always matches at the end
                end = start + (stop.start() if stop else len(s) - start)
                extra = []
                if s[end:end + 1] == "," and re.match(r",\s+(?:a|an|the)\s", s[end:end + 6]):
                    # '..., said Wang Lei, a spokesman for the Chinese embassy.'
                    extra.append((end + 1, _next_boundary(s, end + 1)))
                elif re.match(r"\s(?:in|at|with|of|from|for)\s", s[end:end + 6]):
                    # '..., says a senior official in Seoul's presidential office.'
                    extra.append((start, _next_boundary(s, end + 1)))
                return self._resolve(s, sent, start, end, verb, index, extra=extra)
        seg = self._left_subject(s, verb_at)
        if prev in ("and", "but") and len(prev_words) >= 3 and not _CLAUSE_AFTER.search(
                before[-60:]):
            # "The SSO channel posted footage ... and said ...": a second predicate of the
            # sentence's subject (not "..., and officials said", which has its own).
            main = self._main_subject(s, before.rfind(prev_words[-1]))
            if main is not None and main[1] <= before.rfind(prev_words[-1]) and \
                    self._source_like(s, *main, strict=False):
                left = _WORD.findall(s[main[1]:before.rfind(prev_words[-1])])
                if left and not (seg is not None and seg[0] > main[1] and
                                 self._source_like(s, seg[0], seg[1], strict=True)):
                    seg = (*main, [])
        if seg is None and verb.endswith("ing"):
            main = self._main_subject(s, m.start())  # "KCNA carried a statement ... calling"
            seg = (*main, []) if main else None
        if seg is None:
            return None
        start, end, extra = seg
        text = s[start:end].lower()
        if text == "it" and s[end:m.start()].strip() == "":
            # "It said 103 drones were shot down": the body named just before speaks.
            ante = self._antecedent(sent, index)
            if (ante is None or not ante.perspectives) and self.issuer is not None:
                ante = self.issuer  # "It strongly condemns" in a ministry's own statement
            if ante is not None and ante.perspectives and not _after_word_boundary(s, start):
                return Speaker(s[start:end], list(ante.perspectives), ante.cue, verb,
                               sent.start + start, sent.start + end)
            return None
        if text in r.not_speakers:
            return None
        if not self._source_like(s, start, end, strict=verb in r.weak_verbs):
            return None
        return self._resolve(s, sent, start, end, verb, index, extra=extra)

    def _inverted(self, s: str, before: str) -> bool:
        """Does the verb follow a quotation or a whole clause (so its speaker comes after)?"""
        if before.endswith(("”", '"')):
            return True
        if not before.endswith(","):
            return False
        segs = self._segments(s, len(before) - 1)
        if not segs:
            return False
        a, z, _sep = segs[-1]
        words = [w.lower() for w in _WORD.findall(s[a:z])]
        if words and words[0] in ("who", "whose", "which"):
            return False  # "John Foreman, who ..., says": a relative clause, not a clause
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
        if any(n in self.ctx.names for n in self._names(s, start, end)):
            return True  # "Kim answered": a person named and placed earlier ("Kim Tae-hyo")
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
        while words and words[-1].group().lower() in r.adverbs | r.clause_verbs:
            words.pop()
        if not words:
            return start, start
        return words[0].start(), words[-1].end()

    def _left_subject(self, s: str, stop: int) -> tuple[int, int, list[tuple[int, int]]] | None:
        """The subject left of a verb, plus neighbouring segments worth checking for cues."""
        segs = self._segments(s, stop)
        if len(segs) >= 2 and segs[-1][2] == "(" and s[segs[-1][1]:stop].strip() == ")":
            segs.pop()  # "Rybar (1.3m subscribers) wrote": the aside is not the subject
        if len(segs) >= 2 and segs[-1][2] == "," and _INTERJECTION.fullmatch(
                s[segs[-1][0]:segs[-1][1]]):
            segs.pop()  # "The Kremlin, for its part, insists": the aside is not the subject
        while segs:
            a, z = self._clean(s, segs[-1][0], segs[-1][1])
            if z > a:
                break
            segs.pop()  # "Charles Flynn, has said": the piece between comma and verb is empty
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
        interjected = sep == "," and first_word.endswith(("ing", "ed")) and \
            first_word not in self.r.pronouns and len(raw_first.split()) >= 2
        first_raw = s[segs[-1][0]:segs[-1][1]].split()[0] if raw_first.split() else ""
        relative = raw_first.startswith(("who ", "whose ")) or raw_first == "who" or \
            interjected or (
            sep.lower() == "which" and raw_first.split()[0] not in self.r.pronouns
            and raw_first.split()[0] not in ("the", "a", "an") and not first_raw[:1].isupper())
        # ("..., which the JCS said flew for 86 minutes": the JCS is the subject)
        if relative and len(segs) >= 2:
            # "John Foreman, who paid ... as British defence attaché, says"
            extra.append((a, z))
            a, z = self._clean(s, segs[-2][0], segs[-2][1])
            sep = segs[-2][2]
            if z <= a:
                return None
        elif rel and rel.start() > 0:
            # "A European diplomat who asked not to be named said"
            extra.append((a + rel.start(), z))
            a, z = self._clean(s, a, a + rel.start())
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
        if sep == "," and (raw_first.startswith(("and ", "or ")) or (
                " and " in raw_first and len(raw_first.split()) <= 5 and s[segs[-1][0]:][:1].isupper())):
            # A list of speakers: "Ukrainian, South Korean, and US officials".
            i = len(segs) - 2
            while i >= 0 and len(_WORD.findall(s[segs[i][0]:segs[i][1]])) <= 3 and \
                    s[segs[i][0]:segs[i][1]].split()[0].lower() not in _PREPOSITIONS:
                a = segs[i][0]
                if segs[i][2] != ",":
                    break
                i -= 1
            a, z = self._clean(s, a, z)
        elif len(segs) >= 2 and sep == "," and len(words) <= 6 and not extra:
            pa, pz, _ = segs[-2]
            pwords = [w.lower() for w in _WORD.findall(s[pa:pz])]
            if (pwords and len(pwords) <= 8 and not set(pwords) & self.r.clause_verbs
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
            if lead and lead[-1] in ("in", "from") and (
                    len(lead) < 2 or lead[-2] not in _PLACED_ROLES):
                continue  # "a specialist at a centre in Washington": a place, not a side
            if before and before[-1].lower() == "of" and \
                    (len(before) < 2 or before[-2].lower() not in r.role_words):
                continue  # "the arrival of North Korean troops": a topic, not an affiliation
            text = s[c.start:c.end]
            follow = _WORD.findall(s[c.end:c.end + 20])[:1]
            if follow and follow[0].lower() in _TOPIC_ROLES:
                continue  # "a Korea expert", "a China watcher": the topic, not the side
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

    def _resolve(self, s: str, sent: Sentence, start: int, end: int, verb: str, index: int,
                 extra: list[tuple[int, int]] | None = None) -> Speaker:
        r = self.r
        start, end = _trim(s, start, end)
        text = s[start:end]
        low = text.lower()
        base = sent.start
        bare = low[4:] if low.startswith("the ") else low
        antecedent = self._antecedent(sent, index)
        if low in r.pronouns:
            inner = self._main_subject(s, start) if _after_word_boundary(s, start) else None
            if inner is not None:
                sp = self._resolve_plain(s, *inner, verb, base)
                if sp.perspectives:
                    return Speaker(text, sp.perspectives, sp.cue, verb, base + start, base + end)
            here = self._person_before(s, start) if low in ("he", "she") else None
            if here is not None:  # "I spoke with the Foreign Minister of the Republic of
                # Korea, and he told me ...": the person named earlier in the sentence
                return Speaker(text, [here[0]], here[1], verb, base + start, base + end)
            if antecedent is not None:
                return Speaker(text, list(antecedent.perspectives), antecedent.cue, verb,
                               base + start, base + end)
            return Speaker(text, [], None, verb, base + start, base + end)
        listed = low in r.back_references or bare in r.back_references
        if listed or (self._is_back_reference(low, text) and not self._cues(s, start, end)):
            # "the Secretary", "the embassy": the nearest compatible speaker, i.e. the last
            # one whose name holds the same head word, else the body introduced so.
            head = low.split()[-1]
            ante_heads = set() if antecedent is None else {
                w.lower().removesuffix("'s") for w in _WORD.findall(antecedent.text)} & (
                r.back_reference_heads | r.role_words)
            compound = antecedent is not None and " and " in antecedent.text
            compatible = antecedent is not None and antecedent.perspectives and not compound \
                and (head in ante_heads or head in _GENERIC_HEADS or not ante_heads)
            if compatible and antecedent is not None:
                return Speaker(text, list(antecedent.perspectives), antecedent.cue, verb,
                               base + start, base + end)
            heads = {head} | {w.removesuffix("'s") for w in low.split() if w.endswith("'s")}
            earlier = self._compatible(heads - {"the", "its", "his", "her", "their"}, index)
            if earlier is not None:  # the nearest speaker of the same kind
                return Speaker(text, list(earlier.perspectives), earlier.cue, verb,
                               base + start, base + end)
            section = self.section_side(index)
            if section is not None and (antecedent is None or self.ctx.last_index <=
                                        self.ctx.section or not antecedent.perspectives):
                # "The channel" under the heading "Russian channels"
                return Speaker(text, list(section.perspectives), section.cue, verb,
                               base + start, base + end)
            placed = self._placed(head, base + start)
            if placed is not None:
                return Speaker(text, [placed[0]], placed[1], verb, base + start, base + end)
            if antecedent is not None and antecedent.perspectives and \
                    head not in r.person_heads:
                return Speaker(text, list(antecedent.perspectives), antecedent.cue, verb,
                               base + start, base + end)
        parts = _CONJUNCTS.split(text)
        if len(parts) > 1 and len(parts) <= 4 and not self._cues(s, start, end) or \
                len(parts) > 1 and all(p[:1].isupper() or p.lower().startswith("the ")
                                       for p in parts):
            # "The Secretary and Foreign Minister Cho": each conjunct speaks for its side.
            keys: list[str] = []
            cue = None
            pos = start
            for part in parts:
                a = s.find(part, pos, end)
                if a < 0:
                    continue
                pos = a + len(part)
                one = self._resolve(s, sent, a, a + len(part), verb, index)
                for k in one.perspectives:
                    if k not in keys:
                        keys.append(k)
                cue = cue or one.cue
            if keys:
                return Speaker(text, keys, cue, verb, base + start, base + end)
        sp = self._resolve_plain(s, start, end, verb, base)
        if not sp.perspectives and foreign(s[start:end]):
            return sp  # "The Indian government", "Japan's defense ministry": no side of ours
        if not sp.perspectives and _DOCUMENT.search(s[start:end]):
            return sp  # "a Gallup Korea poll in November": a document of no side
        for a, z in extra or []:
            if sp.perspectives:
                break
            if not _belonging_clause(s[a:z]):
                continue  # "who tracks Russian Telegram": what they study, not their side
            other = self._resolve_plain(s, a, z, verb, base)
            if other.perspectives:
                sp = Speaker(s[min(a, start):max(z, end)], other.perspectives, other.cue, verb,
                             base + min(a, start), base + max(z, end))
        if not sp.perspectives:
            for name in self._names(s, start, end):
                if _topic_word(s[start:end], name):
                    continue  # "a Korea expert": the topic, not a name seen before
                known = self.ctx.names.get(name)
                if known is not None:
                    sp.perspectives, sp.cue = list(known.perspectives), known.cue
                    break
                placed = self._placed(name, base + start)
                if placed is not None:  # introduced earlier: "Cho Tae-yul", "(SSO)", "the BND"
                    sp.perspectives, sp.cue = [placed[0]], placed[1]
                    break
        if not sp.perspectives:
            member = self._member_of_group(low, base + start)
            if member is not None:  # "One battery commander", "Another milblogger"
                sp.perspectives, sp.cue = [member[0]], member[1]
        section = self.section_side(index) if not sp.perspectives else None
        if section is not None and low.split()[-1:] and low.split()[-1] in (
                r.back_reference_heads - r.person_heads) and low.split()[0] in ("the", "its"):
            # "The SSO channel" under the heading "Ukrainian channels"
            sp.perspectives, sp.cue = list(section.perspectives), section.cue
        if sp.perspectives and len(sp.perspectives) == 1:
            # (several sides: a list of people, each of their own side; none is filed)
            for a, z in [(start, end), *(extra or [])]:
                for name in self._names(s, a, z):
                    self.ctx.names.setdefault(name, sp)
        return sp

    def _person_before(self, s: str, pos: int) -> tuple[str, str] | None:
        """The side of the last person named by role earlier in the same sentence, before
        ", and he/she" ("the Foreign Minister of the Republic of Korea", "Russia's
        ambassador")."""
        if not re.search(r"(?:,\s*(?:and|but)|\band|;)\s+$", s[:pos]):
            return None
        best = None
        for c in self._find(s, 0, pos):
            window = [w.lower() for w in _WORD.findall(s[max(0, c.start - 40):c.end + 25])]
            if set(window) & _PERSON_ROLES:
                owner = postmodifier(s, c.end)
                best = owner if owner is not None else (c.key, c.cue)
        return best

    def _member_of_group(self, low: str, pos: int) -> tuple[str, str] | None:
        """"One battery commander", "another milblogger", "one of the soldiers": a member
        of a group the text placed just before ("Ukrainian artillery officers", "Russian
        milbloggers"), by the nationality right before the group's noun."""
        words = low.split()
        if len(words) < 2 or words[0] not in ("one", "another", "a", "some"):
            return None
        if words[0] in ("a", "some") and words[1] not in ("fellow", "second", "third"):
            return None
        head = words[-1].rstrip(".,")
        if len(head) < 4:
            return None
        nouns = {head, head + "s", head + "es", head.removesuffix("s")} | (
            _KIN.get(head, set()))
        window = self._text[max(0, pos - 600):pos]
        rx = re.compile(r"\b([A-Z][\w'-]+)\s+(?:[a-z][\w-]*\s+){0,2}?(?i:" +
                        "|".join(re.escape(n) for n in sorted(nouns)) + r")\b")
        for m in reversed(list(rx.finditer(window))):
            placed = bare_country(m.group(1))
            if placed is not None:
                return placed
        return None

    def _find(self, s: str, start: int, end: int) -> list[CueMatch]:
        """Cue matches in s[start:end]; over the learned article, from its one-pass scan."""
        return self.m.find(s, start, end)

    def _names(self, s: str, start: int, end: int) -> list[str]:
        """Proper names in a span ("Flynn"), leaving out cue words and common words."""
        cue_spans = [(c.start, c.end) for c in self._find(s, start, end)]
        common = self._common
        return [w.group().lower() for w in _CAPITALISED.finditer(s, start, end)
                if w.group().lower() not in common
                and not any(ca <= w.start() < cz for ca, cz in cue_spans)]

    def _resolve_plain(self, s: str, start: int, end: int, verb: str, base: int) -> Speaker:
        keys: list[str] = []
        cue = None
        for key, c in self._cues(s, start, end):
            if key not in keys:
                keys.append(key)
            cue = cue or c
        western = _WESTERN.search(s, start, end)
        if western is not None:  # "Western governments", "its Western allies": the West
            for key in ("us", "nato_european"):
                if key not in keys:
                    keys.append(key)
            cue = cue or western.group()
        if not keys:
            owner = _SPEECH_NOUN.match(s, start, end)
            if owner is not None and owner.end("who") < end:
                inner = self._resolve_plain(s, owner.start("who"), owner.end("who"), verb, base)
                if inner.perspectives:
                    return Speaker(s[start:end], inner.perspectives, inner.cue, verb,
                                   base + start, base + end)
        if not keys:
            placed = bare_country(s[start:end]) or affiliation(s[start:end])
            # "Ukraine says", "Estonia's Hanno Pevkur", "a Ukrainian unit"
            if placed is not None:
                keys, cue = [placed[0]], placed[1]
        return Speaker(s[start:end], keys, cue, verb, base + start, base + end)

    def _antecedent(self, sent: Sentence, index: int) -> Speaker | None:
        """The speaker named shortly before (same or previous paragraph, last 6 sentences)."""
        ctx = self.ctx
        if ctx.last is None or index - ctx.last_index > 6 or \
                sent.paragraph - ctx.last_paragraph > 1:
            return None
        return ctx.last

    def name(self, text: str, offset: int) -> Speaker:
        """Resolve a line that names a speaker ("Kaja Kallas, High Representative ...")."""
        s = normalise(text)
        sp = self._resolve_plain(s, 0, len(s), "line", offset)
        if not sp.perspectives:
            first = _next_boundary(s, 0)
            for a, z in ((0, first), (min(first + 1, len(s)), len(s))):
                placed = self._resolve_plain(s, a, z, "line", offset)
                if placed.perspectives:
                    return Speaker(text, placed.perspectives, placed.cue, "line", offset,
                                   offset + len(text))
        return sp

    def note_heading(self, heading: str, sent: Sentence, index: int) -> None:
        """A heading naming a source ("UKRAINE'S AIR FORCE") is who "it" means below it."""
        sp = self._resolve_plain(heading, 0, len(heading), "heading", sent.start)
        if sp.perspectives:
            self.ctx.last = sp
            self.ctx.last_paragraph, self.ctx.last_index = sent.paragraph, index
            words = heading.split()
            if len(words) <= 4 and (bare_country(heading) is not None or words[-1].lower(
                    ).strip(".:") in self.r.role_words | self.r.back_reference_heads):
                # "Russian channels", "Ukraine": speakers below are of this side (not a
                # topic: "Listings related to the DPRK")
                self.ctx.section = index
                self.ctx.section_speaker = sp

    def section_side(self, index: int) -> Speaker | None:
        """The side the latest section heading named, if it is recent (30 sentences)."""
        sp = self.ctx.section_speaker
        return sp if sp is not None and index - self.ctx.section <= 30 else None

    def _note_subject(self, s: str, sent: Sentence, index: int) -> None:
        """A person named as the subject of a sentence that reports nothing ("Anna Kim, a
        researcher, was asked...") is still the newest named subject: a later "she" or
        "her answer" means her, not an earlier speaker."""
        subj = self._main_subject(s, len(s))
        known = _KNOWN_SUBJECT.search(s[:80])
        if known is not None and (known.group(1).lower() in self.ctx.placed or
                                  known.group(1).lower() in self.ctx.names):
            # "Back at the front, Kit closes his laptop.": a person placed earlier
            subj = (known.start(1), known.end(1))
        if subj is None:
            return
        a, z = subj
        name = _PERSON.match(s, a, z) or _APPOSED.match(s, a) or (
            re.compile(r"[A-Z][a-z'-]{2,}").fullmatch(s, a, z) if known is not None else None)
        if name is None or self.m.find(s, a, name.end()) or \
                name.group().split()[-1].lower() in self.r.role_words:
            return
        sp = self._resolve_plain(s, a, name.end(), "subject", sent.start)
        if not sp.perspectives:
            for word in self._names(s, a, name.end()):
                placed = self._placed(word, sent.start + a + 1)  # "Serhiy, a pilot with ..."
                if placed is not None:
                    sp.perspectives, sp.cue = [placed[0]], placed[1]
                    break
        if not sp.perspectives:
            # "Ivan Petrov, 32, commands a Ukrainian drone unit near Sudzha": what the
            # sentence says he is or belongs to places him.
            rest = s[name.end():]
            link = _BELONGS.search(rest[:80])
            if link is not None:
                placed = affiliation(rest[link.end():link.end() + 80])
                if placed is not None:
                    sp.perspectives, sp.cue = [placed[0]], placed[1]
        self.ctx.last = sp
        self.ctx.last_paragraph = sent.paragraph
        self.ctx.last_index = index

    def _colon_speaker(self, s: str, sent: Sentence, index: int,
                       labels: bool = True) -> Speaker | None:
        """A colon attribution: 'The spokeswoman had a message for Tokyo: "..."',
        'Andriy Yermak, head of the Presidential Office, was blunter: "..."'."""
        m = _COLON_QUOTE.search(s)
        if m is None and labels:
            # A label in a list: "Ukraine's HUR: about 11,000 troops, ..."
            lab = _LABEL_COLON.match(s)
            if lab is not None and len(_WORD.findall(s[lab.end():])) >= 3:
                sp = self._resolve_plain(s, 0, lab.end() - 1, "label", sent.start)
                return sp if sp.perspectives else None
        if m is None or len(_WORD.findall(s[m.end():])) < 3:
            return None
        lead = _WORD.findall(s[:m.start()])
        if not s[:1].isalpha():
            return None  # a footnote
        if len(lead) < 3 or not any(w[:1].islower() for w in lead):
            # A speaker label ("Zelensky: ..."): a statement when the label names a side.
            if not labels or len(lead) > 6:
                return None
            sp = self._resolve_plain(s, 0, m.start(), "label", sent.start)
            return sp if sp.perspectives else None
        subj = self._main_subject(s, m.start())
        if subj is None:
            return None
        a, z = subj
        words = [w.lower() for w in _WORD.findall(s[a:z])]
        if not words:
            return None
        if words[0] in ("her", "his", "their", "its"):
            ante = self._antecedent(sent, index)  # "Her answer was blunt: ..."
            if ante is None:
                return None
            return Speaker(s[a:z], list(ante.perspectives), ante.cue, "colon",
                           sent.start + a, sent.start + z)
        if not self._source_like(s, a, z, strict=False):
            return None
        extra = []
        comma = s.find(",", z, m.start())
        if comma >= 0:  # "Andriy Yermak, head of the Presidential Office, was blunter:"
            extra.append((comma + 1, _next_boundary(s, comma + 1)))
        return self._resolve(s, sent, a, z, "colon", index, extra=extra)

    def _quoted_speech(self, s: str, quotes: list[tuple[int, int]], sent: Sentence,
                       index: int) -> Speaker | None:
        """A sentence of quoted speech with no verb: the paragraph's speaker said it."""
        speech = [q for q in quotes
                  if len(_WORD.findall(s[q[0]:q[1]])) >= self.r.min_quote_words]
        if not speech:
            return None
        ctx = self.ctx
        if ctx.last is None or ctx.last_paragraph != sent.paragraph or index - ctx.last_index > 4:
            return None
        last = ctx.last
        return Speaker(last.text, list(last.perspectives), last.cue, "quote",
                       sent.start + speech[0][0], sent.start + speech[0][1])
