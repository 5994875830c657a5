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

from briefing.core.claims.affiliation import affiliation, bare_country
from briefing.core.claims.colons import ColonReader
from briefing.core.claims.cues import CueMatcher, normalise
from briefing.core.claims.experts import independent_expert
from briefing.core.claims.frames import (
    _APPOSITIVE_WORDS,
    _AUXILIARIES,
    _CLAUSE_SUBJECT,
    _CLOSED_QUOTE,
    _DETERMINERS,
    _DURATIONS,
    _HEARER_VERBS,
    _NAME_BEFORE_APPOSITIVE,
    _NAMED_AS,
    _NATIONALITY,
    _NOT_RULED_OUT,
    _PARENTHETICAL,
    _PASSIVE_ADVERBS,
    _POSSESSOR,
    _SOURCE_LIST,
    _SUBJECT_PRONOUNS,
    _SUBORDINATE,
    _WITHHELD,
)
from briefing.core.claims.grammar import (
    _ACT_NOT_SPEECH,
    _APPOSED,
    _BELONGS,
    _BOUNDARY,
    _CAPITALISED,
    _CLAUSE_AFTER,
    _COLON_QUOTE,
    _KNOWN_SUBJECT,
    _NO_CONTENT,
    _PERSON,
    _PERSON_ROLES,
    _QUOTE,
    _RIGHT_END,
    _VAGUE_SOURCE,
    _WORD,
    CONTACT,
    KIND_IN_LINE,
    _after_word_boundary,
    _inside,
    _next_boundary,
)
from briefing.core.claims.handles import handle_lead, handle_words
from briefing.core.claims.home import home_side
from briefing.core.claims.introductions import read_introductions
from briefing.core.claims.nested import quoted_reports
from briefing.core.claims.rules import AttributionRules, attribution_rules, scan
from briefing.core.claims.sentences import Sentence
from briefing.core.claims.settle import member_of_group, one_of_group, settle
from briefing.core.claims.speaker import Context, Speaker
from briefing.core.claims.words import (
    _CARRYING_VERBS,
    _DET_BEFORE,
    _NEGATIONS,
    _NOT_NAMES,
    _NOUN_NEXT,
)


