"""Who a speaker span names: cues, people and groups named before, back-references to the
nearest compatible speaker, and the perspectives that follow (Attributor's resolving half).

A mixin of Attributor (claims/attribution.py): it reads the attributor's matcher, rules
and context.
"""

from __future__ import annotations

import re

from briefing.core.claims.affiliation import affiliation, bare_country, foreign, postmodifier
from briefing.core.claims.experts import former_now_academic, independent_expert
from briefing.core.claims.grammar import (
    _CONJUNCTS,
    _DOCUMENT,
    _KIN,
    _PERSON_ROLES,
    _SPEECH_NOUN,
    _WESTERN,
    _WORD,
    CHANNEL_KINDS,
    KIND_BEFORE_NAME,
    _after_word_boundary,
    _belonging_clause,
    _topic_word,
    _trim,
)
from briefing.core.claims.home import listed_name
from briefing.core.claims.kinds import kin, portfolios, same_kind
from briefing.core.claims.rules import scan
from briefing.core.claims.sentences import Sentence
from briefing.core.claims.speaker import Speaker
from briefing.core.claims.statement_voice import unnamed
from briefing.core.claims.subjects import SubjectFinder
from briefing.core.claims.words import (
    _GENERIC_HEADS,
)

# A sentence or paragraph opening at a place: "In Seoul,", "Meanwhile, in Washington,".
_SCENE = re.compile(r"\s*(?:Meanwhile,?\s+|Back\s+|Over\s+)?(?:in|In)\s+(?P<place>[A-Z][\w'’-]+"
                    r"(?:\s+[A-Z][\w'’-]+)?),\s")
# An opening time clause whose subject the next "he"/"she" takes up.
_OPENING_CLAUSE = re.compile(r"\s*(?:When|After|Before|Once|As soon as|While|Until)\s+"
                             r"(?P<clause>[A-Z][^,;]{2,150}),\s+$")
# Unnamed people whom the scene, not the last speaker, places.
_UNNAMED = frozenset({"officials", "official", "diplomats", "sources", "source"})


