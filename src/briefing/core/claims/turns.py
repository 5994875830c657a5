"""Transcript turns: "Q: ...", "MR. KIRBY: ...", "Mao Ning: ...", "SPOKESPERSON: ...".

Press briefings, press conferences and doorsteps are written as turns, each paragraph
opened by a speaker label. Every sentence of an answer turn is a statement by the
labelled speaker; a question turn is not (speech it reports is found by the ordinary
attribution rules). Who a label is and which side they speak for is read from the
document itself: cues in the label, a fuller label of the same person ("GEN. RYDER" ->
"PENTAGON PRESS SECRETARY ... PAT RYDER"), the title or the header before the first
turn ("SPOKESPERSON" -> "Spokesperson of the Ministry of Foreign Affairs of Ukraine ..."),
and role phrases listed in resources/claims/attribution.toml ([turns]).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.core.claims.affiliation import affiliation, bare_country, foreign, postmodifier
from briefing.core.claims.cues import CueMatcher
from briefing.core.claims.rules import AttributionRules, attribution_rules
from briefing.core.claims.sentences import MARKERS, Sentence, paragraphs, split_sentences

# A label opening a paragraph: "Q:", "**Andrii Yusov:**", "Question [name, outlet]:".
_LABEL = re.compile(
    r"(?P<open>\*\*|__)?(?P<label>[A-Z][^:\n*_]{0,120}?)(?P<close>\*\*|__)?\s*:"
    r"(?P<after>\*\*|__)?\s*(?=\S)")
_ALONE = re.compile(
    r"(?P<open>\*\*|__)?(?P<label>[A-Z][^:\n*_]{0,120}?)(?P<close>\*\*|__)?\s*:(?P<after>\*\*|__)?")
# White House style: "Q    Mr. President, ..." (no colon after Q), "A. We ..."
_BARE_Q = re.compile(r"(?P<open>)(?P<label>Q|A)(?P<close>)(?:\.\s+|\s{2,}|(?<=Q)\s(?=[A-Z\"“]))"
                     r"(?P<after>)(?=\S)")
_NAME_WORD = re.compile(r"[\w.'’-]+")
_ASIDE = re.compile(r"\s*[(\[][^)\]]*[)\]]")
# A sentence of an answer opening with a country or its people as the subject, after an
# optional opening phrase: "Denmark will spend ...", "Since the war began, France has
# trained ...", "The Danish model has worked".
_OWN_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:[A-Z][^,.!?\n]{0,60},\s+)?(?P<subj>(?:The\s+)?[A-Z][\w'-]+"
    r"(?:\s+[A-Z][\w'-]+)?)(?:\s+[a-z]+)?\s+(?:has|have|is|are|was|will|would|can|cannot|"
    r"must|should|continues|remains|wants|needs|stands|supports)\b")
# The line that introduces an interview names who answers its bare "A:" turns ("An
# interview with Brig. Gen. X, deputy commander of Ukraine's 47th Brigade", "Q&A with a
# Ukrainian officer").
_INTERVIEW = re.compile(r"\b(?:interview|Q\s?&\s?A|Q and A|conversation|in talks?)\s+with\s+"
                        r"(?P<who>[^\n.;:!?]+(?:\.\s?[A-Z][^\n.;:!?]*)*)", re.IGNORECASE)
_INTRO_WORDS = 30  # an introducing line is short; a long paragraph only mentions interviews
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# A side the speaker reports or answers ("Moscow claims ...", "China tells us ...", "The
# Kremlin would like us to believe ..."): another party, never the speaker's own country.
_OTHER_PARTY = re.compile(
    r"(?P<subj>(?:The\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:[a-z]+ly\s+)?(?:says|said|"
    r"claims|claimed|tells|told|insists|denies|denied|wants\s+us|would\s+like\s+us|"
    r"accuses|threatens)\b")
_SITE_SPLIT = re.compile(r"\s*(?:_|\s[|–—-]\s|\s>\s)\s*")
# Words that make a multi-word cue an institution rather than a person's name.
_INSTITUTION = frozenset({"department", "house", "ministry", "council", "office", "service",
                          "agency", "officials", "intelligence", "forces", "army", "military",
                          "government", "administration", "estimates", "media", "embassy",
                          "staff", "of", "the", "and", "states", "kingdom", "union", "korea",
                          "korean", "republic", "times", "daily", "defence", "defense",
                          "commission", "street", "liberation", "lawmakers", "scholars",
                          "president", "minister", "by", "spy", "chief", "force"})
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "von", "van", "al", "der", "la", "du"})
# A full stop that ends a sentence, not an abbreviation ("Col. Butler", "U.S. Army").
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s")
# Where another named subject begins: ", Chancellor Merz", " and German Chancellor ...".
_COORDINATED = re.compile(r",\s+(?=[A-Z])|\s+and\s+(?:the\s+)?(?=[A-Z])|\s+&\s+(?=[A-Z])")
# The word that introduces the people of a title ("Remarks by ...", "Press point with ...").
_INTRODUCED = re.compile(r"\s(?:by|with)\s")
_CLAUSE_CUT = re.compile(
    r"[;.\n]|\s(?:on|about|at|ahead|holds|held|regarding|in|during|to|with|after|before)\s",
    re.IGNORECASE)


@dataclass
class Turn:
    """One turn: the label's span, the paragraphs it covers and whether it answers."""

    label: str
    label_start: int
    label_end: int
    first_paragraph: int
    last_paragraph: int = -1
    stop: int = -1  # where the next turn begins (offset)
    question: bool = False
    answer: bool = False
    speaker: str = ""
    perspectives: list[str] = field(default_factory=list)
    cue: str | None = None