class Attributor(ColonReader):
    """Attributes sentences, one article at a time (keeps back-reference context)."""

    def __init__(self, matcher: CueMatcher, rules: AttributionRules | None = None) -> None:
        self.m = matcher
        self.r = rules or attribution_rules()
        self.ctx = Context()
        # The body that issues the document, when it is a government body's own text: who
        # "it" and "we" are when no one else was named (set by the suggester).
        self.issuer: Speaker | None = None
        # The parties of the meeting the sentence being attributed names, if any.
        self.meeting: Speaker | None = None
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

    def attribute(self, sent: Sentence, index: int, labels: bool = True) -> list[Speaker]:
        """Speakers this sentence attributes statements to ([] if none).

        `labels`: a sentence opened by a speaker label ("Zelensky: ...") is that speaker's
        (off inside a transcript, where turns are read separately)."""
        s = normalise(sent.text)
        quotes = [(q.start(), q.end()) for q in _QUOTE.finditer(s)]
        self.meeting = self.note_meeting(s, sent, index)
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
        handle = handle_lead(s)
        if handle is not None:
            found = self._handle_speaker(s, sent, handle, found, labels)
        if not found:
            colon = self._colon_speaker(s, sent, index, labels)
            if colon is not None:
                found.append(colon)
        if not found:
            quoted = self._quoted_speech(s, quotes, sent, index)
            if quoted is not None:
                found.append(quoted)
        found.sort(key=lambda f: f.start)
        for f in found:
            self._official_of_body(f, sent, index)  # "a ministry official told Yonhap"
        found = settle(found, sent.text, sent.start)
        before = self._text[max(0, sent.start - 400):sent.start]
        one_of_group(found, sent.text, sent.start, before, lambda np: self._resolve_plain(
            np, 0, len(np), "group", 0), independent_expert)
        member_of_group(found, sent.text, sent.start, before)
        reported: list[Speaker] = []
        if found and quotes and not any(f.perspectives for f in found):
            # '"China has consistently said that it wants peace," Mr Peters says.': a
            # speaker of no side quoting another side's words states that side's claim
            # (the quoted speaker stays who speaks on: added after the context is kept)
            reported = quoted_reports(self._verb_speaker, self.r, s, sent, quotes,
                                      index)
        if found and self.meeting is not None:
            found = [self.meeting]  # "X met with Y to reaffirm ...": both sides say it
        if not found and self.meeting is not None:
            # "They discussed ..." below means both
            self.ctx.remember(self.meeting, sent.paragraph, index)
        elif not found:
            self._note_subject(s, sent, index)
        named = next((f for f in found if f.perspectives), None)
        if named is None:
            named = next((f for f in reversed(found) if _CAPITALISED.search(f.text)
                          and f.text.lower() not in self.r.pronouns), None)
        if named is not None:
            self.ctx.remember(named, sent.paragraph, index)
        for f in found:
            if f.perspectives and f.text.lower() not in self.r.pronouns:
                self.ctx.history.append((index, f))
        return found + reported

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
                words = _WORD.findall(s[end + 1:end2])
                clause = {w.lower() for w in words}
                if (end2 < len(s) and s[end2] == "," and not clause & self.r.clause_verbs
                        and len(words) <= _APPOSITIVE_WORDS) or \
                        re.match(r"\s*(which|who|whose|citing|funded|based)", nxt, re.I):
                    end = end2  # "according to X, a think tank, ...": the appositive
                # (not "according to X, a Chinese and a Russian bomber flew ...")
        listed = _SOURCE_LIST.match(s, end)
        if listed is not None:
            end = listed.end()  # "according to information from South Korea, Ukraine
            # and the United States, ...": every named source of the list
        return pos, end

    def _verb_speaker(self, s: str, sent: Sentence, m: re.Match[str], found: list[Speaker],
                      index: int) -> Speaker | None:
        r = self.r
        verb = re.sub(r"\s+", " ", m.group().lower())
        before = s[:m.start()].rstrip()
        if m.group()[:1].isupper() and before and before[-1:].isalpha():
            return None  # part of a name mid-sentence: "the United States", "Voice of Notes"
        after = s[m.end():]
        # Right after a closing quotation mark the quoted words are not the verb's own
        # auxiliaries or negations ('"... and they were," said a colonel' is no passive).
        prev_words = [] if _CLOSED_QUOTE.search(before) else _WORD.findall(before[-40:])
        prev = prev_words[-1].lower() if prev_words else ""
        next_words = _WORD.findall(after[:30])
        nxt = next_words[0].lower() if next_words else ""
        if verb in r.quote_verbs and not re.search(r"[“\"]", after[:80]) and \
                not _NAMED_AS.match(after):
            return None  # "called up reservists": no quotation, so no reported words
        if _ACT_NOT_SPEECH.match(after):
            return None  # "declared martial law", "announced a mobilisation": acts, not words
        # "Trade figures tell a similar story", "counts say little about": no content is
        # reported, so such a frame is a claim only when it names a side ("Chinese
        # officials have said very little": that silence is their position).
        vague = bool(_NO_CONTENT.match(after))
        negated = prev in _NEGATIONS or (len(prev_words) >= 2 and prev_words[-2].lower(
            ) in _NEGATIONS and prev.endswith("ly"))
        at_not = len(prev_words) - (1 if prev in _NEGATIONS else 2)
        no = prev_words[at_not].lower() if negated else ""
        standing = verb in _WITHHELD and (no in ("hasn't", "haven't") or no == "not" and (
            at_not >= 1 and prev_words[at_not - 1].lower() in ("has", "have"))) or \
            verb in _NOT_RULED_OUT and no in ("not", "never", "didn't", "hasn't", "haven't",
                                              "doesn't", "don't", "won't")
        # ("the NIS did not rule out a third deployment": a possibility kept open is a
        # position stated)
        if negated and not standing:
            return None  # "Moscow did not deny it", "has never confirmed": nothing is
            # reported (but "Moscow has not (officially) confirmed it" states its position)
        clause = _WORD.findall(before[-80:])
        stance = prev == "neither" and re.match(r"\s+nor\s+[a-z]{3,}\b", after) is not None
        # ("The Kremlin has neither confirmed nor denied it": the subject's stated stance)
        if not stance and any(w.lower() in ("neither", "nobody") for w in clause[-8:]):
            return None  # "Neither Moscow nor Pyongyang has confirmed": nothing is reported
        modal = ("can", "could", "would", "may", "might", "should", "must", "will", "shall")
        if prev in modal or prev.endswith("ly") and prev != "only" and len(prev_words) >= 2 and \
                prev_words[-2].lower() in modal:
            return None  # "Pyongyang can expect ...", "Seoul should jointly assess ...": a
            # prospect, not a report
        if prev in ("a", "an", "the", "as"):
            return None  # a noun or adjective: "an estimated 3,000", "the claims"
        if len(prev_words) >= 2 and prev_words[-2].lower() in _DETERMINERS and \
                prev_words[-1][:1].isupper() and _NATIONALITY.search(prev):
            return None  # a noun after a determiner and a nationality: "dismissed the
            # Ukrainian claim", "rejected the American estimate"
        k_adv = len(prev_words)
        while k_adv >= 2 and (prev_words[k_adv - 1].lower() in _PASSIVE_ADVERBS or
                              prev_words[k_adv - 1].lower().endswith("ly")):
            k_adv -= 1
        if k_adv < len(prev_words) and prev_words[k_adv - 1].lower() in (
                "been", "be", "being", "is", "was", "are", "were"):
            prev = prev_words[k_adv - 1].lower()  # "it was first reported": a passive
        verb_at = before.rfind(prev_words[-1]) if stance else m.start()
        if stance:
            prev = prev_words[-2].lower() if len(prev_words) >= 2 else ""
        k = len(prev_words)
        while prev == "to" and k >= 2 and prev_words[k - 2].lower() in _CARRYING_VERBS:
            # "The Kremlin continues to deny", "Moscow refused to confirm", "continues to
            # refuse to confirm": the subject of the carrying verb speaks.
            verb_at = before.rfind(prev_words[k - 2])
            k -= 2
            prev = prev_words[k - 1].lower() if k >= 1 and prev_words[k - 1].lower() == "to" \
                else ""
        back = _WORD.findall(s[max(0, verb_at - 40):verb_at])
        if s[verb_at:].split()[0].lower().endswith("ing") and len(back) >= 2 and \
                back[-1].lower() in _DURATIONS and "spent" in [w.lower() for w in back[-3:-1]]:
            # "The Kremlin spent months denying that ...", "spent weeks refusing to admit":
            # the subject of "spent" speaks
            verb_at, prev = s.rfind("spent", 0, verb_at), ""
        if verb in ("put", "puts", "putting", "placed", "places") and not re.match(
                r"[^.;]{1,60}?\bat\s+(?:[a-z]+\s+){0,2}[\"“]?\d", after):
            return None  # "put casualties at 4,000" reports a figure; "put pressure on" does not
        progressive = verb.endswith("ing") and prev in ("been", "be", "is", "was", "are",
                                                         "were")
        # ("The General Staff was claiming that ...", "officials have been saying": the
        # progressive is active, its subject speaks)
        if prev in ("been", "be", "being", "is", "was", "are", "were", "widely", "to") and \
                not progressive and not CONTACT.search(before):  # ("an official I spoke to said")
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
        # "Sybiha posted on X:", "Landsbergis has posted on X that ..."
        lead = [w for w in prev_words if w.lower() not in _AUXILIARIES] or prev_words
        named_before = lead and lead[-1][:1].isupper() and \
            not lead[-1].lower().endswith(("ian", "ese", "ish", "an", "'s")) and \
            nxt in ("on", "that", "about", "to", "in", "")
        if verb in r.weak_verbs and not named_before and prev not in _SUBJECT_PRONOUNS and (
                nxt in _NOUN_NEXT or prev in _DET_BEFORE or prev.endswith("'s") or not nxt):
            return None  # a noun: "initial reports of", "estimates vary", "Russia's claim"
        if verb in r.participles and before.endswith(","):
            earlier = [f for f in found if f.start < sent.start + m.start()]
            if earlier:
                e = earlier[-1]
                return e.again(verb, e.start, e.end)
            subj = self._main_subject(s, m.start())
            if subj:
                return self._resolve(s, sent, *subj, verb, index)
            return None
        # Inverted order: '"...," said Mr Budanov' / '..., grumbles Mr Budanov.'
        # ("told", "briefed" take a hearer: '"...," Col. X, a spokesperson, told NK News'
        # is not inverted; the hearer after it is not the speaker)
        if (self._inverted(s, before) or self._parenthetical(s, before, after)) and \
                after[:1] == " " and nxt and \
                verb not in _HEARER_VERBS:
            first = next_words[0]
            if (first[:1].isupper() or nxt in ("the", "a", "an", "one", "another", "two",
                                                "three", "several", "some")) and \
                    nxt not in r.pronouns:
                start = m.end() + (len(after) - len(after.lstrip()))
                stop = _RIGHT_END.search(s[start:] + ".")  # "." always matches at the end
                end = start + (stop.start() if stop else len(s) - start)
                said_clause = verb.endswith(" that") or bool(
                    {w.lower() for w in _WORD.findall(s[start:end])} & r.clause_verbs)
                # "X, set up by eleven states, found that Russia had supplied ...", "X, on
                # his trip to Pyongyang, said Kim had agreed ...": a clause after the verb is
                # what was said, never its speaker; the subject is read on the left below.
                if not said_clause:
                    extra = []
                    if s[end:end + 1] == "," and \
                            re.match(r",\s+(?:a|an|the)\s", s[end:end + 6]):
                        # '..., said Wang Lei, a spokesman for the Chinese embassy.'
                        extra.append((end + 1, _next_boundary(s, end + 1)))
                    elif re.match(r"\s(?:in|at|with|of|from|for)\s", s[end:end + 6]):
                        # '..., says a senior official in Seoul's presidential office.'
                        extra.append((start, _next_boundary(s, end + 1)))
                    return self._resolve(s, sent, start, end, verb, index, extra=extra)
        seg = self._left_subject(s, verb_at)
        # "... and has said", "... and later also said": auxiliaries and adverbs between
        # the conjunction and the verb
        aux = len(prev_words)
        while aux > 3 and prev_words[aux - 1].lower() in _AUXILIARIES:
            aux -= 1
        conj = prev_words[aux - 1].lower() if aux else ""
        if conj in ("and", "but") and aux >= 3 and not _CLAUSE_AFTER.search(
                before[:before.rfind(prev_words[aux - 1]) + 3][-60:]):
            # "The SSO channel posted footage ... and said ...": a second predicate of the
            # sentence's subject (not "..., and officials said", which has its own).
            at = before.rfind(prev_words[aux - 1], 0, len(before) - sum(
                len(w) for w in prev_words[aux:]))
            main = self._main_subject(s, at)
            if main is not None and main[1] <= at and \
                    self._source_like(s, *main, strict=False):
                left = _WORD.findall(s[main[1]:at])
                sub = _SUBORDINATE.search(s, main[1], at)
                if sub is not None:
                    # "The first answer came on 21 October, when spokesperson Lin Jian was
                    # asked about it and said: ...": the subordinate clause's subject speaks
                    seg = (sub.start("subj"), sub.end("subj"), [])
                elif left and not (seg is not None and seg[0] > main[1] and
                                   self._source_like(s, seg[0], seg[1], strict=True)):
                    seg = (*main, [])
        if seg is None and verb.endswith("ing"):
            main = self._main_subject(s, m.start())  # "KCNA carried a statement ... calling"
            seg = (*main, []) if main else None
        if seg is None:
            return None
        start, end, extra = seg
        text = s[start:end].lower()
        between = _WORD.findall(s[end:m.start()])
        if text == "it" and (not between or verb not in r.weak_verbs and all(
                w.lower() in r.adverbs for w in between)):  # "It also claimed ..." (not "It
            # also shows that ...": a fact, not a speaker)
            # "It said 103 drones were shot down": the body named just before speaks.
            ante = self._antecedent(sent, index)
            if (ante is None or not ante.perspectives) and self.issuer is not None:
                ante = self.issuer  # "It strongly condemns" in a ministry's own statement
            if ante is not None and ante.perspectives and not _after_word_boundary(s, start):
                return ante.named(s[start:end], verb, sent.start + start, sent.start + end)
            return None
        if text in ("one", "another"):
            # "One, at a university in Beijing, told me ...": one of a group the text does
            # not name here; an unknown speaker has no side (not the last speaker's)
            return Speaker(s[start:end], [], None, verb, sent.start + start, sent.start + end)
        if text in r.not_speakers:
            return None
        # "I spent two weeks going through every official estimate": a span that is a
        # clause with its own subject and verb names no speaker, unless it names a side.
        vague = vague or bool(_CLAUSE_SUBJECT.match(text))
        source_like = self._source_like(s, start, end, strict=verb in r.weak_verbs) or any(
            self._cues(s, a, z) for a, z in extra if z <= start)  # "Ukraine's Ambassador to New Zealand,
        # Vasyl Myroshnychenko, welcomed ...": the role before the name names the side
        if not source_like and not (text.startswith(("a ", "an ", "the ")) and
                                    _NAME_BEFORE_APPOSITIVE.search(s[:start])):
            return None  # (an appositive after a name is read below: "X, a lawmaker who ...")
        sp = self._resolve(s, sent, start, end, verb, index, extra=extra)
        named = _NAME_BEFORE_APPOSITIVE.search(s[:start]) if not sp.perspectives and \
            text.startswith(("a ", "an ", "the ")) else None
        if named is not None:
            # "Lee Seong-kweun, a lawmaker on the committee, said": the name before the
            # appositive is the subject, and may be known where the description is not
            # (only a name the perspectives list: one the text merely introduced is
            # described by the appositive itself, "an independent researcher")
            cued = self._cues(s, named.start(1), named.end(1))
            if cued and len(cued[0][1].split()) >= 2:  # a full name, not a bare surname
                return Speaker(s[named.start(1):end], [cued[0][0]], cued[0][1], verb,
                               sent.start + named.start(1), sent.start + end)
        if not source_like:
            return None
        return None if vague and not sp.perspectives else sp

    def _handle_speaker(self, s: str, sent: Sentence, handle: tuple[int, int, str],
                        found: list[Speaker], labels: bool) -> list[Speaker]:
        """A post opened by its poster's handle: '@nato.int (Bluesky): "..."' is the
        handle's, as is the verb's subject '@rybar (Telegram) wrote'; the side is read from
        the handle's words or address (claims/handles.py)."""
        a, z, after = handle
        words, address = handle_words(s[a:z])
        keys, cue = [], None
        for piece in [words, *words.split()]:  # the whole, else each piece ("Mod Ukraine")
            side = self._resolve_plain(piece, 0, len(piece), "post", sent.start)
            if side.perspectives:
                keys, cue = side.perspectives, side.cue
                break
        if not keys:
            home = home_side(self.m, address)
            keys, cue = ([home[0]], home[1]) if home is not None else ([], None)
        if not keys:  # words run together: "@yonhapnews" opens with "Yonhap"
            glued = self.m.prefix(words.split()[0]) if words.split() else None
            keys, cue = ([glued[0]], glued[1]) if glued is not None else ([], None)
        own = [f for f in found if f.start - sent.start <= z and not f.perspectives]
        for f in own:  # "@SBUkr (X) posted ...": the verb's subject is the handle
            f.perspectives, f.cue = list(keys), cue
        if not found and labels and keys and (after == ":" or after == "," and
                                              _COLON_QUOTE.search(s, z) is not None):
            # ('@rybar (Telegram), the pro-war channel, was less formal: "..."')
            return [Speaker(s[a:z], list(keys), cue, "post", sent.start + a, sent.start + z)]
        return found

    def _parenthetical(self, s: str, before: str, after: str) -> bool:
        """Is the verb a parenthetical attribution set between commas ("In private, says a
        Western diplomat in Beijing, they complain ...", "Russia, said one official, has
        ...") whose left side is no subject of its own?"""
        m = _PARENTHETICAL.match(after)
        if not before.endswith(",") or m is None:
            return False
        if m.group("next").lower() in self.r.clause_verbs:
            return True  # "Russia, said one official, has lost ...": the left is the topic
        seg = self._left_subject(s, len(before) - 1)
        return seg is None or not self._source_like(s, seg[0], seg[1], strict=True)

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
            kind = KIND_IN_LINE.search(s)  # "The military blogger known as "X" wrote:"
            member = self._member_of_group("a " + kind.group("kind").lower(), offset) \
                if kind is not None else None
            if member is not None:
                return Speaker(text, [member[0]], member[1], "line", offset, offset + len(text))
        return sp

    def note_heading(self, heading: str, sent: Sentence, index: int) -> None:
        """A heading naming a source ("UKRAINE'S AIR FORCE") is who "it" means below it."""
        sp = self._resolve_plain(heading, 0, len(heading), "heading", sent.start)
        if sp.perspectives:
            self.ctx.remember(sp, sent.paragraph, index)
            words = heading.split()
            if len(words) <= 4 and (bare_country(heading) is not None or words[-1].lower(
                    ).strip(".:") in self.r.role_words | self.r.back_reference_heads):
                # "Russian channels", "Ukraine": speakers below are of this side (not a
                # topic: "Listings related to the DPRK")
                self.ctx.section = index
                self.ctx.section_speaker = sp

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
        words = [w.lower() for w in _WORD.findall(s[a:z])]
        if 2 <= len(words) <= 8 and set(words) & _PERSON_ROLES and s[z - 1:z].isalpha() and \
                s[z - 1:z] != "s" and _PERSON.search(s, a, z):
            # "China's foreign ministry spokesperson Mao Ning was asked ...": a person named
            # with a role and a side is who a later "she said" means.
            sp = self._resolve_plain(s, a, z, "subject", sent.start)
            if len(sp.perspectives) == 1:
                self.ctx.remember(sp, sent.paragraph, index)
                return
        owner = _POSSESSOR.match(s, a, z)
        if owner is not None and bare_country(owner.group("who")) is None:
            # "Zelensky's figure is the odd one out. He wrote ...": the person who owns what
            # the sentence is about is who a later "he" means (not "Pyongyang's soldiers")
            sp = self._resolve_plain(s, a, owner.end("who"), "subject", sent.start)
            if len(sp.perspectives) == 1:
                self.ctx.remember(sp, sent.paragraph, index)
                return
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
        self.ctx.remember(sp, sent.paragraph, index)