class SpeakerResolver(SubjectFinder):
    """From a speaker span to a Speaker with perspectives."""

    def _placed(self, word: str, pos: int, reference: str = "") -> tuple[str, str] | None:
        """The side of the latest introduction of `word` before pos (else the first); of
        the same kind as `reference` when it names a portfolio ("the Defense Ministry")."""
        entries = self.ctx.placed.get(word) or []
        sided = [e for e in entries if e[1]]
        if reference and portfolios(reference):
            # the nearest body of the same portfolio (a foreign one, key "", included);
            # else a sibling body of the government named nearest
            entries = [e for e in entries if e[0] < pos and same_kind(
                reference, self._text[e[0]:e[0] + 80].split(".")[0])] or sided
        else:
            entries = sided
        if not entries:
            return None
        before = [e for e in entries if e[0] < pos]
        if not before and not word[:1].isupper() and word in self.r.back_reference_heads:
            return None  # "the ministry" cannot mean a ministry the text names only later
        _, key, cue = before[-1] if before else entries[0]
        return key, cue

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

    def note_meeting(self, s: str, sent: Sentence, index: int) -> Speaker | None:
        """A meeting or call between two sides ("X spoke today with Y of Z", "X met with
        Y"): the parties become who "the two leaders", "both sides" and "they" mean, and
        each is a speaker "the Secretary", "the Foreign Minister" can refer back to.
        Returns the parties together, or None when the sentence names no such meeting."""
        rx = self.r.meeting
        m = rx.search(s) if rx is not None else None
        if m is None or any(scan(self.r.verbs, self.r.verb_heads, m.group(g)) for g in "ab"):
            return None  # ("He said he met with troops": the meeting is reported speech)
        if not re.match(r"(?:the\s+)?[A-Z]", m.group("b")) or {
                w.lower() for w in _WORD.findall(m.group("a"))} & {"i", "we", "you"}:
            return None  # "commanders I spoke with in Sumy": not a meeting of two sides
        sides: list[Speaker] = []
        for group in ("a", "b"):
            a, z = m.span(group)
            sp = self._resolve(s, sent, a, z, "met", index)
            issuer = getattr(self, "issuer", None)
            if not sp.perspectives and group == "a" and issuer is not None:
                # the principal of a government body's own readout is of its side
                sp.perspectives, sp.cue = list(issuer.perspectives), issuer.cue
            if not sp.perspectives:
                return None
            sides.append(sp)
        keys = list(dict.fromkeys(k for sp in sides for k in sp.perspectives))
        if len(keys) < 2:
            return None  # two officials of one side: nothing is said for another
        self.ctx.parties, self.ctx.parties_index = sides, index
        for sp in sides:
            self.ctx.history.append((index, sp))
        return Speaker(s[m.start("a"):m.end("b")], keys, sides[0].cue, "met",
                       sent.start + m.start("a"), sent.start + m.end("b"))

    def _party(self, role: str, index: int) -> Speaker | None:
        """The one party of the latest meeting whose name holds `role` ("secretary",
        "foreign minister")."""
        if not self.ctx.parties or index - self.ctx.parties_index > 40:
            return None
        rx = re.compile(rf"(?<![\w-]){re.escape(role)}(?![\w-])", re.IGNORECASE)
        hits = [sp for sp in self.ctx.parties if rx.search(sp.text)]
        return hits[0] if len(hits) == 1 else None

    def _collective(self, low: str, index: int) -> list[str]:
        """The sides of a meeting's parties named together ("the two leaders", "both
        sides", "the two", "the leaders"), within 40 sentences of the meeting; else []."""
        if not self.ctx.parties or index - self.ctx.parties_index > 40:
            return []
        words = low.split()
        if words[:1] == ["the"] or words[:1] == ["both"]:
            words = words[1:] if words[:1] == ["the"] else words
        if words[:1] in (["two"], ["both"]):
            rest = " ".join(words[1:])
            if rest and rest not in self.r.collective_heads:
                return []
        elif " ".join(words) not in self.r.collective_heads or not low.startswith("the "):
            return []
        return list(dict.fromkeys(k for sp in self.ctx.parties for k in sp.perspectives))

    def section_side(self, index: int) -> Speaker | None:
        """The side the latest section heading named, if it is recent (30 sentences)."""
        sp = self.ctx.section_speaker
        return sp if sp is not None and index - self.ctx.section <= 30 else None

    def _resolve(self, s: str, sent: Sentence, start: int, end: int, verb: str, index: int,
                 extra: list[tuple[int, int]] | None = None) -> Speaker:
        r = self.r
        start, end = _trim(s, start, end)
        text = s[start:end]
        low = text.lower()
        base = sent.start
        bare = low[4:] if low.startswith("the ") else low
        antecedent = self._antecedent(sent, index)
        together = self._collective(low, index)
        if together:  # "The two leaders condemned ..." after "X spoke with Y"
            return Speaker(text, together, self.ctx.parties[0].cue, verb, base + start,
                           base + end)
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
            opener = self._opening_person(s, start) if low in ("he", "she") else None
            if opener is not None:  # "Kim Yo Jong ... was more direct: any deployment, she
                # said, would be lawful": the person the sentence opens with
                return Speaker(text, [opener[0]], opener[1], verb, base + start, base + end)
            led = self._clause_person(s, start) if low in ("he", "she") else None
            if led is not None:  # "When Kim Jong Un inspected the corps, he told ...": the
                # person the opening clause names, not the speaker before
                return Speaker(text, [led[0]], led[1], verb, base + start, base + end)
            if antecedent is not None:
                return antecedent.named(text, verb, base + start, base + end)
            return Speaker(text, [], None, verb, base + start, base + end)
        same = self._same(low, index)
        if same is not None:  # "The same scholar put it more sharply"
            return same.named(text, verb, base + start, base + end)
        given = _GIVEN_BY.match(text)
        if given is not None and given.end() < len(text):
            # "information from South Korea, Ukraine and the United States": who gave it
            sp = self._resolve(s, sent, start + given.end(), end, verb, index)
            return Speaker(text, sp.perspectives, sp.cue, verb, base + start, base + end)
        owner = self._possessor(s, sent, start, end, verb, index)
        if owner is not None:
            return owner
        there = self._there(low, sent)
        if there is not None:  # "Seoul's worry is ... Officials there say ...": that place's
            return Speaker(text, [there[0]], there[1], verb, base + start, base + end)
        listed = low in r.back_references or bare in r.back_references
        scene = self._scene(s, sent, start) if listed and bare.split()[-1] in _UNNAMED else None
        if scene is not None:  # "In Seoul, officials said ...": the officials of that place
            return Speaker(text, [scene[0]], scene[1], verb, base + start, base + end)
        own: Speaker | None = getattr(self, "issuer", None)
        if own is not None and own.perspectives and _OWN_BODY.fullmatch(text):
            # "The Ministry has also informed ...", "the Government has proposed ...": in a
            # government's own text, its capitalised self-reference is the issuer
            return own.named(text, verb, base + start, base + end)
        if listed or (self._is_back_reference(low, text) and not self._cues(s, start, end)):
            # "the Secretary", "the embassy": the nearest compatible speaker, i.e. the last
            # one whose name holds the same head word, else the body introduced so.
            head = low.split()[-1]
            party = self._party(bare, index) or self._party(head, index)
            if party is not None:  # "The Secretary" after "The Secretary met with Minister Y"
                return party.named(text, verb, base + start, base + end)
            ante_heads = set() if antecedent is None else {
                w.lower().removesuffix("'s") for w in _WORD.findall(antecedent.text)} & (
                r.back_reference_heads | r.role_words)
            compound = antecedent is not None and " and " in antecedent.text
            compatible = antecedent is not None and antecedent.perspectives and not compound \
                and (head in ante_heads or head in _GENERIC_HEADS or not ante_heads) \
                and same_kind(text, antecedent.text)
            if compatible and antecedent is not None:
                return antecedent.named(text, verb, base + start, base + end)
            if antecedent is not None and not antecedent.perspectives and head in {
                    w.lower() for w in _WORD.findall(antecedent.text)}:
                # "The same scholar" right after "a Chinese scholar ... told us" (of no
                # side): that speaker, not an older one of a side the history keeps
                return antecedent.named(text, verb, base + start, base + end)
            if antecedent is not None and antecedent.perspectives and not compound and \
                    self.ctx.last_paragraph == sent.paragraph and portfolios(text) and \
                    same_kind(text, antecedent.text):
                # "President Yoon had said ... and the foreign ministry said": a state body
                # of no named country belongs to the government named nearest before it
                return antecedent.named(text, verb, base + start, base + end)
            same = next((sp for at, sp in reversed(self.ctx.history) if index - at <= 12 and
                         at >= self.ctx.section and kin(text, sp.text)), None)
            if same is not None:  # "the spy agency" after "the National Intelligence Service"
                return same.named(text, verb, base + start, base + end)
            heads = {head} | {w.removesuffix("'s") for w in low.split() if w.endswith("'s")}
            earlier = self._compatible(heads - {"the", "its", "his", "her", "their"}, index)
            if earlier is not None and same_kind(text, earlier.text):  # the nearest speaker of the same kind
                return earlier.named(text, verb, base + start, base + end)
            section = self.section_side(index)
            if section is not None and (antecedent is None or self.ctx.last_index <=
                                        self.ctx.section or not antecedent.perspectives):
                # "The channel" under the heading "Russian channels"
                return section.named(text, verb, base + start, base + end)
            placed = self._placed(head, base + start, text)
            if placed is not None:  # ("": a body of a country of none of the perspectives)
                return Speaker(text, [placed[0]] if placed[0] else [], placed[1] or None,
                               verb, base + start, base + end)
            if antecedent is not None and antecedent.perspectives and \
                    head not in r.person_heads:  # (a sibling body of the same government)
                return antecedent.named(text, verb, base + start, base + end)
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
                if part.strip() == "Western":  # "Western and Ukrainian officials": the West
                    one = Speaker(part, ["us", "nato_european"], part, verb, a, a + len(part))
                for k in one.perspectives:
                    if k not in keys:
                        keys.append(k)
                cue = cue or one.cue
            if keys:
                return Speaker(text, keys, cue, verb, base + start, base + end)
        sp = self._resolve_plain(s, start, end, verb, base)
        if sp.perspectives and (independent_expert(text, s[end:end + 80]) or
                                former_now_academic(text)):
            # "a senior Chinese scholar", "several Chinese analysts", "Western experts":
            # their nationality is not a side they speak for (an independent analyst
            # speaks for none of the perspectives)
            return Speaker(text, [], None, verb, base + start, base + end)
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
        if former_now_academic(sp.text):  # "X, a former diplomat who now teaches in
            return Speaker(sp.text, [], None, verb, sp.start, sp.end)  # London": an analyst
        if not sp.perspectives:
            # the person's own name first: it ends the phrase ("Minister of Foreign Affairs
            # Espen Barth Eide" is not the "Minister of Foreign Affairs" introduced before)
            names = self._names(s, start, end)
            # a person the text never introduced is not whoever held the same office before
            stranger = any(n not in self.ctx.names and n not in self.ctx.placed and
                           n[:1].isalpha() for n in names)
            for name in reversed(names):
                if _topic_word(s[start:end], name):
                    continue  # "a Korea expert": the topic, not a name seen before
                known = self.ctx.names.get(name)
                if known is not None and stranger and not _all_in(names, known.text):
                    known = None  # "Kim Heung-kyu, a professor" is not "Kim Jong Un"
                if known is not None:
                    sp.perspectives, sp.cue = list(known.perspectives), known.cue
                    break
                placed = self._placed(name, base + start)
                if placed is not None and stranger and not _all_in(names, placed[1]):
                    continue  # "Minister of Foreign Affairs Espen Barth Eide" after "South
                    # Korea's Minister of Foreign Affairs, Cho Tae-yul": another minister
                if placed is not None:  # introduced earlier: "Cho Tae-yul", "(SSO)", "the BND"
                    sp.perspectives, sp.cue = [placed[0]], placed[1]
                    break
        kind = KIND_BEFORE_NAME.search(s[max(0, start - 40):start]) if not \
            sp.perspectives else None
        if kind is not None:  # 'The channel "Voenkor Sokol"': one of the channels
            low = "a " + kind.group("kind").lower()
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

    def _official_of_body(self, f: Speaker, sent: Sentence, index: int) -> None:
        """An unnamed official of no side ("a ministry official", "a senior official")
        right after a government body of one side spoke ("South Korea's foreign ministry
        said ...; a ministry official told Yonhap ...") is one of that body's officials:
        `f` takes its side (changed in place). Only an indefinite official, and only from
        a body named in this paragraph or the one before, within three sentences."""
        words = f.text.lower().split()
        last = self.ctx.last
        if f.perspectives or not words or words[0] not in ("a", "an", "one") or \
                not unnamed(f.text) or foreign(f.text) or last is None or \
                len(last.perspectives) != 1 or index - self.ctx.last_index > 3 or \
                sent.paragraph - self.ctx.last_paragraph > 1 or \
                not _BODY.search(last.text):
            return
        f.perspectives, f.cue = list(last.perspectives), last.cue

    def _same(self, low: str, index: int) -> Speaker | None:
        """"The same scholar", "the same official": the latest speaker (last 12 sentences,
        of a side or of none) whose name holds that head noun; else None. A speaker of no
        side is meant as much as one of a side the history keeps."""
        m = re.fullmatch(r"the\s+same\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z][\w-]+)", low)
        if m is None:
            return None
        head = m.group("head")
        stems = {head, head.removesuffix("s")}
        for at, sp in reversed(self.ctx.recent):
            if index - at > 12:
                break
            if stems & {w.lower().removesuffix("s") for w in _WORD.findall(sp.text)}:
                return sp
        return None

    def _there(self, low: str, sent: Sentence) -> tuple[str, str] | None:
        """The side of the place the sentence before opens with, for officials "there"
        ("Seoul's worry is what Pyongyang gets. Officials there say ..."): its first
        country or capital, the subject's (not a place it talks about later)."""
        if _THERE.fullmatch(low) is None:
            return None
        before = getattr(self, "_text", "")[max(0, sent.start - 400):sent.start].rstrip()
        last = re.split(r"[.!?][\"”’')]*\s+", before)[-1]
        for word in re.findall(r"[A-Z][\w'’-]+", last):
            side = bare_country(word)
            if side is not None:
                return side
        return None

    def _scene(self, s: str, sent: Sentence, start: int) -> tuple[str, str] | None:
        """The side of the place a sentence, or the paragraph it is in, opens with ("In
        Seoul, officials said ...", "In Washington, the mood was different. Officials told
        me ..."): where the writer has moved the scene, unnamed officials are that place's."""
        m = _SCENE.match(s)
        if m is None or m.end() > start:
            text = getattr(self, "_text", "")
            para = text.rfind("\n", 0, sent.start) + 1
            m = _SCENE.match(text, para) if text and para < sent.start else None
            if m is None or m.end() > sent.start:
                return None
        return bare_country(m.group("place"))

    def _possessor(self, s: str, sent: Sentence, start: int, end: int, verb: str,
                   index: int) -> Speaker | None:
        """A source owned by a possessive determiner ("its defense minister", "his post",
        "a video his office posted") of no side of its own speaks for the owner: the
        subject of the sentence's main clause before it when that names a side ("Seoul has
        refused ..., but its defense minister warned"), else the speaker named before."""
        words = [w.lower() for w in _WORD.findall(s[start:end])]
        if not words or not {"its", "his", "her", "their"} & set(words[:4]) or \
                self._cues(s, start, end) or words[0] in ("the", "a", "an") and \
                not {"his", "her", "its", "their"} & set(words[1:4]):
            return None
        if words[0] not in ("its", "his", "her", "their", "a", "an", "the") or \
                self._resolve_plain(s, start, end, verb, sent.start).perspectives:
            return None  # ("its Western allies": the West, by its own words)
        main = self._main_subject(s, start)
        if main is not None and main[1] <= start:
            sp = self._resolve_plain(s, *main, verb, sent.start)
            if len(sp.perspectives) == 1 and s[main[0]:main[1]].lower() not in self.r.pronouns:
                return sp.named(s[start:end], verb, sent.start + start, sent.start + end)
        antecedent = self._antecedent(sent, index)
        if antecedent is not None and antecedent.perspectives and \
                " and " not in antecedent.text:
            return antecedent.named(s[start:end], verb, sent.start + start, sent.start + end)
        return None

    def _opening_person(self, s: str, pos: int) -> tuple[str, str] | None:
        """The person cue the sentence opens with, when "he"/"she" at pos stands in an
        inserted clause (", she said,") later in the same sentence."""
        if not s[:pos].rstrip().endswith(","):
            return None
        first = next(iter(self._find(s, 0, pos)), None)
        if first is None or s[:first.start].strip() or len(first.cue.split()) < 2 or \
                not all(w[:1].isupper() for w in first.cue.split()) or \
                bare_country(first.cue) is not None:
            return None  # (a country is not "she")
        return first.key, first.cue

    def _clause_person(self, s: str, pos: int) -> tuple[str, str] | None:
        """The side of the person who is the subject of an opening time clause ending right
        before "he"/"she" at pos ("After Zelenskyy visited the front, he said ...")."""
        m = _OPENING_CLAUSE.match(s[:pos])
        if m is None:
            return None
        first = next(iter(self._find(s, m.start("clause"), m.end("clause"))), None)
        if first is None or first.start != m.start("clause") or \
                bare_country(first.cue) is not None:
            return None  # (the clause's subject is not a person the cues know; a country
            # is not "he")
        return first.key, first.cue

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
        if len(words) < 2 or words[0] not in ("one", "another", "a", "an", "some"):
            return None
        near = words[0] in ("a", "an", "some") and words[1] not in ("fellow", "second", "third")
        # ("a drone-unit commander" right after "Ukrainian commanders I spoke with": one
        # of them, when the group is named within the last sentence or two)
        head = next((w for w in words if w in CHANNEL_KINDS), words[-1].rstrip(".,"))
        # ("a blogger with about a million subscribers": the kind, not what follows it)
        if len(head) < 4:
            return None
        nouns = {head, head + "s", head + "es", head.removesuffix("s")} | (
            _KIN.get(head, set()))
        channel = head in CHANNEL_KINDS  # (the page's whole account of who writes)
        window = self._text[max(0, pos - (3000 if channel else 250 if near else 600)):pos]
        rx = re.compile(r"\b([A-Z][\w'-]+)\s+(?:[a-z][\w-]*\s+" +
                        (r"|[A-Z][\w-]*\s+" if channel else "") + r"){0,2}?(?i:" +
                        "|".join(re.escape(n) for n in sorted(nouns)) + r")\b")
        for m in reversed(list(rx.finditer(window))):
            # ("Interviews with Russian milbloggers": the nationality nearest the noun)
            for word in reversed(re.findall(r"[A-Z][\w'-]+", m.group())):
                placed = bare_country(word)
                if placed is not None:
                    return placed
        return None

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
        handle = _HANDLE.search(s, max(0, start - 1), end)
        if not keys and handle is not None:
            # "@ZelenskyyUa", "@zelenskyy_official": a handle's words name its owner
            words = _handle_words(handle.group("name"))
            for key, c in self._cues(words, 0, len(words)):
                if key not in keys:
                    keys.append(key)
                cue = cue or c
        if not keys:
            pro = _PRO.search(s, start, end)
            if pro is not None:  # "pro-Kremlin bloggers", "a pro-Ukrainian channel": the
                # side they support is the side they speak for
                word = pro.group(1)
                hits = self.m.find(word) or []
                placed = (hits[0].key, hits[0].cue) if hits else bare_country(word)
                if placed is not None:
                    keys, cue = [placed[0]], pro.group()
        if not keys:
            placed = bare_country(s[start:end]) or affiliation(s[start:end]) or \
                listed_name(s[start:end])
            # "Ukraine says", "Estonia's Hanno Pevkur", "a Ukrainian unit", "the SBU"
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