def _label_words(label: str) -> list[str]:
    return _NAME_WORD.findall(_ASIDE.sub("", label))


_QUOTE_MARK = re.compile(r"[\"“”«»„]")


def _is_label(label: str, rules: AttributionRules) -> bool:
    """Does this text before a colon look like a speaker label (a name or a role)?"""
    words = _label_words(label)
    if not words or len(words) > 12 or _QUOTE_MARK.search(label):
        return False  # 'Yonhap, "NIS: ...' opens a cited headline, not a turn
    low = " ".join(w.lower() for w in words)
    if low in rules.turn_not_labels:
        return False
    if words[0].lower() in rules.turn_question_labels or low in ("q", "a"):
        return True
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words)


def _key(label: str) -> str:
    """Who a label names, for matching turns of the same person: the last name word."""
    words = _label_words(label)
    return words[-1].lower().rstrip(".") if words else ""


def find_turns(text: str, rules: AttributionRules | None = None,
               sentences: list[Sentence] | None = None) -> list[Turn]:
    """The turns of a transcript, or [] when the text is not written as turns.

    A text counts as a transcript when at least two paragraphs open with a label and
    either a label recurs or one of them is a question label.
    """
    r = rules or attribution_rules()
    spans = paragraphs(text)
    turns: list[Turn] = []
    for number, (start, end) in enumerate(spans):
        alone = _ALONE.fullmatch(text, start, end)  # "MR. KIRBY:" on a line of its own
        m = alone or _LABEL.match(text, start, end) or _BARE_Q.match(text, start, end)
        if m is None or bool(m.group("open")) != bool(m.group("close") or m.group("after")):
            continue
        label = m.group("label").strip()
        if not _is_label(label, r) or (m.end() >= end and alone is None):
            continue
        turns.append(Turn(label, start, end if alone else m.end(), number))
    inline = _inline_turns(text, r, {t.label_start for t in turns},
                           sentences if sentences is not None else split_sentences(text))
    inline_keys = [_key(t.label) for t in inline]
    if turns or (len(inline) >= 3 and len(set(inline_keys)) < len(inline_keys)):
        # Turns run together in one paragraph count when labels recur.
        turns.extend(inline)
        turns.sort(key=lambda t: t.label_start)
    keys = [_key(t.label) for t in turns]
    questions = [t for t in turns if _is_question_label(t.label, r)]
    if len(turns) < 2 or (len(set(keys)) == len(keys) and not questions):
        return []
    for i, t in enumerate(turns):
        nxt = turns[i + 1] if i + 1 < len(turns) else None
        t.stop = nxt.label_start if nxt is not None else len(text)
        t.last_paragraph = (nxt.first_paragraph - (nxt.first_paragraph > t.first_paragraph
                                                    and spans[nxt.first_paragraph][0] ==
                                                    nxt.label_start)
                            if nxt is not None else len(spans) - 1)
        _end_before(text, spans, t, _a_break)
        if " ".join(_label_words(t.label)).lower() in ("a", "answer"):
            _end_before(text, spans, t, _narration)
        body = text[t.label_end:t.stop].rstrip()
        t.question = _is_question_label(t.label, r) or (
            body.endswith("?") and _key(t.label) not in _answerers(turns[:i], r))
    turns = _exchange_turns(turns, r)
    answerers = _answerers(turns, r)
    any_question = any(t.question for t in turns)
    for t in turns:
        low = " ".join(w.lower() for w in _label_words(t.label))
        procedural = low in r.turn_procedural or _key(t.label) in r.turn_procedural
        # A person's name ("Maria Zakharova", "MR. KIRBY") answers even when no question
        # label precedes the turn (a joint press point, a question labelled by outlet).
        # A role ("Minister:", "SPOKESPERSON:") answers too: an opening statement before
        # the first question is the official's, as the answers after it are.
        role = " ".join(w for w in low.split() if w not in r.turn_role_modifiers)
        t.answer = not t.question and not procedural and (
            not any_question or _key(t.label) in answerers or _names_person(t.label) or
            role in r.turn_generic)
    return _unlabelled_answers(text, spans, turns)


# A paragraph that ends like a sentence or a clause, in any script (emphasis, footnote
# markers and closing quotes aside).
_ENDS = re.compile(r"[.!?。！？…:;,\"”’'»」』)\]]\W*$")
BREAK_WORDS = 12  # a heading is short


def _end_before(text: str, spans: list[tuple[int, int]], turn: Turn,
                ends: Callable[[str, int, int], bool]) -> None:
    """End the turn before the first paragraph after its first where `ends(text, start,
    end)` holds."""
    for n in range(turn.first_paragraph + 1, turn.last_paragraph + 1):
        if ends(text, *spans[n]):
            turn.last_paragraph, turn.stop = n - 1, spans[n][0]
            return


def _a_break(text: str, start: int, end: int) -> bool:
    """A heading or a table row: an exchange set inside an article ("Q: ... A: ...") gives
    way there to the article's next section, its table or its notes, which are not the
    answerer's words."""
    para = text[start:end].strip()
    words = para.split()
    heading = 0 < len(words) <= BREAK_WORDS and _ENDS.search(MARKERS.sub("", para)) is None
    return heading or " | " in para


# A writer's report in the third person ("In Seoul, officials said ...", "The Kremlin did
# not answer a request for comment", "..., he said").
_NARRATION = re.compile(
    r"\b(?:he|she|they|officials?|ministry|spokes(?:man|woman|person)|[A-Z][\w'’-]+)\s+"
    r"(?:[a-z]+ly\s+)?(?:said|says|told|added|called|denied|did\s+not\s+(?:answer|respond|"
    r"reply))\b|\brequest\s+for\s+comment\b|[,”\"]\s+(?:he|she)\s+(?:said|says|added)\b")


def _narration(text: str, start: int, end: int) -> bool:
    """The writer's narration resuming after a bare "A:" answer inside an article: a
    paragraph reporting someone in the third person is the writer's, not the
    interviewee's (who says "we", and is "he" only to the writer)."""
    return _NARRATION.search(text, start, end) is not None


def _exchange_turns(turns: list[Turn], r: AttributionRules) -> list[Turn]:
    """Drop "Name: text" lines after an exchange has ended at a break (a heading, a table):
    a one-off label there opens a link, a cited headline or a note ("Yonhap: NIS says
    troops rotated", "Kyiv Independent: Budanov interview"), not a new turn, unless it
    asks or is answered."""
    keys = [_key(t.label) for t in turns]
    kept: list[Turn] = []
    for i, t in enumerate(turns):
        prev = kept[-1] if kept else None
        asked = i + 1 < len(turns) and turns[i + 1].question  # "X: ..." then "Q: ..."
        if prev is not None and prev.stop < t.label_start and not t.question and \
                not asked and keys.count(_key(t.label)) == 1:
            continue
        kept.append(t)
    return kept


def _unlabelled_answers(text: str, spans: list[tuple[int, int]], turns: list[Turn]) -> list[Turn]:
    """Paragraphs after a question's "?" with no label of their own are the briefer's answer
    ("Q: ...?" then the answer as plain paragraphs, as many transcripts print it)."""
    out: list[Turn] = []
    for t in turns:
        out.append(t)
        if not t.question:
            continue
        asked = next((n for n in range(t.first_paragraph, t.last_paragraph + 1)
                      if text[spans[n][0]:spans[n][1]].rstrip("\"”’'*_ ").endswith("?")), None)
        if asked is None or asked >= t.last_paragraph:
            continue
        start = spans[asked + 1][0]
        out.append(Turn("A", start, start, asked + 1, t.last_paragraph, stop=t.stop,
                        answer=True))
        t.last_paragraph, t.stop = asked, spans[asked][1]
    return out