# How a government's own text names itself: "the Ministry", "the Government".
_OWN_BODY = re.compile(r"(?:[Tt]he\s+)?(?:Ministry|Government|Department|Office|Presidency|"
                       r"Chancellery|Cabinet)")
# A supporter of a side: "pro-Kremlin", "pro-Russian", "pro-Kyiv".
_PRO = re.compile(r"(?i)\bpro-([A-Z][\w]+)")
# What a source gave, before the source: "information from X", "intelligence provided by X".
_GIVEN_BY = re.compile(r"(?i)(?:the\s+)?(?:latest\s+|new\s+)?(?:information|intelligence|data|"
                       r"figures|estimates|assessments|reports)\s+(?:(?:provided|shared|"
                       r"released|supplied)\s+)?(?:from|by)\s+")
# A social-media handle: "@ZelenskyyUa", "@zelenskyy_official", "@MFA_Russia".
_HANDLE = re.compile(r"@(?P<name>[A-Za-z][\w]{1,30})")


# Officials of the place just named: "Officials there say ...".
_THERE = re.compile(r"(?:the\s+)?(?:[a-z]+\s+)?(?:officials|authorities|government|officers|"
                    r"lawmakers|sources)\s+(?:there|here)")
# A government body that has officials: "South Korea's foreign ministry", "the
# presidential office", "the Kremlin", "the interim government".
_BODY = re.compile(r"(?i)\b(?:ministry|office|government|administration|presidency|kremlin|"
                   r"cabinet|department|agency|embassy|military|command)\b")
def _handle_words(name: str) -> str:
    """The words of a handle: "ZelenskyyUa" -> "Zelenskyy Ua", "MFA_Russia" -> "MFA Russia"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name.replace("_", " ")).strip()


def _all_in(names: list[str], introduced: str) -> bool:
    """Are all the name words of a mention in the words that introduced someone?"""
    low = introduced.lower()
    return all(n in low for n in names)