def _inline_turns(text: str, r: AttributionRules, known: set[int],
                  sentences: list[Sentence]) -> list[Turn]:
    """Labels opening a sentence inside a paragraph ("...? Maria Zakharova: We ..."), in a
    text already written as turns: a name or role, every word capitalised, at most five."""
    out: list[Turn] = []
    for sent in sentences:
        if sent.start in known or text[sent.start:sent.start + 1].islower():
            continue
        m = _LABEL.match(text, sent.start, sent.end)
        if m is None or m.group("open") or m.end() >= sent.end:
            continue
        label = m.group("label").strip()
        words = _label_words(label)
        if len(words) > 5 or not _is_label(label, r) or \
                any(w[:1].islower() for w in words):
            continue
        out.append(Turn(label, sent.start, m.end(), sent.paragraph))
    return out


# Titles and ranks before a name: "AMBASSADOR HWANG JOON-KOOK", "COLONEL VERNET".
_HONORIFIC = re.compile(r"^(?:MR|MRS|MS|DR|GEN|SEC|ADM|COL|AMB|SECRETARY|PRESIDENT|MINISTER|"
                        r"CHANCELLOR|AMBASSADOR|GENERAL|COLONEL|ADMIRAL|SENATOR|"
                        r"(?:LIEUTENANT|MAJOR|BRIGADIER)[ -]GENERAL)\b\.?", re.IGNORECASE)

# An office with its qualifier before a surname ("FOREIGN MINISTER WEBER").
_QUALIFIED_OFFICE = re.compile(r"(?:FOREIGN|DEFEN[CS]E|PRIME|VICE|DEPUTY|FIRST|HIGH|INTERIOR|"
                               r"FINANCE)\s+(?:MINISTER|SECRETARY|PRESIDENT|REPRESENTATIVE)\b",
                               re.IGNORECASE)


def _names_person(label: str) -> bool:
    """Does the label name a person ("Mao Ning", "MR. KIRBY", "Maj. Gen. Ryder")?"""
    words = _label_words(label)
    if _HONORIFIC.match(label.strip()) and len(words) >= 2:
        return True
    if _QUALIFIED_OFFICE.match(label.strip()) and len(words) >= 3:
        return True  # "FOREIGN MINISTER WEBER", "DEFENCE SECRETARY HEALEY"
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:2].islower() for w in words)


# Question words that open a longer label too ("Question from Reuters", "Journalist Ivan
# Petrov"); the others ("Press", "Media") only alone: "Press Secretary Kobayashi" answers.
_ASKING = frozenset({"q", "question", "questioner", "reporter", "journalist", "correspondent"})


def _is_question_label(label: str, r: AttributionRules) -> bool:
    words = _label_words(label)
    if not words:
        return False
    first = words[0].lower()
    return first in r.turn_question_labels and (len(words) == 1 or first in _ASKING)


def _answerers(turns: list[Turn], r: AttributionRules) -> set[str]:
    """Keys of speakers who take the turn right after a question."""
    out: set[str] = set()
    for prev, t in zip(turns, turns[1:], strict=False):
        if prev.question and not t.question and not _is_question_label(t.label, r):
            out.add(_key(t.label))
    return out


class TurnResolver:
    """Resolves each answering label to a speaker and perspectives, from the document."""

    def __init__(self, matcher: CueMatcher, text: str, title: str, turns: list[Turn],
                 rules: AttributionRules | None = None, publisher: str = "",
                 home: tuple[str, str] | None = None) -> None:
        self.m = matcher
        self.r = rules or attribution_rules()
        self.turns = turns
        header = text[:turns[0].label_start] if turns else ""
        self.context = [c for c in (title, header) if c.strip()]
        # Site-name pieces of a title ("..._Ministry of Foreign Affairs of the People's
        # Republic of China", "... | U.S. Department of Defense") name the host.
        self.hosts = [p for c in self.context for p in _SITE_SPLIT.split(c)[1:] if p.strip()]
        if publisher.strip():
            self.hosts.insert(0, publisher)
        self.home = home  # the publisher's side (claims/home.py), the last resort
        self.interviewee = _interviewee([title, *header.splitlines()])
        self.text = text
        self._cache: dict[str, tuple[str, list[str], str | None]] = {}
        self._surnames = _surnames(matcher)

    def resolve(self, turn: Turn) -> None:
        """Fill the turn's speaker, perspectives and cue."""
        label = turn.label
        if label not in self._cache:
            self._cache[label] = self._resolve(label)
        turn.speaker, keys, turn.cue = self._cache[label]
        turn.perspectives = list(keys)

    def _cues(self, text: str) -> tuple[list[str], str | None]:
        keys: list[str] = []
        cue = None
        for c in self.m.find(text):
            owner = postmodifier(text, c.end)  # "Ministry of Defence of Ukraine"
            key, found = owner if owner is not None else (c.key, c.cue)
            if key not in keys:
                keys.append(key)
            cue = cue or found
        if not keys:
            placed = affiliation(text)
            if placed is not None:
                keys, cue = [placed[0]], placed[1]
        return keys, cue

    def _role(self, text: str) -> tuple[list[str], str | None]:
        low = " ".join(text.lower().split())
        for phrase, key in self.r.turn_roles.items():
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low):
                return [key], phrase
        return [], None

    def _resolve(self, label: str) -> tuple[str, list[str], str | None]:
        name = " ".join(_label_words(label))
        if name.lower().startswith("the "):
            name = name[4:]  # "THE PRESIDENT"
        generic = (name.lower() in ("a", "answer")  # "DEPUTY SPOKESPERSON" too
                   or _bare_role(name.lower(), self.r.turn_role_modifiers)
                   in self.r.turn_generic)
        # 1. The label itself: "NATO Secretary General Mark Rutte", "Lin Jian", or the
        # surname of a person cue ("MS. JEAN-PIERRE" -> "Karine Jean-Pierre").
        keys, cue = self._cues(label)
        if keys:
            return label, keys, cue
        words = _label_words(label)
        if words and not generic:
            hit = self._surnames.get(words[-1].lower())
            if hit is not None:
                return label, [hit[0]], hit[1]
        # 2. A fuller label of the same person elsewhere in the transcript.
        key = _key(label)
        if not generic:
            for t in self.turns:
                if t.label != label and (_key(t.label) == key or _within(label, t.label)):
                    keys, cue = self._cues(t.label)
                    if not keys:
                        keys, cue = self._role(t.label)
                    if keys:
                        return label, keys, cue
        # 3. The line introducing an interview names who answers "A:".
        if name.lower() in ("a", "answer") and self.interviewee:
            keys, cue = self._cues(self.interviewee)
            if keys:
                return self.interviewee, keys, cue
        # 4. The title or header naming this speaker or role.
        for ctx in self.context:
            window = self._window(ctx, name, generic)
            if window:
                keys, cue = self._cues(window)
                if not keys:
                    keys, cue = self._role(window)
                if keys:
                    return (window if generic else label), keys, cue
                if foreign(window):  # "the Prime Minister of Japan": of no side of ours,
                    return (window if generic else label), [], None  # not the host's
        # 5. A role phrase in the label ("SENIOR DEFENSE OFFICIAL").
        keys, cue = self._role(label)
        if keys:
            return label, keys, cue
        # 6. The host: the publisher or the site name in the title.
        named = next((w for w in (self._window(c, name, generic) for c in self.context) if w),
                     "") if generic else ""
        for host in self.hosts:  # a briefer nobody names speaks for the host
            keys, cue = self._cues(host)
            if keys:
                return named or label, keys, cue
        if self.home is not None and (generic or _names_person(label)):
            return named or label, [self.home[0]], self.home[1]
        own = self._own_country(label)
        if own is not None:
            return label, [own[0]], own[1]
        return label, [], None

    def _own_country(self, label: str) -> tuple[str, str] | None:
        """The country a speaker of no stated side speaks for, from their own answers: the
        side they name as the subject of their sentences while speaking as "we" ("Denmark
        has been clear ... Denmark will spend ... we need legal certainty"), when it is
        named at least twice and twice as often as any other. A side they report ("Moscow
        claims ...") or name as an owner ("Russia's economy") is another party."""
        key = _key(label)
        counts: dict[str, int] = {}
        cues: dict[str, str] = {}
        others: set[str] = set()
        for t in self.turns:
            if t.question or not (t.label == label or _key(t.label) == key or
                                  _within(label, t.label) or _within(t.label, label)):
                continue
            body = self.text[t.label_end:t.stop if t.stop > 0 else len(self.text)]
            if not _FIRST_PLURAL.search(body):
                continue
            for m in _OWN_SUBJECT.finditer(body):
                subj = m.group("subj")
                subj = subj[4:] if subj.startswith("The ") else subj
                if subj.split()[0].endswith(("'s", "’s")):
                    continue  # "Russia's economy is overheating": about Russia, not as it
                placed = bare_country(subj) or bare_country(subj.split()[0])
                if placed is not None:
                    counts[placed[0]] = counts.get(placed[0], 0) + 1
                    cues.setdefault(placed[0], placed[1])
            for m in _OTHER_PARTY.finditer(body):
                subj = m.group("subj")
                placed = bare_country(subj[4:] if subj.startswith("The ") else subj)
                if placed is not None:
                    others.add(placed[0])
        for side in others:
            counts.pop(side, None)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0], cues[ranked[0][0]]

    def _window(self, ctx: str, name: str, generic: bool) -> str:
        """The clause of ctx that names the speaker (up to a topic preposition)."""
        if generic and name.lower() in ("a", "answer"):
            roles = sorted(self.r.turn_generic, key=len, reverse=True)
            m = next((m for m in (re.search(rf"\b{re.escape(r)}\b", ctx, re.I) for r in roles)
                      if m), None)
        else:
            words = name.split()
            m = re.search(rf"\b{re.escape(name)}\b", ctx, re.I) or (
                re.search(rf"\b{re.escape(words[-1])}\b", ctx, re.I) if words and
                len(words[-1]) > 2 else None)
        if m is None:
            return ""
        left = max([ctx.rfind(sep, 0, m.start()) for sep in (";", "\n", ":")] +
                   [e.start() for e in _SENTENCE_END.finditer(ctx, 0, m.start())])
        cut = _CLAUSE_CUT.search(ctx, m.end())
        right = cut.start() if cut else len(ctx)
        if not generic or name.lower() not in ("a", "answer"):
            # a named person or a role among others ("President Lee, Chancellor Merz vow
            # ...", "Joint press point with NATO Secretary General X and the Prime Minister
            # of Japan"): the other named subjects are not this speaker
            left = max([left, *[w.end() - 1 for w in _INTRODUCED.finditer(ctx, left + 1,
                                                                            m.start())]])
            before = [o.end() for o in _COORDINATED.finditer(ctx, left + 1, m.start() + 1)]
            left = max([left, *[b - 1 for b in before]])
            after = _COORDINATED.search(ctx, m.end(), right)
            right = after.start() if after else right
            if generic:  # a role ends at its comma: "Prime Minister, the Kremlin says ..."
                # (a question as the title) names no more of this speaker
                comma = ctx.find(",", m.end(), right)
                right = comma if comma >= 0 else right
        return ctx[left + 1:right].strip()


def _interviewee(lines: list[str]) -> str:
    """Who an interview's bare answers belong to: the last short line before the turns
    that says "interview with X" ("" when none does)."""
    found = ""
    for line in lines:
        m = _INTERVIEW.search(line) if len(line.split()) <= _INTRO_WORDS else None
        if m is not None:
            found = m.group("who").strip()
    return found


def _within(short: str, full: str) -> bool:
    """Is `short` a shorter label of the person `full` names, whichever order the name
    comes in ("AMBASSADOR PARK" in "AMBASSADOR PARK SEUNG-HO (Republic of Korea)")?"""
    a = [w.lower().rstrip(".") for w in _label_words(short)]
    b = [w.lower().rstrip(".") for w in _label_words(full)]
    named = [w for w in a if not _HONORIFIC.fullmatch(w)]
    return bool(named) and len(a) < len(b) and all(w in b for w in a)


def _surnames(matcher: CueMatcher) -> dict[str, tuple[str, str]]:
    """Last names of person cues ("Karine Jean-Pierre" -> "jean-pierre"), when unambiguous."""
    found: dict[str, tuple[str, str] | None] = {}
    for cue, key in matcher.owner.items():
        words = cue.split()
        if len(words) < 2 or len(words) > 3 or any(w in _INSTITUTION for w in words):
            continue
        last = words[-1].removesuffix("'s")
        if len(last) < 3:
            continue
        prev = found.get(last)
        found[last] = (key, cue) if prev is None and last not in found else (
            prev if prev is not None and prev[0] == key else None)
    return {k: v for k, v in found.items() if v is not None}


def turn_of(turns: list[Turn], sent: Sentence) -> Turn | None:
    """The turn a sentence belongs to (None outside any turn)."""
    for t in turns:
        if t.label_start <= sent.start < t.stop:
            return t
    return None


def _bare_role(label: str, modifiers: frozenset[str]) -> str:
    """The role without the words that qualify it ("deputy spokesperson" -> "spokesperson")."""
    words = label.split()
    while len(words) > 1 and words[0] in modifiers:
        words.pop(0)
    return " ".join(words)
